// Package reportcmd is the `natospend report` command: one self-contained,
// cited HTML briefing of the gaps to the targets, with gap's table, the
// charts of chart, and the notes and sources, every figure from the code
// of gap (pkg/cli/gapreport) and chart (pkg/cli/charts).
package reportcmd

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/chart"
	"github.com/natospend/natospend/pkg/cli/aidreport"
	"github.com/natospend/natospend/pkg/cli/charts"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/gapreport"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/render/htmlreport"
	"github.com/spf13/cobra"
)

// DefaultTargets are the report's targets without --target: NATO's 2%
// (Wales 2014), the UK's 2.5% by 2027, the Hague core 3.5%, Rutte's 3.7%
// and the Hague 5%.
var DefaultTargets = []string{"nato-2014", "uk-2027", "hague-core", "rutte-3.7", "hague"}

// PathTarget is the target of the path chart: the Hague core 3.5% by 2035.
const PathTarget = "hague-core"

// Options hold everything a report run needs: the query (gap's flags) and
// the report's own.
type Options struct {
	Query query.Options
	// Aid is --aid: the selection's support to Ukraine, as natospend aid
	// --kind military prints it (Kiel's tracker), for context.
	Aid bool
	// Output is --output: the HTML file to write ("" or "-": standard
	// output, when it is not a terminal).
	Output string
}

