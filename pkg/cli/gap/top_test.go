package gap_test

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// --sort defence --top 3: the three largest defence budgets of 2026 in
// NATO's 2026 release (data/nato-2026-07.yaml: the United States 3.17% of
// 32,547,624, Germany 2.69% of 5,455,980, the United Kingdom 2.56% of
// 4,300,972 million USD; France next at 2.22% of 3,600,188), and totals
// over those three only: GDP 32547624 + 5455980 + 4300972 = 42304576.
func TestTopByDefence(t *testing.T) {
	d := runJSON(t, "gap", "--group", "nato", "--sort", "defence", "--top", "3")
	if codes := codesOf(d); codes != "USA,DEU,GBR" {
		t.Errorf("rows %v, want USA,DEU,GBR", codes)
	}
	if len(d.Totals) != 1 {
		t.Fatalf("%d totals", len(d.Totals))
	}
	num(t, d.Totals[0], "gdp_musd", 42304576, 1e-6)
	num(t, d.Totals[0], "countries", 3, 0)

	ios, _, out, _ := iostreams.Test()
	if code := cli.Main([]string{"gap", "--group", "nato", "--sort", "defence", "--top", "3"}, ios); code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{"| Total, top 3 (3 of 3) |", "--top 3: the first 3 of 32 countries by --sort defence (largest first); the totals cover those shown."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"gap", "--top", "-2"}, "natospend: --top -2: expected a number of countries, 1 or more"},
		{[]string{"gap", "--top", "2", "--year", "2024,2026"}, "natospend: --top takes one year and one release"},
	} {
		ios, _, out, errOut := iostreams.Test()
		if code := cli.Main(c.args, ios); code != 2 || out.Len() != 0 || !strings.HasPrefix(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
}

// Several years: a total row per year below the rows (the JSON had them
// already). By hand from data/nato-2026-07.yaml: GDP 2025, France
// 3370182 + Germany 5056631 = 8426813 million USD ($8,426.8 bn); 2026,
// 3600188 + 5455980 = 9056168 ($9,056.2 bn); the 2% gap 2026, (2 - 2.22)
// x 3600188 / 100 + (2 - 2.69) x 5455980 / 100 = -7920.41 - 37646.26 =
// -45566.67 ($-45.6 bn); published defence 2026, 79753 + 147002 = 226755
// ($226.8 bn), at share 2.22 x 3600188 / 100 + 2.69 x 5455980 / 100 =
// 79924.17 + 146765.86 = 226690.04 ($226.7 bn).
func TestTotalRowPerYear(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main([]string{"gap", "--country", "DEU,FRA", "--year", "2025-2026"}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"| Total 2025 (2 of 2) |     - | 8,426.8 |",
		"| Total 2026 (2 of 2) |     - | 9,056.2 |       226.8 |                226.7 |    2.50 |      -45.6 | 2 meet |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

// --sort takes gap's other figures, largest first. Equipment share 2026
// (data/nato-2026-07.yaml): Poland 55.91, Albania 52.62, Luxembourg
// 51.77, then Lithuania 47.57. Defence per head 2026, NATO's defence over
// the IMF's October 2025 population (data/imf-weo-2025-10-population.yaml,
// from shared/data/imf_weo_population_2025_10.csv): Norway 19247 / 5.671
// = 3393.9, the United States 1032849 / 342.594 = 3014.8, Denmark 17615 /
// 6.046 = 2913.5, then Sweden 24186 / 10.760 = 2247.8.
func TestSortByEquipmentAndPerHead(t *testing.T) {
	if got := codesOf(runJSON(t, "gap", "--group", "nato", "--sort", "equipment", "--top", "3")); got != "POL,ALB,LUX" {
		t.Errorf("by equipment: %s, want POL,ALB,LUX", got)
	}
	if got := codesOf(runJSON(t, "gap", "--group", "nato", "--per-capita", "--sort", "defence-per-head", "--top", "3")); got != "NOR,USA,DNK" {
		t.Errorf("by defence per head: %s, want NOR,USA,DNK", got)
	}
	// The gap per head to 3.5% in 2026 (nato-2026-07, IMF October 2025
	// population): Germany 44,193.4 m / 83.777 m = 528 USD, the United
	// States 107,400 m / 342.59 m = 314, Poland -13,400 m / 36.21 m = -370;
	// by the gap in money the United States come first.
	if got := codesOf(runJSON(t, "gap", "--target", "3.5", "--country", "USA,DEU,POL", "--per-capita", "--sort", "gap-per-head")); got != "DEU,USA,POL" {
		t.Errorf("by gap per head: %s, want DEU,USA,POL", got)
	}
	if got := codesOf(runJSON(t, "gap", "--target", "3.5", "--country", "USA,DEU,POL", "--per-capita")); got != "USA,DEU,POL" {
		t.Errorf("by gap: %s, want USA,DEU,POL", got)
	}
	ios, _, _, errOut := iostreams.Test()
	if code := cli.Main([]string{"gap", "--sort", "gdp-per-head"}, ios); code != 2 || !strings.HasPrefix(errOut.String(), "natospend: --sort gdp-per-head: the figures per head are shown with --per-capita: add it") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// gap --year A-B --layout wide: one row per country, a group of columns
// per year. France and Germany 2025-2026 in data/nato-2026-07.yaml:
// shares 2.04 and 2.22 (France), 2.22 and 2.69 (Germany); the 2% gap of
// Germany in 2026, (2 - 2.69) x 5455980 / 100 = -37646.262.
func TestWideByYear(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main([]string{"gap", "--country", "DEU,FRA", "--year", "2025-2026", "--layout", "wide", "--format", "csv"}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want a header and 2 countries:\n%s", len(recs), out)
	}
	rows := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, k := range recs[0] {
			m[k] = r[i]
		}
		rows[m["code"]] = m
	}
	fra, deu := rows["FRA"], rows["DEU"]
	if fra["share_pct_2025"] != "2.04" || fra["share_pct_2026"] != "2.22" || deu["share_pct_2025"] != "2.22" || deu["share_pct_2026"] != "2.69" {
		t.Errorf("shares: FRA %s %s, DEU %s %s", fra["share_pct_2025"], fra["share_pct_2026"], deu["share_pct_2025"], deu["share_pct_2026"])
	}
	if deu["gap_musd_2_2026"] != "-37646.262" || deu["release"] != "nato-2026-07" {
		t.Errorf("DEU gap 2026 %q, release %q", deu["gap_musd_2_2026"], deu["release"])
	}
	if _, ok := deu["year"]; ok {
		t.Errorf("a year column without its year: %v", recs[0])
	}
}

// gap --prices constant: Germany 2024 at NATO's constant 2015 prices
// (data/nato-2024-06.yaml, DEU 2024: gdp_const_musd 3631139.24,
// defence_const_musd 76943.01, share 2.1190): the 2% gap is (2 - 2.119) x
// 3631139.24 / 100 = -4321.055696 million 2015 USD.
func TestGapAtConstantPrices(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main([]string{"gap", "--country", "DEU", "--release", "nato-2024-06", "--year", "2024", "--prices", "constant", "--format", "json"}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d struct {
		Prices       string `json:"prices"`
		ConstantYear int    `json:"constant_year"`
		Rows         []row  `json:"rows"`
	}
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Prices != "constant" || d.ConstantYear != 2015 || len(d.Rows) != 1 {
		t.Fatalf("prices %q, constant_year %d, %d rows", d.Prices, d.ConstantYear, len(d.Rows))
	}
	r := d.Rows[0]
	num(t, r, "gdp_musd", 3631139.24, 1e-6)
	num(t, r, "defence_published_musd", 76943.01, 1e-6)
	num(t, r, "gap_musd", -4321.055696, 1e-6)
	if r["gdp_source"] != "nato-2024-06" {
		t.Errorf("gdp_source %v", r["gdp_source"])
	}
	// Current prices stay the default, and say so.
	if d := runJSONRaw(t, "gap", "--country", "DEU"); d["prices"] != "current" || d["constant_year"] != nil {
		t.Errorf("default prices %v, constant_year %v", d["prices"], d["constant_year"])
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"gap", "--release", "nato-2025-08", "--prices", "constant"}, "natospend: --prices constant: release nato-2025-08 publishes no figures at constant prices (these do: nato-2024-06 (2015 prices), nato-2026-07 (2021 prices); give --release)"},
		{[]string{"gap", "--release", "nato-2024-06", "--prices", "constant", "--target", "hague"}, "natospend: --prices constant: a deadline projects GDP at current prices"},
		{[]string{"gap", "--release", "nato-2024-06", "--prices", "constant", "--per-capita"}, "natospend: --prices constant with --per-capita"},
		{[]string{"gap", "--release", "nato-2024-06", "--prices", "constant", "--currency", "eur"}, "natospend: --prices constant with --currency eur"},
	} {
		ios, _, out, errOut := iostreams.Test()
		if code := cli.Main(c.args, ios); code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
}

func runJSONRaw(t *testing.T, args ...string) map[string]any {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main(append(args, "--format", "json"), ios); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var d map[string]any
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// The counts in a total row's label say, in the notes, what they count
// (issue 22): countries added up, and of those the ones with data. NATO's
// 2026 release has no figures for Iceland (no armed forces; shared/data
// README: "31 allies (no Iceland)"), so of the 32 allies 31 have a
// verdict; --sort name --top 2 of Germany, Iceland and the United States
// keeps Germany and Iceland: 1 of 2.
func TestTotalLabelInWords(t *testing.T) {
	for _, c := range []struct {
		args        []string
		label, note string
	}{
		{[]string{"gap"}, "| Total (31 of 32) |",
			`Totals add up the rows shown: in "Total (31 of 32)", 31 of the 32 countries added up have data (a verdict on the target), and GDP includes those without a gap; - unknown;`},
		{[]string{"gap", "--country", "ISL,DEU,USA", "--sort", "name", "--top", "2"}, "| Total, top 2 (1 of 2) |",
			`Totals add up the rows shown: in "Total, top 2 (1 of 2)", 1 of the 2 countries added up has data (a verdict on the target), and GDP includes those without a gap;`},
		{[]string{"gap", "--group", "nato", "--sort", "defence", "--top", "3"}, "| Total, top 3 (3 of 3) |",
			`Totals add up the rows shown: in "Total, top 3 (3 of 3)", all 3 countries added up have data (a verdict on the target);`},
		{[]string{"gap", "--country", "DEU,FRA", "--year", "2025-2026"}, "| Total 2025 (2 of 2) |",
			`Totals add up the rows shown: in "Total 2025 (2 of 2)", all 2 countries added up have data`},
	} {
		for _, f := range []string{"table", "markdown"} {
			ios, _, out, errOut := iostreams.Test()
			if code := cli.Main(append(c.args, "--format", f), ios); code != 0 {
				t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
			}
			label := c.label
			if f == "markdown" {
				label = strings.TrimSuffix(strings.TrimPrefix(label, "| "), " |")
			}
			if !strings.Contains(out.String(), label) || !strings.Contains(out.String(), c.note) {
				t.Errorf("%v --format %s: want %q and the note %q in:\n%s", c.args, f, label, c.note, out)
			}
		}
	}
}
