package query

import (
	"reflect"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
)

func TestParseGrowth(t *testing.T) {
	good := map[string]float64{"3": 3, "-1.5": -1.5, "2.5%": 2.5, "+4": 4, "0": 0, "-99.9": -99.9, "1000": 1000}
	for in, want := range good {
		if got, err := ParseGrowth(in); err != nil || got != want {
			t.Errorf("ParseGrowth(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"-100", "-150", "1000.5", "abc", "", "1e3", "NaN", "Inf", "0x10", "3,5"} {
		if _, err := ParseGrowth(in); err == nil {
			t.Errorf("ParseGrowth(%q): no error", in)
		}
	}
}

func testData() *defence.Dataset {
	ds := defence.NewDataset()
	for _, c := range []defence.Country{
		{Code: "DEU", Name: "Germany", NATOSince: 1955, DefenceReported: true},
		{Code: "FRA", Name: "France", NATOSince: 1949, DefenceReported: true},
		{Code: "ISL", Name: "Iceland", NATOSince: 1949},
		{Code: "JPN", Name: "Japan", DefenceReported: true},
	} {
		ds.Countries[c.Code] = c
	}
	ds.Groups["nato"] = defence.Group{ID: "nato", Members: []string{"DEU", "FRA", "ISL"}}
	ds.Groups["eu"] = defence.Group{ID: "eu", Members: []string{"DEU", "FRA"}}
	ds.Releases["old"] = (&defence.Release{ID: "old", Series: defence.SeriesDefence, Published: "2024-06-17"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2023: {Share: defence.N(1.5)}, 2024: {Share: defence.N(2.1)}}})
	ds.Releases["new"] = (&defence.Release{ID: "new", Series: defence.SeriesDefence, Published: "2026-07"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2025: {Share: defence.N(2.4)}, 2026: {Note: "no figures yet"}}})
	ds.Releases["weo"] = (&defence.Release{ID: "weo", Series: defence.SeriesGDP, Published: "2026-10"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2030: {GDP: defence.N(1)}}})
	return ds
}

func TestSelectResolve(t *testing.T) {
	ds := testData()
	tests := []struct {
		sel  SelectFlags
		want []string
		err  string
	}{
		{SelectFlags{}, []string{"DEU", "FRA", "ISL"}, ""}, // default: nato
		{SelectFlags{Countries: []string{"japan", "deu"}}, []string{"DEU", "JPN"}, ""},
		{SelectFlags{Groups: []string{"EU"}, Countries: []string{"ISL"}}, []string{"DEU", "FRA", "ISL"}, ""},
		{SelectFlags{Exclude: []string{"Iceland"}}, []string{"DEU", "FRA"}, ""},
		{SelectFlags{Countries: []string{"Narnia"}}, nil, `--country: unknown country "Narnia"`},
		{SelectFlags{Groups: []string{"nordic"}}, nil, `--group: unknown group "nordic" (expected one of: eu, nato)`},
		{SelectFlags{Exclude: []string{"XXX"}}, nil, `--exclude: unknown country "XXX"`},
	}
	for _, tt := range tests {
		got, err := tt.sel.Resolve(ds, 2024, true)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !cmdutil.IsUsage(err) {
				t.Errorf("%+v: error %v, want usage error %q", tt.sel, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v: %v, %v; want %v", tt.sel, got, err, tt.want)
		}
	}
}

// TestSelectByYear: a group with a membership rule gives its members of the
// year asked; with alliesOnly, only those that are allies that year; a
// country named with --country is kept whatever the year.
func TestSelectByYear(t *testing.T) {
	ds := defence.NewDataset()
	for _, c := range []defence.Country{
		{Code: "DEU", NATOSince: 1955, EUSince: 1958},
		{Code: "FIN", NATOSince: 2023, EUSince: 1995},
		{Code: "GBR", NATOSince: 1949, EUSince: 1973, EULeft: 2020},
		{Code: "MNE", NATOSince: 2017},
		{Code: "AUT", EUSince: 1995},
		{Code: "HRV", NATOSince: 2009, EUSince: 2013},
		{Code: "JPN"},
	} {
		ds.Countries[c.Code] = c
	}
	ds.Groups["nato"] = defence.Group{ID: "nato", Membership: defence.MembershipNATO, Members: []string{"DEU", "FIN", "GBR", "HRV", "MNE"}}
	ds.Groups["eu"] = defence.Group{ID: "eu", Membership: defence.MembershipEU, Members: []string{"AUT", "DEU", "FIN", "GBR", "HRV"}}
	ds.Groups["mine"] = defence.Group{ID: "mine", Members: []string{"FIN", "JPN"}} // no rule: a fixed list
	tests := []struct {
		sel        SelectFlags
		year       int
		alliesOnly bool
		want       []string
	}{
		{SelectFlags{}, 2016, true, []string{"DEU", "GBR", "HRV"}},
		{SelectFlags{}, 2017, true, []string{"DEU", "GBR", "HRV", "MNE"}},
		{SelectFlags{}, 2023, true, []string{"DEU", "FIN", "GBR", "HRV", "MNE"}},
		{SelectFlags{}, 0, true, []string{"DEU", "FIN", "GBR", "HRV", "MNE"}},
		// The EU's members, allies or not.
		{SelectFlags{Groups: []string{"eu"}}, 2012, false, []string{"AUT", "DEU", "FIN", "GBR"}},
		{SelectFlags{Groups: []string{"eu"}}, 2019, false, []string{"AUT", "DEU", "FIN", "GBR", "HRV"}},
		{SelectFlags{Groups: []string{"eu"}}, 2020, false, []string{"AUT", "DEU", "FIN", "HRV"}},
		{SelectFlags{Groups: []string{"eu"}}, 0, false, []string{"AUT", "DEU", "FIN", "HRV"}},
		// The allies among them: not Austria, not Finland before 2023.
		{SelectFlags{Groups: []string{"eu"}}, 2016, true, []string{"DEU", "GBR", "HRV"}},
		{SelectFlags{Groups: []string{"eu"}}, 2023, true, []string{"DEU", "FIN", "HRV"}},
		// Named countries stay, members of the year or not.
		{SelectFlags{Groups: []string{"eu"}, Countries: []string{"AUT", "MNE"}}, 2016, true, []string{"AUT", "DEU", "GBR", "HRV", "MNE"}},
		// A fixed list (a user's own group, no membership rule) selects what
		// it lists, allies or not: its countries may be the user's own.
		{SelectFlags{Groups: []string{"mine"}}, 2016, false, []string{"FIN", "JPN"}},
		{SelectFlags{Groups: []string{"mine"}}, 2016, true, []string{"FIN", "JPN"}},
		// --exclude applies after the year's members are chosen.
		{SelectFlags{Groups: []string{"nato"}, Exclude: []string{"GBR"}}, 2016, true, []string{"DEU", "HRV"}},
	}
	for _, tt := range tests {
		got, err := tt.sel.Resolve(ds, tt.year, tt.alliesOnly)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v, year %d, allies only %v: %v, %v; want %v", tt.sel, tt.year, tt.alliesOnly, got, err, tt.want)
		}
	}
}

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
		if err == nil || err.Error() != tt.want || !cmdutil.IsUsage(err) {
			t.Errorf("Select(%q, %q, %q): %v; want usage error %s", tt.countries, tt.groups, tt.exclude, err, tt.want)
		}
	}
}
