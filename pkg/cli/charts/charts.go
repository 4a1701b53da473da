// Package charts builds the charts of `natospend chart` (the shares of
// GDP, the gaps, a few countries' history or their spending paths) from
// the query flags, for the chart and report commands: the same chart from
// the same code in each.
package charts

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/chart"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/targets"
	"github.com/natospend/natospend/pkg/years"
)

// The kinds of chart.
const (
	KindShare   = "share"
	KindGap     = "gap"
	KindHistory = "history"
	KindPath    = "path"
)

// Kinds lists the kinds, in the order help shows them.
var Kinds = []string{KindShare, KindGap, KindHistory, KindPath}

// MaxTargets is the most targets a share chart marks (one colour class
// more than targets, from the colour-blind-safe palette).
const MaxTargets = 4

// Options of a chart run: the gap command's query plus the kind, the
// path's shape and the output file.
type Options struct {
	Query query.Options
	Kind  string
	Shape string
	// Output is the file to write ("" or "-": standard output); Format
	// (svg, png or pdf; "": the file's extension) what to write.
	Output string
	Format string
	// Aggregate is --aggregate: --kind history and path draw the
	// selection's aggregate as one line instead of a line per country.
	Aggregate bool
	// PerCapita (--per-capita, --kind gap and path) draws gaps or spending
	// per head, in USD per person; Currency (--currency usd or eur, --kind gap and path) the
	// money's currency, euros at the rate NATO's figures imply (gap's).
	PerCapita bool
	Currency  string
	// Prices is --prices (--kind gap): current, or the release's constant
	// prices as gap --prices constant measures them.
	Prices string
}

// Drawable is a chart ready to draw: a *chart.BarChart or *chart.LineChart.
type Drawable interface {
	Render(chart.Format) ([]byte, error)
	Collisions() ([]string, error)
}

// Build checks the money flags against the kind and builds the chart
// of the kind asked (--kind; share by default).
func (o *Options) Build(ds *defence.Dataset) (Drawable, error) {
	if err := o.checkMoney(); err != nil {
		return nil, err
	}
	switch o.Kind {
	case KindGap:
		return o.gapChart(ds)
	case KindHistory:
		return o.historyChart(ds)
	case KindPath:
		return o.pathChart(ds)
	}
	return o.shareChart(ds)
}

// checkMoney refuses --per-capita and --currency where the chart draws no
// money, or draws it in a way they cannot take.
func (o *Options) checkMoney() error {
	eur := o.Currency != "" && o.Currency != calc.CurrencyUSD
	switch {
	case o.PerCapita && o.Kind != KindGap && o.Kind != KindPath:
		return cmdutil.FlagErrorf("per-capita", "--per-capita: --kind %s draws no figure per head (--kind gap draws the gap per head, --kind path spending per head)", o.kind())
	case eur && o.Kind != KindGap && o.Kind != KindPath:
		return cmdutil.FlagErrorf("currency", "--currency %s: --kind %s draws shares of GDP, not money (--kind gap and path draw money)", o.Currency, o.kind())
	case eur && o.PerCapita:
		return cmdutil.FlagErrorf("currency", "--currency %s: figures per head are in USD per person, as gap --per-capita's (leave out --currency or --per-capita)", o.Currency)
	case o.Prices == query.PricesConstant && o.Kind == KindPath:
		return cmdutil.FlagErrorf("prices", "--prices constant: a path projects spending at current prices (GDP grows in nominal terms), as natospend path does; for real terms see --kind gap or natospend history --prices constant")
	case o.Prices == query.PricesConstant && o.Kind != KindGap:
		return cmdutil.FlagErrorf("prices", "--prices constant: --kind %s draws shares of GDP, which need no price basis (NATO's shares are of real GDP); --kind gap draws money", o.kind())
	case o.Prices == query.PricesConstant && eur:
		return cmdutil.FlagErrorf("prices", "--prices constant with --currency %s: NATO's exchange rates are those of current prices; leave out one of them", o.Currency)
	case o.Prices == query.PricesConstant && o.PerCapita:
		return cmdutil.FlagErrorf("prices", "--prices constant with --per-capita: for NATO's figures per head at constant prices, see natospend history --prices constant --figures per-head")
	}
	return nil
}

// kind is --kind, share by default.
func (o *Options) kind() string {
	if o.Kind == "" {
		return KindShare
	}
	return o.Kind
}

// eurRates gives the EUR/USD rate of a year that NATO's figures in rel
// imply (calc.EURRate, as gap --currency eur), once a year, and the note
// citing those used.
type eurRates struct {
	rel  *defence.Release
	got  map[int]calc.Rate
	used []int
}

func newEURRates(ds *defence.Dataset, rel *defence.Release) (*eurRates, error) {
	if err := query.CheckCurrency(ds, calc.CurrencyEUR, rel); err != nil {
		return nil, err
	}
	return &eurRates{rel: rel, got: map[int]calc.Rate{}}, nil
}

// rate is the year's rate; ok is false where the release implies none.
func (e *eurRates) rate(year int) (calc.Rate, bool) {
	if r, ok := e.got[year]; ok {
		return r, true
	}
	r, ok := calc.EURRate(e.rel, year)
	if ok {
		e.got[year] = r
		e.used = append(e.used, year)
	}
	return r, ok
}

