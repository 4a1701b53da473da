package historycmd_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/natospend/natospend/internal/clitest"
)

// run runs natospend in process; width > 0 makes stdout a terminal that wide.
func run(t *testing.T, width int, args ...string) (int, string, string) {
	t.Helper()
	return clitest.Run(t, width, nil, args...)
}

func csvRows(t *testing.T, s string) []map[string]string {
	t.Helper()
	return clitest.CSVRows(t, s)
}

// Germany 2014-2024 in NATO's June 2024 release: one row per year whose
// share, defence, GDP and equipment share are data/nato-2024-06.yaml's DEU
// cells as written there (copied by hand), 2023 and 2024 estimates.
func TestGermany2014To2024(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU", "--release", "nato-2024-06", "--year", "2014-2024", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "natospend: using release nato-2024-06 (from --release), not the default nato-2026-07\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	rows := csvRows(t, out)
	if len(rows) != 11 {
		t.Fatalf("%d rows, want 11 (2014-2024)", len(rows))
	}
	for i, r := range rows {
		if r["code"] != "DEU" || r["name"] != "Germany" || r["year"] != strconv.Itoa(2014+i) || r["release"] != "nato-2024-06" || r["gdp_source"] != "nato-2024-06" {
			t.Errorf("row %d: %v", i, r)
		}
		if want := i >= 9; (r["estimate"] == "true") != want {
			t.Errorf("%s estimate %s, want %v", r["year"], r["estimate"], want)
		}
	}
	// The YAML cells, by hand (share_pct 1.5130 prints as 1.513).
	for _, c := range []struct {
		i                      int
		share, def, gdp, equip string
	}{
		{0, "1.1851", "46175.79", "3896203.38", "12.9438"}, // 2014
		{5, "1.3486", "52549.25", "3896534.08", "14.6858"}, // 2019
		{6, "1.513", "58652.18", "3876612.33", "17.4516"},  // 2020
		{10, "2.119", "97685.59", "4610035.22", "28.7469"}, // 2024
	} {
		r := rows[c.i]
		if r["share_pct"] != c.share || r["defence_musd"] != c.def || r["gdp_musd"] != c.gdp || r["equipment_pct"] != c.equip {
			t.Errorf("%s: %v, want share %s defence %s GDP %s equipment %s", r["year"], r, c.share, c.def, c.gdp, c.equip)
		}
	}
	// 2014 has no year before in the release: no change (empty, never 0).
	// 2015: 1.1873 - 1.1851 = 0.0022 pts; (39833.44 - 46175.79) / 46175.79
	// = -13.735228 %. 2024: 2.1190 - 1.6404 = 0.4786 pts;
	// (97685.59 - 73137.63) / 73137.63 = 24547.96 / 73137.63 = 33.564063 %.
	if rows[0]["share_change_pts"] != "" || rows[0]["defence_change_pct"] != "" {
		t.Errorf("2014 changes %q %q, want empty", rows[0]["share_change_pts"], rows[0]["defence_change_pct"])
	}
	if rows[1]["share_change_pts"] != "0.0022" || rows[1]["defence_change_pct"] != "-13.735228" {
		t.Errorf("2015 changes %s %s", rows[1]["share_change_pts"], rows[1]["defence_change_pct"])
	}
	if rows[10]["share_change_pts"] != "0.4786" || rows[10]["defence_change_pct"] != "33.564063" {
		t.Errorf("2024 changes %s %s", rows[10]["share_change_pts"], rows[10]["defence_change_pct"])
	}

	// The table marks the estimates, leaves out code and name for one
	// country, and cites the release.
	code, out, _ = run(t, 0, "history", "--country", "Germany", "--release", "nato-2024-06", "--year", "2023-2024")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{
		"History of Germany (DEU), 2023,2024: release nato-2024-06 (classic definition)\n",
		"| 2023e |    1.64 |       0.13 |        73.1 |    19.11 | 4,458.6 |       18.04 |\n",
		"| 2024e |    2.12 |       0.48 |        97.7 |    33.56 | 4,610.0 |       28.75 |\n",
		"Source: NATO, Defence Expenditure of NATO Countries (2014-2024) (nato-2024-06), published 2024-06-17",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "| Code") {
		t.Errorf("one country's table has a Code column:\n%s", out)
	}
}

