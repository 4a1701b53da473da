package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
	"go.yaml.in/yaml/v3"
)

// The kinds of data file about support to Ukraine (docs/data.md): a
// tracker's per-donor allocations, and individual announced packages.
const (
	kindAid         = "aid"
	kindAidPackages = "aid-packages"
)

const (
	maxEUR = 1e9 // million EUR: a thousand trillion euros
	maxGDP = 1e6 // billion EUR: a thousand trillion euros

	expEUR      = "an amount in million EUR from 0 to 1000000000"
	expGDPBEUR  = "an amount in billion EUR greater than 0 and at most 1000000"
	expAmountM  = "an amount in millions of the currency, greater than 0 and at most 1000000000"
	expUSDM     = "an amount in million USD greater than 0 and at most 1000000000"
	userRanges  = "AAA-AAZ, QMA-QZZ, XAA-XZZ or ZZA-ZZZ"
	currencyExp = "expected an ISO 4217 currency code, three upper-case letters such as EUR"
)

var (
	aidFile = &schema{keys: []string{"kind", "id", "title", "publisher", "published", "period_start", "cutoff",
		"url", "via", "measure", "gdp_year", "notes", "donors"},
		required: []string{"id", "title", "publisher", "published", "cutoff", "url", "donors"}}
	aidDonorSchema = &schema{keys: []string{"military_meur", "financial_meur", "humanitarian_meur", "total_meur",
		"total_commitment_meur", "gdp_beur", "note"}}
	aidPackagesFile  = &schema{keys: []string{"kind", "id", "title", "notes", "packages"}, required: []string{"id", "title", "packages"}}
	aidPackageSchema = &schema{keys: []string{"donor", "date", "amount_m", "currency", "amount_usd_m", "purpose",
		"url", "quote", "note"}, required: []string{"donor", "date", "amount_m", "currency", "purpose", "url"}}
)

// aidParsed is what an aid or aid-packages file holds (parsed.aid).
type aidParsed struct {
	release  *defence.AidRelease
	packages *defence.AidPackages
	at       int // line of the id
}

func (w *walker) aidOut() *aidParsed {
	if w.out.aid == nil {
		w.out.aid = &aidParsed{}
	}
	return w.out.aid
}

