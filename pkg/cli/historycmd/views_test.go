package historycmd_test

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

// jsonDoc decodes a JSON run into a map of its top-level fields.
func jsonDoc(t *testing.T, args ...string) map[string]any {
	t.Helper()
	code, out, errOut := run(t, 0, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// Germany 2024 at constant prices in NATO's June 2024 release, as
// data/nato-2024-06.yaml's DEU 2024 cell writes them (NATO's Table 2,
// constant 2015 prices: 76,943.01 million USD; Table 5: GDP 3,631,139.24;
// Table 3: annual real change 29.4471%). No current-price field comes
// with them: one price basis a table.
func TestConstantPricesGermany2024(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024", "--prices", "constant", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := csvRows(t, out)
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	r := rows[0]
	if r["defence_const_musd"] != "76943.01" || r["real_change_pct"] != "29.4471" || r["gdp_const_musd"] != "3631139.24" || r["share_pct"] != "2.119" {
		t.Errorf("DEU 2024 constant: %v", r)
	}
	for _, k := range []string{"defence_musd", "gdp_musd", "defence_change_pct", "gdp_source"} {
		if _, ok := r[k]; ok {
			t.Errorf("a current-price field %s beside constant prices: %v", k, r)
		}
	}
	doc := jsonDoc(t, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024", "--prices", "constant")
	if doc["prices"] != "constant" || doc["constant_year"] != float64(2015) {
		t.Errorf("prices %v, constant_year %v; want constant, 2015", doc["prices"], doc["constant_year"])
	}
	// The table names the base year in its title and columns.
	code, out, _ = run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024", "--prices", "constant")
	for _, want := range []string{
		"History of Germany (DEU), 2024: release nato-2024-06 (classic definition), constant 2015 prices\n",
		"| Defence $bn (2015) | Real change % |",
		"| 2024e |    2.12 |       0.48 |               76.9 |         29.45 |",
		"constant 2015 prices and exchange rates",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// Current prices stay the default: no constant field, prices current.
	doc = jsonDoc(t, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024")
	if doc["prices"] != "current" || doc["constant_year"] != nil {
		t.Errorf("default prices %v, constant_year %v", doc["prices"], doc["constant_year"])
	}
}

// A release without constant prices (NATO's August 2025 tables hold
// shares only) says so and names those that have them: exit 2.
func TestConstantPricesRefused(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--release", "nato-2025-08", "--prices", "constant")
	want := "natospend: --prices constant: release nato-2025-08 publishes no figures at constant prices (these do: nato-2024-06 (2015 prices), nato-2026-07 (2021 prices); give --release)\n"
	if code != 2 || out != "" || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, want)
	}
}

// The 2026 release at its constant 2021 prices (data/nato-2026-07.yaml,
// DEU 2026: defence_const_musd 119159, gdp_const_musd 4422594,
// real_change_pct 22.29): the base year follows the release.
func TestConstantPrices2026(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--year", "2026", "--prices", "constant", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := csvRows(t, out)[0]
	if r["defence_const_musd"] != "119159" || r["gdp_const_musd"] != "4422594" || r["real_change_pct"] != "22.29" {
		t.Errorf("DEU 2026 constant: %v", r)
	}
	code, out, _ = run(t, 0, "history", "--country", "DEU", "--year", "2026", "--prices", "constant")
	if code != 0 || !strings.Contains(out, "release nato-2026-07 (core definition), constant 2021 prices\n") || !strings.Contains(out, "Defence $bn (2021)") {
		t.Errorf("table:\n%s", out)
	}
}

// Germany 2024's personnel and categories, NATO's Tables 7 and 8 as
// data/nato-2024-06.yaml writes them: 185.641 thousand; equipment
// 28.7469%, personnel 29.5824%, infrastructure 3.1774%, other 38.4932%
// (which add up to 99.9999%). --figures shows those only.
func TestPersonnelAndCategories(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024",
		"--figures", "personnel,equipment,personnel-pct,infrastructure,other", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if header := strings.SplitN(out, "\n", 2)[0]; header != "code,name,year,release,estimate,equipment_pct,note,personnel_k,personnel_pct,infrastructure_pct,other_pct" {
		t.Errorf("header %s", header)
	}
	r := csvRows(t, out)[0]
	if r["personnel_k"] != "185.641" || r["equipment_pct"] != "28.7469" || r["personnel_pct"] != "29.5824" || r["infrastructure_pct"] != "3.1774" || r["other_pct"] != "38.4932" {
		t.Errorf("DEU 2024: %v", r)
	}
	code, out, _ = run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024", "--figures", "personnel")
	if code != 0 || !strings.Contains(out, "| Personnel k |") || !strings.Contains(out, "|       185.6 |") || strings.Contains(out, "Share %") {
		t.Errorf("table:\n%s", out)
	}
	code, _, errOut = run(t, 0, "history", "--country", "DEU", "--figures", "tanks")
	if code != 2 || !strings.Contains(errOut, `--figures: "tanks" is not a figure of history (expected: share, defence, gdp, equipment, personnel, personnel-pct, infrastructure, other, per-head)`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// "Who increased most since 2022": NATO's 2026 release, shares of GDP
// 2026 minus 2022 by hand from data/nato-2026-07.yaml: Estonia 5.10 -
// 2.14 = 2.96, Lithuania 5.33 - 2.46 = 2.87, Latvia 4.92 - 2.25 = 2.67,
// then Poland 4.68 - 2.21 = 2.47 (left out by --top 3).
func TestSinceRanking(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--group", "nato", "--since", "2022", "--sort", "change", "--top", "3", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := csvRows(t, out)
	want := []struct{ code, pts string }{{"EST", "2.96"}, {"LTU", "2.87"}, {"LVA", "2.67"}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want 3:\n%s", len(rows), out)
	}
	for i, w := range want {
		if r := rows[i]; r["code"] != w.code || r["share_change_pts"] != w.pts || r["from"] != "2022" || r["to"] != "2026" {
			t.Errorf("row %d: %v, want %s %s", i, r, w.code, w.pts)
		}
	}
	// Estonia's defence: 2644 / 820 million current USD = +222.439024%.
	if rows[0]["defence_change_pct"] != "222.439024" {
		t.Errorf("Estonia's change %s", rows[0]["defence_change_pct"])
	}
	code, out, _ = run(t, 0, "history", "--group", "nato", "--since", "2022", "--sort", "change", "--top", "3")
	for _, s := range []string{"Change 2022-2026 of 32 countries: release nato-2026-07 (core definition)\n", "Sorted by change, largest first", "--top 3: the first 3 of 32 rows."} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
}

// The cumulative real change over a span is the product of NATO's annual
// real changes: Germany 2015-2024 in data/nato-2024-06.yaml, 1.4234,
// 3.3623, 5.5023, 2.5692, 9.0873, 7.4783, -0.9583, 5.5582, 8.8386,
// 29.4471: product of (1 + r/100) - 1 = 95.911325% (the constant-price
// defence, 76943.01 / 39274.40 - 1 = 95.911357%, agrees within rounding).
func TestSinceRealChange(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--since", "2014", "--prices", "constant", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := csvRows(t, out)[0]
	v, err := strconv.ParseFloat(r["real_change_pct"], 64)
	if err != nil || math.Abs(v-95.911325) > 1e-6 {
		t.Errorf("real change %q, want 95.911325", r["real_change_pct"])
	}
	if _, ok := r["defence_change_pct"]; ok {
		t.Errorf("current-USD change beside the real one: %v", r)
	}
	// --since runs to the latest year; it cannot be that year.
	code, _, errOut = run(t, 0, "history", "--country", "DEU", "--since", "2026")
	if code != 2 || !strings.Contains(errOut, "--since 2026: expected a year of release nato-2026-07 before its latest, 2026") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// Country x year: a row per country, a column per year; money adds up, so
// a total row per year, the sum of the rows (2025: 112141 + 68892 + 44154
// = 225187; 2026: 147002 + 79753 + 53080 = 279835, data/nato-2026-07.yaml).
func TestWideLayout(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU,FRA,POL", "--year", "2025-2026", "--layout", "wide", "--figure", "defence", "--format", "csv")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "code,name,defence_musd_2025,defence_musd_2026\nDEU,Germany,112141,147002\nFRA,France,68892,79753\nPOL,Poland,44154,53080\n"
	if out != want {
		t.Errorf("csv:\n%s\nwant:\n%s", out, want)
	}
	doc := jsonDoc(t, "history", "--country", "DEU,FRA,POL", "--year", "2025-2026", "--layout", "wide", "--figure", "defence")
	tot, _ := doc["totals"].(map[string]any)
	if tot["label"] != "Total" || tot["defence_musd_2025"] != float64(225187) || tot["defence_musd_2026"] != float64(279835) {
		t.Errorf("totals %v", doc["totals"])
	}
	code, out, _ = run(t, 0, "history", "--country", "DEU,FRA,POL", "--year", "2025-2026", "--layout", "wide", "--figure", "defence")
	if code != 0 || !strings.Contains(out, "|      | Total   |  225.2 |  279.8 |") || !strings.Contains(out, "| DEU  | Germany | 112.1e | 147.0e |") {
		t.Errorf("table:\n%s", out)
	}
	// --top: the total covers the rows shown, and says so. By 2026:
	// Germany 147002, France 79753; 226755.
	doc = jsonDoc(t, "history", "--country", "DEU,FRA,POL", "--year", "2025-2026", "--layout", "wide", "--figure", "defence", "--sort", "defence", "--top", "2")
	tot, _ = doc["totals"].(map[string]any)
	if tot["label"] != "Total of the 2 shown" || tot["defence_musd_2026"] != float64(226755) {
		t.Errorf("top-2 totals %v", doc["totals"])
	}
	// Shares do not add up: no total row, and the note says why.
	code, out, _ = run(t, 0, "history", "--country", "DEU,FRA", "--year", "2025-2026", "--layout", "wide")
	if code != 0 || strings.Contains(out, "Total") || !strings.Contains(out, "No total row: a percentage does not add up over countries.") ||
		!strings.Contains(out, "| DEU  | Germany | 2.22e | 2.69e |") {
		t.Errorf("share table:\n%s", out)
	}
}

// --sort ranks rows by any figure the table shows, largest first; a
// figure it does not show is refused.
func TestSortAndTop(t *testing.T) {
	// NATO 2026, by defence in 2026 (data/nato-2026-07.yaml): the United
	// States first, then Germany (147002).
	code, out, errOut := run(t, 0, "history", "--group", "nato", "--year", "2026", "--sort", "defence", "--top", "2", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := csvRows(t, out)
	if len(rows) != 2 || rows[0]["code"] != "USA" || rows[1]["code"] != "DEU" || rows[1]["defence_musd"] != "147002" {
		t.Errorf("top 2 by defence: %v", rows)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"history", "-c", "DEU", "--sort", "real-change"}, `natospend: --sort "real-change" is not a figure of this table (expected one of: name, share, change, defence, defence-change, gdp, equipment)`},
		{[]string{"history", "-c", "DEU", "--sort", "tanks"}, `natospend: --sort "tanks" is not a sort order`},
		{[]string{"history", "-c", "DEU", "--top", "-1"}, "natospend: --top -1: expected a number of rows, 1 or more"},
		{[]string{"history", "-c", "DEU", "--since", "2022", "--year", "2024"}, "natospend: --since YEAR runs to the release's latest year: leave out --year"},
		{[]string{"history", "-c", "DEU", "--since", "2022", "--layout", "wide"}, "natospend: --since gives one row per country already: leave out --layout wide"},
	} {
		code, out, errOut := run(t, 0, c.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

// The wide total of the allies' defence agrees with NATO's own total:
// 2026, 1,809,915 million USD ("NATO Total" in shared/data's
// nato_aggregates.csv, vintage NATO-2026-07-core), within the rounding of
// 31 figures to whole millions (at most 15.5); Iceland has no figure and
// is named as left out, never counted as 0.
func TestWideTotalIsNATOs(t *testing.T) {
	doc := jsonDoc(t, "history", "--group", "nato", "--year", "2026", "--layout", "wide", "--figure", "defence")
	tot, _ := doc["totals"].(map[string]any)
	v, _ := tot["defence_musd_2026"].(float64)
	if tot["label"] != "Total (known)" || math.Abs(v-1809915) > 15.5 {
		t.Errorf("totals %v, want about 1809915 labelled Total (known)", tot)
	}
	notes, _ := doc["notes"].([]any)
	if len(notes) == 0 || !strings.Contains(notes[0].(string), "Left out of it, no figure: Iceland 2026.") {
		t.Errorf("notes %v", notes)
	}
}

// Figures per head, NATO's Table 6 at constant 2015 prices, Germany 2024
// as data/nato-2024-06.yaml writes them: defence 910.63 USD per person,
// GDP 42.9748 thousand USD per person. NATO publishes them at constant
// prices only: without --prices constant they are refused.
func TestPerHeadConstant(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024", "--prices", "constant", "--figures", "per-head", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := csvRows(t, out)[0]
	if r["defence_per_capita_const_usd"] != "910.63" || r["gdp_per_capita_const_kusd"] != "42.9748" {
		t.Errorf("DEU 2024 per head: %v", r)
	}
	code, _, errOut = run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--figures", "per-head")
	if code != 2 || !strings.Contains(errOut, "--figures per-head: NATO publishes defence and GDP per head at constant prices only: add --prices constant") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// --figures and --figure where they do nothing: a warning, not silence.
func TestFigureFlagsWarn(t *testing.T) {
	code, _, errOut := run(t, 0, "history", "-c", "DEU", "--year", "2026", "--figure", "defence")
	if code != 0 || errOut != "natospend: warning: --figure has no effect without --layout wide (a long table takes --figures)\n" {
		t.Errorf("exit %d: %q", code, errOut)
	}
	code, _, errOut = run(t, 0, "history", "-c", "DEU", "--since", "2024", "--figures", "personnel")
	if code != 0 || errOut != "natospend: warning: --figures has no effect with --since or --layout wide (--layout wide takes --figure)\n" {
		t.Errorf("exit %d: %q", code, errOut)
	}
}
