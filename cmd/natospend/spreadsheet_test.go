//go:build unix

package main

// An end-to-end test of natospend's CSV in a real spreadsheet program:
// LibreOffice Calc, headless (Debian's libreoffice-calc-nogui; CI installs
// it with .ci/install-spreadsheet). natospend writes the CSV of countries
// with hostile names from a user data file, LibreOffice imports it and saves
// it as xlsx, and the test reads the cells back from the xlsx (a zip of XML
// files) with the standard library.
//
// What LibreOffice (7.4, Debian 12) does, found by running it and asserted
// below:
//
//   - The formula guard works: a name that starts with '=', '+', '-' or '@'
//     arrives as a text cell, never a formula. The control file below proves
//     that the same import does turn an unguarded "=1+1" into a formula.
//   - The guard's apostrophe stays in the cell: the CSV import keeps
//     "'=HYPERLINK(...)" as the cell's text, apostrophe included (the xlsx
//     shared string is "'=HYPERLINK(...)"). So a spreadsheet user sees the
//     apostrophe, and a lookup on the name must include it.
//   - Without the guard, "=..." cells become formulas, and "+1" even becomes
//     the number 1: the name is lost ("@SUM(1)" and "-1+2" stay text in
//     LibreOffice, but OWASP lists '@', '+' and '-' as formula starts in
//     Excel).
//   - With the UTF-8 character set chosen (76 in --infilter) a BOM is
//     dropped: the first header is "code", not "\ufeffcode".
//   - Decimal commas (--decimal-comma, ';' delimiter) depend on the import
//     locale: in an English (en-US) import "37,5" stays text (only whole
//     numbers such as "60" become numbers, so a column mixes numbers and
//     text and SUM silently skips the text); in a German (de-DE) import
//     every number arrives as a number.
//
// The import locale is set explicitly in --infilter (token 6: 1033 en-US,
// 1031 de-DE), so the result does not depend on the machine's LANG.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// hostileCountry is a made-up country of the test's data file, with its
// figures for 2026 and the results worked out by hand for a 2% target at
// NATO's published share: required = 2/100 x GDP, defence (at the published
// share) = share/100 x GDP, gap = (2 - share)/100 x GDP.
type hostileCountry struct {
	code, name string
	gdp, share float64 // inputs, million USD and % of GDP
	defence    float64 // share/100 x GDP
	required   float64 // 2/100 x GDP
	gap        float64 // required - defence; negative is a surplus
}

var hostileCountries = []hostileCountry{
	// (2 - 1.5)/100 x 1000 = 5
	{code: "XAA", name: `=HYPERLINK("http://x","y")`, gdp: 1000, share: 1.5, defence: 15, required: 20, gap: 5},
	// (2 - 2.5)/100 x 2000 = -10: a surplus
	{code: "XAB", name: "@SUM(1)", gdp: 2000, share: 2.5, defence: 50, required: 40, gap: -10},
	// (2 - 0.75)/100 x 1234.5 = 15.43125
	{code: "XAC", name: "+1", gdp: 1234.5, share: 0.75, defence: 9.25875, required: 24.69, gap: 15.43125},
	// (2 - 3.25)/100 x 640 = -8: a surplus
	{code: "XAD", name: "-1+2", gdp: 640, share: 3.25, defence: 20.8, required: 12.8, gap: -8},
	// Non-ASCII, no guard: (2 - 1.25)/100 x 3000 = 22.5
	{code: "XTR", name: "Ťëšť Ürkïyé", gdp: 3000, share: 1.25, defence: 37.5, required: 60, gap: 22.5},
}

// A name led by a tab ("\t=1", a formula trigger too) is left out of the
// data: the loader refuses every control character in text, tab included,
// so it cannot reach a CSV (TestSpreadsheetTabLedNameIsRefused).

const hostileRelease = "test-hostile-2026"

