// Package aidreport is the aid report: each selected donor's support to
// Ukraine from a tracker's release (Kiel's Ukraine Support Tracker), its
// share of all donors and of its GDP, and the totals, with the one
// declaration of its fields. The aid and report commands both build it
// here, so that a figure prints the same in each.
package aidreport

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
)

// SchemaVersion of the aid command's JSON output. Fields are only ever
// added.
const SchemaVersion = 1

// Query is a validated aid request, resolved against the data.
type Query struct {
	Release *defence.AidRelease
	Kind    string
	Sort    string
	Reverse bool
	Codes   []string // the selected donors, sorted
	All     bool     // no --donor or --group: every donor of the release
	// GDPYear, with --gdp-year, is the year of the GDP the % of GDP uses
	// instead of the release's own: GDP in euros (billion) by donor, from
	// GDPRelease's GDP in USD at the EUR/USD rate GDPRelease's own figures
	// imply for that year (GDPRate); a donor without it has no % of GDP.
	GDPYear    int
	GDP        map[string]defence.Num
	GDPRate    calc.Rate
	GDPRelease *defence.Release
}

// Row is one selected donor.
type Row struct {
	Code string
	Name string
	// InRelease is false for a selected country the release does not list:
	// its amounts are unknown (never zero).
	InRelease   bool
	Institution bool
	Donor       defence.AidDonor
	// Share is the donor's amount of the kind as a percentage of all the
	// release's donors' amount of that kind.
	Share defence.Num
	// PctGDP is the donor's amount of the kind as a percentage of its GDP.
	PctGDP defence.Num
}

// Totals are the sums over the selected donors.
type Totals struct {
	Donors         int // selected
	DonorsWithData int // with a known amount of the kind
	Amounts        map[string]defence.Num
	// AllDonors is the amount of the kind summed over every donor of the
	// release: the denominator of the shares. Unknown when a donor's
	// amount is.
	AllDonors defence.Num
	Share     defence.Num
	// PctGDP is the selected countries' amount of the kind over their GDP,
	// both summed over the countries with both known; institutions are left
	// out (their GDP is their members').
	PctGDP    defence.Num
	GDP       float64 // billion EUR
	GDPDonors int
}

// Report is the result of an aid run.
type Report struct {
	Query  *Query
	Rows   []Row
	Totals Totals
	Notes  []string
}

// Compute works out the rows and totals.
func Compute(ds *defence.Dataset, q *Query) *Report {
	rel := q.Release
	rep := &Report{Query: q}
	all := 0.0
	allKnown := len(rel.Donors) > 0
	for _, d := range rel.Donors {
		a := d.Amount(q.Kind)
		if !a.Known {
			allKnown = false
			continue
		}
		all += a.V
	}
	t := Totals{Donors: len(q.Codes), Amounts: map[string]defence.Num{}}
	if allKnown {
		t.AllDonors = defence.N(all)
	}
	sums := map[string]float64{}
	known := map[string]bool{}
	gdpAmount := 0.0
	for _, code := range q.Codes {
		c := ds.Countries[code]
		d, in := rel.Donors[code]
		row := Row{Code: code, Name: c.Name, InRelease: in, Institution: c.Institution, Donor: d}
		if row.Name == "" {
			row.Name = code
		}
		a := d.Amount(q.Kind)
		if a.Known && allKnown && all > 0 {
			row.Share = defence.N(a.V / all * 100)
		}
		gdp := d.GDP // the release's own GDP, billion EUR
		if q.GDP != nil {
			gdp = q.GDP[code] // --gdp-year's, or unknown: never the release's instead
		}
		if a.Known && gdp.Known && gdp.V > 0 {
			// GDP is in billion EUR, the amount in million EUR.
			row.PctGDP = defence.N(a.V / (gdp.V * 1000) * 100)
			if !c.Institution {
				gdpAmount += a.V
				t.GDP += gdp.V
				t.GDPDonors++
			}
		}
		if a.Known {
			t.DonorsWithData++
		}
		for _, k := range defence.AidKinds {
			if x := d.Amount(k); x.Known {
				sums[k] += x.V
				known[k] = true
			}
		}
		rep.Rows = append(rep.Rows, row)
	}
	for _, k := range defence.AidKinds {
		if known[k] {
			t.Amounts[k] = defence.N(sums[k])
		}
	}
	if s := t.Amounts[q.Kind]; s.Known && allKnown && all > 0 {
		t.Share = defence.N(s.V / all * 100)
	}
	if t.GDPDonors > 0 {
		t.PctGDP = defence.N(gdpAmount / (t.GDP * 1000) * 100)
	}
	rep.Totals = t
	rep.sort()
	rep.Notes = rep.notes()
	return rep
}

