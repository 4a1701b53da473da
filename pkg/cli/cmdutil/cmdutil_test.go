package cmdutil

import (
	"reflect"
	"strings"
	"testing"

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
	ds.Releases["old"] = &defence.Release{ID: "old", Series: defence.SeriesDefence, Published: "2024-06-17",
		Figures: map[string]map[int]defence.Figure{"DEU": {2023: {Share: defence.N(1.5)}, 2024: {Share: defence.N(2.1)}}}}
	ds.Releases["new"] = &defence.Release{ID: "new", Series: defence.SeriesDefence, Published: "2026-07",
		Figures: map[string]map[int]defence.Figure{"DEU": {2025: {Share: defence.N(2.4)}, 2026: {Note: "no figures yet"}}}}
	ds.Releases["weo"] = &defence.Release{ID: "weo", Series: defence.SeriesGDP, Published: "2026-10",
		Figures: map[string]map[int]defence.Figure{"DEU": {2030: {GDP: defence.N(1)}}}}
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
		got, err := tt.sel.Resolve(ds)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !IsUsage(err) {
				t.Errorf("%+v: error %v, want usage error %q", tt.sel, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v: %v, %v; want %v", tt.sel, got, err, tt.want)
		}
	}
}

func TestResolveReleaseYear(t *testing.T) {
	ds := testData()
	tests := []struct {
		release string
		year    int
		wantRel string
		wantY   int
		err     string
	}{
		// The newest defence release and its latest year with figures (2026
		// holds only a note, so 2025).
		{"", 0, "new", 2025, ""},
		{"", 2024, "old", 2024, ""}, // the newest release that has the year
		{"old", 0, "old", 2024, ""},
		{"old", 2025, "", 0, "release old publishes no figures for 2025 (it covers 2023-2024)"},
		{"", 2022, "", 0, "no release publishes figures for 2022"},
		{"weo", 0, "", 0, "publishes GDP only"},
		{"nope", 0, "", 0, `unknown release "nope" (expected one of: new, old)`},
		{"", 1900, "", 0, "out of range"},
	}
	for _, tt := range tests {
		rel, y, err := ResolveReleaseYear(ds, tt.release, tt.year)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q %d: error %v, want %q", tt.release, tt.year, err, tt.err)
			}
			continue
		}
		if err != nil || rel.ID != tt.wantRel || y != tt.wantY {
			t.Errorf("%q %d: %v %d %v; want %s %d", tt.release, tt.year, rel, y, err, tt.wantRel, tt.wantY)
		}
	}
}

func TestOutputValidate(t *testing.T) {
	bad := []OutputFlags{
		{Format: "xml"},
		{Format: "csv", Delimiter: ";;"},
		{Format: "csv", Delimiter: "."},
		{Format: "csv", Delimiter: ",", DecimalComma: true},
		{Format: "tsv", Delimiter: ";"},
	}
	for _, o := range bad {
		if err := o.Validate(); err == nil || !IsUsage(err) {
			t.Errorf("%+v: %v, want a usage error", o, err)
		}
	}
	for _, o := range []OutputFlags{{Format: "csv", Delimiter: ";", DecimalComma: true}, {Format: "markdown"}, {Format: "csv", Delimiter: "|"}} {
		if err := o.Validate(); err != nil {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