// writeHostileData writes a user data directory: the countries, a group
// "hostile" of them, and a defence release with their 2026 figures.
func writeHostileData(t *testing.T, dir string) {
	t.Helper()
	var countries, release strings.Builder
	var codes []string
	countries.WriteString("kind: countries\ncitation: natospend test fixture, not real countries\ncountries:\n")
	release.WriteString("kind: release\nid: " + hostileRelease + "\nseries: defence\ntitle: Hostile names (test fixture)\n" +
		"publisher: natospend tests\npublished: 2026-01-01\nurl: https://example.org/natospend-test\nfigures:\n")
	for _, c := range hostileCountries {
		// strconv.Quote writes a valid YAML double-quoted scalar for these
		// names: \" escapes, non-ASCII letters kept as they are.
		fmt.Fprintf(&countries, "  %s: {name: %s}\n", c.code, strconv.Quote(c.name))
		fmt.Fprintf(&release, "  %s:\n    2026: {gdp_musd: %v, share_pct: %v, defence_musd: %v}\n", c.code, c.gdp, c.share, c.defence)
		codes = append(codes, c.code)
	}
	groups := "kind: groups\ncitation: natospend test fixture\ngroups:\n  hostile:\n    name: Hostile names\n    members: [" + strings.Join(codes, ", ") + "]\n"
	for name, content := range map[string]string{"countries.yaml": countries.String(), "groups.yaml": groups, "release.yaml": release.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runGapCSV runs natospend in-process and returns its stdout.
func runGapCSV(t *testing.T, dataDir string, extra ...string) []byte {
	t.Helper()
	args := append([]string{"gap", "--data", dataDir, "--group", "hostile", "--target", "2", "--year", "2026",
		"--release", hostileRelease, "--format", "csv", "--quiet"}, extra...) // --quiet: no note on the release named
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main(args, ios); code != 0 {
		t.Fatalf("natospend %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
	}
	if errOut.Len() != 0 {
		t.Errorf("natospend %s wrote to stderr:\n%s", strings.Join(args, " "), errOut)
	}
	return out.Bytes()
}

func TestSpreadsheetLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if testenv.CI() {
			t.Fatal("soffice not found, and CI is set: CI must run this test; install Debian's libreoffice-calc-nogui (.ci/install-spreadsheet)")
		}
		t.Skip("soffice not found: install Debian's libreoffice-calc-nogui")
	}
	// No user config file may change the output (os.UserConfigDir).
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())

	tmp := t.TempDir()
	dataDir := filepath.Join(tmp, "data")
	csvDir := filepath.Join(tmp, "csv")
	deDir := filepath.Join(tmp, "csv-de")
	for _, d := range []string{dataDir, csvDir, deDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeHostileData(t, dataDir)

	plain := runGapCSV(t, dataDir)
	bom := runGapCSV(t, dataDir, "--bom")
	semi := runGapCSV(t, dataDir, "--delimiter", ";", "--decimal-comma")
	if bytes.HasPrefix(plain, []byte("\ufeff")) || !bytes.HasPrefix(bom, []byte("\ufeffcode,")) {
		t.Fatalf("BOM: plain starts %q, --bom starts %q; want none, then EF BB BF before the header", plain[:min(8, len(plain))], bom[:min(8, len(bom))])
	}
	if !bytes.HasPrefix(semi, []byte("code;name;")) {
		t.Fatalf("--delimiter ';' output starts %q", semi[:min(20, len(semi))])
	}
	// The control: cells written without natospend's guard. If LibreOffice
	// stopped turning "=1+1" into a formula, the checks on natospend's file
	// would prove nothing, so the control must show formulas.
	control := []byte("a,b\n=1+1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n")
	files := map[string][]byte{
		filepath.Join(csvDir, "plain.csv"):   plain,
		filepath.Join(csvDir, "bom.csv"):     bom,
		filepath.Join(csvDir, "control.csv"): control,
		filepath.Join(csvDir, "semi.csv"):    semi,
		filepath.Join(deDir, "semi.csv"):     semi,
	}
	for name, b := range files {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// One profile for the whole test, so that only the first start pays
	// for creating it; one deadline for all three conversions.
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	lo := &libreOffice{bin: soffice, profile: filepath.Join(tmp, "lo-profile")}
	outEN, outSemi, outDE := filepath.Join(tmp, "xlsx-en"), filepath.Join(tmp, "xlsx-semi-en"), filepath.Join(tmp, "xlsx-semi-de")
	// Filter options: field separator (44 ',', 59 ';'), text delimiter
	// (34 '"'), character set (76 UTF-8), first line (1), column formats
	// (standard), language (1033 en-US, 1031 de-DE).
	lo.convert(t, ctx, "CSV:44,34,76,1,,1033", outEN, filepath.Join(csvDir, "plain.csv"), filepath.Join(csvDir, "bom.csv"), filepath.Join(csvDir, "control.csv"))
	lo.convert(t, ctx, "CSV:59,34,76,1,,1033", outSemi, filepath.Join(csvDir, "semi.csv"))
	lo.convert(t, ctx, "CSV:59,34,76,1,,1031", outDE, filepath.Join(deDir, "semi.csv"))

	t.Run("control", func(t *testing.T) {
		s := readSheet(t, filepath.Join(outEN, "control.xlsx"))
		for _, ref := range []string{"A2", "B2"} {
			if c := s.byRef[ref]; !c.formula {
				t.Errorf("control %s = %+v: LibreOffice did not import the unguarded cell as a formula, so the guard checks prove nothing", ref, c)
			}
		}
	})
	t.Run("comma", func(t *testing.T) {
		checkSheet(t, readSheet(t, filepath.Join(outEN, "plain.xlsx")), decimalPoint)
	})
	t.Run("bom", func(t *testing.T) {
		// The BOM is dropped by the UTF-8 import: the first header is
		// exactly "code" (checkSheet looks columns up by header name).
		checkSheet(t, readSheet(t, filepath.Join(outEN, "bom.xlsx")), decimalPoint)
	})
	t.Run("decimal-comma-en-US", func(t *testing.T) {
		checkSheet(t, readSheet(t, filepath.Join(outSemi, "semi.xlsx")), decimalCommaEnglish)
	})
	t.Run("decimal-comma-de-DE", func(t *testing.T) {
		checkSheet(t, readSheet(t, filepath.Join(outDE, "semi.xlsx")), decimalCommaGerman)
	})
}

// TestSpreadsheetTabLedNameIsRefused shows why the data has no "\t=1"
// name: the loader refuses a tab in text (YAML "\t" in a double-quoted
// string is a real tab), so natospend never writes such a cell.
func TestSpreadsheetTabLedNameIsRefused(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	file := filepath.Join(dir, "countries.yaml")
	if err := os.WriteFile(file, []byte("kind: countries\ncitation: test\ncountries:\n  XAE: {name: \"\\t=1\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	code := cli.Main([]string{"gap", "--data", file, "--country", "XAE", "--format", "csv"}, ios)
	if code == 0 || out.Len() != 0 || !strings.Contains(errOut.String(), "control character U+0009") {
		t.Errorf("a tab-led name: exit %d, stdout %q, stderr %q; want a data error about the control character U+0009 and no output", code, out, errOut)
	}
}

// How a numeric column is expected to arrive.
type numberStyle int

const (
	decimalPoint        numberStyle = iota // "1.5": a number
	decimalCommaGerman                     // "1,5" in a de-DE import: a number
	decimalCommaEnglish                    // "1,5" in an en-US import: text "1,5"; whole numbers are numbers
)

func checkSheet(t *testing.T, s *sheet, style numberStyle) {
	t.Helper()
	for _, c := range s.cells {
		if c.formula {
			t.Errorf("cell %s is a formula: %+v", c.ref, c)
		}
	}
	if len(s.rows) != 1+len(hostileCountries) {
		t.Fatalf("%d rows, want a header and %d countries", len(s.rows), len(hostileCountries))
	}
	if got := s.rows[0]["A"].text; got != "code" {
		t.Errorf("A1 = %q, want \"code\" (a BOM must not reach the header)", got)
	}
	byCode := map[string]map[string]cell{}
	for _, row := range s.rows[1:] {
		byCode[s.get(t, row, "code").text] = row
	}
	for _, want := range hostileCountries {
		row, ok := byCode[want.code]
		if !ok {
			t.Errorf("%s: no row (codes: %v)", want.code, keys(byCode))
			continue
		}
		// The guard: a name that would be a formula keeps natospend's
		// leading apostrophe in the cell text (LibreOffice's CSV import
		// does not strip it); any other name arrives exactly as written.
		wantName := want.name
		if strings.ContainsRune("=+-@", rune(want.name[0])) {
			wantName = "'" + want.name
		}
		checkText(t, want.code+" name", s.get(t, row, "name"), wantName)
		checkNumber(t, want.code+" year", s.get(t, row, "year"), 2026, style)
		checkNumber(t, want.code+" gdp_musd", s.get(t, row, "gdp_musd"), want.gdp, style)
		checkNumber(t, want.code+" share_pct", s.get(t, row, "share_pct"), want.share, style)
		checkNumber(t, want.code+" target_pct", s.get(t, row, "target_pct"), 2, style)
		checkNumber(t, want.code+" required_musd", s.get(t, row, "required_musd"), want.required, style)
		checkNumber(t, want.code+" gap_musd", s.get(t, row, "gap_musd"), want.gap, style)
		checkNumber(t, want.code+" defence_musd", s.get(t, row, "defence_musd"), want.defence, style)
	}
}

func checkText(t *testing.T, what string, c cell, want string) {
	t.Helper()
	if c.formula || (c.typ != "s" && c.typ != "inlineStr") || c.text != want {
		t.Errorf("%s: cell %s = %+v, want the text %q", what, c.ref, c, want)
	}
}

func checkNumber(t *testing.T, what string, c cell, want float64, style numberStyle) {
	t.Helper()
	if style == decimalCommaEnglish && want != math.Trunc(want) {
		// An en-US import does not read a decimal comma: the cell is the
		// text natospend wrote.
		checkText(t, what, c, strings.Replace(strconv.FormatFloat(want, 'f', -1, 64), ".", ",", 1))
		return
	}
	if c.formula || (c.typ != "n" && c.typ != "") {
		t.Errorf("%s: cell %s = %+v, want the number %v", what, c.ref, c, want)
		return
	}
	got, err := strconv.ParseFloat(c.text, 64)
	if err != nil || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s: cell %s = %q, want %v", what, c.ref, c.text, want)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// libreOffice runs soffice with its own profile directory, so that it
// neither clashes with a LibreOffice the user has open nor touches the
// user's profile.
type libreOffice struct {
	bin, profile string
}

// convert converts the CSV files to xlsx in outDir with the given import
// filter options, and checks that every xlsx was written (soffice exits 0
// even when a conversion fails).
func (lo *libreOffice) convert(t *testing.T, ctx context.Context, filter, outDir string, files ...string) {
	t.Helper()
	profile := (&url.URL{Scheme: "file", Path: lo.profile}).String()
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore",
		"--infilter=" + filter, "--convert-to", "xlsx", "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, lo.bin, args...)
	// soffice is a shell script that starts oosplash and soffice.bin: on a
	// timeout, end the whole process group it leads, not just the script.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("soffice --infilter=%s, %d file(s): %v", filter, len(files), time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("soffice %s: %v (%v)\n%s", strings.Join(args, " "), err, ctx.Err(), out)
	}
	for _, f := range files {
		x := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), ".csv")+".xlsx")
		if _, err := os.Stat(x); err != nil {
			t.Fatalf("soffice did not write %s: %v\nsoffice %s\n%s", x, err, strings.Join(args, " "), out)
		}
	}
}

// A cell as the xlsx stores it.
type cell struct {
	ref     string // "B2"
	typ     string // the t attribute: s (shared string), str (formula text), inlineStr, b, e, n or "" (number)
	formula bool   // the cell has an <f> element
	text    string // the shown value: the string for s/inlineStr, else <v>
}

type sheet struct {
	cells  []cell
	byRef  map[string]cell
	rows   []map[string]cell // by column letters, in row order
	header map[string]string // header text -> column letters
}

// get returns the cell of row in the column headed name (a zero cell for
// an empty one: LibreOffice writes no element for an empty cell).
func (s *sheet) get(t *testing.T, row map[string]cell, name string) cell {
	t.Helper()
	col, ok := s.header[name]
	if !ok {
		t.Fatalf("no column %q in the header row", name)
	}
	return row[col]
}

// XML of an xlsx worksheet and shared string table (ECMA-376 SpreadsheetML).
type xmlSheet struct {
	Rows []struct {
		Cells []struct {
			Ref  string  `xml:"r,attr"`
			Type string  `xml:"t,attr"`
			F    *string `xml:"f"`
			V    string  `xml:"v"`
			IS   xmlText `xml:"is"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

type xmlText struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (x xmlText) String() string {
	s := x.T
	for _, r := range x.Runs {
		s += r.T
	}
	return s
}

type xmlSST struct {
	Items []xmlText `xml:"si"`
}

func readSheet(t *testing.T, path string) *sheet {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string, v any) {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err == nil {
			err = xml.Unmarshal(b, v)
		}
		if err != nil {
			t.Fatalf("%s: %s: %v", path, name, err)
		}
	}
	var sst xmlSST
	if _, err := zr.Open("xl/sharedStrings.xml"); err == nil {
		read("xl/sharedStrings.xml", &sst)
	}
	var xs xmlSheet
	read("xl/worksheets/sheet1.xml", &xs)

	s := &sheet{byRef: map[string]cell{}, header: map[string]string{}}
	for _, xr := range xs.Rows {
		row := map[string]cell{}
		for _, xc := range xr.Cells {
			c := cell{ref: xc.Ref, typ: xc.Type, formula: xc.F != nil, text: xc.V}
			switch xc.Type {
			case "s":
				i, err := strconv.Atoi(xc.V)
				if err != nil || i < 0 || i >= len(sst.Items) {
					t.Fatalf("%s: cell %s: bad shared string index %q", path, xc.Ref, xc.V)
				}
				c.text = sst.Items[i].String()
			case "inlineStr":
				c.text = xc.IS.String()
			}
			row[strings.TrimRight(xc.Ref, "0123456789")] = c
			s.cells = append(s.cells, c)
			s.byRef[xc.Ref] = c
		}
		s.rows = append(s.rows, row)
	}
	if len(s.rows) > 0 {
		for col, c := range s.rows[0] {
			s.header[c.text] = col
		}
	}
	return s
}
