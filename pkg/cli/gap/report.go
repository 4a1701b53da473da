package gap

import (
	"fmt"
	"math"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/targets"
)

// SchemaVersion of the JSON output. Fields are only ever added.
const SchemaVersion = 1

// Report is a computed gap report (pkg/calc) with what the gap command
// adds for display: the --show-aid context.
type Report struct {
	*calc.Report
	Aid *AidContext // --show-aid (aid.go): context only, never added to defence
}

// Column kinds of the machine table, in order. The keys are the CSV header
// and the JSON row keys: a contract, only ever added to, at the end.
var machineColumns = []render.Column{
	{Key: "code"}, {Key: "name"}, {Key: "year", Kind: render.Int}, {Key: "release"},
	{Key: "estimate", Kind: render.Bool}, {Key: "gdp_musd", Kind: render.Money}, {Key: "gdp_source"},
	{Key: "defence_musd", Kind: render.Money}, {Key: "share_pct", Kind: render.Percent},
	{Key: "target_pct", Kind: render.Percent}, {Key: "required_musd", Kind: render.Money},
	{Key: "gap_musd", Kind: render.Money}, {Key: "status"},
	// added after the first list
	{Key: "target"}, {Key: "part"}, {Key: "approximate", Kind: render.Bool},
	{Key: "gap_min_musd", Kind: render.Money}, {Key: "gap_max_musd", Kind: render.Money},
	{Key: "defence_published_musd", Kind: render.Money}, {Key: "year_is_earlier", Kind: render.Bool},
	{Key: "base_year", Kind: render.Int}, {Key: "deadline", Kind: render.Int}, {Key: "years_left", Kind: render.Int},
	{Key: "gdp_deadline_musd", Kind: render.Money}, {Key: "gdp_deadline_source"},
	{Key: "required_deadline_musd", Kind: render.Money}, {Key: "increase_musd", Kind: render.Money},
	{Key: "annual_growth_pct", Kind: render.Percent},
	// added with the on-track question
	{Key: "trend"}, {Key: "trend_share_pct", Kind: render.Percent},
}

// RowFields lists the CSV header and JSON keys of a gap row, in order.
func RowFields() []string {
	out := make([]string, len(machineColumns))
	for i, c := range machineColumns {
		out[i] = c.Key
	}
	return out
}

// gdpSource describes where a line's GDP comes from; with a deadline, also
// how it was grown to the deadline.
func gdpSource(ln calc.Line) string {
	if ln.Deadline.Set && ln.Deadline.GDPSource != "" && ln.Deadline.Year != ln.Deadline.BaseYear {
		return ln.GDPSource + " + " + ln.Deadline.GDPSource
	}
	return ln.GDPSource
}

// MachineTable is one row per country and measure, for CSV and TSV.
func (r *Report) MachineTable() *render.Table {
	t := &render.Table{Columns: machineColumns}
	for _, ln := range r.Lines {
		dl := ln.Deadline
		trend, trendShare := "", defence.Unknown
		if ln.HasTrend {
			trend, trendShare = string(ln.Trend.Status), ln.Trend.Share
		}
		t.Rows = append(t.Rows, []render.Cell{
			render.T(ln.Code), render.T(ln.Name), year(ln.Year), render.T(ln.Release),
			render.B(ln.Estimate), num(ln.GDP), render.T(gdpSource(ln)),
			num(ln.Spending), num(ln.Share), render.N(ln.TargetPct), num(ln.Required),
			num(ln.Gap), render.T(string(ln.Status)),
			render.T(ln.Measure.Target.ID), render.T(string(ln.Measure.Part)), render.B(ln.Approximate),
			num(ln.GapMin), num(ln.GapMax), num(ln.Defence), render.B(ln.Earlier),
			year(dl.BaseYear), year(dl.Year), render.Opt(float64(dl.YearsLeft), dl.Set),
			num(dl.GDP), render.T(dl.GDPSource), num(dl.Required), num(dl.Increase), num(dl.Growth),
			render.T(trend), num(trendShare),
		})
	}
	r.addAidMachine(t)
	return t
}

