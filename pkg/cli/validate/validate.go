// Package validate is the `natospend validate` command.
package validate

import (
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/spf13/cobra"
)

// Options of a validate run.
type Options struct {
	F     *cmdutil.Factory
	Paths []string
}

// NewCmd builds the validate command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	return &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check data files and print what they hold",
		Long: strings.TrimSpace(`
Validate loads data files the way every command does, strictly, and prints
"ok" with counts of what the data holds, or every error found, each naming
the file, the line and the field. Without PATH it checks the embedded data;
with PATHs (files or directories) it checks them together with the embedded
data, as --data would use them (add --no-default-data to check them alone).

Exit code 0 when the data is valid, 1 when it is not. With --quiet the
"ok" line is left out: the exit code says the data is valid, and errors
still print.`),
		Example: cmdutil.Examples(`
  natospend validate
  natospend validate mydata.yaml
  natospend validate --no-default-data ./my-data-dir`),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
}

// Run validates and prints the summary (unless --quiet: the "ok" line is
// a report on the run, not data; the exit code says it).
func Run(o *Options) error {
	// The embedded YAML itself, not its snapshot: checking it is the job.
	ds, err := o.F.CheckDataset(o.Paths)
	if err != nil {
		return err
	}
	if o.F.IO.Quiet {
		return nil
	}
	_, err = fmt.Fprintln(o.F.IO.Out, Summary(ds))
	return err
}

// Summary is the "ok" line: counts of what the data holds.
func Summary(ds *defence.Dataset) string {
	var defenceReleases, gdpReleases, popReleases, countryYears, aggregateYears int
	for _, r := range ds.Releases {
		for _, id := range r.AggregateGroups() {
			aggregateYears += len(r.AggregateYears(id))
		}
		switch r.Series {
		case defence.SeriesGDP:
			gdpReleases++
		case defence.SeriesPopulation:
			popReleases++
		default:
			defenceReleases++
		}
		countryYears += r.CountryYears()
	}
	var donors, packages int
	for _, r := range ds.AidReleases {
		donors += len(r.Donors)
	}
	for _, p := range ds.AidPackages {
		packages += len(p.Packages)
	}
	aggregates := ""
	if aggregateYears > 0 {
		aggregates = ", " + count(aggregateYears, "published aggregate-year")
	}
	return fmt.Sprintf("ok: %s (%d defence, %d GDP, %d population), %s, %s, %s, %s%s; aid: %s, %s, %s",
		count(len(ds.Releases), "release"), defenceReleases, gdpReleases, popReleases, count(len(ds.Countries), "country"),
		count(len(ds.Groups), "group"), count(len(ds.Targets), "target"), count(countryYears, "country-year"), aggregates,
		count(len(ds.AidReleases), "release"), count(donors, "donor row"), count(packages, "package"))
}

// count says "1 release", "2 releases", "1 country", "45 countries".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
