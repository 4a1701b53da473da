package dataset

import (
	"bytes"
	"io"
	"math"

	"github.com/natospend/natospend/pkg/defence"
)

// encodeAid writes the aid releases and aid-packages files of ds, for
// Encode.
func encodeAid(ds *defence.Dataset, head Head) ([]Source, error) {
	var out []Source
	for _, id := range sortedIDs(ds.AidReleases) {
		var buf bytes.Buffer
		if err := EncodeAidRelease(&buf, head.Comment, ds.AidReleases[id]); err != nil {
			return nil, err
		}
		out = append(out, Source{Name: "aid-" + id + ".yaml", Data: buf.Bytes()})
	}
	for _, id := range sortedIDs(ds.AidPackages) {
		var buf bytes.Buffer
		if err := EncodeAidPackages(&buf, head.Comment, ds.AidPackages[id]); err != nil {
			return nil, err
		}
		out = append(out, Source{Name: "aid-packages-" + id + ".yaml", Data: buf.Bytes()})
	}
	return out, nil
}

// notes writes a notes: list, when notes is not nil.
func (e *enc) notes(notes []string) {
	if notes == nil {
		return
	}
	e.b = append(e.b, "notes:"...)
	if len(notes) == 0 {
		e.b = append(e.b, " []"...)
	}
	e.line()
	for _, n := range notes {
		e.b = append(e.b, "  - "...)
		e.text("notes", n)
		e.line()
	}
}

// EncodeAidRelease writes an aid file: its provenance, then one flow
// mapping per donor, by code.
func EncodeAidRelease(w io.Writer, comment string, r *defence.AidRelease) error {
	e := newEnc(w)
	e.comment(comment)
	e.b = append(e.b, "kind: "+kindAid...)
	e.line()
	e.key(false, "id")
	e.id("aid release id", r.ID, false)
	e.line()
	for _, kv := range [][2]string{{"title", r.Title}, {"publisher", r.Publisher}} {
		e.key(false, kv[0])
		e.text(kv[0], kv[1])
		e.line()
	}
	e.key(false, "published")
	e.date("published", r.Published, true)
	e.line()
	if r.PeriodStart != "" {
		e.key(false, "period_start")
		e.date("period_start", r.PeriodStart, false)
		e.line()
	}
	e.key(false, "cutoff")
	e.date("cutoff", r.Cutoff, false)
	e.line()
	e.key(false, "url")
	e.text("url", r.URL)
	e.line()
	for _, kv := range [][2]string{{"via", r.Via}, {"measure", r.Measure}} {
		if kv[1] != "" {
			e.key(false, kv[0])
			e.text(kv[0], kv[1])
			e.line()
		}
	}
	if r.GDPYear != 0 {
		e.key(false, "gdp_year")
		e.year("gdp_year", r.GDPYear)
		e.line()
	}
	e.notes(r.Notes)
	e.b = append(e.b, "donors:"...)
	e.line()
	if len(r.Donors) == 0 {
		e.fail("aid release %s has no donors", r.ID)
	}
	for _, code := range sortedIDs(r.Donors) {
		d := r.Donors[code]
		e.b = append(e.b, "  "...)
		e.code("donors", code)
		e.b = append(e.b, ": {"...)
		n := 0
		for _, f := range []struct {
			k  string
			v  defence.Num
			lo float64
			hi float64
		}{
			{"military_meur", d.Military, 0, maxEUR},
			{"financial_meur", d.Financial, 0, maxEUR},
			{"humanitarian_meur", d.Humanitarian, 0, maxEUR},
			{"total_meur", d.Total, 0, maxEUR},
			{"total_commitment_meur", d.Commitments, 0, maxEUR},
			{"gdp_beur", d.GDP, math.SmallestNonzeroFloat64, maxGDP},
		} {
			if f.v.Known {
				e.key(n > 0, f.k)
				e.num("donors."+code+"."+f.k, f.v.V, f.lo, f.hi)
				n++
			}
		}
		if d.Note != "" {
			e.key(n > 0, "note")
			e.text("note", d.Note)
			n++
		}
		if n == 0 {
			e.fail("donors.%s: nothing known", code)
		}
		e.b = append(e.b, '}')
		e.line()
	}
	return e.done()
}

// EncodeAidPackages writes an aid-packages file, one block mapping per
// package, in the order given.
func EncodeAidPackages(w io.Writer, comment string, ps *defence.AidPackages) error {
	e := newEnc(w)
	e.comment(comment)
	e.b = append(e.b, "kind: "+kindAidPackages...)
	e.line()
	e.key(false, "id")
	e.id("aid packages id", ps.ID, false)
	e.line()
	e.key(false, "title")
	e.text("title", ps.Title)
	e.line()
	e.notes(ps.Notes)
	e.b = append(e.b, "packages:"...)
	e.line()
	if len(ps.Packages) == 0 {
		e.fail("aid packages %s: no packages", ps.ID)
	}
	for _, p := range ps.Packages {
		first := true
		field := func(k string) {
			if first {
				e.b = append(e.b, "  - "...)
				first = false
			} else {
				e.b = append(e.b, "    "...)
			}
			e.key(false, k)
		}
		field("donor")
		e.code("donor", p.Donor)
		e.line()
		field("date")
		e.date("date", p.Date, false)
		e.line()
		field("amount_m")
		e.num("amount_m", p.Amount, math.SmallestNonzeroFloat64, maxMoney)
		e.line()
		field("currency")
		e.code("currency", p.Currency) // also three upper-case letters
		e.line()
		if p.USD.Known {
			field("amount_usd_m")
			e.num("amount_usd_m", p.USD.V, math.SmallestNonzeroFloat64, maxMoney)
			e.line()
		}
		for _, kv := range [][2]string{{"purpose", p.Purpose}, {"url", p.URL}, {"quote", p.Quote}, {"note", p.Note}} {
			if kv[1] != "" || kv[0] == "purpose" || kv[0] == "url" {
				field(kv[0])
				e.text(kv[0], kv[1])
				e.line()
			}
		}
	}
	return e.done()
}
