// Package gap is the `natospend gap` command: each selected country's gap
// to one or more spending targets.
package gap

import (
	"fmt"
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/gapreport"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/spf13/cobra"
)

// Options hold everything a gap run needs: the query and gap's own flags.
type Options struct {
	query.Options

	// Prices is --prices (gap): current (the default) or constant, the
	// release's constant-price GDP and defence (calc.Query.Constant).
	Prices string
	// Top is --top (gap): keep the first N countries after --sort, the
	// totals covering those (0: all).
	Top       int
	ShowAid   bool
	Burden    bool
	PerCapita bool
	Currency  string
	Out       cmdutil.OutputFlags
}

// NewCmd builds the gap command. A test may pass runF to capture the
// options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Options: query.Options{F: f}}
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
--sort ranks the countries by any figure the table shows (share, gdp,
defence, equipment; with --per-capita, --burden or --show-aid their columns
too), in one direction in every command: the gap from the largest shortfall,
every other figure from the largest, name from A to Z; --reverse turns it
round. --top N keeps the first N, and the totals then cover those N. Several
years print a total row per year.

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
	query.AddFlags(cmd, &opts.Options, []string{"2"})
	cmdutil.EnumFlag{Name: "sort", Short: "s", Default: "gap", Values: gapreport.SortWords(), Noun: "a sort order", Usage: query.SortUsage}.Register(cmd, &opts.Sort)
	query.AddReverseFlag(cmd, &opts.Reverse)
	query.AddPricesFlag(cmd, &opts.Prices, "money at current prices and exchange rates, or at the release's constant prices (GDP and defence as it publishes them; its base year in the title)")
	cmd.Flags().IntVar(&opts.Top, "top", 0, "keep the first `N` countries after --sort; the totals cover those (one year and one release)")
	query.AddTrendFlag(cmd, &opts.Options)
	cmdutil.StringEnumFlag(cmd, &opts.Currency, "currency", "", calc.CurrencyUSD, []string{calc.CurrencyUSD, calc.CurrencyNational, calc.CurrencyEUR}, "money in: usd; national (each country's own currency at NATO's implied rate for its year); eur (at the EUR/USD rate NATO's figures imply for the euro-area allies)")
	cmd.Flags().BoolVar(&opts.PerCapita, "per-capita", false, "add GDP, defence and the gap per head, in USD per person (population: the IMF WEO, the vintage of its GDP), and NATO's own GDP and defence per head at constant prices (Table 6) where the release has them")
	cmd.Flags().BoolVar(&opts.Burden, "burden", false, "add each country's share of the selection's defence spending and of its GDP (%), and the difference (points)")
	cmd.Flags().BoolVar(&opts.ShowAid, "show-aid", false, "add each country's military aid to Ukraine (EUR m, Kiel), for context only: never added to defence")
	cmdutil.AddOutputFlags(cmd, &opts.Out, cmdutil.FormatBars)
	cmdutil.AddLayoutFlag(cmd, &opts.Out)
	return cmd
}

