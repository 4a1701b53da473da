package dataset

import (
	"bytes"
	"io"
	"math"

	"github.com/natospend/natospend/pkg/defence"
)

// The encoders of a whole dataset, of a targets file and of the aid files
// are the tests' (round trips through Load, fuzzing): no command writes
// those files. The importers write releases, countries and groups with
// encode.go's EncodeRelease, EncodeCountries and EncodeGroups.

// Encode writes the dataset as data files that Load reads back to the same
// values, Source fields aside (they name the files and lines read): one
// countries, one groups and one targets file (each left out when empty)
// and one file per release, named after its id. head goes at the top of
// each file.
//
// Encode refuses what the loader would refuse, such as a NaN, a code that
// is not three upper-case letters or an empty release, rather than write a
// file that does not load.
func Encode(ds *defence.Dataset, head Head) ([]Source, error) {
	var out []Source
	add := func(name string, write func(w io.Writer) error) error {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		out = append(out, Source{Name: name, Data: buf.Bytes()})
		return nil
	}
	if len(ds.Countries) > 0 {
		if err := add("countries.yaml", func(w io.Writer) error { return EncodeCountries(w, head, mapValues(ds.Countries)) }); err != nil {
			return nil, err
		}
	}
	if len(ds.Groups) > 0 {
		if err := add("groups.yaml", func(w io.Writer) error { return EncodeGroups(w, head, mapValues(ds.Groups)) }); err != nil {
			return nil, err
		}
	}
	if len(ds.Targets) > 0 {
		if err := add("targets.yaml", func(w io.Writer) error { return EncodeTargets(w, head, mapValues(ds.Targets)) }); err != nil {
			return nil, err
		}
	}
	for _, id := range sortedIDs(ds.Releases) {
		r := ds.Releases[id]
		if err := add("release-"+id+".yaml", func(w io.Writer) error { return EncodeRelease(w, head.Comment, r) }); err != nil {
			return nil, err
		}
	}
	more, err := encodeAid(ds, head)
	if err != nil {
		return nil, err
	}
	return append(out, more...), nil
}

func mapValues[V any](m map[string]V) []V {
	out := make([]V, 0, len(m))
	for _, k := range sortedIDs(m) {
		out = append(out, m[k])
	}
	return out
}

// EncodeTargets writes a targets file, in the order given.
func EncodeTargets(w io.Writer, h Head, ts []defence.Target) error {
	e := newEnc(w)
	if len(ts) == 0 {
		e.fail("a targets file needs a target")
	}
	e.head(kindTargets, h)
	e.b = append(e.b, "targets:"...)
	e.line()
	for _, t := range ts {
		what := "target " + t.ID
		e.b = append(e.b, "  "...)
		e.id(what, t.ID, true)
		e.b = append(e.b, ':')
		e.line()
		field := func(k string) { e.b = append(e.b, "    "...); e.key(false, k) }
		field("name")
		e.text(what+" name", t.Name)
		e.line()
		field("pct")
		e.num(what+" pct", t.Pct, math.SmallestNonzeroFloat64, 100)
		e.line()
		switch t.Measure {
		case defence.MeasureShare:
		case defence.MeasureEquipment:
			field("measure")
			e.text(what+" measure", t.Measure)
			e.line()
			if t.Components != nil {
				e.fail("%s: a target of the equipment share has no components", what)
			}
		default:
			e.fail("%s: %q is not a measure (expected %q or %q)", what, t.Measure, defence.MeasureShare, defence.MeasureEquipment)
		}
		if t.Deadline != 0 {
			field("deadline")
			e.year(what+" deadline", t.Deadline)
			e.line()
		}
		if t.Agreed != "" {
			field("agreed")
			e.date(what+" agreed", t.Agreed, false)
			e.line()
		}
		if t.Definition != "" {
			field("definition")
			e.text(what+" definition", t.Definition)
			e.line()
		}
		field("citation")
		e.text(what+" citation", t.Citation)
		e.line()
		for _, kv := range [][2]string{{"url", t.URL}, {"note", t.Note}} {
			if kv[1] != "" {
				field(kv[0])
				e.text(what+" "+kv[0], kv[1])
				e.line()
			}
		}
		if t.Components != nil {
			e.b = append(e.b, "    components:"...)
			if len(t.Components) == 0 {
				e.fail("%s: an empty list of components", what)
			}
			e.line()
			for _, c := range t.Components {
				e.b = append(e.b, "      - {"...)
				e.key(false, "id")
				e.id(what+" component", c.ID, false)
				if c.Name != "" {
					e.key(true, "name")
					e.text(what+" component name", c.Name)
				}
				e.key(true, "pct")
				e.num(what+" component pct", c.Pct, math.SmallestNonzeroFloat64, 100)
				e.key(true, "basis")
				e.text(what+" component basis", c.Basis)
				e.b = append(e.b, '}')
				e.line()
			}
		}
	}
	return e.done()
}

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

// EncodeAidRelease writes an aid file: its provenance, then one flow
// mapping per donor, by code.
func EncodeAidRelease(w io.Writer, comment string, r *defence.AidRelease) error {
	e := newEnc(w)
	e.idHead(comment, kindAid, "aid release id", r.ID)
	for _, kv := range [][2]string{{"title", r.Title}, {"publisher", r.Publisher}} {
		e.textLine(kv[0], kv[1])
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
	e.textLine("url", r.URL)
	for _, kv := range [][2]string{{"via", r.Via}, {"measure", r.Measure}} {
		if kv[1] != "" {
			e.textLine(kv[0], kv[1])
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
	e.idHead(comment, kindAidPackages, "aid packages id", ps.ID)
	e.textLine("title", ps.Title)
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
