package cli

import (
	"reflect"
	"strings"
	"testing"
)

// TestCountryNamesPeopleUse: --country and --exclude take the names people
// use (the aliases of data/countries.yaml), without regard to case,
// diacritics and surrounding spaces (issue 11: UK, US, Turkey and NATO's
// own "Slovak Republic" were refused).
func TestCountryNamesPeopleUse(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--country", `UK,US,Turkey,Slovak Republic`}, []string{"GBR", "SVK", "TUR", "USA"}},
		{[]string{"--country", "GB", "--country", "great britain", "--country", " Britain "}, []string{"GBR"}},
		{[]string{"--country", "Türkiye,Turkiye,TÜRKIYE,turkey,tur"}, []string{"TUR"}},
		{[]string{"--country", "Czech Republic,czechia,Macedonia,Republic of North Macedonia"}, []string{"CZE", "MKD"}},
		{[]string{"--country", "Holland,The Netherlands,United States of America"}, []string{"NLD", "USA"}},
		{[]string{"--group", "europe-canada", "--exclude", "UK,Turkey,Holland,Canada"}, []string{
			"ALB", "BEL", "BGR", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN",
			"ISL", "ITA", "LTU", "LUX", "LVA", "MKD", "MNE", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"}},
	}
	// europe-canada: the 31 allies other than the United States, less four
	// named by their other names: 27.
	for _, tt := range tests {
		args := append([]string{"gap", "--release", "nato-2024-06", "--year", "2024", "--target", "2"}, tt.args...)
		if got := codesOf(t, args...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestDidYouMean: an unknown country, group, target, release or format
// gets the nearest names (edit distance, without regard to case and
// diacritics), or, when none is close, what is accepted. Exit 2.
func TestDidYouMean(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"gap", "--target", "2", "--country", "Germny"}, `--country: unknown country "Germny": did you mean Germany (DEU)?`},
		{[]string{"gap", "--target", "2", "--country", "DUE"}, `--country: unknown country "DUE": did you mean Germany (DEU)?`},
		{[]string{"gap", "--target", "2", "--country", "Turky"}, `--country: unknown country "Turky": did you mean Turkey (TUR)?`},
		{[]string{"gap", "--target", "2", "--country", "Slovak Republik"}, `--country: unknown country "Slovak Republik": did you mean Slovak Republic (SVK)?`},
		{[]string{"gap", "--target", "2", "--country", "Slovnia"}, `--country: unknown country "Slovnia": did you mean Slovenia (SVN)?`},
		{[]string{"gap", "--target", "2", "--country", "Narnia"}, "--country: unknown country \"Narnia\" (expected an ISO 3166 alpha-3 or alpha-2 code, an English name, the country's own name such as Deutschland or a common other name such as UK; `natospend countries` lists them)"},
		{[]string{"gap", "--target", "2", "--exclude", "Frnace"}, `--exclude: unknown country "Frnace": did you mean France (FRA)?`},
		{[]string{"gap", "--target", "2", "--group", "eurpoe"}, `--group: unknown group "eurpoe": did you mean europe?`},
		{[]string{"gap", "--target", "2", "--group", "nordic"}, `--group: unknown group "nordic" (expected one of: eu, europe, europe-canada, nato)`},
		{[]string{"gap", "--target", "hauge"}, `unknown target "hauge": did you mean hague?`},
		{[]string{"gap", "--target", "rute-3.7"}, `unknown target "rute-3.7": did you mean rutte-3.7?`},
		{[]string{"gap", "--target", "abc"}, `unknown target "abc" (expected a percentage such as 3.5, or one of: hague, hague-core, nato-2014, rutte-3.7, uk-2027)`},
		{[]string{"gap", "--target", "2", "--release", "nato-2025-8"}, `--release: unknown release "nato-2025-8": did you mean nato-2025-08?`},
		{[]string{"gap", "--target", "2", "--format", "jsno"}, `--format "jsno" is not a format: did you mean json? (expected one of: table, csv, tsv, json, markdown, xlsx`},
		{[]string{"gap", "--target", "2", "--format", "xml"}, `--format "xml" is not a format (expected one of: table, csv, tsv, json, markdown, xlsx`},
		{[]string{"check", "--target", "2", "--format", "CVS"}, `--format "CVS" is not a format: did you mean csv? (expected one of: table, json, tsv, csv, xlsx, markdown, junit, github)`},
		{[]string{"gap", "--target", "2", "--sort", "gpa"}, `--sort "gpa" is not a sort order: did you mean gap? (expected one of: gap, share, name, gdp, defence, equipment, defence-per-head, gdp-per-head, gap-per-head, need, growth, defence-at-share, aid, burden-defence, burden-gdp, burden-diff, population, nato-gdp-per-head, nato-defence-per-head)`},
		{[]string{"gap", "--target", "2", "--release", "nope"}, `--release: unknown release "nope" (expected one of: nato-2026-07, nato-2025-08, nato-2024-06)`},
	}
	for _, tt := range tests {
		code, out, errOut := runNoUserConfig(t, tt.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
}
