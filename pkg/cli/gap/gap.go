// Package gap is the `natospend gap` command: each selected country's gap
// to one or more spending targets.
package gap

import (
	"fmt"
	"maps"
	"slices"
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

// Options hold everything a gap run needs.
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
	// Prices is --prices (gap): current (the default) or constant, the
	// release's constant-price GDP and defence (calc.Query.Constant).
	Prices string
	// Top is --top (gap): keep the first N countries after --sort, the
	// totals covering those (0: all).
	Top       int
	By        int
	GDPGrowth string
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
	ShowAid       bool
	Burden        bool
	PerCapita     bool
	Currency      string
	Select        cmdutil.SelectFlags
	Out           cmdutil.OutputFlags

	// DecimalCommaIsError (check) makes a --target value that reads as a
	// decimal comma ("3,7") a usage error; gap and path warn and read it
	// as a list.
	DecimalCommaIsError bool
}

// Sort orders.
var sortOrders = []string{"gap", "share", "name", "gdp", "defence"}

// gapSortOrders are gap's: also by the figures only gap shows (largest
// first; per head with --per-capita).
var gapSortOrders = append(slices.Clip(sortOrders), "equipment", "defence-per-head", "gdp-per-head")

// NewCmd builds the gap command. A test may pass runF to capture the
// options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "gap",
		Short: "Each ally's gap to a spending target, in money and share of GDP",
		Long: strings.TrimSpace(`
Gap shows, for each selected country, how far its defence spending is from a
target share of GDP, in million current US dollars: positive is a shortfall,
negative a surplus.

By default the gap uses NATO's published share of GDP, as NATO's own verdicts
do: gap = (target - share) / 100 x GDP. NATO computes that share from
constant-price figures, so it can differ from defence / GDP at current prices
(the Netherlands, 2026: 2.58% published, 2.29% in current USD). --method usd
measures instead on current-USD figures: gap = target / 100 x GDP - defence.

Defence $bn (defence_musd) is the defence expenditure the release publishes,
as printed; the amount the share implies, share x GDP, which the share method
measures from, is Defence at share $bn (defence_at_share_musd). A release of
shares only (nato-2025-08) has no published amount: its Defence is unknown.

A country without figures for the year shows status no-data and no gap (never
a zero); Iceland, which has no armed forces, shows not-reported. --latest uses
a country's most recent earlier year in the same release instead.

Status: a country meets a target when its share of GDP is at or above it,
else it is short; the same rule in gap, check and path. The Hague 5% (3.5%
core + up to 1.5% resilience, which NATO's tables do not hold) is met on core
spending alone at 5%, short below 3.5%, and undetermined in between.

Targets: a percentage (--target 3.7) or a named target (natospend targets
lists them); several at once with --target 2,3.5,5.

Deadlines: with --by YEAR, or a named target's own deadline (uk-2027,
hague-core), gap adds what spending must be then (Need) and the yearly growth
that gets there; the status stays that of the base year. Trend says whether a
country is on track: it meets the target already, or the straight line
through its published shares of the last --trend-years years reaches the
target by the deadline. A trend of published figures, not a forecast.

Totals add up the rows shown: a spreadsheet SUM of a column equals them.
--sort ranks the countries (gdp, defence, equipment and, with --per-capita,
defence-per-head and gdp-per-head: largest first); --top N keeps the first N,
and the totals then cover those N. Several years print a total row per year.

--prices constant measures with the release's constant-price GDP and defence
(NATO's June 2024 release: 2015 prices), named in the title; it takes no
deadline, --per-capita, --currency or --show-aid (never two price bases in
one table).

--show-aid adds each country's military aid to Ukraine (the newest aid
release: Kiel's Ukraine Support Tracker, million EUR, with its cut-off) as
a column for context only. It is never added to defence: NATO's figures
already include what each ally reports, so adding it would count it twice.`),
		Example: cmdutil.Examples(`
  natospend gap --target 3.7
  natospend gap --target 2,3.5,5 --group europe
  natospend gap --target 2 --release nato-2025-08 --latest
  natospend gap --target 3.5 --format csv --output report.csv`),
		Args: cmdutil.NoArgsTargetHint,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.TrendYearsSet = cmd.Flags().Changed("trend-years")
			opts.TargetsSet = cmd.Flags().Changed("target")
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	AddQueryFlags(cmd, opts, []string{"2"})
	cmdutil.EnumFlag{Name: "sort", Short: "s", Default: "gap", Values: gapSortOrders, Noun: "a sort order", Usage: "sort by (gdp, defence, equipment and per head: largest first; share: smallest first)"}.Register(cmd, &opts.Sort)
	cmdutil.EnumFlag{Name: "prices", Default: "current", Values: []string{"current", "constant"}, Noun: "a price basis",
		Usage: "money at current prices and exchange rates, or at the release's constant prices (GDP and defence as it publishes them; its base year in the title)"}.Register(cmd, &opts.Prices)
	cmd.Flags().IntVar(&opts.Top, "top", 0, "keep the first `N` countries after --sort; the totals cover those (one year and one release)")
	AddTrendFlag(cmd, opts)
	cmdutil.StringEnumFlag(cmd, &opts.Currency, "currency", "", calc.CurrencyUSD, []string{calc.CurrencyUSD, calc.CurrencyNational, calc.CurrencyEUR}, "money in: usd; national (each country's own currency at NATO's implied rate for its year); eur (at the EUR/USD rate NATO's figures imply for the euro-area allies)")
	cmd.Flags().BoolVar(&opts.PerCapita, "per-capita", false, "add GDP, defence and the gap per head, in USD per person (population: the IMF WEO, the vintage of its GDP), and NATO's own GDP and defence per head at constant prices (Table 6) where the release has them")
	cmd.Flags().BoolVar(&opts.Burden, "burden", false, "add each country's share of the selection's defence spending and of its GDP (%), and the difference (points)")
	cmd.Flags().BoolVar(&opts.ShowAid, "show-aid", false, "add each country's military aid to Ukraine (EUR m, Kiel), for context only: never added to defence")
	cmdutil.AddOutputFlags(cmd, &opts.Out, cmdutil.FormatBars)
	cmdutil.AddLayoutFlag(cmd, &opts.Out)
	return cmd
}