func (e *eurRates) note() string {
	sort.Ints(e.used)
	var parts []string
	for _, y := range e.used {
		r := e.got[y]
		parts = append(parts, fmt.Sprintf("%.6f EUR per USD in %d (%s)", r.PerUSD, y, r.Source))
	}
	return "Euros (--currency eur) at the rate NATO's own figures imply, the same for every country: " + strings.Join(parts, "; ") + "."
}

// compute resolves the query and computes the report, as gap does.
func (o *Options) compute(ds *defence.Dataset) (*calc.Query, *calc.Report, error) {
	q, err := o.Query.Resolve(ds)
	if err != nil {
		return nil, nil, err
	}
	if o.Prices == query.PricesConstant {
		if err := query.CheckConstantPrices(ds, []*calc.Query{q}); err != nil {
			return nil, nil, err
		}
		q.Constant = true
	}
	rep, err := calc.Compute(ds, q)
	if err != nil {
		return nil, nil, cmdutil.QueryError(err)
	}
	return q, rep, nil
}

// refs are the target lines of the measures: each target (the whole) and
// the core part of one made of parts, one line per percentage, in order.
func refs(ms []calc.Measure) []chart.Ref {
	seen := map[float64]bool{}
	var out []chart.Ref
	for _, m := range ms {
		if m.Part == calc.PartResilience || seen[m.Pct] {
			continue
		}
		seen[m.Pct] = true
		out = append(out, chart.Ref{Value: m.Pct, Label: m.Label()})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

func pct(v float64) string { return targets.FormatPct(v) + "%" }

// listAnd joins names: "a", "a and b", "a, b and c".
func listAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// subject is what a measure's share is a share of, for titles and axes.
func subject(q *calc.Query) (title, axis string) {
	if q.Measure == defence.MeasureEquipment {
		return "Major equipment as a share of defence expenditure", "Major equipment, % of defence expenditure"
	}
	if q.Method == calc.MethodUSD {
		return "Defence expenditure as a share of GDP (current USD)", "Defence expenditure / GDP at current prices and exchange rates, %"
	}
	return "Defence expenditure as a share of GDP", "Defence expenditure, % of GDP"
}

func releaseNote(r *defence.Release) string {
	if r.Definition != "" {
		return "release " + r.ID + " (" + r.Definition + " definition)"
	}
	return "release " + r.ID
}

// upper capitalises the first letter of s.
func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// estimate marks a value label of an estimate.
func estimate(s string, e bool) string {
	if e {
		return s + " e"
	}
	return s
}

// shareChart: the shares of GDP as bars, coloured by the targets reached.
func (o *Options) shareChart(ds *defence.Dataset) (*chart.BarChart, error) {
	q, rep, err := o.compute(ds)
	if err != nil {
		return nil, err
	}
	rs := refs(rep.Measures)
	if len(rs) > MaxTargets {
		return nil, cmdutil.FlagErrorf("target", "--target: a share chart marks at most %d targets, got %d", MaxTargets, len(rs))
	}
	title, axis := subject(q)
	c := &chart.BarChart{
		Title:          fmt.Sprintf("%s in %d", title, q.Year),
		Axis:           chart.Axis{Label: axis, Unit: "%"},
		Refs:           rs,
		Classes:        classes(rs),
		EstimateLegend: "e: estimate",
		RefLegend:      "target",
		Source:         calc.SourceOf(q.Release).Line(),
	}
	type row struct {
		ln  calc.Line
		bar chart.Bar
	}
	var rows []row
	var left []string
	earlier := false
	for _, code := range rep.Order {
		ln := rep.ByCode[code][0]
		if !ln.Measured.Known {
			left = append(left, fmt.Sprintf("%s (%s)", ln.Name, strings.ReplaceAll(string(ln.Status), "-", " ")))
			continue
		}
		label := ln.Name
		if ln.Year != q.Year {
			label += " (" + strconv.Itoa(ln.Year) + ")"
			earlier = true
		}
		class := 0
		for _, r := range rs {
			if ln.Measured.V >= r.Value {
				class++
			}
		}
		rows = append(rows, row{ln, chart.Bar{Label: label, Value: ln.Measured.V, Class: class, Estimate: ln.Estimate,
			ValueLabel: estimate(strconv.FormatFloat(ln.Measured.V, 'f', 2, 64), ln.Estimate)}})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("chart: no selected country has a figure for %d in %s", q.Year, q.Release.ID)
	}
	nCountries := len(rows)
	var aggNote string
	if o.Aggregate {
		// One more bar: the selection's aggregate, gap's Total row's share.
		t := rep.Totals[0]
		name := upper(o.SelectionName(ds, q.Codes)) + " (aggregate)"
		if !t.Share.Known {
			aggNote = fmt.Sprintf("No aggregate bar: a country in the selection has GDP but no share of GDP for %d in %s.", q.Year, q.Release.ID)
		} else {
			class := 0
			for _, r := range rs {
				if t.Share.V >= r.Value {
					class++
				}
			}
			est := false // an estimate when it adds one
			for _, r := range rows {
				est = est || r.ln.Estimate
			}
			rows = append(rows, row{calc.Line{Row: calc.Row{Obs: calc.Obs{Name: name}}}, chart.Bar{Label: name, Value: t.Share.V, Class: class, Estimate: est,
				ValueLabel: estimate(strconv.FormatFloat(t.Share.V, 'f', 2, 64), est)}})
			aggNote = fmt.Sprintf("%s: total defence expenditure / total GDP x 100 of the %d %s selected, current USD, as natospend gap's Total row computes it; natospend's figure, not one NATO publishes.", name, t.Countries, countries(t.Countries))
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].bar.Value != rows[j].bar.Value {
			return rows[i].bar.Value > rows[j].bar.Value
		}
		return rows[i].ln.Name < rows[j].ln.Name
	})
	for _, r := range rows {
		c.Bars = append(c.Bars, r.bar)
	}
	var names []string
	for _, r := range rs {
		names = append(names, r.Label)
	}
	c.Subtitle = fmt.Sprintf("%d %s with figures, highest first, against %s; %s", nCountries, countries(nCountries), listAnd(names), releaseNote(q.Release))
	switch {
	case q.Measure == defence.MeasureEquipment:
		c.Notes = append(c.Notes, "Equipment expenditure as NATO publishes it: major equipment and related research and development, % of defence expenditure.")
	case q.Method == calc.MethodUSD:
		c.Notes = append(c.Notes, "Shares computed from defence expenditure and GDP at current prices and exchange rates (--method usd); NATO's own shares use constant prices.")
	default:
		c.Notes = append(c.Notes, "Shares of GDP as the release publishes them (NATO computes its own from constant-price figures); e: estimate.")
	}
	if earlier {
		c.Notes = append(c.Notes, fmt.Sprintf("A year in brackets: the country's latest year with figures before %d (--latest).", q.Year))
	}
	if aggNote != "" {
		c.Notes = append(c.Notes, aggNote)
	}
	if len(left) > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("Not drawn, no figure for %d: %s.", q.Year, listAnd(left)))
	}
	c.Notes = append(c.Notes, calc.DefinitionNotes(ds, q.Release, q.Year, q.Targets)...)
	return c, nil
}

