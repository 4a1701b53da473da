package cmdutil

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/spf13/cobra"
)

// TestSelectAliases: countries are selected and excluded by the names
// people use, and an unknown one gets the nearest names, each shown by the
// name that is nearest and its code (issue 11).
func TestSelectAliases(t *testing.T) {
	ds := defence.NewDataset()
	for _, c := range []defence.Country{
		{Code: "DEU", Name: "Germany", NATOSince: 1955},
		{Code: "GBR", Name: "United Kingdom", Aliases: []string{"UK", "GB"}, NATOSince: 1949},
		{Code: "USA", Name: "United States", Aliases: []string{"US"}, NATOSince: 1949},
		{Code: "TUR", Name: "Türkiye", Aliases: []string{"Turkey"}, NATOSince: 1952},
	} {
		ds.Countries[c.Code] = c
	}
	ds.Groups["nato"] = defence.Group{ID: "nato", Membership: defence.MembershipNATO, Members: []string{"DEU", "GBR", "TUR", "USA"}}
	codes, _, err := Select(ds, "--country", []string{"uk", "Turkiye", " US "}, nil, []string{"turkey"}, 0, true)
	if err != nil || strings.Join(codes, ",") != "GBR,USA" {
		t.Errorf("Select(uk, Turkiye, US less turkey) = %v, %v; want GBR,USA", codes, err)
	}
	for _, tt := range []struct {
		countries, groups, exclude []string
		want                       string
	}{
		{[]string{"Germny"}, nil, nil, `--country: unknown country "Germny": did you mean Germany (DEU)?`},
		{[]string{"UJ"}, nil, nil, `--country: unknown country "UJ": did you mean UK (GBR) or US (USA)?`},
		{[]string{"Türky"}, nil, nil, `--country: unknown country "Türky": did you mean Turkey (TUR)?`},
		{[]string{"GRB"}, nil, nil, `--country: unknown country "GRB": did you mean United Kingdom (GBR)?`},
		{[]string{"Narnia"}, nil, nil, "--country: unknown country \"Narnia\" (expected an ISO 3166 alpha-3 or alpha-2 code, an English name, the country's own name such as Deutschland or a common other name such as UK; `natospend countries` lists them)"},
		{nil, nil, []string{"Germani"}, `--exclude: unknown country "Germani": did you mean Germany (DEU)?`},
		{nil, []string{"nat0"}, nil, `--group: unknown group "nat0": did you mean nato?`},
		{nil, []string{"g7"}, nil, `--group: unknown group "g7" (expected one of: nato)`},
	} {
		_, _, err := Select(ds, "--country", tt.countries, tt.groups, tt.exclude, 0, true)
		if err == nil || err.Error() != tt.want || !IsUsage(err) {
			t.Errorf("Select(%q, %q, %q): %v; want usage error %s", tt.countries, tt.groups, tt.exclude, err, tt.want)
		}
	}
}

// TestEnumDidYouMean: an enumerated flag's unknown value gets the nearest
// values (or aliases), else the list alone.
func TestEnumDidYouMean(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"jsno", `invalid argument "jsno" for "--format" flag: "jsno" is not a format: did you mean json? (expected one of: table, csv, tsv, json, markdown)`},
		{"mdd", `invalid argument "mdd" for "--format" flag: "mdd" is not a format: did you mean markdown? (expected one of: table, csv, tsv, json, markdown)`},
		{"xml", `invalid argument "xml" for "--format" flag: "xml" is not a format (expected one of: table, csv, tsv, json, markdown)`},
	} {
		var format string
		cmd := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
		EnumFlag{Name: "format", Default: "table", Values: []string{"table", "csv", "tsv", "json", "markdown"},
			Aliases: map[string]string{"md": "markdown"}}.Register(cmd, &format)
		cmd.SetArgs([]string{"--format", tt.value})
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		if err := cmd.Execute(); err == nil || err.Error() != tt.want {
			t.Errorf("--format %s: %v\nwant %s", tt.value, err, tt.want)
		}
	}
}