// HumanTable is one row per country, a column group per measure.
func (r *Report) HumanTable() *render.Table {
	single := len(r.Measures) == 1
	cols := []render.Column{
		{Title: "Code"}, {Title: "Country"}, {Title: "Year", Kind: render.Int},
		{Title: "GDP $bn", Kind: render.Money}, {Title: "Defence $bn", Kind: render.Money},
		{Title: "Share %", Kind: render.Percent},
	}
	for _, m := range r.Measures {
		switch {
		case m.Bounded:
			cols = append(cols, render.Column{Title: "Gap " + m.Label() + " $bn"})
		case m.Part == calc.PartResilience:
			cols = append(cols, render.Column{Title: "Need " + m.Label() + " $bn", Kind: render.Money})
		default:
			cols = append(cols, render.Column{Title: "Gap " + m.Label() + " $bn", Kind: render.Money})
		}
		if deadlineColumns(m) {
			by := fmt.Sprint(m.Deadline)
			cols = append(cols,
				render.Column{Title: "Need " + by + " $bn", Kind: render.Money},
				render.Column{Title: "Growth %/yr", Kind: render.Percent})
		}
		if m.Deadline != 0 && m.Part != calc.PartResilience {
			cols = append(cols, render.Column{Title: "Trend"})
		}
		if !single && m.Part != calc.PartResilience {
			cols = append(cols, render.Column{Title: "Status " + m.Label()})
		}
	}
	if single {
		cols = append(cols, render.Column{Title: "Status"})
	}
	t := &render.Table{Title: r.title(), Columns: cols}
	for _, code := range r.Order {
		lines := r.ByCode[code]
		first := lines[0]
		cells := []render.Cell{render.T(first.Code), render.T(first.Name), yearCell(first.Obs),
			num(first.GDP), num(coreSpending(first)), num(first.Share)}
		for _, ln := range lines {
			switch {
			case ln.Measure.Bounded && !ln.Gap.Known:
				cells = append(cells, render.T(rangeText(ln.GapMin, ln.GapMax)))
			case ln.Measure.Bounded:
				cells = append(cells, render.T(render.FormatBillions(ln.Gap.V)))
			case ln.Measure.Part == calc.PartResilience:
				cells = append(cells, num(ln.Required))
			default:
				c := num(ln.Gap)
				if ln.Approximate {
					c.Mark = "~"
				}
				cells = append(cells, c)
			}
			if deadlineColumns(ln.Measure) {
				cells = append(cells, num(ln.Deadline.Required), num(ln.Deadline.Growth))
			}
			if ln.HasTrend {
				cells = append(cells, render.T(string(ln.Trend.Status)))
			}
			if !single && ln.Measure.Part != calc.PartResilience {
				cells = append(cells, render.T(string(ln.Status)))
			}
		}
		if single {
			cells = append(cells, render.T(string(first.Status)))
		}
		t.Rows = append(t.Rows, cells)
	}
	tot := r.baseTotals()
	footer := []render.Cell{render.T(""), render.T(fmt.Sprintf("Total (%d of %d)", tot.WithData, tot.Countries)), render.U(),
		num(tot.GDP), num(tot.Defence), num(tot.Share)}
	for _, tt := range r.Totals {
		m := tt.Measure
		switch {
		case m.Bounded && !tt.Gap.Known:
			footer = append(footer, render.T(rangeText(tt.GapMin, tt.GapMax)))
		case m.Bounded:
			footer = append(footer, render.T(render.FormatBillions(tt.Gap.V)))
		case m.Part == calc.PartResilience:
			footer = append(footer, num(tt.Required))
		default:
			footer = append(footer, num(tt.Gap))
		}
		if deadlineColumns(m) {
			footer = append(footer, num(tt.Deadline.Required), num(tt.Deadline.Growth))
		}
		if m.Deadline != 0 && m.Part != calc.PartResilience {
			footer = append(footer, render.T(fmt.Sprintf("%d on track", tt.OnTrack)))
		}
		if !single && m.Part != calc.PartResilience {
			footer = append(footer, render.T(fmt.Sprintf("%d meet", tt.Meeting)))
		}
	}
	if single {
		footer = append(footer, render.T(fmt.Sprintf("%d meet", tot.Meeting)))
	}
	t.Footer = footer
	r.addAidHuman(t)
	t.Notes = r.summary()
	return t
}