func countries(n int) string {
	if n == 1 {
		return "country"
	}
	return "countries"
}

// classes name the colour of a bar by the targets its share reaches:
// below the lowest, between two, at or above the highest; warm below,
// cool above.
func classes(rs []chart.Ref) []chart.Class {
	if len(rs) == 0 {
		return []chart.Class{{Name: "share of GDP", Color: chart.Blue}}
	}
	middle := []chart.Color{chart.Orange, chart.SkyBlue, chart.BluishGreen, chart.ReddishPurple}
	out := []chart.Class{{Name: "below " + pct(rs[0].Value), Color: chart.Vermillion}}
	for i := 1; i < len(rs); i++ {
		out = append(out, chart.Class{Name: pct(rs[i-1].Value) + " to " + pct(rs[i].Value), Color: middle[i-1]})
	}
	return append(out, chart.Class{Name: pct(rs[len(rs)-1].Value) + " or more", Color: chart.Blue})
}

// measureIndex is the measure a gap or path is drawn for: the target, or
// its core part when it has parts (the whole's gap is only bounded).
func measureIndex(ms []calc.Measure) int {
	for i, m := range ms {
		if m.Part == calc.PartCore {
			return i
		}
	}
	return 0
}

// gapChart: the gaps to one target in $bn, shortfalls and surpluses.
func (o *Options) gapChart(ds *defence.Dataset) (*chart.BarChart, error) {
	q, rep, err := o.compute(ds)
	if err != nil {
		return nil, err
	}
	if len(q.Targets) != 1 {
		return nil, cmdutil.FlagErrorf("target", "--target: --kind gap draws the gap to one target, got %d (draw one chart per target)", len(q.Targets))
	}
	if o.Aggregate {
		return nil, cmdutil.FlagErrorf("aggregate", "--aggregate: --kind gap draws each country's gap, and its subtitle adds them up (natospend gap's Total row has the selection's); use --kind share, history or path")
	}
	mi := measureIndex(rep.Measures)
	m := rep.Measures[mi]
	what := "of GDP"
	if q.Measure == defence.MeasureEquipment {
		what = "of defence expenditure on major equipment"
	}
	unit, axisUnit := "$bn", "$bn (current USD)"
	if q.Constant {
		unit = fmt.Sprintf("$bn at constant %d prices", q.Release.ConstantYear)
		axisUnit = fmt.Sprintf("$bn (USD at constant %d prices and exchange rates, as the release publishes them)", q.Release.ConstantYear)
	}
	var eur *eurRates
	if o.Currency == calc.CurrencyEUR {
		if eur, err = newEURRates(ds, q.Release); err != nil {
			return nil, err
		}
		unit, axisUnit = "EUR bn", "EUR bn (current prices, at NATO's implied EUR/USD rate)"
	}
	if o.PerCapita {
		unit, axisUnit = "USD per person", "USD per person (current USD)"
	}
	c := &chart.BarChart{
		Title:          fmt.Sprintf("Gap to %s %s in %d, %s", m.Label(), what, q.Year, unit),
		Axis:           chart.Axis{Label: fmt.Sprintf("Gap to %s, %s: shortfall right, surplus left", m.Label(), axisUnit), Thousands: true},
		Classes:        []chart.Class{{Name: "shortfall", Color: chart.Vermillion}, {Name: "meets (surplus)", Color: chart.Blue}},
		EstimateLegend: "e: estimate",
		Source:         calc.SourceOf(q.Release).Line(),
	}
	type row struct {
		name string
		bar  chart.Bar
	}
	var rows []row
	var left, otherGDP []string
	var short, surplus float64
	nShort, nSurplus := 0, 0
	var pops []calc.PopulationFigure
	for _, code := range rep.Order {
		ln := rep.ByCode[code][mi]
		if !ln.Gap.Known {
			why := strings.ReplaceAll(string(ln.Status), "-", " ")
			if m := ln.Missing(q.Method); m != "" && ln.Status != calc.StatusNotReported && ln.Year != 0 {
				why = "no " + m // what is missing: the share, the GDP...
			}
			left = append(left, fmt.Sprintf("%s (%s)", ln.Name, why))
			continue
		}
		// The gap drawn: $m, EUR m at the year's rate, or USD per person.
		value := ln.Gap.V
		valueLabel := render.FormatBillions(value)
		switch {
		case o.PerCapita:
			pc := calc.PerCapitaOf(ds, ln.Row)
			pops = append(pops, pc.Population)
			if !pc.Gap.Known {
				left = append(left, fmt.Sprintf("%s (no population for %d)", ln.Name, ln.Year))
				continue
			}
			value = pc.Gap.V * 1000 // drawn as value / 1000 below
			valueLabel = render.FormatNumber(pc.Gap.V, 0)
		case eur != nil:
			rate, ok := eur.rate(ln.Year)
			if !ok {
				left = append(left, fmt.Sprintf("%s (no EUR/USD rate for %d in %s)", ln.Name, ln.Year, q.Release.ID))
				continue
			}
			value = rate.Convert(ln.Gap).V
			valueLabel = render.FormatBillions(value)
		}
		label := ln.Name
		if ln.Year != q.Year {
			label += " (" + strconv.Itoa(ln.Year) + ")"
		}
		if ln.GDPSource != "" && ln.GDPSource != q.Release.ID && q.Measure != defence.MeasureEquipment {
			otherGDP = append(otherGDP, ln.Name)
		}
		// The colour says the verdict: a share at the target meets it
		// with a gap of 0.
		class := 0
		if ln.Status == calc.StatusMeets || ln.Gap.V < 0 {
			class = 1
			surplus -= value
			nSurplus++
		} else {
			short += value
			nShort++
		}
		rows = append(rows, row{ln.Name, chart.Bar{Label: label, Value: value / 1000, Class: class, Estimate: ln.Estimate,
			ValueLabel: estimate(valueLabel, ln.Estimate)}})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("chart: no selected country has a gap for %d in %s: %s", q.Year, q.Release.ID, strings.Join(left, ", "))
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].bar.Value != rows[j].bar.Value {
			return rows[i].bar.Value > rows[j].bar.Value
		}
		return rows[i].name < rows[j].name
	})
	for _, r := range rows {
		c.Bars = append(c.Bars, r.bar)
	}
	switch {
	case o.PerCapita: // figures per head do not add up
		c.Subtitle = fmt.Sprintf("%d short, %d meet it; %s, method %s", nShort, nSurplus, releaseNote(q.Release), q.Method)
	case eur != nil:
		c.Subtitle = fmt.Sprintf("%d short by EUR %s bn in all, %d meet it with EUR %s bn to spare; %s, method %s", nShort, render.FormatBillions(short), nSurplus, render.FormatBillions(surplus), releaseNote(q.Release), q.Method)
	default:
		c.Subtitle = fmt.Sprintf("%d short by $%s bn in all, %d meet it with $%s bn to spare; %s, method %s", nShort, render.FormatBillions(short), nSurplus, render.FormatBillions(surplus), releaseNote(q.Release), q.Method)
	}
	money := "in current USD"
	switch {
	case o.PerCapita:
		money = "in current USD, per person"
	case eur != nil:
		money = "in euros at the EUR/USD rate NATO's figures imply for the year"
	case q.Constant:
		money = fmt.Sprintf("in USD at constant %d prices and exchange rates", q.Release.ConstantYear)
	}
	c.Notes = append(c.Notes, query.MethodNotes(q, money, true).Formula(m.Pct)+"; e: estimate.")
	if m.Part == calc.PartCore {
		c.Notes = append(c.Notes, fmt.Sprintf("The gap is that of %s's core part (%s): resilience spending is not in NATO's tables.", m.Target.ID, pct(m.Pct)))
	}
	if o.PerCapita {
		c.Notes = append(c.Notes, calc.PopulationNote(ds, pops)+" The gap per head divides the row's gap (USD) by the population of its year.")
	}
	if eur != nil {
		c.Notes = append(c.Notes, eur.note())
	}
	if len(otherGDP) > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("GDP from another release where %s publishes none: %s (see natospend gap).", q.Release.ID, listAnd(otherGDP)))
	}
	if len(left) > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("Not drawn, no gap for %d: %s.", q.Year, listAnd(left)))
	}
	c.Notes = append(c.Notes, calc.DefinitionNotes(ds, q.Release, q.Year, q.Targets)...)
	return c, nil
}