// sort orders the donors by --sort, in the one direction of every
// --sort (calc.Ranked: largest first, unknown last; name A to Z), turned
// round by --reverse; ties by name, then code. amount is the column of
// --kind.
func (r *Report) sort() {
	slices.SortStableFunc(r.Rows, func(a, b Row) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	word := r.Query.Sort
	if word == "amount" {
		word = r.Query.Kind
	}
	render.SortRows(r.fields(), r.Rows, word, func(x, y render.Cell, text bool) int {
		if text {
			return calc.RankedNames(x.Text, y.Text, r.Query.Reverse)
		}
		return calc.Ranked(defence.Num{V: x.Num, Known: x.Known}, defence.Num{V: y.Num, Known: y.Known}, r.Query.Reverse)
	})
}

// SortWords are aid's --sort words: amount (the column of --kind), then
// those of its fields (render.Spec.Sort), declared once with them.
func SortWords() []string {
	r := &Report{Query: &Query{Release: &defence.AidRelease{}, Kind: defence.AidTotal}}
	out := []string{"amount", "pct-gdp", "name"} // first, as --sort listed them before every column was sortable
	for _, w := range render.SortWords(r.fields()) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// kindTitle is "Military", "Total", ...
func kindTitle(kind string) string { return strings.ToUpper(kind[:1]) + kind[1:] }

// gdpBasis says which GDP a row's pct_gdp uses.
func (r *Report) gdpBasis() string {
	rel := r.Query.Release
	if q := r.Query; q.GDP != nil {
		return fmt.Sprintf("%s: %d GDP, USD at %.6f EUR per USD (implied by the same release: %s)", q.GDPRelease.ID, q.GDPYear, q.GDPRate.PerUSD, q.GDPRate.Source)
	}
	if rel.GDPYear == 0 {
		return rel.ID + ": GDP, EUR"
	}
	return fmt.Sprintf("%s: %d GDP, EUR", rel.ID, rel.GDPYear)
}

func (r *Report) notes() []string {
	q, rel := r.Query, r.Query.Release
	var out []string
	src := fmt.Sprintf("Source: %s, %s (%s), %s", rel.Publisher, rel.Title, rel.ID, rel.URL)
	if rel.Measure != "" {
		src += "; " + rel.Measure
	}
	if rel.PeriodStart != "" {
		src += fmt.Sprintf(", %s to %s", rel.PeriodStart, rel.Cutoff)
	} else {
		src += ", up to " + rel.Cutoff
	}
	out = append(out, src+".")
	if r.Totals.AllDonors.Known {
		out = append(out, fmt.Sprintf("Share: of the %s aid of all %d donors in the release (EUR %s m), whatever the selection.",
			q.Kind, len(rel.Donors), AmountText(r.Totals.AllDonors.V)))
	} else {
		out = append(out, fmt.Sprintf("Share: unknown, as a donor of the release has no %s amount (the total of all donors is unknown).", q.Kind))
	}
	gdp := "the donor's GDP in euros as the release gives it"
	if rel.GDPYear != 0 {
		gdp = fmt.Sprintf("the donor's %d GDP in euros as the release gives it", rel.GDPYear)
	}
	if q.GDP != nil {
		out = append(out, fmt.Sprintf("%% GDP (--gdp-year %d): %s aid / the donor's %d GDP in US dollars from release %s%s, converted to euros at %.6f EUR per USD, the rate the same release's figures imply for %d (%s); a donor without GDP in %s (a non-ally) has none.",
			q.GDPYear, q.Kind, q.GDPYear, q.GDPRelease.ID, estimateText(q.GDPRelease, q.GDPYear), q.GDPRate.PerUSD, q.GDPYear, q.GDPRate.Source, q.GDPRelease.ID))
	} else {
		out = append(out, fmt.Sprintf("%% GDP: %s aid / %s (not NATO's or the IMF's GDP).", q.Kind, gdp))
	}
	var missing []string
	inst := false
	for _, row := range r.Rows {
		if !row.InRelease {
			missing = append(missing, row.Name)
		}
		inst = inst || row.Institution && row.InRelease
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		out = append(out, fmt.Sprintf("Not in %s: %s (unknown, not zero).", rel.ID, strings.Join(missing, ", ")))
	}
	if inst {
		out = append(out, "XEU, EU (Commission and Council), is not a country: the EU's institutions; member states' rows exclude their share of EU aid. The totals' % GDP leaves it out (its GDP is its members').")
	}
	out = append(out, "Aid is context, never defence spending: NATO's defence figures already include what each ally reports, so natospend never adds aid to defence.")
	return out
}

// fields are the aid report's fields, declared once: the human table, the
// CSV/TSV and the JSON rows derive from them. The keys are a contract,
// only ever added to, at the end.
func (r *Report) fields() []render.Spec[Row] {
	q, rel := r.Query, r.Query.Release
	kt := kindTitle(q.Kind)
	gdpTitle := kt + " % GDP"
	switch {
	case q.GDP != nil:
		gdpTitle = fmt.Sprintf("%s %% GDP %d", kt, q.GDPYear)
	case rel.GDPYear != 0:
		gdpTitle = fmt.Sprintf("%s %% GDP %d", kt, rel.GDPYear)
	}
	amount := func(get func(defence.AidDonor) defence.Num) func(Row) render.Cell {
		return func(row Row) render.Cell { return num(get(row.Donor)) }
	}
	return []render.Spec[Row]{
		{Key: "code", Title: "Code", Drop: 1, Get: func(row Row) render.Cell { return render.T(row.Code) }},
		{Key: "name", Title: "Donor", Sort: "name", Get: func(row Row) render.Cell { return render.T(row.Name) }},
		{Key: "military_meur", Sort: "military", Title: "Military €m", Kind: render.Number, Decimals: 1, Get: amount(func(d defence.AidDonor) defence.Num { return d.Military })},
		{Key: "financial_meur", Sort: "financial", Drop: 3, Title: "Financial €m", Kind: render.Number, Decimals: 1, Get: amount(func(d defence.AidDonor) defence.Num { return d.Financial })},
		{Key: "humanitarian_meur", Sort: "humanitarian", Drop: 2, Title: "Humanitarian €m", Kind: render.Number, Decimals: 1, Get: amount(func(d defence.AidDonor) defence.Num { return d.Humanitarian })},
		{Key: "total_meur", Sort: "total", Title: "Total €m", Kind: render.Number, Decimals: 1, Get: amount(func(d defence.AidDonor) defence.Num { return d.Total })},
		{Key: "share_of_total_pct", Sort: "share-of-total", Title: kt + " share %", Kind: render.Percent, Get: func(row Row) render.Cell { return num(row.Share) }},
		{Key: "pct_gdp", Sort: "pct-gdp", Title: gdpTitle, Kind: render.Number, Decimals: 3, Get: func(row Row) render.Cell { return num(row.PctGDP) }},
		{Key: "gdp_basis", Get: func(row Row) render.Cell {
			if row.PctGDP.Known {
				return render.T(r.gdpBasis())
			}
			return render.T("")
		}},
		{Key: "cutoff", Get: func(Row) render.Cell { return render.T(rel.Cutoff) }},
		{Key: "release", Get: func(Row) render.Cell { return render.T(rel.ID) }},
	}
}

func num(n defence.Num) render.Cell { return render.Opt(n.V, n.Known) }

// MachineTable is one row per donor, for CSV and TSV.
func (r *Report) MachineTable() *render.Table { return render.MachineTable(r.fields(), r.Rows) }

// HumanTable is the table for people.
func (r *Report) HumanTable() *render.Table {
	q, rel := r.Query, r.Query.Release
	period := "up to " + rel.Cutoff
	if rel.PeriodStart != "" {
		period = rel.PeriodStart + " to " + rel.Cutoff
	}
	tot := r.Totals
	footer := map[string]render.Cell{
		"name":               render.T(fmt.Sprintf("Total (%d of %d)", tot.DonorsWithData, tot.Donors)),
		"military_meur":      num(tot.Amounts[defence.AidMilitary]),
		"financial_meur":     num(tot.Amounts[defence.AidFinancial]),
		"humanitarian_meur":  num(tot.Amounts[defence.AidHumanitarian]),
		"total_meur":         num(tot.Amounts[defence.AidTotal]),
		"share_of_total_pct": num(tot.Share),
		"pct_gdp":            num(tot.PctGDP),
	}
	fields := r.fields()
	return render.HumanTable(
		fmt.Sprintf("Support to Ukraine by donor, %s aid: %s, %s (%s), %s, EUR m", q.Kind, rel.Publisher, rel.Title, rel.ID, period),
		fields, r.Rows,
		func(i int) (render.Cell, bool) { c, ok := footer[fields[i].Key]; return c, ok },
		r.Notes)
}

// totalFields are the fields of the totals for the xlsx Totals sheet: the
// keys, in order, of the JSON totals (jsonTotals).
func (r *Report) totalFields() []render.Spec[Totals] {
	money := func(key string, get func(Totals) defence.Num) render.Spec[Totals] {
		return render.Spec[Totals]{Key: key, Kind: render.Money, Get: func(t Totals) render.Cell { return render.Opt(get(t).V, get(t).Known) }}
	}
	amount := func(kind string) func(Totals) defence.Num {
		return func(t Totals) defence.Num { return t.Amounts[kind] }
	}
	return []render.Spec[Totals]{
		{Key: "kind", Get: func(Totals) render.Cell { return render.T(r.Query.Kind) }},
		{Key: "donors", Kind: render.Int, Get: func(t Totals) render.Cell { return render.N(float64(t.Donors)) }},
		{Key: "donors_with_data", Kind: render.Int, Get: func(t Totals) render.Cell { return render.N(float64(t.DonorsWithData)) }},
		money("military_meur", amount(defence.AidMilitary)),
		money("financial_meur", amount(defence.AidFinancial)),
		money("humanitarian_meur", amount(defence.AidHumanitarian)),
		money("total_meur", amount(defence.AidTotal)),
		{Key: "share_of_total_pct", Kind: render.Percent, Get: func(t Totals) render.Cell { return render.Opt(t.Share.V, t.Share.Known) }},
		money("all_donors_meur", func(t Totals) defence.Num { return t.AllDonors }),
		{Key: "pct_gdp", Kind: render.Percent, Get: func(t Totals) render.Cell { return render.Opt(t.PctGDP.V, t.PctGDP.Known) }},
		{Key: "gdp_beur", Kind: render.Money, Get: func(t Totals) render.Cell { return render.N(t.GDP) }},
		{Key: "gdp_donors", Kind: render.Int, Get: func(t Totals) render.Cell { return render.N(float64(t.GDPDonors)) }},
	}
}

// TotalsTable is the totals as one row (the xlsx Totals sheet).
func (r *Report) TotalsTable() *render.Table {
	return render.MachineTable(r.totalFields(), []Totals{r.Totals})
}

// Sources is the aid release, for the xlsx Sources sheet.
func (r *Report) Sources() []calc.Source {
	rel := r.Query.Release
	out := []calc.Source{{ID: rel.ID, Title: rel.Title, Publisher: rel.Publisher, Published: rel.Published, Cutoff: rel.Cutoff, URL: rel.URL, Via: rel.Via}}
	if r.Query.GDPRelease != nil {
		out = append(out, calc.SourceOf(r.Query.GDPRelease))
	}
	return out
}

// estimateText says when a release marks the year's figures of the
// selected donors as estimates (NATO's June 2024 release: 2023 and 2024).
func estimateText(rel *defence.Release, year int) string {
	for _, ys := range rel.Cells() {
		if f, ok := ys[year]; ok && f.GDP.Known && f.Estimate {
			return fmt.Sprintf(" (its %d figures are estimates)", year)
		}
	}
	return ""
}

// JSON returns the JSON document of the report.
func (r *Report) JSON() any {
	q, rel := r.Query, r.Query.Release
	doc := jsonReport{
		SchemaVersion: SchemaVersion,
		Release:       rel.ID,
		Title:         rel.Title,
		Publisher:     rel.Publisher,
		Published:     rel.Published,
		PeriodStart:   rel.PeriodStart,
		Cutoff:        rel.Cutoff,
		URL:           rel.URL,
		Kind:          q.Kind,
		Currency:      "EUR",
		GDPBasis:      r.gdpBasis(),
		Rows:          []render.Object{},
		Totals:        []jsonTotals{},
		Notes:         append([]string{}, r.Notes...),
	}
	if q.GDPRelease != nil {
		id := q.GDPRelease.ID
		doc.GDPRelease = &id
	}
	doc.Rows = append(doc.Rows, render.Objects(r.fields(), r.Rows)...)
	tot := r.Totals
	doc.Totals = append(doc.Totals, jsonTotals{
		Kind: q.Kind, Donors: tot.Donors, DonorsWithData: tot.DonorsWithData,
		Military: ptr(tot.Amounts[defence.AidMilitary]), Financial: ptr(tot.Amounts[defence.AidFinancial]),
		Humanitarian: ptr(tot.Amounts[defence.AidHumanitarian]), Total: ptr(tot.Amounts[defence.AidTotal]),
		Share: ptr(tot.Share), AllDonors: ptr(tot.AllDonors), PctGDP: ptr(tot.PctGDP),
		GDP: round6(tot.GDP), GDPDonors: tot.GDPDonors,
	})
	return doc
}

type jsonReport struct {
	SchemaVersion int             `json:"schema_version"`
	Release       string          `json:"release"`
	Title         string          `json:"title"`
	Publisher     string          `json:"publisher"`
	Published     string          `json:"published"`
	PeriodStart   string          `json:"period_start"`
	Cutoff        string          `json:"cutoff"`
	URL           string          `json:"url"`
	Kind          string          `json:"kind"`
	Currency      string          `json:"currency"`
	GDPBasis      string          `json:"gdp_basis"`
	Rows          []render.Object `json:"rows"`
	Totals        []jsonTotals    `json:"totals"`
	Notes         []string        `json:"notes"`
	// GDPRelease (added later): with --gdp-year, the release whose GDP and
	// implied EUR/USD rate the % of GDP uses; null without it.
	GDPRelease *string `json:"gdp_release"`
}

type jsonTotals struct {
	Kind           string   `json:"kind"`
	Donors         int      `json:"donors"`
	DonorsWithData int      `json:"donors_with_data"`
	Military       *float64 `json:"military_meur"`
	Financial      *float64 `json:"financial_meur"`
	Humanitarian   *float64 `json:"humanitarian_meur"`
	Total          *float64 `json:"total_meur"`
	Share          *float64 `json:"share_of_total_pct"`
	AllDonors      *float64 `json:"all_donors_meur"`
	PctGDP         *float64 `json:"pct_gdp"`
	GDP            float64  `json:"gdp_beur"`
	GDPDonors      int      `json:"gdp_donors"`
}

func ptr(n defence.Num) *float64 {
	if !n.Known {
		return nil
	}
	v := round6(n.V)
	return &v
}

// round6 removes float noise from machine numbers.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// AmountText prints an amount as published, with thousands separators and
// no trailing zeros: 1,000; 166,463.893; 8,800.
func AmountText(v float64) string {
	s := render.FormatNumber(v, 3)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
