// Package aid is the `natospend aid` command: support to Ukraine by donor
// (a tracker's cumulative allocations, such as the Kiel Institute's Ukraine
// Support Tracker), and `natospend aid packages`, the individual packages
// announced.
package aid

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/aidreport"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
)

// SchemaVersion of the JSON output. Fields are only ever added.
const SchemaVersion = aidreport.SchemaVersion

// Options hold everything an aid run needs.
type Options struct {
	F *cmdutil.Factory

	Donors []string
	countryAlias
	Groups  []string
	Kind    string
	Sort    string
	Reverse bool
	Release string
	GDPYear int
	Out     cmdutil.OutputFlags
}

// NewCmd builds the aid command and its packages subcommand. A test may
// pass runF to capture the options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "aid",
		Short: "Support to Ukraine by donor: military, financial, humanitarian (Kiel Institute)",
		Long: strings.TrimSpace(`
Aid shows each donor's support to Ukraine as a tracker publishes it: by
default the Kiel Institute's Ukraine Support Tracker (release 28), bilateral
allocations from 24 January 2022 to the cut-off, 28 February 2026, in million
euros: military, financial, humanitarian and total.

For each donor it also gives its share of the total of all the release's
donors (always all of them, whatever --donor or --group select, so that a
share does not change with the filter) and the amount as a percentage of
the donor's GDP. --kind chooses which amount the share, the % of GDP, the
sort and the totals are about (default total).

The % of GDP uses the donor's GDP in euros as Kiel gives it (2021 for
release 28). --gdp-year YEAR uses instead the donor's GDP of YEAR from one
named NATO release: the newest that publishes, for YEAR, both GDP in US
dollars and defence in national currency, from which it implies an EUR/USD
rate (its euro-area allies' defence in EUR over the same in USD). GDP and
rate come from that one release (gdp_release in JSON; the note names it);
a donor it has no GDP for (a non-ally, the EU's institutions) has no % of
GDP. Where no release has both for YEAR, natospend says so and stops rather
than guess a rate.

--country is another name of --donor, as every other command calls it.
Without --donor or --group every donor of the release is shown, the EU's
institutions (XEU, not a country) and non-allies such as Japan included. A
selected country the tracker does not list (Albania, say) shows empty
amounts: unknown, never zero.

--group counts the group's members in the year of the release's cut-off
(2026 for release 28): --group eu gives the EU's member states of that year,
Austria, Cyprus, Ireland and Malta included, the United Kingdom not (it left
in 2020); --group nato the allies of that year.

Military aid is context beside defence spending, never part of it:
NATO's defence figures already include what each ally reports, so natospend
never adds aid to defence (see gap --show-aid).`),
		Example: cmdutil.Examples(`
  natospend aid --group nato --kind military
  natospend aid --donor ESP,POL,FIN --format csv
  natospend aid packages --donor ESP`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.noteCommandLine(cmd, f)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	addDonorFlags(cmd, &opts.Donors, &opts.countryAlias, &opts.Groups, f)
	cmdutil.EnumFlag{Name: "kind", Short: "k", Default: defence.AidTotal, Values: defence.AidKinds, Noun: "a kind of aid", Usage: "the amount that share, % of GDP, sort and totals use"}.Register(cmd, &opts.Kind)
	cmdutil.EnumFlag{Name: "sort", Short: "s", Default: "amount", Values: aidreport.SortWords(), Noun: "a sort order", Usage: "sort by a column: amount (that of --kind) and every other figure, largest first; name, A to Z (--reverse turns it round)"}.Register(cmd, &opts.Sort)
	query.AddReverseFlag(cmd, &opts.Reverse)
	fl.StringVar(&opts.Release, "aid-release", "", "aid release `ID` (default: the newest)")
	fl.IntVar(&opts.GDPYear, "gdp-year", 0, "% of GDP from the donor's GDP of this `YEAR` in one NATO release (USD), in euros at the EUR/USD rate the same release's figures imply for that year (2014-2026 with the embedded data: nato-2026-07)")
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	cmdutil.RegisterDataCompletion(cmd, "aid-release", f, func(ds *defence.Dataset) (out []string) {
		for _, r := range ds.AidReleasesNewestFirst() {
			out = append(out, r.ID+"\t"+r.Title)
		}
		return out
	})
	cmd.AddCommand(NewPackagesCmd(f, nil))
	return cmd
}

// addDonorFlags registers --donor, its other name --country, and --group.
func addDonorFlags(cmd *cobra.Command, donors *[]string, alias *countryAlias, groups *[]string, f *cmdutil.Factory) {
	fl := cmd.Flags()
	cmdutil.ListVar(fl, donors, "donor", nil, "donors by code or name (repeatable; a list separated by commas, line breaks or tabs; XEU: the EU's institutions); --country is another name of it")
	addCountryAlias(cmd, alias, f)
	cmdutil.ListVarP(fl, groups, "group", "g", nil, "donors in these groups, e.g. nato, europe, eu: the group's members in the year of the aid release's cut-off (aid packages: today's members) (repeatable or a list)")
	query.RegisterCountryCompletion(cmd, "donor", f)
	query.RegisterGroupCompletion(cmd, "group", f)
}

// selectDonors resolves --donor (or --country: flag) and --group to sorted codes, a group
// giving its members in the year (0: today's members); donors need not be
// allies. With neither, it returns nil and all is true: every donor of the
// data.
func selectDonors(ds *defence.Dataset, flag string, donors, groups []string, year int) (codes []string, all bool, err error) {
	codes, named, err := query.Select(ds, flag, donors, groups, nil, year, false)
	if err != nil || !named {
		return nil, err == nil, err
	}
	return codes, false, nil
}