// lineQuery checks what a line chart draws: shares of GDP, for at most
// chart.MaxSeries countries.
func (o *Options) lineQuery(q *calc.Query) error {
	if q.Measure == defence.MeasureEquipment {
		return cmdutil.FlagErrorf("measure", "--measure equipment: --kind %s draws shares of GDP (use --kind share or gap)", o.Kind)
	}
	if len(q.Codes) > chart.MaxSeries && !o.Aggregate {
		return cmdutil.FlagErrorf("kind", "--kind %s draws at most %d countries, and the selection has %d: name them with --country, or draw its aggregate with --aggregate", o.Kind, chart.MaxSeries, len(q.Codes))
	}
	return nil
}

// historyChart: the published shares over the years, with target lines.
func (o *Options) historyChart(ds *defence.Dataset) (*chart.LineChart, error) {
	var ys []int
	if len(o.Query.Years) > 0 {
		var err error
		if ys, err = years.Parse(o.Query.Years); err != nil {
			return nil, cmdutil.FlagErrorf("year", "--year: %v", err)
		}
	}
	one := *o
	if len(ys) > 0 { // the release is the one for the latest year asked
		one.Query.Years = []string{strconv.Itoa(ys[len(ys)-1])}
	}
	q, err := one.Query.Resolve(ds)
	if err != nil {
		return nil, err
	}
	if q.Method == calc.MethodUSD {
		return nil, cmdutil.FlagErrorf("method", "--method usd: --kind history draws the shares of GDP as published")
	}
	if err := o.lineQuery(q); err != nil {
		return nil, err
	}
	if len(ys) > 0 {
		for _, y := range ys {
			if !q.Release.HasFiguresIn(y) {
				return nil, cmdutil.FlagErrorf("year", "--year %s: release %s publishes no figures for %d", years.Format(ys), q.Release.ID, y)
			}
		}
	}
	rs := refs(calc.Measures(q.Targets, 0, q.Year))
	c := &chart.LineChart{
		X:            chart.Axis{Label: "Year", Years: true},
		Y:            chart.Axis{Label: "Defence expenditure, % of GDP", Unit: "%"},
		Refs:         rs,
		YFromZero:    true,
		HollowLegend: "e: estimate",
		RefLegend:    "target",
		Source:       calc.SourceOf(q.Release).Line(),
	}
	if o.Aggregate {
		return o.aggregateHistory(ds, q, ys, c)
	}
	var left []string
	first, last := 0, 0
	type drawn struct {
		name      string
		lastYear  int    // the country's last year with a share
		lastShare string // its share then, as labelled
		known     map[int]bool
	}
	var series []drawn
	for _, code := range q.Codes {
		h := calc.CountryHistory(ds, q.Release, code, ys)
		s := chart.Series{}
		d := drawn{name: h.Name, known: map[int]bool{}}
		for _, hy := range h.Years {
			s.Points = append(s.Points, chart.Point{X: float64(hy.Year), Y: hy.Share.V, Known: hy.Share.Known, Hollow: hy.Estimate})
			if hy.Share.Known {
				d.lastShare = estimate(strconv.FormatFloat(hy.Share.V, 'f', 2, 64), hy.Estimate)
				d.lastYear = hy.Year
				d.known[hy.Year] = true
				if first == 0 || hy.Year < first {
					first = hy.Year
				}
				last = max(last, hy.Year)
			}
		}
		if d.lastShare == "" {
			why := "no figures"
			if h.NotReported {
				why = "not reported"
			}
			left = append(left, fmt.Sprintf("%s (%s)", h.Name, why))
			continue
		}
		c.Series = append(c.Series, s)
		series = append(series, d)
	}
	if len(c.Series) == 0 {
		return nil, fmt.Errorf("chart: no selected country has figures in %s", q.Release.ID)
	}
	span := strconv.Itoa(first)
	if last != first {
		span += "-" + strconv.Itoa(last)
	}
	c.Title = "Defence expenditure as a share of GDP, " + span
	var names []string
	for _, r := range rs {
		names = append(names, r.Label)
	}
	c.Subtitle = fmt.Sprintf("%s; shares as published, against %s", upper(releaseNote(q.Release)), listAnd(names))
	if len(rs) == 0 {
		c.Subtitle = upper(releaseNote(q.Release)) + "; shares as published"
	}
	// A line is labelled with its own last share: one that ends before
	// the chart's last year says the year, and the chart draws a leader
	// from its last point; a note names the years without a figure.
	var missing []string
	early := false
	for i, d := range series {
		c.Series[i].Label = d.name + " " + d.lastShare
		if d.lastYear < last {
			c.Series[i].Label += " (" + strconv.Itoa(d.lastYear) + ")"
			early = true
		}
		var gaps []int
		for _, p := range c.Series[i].Points {
			if y := int(p.X); y >= first && y <= last && !d.known[y] {
				gaps = append(gaps, y)
			}
		}
		if len(gaps) > 0 {
			missing = append(missing, d.name+" "+years.Format(gaps))
		}
	}
	c.Notes = append(c.Notes, "Shares of GDP as the release publishes them (NATO computes its own from constant-price figures); e: estimate. A year without a figure breaks the line.")
	if len(missing) > 0 {
		n := fmt.Sprintf("No share of GDP in %s: %s.", q.Release.ID, listAnd(missing))
		if early {
			n += fmt.Sprintf(" A line that ends before %d is labelled with its own last year.", last)
		}
		c.Notes = append(c.Notes, n)
	}
	if len(left) > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("Not drawn: %s.", listAnd(left)))
	}
	c.Notes = append(c.Notes, calc.DefinitionNotes(ds, q.Release, q.Year, q.Targets)...)
	return c, nil
}

