// Package query holds what the commands that measure gaps share: the
// flags that say what is measured (--target, --year, --release, --measure,
// --method, --latest, --by, --gdp-growth, --trend-years, --sort and the
// selection flags) and their resolution into a calc.Query. gap, check,
// path and chart use it; no command package imports another.
package query

import (
	"errors"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/targets"
	"github.com/natospend/natospend/pkg/years"
	"github.com/spf13/cobra"
)

// Options are the query flags as given, before Resolve checks them
// against the data.
type Options struct {
	F *cmdutil.Factory

	Targets []string
	// Years is --year as given: a year, a range (2014-2024) or a list.
	Years []string
	// Release is --release: one release id, or (gap) a list to show the
	// same cells of several releases side by side.
	Release string
	// quietRelease skips the note on a non-default release (said once).
	quietRelease bool
	Method       string
	Latest       bool
	Sort         string
	Reverse      bool // --reverse: the sort order turned round
	By           int
	GDPGrowth    string
	// TrendYears is --trend-years (gap and check): the years of published
	// shares a trend line is drawn through.
	TrendYears int
	// Measure is --measure: share (of GDP) or equipment (the equipment
	// share of defence spending); TargetsSet is true when --target was
	// given, so that --measure equipment can default to its own target.
	Measure    string
	TargetsSet bool
	// TrendYearsSet is true when --trend-years was given (flag, env or
	// config), so that a run without a deadline can say it has no effect.
	TrendYearsSet bool
	Select        SelectFlags

	// DecimalCommaIsError (check) makes a --target value that reads as a
	// decimal comma ("3,7") a usage error; gap and path warn and read it
	// as a list.
	DecimalCommaIsError bool
}

// Quiet is a copy of the options that resolves without the note on a
// non-default release: for a command that resolves the same query again
// (report's charts), the note said once.
func (o *Options) Quiet() Options {
	c := *o
	c.quietRelease = true
	return c
}

// AddFlags registers the flags that say what is measured, shared by
// gap, check, path and chart: --target (with its default), --year, --release,
// --method, --latest, --by, --gdp-growth and the selection flags.
func AddFlags(cmd *cobra.Command, opts *Options, defaultTargets []string) {
	f := opts.F
	fl := cmd.Flags()
	cmdutil.ListVarP(fl, &opts.Targets, "target", "t", defaultTargets, "target: a percentage of GDP with a decimal point (3.7, not 3,7) or a named target (repeatable; a list separated by commas, line breaks or tabs; at most 100)")
	cmdutil.LimitList(fl, "target", targets.Max, "targets")
	cmdutil.ListVarP(fl, &opts.Years, "year", "y", nil, "year: 2024, a range 2014-2024 or a list 2014,2019,2024 (gap only: one row per country and year); default: the latest year the release publishes (the release by default: the newest embedded NATO release)")
	fl.StringVarP(&opts.Release, "release", "r", "", "release id (default: the newest embedded NATO release that has the year; a --data release only when named); gap: a list shows the same cells of several releases side by side")
	cmdutil.StringEnumFlag(cmd, &opts.Measure, "measure", "", "share", []string{"share", "equipment"}, "share: targets are shares of GDP; equipment: the share of defence spending on major equipment (the Wales 20% guideline, default target nato-equipment-20)")
	cmdutil.StringEnumFlag(cmd, &opts.Method, "method", "m", string(calc.MethodShare), []string{string(calc.MethodShare), string(calc.MethodUSD)}, "share: gap from NATO's published share of GDP; usd: from current-USD defence and GDP")
	fl.BoolVar(&opts.Latest, "latest", false, "for a country without figures in the year, use its most recent earlier year in the release")
	fl.IntVar(&opts.By, "by", 0, "deadline `YEAR`: what the target requires then (default: a named target's own deadline)")
	fl.StringVar(&opts.GDPGrowth, "gdp-growth", "", "project GDP at this constant nominal growth, `PCT` a year, instead of the IMF WEO's (above -100)")
	AddSelectFlags(cmd, &opts.Select, f)
	RegisterTargetCompletion(cmd, "target", f)
	RegisterReleaseCompletion(cmd, "release", f)
}

