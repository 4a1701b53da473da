package gapreport

import (
	"testing"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/snapshot"
)

// Each field is declared once, with its footer total, its wide-layout and
// its trailing behaviour (issue 21, item 5). What the declarations must
// hold for the layouts to derive from them: keys unique; a field the wide
// layout shows once per row has no per-measure column in the table (it is
// what a country has whatever the target); a trailing field is a
// per-country column; the footer totals exactly the fields that declare a
// total.
func TestFieldDeclarations(t *testing.T) {
	ds := snapshot.Dataset()
	aid, err := AidFor(ds)
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{Report: &calc.Report{Query: &calc.Query{}, Release: ds.Releases["nato-2024-06"]}, Aid: aid, Burden: map[string]calc.Burden{}, BurdenBase: 2, Currency: calc.CurrencyEUR, PerCapita: ds}
	keys := map[string]bool{}
	var once, last, totals, perHead []string
	for _, f := range r.fields() {
		if f.Key != "" {
			if keys[f.Key] {
				t.Errorf("%s declared twice", f.Key)
			}
			keys[f.Key] = true
		}
		if f.once {
			once = append(once, f.Key)
			if f.title != nil {
				t.Errorf("%s: shown once per row in the wide layout, but once per measure in the table", f.Key)
			}
		}
		if f.last {
			last = append(last, f.Key)
			if f.perCountry == "" && f.Key != "currency" { // --currency eur shows no currency column
				t.Errorf("%s: trailing, but not a per-country column", f.Key)
			}
		}
		if f.total != nil {
			totals = append(totals, f.Key)
		}
		if f.perHead {
			perHead = append(perHead, f.Key)
		}
	}
	// The lists the footer's switch, wideOnce and the trailing keys held
	// before they became attributes of the declarations; the per-head
	// amounts a table in another currency converts.
	same := func(what string, got, want []string) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %v, want %v", what, got, want)
			return
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: %v, want %v", what, got, want)
				return
			}
		}
	}
	same("once", once, []string{"code", "name", "year", "release", "estimate", "gdp_musd", "gdp_source", "share_pct", "defence_published_musd",
		"year_is_earlier", "measure", "equipment_pct", "equipment_musd", "defence_at_share_musd", "aid_military_meur", "aid_cutoff",
		"burden_defence_pct", "burden_gdp_pct", "burden_diff_pts", "population_m", "gdp_per_capita_usd", "defence_per_capita_usd",
		"nato_gdp_per_capita_const_kusd", "nato_defence_per_capita_const_usd"})
	same("last", last, []string{"aid_military_meur", "burden_defence_pct", "burden_gdp_pct", "burden_diff_pts", "currency", "rate_per_usd",
		"population_m", "gdp_per_capita_usd", "defence_per_capita_usd", "nato_gdp_per_capita_const_kusd", "nato_defence_per_capita_const_usd"})
	same("perHead", perHead, []string{"gdp_per_capita_usd", "defence_per_capita_usd", "gap_per_capita_usd"})
	same("totals", totals, []string{"name", "gdp_musd", "defence_musd", "share_pct", "required_musd", "gap_musd", "status", "",
		"required_deadline_musd", "annual_growth_pct", "trend", "equipment_pct", "defence_at_share_musd", "burden_defence_pct", "burden_gdp_pct", "burden_diff_pts"})
}
