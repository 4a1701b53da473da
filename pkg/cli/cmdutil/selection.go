package cmdutil

import (
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
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
func AddSelectFlags(cmd *cobra.Command, s *SelectFlags, f *Factory) {
	fl := cmd.Flags()
	fl.StringSliceVarP(&s.Countries, "country", "c", nil, "countries by ISO code or name (repeatable or comma-separated)")
	fl.StringSliceVarP(&s.Groups, "group", "g", nil, "groups of countries, e.g. nato, europe, eu (repeatable or comma-separated; default nato)")
	fl.StringSliceVar(&s.Exclude, "exclude", nil, "countries to leave out, by code or name")
	RegisterCountryCompletion(cmd, "country", f)
	RegisterCountryCompletion(cmd, "exclude", f)
	_ = cmd.RegisterFlagCompletionFunc("group", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, id := range ds.GroupIDs() {
			out = append(out, id+"\t"+ds.Groups[id].Name)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// RegisterCountryCompletion completes country codes for a flag.
func RegisterCountryCompletion(cmd *cobra.Command, flag string, f *Factory) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, code := range ds.CountryCodes() {
			out = append(out, code+"\t"+ds.Countries[code].Name)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// Resolve returns the selected country codes, sorted. Unknown countries or
// groups are usage errors that list what is accepted.
func (s *SelectFlags) Resolve(ds *defence.Dataset) ([]string, error) {
	chosen := map[string]bool{}
	for _, name := range splitAll(s.Countries) {
		c, ok := ds.LookupCountry(name)
		if !ok {
			return nil, UsageErrorf("--country: unknown country %q (expected an ISO 3166 alpha-3 code or an English name; `natospend countries` lists them)", name)
		}
		chosen[c.Code] = true
	}
	groups := splitAll(s.Groups)
	if len(groups) == 0 && len(chosen) == 0 {
		groups = []string{DefaultGroup}
	}
	for _, g := range groups {
		grp, ok := ds.Groups[strings.ToLower(g)]
		if !ok {
			return nil, UsageErrorf("--group: unknown group %q (expected one of: %s)", g, strings.Join(ds.GroupIDs(), ", "))
		}
		for _, m := range grp.Members {
			chosen[m] = true
		}
	}
	for _, name := range splitAll(s.Exclude) {
		c, ok := ds.LookupCountry(name)
		if !ok {
			return nil, UsageErrorf("--exclude: unknown country %q (expected an ISO 3166 alpha-3 code or an English name)", name)
		}
		delete(chosen, c.Code)
	}
	out := make([]string, 0, len(chosen))
	for code := range chosen {
		out = append(out, code)
	}
	sort.Strings(out)
	return out, nil
}

func splitAll(values []string) []string {
	var out []string
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
