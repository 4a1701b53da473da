// Package chartcmd is the `natospend chart` command: a chart of the shares
// of GDP, the gaps, a few countries' history or their spending paths, as
// an SVG, PNG or PDF file.
package chartcmd

import (
	"fmt"
	"path/filepath"
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
	"github.com/natospend/natospend/pkg/termesc"
	"github.com/natospend/natospend/pkg/years"
	"github.com/spf13/cobra"
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
	Query  query.Options
	Kind   string
	Shape  string
	Output string
}

// NewCmd builds the chart command. A test may pass runF to capture the
// options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Query: query.Options{F: f, TrendYears: calc.DefaultTrendYears, Sort: "name"}}
	cmd := &cobra.Command{
		Use:   "chart",
		Short: "A chart of shares, gaps, history or a spending path, as SVG, PNG or PDF",
		Long: strings.TrimSpace(`
Chart draws the figures of gap, history and path as a picture to publish,
1200 x 800, with a title, axis labels with their units, the notes and the
source line naming the release and its date. The format is the --output
file's extension: .svg, .png or .pdf. The same command writes the same bytes.

--kind share (the default): each selected country's share of GDP, highest
first, as horizontal bars coloured by the targets they reach, with a
dashed line per target (--target 2,3.5: at most 4).
--kind gap: each country's gap to one target in $bn: shortfalls and
surpluses in two colours, largest shortfall first.
--kind history: the share of GDP over the years of the release (--year
2014-2026: a range; default every year) for at most 6 countries, with the
target lines; a line that ends before the last year is labelled with its
own last year (and joined to its label by a dotted leader), and a note
names the years without a figure.
--kind path: the year-by-year spending path to the target by its deadline
(--by, or a named target's own), as natospend path computes it (--shape),
for at most 6 countries.

Estimates are drawn hatched (bars) or hollow (points), with a legend entry.
No label overlaps another or crosses a target line (a value label is moved
past the line); a URL too long for its line breaks only after a "/".
A country without a figure is left out, never drawn as zero, and named in
a note. Colours are from the Okabe-Ito palette, told apart with any common
colour blindness. Texts come from the data as they are, escaped for the
format; the PDF uses the standard Helvetica font, which writes a letter
outside Western European alphabets as its base letter, or "?".

The selection flags are those of gap: --country, --group, --exclude,
--year, --release, --method, --latest, --measure (share and gap only).`),
		Example: cmdutil.Examples(`
  natospend chart --kind share --target 2,3.5 --output share.svg
  natospend chart --kind share --target 2,3.5 --output share.png
  natospend chart --kind gap --target 3.5 --group europe --output gap.pdf
  natospend chart --kind history --country DEU,FRA,POL,GBR --target 2,3.5 --output history.png
  natospend chart --kind path --target hague-core --country DEU,FRA,ITA --output path.svg`),
		Args: cmdutil.NoArgsTargetHint,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query.TargetsSet = cmd.Flags().Changed("target")
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	query.AddFlags(cmd, &opts.Query, []string{"2"})
	cmdutil.StringEnumFlag(cmd, &opts.Kind, "kind", "k", KindShare, Kinds, "share: shares of GDP as bars; gap: gaps to one target in $bn; history: shares over the years; path: the spending path to a deadline")
	cmdutil.StringEnumFlag(cmd, &opts.Shape, "shape", "", string(calc.ShapeLinear), []string{string(calc.ShapeLinear), string(calc.ShapeGrowth)}, "--kind path: linear: the share rises by equal steps; growth: spending grows at a constant rate")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the chart to `FILE` (required), atomically; its extension sets the format: .svg, .png or .pdf")
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"svg", "png", "pdf"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

// Format is the chart format the output file's extension names.
func (o *Options) Format() (chart.Format, error) {
	if o.Output == "" || o.Output == "-" || o.Output == "/dev/stdout" {
		return "", cmdutil.UsageErrorf("chart writes a file: give --output FILE.svg, FILE.png or FILE.pdf")
	}
	switch strings.ToLower(filepath.Ext(o.Output)) {
	case ".svg":
		return chart.SVG, nil
	case ".png":
		return chart.PNG, nil
	case ".pdf":
		return chart.PDF, nil
	}
	return "", cmdutil.FlagErrorf("output", "--output %s: the extension says the format: .svg, .png or .pdf", termesc.String(o.Output))
}

type drawable interface {
	Render(chart.Format) ([]byte, error)
	Collisions() ([]string, error)
}

// inspect, when set (by a test: export_test.go), is given each chart
// before it is drawn.
var inspect func(drawable)

// Run draws the chart and writes it.
func Run(o *Options) error {
	format, err := o.Format()
	if err != nil {
		return err
	}
	ds, err := o.Query.F.Dataset()
	if err != nil {
		return err
	}
	var c drawable
	switch o.Kind {
	case KindGap:
		c, err = o.gapChart(ds)
	case KindHistory:
		c, err = o.historyChart(ds)
	case KindPath:
		c, err = o.pathChart(ds)
	default:
		c, err = o.shareChart(ds)
	}
	if err != nil {
		return err
	}
	if inspect != nil {
		inspect(c)
	}
	data, err := c.Render(format)
	if err != nil {
		return fmt.Errorf("chart: %v", err)
	}
	return cmdutil.WriteOut(o.Query.F, o.Output, data)
}

// compute resolves the query and computes the report, as gap does.
func (o *Options) compute(ds *defence.Dataset) (*calc.Query, *calc.Report, error) {
	q, err := o.Query.Resolve(ds)
	if err != nil {
		return nil, nil, err
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
	c.Subtitle = fmt.Sprintf("%d %s with figures, highest first, against %s; %s", len(rows), countries(len(rows)), listAnd(names), releaseNote(q.Release))
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
	mi := measureIndex(rep.Measures)
	m := rep.Measures[mi]
	what := "of GDP"
	if q.Measure == defence.MeasureEquipment {
		what = "of defence expenditure on major equipment"
	}
	c := &chart.BarChart{
		Title:          fmt.Sprintf("Gap to %s %s in %d, $bn", m.Label(), what, q.Year),
		Axis:           chart.Axis{Label: fmt.Sprintf("Gap to %s, $bn (current USD): shortfall right, surplus left", m.Label()), Thousands: true},
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
			surplus -= ln.Gap.V
			nSurplus++
		} else {
			short += ln.Gap.V
			nShort++
		}
		rows = append(rows, row{ln.Name, chart.Bar{Label: label, Value: ln.Gap.V / 1000, Class: class, Estimate: ln.Estimate,
			ValueLabel: estimate(render.FormatBillions(ln.Gap.V), ln.Estimate)}})
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
	c.Subtitle = fmt.Sprintf("%d short by $%s bn in all, %d meet it with $%s bn to spare; %s, method %s", nShort, render.FormatBillions(short), nSurplus, render.FormatBillions(surplus), releaseNote(q.Release), q.Method)
	c.Notes = append(c.Notes, query.MethodNotes(q, "in current USD", true).Formula(m.Pct)+"; e: estimate.")
	if m.Part == calc.PartCore {
		c.Notes = append(c.Notes, fmt.Sprintf("The gap is that of %s's core part (%s): resilience spending is not in NATO's tables.", m.Target.ID, pct(m.Pct)))
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
	if len(q.Codes) > chart.MaxSeries {
		return cmdutil.FlagErrorf("kind", "--kind %s draws at most %d countries, and the selection has %d: name them with --country", o.Kind, chart.MaxSeries, len(q.Codes))
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
	c := &chart.LineChart{
		Title:        fmt.Sprintf("Spending path to %s of GDP by %d (%s)", targets.Label(t), deadline, shape),
		X:            chart.Axis{Label: "Year", Years: true},
		Y:            chart.Axis{Label: "Defence spending, $bn (current USD)", Thousands: true},
		YFromZero:    true,
		HollowLegend: "projected or estimate",
		Source:       calc.SourceOf(q.Release).Line(),
	}
	notes := ps.NoPath
	for _, cp := range ps.Countries {
		s := chart.Series{}
		for _, p := range cp.Points {
			s.Points = append(s.Points, chart.Point{X: float64(p.Year), Y: p.Spending / 1000, Known: true, Hollow: p.Year > cp.Base || cp.Estimate})
		}
		s.Label = cp.Name + " " + render.FormatBillions(cp.Points[len(cp.Points)-1].Spending)
		c.Series = append(c.Series, s)
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
	c.Notes = append(notes, rep.Notes...)
	return c, nil
}