// pathChart: the spending path to the deadline, as natospend path lays it
// out, one line per country.
func (o *Options) pathChart(ds *defence.Dataset) (*chart.LineChart, error) {
	if o.Query.Measure == "equipment" {
		return nil, cmdutil.FlagErrorf("measure", "--measure equipment: --kind path lays out shares of GDP to a deadline; the equipment guideline has none")
	}
	q, err := o.Query.Resolve(ds)
	if err != nil {
		return nil, err
	}
	if err := o.lineQuery(q); err != nil {
		return nil, err
	}
	if len(q.Targets) != 1 {
		return nil, cmdutil.FlagErrorf("target", "--target: --kind path takes one target, got %d", len(q.Targets))
	}
	t := q.Targets[0]
	deadline := q.By
	if deadline == 0 {
		if t.Deadline == 0 {
			return nil, cmdutil.FlagErrorf("kind", "--kind path needs a deadline: give --by YEAR (target %s has none of its own)", targets.Label(t))
		}
		if t.Deadline < q.Year {
			return nil, cmdutil.UsageErrorf("target %s's deadline %d is before the base year %d: give --by YEAR", t.ID, t.Deadline, q.Year)
		}
		deadline = t.Deadline
	}
	q.By = deadline
	rep, err := calc.Compute(ds, q)
	if err != nil {
		return nil, cmdutil.QueryError(err)
	}
	shape := calc.Shape(o.Shape)
	ps, err := calc.PathsOf(ds, rep, shape)
	if err != nil {
		return nil, err
	}
	m := ps.Measure
	yLabel := "Defence spending, $bn (current USD)"
	var eur *eurRates
	if o.Currency == calc.CurrencyEUR {
		if eur, err = newEURRates(ds, q.Release); err != nil {
			return nil, err
		}
		yLabel = "Defence spending, EUR bn (at the base year's EUR/USD rate NATO's figures imply)"
	}
	title := "Spending path"
	if o.PerCapita {
		yLabel = "Defence spending per head, USD per person (current USD)"
		title = "Spending path per head"
	}
	c := &chart.LineChart{
		Title:        fmt.Sprintf("%s to %s of GDP by %d (%s)", title, targets.Label(t), deadline, shape),
		X:            chart.Axis{Label: "Year", Years: true},
		Y:            chart.Axis{Label: yLabel, Thousands: true},
		YFromZero:    true,
		HollowLegend: "projected or estimate",
		Source:       calc.SourceOf(q.Release).Line(),
	}
	notes := ps.NoPath
	var drawn []calc.CountryPath // the paths drawn (in euros with --currency eur)
	estimates := false
	perHead := &perHeadPaths{ds: ds}
	for _, cp := range ps.Countries {
		if eur != nil { // the whole path at its base year's rate, as gap's deadline amounts
			rate, ok := eur.rate(cp.Base)
			if !ok {
				notes = append(notes, fmt.Sprintf("%s: no path in euros (no EUR/USD rate for %d in %s).", cp.Name, cp.Base, q.Release.ID))
				continue
			}
			cp.Points = inCurrency(cp.Points, rate)
		}
		drawn = append(drawn, cp)
		if o.Aggregate {
			estimates = estimates || cp.Estimate
			continue
		}
		s := chart.Series{}
		if o.PerCapita {
			s.Label = cp.Name + " " + perHead.series(&s, cp.Points, []string{cp.Code}, [][]calc.Point{cp.Points}, func(y int) bool { return y > cp.Base || cp.Estimate })
		} else {
			for _, p := range cp.Points {
				s.Points = append(s.Points, chart.Point{X: float64(p.Year), Y: p.Spending / 1000, Known: true, Hollow: p.Year > cp.Base || cp.Estimate})
			}
			s.Label = cp.Name + " " + render.FormatBillions(cp.Points[len(cp.Points)-1].Spending)
		}
		c.Series = append(c.Series, s)
	}
	if o.Aggregate && len(drawn) > 0 {
		// The selection's total path, as natospend path's total row.
		all := *ps
		all.Countries = drawn
		total := all.Total()
		var codes []string
		var paths [][]calc.Point
		for _, cp := range drawn {
			codes, paths = append(codes, cp.Code), append(paths, cp.Points)
		}
		s := chart.Series{}
		if o.PerCapita {
			s.Label = "Total: " + o.SelectionName(ds, q.Codes) + " " + perHead.series(&s, total, codes, paths, func(y int) bool { return y > q.Year || estimates })
		} else {
			for _, p := range total {
				s.Points = append(s.Points, chart.Point{X: float64(p.Year), Y: p.Spending / 1000, Known: true, Hollow: p.Year > q.Year || estimates})
			}
			s.Label = "Total: " + o.SelectionName(ds, q.Codes) + " " + render.FormatBillions(total[len(total)-1].Spending)
		}
		c.Series = append(c.Series, s)
		c.Title = fmt.Sprintf("%s to %s of GDP by %d (%s): total of %s", title, targets.Label(t), deadline, shape, o.SelectionName(ds, q.Codes))
		notes = append(notes, fmt.Sprintf("The total adds up the paths of %d %s year by year (spending and GDP), as natospend path's total row; its share of GDP in %d: %.2f%%.",
			len(drawn), countries(len(drawn)), deadline, total[len(total)-1].Share))
	}
	minBase := ps.MinBase()
	if len(c.Series) == 0 {
		return nil, fmt.Errorf("chart: no selected country has a path (%s)", strings.Join(notes, " "))
	}
	if minBase <= calc.ReviewYear && deadline >= calc.ReviewYear {
		c.Marks = []chart.Ref{{Value: calc.ReviewYear, Label: strconv.Itoa(calc.ReviewYear) + ": review"}}
	}
	how := "the share of GDP rises by equal steps"
	if shape == calc.ShapeGrowth {
		how = "spending grows at one constant rate"
	}
	c.Subtitle = fmt.Sprintf("From the base year's spending to %s of GDP in %d: %s; %s, method %s", pct(m.Pct), deadline, how, releaseNote(q.Release), q.Method)
	if n := ps.PartNote(); n != "" {
		notes = append(notes, n)
	}
	if minBase <= calc.ReviewYear && deadline >= calc.ReviewYear {
		notes = append(notes, fmt.Sprintf("%d: the year the Hague commitment's trajectories are reviewed.", calc.ReviewYear))
	}
	if q.Method == calc.MethodShare {
		notes = append(notes, "The base year's spending is defence at share (published share x GDP), not the published defence expenditure: NATO computes the share from constant-price figures.")
	}
	if eur != nil {
		notes = append(notes, eur.note()+" A path is converted at its base year's rate.")
	}
	if o.PerCapita {
		notes = append(notes, perHead.note())
	}
	c.Notes = append(notes, rep.Notes...)
	return c, nil
}