// AddTrendFlag registers --trend-years, for the on-track question.
func AddTrendFlag(cmd *cobra.Command, opts *Options) {
	cmd.Flags().IntVar(&opts.TrendYears, "trend-years", calc.DefaultTrendYears, "with a deadline: draw the trend line through the published shares of the last `N` years (2 to 15)")
}

// AddSortFlag registers --sort with a default order, and --reverse.
func AddSortFlag(cmd *cobra.Command, opts *Options, def string) {
	cmdutil.EnumFlag{Name: "sort", Short: "s", Default: def, Values: calc.SortOrders, Noun: "a sort order", Usage: SortUsage}.Register(cmd, &opts.Sort)
	AddReverseFlag(cmd, &opts.Reverse)
}

// SortUsage is the help of every command's --sort: its one direction
// (calc.OrderWords).
const SortUsage = "sort by a figure the command shows: gap, the largest shortfall first; every other figure, largest first; name, A to Z (--reverse turns it round)"

// AddReverseFlag registers --reverse, the same in every command that
// sorts: the order of --sort turned round, unknown figures still last.
func AddReverseFlag(cmd *cobra.Command, reverse *bool) {
	cmd.Flags().BoolVar(reverse, "reverse", false, "turn the --sort order round (smallest first; name: Z to A); unknown figures stay last")
}

// Resolve validates the query against the data: the targets, the release
// and year, the method and the selection. Problems are usage errors. It
// knows nothing of output: a command with output flags validates them
// itself, before.
func (o *Options) Resolve(ds *defence.Dataset) (*calc.Query, error) {
	q, err := o.resolve(ds)
	if err != nil {
		return nil, err
	}
	if err := checkMeasure(q); err != nil {
		return nil, err
	}
	return q, nil
}

// checkMeasure refuses what calc.CheckQuery refuses (a target that is
// not of the measure asked, a deadline for the equipment guideline, a
// deadline at constant prices), in the words of the flags that set them.
func checkMeasure(q *calc.Query) error {
	err := calc.CheckQuery(q)
	var m *calc.QueryMismatch
	if !errors.As(err, &m) {
		return err
	}
	switch m.Kind {
	case calc.TargetOfDefence:
		return cmdutil.FlagErrorf("target", "--target %s is a target of the equipment share of defence spending, not of GDP: use --measure equipment", m.Target)
	case calc.TargetOfGDP:
		return cmdutil.FlagErrorf("target", "--target %s is a target of GDP, not of the equipment share of defence spending: use it without --measure equipment", m.Target)
	case calc.DeadlineOfEquipment:
		return cmdutil.FlagErrorf("by", "--by: the equipment guideline is measured in the year asked; a deadline applies to shares of GDP")
	}
	return cmdutil.FlagErrorf("prices", "--prices constant: a deadline projects GDP at current prices (the IMF's), so it has no constant-price form: leave out --by, or give a target without a deadline")
}

