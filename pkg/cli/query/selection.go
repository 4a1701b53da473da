package query

import (
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
)

// DefaultGroup is the selection when no filter is given.
const DefaultGroup = "nato"

// SelectFlags choose the countries a command works on.
type SelectFlags struct {
	Countries []string
	Groups    []string
	Exclude   []string
}

// AddSelectFlags registers --country, --group and --exclude on cmd.
func AddSelectFlags(cmd *cobra.Command, s *SelectFlags, f *cmdutil.Factory) {
	fl := cmd.Flags()
	cmdutil.ListVarP(fl, &s.Countries, "country", "c", nil, "countries by ISO code or name (repeatable; a list separated by commas, line breaks or tabs)")
	cmdutil.ListVarP(fl, &s.Groups, "group", "g", nil, "groups of countries, e.g. nato, europe, eu: the allies among the group's members of the year asked, as NATO's totals count them (repeatable or a list; default nato)")
	cmdutil.ListVar(fl, &s.Exclude, "exclude", nil, "countries to leave out, by code or name (repeatable or a list)")
	RegisterCountryCompletion(cmd, "country", f)
	RegisterCountryCompletion(cmd, "exclude", f)
	RegisterGroupCompletion(cmd, "group", f)
}

// RegisterGroupCompletion completes group ids for a flag, described by
// their names and whether they count the members of the year asked.
func RegisterGroupCompletion(cmd *cobra.Command, flag string, f *cmdutil.Factory) {
	cmdutil.RegisterDataCompletion(cmd, flag, f, func(ds *defence.Dataset) (out []string) {
		for _, id := range ds.GroupIDs() {
			out = append(out, id+"\t"+GroupDescription(ds.Groups[id]))
		}
		return out
	})
}

// RegisterCountryCompletion completes country codes for a flag.
func RegisterCountryCompletion(cmd *cobra.Command, flag string, f *cmdutil.Factory) {
	cmdutil.RegisterDataCompletion(cmd, flag, f, func(ds *defence.Dataset) (out []string) {
		for _, code := range ds.CountryCodes() {
			out = append(out, code+"\t"+ds.Countries[code].Name)
		}
		return out
	})
}

// GroupDescription describes a group in completions and help: its name,
// and for a group with a membership rule, that it counts the members of
// the year asked.
func GroupDescription(g defence.Group) string {
	if g.Membership == "" {
		return g.Name
	}
	return g.Name + " (members of the year asked)"
}

// Resolve returns the selected country codes, sorted: the named
// countries and groups, or the group nato when none is named, less the
// excluded ones. A group counts its members of the year (0: today; see
// defence.Dataset.MembersIn); with alliesOnly, a group with a membership
// rule keeps only those that are also allies in that year. Unknown countries or groups are usage errors that
// list what is accepted.
func (s *SelectFlags) Resolve(ds *defence.Dataset, year int, alliesOnly bool) ([]string, error) {
	groups := s.Groups
	if len(cmdutil.SplitList(s.Countries)) == 0 && len(cmdutil.SplitList(groups)) == 0 {
		groups = []string{DefaultGroup}
	}
	codes, _, err := Select(ds, "--country", s.Countries, groups, s.Exclude, year, alliesOnly)
	return codes, err
}

// Select resolves country names or codes (given by the flag countryFlag)
// and group ids to sorted codes, less the excluded countries. A group
// gives its members of the year (0: today), following its membership
// rule; with alliesOnly (gap, check and path, where only allies have
// figures), a group with a membership rule keeps only the members that are
// also allies in that year, so that --group eu gives the allies among the
// EU's members; a fixed list (no rule) selects what it lists. A country named
// explicitly is always kept. named says whether any country or group was
// given at all, so that a caller can choose its own default.
func Select(ds *defence.Dataset, countryFlag string, countries, groups, exclude []string, year int, alliesOnly bool) (codes []string, named bool, err error) {
	chosen := map[string]bool{}
	names, gs := cmdutil.SplitList(countries), cmdutil.SplitList(groups)
	for _, name := range names {
		c, ok := ds.LookupCountry(name)
		if !ok {
			return nil, false, unknownCountry(ds, countryFlag, name)
		}
		chosen[c.Code] = true
	}
	for _, g := range gs {
		id := strings.ToLower(g)
		if _, ok := ds.Groups[id]; !ok {
			return nil, false, cmdutil.FlagErrorf("group", "--group: unknown group %q%s", g, cmdutil.HintOr(suggest.Words(ds.GroupIDs()...), g, ds.GroupIDs()))
		}
		dated := ds.Groups[id].Membership != ""
		for _, m := range ds.MembersIn(id, year) {
			// Only a dated group (nato, eu...) narrows to the allies of the
			// year: a user's own fixed list selects what it lists.
			if !alliesOnly || !dated || ds.AllyIn(m, year) {
				chosen[m] = true
			}
		}
	}
	for _, name := range cmdutil.SplitList(exclude) {
		c, ok := ds.LookupCountry(name)
		if !ok {
			return nil, false, unknownCountry(ds, "--exclude", name)
		}
		delete(chosen, c.Code)
	}
	codes = make([]string, 0, len(chosen))
	for code := range chosen {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return codes, len(names) > 0 || len(gs) > 0, nil
}

// unknownCountry is the usage error for a name that is no country's code,
// name or alias: "did you mean Germany (DEU)?" with the nearest names, or
// what is expected.
func unknownCountry(ds *defence.Dataset, flag, name string) error {
	if h := CountryHint(ds, name); h != "" {
		return cmdutil.FlagErrorf(strings.TrimPrefix(flag, "--"), "%s: unknown country %q: %s", flag, name, h)
	}
	return cmdutil.FlagErrorf(strings.TrimPrefix(flag, "--"), "%s: unknown country %q (expected an ISO 3166 alpha-3 or alpha-2 code, an English name, the country's own name such as Deutschland or a common other name such as UK; `natospend countries` lists them)", flag, name)
}

// CountryHint returns "did you mean Germany (DEU)?" for the countries
// whose code, name or alias is nearest to name (see pkg/suggest), each
// shown by the name that is nearest (a code by the country's name) and
// its code; "" when none is close.
func CountryHint(ds *defence.Dataset, name string) string {
	set := &suggest.Set{}
	for _, code := range ds.CountryCodes() {
		c := ds.Countries[code]
		label := c.Name + " (" + code + ")"
		set.Add(code, code, label)
		set.Add(code, c.Name, label)
		for _, a := range c.Aliases {
			set.Add(code, a, a+" ("+code+")")
		}
	}
	return suggest.DidYouMean(set.Nearest(name))
}