// perHeadPaths draws paths per head: spending (million USD) over the
// population (million people) of each year, calc.PerHead, USD per person.
type perHeadPaths struct {
	ds      *defence.Dataset
	used    []calc.PopulationFigure
	missing []string // "Germany 2031-2035"
}

// series fills s with pts per head and returns its label's value: pts is
// one country's path (codes and paths: it alone) or the total of paths
// (the countries' codes and paths), whose population is the sum of theirs
// in each year, unknown when one is. A year without a population breaks
// the line, and the label says the last year with one when it ends early.
func (h *perHeadPaths) series(s *chart.Series, pts []calc.Point, codes []string, paths [][]calc.Point, hollow func(year int) bool) string {
	var gaps []int
	label := ""
	for _, p := range pts {
		pop, known := 0.0, true
		for i, code := range codes {
			if !slices.ContainsFunc(paths[i], func(q calc.Point) bool { return q.Year == p.Year }) {
				continue // not in this country's path (its base year is later)
			}
			f := calc.PopulationOf(h.ds, code, p.Year)
			h.used = append(h.used, f)
			if !f.Value.Known {
				known = false
				continue
			}
			pop += f.Value.V
		}
		v := defence.Unknown
		if known {
			v = calc.PerHead(defence.N(p.Spending), defence.N(pop))
		}
		s.Points = append(s.Points, chart.Point{X: float64(p.Year), Y: v.V, Known: v.Known, Hollow: hollow(p.Year)})
		if !v.Known {
			gaps = append(gaps, p.Year)
			continue
		}
		label = render.FormatNumber(v.V, 0)
		if p.Year < pts[len(pts)-1].Year { // so far the last year with one
			label += " (" + strconv.Itoa(p.Year) + ")"
		}
	}
	if len(gaps) > 0 {
		h.missing = append(h.missing, years.Format(gaps))
	}
	return label
}