// texts reads a list of texts, such as notes.
func (w *walker) texts(v *yaml.Node, p fpath) []string {
	if v.Kind != yaml.SequenceNode {
		w.add(v.Line, p, "found "+describe(v)+" (expected a list of texts)")
		w.skipped(v, p)
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for i, n := range v.Content {
		if !w.plain(n, p.idx(i)) {
			continue
		}
		if s, ok := w.text(n, p.idx(i), CapNote); ok {
			out = append(out, s)
		}
	}
	return out
}

// aidID reads the id of an aid or aid-packages file.
func (w *walker) aidID(v *yaml.Node, p fpath, what string) string {
	id, ok := w.text(v, p, CapLabel)
	if !ok {
		return ""
	}
	if !isID(id, false) {
		w.add(v.Line, p, show(id)+" is not "+what+" id (expected lower-case letters, digits and -)")
		return ""
	}
	w.aidOut().at = v.Line
	return id
}

func (w *walker) aidFile(root *yaml.Node) {
	r := &defence.AidRelease{Source: w.file}
	var donors, gdpYear *yaml.Node
	var donorsAt fpath
	w.object(root, fpath{}, aidFile, "a mapping", func(key string, k, v *yaml.Node) {
		kp := fpath{}.k(key)
		switch key {
		case "id":
			r.ID = w.aidID(v, kp, "an aid release")
		case "title":
			r.Title, _ = w.text(v, kp, CapTitle)
		case "publisher":
			r.Publisher, _ = w.text(v, kp, CapTitle)
		case "published":
			r.Published, _ = w.date(v, kp, true)
		case "period_start":
			r.PeriodStart, _ = w.date(v, kp, false)
		case "cutoff":
			r.Cutoff, _ = w.date(v, kp, false)
		case "url":
			r.URL, _ = w.text(v, kp, CapURL)
		case "via":
			r.Via, _ = w.text(v, kp, CapNote)
		case "measure":
			r.Measure, _ = w.text(v, kp, CapTitle)
		case "gdp_year":
			r.GDPYear, _ = w.year(v, kp)
			gdpYear = v
		case "notes":
			r.Notes = w.texts(v, kp)
		case "donors":
			donors, donorsAt = v, kp
		}
	})
	if r.PeriodStart != "" && r.Cutoff != "" && r.PeriodStart > r.Cutoff {
		w.add(root.Line, fpath{}.k("period_start"), fmt.Sprintf("%s is after the cutoff %s (expected the first day the amounts count)", r.PeriodStart, r.Cutoff))
	}
	r.Donors = map[string]defence.AidDonor{}
	firstGDP := 0
	if donors != nil && !w.full {
		w.entries(donors, donorsAt, "a mapping of country codes to donors", strings.ToUpper, checkCode, func(code string, k, v *yaml.Node) {
			w.out.refs = append(w.out.refs, ref{code: code, line: k.Line, field: donorsAt.k(code)})
			d, gdpLine := w.aidDonor(v, donorsAt.k(code))
			d.Source = w.place(k.Line)
			if gdpLine != 0 && firstGDP == 0 {
				firstGDP = gdpLine
			}
			r.Donors[code] = d
		})
	}
	if firstGDP != 0 && gdpYear == nil {
		w.add(firstGDP, fpath{}.k("gdp_year"), "required field is missing: the donors' gdp_beur needs the year of that GDP")
	}
	w.aidOut().release = r
}

func (w *walker) aidDonor(n *yaml.Node, p fpath) (defence.AidDonor, int) {
	var d defence.AidDonor
	var parts [4]*yaml.Node // military, financial, humanitarian, total
	gdpLine := 0
	nonEmpty := w.object(n, p, aidDonorSchema, "a mapping of amounts such as total_meur", func(key string, k, v *yaml.Node) {
		kp := p.k(key)
		eur := func(i int) defence.Num {
			x, ok := w.inRange(v, kp, 0, maxEUR, false, expEUR)
			if ok && i >= 0 {
				parts[i] = v
			}
			return x
		}
		switch key {
		case "military_meur":
			d.Military = eur(0)
		case "financial_meur":
			d.Financial = eur(1)
		case "humanitarian_meur":
			d.Humanitarian = eur(2)
		case "total_meur":
			d.Total = eur(3)
		case "total_commitment_meur":
			d.Commitments = eur(-1)
		case "gdp_beur":
			d.GDP, _ = w.inRange(v, kp, 0, maxGDP, true, expGDPBEUR)
			gdpLine = v.Line
		case "note":
			d.Note, _ = w.text(v, kp, CapNote)
		}
	})
	if nonEmpty && len(n.Content) == 0 {
		w.add(n.Line, p, "found an empty mapping (expected amounts; leave the donor out when nothing is known)")
	}
	w.checkAidSum(parts, d, p)
	return d, gdpLine
}

// checkAidSum checks that total_meur is the sum of the three parts, within
// the rounding of the figures as written: 2 units of the last decimal of
// the least precise of the four (each may be rounded by half a unit).
func (w *walker) checkAidSum(parts [4]*yaml.Node, d defence.AidDonor, p fpath) {
	decimals := math.MaxInt
	for _, n := range parts {
		if n == nil {
			return
		}
		if strings.ContainsAny(n.Value, "eE") {
			return // an exponent: no decimal places to judge rounding by
		}
		dec := 0
		if _, frac, ok := strings.Cut(n.Value, "."); ok {
			dec = len(frac)
		}
		decimals = min(decimals, dec)
	}
	sum := d.Military.V + d.Financial.V + d.Humanitarian.V
	tolerance := 2*math.Pow10(-decimals) + 1e-9*math.Max(sum, d.Total.V)
	if math.Abs(sum-d.Total.V) > tolerance {
		w.add(parts[3].Line, p.k("total_meur"), fmt.Sprintf("%s is not military_meur + financial_meur + humanitarian_meur = %s (expected their sum, give or take the rounding of the last decimal)",
			show(parts[3].Value), strconv.FormatFloat(sum, 'f', decimals, 64)))
	}
}

func (w *walker) aidPackagesFile(root *yaml.Node) {
	ps := &defence.AidPackages{Source: w.file}
	var list *yaml.Node
	w.object(root, fpath{}, aidPackagesFile, "a mapping", func(key string, k, v *yaml.Node) {
		kp := fpath{}.k(key)
		switch key {
		case "id":
			ps.ID = w.aidID(v, kp, "an aid-packages")
		case "title":
			ps.Title, _ = w.text(v, kp, CapTitle)
		case "notes":
			ps.Notes = w.texts(v, kp)
		case "packages":
			list = v
		}
	})
	if list != nil && !w.full {
		p := fpath{}.k("packages")
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			w.add(list.Line, p, "found "+describe(list)+" (expected a non-empty list of packages)")
			w.skipped(list, p)
		} else {
			ps.Packages = make([]defence.AidPackage, 0, len(list.Content))
			for i, n := range list.Content {
				if w.full {
					break
				}
				if !w.plain(n, p.idx(i)) {
					continue
				}
				ps.Packages = append(ps.Packages, w.aidPackage(n, p.idx(i)))
			}
		}
	}
	w.aidOut().packages = ps
}