// resolve is Resolve without checkMeasure, which ResolveAll runs once,
// after every query is resolved.
func (o *Options) resolve(ds *defence.Dataset) (*calc.Query, error) {
	q := &calc.Query{Latest: o.Latest, Sort: o.Sort, Reverse: o.Reverse, TrendYears: o.TrendYears}
	var err error
	if err := o.decimalCommas(); err != nil {
		return nil, err
	}
	measure := defence.MeasureShare
	if o.Measure == "equipment" {
		measure = defence.MeasureEquipment
	}
	q.Measure = measure
	values := o.Targets
	if measure == defence.MeasureEquipment && !o.TargetsSet {
		values = []string{"nato-equipment-20"} // the Wales guideline, not the 2% default
	}
	if q.Targets, err = targets.ParseMeasure(values, ds.Targets, measure); err != nil {
		return nil, cmdutil.FlagErrorf("target", "--target: %v", err)
	}
	switch calc.Method(o.Method) {
	case calc.MethodShare, calc.MethodUSD:
		q.Method = calc.Method(o.Method)
	default:
		return nil, cmdutil.FlagErrorf("method", "--method %q is not a method (expected share or usd)", o.Method)
	}
	ys, err := o.years()
	if err != nil {
		return nil, err
	}
	if len(ys) > 1 {
		return nil, cmdutil.FlagErrorf("year", "--year %s: this command takes one year (gap shows several, one row per country and year)", years.Format(ys))
	}
	year := 0
	if len(ys) == 1 {
		year = ys[0]
	}
	if rels := lists.Split([]string{o.Release}); len(rels) > 1 {
		return nil, cmdutil.FlagErrorf("release", "--release %s: this command takes one release (gap shows several side by side)", strings.Join(rels, ","))
	}
	rc, err := ResolveReleaseYear(ds, strings.TrimSpace(o.Release), year)
	if err != nil {
		return nil, err
	}
	q.Release, q.Year = rc.Release, rc.Year
	if !o.quietRelease {
		rc.PrintNote(o.F)
	}
	if q.Method == calc.MethodUSD && !calc.PublishesFigure(q.Release, calc.FigureDefence) {
		return nil, cmdutil.FlagErrorf("method", "--method usd: release %s publishes no defence figures in US dollars, only shares of GDP (use --method share, or a release with USD figures)", q.Release.ID)
	}
	if o.TrendYears < 2 || o.TrendYears > 15 {
		return nil, cmdutil.FlagErrorf("trend-years", "--trend-years %d is out of range (expected 2 to 15)", o.TrendYears)
	}
	if q.Codes, err = o.Select.Resolve(ds, q.Year, true); err != nil {
		return nil, err
	}
	if o.By != 0 {
		if o.By < q.Year {
			return nil, cmdutil.FlagErrorf("by", "--by %d is before the base year %d (expected a year from %d to %d)", o.By, q.Year, q.Year, q.Year+calc.MaxYearsAhead)
		}
		if o.By > q.Year+calc.MaxYearsAhead {
			return nil, cmdutil.FlagErrorf("by", "--by %d is more than %d years after the base year %d (expected a year from %d to %d)", o.By, calc.MaxYearsAhead, q.Year, q.Year, q.Year+calc.MaxYearsAhead)
		}
		q.By = o.By
	}
	if o.GDPGrowth != "" {
		g, err := ParseGrowth(o.GDPGrowth)
		if err != nil {
			return nil, cmdutil.FlagErrorf("gdp-growth", "--gdp-growth: %v", err)
		}
		q.GDPGrowth = &g
	}
	if err := checkRows([]*calc.Query{q}); err != nil {
		return nil, err
	}
	return q, nil
}

// checkRows refuses, before anything is computed, a query whose report
// would have more than calc.MaxRows rows, saying how they add up.
func checkRows(qs []*calc.Query) error {
	rows, ys, rels := 0, map[int]bool{}, map[*defence.Release]bool{}
	for _, q := range qs {
		rows += calc.Rows(q)
		ys[q.Year], rels[q.Release] = true, true
	}
	if rows <= calc.MaxRows {
		return nil
	}
	return cmdutil.UsageErrorf("this query gives %d rows (%d targets x the countries selected x %d years x %d releases; a target with a resilience part counts three times), more than the %d a run may give (every row is held in memory before any is written): ask for fewer targets, countries, years or releases, or run it in parts",
		rows, len(qs[0].Targets), len(ys), len(rels), calc.MaxRows)
}

// years parses --year (nil: not given).
func (o *Options) years() ([]int, error) {
	if len(lists.Split(o.Years)) == 0 {
		return nil, nil
	}
	ys, err := years.Parse(o.Years)
	if err != nil {
		return nil, cmdutil.FlagErrorf("year", "--year: %v", err)
	}
	return ys, nil
}