// deadlineColumns reports whether the table shows a measure's deadline
// money (not for a range or the resilience part).
func deadlineColumns(m calc.Measure) bool {
	return m.Deadline != 0 && m.Part != calc.PartResilience && !m.Bounded
}

// bn prints money in $ bn for sentences.
func bn(v float64) string { return render.BillionsText(v) }

// netText says a net sum in words: a shortfall or a surplus, never "$-x".
func netText(v float64) string {
	if v < 0 {
		return "a surplus of " + bn(-v)
	}
	return "a shortfall of " + bn(v)
}

// meetText says "3 of 31 countries with data meet it", agreeing in number.
func meetText(meet, of int) string {
	noun := "countries"
	if of == 1 {
		noun = "country"
	}
	return fmt.Sprintf("%d of %d %s with data %s it", meet, of, noun, verb(meet, "meets", "meet"))
}

// verb picks the singular or plural form for n.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// summary is the notes under the human table.
func (r *Report) summary() []string {
	var out []string
	for _, tt := range r.Totals {
		m := tt.Measure
		switch {
		case m.Part == calc.PartResilience:
			if tt.Required.Known {
				out = append(out, fmt.Sprintf("%s: requires %s; the spending is not in NATO's tables.", m.Label(), bn(tt.Required.V)))
			}
			continue
		case m.Bounded:
			s := fmt.Sprintf("%s: %s on core spending alone, %d %s short (core below %s%%), %d undetermined",
				m.Label(), meetText(tt.Meeting, tt.WithData), tt.Short, verb(tt.Short, "falls", "fall"), targets.FormatPct(m.Pct-m.ResilPct), tt.Undetermined)
			switch {
			case tt.Gap.Known:
				s += fmt.Sprintf("; the gaps add up to %s.", netText(tt.Gap.V))
			case tt.GapMin.Known && tt.GapMax.Known:
				s += fmt.Sprintf("; the gaps add up to between %s and %s: resilience spending is unknown.", netText(tt.GapMin.V), netText(tt.GapMax.V))
			default:
				s += "."
			}
			out = append(out, s)
		default:
			s := fmt.Sprintf("%s: %s", m.Label(), meetText(tt.Meeting, tt.WithData))
			switch {
			case tt.Gap.Known && tt.Short == 0:
				s += fmt.Sprintf("; none falls short; all gaps together: %s.", netText(tt.Gap.V))
			case tt.Gap.Known:
				s += fmt.Sprintf("; shortfalls add up to %s; all gaps, net of surpluses, to %s.", bn(tt.Shortfall.V), netText(tt.Gap.V))
			default:
				s += " (no GDP for the year: verdicts from the published shares, no money)."
			}
			out = append(out, s)
			if tt.AggregateGap.Known && math.Abs(tt.AggregateGap.V-tt.Gap.V) >= 0.05 {
				out = append(out, fmt.Sprintf("  NATO's convention, target x total GDP - total defence (which also counts the GDP of countries without a gap): %s.", netText(tt.AggregateGap.V)))
			}
		}
		if m.Deadline != 0 {
			var parts []string
			if tt.Deadline.Required.Known {
				g := "n/a"
				if tt.Deadline.Growth.Known {
					g = fmt.Sprintf("%.2f%% a year", tt.Deadline.Growth.V)
				}
				inc := ""
				if tt.Deadline.Increase.Known {
					inc = fmt.Sprintf(", %s more than base-year spending (growth %s)", bn(tt.Deadline.Increase.V), g)
				}
				parts = append(parts, fmt.Sprintf("%s required%s", bn(tt.Deadline.Required.V), inc))
			}
			parts = append(parts, fmt.Sprintf("%d on track, %d off track", tt.OnTrack, tt.OffTrack))
			out = append(out, fmt.Sprintf("  by %d: %s.", m.Deadline, strings.Join(parts, "; ")))
		}
	}
	if r.Query.Method == calc.MethodUSD {
		out = append(out, "Method usd: gap = target x GDP - defence, both in current USD; a country meets the target when defence / GDP is at or above it (NATO's verdicts use the published share instead).")
	} else {
		out = append(out, "Method share: a country meets the target when its published share of GDP is at or above it; defence = share x GDP, gap = (target - share) x GDP, current USD. NATO computes the share from constant-price figures.")
	}
	if r.HasDeadline() {
		out = append(out, "Deadline: Need = target x GDP in the deadline year; Growth = constant yearly growth of spending that gets there (negative: spending already above the need). The verdict is that of the base year; Trend says whether the country is on track.")
	}
	out = append(out, "Totals add up the rows shown (GDP includes countries without a gap); - unknown; e: estimate; ~: approximate.")
	return append(out, r.Notes...)
}

