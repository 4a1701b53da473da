package aid

import (
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
)

// countryAlias is --country, another name of --donor (every other command
// calls its country flag --country). Its setting is the country setting
// of every command (NATOSPEND_COUNTRY, country: in the config file), the
// donor setting --donor's: both apply here, by the rules of every setting.
type countryAlias struct {
	Countries []string
	// donorLine and countryLine say whether the command line gave --donor
	// and --country (set by noteCommandLine): the command line beats the
	// environment and the config file, so that NATOSPEND_COUNTRY=DEU,
	// meant for gap, never stops aid --donor FRA.
	donorLine, countryLine bool
	origin                 func(flag string) string
}

// addCountryAlias registers --country beside --donor.
func addCountryAlias(cmd *cobra.Command, a *countryAlias, f *cmdutil.Factory) {
	cmdutil.ListVar(cmd.Flags(), &a.Countries, "country", nil, "another name of --donor (as in every other command): donors by code or name; giving both with different donors is a usage error (repeatable or a list)")
	query.RegisterCountryCompletion(cmd, "country", f)
}

// noteCommandLine records which of --donor and --country the command line
// gave, and where the others came from (for messages); run by RunE.
func (a *countryAlias) noteCommandLine(cmd *cobra.Command, f *cmdutil.Factory) {
	origin := func(string) string { return "" }
	if f != nil && f.SettingOrigin != nil {
		origin = f.SettingOrigin
	}
	fl := cmd.Flags()
	a.donorLine = fl.Changed("donor") && origin("donor") == ""
	a.countryLine = fl.Changed("country") && origin("country") == ""
	a.origin = origin
}

// donors returns the donors asked for and the flag that named them:
// --donor's, or --country's when only it is given. Given both, from the same place (the command line, or
// both from the environment or the config file), they must name the same
// donors (in any order, by any name: DEU and Germany are the same); else
// it is a usage error. Given both from different places, the command
// line's wins.
func (a *countryAlias) donors(ds *defence.Dataset, donors []string) ([]string, string, error) {
	switch {
	case len(a.Countries) == 0:
		return donors, "--donor", nil
	case len(donors) == 0:
		return a.Countries, "--country", nil
	case a.donorLine && !a.countryLine:
		return donors, "--donor", nil
	case a.countryLine && !a.donorLine:
		return a.Countries, "--country", nil
	}
	if slices.Equal(donorKeys(ds, donors), donorKeys(ds, a.Countries)) {
		return donors, "--donor", nil
	}
	return nil, "", cmdutil.UsageErrorf("different donors in --donor %s and --country %s: --country is another name of --donor, give one of them",
		a.shown("donor", donors), a.shown("country", a.Countries))
}

// shown is a flag's value as given, with where it came from when not from
// the command line.
func (a *countryAlias) shown(flag string, values []string) string {
	s := strings.Join(cmdutil.SplitList(values), ",")
	if a.origin != nil {
		if from := a.origin(flag); from != "" {
			return s + " (" + from + ")"
		}
	}
	return s
}

// donorKeys returns the sorted, distinct codes of the donors named (a
// name the data does not know stays as folded text: Select reports it).
func donorKeys(ds *defence.Dataset, names []string) []string {
	var keys []string
	for _, n := range cmdutil.SplitList(names) {
		if c, ok := ds.LookupCountry(n); ok {
			keys = append(keys, c.Code)
		} else {
			keys = append(keys, "?"+suggest.Fold(n))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}
