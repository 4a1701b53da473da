//go:build unix

package main

// natospend's workbook (--format xlsx) in LibreOffice Calc, headless: the
// gap report of countries whose names a spreadsheet would read as
// something else (numbers, booleans, dates, percentages, formulas) from a
// user data file. LibreOffice opens the workbook and saves it again; the
// test reads what it understood (internal/testenv). Unlike the CSV (see
// spreadsheet_test.go), every name arrives exactly as written, without
// the formula guard's apostrophe: an xlsx string cell is never a formula.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// xlsxCountries are made-up countries with their 2026 figures; the gap to
// 2% is (2 - share) / 100 x GDP, worked out by hand.
var xlsxCountries = []struct {
	code, name string
	gdp, share float64
	gap        float64
}{
	{"XBA", "1234", 1000, 1.5, 5},   // 0.5% of 1000
	{"XBB", "TRUE", 2000, 2.5, -10}, // a surplus
	{"XBC", "2026-01-02", 1234.5, 0.75, 15.43125},
	{"XBD", "3.5%", 640, 3.25, -8},
	{"XBE", "0012", 3000, 1.25, 22.5},
	{"XBF", "(100)", 100, 1, 1},
	{"XBG", "=1+1", 500, 2, 0},
	{"XBH", "@SUM(A1)", 800, 1.5, 4},
	{"XBI", `=HYPERLINK("http://x","y")`, 1000, 1.9, 1},
}

const xlsxRelease = "test-xlsx-2026"

func writeXLSXData(t *testing.T, dir string) {
	t.Helper()
	var countries, release strings.Builder
	var codes []string
	countries.WriteString("kind: countries\ncitation: natospend test fixture, not real countries\ncountries:\n")
	release.WriteString("kind: release\nid: " + xlsxRelease + "\nseries: defence\ntitle: Names a spreadsheet misreads (test fixture)\n" +
		"publisher: natospend tests\npublished: 2026-01-01\nurl: https://example.org/natospend-xlsx-test\nfigures:\n")
	for _, c := range xlsxCountries {
		fmt.Fprintf(&countries, "  %s: {name: %s}\n", c.code, strconv.Quote(c.name))
		fmt.Fprintf(&release, "  %s:\n    2026: {gdp_musd: %v, share_pct: %v, defence_musd: %v}\n", c.code, c.gdp, c.share, c.share/100*c.gdp)
		codes = append(codes, c.code)
	}
	groups := "kind: groups\ncitation: natospend test fixture\ngroups:\n  misread:\n    name: Misread names\n    members: [" + strings.Join(codes, ", ") + "]\n"
	for name, content := range map[string]string{"countries.yaml": countries.String(), "groups.yaml": groups, "release.yaml": release.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSpreadsheetXLSXLibreOffice(t *testing.T) {
	soffice := testenv.Soffice(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	tmp := t.TempDir()
	data, in, out := filepath.Join(tmp, "data"), filepath.Join(tmp, "in"), filepath.Join(tmp, "out")
	for _, d := range []string{data, in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeXLSXData(t, data)
	run := func(file string, extra ...string) {
		args := append([]string{"gap", "--data", data, "--group", "misread", "--target", "2", "--year", "2026",
			"--release", xlsxRelease, "--quiet", "--output", filepath.Join(in, file)}, extra...)
		ios, _, stdout, errOut := iostreams.Test()
		if code := cli.Main(args, ios); code != 0 || stdout.Len() != 0 || errOut.Len() != 0 {
			t.Fatalf("natospend %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, stdout, errOut)
		}
	}
	run("gaps.xlsx")
	run("wide.xlsx", "--target", "2,3.5", "--layout", "wide")
	testenv.ConvertLibreOffice(t, soffice, filepath.Join(tmp, "profile"), "xlsx", out, filepath.Join(in, "gaps.xlsx"), filepath.Join(in, "wide.xlsx"))

	for _, book := range []string{"gaps.xlsx", "wide.xlsx"} {
		for n := 1; n <= 3; n++ {
			for ref, c := range testenv.ReadSheet(t, filepath.Join(out, book), n).Cells {
				if c.Formula {
					t.Errorf("%s sheet %d: %s is a formula: %+v", book, n, ref, c)
				}
			}
		}
	}
	s := testenv.ReadSheet(t, filepath.Join(out, "gaps.xlsx"), 1)
	col := map[string]string{}
	for ref, c := range s.Cells {
		if strings.HasSuffix(ref, "1") && len(ref) <= 3 && !strings.ContainsAny(ref[1:len(ref)-1], "0123456789") {
			col[c.Text] = strings.TrimSuffix(ref, "1")
		}
	}
	rowOf := map[string]string{}
	for i := 2; i <= 1+len(xlsxCountries); i++ {
		rowOf[s.Cells[col["code"]+strconv.Itoa(i)].Text] = strconv.Itoa(i)
	}
	for _, want := range xlsxCountries {
		r, ok := rowOf[want.code]
		if !ok {
			t.Errorf("%s: no row", want.code)
			continue
		}
		if c := s.Cells[col["name"]+r]; !c.IsText() || c.Text != want.name {
			t.Errorf("%s name: %+v, want the text %q exactly", want.code, c, want.name)
		}
		for key, v := range map[string]float64{"year": 2026, "gdp_musd": want.gdp, "share_pct": want.share, "target_pct": 2, "gap_musd": want.gap} {
			c := s.Cells[col[key]+r]
			got, err := strconv.ParseFloat(c.Text, 64)
			if !c.IsNumber() || err != nil || abs(got-v) > 1e-9 {
				t.Errorf("%s %s: %+v, want the number %v", want.code, key, c, v)
			}
		}
	}
	src := testenv.ReadSheet(t, filepath.Join(out, "gaps.xlsx"), 3)
	for ref, want := range map[string]string{"A1": "release", "A2": xlsxRelease, "C2": "natospend tests", "D2": "2026-01-01", "F2": "https://example.org/natospend-xlsx-test"} {
		if c := src.Cells[ref]; !c.IsText() || c.Text != want {
			t.Errorf("Sources %s = %+v, want %q", ref, c, want)
		}
	}
	// The wide layout: one row per country, names still text.
	w := testenv.ReadSheet(t, filepath.Join(out, "wide.xlsx"), 1)
	rows := map[string]bool{}
	for ref := range w.Cells {
		rows[strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")] = true
	}
	if len(rows) != 1+len(xlsxCountries) {
		t.Errorf("wide: %d rows, want a header and %d", len(rows), len(xlsxCountries))
	}
	if c := w.Cells["B2"]; !c.IsText() {
		t.Errorf("wide B2 = %+v, want a name as text", c)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
