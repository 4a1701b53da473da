package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/xuri/excelize/v2"
)

// readCSV runs a command that prints CSV and parses it.
func readCSV(t *testing.T, args ...string) [][]string {
	t.Helper()
	code, out, errOut := runNoUserConfig(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return recs
}

func column(t *testing.T, recs [][]string, key string) int {
	t.Helper()
	i := slices.Index(recs[0], key)
	if i < 0 {
		t.Fatalf("no column %s in %v", key, recs[0])
	}
	return i
}

// gapJSONTotals returns the totals of gap --format json.
func gapJSONTotals(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, errOut := runNoUserConfig(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
	}
	var doc struct {
		Totals []map[string]any `json:"totals"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Totals
}

// The wide layout: one row per ally, so that a SUM over gdp_musd counts
// each country once and equals the totals' GDP.
func TestGapWideLayoutCSV(t *testing.T) {
	args := []string{"gap", "--target", "2,3.5,5", "--release", "nato-2026-07", "--year", "2026"}
	wide := readCSV(t, append(args, "--layout", "wide", "--format", "csv")...)
	if len(wide) != 1+32 {
		t.Fatalf("%d rows, want a header and 32 (one per ally)", len(wide))
	}
	seen := map[string]bool{}
	for _, k := range wide[0] {
		if seen[k] {
			t.Errorf("key %s twice in the header", k)
		}
		seen[k] = true
	}
	for _, k := range []string{"code", "name", "gdp_musd", "share_pct", "gap_musd_2", "status_2", "gap_musd_3_5", "status_3_5", "required_musd_5", "gap_musd_5", "status_5"} {
		if !seen[k] {
			t.Errorf("no column %s", k)
		}
	}
	for _, k := range []string{"gap_musd", "status", "target_pct", "gdp_musd_2"} {
		if seen[k] {
			t.Errorf("column %s: a per-target field without its suffix, or a per-country one with", k)
		}
	}
	gdp := column(t, wide, "gdp_musd")
	sum := 0.0
	codes := map[string]bool{}
	for _, r := range wide[1:] {
		codes[r[0]] = true
		if r[gdp] != "" {
			v, err := strconv.ParseFloat(r[gdp], 64)
			if err != nil {
				t.Fatal(err)
			}
			sum += v
		}
	}
	if len(codes) != 32 {
		t.Errorf("%d countries, want 32 different ones", len(codes))
	}
	totals := gapJSONTotals(t, args...)
	if len(totals) != 3 {
		t.Fatalf("%d totals, want 3", len(totals))
	}
	want := totals[0]["gdp_musd"].(float64)
	if math.Abs(sum-want) > 1e-6 {
		t.Errorf("SUM(gdp_musd) = %v, want the totals' %v", sum, want)
	}
	// The long layout counts each country once per target.
	long := readCSV(t, append(args, "--format", "csv")...)
	if len(long) != 1+3*32 {
		t.Errorf("long layout: %d rows, want 1 + 3 x 32", len(long))
	}
	// Slovenia, worked out by hand: GDP 86,525, published share 1.61%:
	// gap to 3.5% = (3.5 - 1.61) / 100 x 86,525 = 1,635.3225; to 5% =
	// 3.39 / 100 x 86,525 = 2,933.1975.
	for _, r := range wide[1:] {
		if r[0] != "SVN" {
			continue
		}
		for key, want := range map[string]string{"gdp_musd": "86525", "share_pct": "1.61", "gap_musd_3_5": "1635.3225", "gap_musd_5": "2933.1975", "status_3_5": "short", "target_pct_5": "5"} {
			if got := r[column(t, wide, key)]; got != want {
				t.Errorf("SVN %s = %q, want %q", key, got, want)
			}
		}
	}
}

func TestGapWideLayoutNamedTargets(t *testing.T) {
	code, out, errOut := runNoUserConfig(t, "gap", "--target", "hague,hague-core,2,2", "--country", "DEU", "--layout", "wide", "--format", "tsv", "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want a header and Germany", len(lines))
	}
	header := strings.Split(lines[0], "\t")
	var statuses []string
	for _, k := range header {
		if strings.HasPrefix(k, "status_") {
			statuses = append(statuses, k)
		}
	}
	// hague (5%, bounded) and its parts, hague-core, 2% once.
	want := []string{"status_hague_5", "status_hague_5_core_3_5", "status_hague_5_resilience_1_5", "status_hague_core_3_5", "status_2"}
	if !slices.Equal(statuses, want) {
		t.Errorf("status columns %v, want %v", statuses, want)
	}
}

// --layout does nothing for the table, JSON and Markdown: one warning.
func TestLayoutWarning(t *testing.T) {
	for _, f := range []string{"table", "json", "markdown"} {
		code, _, errOut := runNoUserConfig(t, "gap", "--layout", "wide", "--format", f)
		want := "natospend: warning: --layout has no effect with --format " + f + " (only with csv, tsv and xlsx)\n"
		if code != 0 || !strings.Contains(errOut, want) || strings.Count(errOut, "--layout") != 1 {
			t.Errorf("--format %s: exit %d, stderr %q; want the warning %q", f, code, errOut, want)
		}
	}
	for _, f := range []string{"csv", "tsv"} {
		if code, _, errOut := runNoUserConfig(t, "gap", "--layout", "wide", "--format", f); code != 0 || strings.Contains(errOut, "--layout") {
			t.Errorf("--format %s: exit %d, stderr %q; want no warning", f, code, errOut)
		}
	}
	if code, _, errOut := runNoUserConfig(t, "gap", "--layout", "tall"); code != 2 || !strings.Contains(errOut, `--layout`) {
		t.Errorf("--layout tall: exit %d, stderr %q; want a usage error", code, errOut)
	}
}

// xlsx never goes to a terminal; to a pipe and to a file it does.
func TestXLSXNotToTerminal(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	ios, _, out, errOut := iostreams.Test()
	ios.SetTerminal(80)
	if code := Main([]string{"gap", "--format", "xlsx"}, ios); code != 2 || out.Len() != 0 ||
		!strings.HasPrefix(errOut.String(), "natospend: xlsx is a binary file: give --output FILE.xlsx\n") {
		t.Errorf("to a terminal: exit %d, %d bytes out, stderr %q; want exit 2, nothing written and the advice", code, out.Len(), errOut)
	}
	// A pipe: the workbook (a zip file).
	code, piped, stderr := runNoUserConfig(t, "gap", "--format", "xlsx")
	if code != 0 || !strings.HasPrefix(piped, "PK\x03\x04") || stderr != "" {
		t.Errorf("to a pipe: exit %d, starts %q, stderr %q", code, piped[:min(4, len(piped))], stderr)
	}
	// A file named .xlsx: the format from the extension, the same bytes.
	file := filepath.Join(t.TempDir(), "gaps.xlsx")
	if code, _, stderr := runNoUserConfig(t, "gap", "--output", file); code != 0 {
		t.Fatalf("--output gaps.xlsx: exit %d, %s", code, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(b, []byte(piped)) {
		t.Errorf("--output gaps.xlsx: %v; the file differs from the piped workbook", err)
	}
	if code, _, stderr := runNoUserConfig(t, "gap", "--output", file, "--format", "csv"); code != 2 || !strings.Contains(stderr, "contradicts --output") {
		t.Errorf("--format csv --output x.xlsx: exit %d, %s", code, stderr)
	}
}

// openWorkbook runs a command with --format xlsx and opens the result.
func openWorkbook(t *testing.T, wantCode int, args ...string) *excelize.File {
	t.Helper()
	code, out, errOut := runNoUserConfig(t, append(args, "--format", "xlsx")...)
	if code != wantCode {
		t.Fatalf("%v: exit %d, want %d; stderr %s", args, code, wantCode, errOut)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%v: excelize cannot open the workbook: %v", args, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Every report as a workbook: the sheet Data holds exactly the CSV's cells,
// typed (text as strings, numbers as the same numbers, flags as 1/0,
// unknowns empty), nothing a formula; then Totals where the report has
// totals, and Sources.
func TestXLSXEveryReport(t *testing.T) {
	for _, c := range []struct {
		args   []string
		code   int
		sheets string
	}{
		{[]string{"gap", "--target", "2,3.5,5"}, 0, "Data Totals Sources"},
		{[]string{"gap", "--target", "2,hague", "--layout", "wide"}, 0, "Data Totals Sources"},
		{[]string{"gap", "--target", "2", "--year", "2023-2024", "--show-aid", "--per-capita"}, 0, "Data Totals Sources"},
		{[]string{"path", "--target", "hague-core", "--group", "europe"}, 0, "Data Totals Sources"},
		{[]string{"aid"}, 0, "Data Totals Sources"},
		{[]string{"aid", "packages"}, 0, "Data Totals Sources"},
		{[]string{"countries"}, 0, "Data Sources"},
		{[]string{"targets"}, 0, "Data Sources"},
		{[]string{"releases"}, 0, "Data Sources"},
		{[]string{"history", "--country", "DEU,POL"}, 0, "Data Sources"},
		{[]string{"revisions", "--from", "nato-2025-08", "--to", "nato-2026-07"}, 0, "Data Sources"},
		{[]string{"check", "--target", "3.5"}, 3, "Data Sources"},
	} {
		name := strings.Join(c.args, " ")
		f := openWorkbook(t, c.code, c.args...)
		if got := strings.Join(f.GetSheetList(), " "); got != c.sheets {
			t.Errorf("%s: sheets %q, want %q", name, got, c.sheets)
		}
		code, out, _ := runNoUserConfig(t, append(c.args, "--format", "csv")...)
		if code != c.code {
			t.Fatalf("%s --format csv: exit %d", name, code)
		}
		want, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		compareSheet(t, name, f, want)
	}
}

// compareSheet checks sheet Data against the CSV records, cell by cell.
func compareSheet(t *testing.T, name string, f *excelize.File, want [][]string) {
	t.Helper()
	got, err := f.GetRows("Data", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d as in the CSV", name, len(got), len(want))
		return
	}
	errs := 0
	for i, rec := range want {
		for j, w := range rec {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			g := ""
			if j < len(got[i]) {
				g = got[i][j]
			}
			typ, _ := f.GetCellType("Data", ref)
			if fm, _ := f.GetCellFormula("Data", ref); fm != "" {
				t.Errorf("%s: %s is a formula %q", name, ref, fm)
			}
			ok := true
			switch {
			case w == "":
				ok = g == "" && typ == excelize.CellTypeUnset
			case i == 0:
				ok = g == w && typ == excelize.CellTypeSharedString
			case w == "true" || w == "false":
				ok = typ == excelize.CellTypeNumber && g == map[string]string{"true": "1", "false": "0"}[w]
			default:
				wv, werr := strconv.ParseFloat(w, 64)
				gv, gerr := strconv.ParseFloat(g, 64)
				if werr == nil && typ == excelize.CellTypeNumber {
					ok = gerr == nil && wv == gv
				} else {
					// Text: the CSV's, without the formula guard's apostrophe.
					ok = typ == excelize.CellTypeSharedString && (g == w || "'"+g == w)
				}
			}
			if !ok {
				t.Errorf("%s: %s = %q (type %v), want %q as in the CSV", name, ref, g, typ, w)
				if errs++; errs > 10 {
					return
				}
			}
		}
	}
}

// The gap workbook's Totals and Sources sheets.
func TestXLSXGapTotalsAndSources(t *testing.T) {
	args := []string{"gap", "--target", "2,3.5,5", "--release", "nato-2026-07", "--year", "2026"}
	f := openWorkbook(t, 0, args...)
	rows, err := f.GetRows("Totals", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	totals := gapJSONTotals(t, args...)
	if len(rows) != 1+len(totals) {
		t.Fatalf("Totals: %d rows, want a header and %d", len(rows), len(totals))
	}
	for i, tot := range totals {
		for j, key := range rows[0] {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+2)
			g, _ := f.GetCellValue("Totals", ref, excelize.Options{RawCellValue: true})
			switch v := tot[key].(type) {
			case nil:
				if g != "" {
					t.Errorf("Totals %s (%s) = %q, want empty (null in the JSON)", ref, key, g)
				}
			case string:
				if g != v {
					t.Errorf("Totals %s (%s) = %q, want %q", ref, key, g, v)
				}
			case float64:
				if gv, err := strconv.ParseFloat(g, 64); err != nil || gv != v {
					t.Errorf("Totals %s (%s) = %q, want %v", ref, key, g, v)
				}
			default:
				t.Errorf("Totals %s: JSON %s is %T", ref, key, v)
			}
		}
	}
	// The keys are the JSON totals' keys, in order (checked by hand: the
	// first few and the last).
	if got := strings.Join(rows[0][:5], ","); got != "target_pct,countries,countries_with_data,meeting,gdp_musd" || rows[0][len(rows[0])-1] != "defence_at_share_musd" {
		t.Errorf("Totals header %v", rows[0])
	}
	// The 2% row by hand: 32 countries, 31 with data (Iceland reports none).
	if rows[1][0] != "2" || rows[1][1] != "32" || rows[1][2] != "31" {
		t.Errorf("Totals row 2: %v", rows[1][:3])
	}

	src, err := f.GetRows("Sources")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(src[0], ","); got != "release,title,publisher,published,cutoff,url,source_file,source_sha256,via" {
		t.Errorf("Sources header %q", got)
	}
	// Read from a third party's export of NATO's workbook: via says so;
	// no source read gives the cut-off.
	want := []string{"nato-2026-07", "Defence Expenditure of NATO Countries (2014-2026)", "NATO", "2026-06", "cut-off not given by the sources read",
		"https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx", "", "",
		"https://github.com/aiutononesistonousername/leave-the-gun-take-the-cannoli/blob/366dedbbf761c480cfe91ca2da7c28a3a079810d/data/processed/nato_defence.csv"}
	if !slices.Equal(src[1], want) {
		t.Errorf("Sources row 2 %q, want %q", src[1], want)
	}
	var notes []string
	for i, r := range src {
		if len(r) > 0 && r[0] == "Notes" {
			for _, n := range src[i+1:] {
				notes = append(notes, n[0])
			}
		}
	}
	// The notes are the table's: the summary lines, the method, the source.
	if len(notes) < 4 || !strings.HasPrefix(notes[0], "2%: 30 of 31 countries with data meet it") ||
		!strings.HasPrefix(notes[len(notes)-1], "Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07)") ||
		!strings.HasSuffix(notes[len(notes)-1], ", read via https://github.com/aiutononesistonousername/leave-the-gun-take-the-cannoli/blob/366dedbbf761c480cfe91ca2da7c28a3a079810d/data/processed/nato_defence.csv") {
		t.Errorf("Sources notes: %q", notes)
	}
	// Formats: money with one decimal and separators, shares with two. The
	// share is the published defence's total over GDP's (1,809.9 / 63,183.3
	// $bn, the table's footer), not defence at share's (1,812.8: 2.87).
	for ref, wantShown := range map[string]string{"E2": "63,183,298.0", "G2": "2.86", "A2": "2.00"} {
		if got, _ := f.GetCellValue("Totals", ref); got != wantShown {
			t.Errorf("Totals %s shown %q, want %q", ref, got, wantShown)
		}
	}
	if p, err := f.GetPanes("Data"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("Data panes %+v (%v), want the header frozen", p, err)
	}
}