// checkPrices refuses --prices constant where a table would mix price
// bases or the release has no constant prices.
func (o *Options) checkPrices(ds *defence.Dataset, qs []*calc.Query) error {
	if o.Prices != "constant" {
		return nil
	}
	if err := query.CheckConstantPrices(ds, qs); err != nil {
		return err
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

// Run computes the gaps and prints them.
func Run(o *Options) error {
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	// The output flags are settled before the query is resolved.
	if err := o.Out.Validate(); err != nil {
		return err
	}
	qs, err := o.ResolveAll(ds)
	if err != nil {
		return err
	}
	if len(qs) > 1 && o.Burden {
		return cmdutil.FlagErrorf("burden", "--burden takes one year and one release (the shares of one selection)")
	}
	switch view := gapreport.SortView(o.Sort); {
	case view == "--per-capita" && !o.PerCapita:
		return cmdutil.FlagErrorf("sort", "--sort %s: the figures per head are shown with --per-capita: add it", o.Sort)
	case view == "--burden" && !o.Burden, view == "--show-aid" && !o.ShowAid:
		return cmdutil.FlagErrorf("sort", "--sort %s: its column is shown with %s: add it", o.Sort, view)
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
	var keys func(q *calc.Query) (map[string]defence.Num, error)
	if !slices.Contains(gapreport.CalcSorts(), o.Sort) {
		keys = func(q *calc.Query) (map[string]defence.Num, error) { return o.sortKeys(ds, q) }
	}
	rep, err := gapreport.New(ds, qs, o.Top, o.Prices == "constant", keys)
	if err != nil {
		return err
	}
	c := rep.Report
	if c.Ranked > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("--top %d: the first %d of %d countries by --sort %s (%s); the totals cover those shown.", o.Top, len(c.Order), c.Ranked, o.sortWords(), calc.OrderWords(o.Sort, o.Reverse)))
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
		base := c // the whole selection, also with --top
		if c.Ranked > 0 {
			all := *qs[0]
			all.Top, all.SortKeys = 0, nil
			if base, err = calc.Compute(ds, &all); err != nil {
				return cmdutil.QueryError(err)
			}
		}
		rep.Burden, rep.BurdenBase, atShare = base.Burdens()
		what := "NATO's published defence expenditure"
		if atShare {
			what = fmt.Sprintf("defence at share, published share x GDP, as release %s publishes no defence amounts", c.Release.ID)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("Burden (--burden): each country's share of the selection's total defence spending (%s) and of its total GDP, over the %d selected countries with both (the base is the selection, not NATO, unless every ally is selected); Diff = defence share - GDP share, in percentage points: positive carries more than its economic weight.", what, rep.BurdenBase))
		if c.Ranked > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("--top %d with --burden: the shares are of the whole selection's totals, and the total row adds up those of the %d shown (their part of the selection's defence and GDP).", o.Top, len(c.Order)))
		}
	}
	if o.Currency != "" && o.Currency != calc.CurrencyUSD {
		if err := rep.UseCurrency(ds, o.Currency); err != nil {
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
		if rep.Aid, err = gapreport.AidFor(ds); err != nil {
			return err
		}
		rep.Notes = append(rep.Notes, rep.Aid.Note())
	}
	return o.Out.Emit(o.F, cmdutil.Output{Human: rep.HumanTable, Machine: rep.MachineTable, JSON: rep.JSON, Bars: rep.Bars,
		Totals: rep.TotalsTable, Wide: rep.WideTable, Sources: func() []calc.Source {
			src := calc.UsedSources(ds, rep.Shown(), c.Lines, o.PerCapita)
			if rep.Aid != nil {
				a := rep.Aid.Release
				src = append(src, calc.Source{ID: a.ID, Title: a.Title, Publisher: a.Publisher, Published: a.Published, Cutoff: a.Cutoff, URL: a.URL, Via: a.Via})
			}
			return src
		}})
}

// sortWords are the sort flags as given: "share", "share --reverse".
func (o *Options) sortWords() string {
	if o.Reverse {
		return o.Sort + " --reverse"
	}
	return o.Sort
}

// sortKeys are the figures --sort ranks by where calc does not hold them
// (a column of --burden, --show-aid...): the field's figures in the
// report of the whole selection, before --top, with the views asked.
func (o *Options) sortKeys(ds *defence.Dataset, q *calc.Query) (map[string]defence.Num, error) {
	all := *q
	all.Top, all.Sort, all.Reverse = 0, "name", false
	c, err := calc.Compute(ds, &all)
	if err != nil {
		return nil, cmdutil.QueryError(err)
	}
	rep := &gapreport.Report{Report: c}
	if o.Burden {
		rep.Burden, rep.BurdenBase, _ = c.Burdens()
	}
	if o.PerCapita {
		rep.PerCapita = ds
	}
	if o.ShowAid {
		if rep.Aid, err = gapreport.AidFor(ds); err != nil {
			return nil, err
		}
	}
	keys := rep.SortKeys(o.Sort)
	if keys == nil {
		return nil, cmdutil.FlagErrorf("sort", "--sort %s: this table has no such column (need and growth come with a deadline: --by YEAR, or a target with its own; defence-at-share with --method share)", o.Sort)
	}
	return keys, nil
}