// baseTotals are the totals the footer's GDP and defence come from: the
// first measure whose gap is known country by country.
func (r *Report) baseTotals() calc.MeasureTotals {
	for _, t := range r.Totals {
		if !t.Measure.Bounded && t.Measure.Part != calc.PartResilience {
			return t
		}
	}
	return r.Totals[0]
}

func (r *Report) title() string {
	var what []string
	for _, t := range r.Query.Targets {
		what = append(what, targets.Label(t))
	}
	def := r.Release.Definition
	if def == "" {
		def = "unstated"
	}
	s := fmt.Sprintf("Gap to %s of GDP in %d: release %s (%s definition), method %s", strings.Join(what, ", "), r.Query.Year, r.Release.ID, def, r.Query.Method)
	if r.Query.By != 0 {
		s += fmt.Sprintf(", deadline %d", r.Query.By)
	}
	return s
}

func coreSpending(ln calc.Line) defence.Num {
	if ln.Measure.Bounded || ln.Measure.Part == calc.PartResilience {
		if ln.Share.Known && ln.GDP.Known {
			return defence.N(ln.Share.V / 100 * ln.GDP.V)
		}
		return defence.Unknown
	}
	return ln.Spending
}

func rangeText(lo, hi defence.Num) string {
	if !lo.Known || !hi.Known {
		return "-"
	}
	return render.FormatBillions(lo.V) + " to " + render.FormatBillions(hi.V)
}

