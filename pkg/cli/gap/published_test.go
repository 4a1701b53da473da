package gap_test

import (
	"strings"
	"testing"
)

// TestPublishedAggregates: with every ally of the year selected, the totals
// carry NATO's own aggregate beside the computed one. June 2024 release,
// 2014, NATO Total (Tables 2, 3 and 5 of the workbook): defence 943,217.58
// and GDP 38,022,178.61 million USD, share 2.5786% (2.58 as printed), while
// the computed share, defence / GDP of the rows at current prices, is
// lower (2.48); the table says so in one line. A selection that is no
// group's members of the year gets nulls.
func TestPublishedAggregates(t *testing.T) {
	d := runJSON(t, "gap", "--release", "nato-2024-06", "--year", "2014", "--target", "2")
	tot := d.Totals[0]
	str(t, tot, "published_aggregate", "nato")
	num(t, tot, "published_defence_musd", 943217.58, 0)
	num(t, tot, "published_gdp_musd", 38022178.61, 0)
	num(t, tot, "published_share_pct", 2.5786, 0)
	if s := tot["share_pct"].(float64); s > 2.5 {
		t.Errorf("computed share %v: the current-price ratio is below NATO's 2.58", s)
	}
	d = runJSON(t, "gap", "--release", "nato-2024-06", "--year", "2014", "--target", "2", "--group", "europe-canada")
	str(t, d.Totals[0], "published_aggregate", "europe-canada")
	num(t, d.Totals[0], "published_share_pct", 1.4278, 0) // NATO Europe and Canada 2014, Table 3
	d = runJSON(t, "gap", "--release", "nato-2024-06", "--year", "2014", "--target", "2", "--country", "DEU,FRA")
	str(t, d.Totals[0], "published_aggregate", "")
	isNull(t, d.Totals[0], "published_defence_musd", "published_gdp_musd", "published_share_pct")

	_, out, _ := runEnv(t, 200, nil, "gap", "--release", "nato-2026-07", "--year", "2014", "--target", "2")
	// NATO Total 2014 in the 2026 release: 943,257 and 38,177,212 million
	// USD, 2.56% (nato_aggregates.csv).
	want := "NATO Total as NATO publishes it (release nato-2026-07, 2014): GDP $38,177.2 bn, defence $943.3 bn, 2.56% of GDP. It can differ from the Total row: NATO computes its share from constant-price figures, and where the release has no GDP for Iceland the Total row counts the one named below; both count the allies of the year."
	if !strings.Contains(strings.Join(strings.Fields(out), " "), want) { // the note wraps
		t.Errorf("the table lacks %q:\n%s", want, out)
	}

	// In euros, at the rate of the year NATO's figures imply (2024,
	// nato-2024-06: the 17 counted euro-area allies' 258,541.35 million EUR
	// / 278,804.74 million USD = 0.92732050 EUR per USD): NATO Total 2024e,
	// 53,976,436.99 and 1,474,399.48 million USD = EUR 50,053.46 and
	// 1,367.24 bn; in national currencies, which do not add up, the share
	// alone.
	_, out, _ = runEnv(t, 400, nil, "gap", "--release", "nato-2024-06", "--year", "2024", "--currency", "eur")
	if want := "NATO Total as NATO publishes it (release nato-2024-06, 2024e): GDP €50,053.5 bn, defence €1,367.2 bn, 2.71% of GDP."; !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("the euro table lacks %q:\n%s", want, out)
	}
	_, out, _ = runEnv(t, 400, nil, "gap", "--release", "nato-2024-06", "--year", "2024", "--currency", "national")
	if want := "NATO Total as NATO publishes it (release nato-2024-06, 2024e): 2.71% of GDP."; !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("the national-currency table lacks %q:\n%s", want, out)
	}
}