// Query is a validated aid request (aidreport.Query).
type Query = aidreport.Query

// Resolve validates the options against the data. Problems are usage
// errors.
func (o *Options) Resolve(ds *defence.Dataset) (*Query, error) {
	q := &Query{Kind: o.Kind, Sort: o.Sort, Reverse: o.Reverse}
	if err := o.Out.Validate(); err != nil {
		return nil, err
	}
	rels := ds.AidReleasesNewestFirst()
	if len(rels) == 0 {
		return nil, fmt.Errorf("the data holds no aid release (kind: aid; see docs/data.md)")
	}
	q.Release = rels[0]
	if o.Release != "" {
		r, ok := ds.AidReleases[o.Release]
		if !ok {
			ids := make([]string, len(rels))
			for i, r := range rels {
				ids[i] = r.ID
			}
			return nil, cmdutil.FlagErrorf("aid-release", "--aid-release: unknown aid release %q%s", o.Release, cmdutil.HintOr(suggest.Words(ids...), o.Release, ids))
		}
		q.Release = r
	}
	donors, flag, err := o.donors(ds, o.Donors)
	if err != nil {
		return nil, err
	}
	if q.Codes, q.All, err = selectDonors(ds, flag, donors, o.Groups, releaseYear(q.Release)); err != nil {
		return nil, err
	}
	if q.All {
		q.Codes = q.Release.DonorCodes()
	}
	if o.GDPYear != 0 {
		if err := gdpOfYear(q, ds, o.GDPYear); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// releaseYear is the year whose members a group counts for an aid
// release: the year of its cut-off, else of its publication.
func releaseYear(r *defence.AidRelease) int {
	date := r.Cutoff
	if date == "" {
		date = r.Published
	}
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

// gdpOfYear sets the GDP of --gdp-year from one release: the newest
// defence release that publishes GDP for the year and implies an EUR/USD
// rate for it (calc.EURRate: only releases with national-currency tables
// do); each donor's GDP in USD from that release, converted to euros at
// that release's rate. GDP and rate come from the same release, never one
// release's GDP at another's rate; a donor the release has no GDP for has
// none. Without such a release it says why (exit 2): natospend converts
// only at a cited rate, never a guessed one.
func gdpOfYear(q *Query, ds *defence.Dataset, year int) error {
	var rel *defence.Release
	var rate calc.Rate
	for _, r := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
		if rt, ok := calc.EURRate(r, year); ok && hasGDP(r, year) {
			rel, rate = r, rt
			break
		}
	}
	if rel == nil {
		return gdpYearError(ds, q.Release, year)
	}
	q.GDPYear, q.GDPRate, q.GDPRelease, q.GDP = year, rate, rel, map[string]defence.Num{}
	for _, code := range q.Codes {
		if f, ok := rel.Figure(code, year); ok && f.GDP.Known {
			q.GDP[code] = defence.N(f.GDP.V * rate.PerUSD / 1000) // million USD -> billion EUR
		}
	}
	return nil
}

// hasGDP reports whether the release publishes GDP for the year for any
// country.
func hasGDP(r *defence.Release, year int) bool {
	for _, ys := range r.Cells() {
		if f, ok := ys[year]; ok && f.GDP.Known {
			return true
		}
	}
	return false
}

// gdpYearError explains why --gdp-year cannot be honoured: NATO's and the
// IMF's GDP are in US dollars, the aid in euros, and no release in the data
// implies an EUR/USD rate for that year (only releases with national-currency
// tables do). natospend does not guess one.
func gdpYearError(ds *defence.Dataset, rel *defence.AidRelease, year int) error {
	if year < 1949 || year > 2100 {
		return cmdutil.FlagErrorf("gdp-year", "--gdp-year %d is out of range (expected a year from 1949 to 2100)", year)
	}
	var with []string
	for _, r := range ds.ReleasesNewestFirst("") {
		for _, ys := range r.Cells() {
			if f, ok := ys[year]; ok && f.GDP.Known {
				with = append(with, r.ID)
				break
			}
		}
	}
	basis := rel.ID + "'s GDP in euros"
	if rel.GDPYear != 0 {
		basis = fmt.Sprintf("%s's %d GDP in euros", rel.ID, rel.GDPYear)
	}
	if len(with) == 0 {
		return cmdutil.FlagErrorf("gdp-year", "--gdp-year %d: no NATO or IMF release in the data has GDP for %d; leave --gdp-year out to use %s",
			year, year, basis)
	}
	return cmdutil.FlagErrorf("gdp-year", "--gdp-year %d: the GDP of %d (%s) is in US dollars and %s's amounts are in euros; no release in the data publishes GDP for %d and implies an EUR/USD rate for it (only NATO releases with national-currency tables do, such as nato-2026-07 for 2014-2026), and natospend does not guess one. Leave --gdp-year out to use %s",
		year, year, strings.Join(with, ", "), rel.ID, year, basis)
}

// Run computes the table and prints it.
func Run(o *Options) error {
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	q, err := o.Resolve(ds)
	if err != nil {
		return err
	}
	rep := aidreport.Compute(ds, q)
	return o.Out.Emit(o.F, cmdutil.Output{Human: rep.HumanTable, Machine: rep.MachineTable, JSON: rep.JSON,
		Totals: rep.TotalsTable, Sources: rep.Sources})
}