// AddQueryFlags registers the flags that say what is measured, shared by
// gap, check and path: --target (with its default), --year, --release,
// --method, --latest, --by, --gdp-growth and the selection flags.
func AddQueryFlags(cmd *cobra.Command, opts *Options, defaultTargets []string) {
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
	cmdutil.AddSelectFlags(cmd, &opts.Select, f)
	cmdutil.RegisterTargetCompletion(cmd, "target", f)
	cmdutil.RegisterReleaseCompletion(cmd, "release", f)
}

// AddTrendFlag registers --trend-years, for the on-track question.
func AddTrendFlag(cmd *cobra.Command, opts *Options) {
	cmd.Flags().IntVar(&opts.TrendYears, "trend-years", calc.DefaultTrendYears, "with a deadline: draw the trend line through the published shares of the last `N` years (2 to 15)")
}

// AddSortFlag registers --sort with a default order.
func AddSortFlag(cmd *cobra.Command, opts *Options, def string) {
	cmdutil.EnumFlag{Name: "sort", Short: "s", Default: def, Values: sortOrders, Noun: "a sort order", Usage: "sort by"}.Register(cmd, &opts.Sort)
}

// checkPrices refuses --prices constant where a table would mix price
// bases or the release has no constant prices.
func (o *Options) checkPrices(ds *defence.Dataset, qs []*calc.Query) error {
	if o.Prices != "constant" {
		return nil
	}
	rel := qs[0].Release
	for _, q := range qs {
		if q.Release != rel {
			return cmdutil.FlagErrorf("prices", "--prices constant takes one release (releases have different base years)")
		}
	}
	if !calc.HasConstantPrices(rel) {
		var ids []string
		for _, id := range slices.Sorted(maps.Keys(ds.Releases)) {
			if r := ds.Releases[id]; calc.HasConstantPrices(r) {
				ids = append(ids, fmt.Sprintf("%s (%d prices)", id, r.ConstantYear))
			}
		}
		with := ""
		if len(ids) > 0 {
			with = " (these do: " + strings.Join(ids, ", ") + "; give --release)"
		}
		return cmdutil.FlagErrorf("prices", "--prices constant: release %s publishes no figures at constant prices%s", rel.ID, with)
	}
	switch {
	case o.Currency != "" && o.Currency != calc.CurrencyUSD:
		return cmdutil.FlagErrorf("prices", "--prices constant with --currency %s: NATO's exchange rates are those of current prices; leave out one of them", o.Currency)
	case o.PerCapita:
		return cmdutil.FlagErrorf("prices", "--prices constant with --per-capita: for NATO's figures per head at constant prices, see natospend history --prices constant --figures per-head")
	case o.ShowAid:
		return cmdutil.FlagErrorf("prices", "--prices constant with --show-aid: aid is in current euros; leave out one of them")
	}
	return nil
}

