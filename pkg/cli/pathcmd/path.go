// Package pathcmd is the `natospend path` command: the year-by-year path
// from today's spending to a target by its deadline.
package pathcmd

import (
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/targets"
	"github.com/spf13/cobra"
)

// Options of a path run: the query, the shape and the output flags.
type Options struct {
	Query query.Options
	Shape string
	// Prices is --prices: current; constant is refused (a path projects
	// GDP at current prices).
	Prices string
	Out    cmdutil.OutputFlags
}

// NewCmd builds the path command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Query: query.Options{F: f, TrendYears: calc.DefaultTrendYears}}
	cmd := &cobra.Command{
		Use:   "path",
		Short: "Year-by-year spending path from today to a target by its deadline",
		Long: strings.TrimSpace(`
Path lays out, for each selected country, a year-by-year path from its base
year (the latest year with figures) to the target in the deadline year: GDP
(grown at the IMF WEO's nominal growth, or --gdp-growth), the share of GDP,
spending, and its increase over the year before. This is the "credible,
incremental path" the Hague commitment asks each ally to show; 2029, the
year of its review, is marked.

--shape linear (the default) raises the share of GDP by equal steps;
--shape growth raises spending at one constant yearly rate. A country whose
share already reaches the target keeps it. With --group, a total path for
the group's countries with data follows.

A deadline is needed: --by, or a named target's own (uk-2027, hague-core).
For a target made of core and resilience parts (hague), the path is that of
its core part: resilience spending is not in NATO's tables.`),
		Example: cmdutil.Examples(`
  natospend path --target hague-core --by 2035 --country DEU
  natospend path --target uk-2027 --country GBR --format csv
  natospend path --target 3.5 --by 2030 --group europe --shape growth`),
		Args: cmdutil.NoArgsTargetHint,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	query.AddFlags(cmd, &opts.Query, nil)
	query.AddSortFlag(cmd, &opts.Query, "name")
	cmdutil.EnumFlag{Name: "prices", Default: "current", Values: []string{"current", "constant"}, Noun: "a price basis",
		Usage: "current prices; constant is refused: a path grows GDP at the IMF's nominal growth, at current prices"}.Register(cmd, &opts.Prices)
	cmdutil.StringEnumFlag(cmd, &opts.Shape, "shape", "", string(calc.ShapeLinear), []string{string(calc.ShapeLinear), string(calc.ShapeGrowth)}, "linear: the share rises by equal steps; growth: spending grows at a constant rate")
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	return cmd
}

// Step is one year of one country's (or the group's) path.
type Step struct {
	Code, Name string
	Target     defence.Target
	Pct        float64
	BaseYear   int
	Deadline   int
	calc.Point
}

// Run computes and prints the paths.
func Run(o *Options) error {
	ds, err := o.Query.F.Dataset()
	if err != nil {
		return err
	}
	shape := calc.Shape(o.Shape) // linear or growth: the flag takes no other
	if len(o.Query.Targets) == 0 {
		return cmdutil.FlagErrorf("target", "--target is required: a percentage of GDP with --by, or a named target with a deadline (uk-2027, hague-core, hague)")
	}
	if o.Query.Measure == "equipment" {
		return cmdutil.FlagErrorf("measure", "--measure equipment: path lays out shares of GDP to a deadline; the equipment guideline has none")
	}
	if o.Prices == "constant" {
		return cmdutil.FlagErrorf("prices", "--prices constant: a path grows GDP at the IMF's nominal growth to the deadline, at current prices, so it has no constant-price form (for real terms: natospend history --prices constant, or gap --prices constant)")
	}
	if err := o.Out.Validate(); err != nil {
		return err
	}
	q, err := o.Query.Resolve(ds)
	if err != nil {
		return err
	}
	if len(q.Targets) != 1 {
		return cmdutil.FlagErrorf("target", "--target: path takes one target, got %d", len(q.Targets))
	}
	t := q.Targets[0]
	deadline := q.By
	if deadline == 0 {
		if t.Deadline == 0 {
			return cmdutil.UsageErrorf("path needs a deadline: give --by YEAR (target %s has none of its own)", targets.Label(t))
		}
		if t.Deadline < q.Year {
			return cmdutil.UsageErrorf("target %s's deadline %d is before the base year %d: give --by YEAR", t.ID, t.Deadline, q.Year)
		}
		deadline = t.Deadline
	}
	q.By = deadline
	rep, err := calc.Compute(ds, q)
	if err != nil {
		return cmdutil.QueryError(err)
	}
	ps, err := calc.PathsOf(ds, rep, shape)
	if err != nil {
		return err
	}
	var steps []Step
	for _, c := range ps.Countries {
		for _, p := range c.Points {
			steps = append(steps, Step{Code: c.Code, Name: c.Name, Target: t, Pct: ps.Measure.Pct, BaseYear: c.Base, Deadline: deadline, Point: p})
		}
	}
	var totals []Step
	if len(o.Query.Select.Groups) > 0 && len(ps.Countries) > 0 {
		code, name := groupLabel(ds, o.Query.Select.Groups)
		for _, p := range ps.Total() {
			totals = append(totals, Step{Code: code, Name: name, Target: t, Pct: ps.Measure.Pct, BaseYear: q.Year, Deadline: deadline, Point: p})
		}
	}
	notes := ps.NoPath
	if n := ps.PartNote(); n != "" {
		notes = append(notes, n)
	}
	if q.Method == calc.MethodShare && len(steps) > 0 {
		notes = append(notes, "Spending in the base year is defence at share (published share x GDP, what gap's share method measures from: its defence_at_share_musd), not the published defence expenditure (gap's and history's defence_musd): NATO computes the share from constant-price figures, so the two can differ.")
	}
	out := output(q, shape, deadline, steps, totals, append(notes, rep.Notes...))
	out.Sources = func() []calc.Source { return calc.UsedSources(ds, []*defence.Release{q.Release}, rep.Lines, false) }
	return o.Out.Emit(o.Query.F, out)
}