// JSON returns the JSON document of the report.
func (r *Report) JSON() any {
	doc := jsonReport{
		SchemaVersion: SchemaVersion,
		Year:          r.Query.Year,
		Release:       r.Release.ID,
		Definition:    r.Release.Definition,
		Method:        string(r.Query.Method),
		Deadline:      intPtr(r.Query.By),
		Targets:       []jsonTarget{},
		Rows:          []render.Object{},
		Totals:        []jsonTotals{},
		Notes:         append([]string{}, r.Notes...),
	}
	for _, t := range r.Query.Targets {
		doc.Targets = append(doc.Targets, jsonTarget{ID: t.ID, Name: t.Name, TargetPct: t.Pct, Deadline: intPtr(t.Deadline)})
	}
	mt := r.MachineTable()
	for _, cells := range mt.Rows {
		doc.Rows = append(doc.Rows, render.RowObject(mt.Columns, cells))
	}
	for _, t := range r.Totals {
		jt := jsonTotals{
			TargetPct: t.TargetPct, Target: t.Measure.Target.ID, Part: string(t.Measure.Part),
			Countries: t.Countries, CountriesWithData: t.WithData,
			Meeting: t.Meeting, NotReported: t.NotReported, GDP: ptr(t.GDP), Defence: ptr(t.Defence),
			Share: ptr(t.Share), Gap: ptr(t.Gap), Shortfall: ptr(t.Shortfall),
			Bounded: t.Bounded, GapMin: ptr(t.GapMin), GapMax: ptr(t.GapMax),
			Deadline: intPtr(t.Measure.Deadline), GDPDeadline: ptr(t.Deadline.GDP),
			RequiredDeadline: ptr(t.Deadline.Required), Increase: ptr(t.Deadline.Increase),
			AnnualGrowth: ptr(t.Deadline.Growth),
			Short:        t.Short, Undetermined: t.Undetermined, Required: ptr(t.Required),
			AggregateGap: ptr(t.AggregateGap),
		}
		if t.Measure.Deadline != 0 && t.Measure.Part != calc.PartResilience {
			jt.OnTrack, jt.OffTrack = &t.OnTrack, &t.OffTrack
		}
		doc.Totals = append(doc.Totals, jt)
	}
	return doc
}

type jsonReport struct {
	SchemaVersion int             `json:"schema_version"`
	Year          int             `json:"year"`
	Release       string          `json:"release"`
	Definition    string          `json:"definition"`
	Method        string          `json:"method"`
	Deadline      *int            `json:"deadline"`
	Targets       []jsonTarget    `json:"targets"`
	Rows          []render.Object `json:"rows"`
	Totals        []jsonTotals    `json:"totals"`
	Notes         []string        `json:"notes"`
}

type jsonTarget struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	TargetPct float64 `json:"target_pct"`
	Deadline  *int    `json:"deadline"`
}

type jsonTotals struct {
	TargetPct         float64  `json:"target_pct"`
	Countries         int      `json:"countries"`
	CountriesWithData int      `json:"countries_with_data"`
	Meeting           int      `json:"meeting"`
	GDP               *float64 `json:"gdp_musd"`
	Defence           *float64 `json:"defence_musd"`
	Share             *float64 `json:"share_pct"`
	Gap               *float64 `json:"gap_musd"`
	Shortfall         *float64 `json:"shortfall_musd"`
	Target            string   `json:"target"`
	Part              string   `json:"part"`
	NotReported       int      `json:"not_reported"`
	Bounded           int      `json:"bounded"`
	GapMin            *float64 `json:"gap_min_musd"`
	GapMax            *float64 `json:"gap_max_musd"`
	Deadline          *int     `json:"deadline"`
	GDPDeadline       *float64 `json:"gdp_deadline_musd"`
	RequiredDeadline  *float64 `json:"required_deadline_musd"`
	Increase          *float64 `json:"increase_musd"`
	AnnualGrowth      *float64 `json:"annual_growth_pct"`
	// added with the one-rule totals
	Short        int      `json:"short"`
	Undetermined int      `json:"undetermined"`
	Required     *float64 `json:"required_musd"`
	AggregateGap *float64 `json:"aggregate_gap_musd"`
	OnTrack      *int     `json:"on_track"`
	OffTrack     *int     `json:"off_track"`
}

func num(n defence.Num) render.Cell { return render.Opt(n.V, n.Known) }

func year(y int) render.Cell { return render.Opt(float64(y), y != 0) }

func yearCell(o calc.Obs) render.Cell {
	c := render.Opt(float64(o.Year), o.Year != 0)
	if o.Earlier {
		c.Mark += "*"
	}
	if o.Estimate {
		c.Mark += "e"
	}
	return c
}

func ptr(n defence.Num) *float64 {
	if !n.Known {
		return nil
	}
	v := round6(n.V)
	return &v
}

func intPtr(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

// round6 removes float noise from machine numbers (6 decimals of a million
// dollars is a dollar).
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