func (h *perHeadPaths) note() string {
	n := calc.PopulationNote(h.ds, h.used) + " Spending per head divides the path's spending (USD) by the population of its year."
	if len(h.missing) > 0 {
		n += " No population, so no figure per head, in " + strings.Join(slices.Compact(h.missing), "; ") + "."
	}
	return n
}

// inCurrency converts a path's money (million USD) at one rate.
func inCurrency(pts []calc.Point, rate calc.Rate) []calc.Point {
	out := make([]calc.Point, len(pts))
	for i, p := range pts {
		p.GDP *= rate.PerUSD
		p.Spending *= rate.PerUSD
		p.Increase *= rate.PerUSD
		out[i] = p
	}
	return out
}

// appendNote adds a note to a line chart's.
func appendNote(c *chart.LineChart, n string) { c.Notes = append(c.Notes, n) }

// SelectionName names the selection whose aggregate a chart draws: its
// groups' names ("European allies"), less the excluded countries, or the
// countries named.
func (o *Options) SelectionName(ds *defence.Dataset, codes []string) string {
	var names []string
	for _, id := range cmdutil.SplitList(o.Query.Select.Groups) {
		if g, ok := ds.Groups[strings.ToLower(id)]; ok {
			names = append(names, g.Name)
		}
	}
	if len(cmdutil.SplitList(o.Query.Select.Countries)) == 0 && len(names) == 0 {
		names = append(names, ds.Groups[query.DefaultGroup].Name)
	}
	if len(names) == 0 || len(cmdutil.SplitList(o.Query.Select.Countries)) > 0 {
		return fmt.Sprintf("%d selected %s", len(codes), countries(len(codes)))
	}
	name := strings.Join(names, " + ")
	if len(cmdutil.SplitList(o.Query.Select.Exclude)) > 0 {
		name += " (less those excluded)"
	}
	return name
}