// Several countries, by name and alias: rows by country (code) then year;
// in August 2025 (shares only) the GDP is the IMF's, named and marked.
func TestSeveralCountriesGDPFromIMF(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "france,germany", "--release", "nato-2025-08", "--year", "2024,2025", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := csvRows(t, out)
	var got []string
	for _, r := range rows {
		got = append(got, r["code"]+" "+r["year"])
	}
	if strings.Join(got, ",") != "DEU 2024,DEU 2025,FRA 2024,FRA 2025" {
		t.Fatalf("rows %v, want DEU then FRA, each 2024, 2025", got)
	}
	// Germany 2024: share 2.0037 (estimate); 2.0037 - 1.6150 = 0.3887 pts;
	// no USD figures in this release; GDP 4,684,182 from the IMF's October
	// 2025 WEO. 2025: a blank cell with NATO's note; the IMF's 5,013,574 is
	// a projection.
	de24, de25 := rows[0], rows[1]
	if de24["share_pct"] != "2.0037" || de24["share_change_pts"] != "0.3887" || de24["defence_musd"] != "" ||
		de24["gdp_musd"] != "4684182" || de24["gdp_source"] != "imf-weo-2025-10" || de24["gdp_estimate"] != "false" || de24["estimate"] != "true" {
		t.Errorf("Germany 2024: %v", de24)
	}
	if de25["share_pct"] != "" || de25["gdp_musd"] != "5013574" || de25["gdp_estimate"] != "true" || !strings.Contains(de25["note"], "budget had not been adopted") {
		t.Errorf("Germany 2025: %v", de25)
	}

	code, out, _ = run(t, 0, "history", "--country", "france,germany", "--release", "nato-2025-08", "--year", "2024,2025")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{
		"History of 2 countries, 2024,2025: release nato-2025-08 (classic definition)\n",
		"| DEU  | Germany | 2024e |    2.00 |       0.39 |           - |        - |  4,684.2^ |       21.17 |\n",
		"| DEU  | Germany | 2025e |       - |          - |           - |        - | 5,013.6^e |           - |\n",
		"^: GDP from imf-weo-2025-10 (IMF, World Economic Outlook, October 2025) where release nato-2025-08 publishes none: Germany 2024, 2025, France 2024, 2025.\n",
		"Germany 2025: NATO left Germany's 2025 figures blank",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestEveryFormat(t *testing.T) {
	args := []string{"history", "--country", "POL,ISL", "--year", "2025-2026"}
	for _, c := range []struct {
		format string
		want   []string
	}{
		{"table", []string{"+------+---------+-------+", "Iceland (not reported)"}},
		{"markdown", []string{"**History of 2 countries, 2025,2026: release nato-2026-07 (core definition)**", "| POL  | Poland  | 2026e |    4.68 |"}},
		{"csv", []string{"POL,Poland,2026,nato-2026-07,true,4.68,0.43,"}},
		{"tsv", []string{"POL\tPoland\t2026\tnato-2026-07\ttrue\t4.68\t0.43\t"}},
	} {
		code, out, errOut := run(t, 0, append(args, "--format", c.format)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.format, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", c.format, w, out)
			}
		}
	}
	code, out, errOut := run(t, 0, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var doc struct {
		SchemaVersion int              `json:"schema_version"`
		Release       string           `json:"release"`
		Definition    string           `json:"definition"`
		Years         []int            `json:"years"`
		Countries     []string         `json:"countries"`
		Rows          []map[string]any `json:"rows"`
		Notes         []string         `json:"notes"`
		Source        map[string]any   `json:"source"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 1 || doc.Release != "nato-2026-07" || doc.Definition != "core" || len(doc.Years) != 2 || len(doc.Rows) != 4 || doc.Source["id"] != "nato-2026-07" {
		t.Fatalf("json: %+v", doc)
	}
	// Poland 2026: 4.68, estimate; 4.68 - 4.25 = 0.43 pts. Iceland: no
	// share (null, never 0), its GDP from the IMF.
	pol := doc.Rows[3]
	if pol["code"] != "POL" || pol["year"] != float64(2026) || pol["share_pct"] != 4.68 || pol["estimate"] != true || pol["share_change_pts"] != 0.43 {
		t.Errorf("Poland 2026: %v", pol)
	}
	isl := doc.Rows[0]
	if isl["code"] != "ISL" || isl["share_pct"] != nil || isl["gdp_source"] != "imf-weo-2025-10" {
		t.Errorf("Iceland 2025: %v", isl)
	}
}

// The table fits an 80-column terminal.
func TestFitsTheTerminal(t *testing.T) {
	for _, args := range [][]string{
		{"history", "--country", "DEU"},
		{"history", "--country", "DEU,UK,US", "--release", "nato-2025-08"},
		{"history", "--group", "nato", "--year", "2026"},
		{"history", "--country", "DEU", "--release", "nato-2024-06", "--prices", "constant", "--figures", "share,defence,gdp,equipment,personnel"},
		{"history", "--country", "DEU,FRA", "--release", "nato-2024-06", "--figures", "equipment,personnel,personnel-pct,infrastructure,other"},
		{"history", "--group", "nato", "--since", "2022", "--sort", "change"},
		{"history", "--group", "nato", "--year", "2022-2026", "--layout", "wide", "--figure", "defence"},
	} {
		code, out, errOut := run(t, 80, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, l := range strings.Split(out, "\n") {
			if w := runewidth.StringWidth(l); w > 80 {
				t.Errorf("%v: a line is %d wide: %q", args, w, l)
			}
		}
		if !strings.Contains(out, "Source: NATO") {
			t.Errorf("%v: no source line:\n%s", args, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"history"}, "natospend: history needs --country or --group (for example --country DEU, or --group nato)\n"},
		{[]string{"history", "-c", "DEU", "--year", "2014,20x"}, `natospend: --year: "20x" is not a year or a range of years (expected 2024, 2014-2026 or 2014,2019,2024)` + "\n"},
		{[]string{"history", "-c", "DEU", "--year", "2012-2014"}, "natospend: --year 2012-2014: release nato-2026-07 publishes no figures for 2012,2013 (it covers 2014-2026; give --release, or other years)\n"},
		{[]string{"history", "-c", "DEU", "--release", "nato-2024"}, `natospend: --release: unknown release "nato-2024": did you mean nato-2024-06?` + "\n"},
		{[]string{"history", "-c", "Atlantis"}, `natospend: --country: unknown country "Atlantis"`},
	} {
		code, out, errOut := run(t, 0, c.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

// TestReverseWithoutSort: --reverse with no --sort turns the default order
// (by country, then year) round, as its help says; it did nothing before.
// Shares from NATO's 2026 tables (Table 3, core definition): France 2.04
// (2025), 2.22 (2026); Germany 2.22 (2025), 2.69 (2026).
func TestReverseWithoutSort(t *testing.T) {
	code, out, errOut := run(t, 0, "history", "--country", "DEU,FRA", "--year", "2025-2026", "--reverse", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, r := range csvRows(t, out) {
		got = append(got, r["code"]+" "+r["year"]+" "+r["share_pct"])
	}
	want := []string{"FRA 2026 2.22", "FRA 2025 2.04", "DEU 2026 2.69", "DEU 2025 2.22"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}