func (w *walker) aidPackage(n *yaml.Node, p fpath) defence.AidPackage {
	pk := defence.AidPackage{Source: w.place(n.Line)}
	var usdAt *yaml.Node
	w.object(n, p, aidPackageSchema, "a mapping with donor, date, amount_m, currency, purpose and url", func(key string, k, v *yaml.Node) {
		kp := p.k(key)
		switch key {
		case "donor":
			if code, ok := w.text(v, kp, CapLabel); ok {
				if msg := checkCode(code); msg != "" {
					w.add(v.Line, kp, msg)
				} else {
					pk.Donor = code
					w.out.refs = append(w.out.refs, ref{code: code, line: v.Line, field: kp})
				}
			}
		case "date":
			pk.Date, _ = w.date(v, kp, false)
		case "amount_m":
			x, _ := w.inRange(v, kp, 0, maxMoney, true, expAmountM)
			pk.Amount = x.V
		case "currency":
			if c, ok := w.text(v, kp, CapLabel); ok {
				if !isCode(c) {
					w.add(v.Line, kp, show(c)+" is not a currency code ("+currencyExp+")")
				} else {
					pk.Currency = c
				}
			}
		case "amount_usd_m":
			pk.USD, _ = w.inRange(v, kp, 0, maxMoney, true, expUSDM)
			usdAt = v
		case "purpose":
			pk.Purpose, _ = w.text(v, kp, CapTitle)
		case "url":
			pk.URL, _ = w.text(v, kp, CapURL)
		case "quote":
			pk.Quote, _ = w.text(v, kp, CapNote)
		case "note":
			pk.Note, _ = w.text(v, kp, CapNote)
		}
	})
	if pk.Currency == "USD" && usdAt != nil {
		w.add(usdAt.Line, p.k("amount_usd_m"), "not allowed with currency: USD (amount_m is already in US dollars; leave amount_usd_m out)")
	}
	return pk
}

// institution reads the institution flag of a country.
func (w *walker) institution(v *yaml.Node, p fpath) (bool, int) {
	b, _ := w.boolean(v, p)
	return b, v.Line
}

// checkInstitution holds a donor that is not a country (institution: true)
// to a code that no country can have, from ISO 3166-1's user-assigned
// range, and keeps it out of NATO.
func (w *walker) checkInstitution(c defence.Country, line int, p fpath) {
	if !c.Institution {
		return
	}
	if !userAssigned(c.Code) {
		w.add(line, p.k("institution"), c.Code+" is a code ISO 3166-1 may give to a country (expected, for an institution, a code from the user-assigned range "+userRanges+", such as XEU)")
	}
	if c.NATOSince != 0 {
		w.add(line, p.k("institution"), "an institution is not a NATO ally (leave out nato_since, or institution)")
	}
}

// userAssigned reports whether an alpha-3 code is in ISO 3166-1's
// user-assigned range, which ISO never gives to a country.
func userAssigned(code string) bool {
	if !isCode(code) {
		return false
	}
	switch {
	case code[0] == 'X':
		return true
	case code[:2] == "AA", code[:2] == "ZZ":
		return true
	case code[0] == 'Q' && code[1] >= 'M':
		return true
	}
	return false
}

// aidMerge is the merger's record of aid and aid-packages ids.
type aidMerge struct {
	release  map[string]releaseAt
	packages map[string]releaseAt
}

// addAid merges the aid release or packages of a file: like releases, a
// user file replaces the embedded one of the same id; an id used twice
// among the embedded files, or among the user's, is an error.
func (m *merger) addAid(f *parsed, embedded bool) {
	a := f.aid
	if a == nil {
		return
	}
	if m.aid.release == nil {
		m.aid.release = map[string]releaseAt{}
		m.aid.packages = map[string]releaseAt{}
	}
	if m.ds.AidReleases == nil {
		m.ds.AidReleases = map[string]*defence.AidRelease{}
	}
	if m.ds.AidPackages == nil {
		m.ds.AidPackages = map[string]*defence.AidPackages{}
	}
	at := releaseAt{defence.Place{File: f.name, Line: a.at}, embedded}
	claim := func(seen map[string]releaseAt, id, what string) bool {
		if first, dup := seen[id]; dup && (embedded || !first.embedded) {
			m.errs = append(m.errs, &Error{File: at.File, Line: at.Line, Field: "id",
				Msg: fmt.Sprintf("%s %s is defined twice (also at %s)", what, id, first.Place)})
			return false
		}
		seen[id] = at
		return true
	}
	if r := a.release; r != nil && r.ID != "" && claim(m.aid.release, r.ID, "aid release") {
		m.ds.AidReleases[r.ID] = r
	}
	if ps := a.packages; ps != nil && ps.ID != "" && claim(m.aid.packages, ps.ID, "aid packages") {
		m.ds.AidPackages[ps.ID] = ps
	}
}

// crossCheckAid reports the country codes used by the surviving aid files
// that no countries file defines.
func (m *merger) crossCheckAid(f *parsed) Errors {
	a := f.aid
	if a == nil {
		return nil
	}
	what := ""
	switch {
	case a.release != nil && (a.release.ID == "" || m.ds.AidReleases[a.release.ID] == a.release):
		what = "the aid release"
	case a.packages != nil && (a.packages.ID == "" || m.ds.AidPackages[a.packages.ID] == a.packages):
		what = "the aid packages"
	default:
		return nil
	}
	var errs Errors
	for _, r := range f.refs {
		if _, ok := m.ds.Countries[r.code]; !ok {
			errs = append(errs, &Error{File: f.name, Line: r.line, Field: r.field.String(),
				Msg: fmt.Sprintf("%s uses the country %s, which no countries file defines", what, r.code)})
		}
	}
	return errs
}