// Resolve validates the options against the data: the targets, the release
// and year, the method and the selection. Problems are usage errors.
func (o *Options) Resolve(ds *defence.Dataset) (*calc.Query, error) {
	q := &calc.Query{Latest: o.Latest, Sort: o.Sort, TrendYears: o.TrendYears}
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
	if err := o.Out.Validate(); err != nil {
		return nil, err
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
	rc, err := cmdutil.ResolveReleaseYear(ds, strings.TrimSpace(o.Release), year)
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
		g, err := cmdutil.ParseGrowth(o.GDPGrowth)
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
	// The output flags are settled on o itself, before it is copied.
	if err := o.Out.Validate(); err != nil {
		return nil, err
	}
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
		q, err := one.Resolve(ds)
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
			q, err := one.Resolve(ds)
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		}
	}
	if err := checkRows(out); err != nil {
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

// Run computes the gaps and prints them.
func Run(o *Options) error {
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	qs, err := o.ResolveAll(ds)
	if err != nil {
		return err
	}
	if len(qs) > 1 && o.Burden {
		return cmdutil.FlagErrorf("burden", "--burden takes one year and one release (the shares of one selection)")
	}
	if strings.HasSuffix(o.Sort, "-per-head") && !o.PerCapita {
		return cmdutil.FlagErrorf("sort", "--sort %s: the figures per head are shown with --per-capita: add it", o.Sort)
	}
	if o.Top < 0 {
		return cmdutil.FlagErrorf("top", "--top %d: expected a number of countries, 1 or more", o.Top)
	}
	if len(qs) > 1 && o.Top > 0 {
		return cmdutil.FlagErrorf("top", "--top takes one year and one release (the first countries of one ranking)")
	}
	if err := o.checkPrices(ds, qs); err != nil {
		return err
	}
	reps := make([]*calc.Report, 0, len(qs))
	for _, q := range qs {
		q.Top = o.Top
		q.Constant = o.Prices == "constant"
		c, err := calc.Compute(ds, q)
		if err != nil {
			return cmdutil.QueryError(err)
		}
		reps = append(reps, c)
	}
	c := calc.Merge(reps)
	rep := &Report{Report: c}
	for _, q := range qs {
		if !slices.Contains(rep.Years, q.Year) {
			rep.Years = append(rep.Years, q.Year)
		}
		if !slices.Contains(rep.Releases, q.Release) {
			rep.Releases = append(rep.Releases, q.Release)
		}
	}
	if c.TrendNote != "" {
		c.Notes = append(c.Notes, c.TrendNote)
	}
	if c.Ranked > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("--top %d: the first %d of %d countries by --sort %s; the totals cover those shown.", o.Top, len(c.Order), c.Ranked, o.Sort))
	}
	if !c.HasDeadline() {
		if o.GDPGrowth != "" {
			cmdutil.Warn(o.F.IO, "--gdp-growth has no effect without a deadline (--by YEAR, or a target with a deadline still ahead)")
		}
		if o.TrendYearsSet {
			cmdutil.Warn(o.F.IO, "--trend-years has no effect without a deadline (--by YEAR, or a target with a deadline still ahead)")
		}
	}
	if o.Burden {
		var atShare bool
		rep.Burden, rep.BurdenBase, atShare = c.Burdens()
		what := "NATO's published defence expenditure"
		if atShare {
			what = fmt.Sprintf("defence at share, published share x GDP, as release %s publishes no defence amounts", c.Release.ID)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("Burden (--burden): each country's share of the selection's total defence spending (%s) and of its total GDP, over the %d selected countries with both (the base is the selection, not NATO, unless every ally is selected); Diff = defence share - GDP share, in percentage points: positive carries more than its economic weight.", what, rep.BurdenBase))
	}
	if o.Currency != "" && o.Currency != calc.CurrencyUSD {
		if err := rep.useCurrency(ds, o.Currency); err != nil {
			return err
		}
	}
	if o.PerCapita {
		rep.PerCapita = ds
		var used []calc.PopulationFigure
		var nato []calc.NATOPerCapita
		for _, ln := range c.Lines {
			used = append(used, calc.PerCapitaOf(ds, ln.Row).Population)
			nato = append(nato, calc.NATOPerCapitaOf(ds, ln.Row))
		}
		note := calc.PopulationNote(ds, used) + " Defence per head divides NATO's published USD figure; the gap per head divides the row's gap."
		switch o.Currency {
		case calc.CurrencyEUR:
			note += " The table shows them in euros, each at its row's rate."
		case calc.CurrencyNational:
			note += " The table shows them in national currencies, each at its row's rate."
		}
		rep.Notes = append(rep.Notes, note)
		if n := calc.NATOPerCapitaNote(nato); n != "" {
			rep.Notes = append(rep.Notes, n)
		}
	}
	if o.ShowAid {
		if rep.Aid, err = AidFor(ds); err != nil {
			return err
		}
		rep.Notes = append(rep.Notes, rep.Aid.note())
	}
	return o.Out.Emit(o.F, cmdutil.Output{Human: rep.HumanTable, Machine: rep.MachineTable, JSON: rep.JSON, Bars: rep.Bars,
		Totals: rep.TotalsTable, Wide: rep.WideTable, Sources: func() []calc.Source {
			src := UsedSources(ds, rep.releases(), c.Lines, o.PerCapita)
			if rep.Aid != nil {
				a := rep.Aid.Release
				src = append(src, calc.Source{ID: a.ID, Title: a.Title, Publisher: a.Publisher, Published: a.Published, Cutoff: a.Cutoff, URL: a.URL, Via: a.Via})
			}
			return src
		}})
}