// ResolveAll is Resolve for gap, which takes several years and several
// releases: one query per release and year. Several years share one
// release (the one resolved for the latest year, which must publish every
// year asked: a series never mixes releases silently); several releases
// (--release a,b) share the years, by default the latest year they all
// publish. Each query selects the group members of its own year.
func (o *Options) ResolveAll(ds *defence.Dataset) ([]*calc.Query, error) {
	ys, err := o.years()
	if err != nil {
		return nil, err
	}
	rels := lists.Split([]string{o.Release})
	if len(ys) <= 1 && len(rels) <= 1 {
		q, err := o.Resolve(ds)
		if err != nil {
			return nil, err
		}
		return []*calc.Query{q}, nil
	}
	if len(rels) == 0 {
		rels = []string{""} // the default release
	}
	// The releases, resolved as the single-release path would.
	var resolved []*defence.Release
	for _, id := range rels {
		one := *o
		one.Release, one.Years = id, nil
		if len(ys) > 0 {
			one.Years = []string{strconv.Itoa(ys[len(ys)-1])}
		}
		q, err := one.resolve(ds)
		if err != nil {
			return nil, err
		}
		for _, r := range resolved {
			if r == q.Release {
				return nil, cmdutil.FlagErrorf("release", "--release: %s is named twice", r.ID)
			}
		}
		resolved = append(resolved, q.Release)
	}
	if len(ys) == 0 { // the latest year every release publishes
		for y := years.Max; y >= years.Min && len(ys) == 0; y-- {
			all := true
			for _, r := range resolved {
				all = all && r.HasFiguresIn(y)
			}
			if all {
				ys = []int{y}
			}
		}
		if len(ys) == 0 {
			return nil, cmdutil.FlagErrorf("release", "--release %s: these releases have no year in common", strings.Join(rels, ","))
		}
	}
	for _, r := range resolved {
		var missing []string
		for _, y := range ys {
			if !r.HasFiguresIn(y) {
				missing = append(missing, strconv.Itoa(y))
			}
		}
		if len(missing) > 0 {
			return nil, cmdutil.FlagErrorf("year", "--year %s: release %s publishes no figures for %s (each release shows every year asked: give --release, or other years)", years.Format(ys), r.ID, strings.Join(missing, ", "))
		}
	}
	if o.By != 0 && o.By < ys[len(ys)-1] {
		return nil, cmdutil.FlagErrorf("by", "--by %d is before the year %d", o.By, ys[len(ys)-1])
	}
	var out []*calc.Query
	for _, r := range resolved {
		for _, y := range ys {
			one := *o
			one.Release, one.Years, one.quietRelease = r.ID, []string{strconv.Itoa(y)}, true
			q, err := one.resolve(ds)
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		}
	}
	if err := checkRows(out); err != nil {
		return nil, err
	}
	if err := checkMeasure(out[0]); err != nil { // the queries differ only in release and year
		return nil, err
	}
	return out, nil
}

// decimalCommas warns about each --target value that reads as a decimal
// comma ("3,7": two targets, 3% and 7%, or 3.7%?), or refuses it with
// DecimalCommaIsError, saying where the value came from when it was not
// the command line.
func (o *Options) decimalCommas() error {
	dcs := targets.DecimalCommas(o.Targets)
	if len(dcs) == 0 {
		return nil
	}
	if o.DecimalCommaIsError {
		return cmdutil.FlagErrorf("target", "--target %s", dcs[0].Refusal())
	}
	if o.F == nil || o.F.IO == nil {
		return nil
	}
	origin := ""
	if o.F.SettingOrigin != nil {
		if from := o.F.SettingOrigin("target"); from != "" {
			origin = from + ": "
		}
	}
	for _, d := range dcs {
		cmdutil.Warn(o.F.IO, "%s--target %s", origin, d.Warning())
	}
	return nil
}