// aggregateHistory: the selection's aggregate share of GDP over the
// years, one line: each year, the allies the selection has that year (as
// gap --year Y selects them), added up by calc's rule for gap's totals.
func (o *Options) aggregateHistory(ds *defence.Dataset, q *calc.Query, ys []int, c *chart.LineChart) (*chart.LineChart, error) {
	if ys == nil {
		ys = q.Release.Years()
	}
	name := o.SelectionName(ds, q.Codes)
	s := chart.Series{}
	// NATO's own aggregate of the selection (NATO Total, NATO Europe and
	// Canada), where the release publishes one: a line of its own, as
	// printed.
	pub := chart.Series{}
	pubName, pubShare := "", ""
	var missing []int
	first, last, lastShare := 0, 0, ""
	n := 0
	for _, y := range ys {
		codes, err := o.Query.Select.Resolve(ds, y, true)
		if err != nil {
			return nil, err
		}
		p := calc.PublishedFor(ds, q.Release, y, codes)
		pub.Points = append(pub.Points, chart.Point{X: float64(y), Y: p.Share.V, Known: p.Group != "" && p.Share.Known, Hollow: p.Estimate})
		if p.Group != "" && p.Share.Known {
			pubName, pubShare = p.Name, estimate(strconv.FormatFloat(p.Share.V, 'f', 2, 64), p.Estimate)
		}
		t, est := calc.AggregateShare(ds, q.Release, y, codes, q.Method)
		s.Points = append(s.Points, chart.Point{X: float64(y), Y: t.Share.V, Known: t.Share.Known, Hollow: est})
		if !t.Share.Known {
			missing = append(missing, y)
			continue
		}
		if first == 0 {
			first = y
		}
		last, lastShare, n = y, estimate(strconv.FormatFloat(t.Share.V, 'f', 2, 64), est), t.Countries
	}
	if last == 0 {
		return nil, noAggregate(ds, q.Release, name)
	}
	s.Label = upper(name) + " (aggregate) " + lastShare
	c.Series = []chart.Series{s}
	if pubName != "" {
		pub.Label = pubName + " (as published) " + pubShare
		c.Series = append(c.Series, pub)
		// After the notes below.
		defer appendNote(c, fmt.Sprintf("%s (as published): NATO's own aggregate share in %s, as printed, computed by NATO from constant-price figures; it can differ from the aggregate of the rows.", pubName, q.Release.ID))
	}
	c.HollowLegend = "e: includes estimates"
	span := strconv.Itoa(first)
	if last != first {
		span += "-" + strconv.Itoa(last)
	}
	c.Title = fmt.Sprintf("Defence expenditure as a share of GDP, %s: aggregate of %s", span, name)
	var names []string
	for _, r := range c.Refs {
		names = append(names, r.Label)
	}
	c.Subtitle = fmt.Sprintf("%s; aggregate share, against %s", upper(releaseNote(q.Release)), listAnd(names))
	if len(c.Refs) == 0 {
		c.Subtitle = upper(releaseNote(q.Release)) + "; aggregate share"
	}
	c.Notes = append(c.Notes, fmt.Sprintf("Aggregate share of GDP: total defence expenditure (the figures the release publishes) / total GDP x 100, current USD, of the allies in the selection each year (%d in %d), as natospend gap's Total row computes it; natospend's figure, not one NATO publishes.", n, last))
	if len(missing) > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("No aggregate in %s: a country in the selection has GDP but no defence figure in %s. A year without a figure breaks the line.", years.Format(missing), q.Release.ID))
	}
	return c, nil
}

// noAggregate is the usage error of --aggregate where no year of the
// release has the selection's aggregate share: a release of shares only
// (nato-2025-08) publishes no GDP or defence in money, which an aggregate
// adds up. It names what the release lacks and the releases that have it.
func noAggregate(ds *defence.Dataset, rel *defence.Release, name string) error {
	var with []string
	for _, id := range slices.Sorted(maps.Keys(ds.Releases)) {
		if r := ds.Releases[id]; r.Series == rel.Series && calc.PublishesFigure(r, calc.FigureGDP) && calc.PublishesFigure(r, calc.FigureDefence) {
			with = append(with, id)
		}
	}
	use := ""
	if len(with) > 0 {
		use = "; use a release with money figures: --release " + strings.Join(with, " or --release ")
	}
	if !calc.PublishesFigure(rel, calc.FigureGDP) || !calc.PublishesFigure(rel, calc.FigureDefence) {
		return cmdutil.FlagErrorf("aggregate", "--aggregate: release %s publishes shares of GDP only, no defence or GDP in million USD, and an aggregate share of %s adds those up (total defence / total GDP)%s", rel.ID, name, use)
	}
	return cmdutil.FlagErrorf("aggregate", "--aggregate: %s have no aggregate share of GDP in any year of release %s: in every year a country has GDP but no defence figure%s", name, rel.ID, use)
}