func groupLabel(ds *defence.Dataset, groups []string) (string, string) {
	var ids, names []string
	for _, id := range cmdutil.SplitList(groups) {
		id = strings.ToLower(id)
		ids = append(ids, id)
		names = append(names, ds.Groups[id].Name)
	}
	return strings.Join(ids, "+"), "Total: " + strings.Join(names, " + ")
}

// fields are the path report's fields, declared once: the human table,
// the CSV/TSV and the JSON rows derive from them (keys: a contract, only
// ever added to, at the end).
func fields(shape calc.Shape) []render.Spec[Step] {
	return []render.Spec[Step]{
		{Key: "code", Title: "Code", Get: func(s Step) render.Cell { return render.T(s.Code) }},
		{Key: "name", Title: "Country", Get: func(s Step) render.Cell { return render.T(s.Name) }},
		{Key: "year", Title: "Year", Kind: render.Int, Get: func(s Step) render.Cell { return render.N(float64(s.Year)) },
			Show: func(s Step) render.Cell {
				c := render.N(float64(s.Year))
				if s.Year == calc.ReviewYear {
					c.Mark = "r"
				}
				return c
			}},
		{Key: "gdp_musd", Title: "GDP $bn", Kind: render.Money, Get: func(s Step) render.Cell { return render.N(s.GDP) }},
		{Key: "gdp_source", Get: func(s Step) render.Cell { return render.T(s.GDPSource) }},
		{Key: "share_pct", Title: "Share %", Kind: render.Percent, Get: func(s Step) render.Cell { return render.N(s.Share) }},
		{Key: "spending_musd", Title: "Spending $bn", Kind: render.Money, Get: func(s Step) render.Cell { return render.N(s.Spending) }},
		{Key: "increase_musd", Title: "Increase $bn", Kind: render.Money, Get: func(s Step) render.Cell { return render.Opt(s.Increase, s.HasIncrease) }},
		{Key: "target_pct", Kind: render.Percent, Get: func(s Step) render.Cell { return render.N(s.Pct) }},
		{Key: "target", Get: func(s Step) render.Cell { return render.T(s.Target.ID) }},
		{Key: "base_year", Kind: render.Int, Get: func(s Step) render.Cell { return render.N(float64(s.BaseYear)) }},
		{Key: "deadline", Kind: render.Int, Get: func(s Step) render.Cell { return render.N(float64(s.Deadline)) }},
		{Key: "review_year", Kind: render.Bool, Get: func(s Step) render.Cell { return render.B(s.Year == calc.ReviewYear) }},
		{Key: "shape", Get: func(Step) render.Cell { return render.T(string(shape)) }},
	}
}

// output is the path report. A group's total path (--group) is in the
// table, after the countries, and in the JSON's totals; never a CSV row,
// so that a spreadsheet SUM over the rows counts each country once.
func output(q *calc.Query, shape calc.Shape, deadline int, steps, totals []Step, notes []string) cmdutil.Output {
	fs := fields(shape)
	human := func() *render.Table {
		hn := notes
		if deadline >= calc.ReviewYear && len(steps) > 0 && steps[0].BaseYear <= calc.ReviewYear {
			hn = append([]string{fmt.Sprintf("r: %d, the year the Hague commitment's trajectories are reviewed.", calc.ReviewYear)}, notes...)
		}
		title := fmt.Sprintf("Path to %s of GDP by %d (%s): release %s, method %s", targets.Label(q.Targets[0]), deadline, shape, q.Release.ID, q.Method)
		hn = append(append([]string{}, hn...), calc.SourceOf(q.Release).Line())
		return render.HumanTable(title, fs, append(append([]Step{}, steps...), totals...), nil, hn)
	}
	machine := func() *render.Table { return render.MachineTable(fs, steps) }
	doc := func() any {
		return render.Object{
			{Key: "schema_version", Value: 1},
			{Key: "release", Value: q.Release.ID},
			{Key: "method", Value: string(q.Method)},
			{Key: "shape", Value: string(shape)},
			{Key: "year", Value: q.Year},
			{Key: "deadline", Value: deadline},
			{Key: "target_pct", Value: q.Targets[0].Pct},
			{Key: "target", Value: q.Targets[0].ID},
			{Key: "rows", Value: append([]render.Object{}, render.Objects(fs, steps)...)},
			{Key: "notes", Value: append([]string{}, notes...)},
			{Key: "totals", Value: append([]render.Object{}, render.Objects(fs, totals)...)},
			{Key: "source", Value: calc.SourceOf(q.Release)},
		}
	}
	// xlsx: the group's total path is a sheet of its own (Totals).
	total := func() *render.Table { return render.MachineTable(fs, totals) }
	return cmdutil.Output{Human: human, Machine: machine, JSON: doc, Totals: total}
}