// NewCmd builds the report command. A test may pass runF to capture the
// options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Query: query.Options{F: f}}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "One self-contained HTML briefing: who meets which target, the gaps, charts, notes and sources",
		Long: strings.TrimSpace(`
Report writes one HTML page that opens anywhere with no network: a title
naming the release and its date; how many allies meet each target, with
the money totals; gap's table for those targets, with its total row; four
charts, each with a table of its figures (the shares of GDP against the
targets, the gaps to the headline target, the selection's aggregate share
of GDP over the years, and the path of its aggregate spending to the Hague
core 3.5% by 2035); the method, definitions and every note of gap's table;
the sources with their addresses; natospend's version and the releases
used. Every figure comes from the code of gap and chart: the same flags
give the same numbers there.

Targets: by default nato-2014 (2%), uk-2027 (2.5% by 2027), hague-core
(3.5%), rutte-3.7 and hague (5%), or --target. The headline target, whose
gaps the gap chart draws, is hague-core when the targets include it, else
the first one. The share and history charts mark at most 4 targets: the
first ones (the tables have them all).

The selection and release flags are gap's (--country, --group, --exclude,
--release, --year: one year and one release). --aid adds the support to
Ukraine of the selected countries, as natospend aid --kind military prints
it (Kiel's Ukraine Support Tracker, million EUR): context, never added to
defence.

The page is written with --output FILE, atomically (a failed run leaves no
file), or to standard output when it is not a terminal. It has no script
and loads nothing: its style is inline, allowed by hash in its
Content-Security-Policy. The same command on the same data gives the same
bytes: the page shows no date of generation.`),
		Example: cmdutil.Examples(`
  natospend report --output report.html
  natospend report --group europe --aid --output europe.html
  natospend report --target 2,3.5 --release nato-2024-06 > report.html`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query.TrendYearsSet = cmd.Flags().Changed("trend-years")
			opts.Query.TargetsSet = cmd.Flags().Changed("target")
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	query.AddFlags(cmd, &opts.Query, DefaultTargets)
	query.AddSortFlag(cmd, &opts.Query, "gap")
	query.AddTrendFlag(cmd, &opts.Query)
	cmd.Flags().BoolVar(&opts.Aid, "aid", false, "add the selection's support to Ukraine (EUR m, Kiel), as natospend aid --kind military: context, never added to defence")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the page to `FILE`, atomically; - or none: standard output when it is not a terminal")
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"html", "htm"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

// Run builds the page and writes it.
func Run(o *Options) error {
	f := o.Query.F
	if cmdutil.IsStdout(o.Output) && f.IO != nil && f.IO.OutTTY {
		return cmdutil.UsageErrorf("report writes an HTML page, not for a terminal: give --output FILE.html, or pipe it")
	}
	ds, err := f.Dataset()
	if err != nil {
		return err
	}
	p, err := Build(o, ds)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := htmlreport.Write(&buf, p); err != nil {
		return err
	}
	return cmdutil.WriteOut(f, o.Output, buf.Bytes())
}

// Build works out the page: gap's report for the query, the charts, the
// notes and the sources.
func Build(o *Options, ds *defence.Dataset) (*htmlreport.Page, error) {
	if o.Query.Measure == "equipment" {
		return nil, cmdutil.FlagErrorf("measure", "--measure equipment: report is about shares of GDP; for the equipment guideline see natospend gap --measure equipment")
	}
	qs, err := o.Query.ResolveAll(ds)
	if err != nil {
		return nil, err
	}
	if len(qs) > 1 {
		return nil, cmdutil.FlagErrorf("year", "report takes one year and one release (a page of one state of spending); for several, see natospend gap or history")
	}
	q := qs[0]
	rep, err := gapreport.New(ds, qs, 0, false, nil)
	if err != nil {
		return nil, err
	}
	sel := o.selection(ds, q)
	p := &htmlreport.Page{Version: o.Query.F.Version}
	p.Title = fmt.Sprintf("NATO defence spending against its targets in %d: %s", q.Year, sel)
	p.Lede = lede(q, rep, sel)
	p.Caveats = caveats(q, rep)

	// The summary: gap's totals per target, and its sentences.
	summary := rep.Summary()
	p.Summary = summaryTable(rep)
	for _, l := range summary {
		if sub, ok := strings.CutPrefix(l, "  "); ok && len(p.SummaryLines) > 0 {
			last := &p.SummaryLines[len(p.SummaryLines)-1]
			last.Sub = append(last.Sub, sub)
			continue
		}
		p.SummaryLines = append(p.SummaryLines, htmlreport.Line{Text: l})
	}

	// Gap's table, its notes (less the summary and the source lines, which
	// have their own places).
	t := rep.HumanTable()
	var hooks []htmlreport.Hook
	for _, h := range rep.TotalHooks() {
		hooks = append(hooks, htmlreport.Hook(h))
	}
	p.Gap = htmlreport.FromTable("gap-table", t, columnTitled(t, "Country"), hooks)
	sources := calc.UsedSources(ds, rep.Shown(), rep.Lines, false)
	if o.Aid {
		a, err := aid(ds, q)
		if err != nil {
			return nil, err
		}
		t := a.HumanTable()
		p.Aid = htmlreport.FromTable("aid-table", t, columnTitled(t, "Donor"), nil)
		p.AidNotes = append([]string{fmt.Sprintf("The table is natospend aid --kind military for the %d countries of the selection (--donor with their codes): military aid to Ukraine beside defence spending, for context only.", len(q.Codes))}, t.Notes...)
		rel := a.Query.Release
		sources = append(sources, calc.Source{ID: rel.ID, Title: rel.Title, Publisher: rel.Publisher, Published: rel.Published, Cutoff: rel.Cutoff, URL: rel.URL, Via: rel.Via})
	}
	elsewhere := map[string]bool{}
	for _, s := range sources {
		elsewhere[s.Line()] = true
	}
	for _, rel := range rep.Shown() {
		elsewhere[calc.SourceOf(rel).Line()] = true
	}
	published := rep.PublishedNotes()
	for _, n := range published { // beside the totals they differ from
		p.SummaryLines = append(p.SummaryLines, htmlreport.Line{Text: n})
		elsewhere[n] = true
	}
	for _, n := range rep.TableNotes() {
		if !elsewhere[n] {
			p.Notes = append(p.Notes, n)
		}
	}
	p.Method = method()

	p.Charts = o.charts(ds, q, sel)
	for _, s := range sources {
		p.Releases = append(p.Releases, s.ID)
		p.Sources = append(p.Sources, source(s))
	}
	return p, nil
}

// columnTitled is the index of t's column titled title (-1: none): the
// column that names a row.
func columnTitled(t *render.Table, title string) int {
	for j, c := range t.Columns {
		if c.Title == title {
			return j
		}
	}
	return -1
}

// aid is the aid table of the selection: natospend aid --kind military
// --donor with the selection's codes, from the newest aid release
// (aidreport.Compute, the aid command's arithmetic).
func aid(ds *defence.Dataset, q *calc.Query) (*aidreport.Report, error) {
	rels := ds.AidReleasesNewestFirst()
	if len(rels) == 0 {
		return nil, cmdutil.FlagErrorf("aid", "--aid: the data holds no aid release (kind: aid; see docs/data.md)")
	}
	codes := slices.Sorted(slices.Values(q.Codes))
	return aidreport.Compute(ds, &aidreport.Query{Release: rels[0], Kind: defence.AidMilitary, Sort: "amount", Codes: codes}), nil
}

// selection names what the page is about: "NATO allies", "European
// allies", "3 selected countries".
func (o *Options) selection(ds *defence.Dataset, q *calc.Query) string {
	co := charts.Options{Query: o.Query}
	return co.SelectionName(ds, q.Codes)
}

func lede(q *calc.Query, rep *gapreport.Report, sel string) string {
	r := q.Release
	def := r.Definition
	if def == "" {
		def = "unstated"
	}
	date := r.Published
	if date == "" {
		date = "date not given"
	}
	with := rep.Totals[0].WithData
	return fmt.Sprintf("Figures for %d from %s's release %q (%s), published %s, on NATO's %s definition of defence expenditure: %s, %d %s with figures for the year. Money is in billions of US dollars ($bn) at current prices and exchange rates; shares are percentages of GDP as NATO publishes them.",
		q.Year, publisher(r), r.Title, r.ID, date, def, sel, with, plural(with, "country", "countries"))
}

func publisher(r *defence.Release) string {
	if r.Publisher == "" {
		return "an unnamed publisher"
	}
	return r.Publisher
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// caveats are what a reader must know before quoting a number.
func caveats(q *calc.Query, rep *gapreport.Report) []string {
	var out []string
	est := 0
	for _, code := range rep.Order {
		if lines := rep.ByCode[code]; len(lines) > 0 && lines[0].Estimate {
			est++
		}
	}
	if est > 0 {
		out = append(out, fmt.Sprintf("Estimates: \"e\" marks a figure NATO publishes as an estimate (%d of the %d countries' figures for %d in this release); estimates are revised in later releases.", est, len(rep.Order), q.Year))
	}
	switch q.Release.Definition {
	case "core":
		out = append(out, "Definition: this release counts core defence expenditure (the basis of the Hague 3.5%), not NATO's classic definition: its shares are not comparable with those of earlier releases.")
	case "classic":
		out = append(out, "Definition: this release counts defence expenditure on NATO's classic definition.")
	}
	out = append(out, "Price basis and currency: money in US dollars at current prices and exchange rates ($bn: billions); NATO computes its shares of GDP from constant-price figures, so a share can differ from defence / GDP in current dollars.")
	return out
}

// method is the verdict rule gap, check and path share, and how totals
// count (gap's method note is among the notes of its table).
func method() []string {
	return []string{
		"Status: a country meets a target when its share of GDP is at or above it, else it falls short; the same rule in natospend gap, check and path. The Hague 5% (3.5% core + up to 1.5% resilience, which NATO's tables do not hold) is met on core spending alone at 5%, short below 3.5%, and undetermined in between.",
		"Totals add up the rows shown; where NATO publishes its own aggregate for the countries shown, it is quoted beside them in the notes, as printed. Unknown figures are shown as - and never counted as 0.",
	}
}

// summaryTable is how many allies meet each target and what the gaps add
// up to: the totals of gap's JSON (the same values, their hooks on each
// cell), one row per target.
func summaryTable(rep *gapreport.Report) *htmlreport.Table {
	t := &htmlreport.Table{ID: "summary-table", Caption: fmt.Sprintf("Allies meeting each target in %d, and the gaps in $bn (current USD)", rep.Query.Year),
		Head: []htmlreport.Head{{Text: "Target"}, {Text: "Meet", Num: true}, {Text: "Fall short", Num: true}, {Text: "Undetermined", Num: true}, {Text: "With figures", Num: true},
			{Text: "Shortfalls $bn", Num: true}, {Text: "Net gap $bn", Num: true}}}
	objs := rep.TotalObjects()
	for i, tt := range rep.Totals {
		m := tt.Measure
		if !m.Verdict() {
			continue
		}
		hook := func(key string) htmlreport.Hook {
			h, _ := gapreport.TotalHookOf(objs, i, key, gapreport.TargetKey(m))
			return htmlreport.Hook(h)
		}
		count := func(key string) htmlreport.Cell {
			h := hook(key)
			return htmlreport.Cell{Text: h.Value, Num: true, Hook: h}
		}
		money := func(key string, n defence.Num) htmlreport.Cell {
			text := "-"
			if n.Known {
				text = render.FormatBillions(n.V)
			}
			return htmlreport.Cell{Text: text, Num: true, Hook: hook(key)}
		}
		net := money("gap_musd", tt.Gap)
		if m.Bounded && !tt.Gap.Known && tt.GapMin.Known && tt.GapMax.Known {
			net = htmlreport.Cell{Num: true, Sep: " to ", Parts: []htmlreport.Cell{money("gap_min_musd", tt.GapMin), money("gap_max_musd", tt.GapMax)}}
		}
		undetermined := htmlreport.Cell{Text: "", Num: true}
		if m.Bounded {
			undetermined = count("undetermined")
		}
		t.Rows = append(t.Rows, []htmlreport.Cell{
			{Text: targetName(m), RowHeader: true},
			count("meeting"), count("short"), undetermined, count("countries_with_data"),
			money("shortfall_musd", tt.Shortfall), net,
		})
	}
	return t
}

// targetName is a target as the summary names it: its label ("hague-core
// 3.5%") and, for a named target, its name.
func targetName(m calc.Measure) string {
	if m.Target.Name == "" {
		return m.Label()
	}
	return m.Label() + ": " + m.Target.Name
}

// source is a citation of the page: its line without the addresses, which
// are links.
func source(s calc.Source) htmlreport.Source {
	url, via := s.URL, s.Via
	s.URL, s.Via = "", ""
	out := htmlreport.Source{Line: strings.TrimPrefix(s.Line(), "Source: "), URL: url}
	for _, v := range strings.Split(via, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out.Via = append(out.Via, v)
		}
	}
	return out
}

// headline is the target whose gaps the gap chart draws: hague-core when
// the targets include it, else the first.
func headline(q *calc.Query) defence.Target {
	for _, t := range q.Targets {
		if t.ID == PathTarget {
			return t
		}
	}
	return q.Targets[0]
}

// marked are the first targets whose lines a share or history chart can
// mark (charts.MaxTargets lines, one per percentage), and the ids of the
// others.
func marked(q *calc.Query) (ids, left []string) {
	var pcts []float64
	for _, t := range q.Targets {
		before := len(pcts) // the target's percentages are appended after
		for _, m := range calc.Measures([]defence.Target{t}, 0, q.Year) {
			if m.Part != calc.PartResilience && !slices.Contains(pcts, m.Pct) {
				pcts = append(pcts, m.Pct)
			}
		}
		if len(pcts) > charts.MaxTargets {
			pcts = pcts[:before]
			left = append(left, targetArg(t))
			continue
		}
		ids = append(ids, targetArg(t))
	}
	return ids, left
}

// targetArg is a target as --target gives it: its id, or a bare
// percentage.
func targetArg(t defence.Target) string {
	if t.ID != "" {
		return t.ID
	}
	return strconv.FormatFloat(t.Pct, 'f', -1, 64)
}

// chartQuery is the page's query for a chart: the same selection, release
// and method, with the targets given, sorted by name (the share and gap
// charts then take the page's --sort).
func (o *Options) chartQuery(q *calc.Query, targets []string, year string) query.Options {
	cq := o.Query.Quiet()
	cq.Targets = targets
	cq.TargetsSet = true
	cq.Release = q.Release.ID
	cq.Years = []string{year}
	cq.By = 0
	cq.Sort = "name"
	return cq
}

// charts are the page's four charts, each drawn by the chart command's
// code; a chart that cannot be drawn for this selection says why instead.
func (o *Options) charts(ds *defence.Dataset, q *calc.Query, sel string) []htmlreport.Chart {
	ids, left := marked(q)
	year := strconv.Itoa(q.Year)
	first := q.Year
	for first > 0 && q.Release.HasFiguresIn(first-1) {
		first--
	}
	var leftNote []string
	if len(left) > 0 {
		leftNote = []string{fmt.Sprintf("The chart marks at most %d targets' lines; not marked: %s (the tables have them).", charts.MaxTargets, strings.Join(left, ", "))}
	}
	hl := headline(q)
	specs := []struct {
		id    string
		opts  charts.Options
		notes []string
		what  string
	}{
		{"chart-share", charts.Options{Query: o.chartQuery(q, ids, year), Kind: charts.KindShare}, leftNote, "shares of GDP against the targets"},
		{"chart-gap", charts.Options{Query: o.chartQuery(q, []string{targetArg(hl)}, year), Kind: charts.KindGap}, nil, "gaps to the headline target " + targetArg(hl)},
		{"chart-history", charts.Options{Query: o.chartQuery(q, ids, fmt.Sprintf("%d-%d", first, q.Year)), Kind: charts.KindHistory, Aggregate: true}, leftNote, "aggregate share of GDP over the years"},
		{"chart-path", charts.Options{Query: o.chartQuery(q, []string{PathTarget}, year), Kind: charts.KindPath, Aggregate: true, Shape: string(calc.ShapeLinear)}, nil, "path of the aggregate to the Hague core 3.5%"},
	}
	var out []htmlreport.Chart
	for _, s := range specs {
		if s.opts.Kind == charts.KindGap || s.opts.Kind == charts.KindShare {
			s.opts.Query.Sort = o.Query.Sort
		}
		c := htmlreport.Chart{ID: s.id}
		d, err := s.opts.Build(ds)
		if err == nil {
			c.Title, c.SVG, c.Table, c.Notes, err = drawn(s.id, d)
		}
		if err != nil {
			c.Title = fmt.Sprintf("Not drawn: the %s of %s", s.what, sel)
			c.Notes = []string{"This chart cannot be drawn for this selection and release: " + message(err)}
			out = append(out, c)
			continue
		}
		c.Notes = append(c.Notes, s.notes...)
		out = append(out, c)
	}
	return out
}

// message is an error's text for the page.
func message(err error) string {
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	return err.Error()
}

// drawn is a chart's title, its SVG for the page (labelled by the heading
// id+"-title", its pattern ids prefixed by id), the table of its figures
// and its notes (on the page, not in the SVG: HTML wraps them).
func drawn(id string, d charts.Drawable) (string, []byte, *htmlreport.Table, []string, error) {
	switch c := d.(type) {
	case *chart.BarChart:
		notes := c.Notes
		c.Notes = nil // on the page, where they wrap
		svg, err := c.InlineSVG(id+"-", id+"-title")
		if err != nil {
			return "", nil, nil, nil, err
		}
		return c.Title, svg, barTable(id, c), notes, nil
	case *chart.LineChart:
		notes := c.Notes
		c.Notes = nil
		svg, err := c.InlineSVG(id+"-", id+"-title")
		if err != nil {
			return "", nil, nil, nil, err
		}
		return c.Title, svg, lineTable(id, c), notes, nil
	}
	return "", nil, nil, nil, fmt.Errorf("report: chart of type %T", d)
}

// barTable is a bar chart's figures: each bar's label and the value it is
// labelled with.
func barTable(id string, c *chart.BarChart) *htmlreport.Table {
	t := &htmlreport.Table{ID: id + "-data", Caption: "The figures of the chart: " + c.Title,
		Head: []htmlreport.Head{{Text: "Country"}, {Text: c.Axis.Label, Num: true}}}
	if len(c.Classes) > 1 {
		t.Head = append(t.Head, htmlreport.Head{Text: "Drawn as"})
	}
	for _, b := range c.Bars {
		row := []htmlreport.Cell{{Text: b.Label, RowHeader: true}, {Text: b.ValueLabel, Num: true}}
		if len(c.Classes) > 1 {
			row = append(row, htmlreport.Cell{Text: c.Classes[b.Class].Name})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// lineTable is a line chart's figures: a row per year, a column per line.
func lineTable(id string, c *chart.LineChart) *htmlreport.Table {
	mark, legend := "*", "*: "+c.HollowLegend
	if strings.HasPrefix(c.HollowLegend, "e:") {
		mark, legend = "e", c.HollowLegend
	}
	t := &htmlreport.Table{ID: id + "-data", Caption: "The figures of the chart: " + c.Title + " (" + c.Y.Label + "; " + legend + ")"}
	t.Head = []htmlreport.Head{{Text: c.X.Label}}
	decimals := 1
	if c.Y.Unit == "%" {
		decimals = 2
	}
	var xs []float64
	seen := map[float64]bool{}
	for _, s := range c.Series {
		t.Head = append(t.Head, htmlreport.Head{Text: s.Label, Num: true})
		for _, p := range s.Points {
			if !seen[p.X] {
				seen[p.X] = true
				xs = append(xs, p.X)
			}
		}
	}
	for _, x := range xs {
		row := []htmlreport.Cell{{Text: strconv.FormatFloat(x, 'f', -1, 64), RowHeader: true}}
		for _, s := range c.Series {
			text := "-"
			for _, p := range s.Points {
				if p.X == x && p.Known {
					text = render.FormatNumber(p.Y, decimals)
					if p.Hollow {
						text += " " + mark
					}
				}
			}
			row = append(row, htmlreport.Cell{Text: text, Num: true})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
