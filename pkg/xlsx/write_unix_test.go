//go:build unix

package xlsx

// The writer's workbook in a real spreadsheet program: LibreOffice Calc,
// headless (Debian's libreoffice-calc-nogui; CI installs it with
// .ci/install-spreadsheet). LibreOffice opens the workbook and saves it
// again as xlsx; the test reads what LibreOffice understood from its own
// file with the standard library: every text a string, every number a
// number, nothing a formula, the header frozen, the filter and the number
// formats kept. A control file with a real formula proves that a formula
// would show.

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
)

func TestWriteLibreOffice(t *testing.T) {
	soffice := Soffice(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s := testSheet()
	data := writeBytes(t, s, Sheet{Name: "Sources", Columns: []Column{{Title: "note", Kind: KindText}}, Rows: [][]Value{{{Text: "=1+1"}}}})
	// The control: the same workbook with B2 a formula.
	control := replacePart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
		i := strings.Index(x, `<c r="B2"`)
		j := i + strings.Index(x[i:], "</c>") + len("</c>")
		return x[:i] + `<c r="B2"><f>1+1</f></c>` + x[j:]
	})
	for name, b := range map[string][]byte{"book.xlsx": data, "control.xlsx": control} {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	testenv.ConvertLibreOffice(t, soffice, filepath.Join(dir, "profile"), "xlsx", out, filepath.Join(in, "book.xlsx"), filepath.Join(in, "control.xlsx"))

	if c := testenv.ReadSheet(t, filepath.Join(out, "control.xlsx"), 1).Cells["B2"]; !c.Formula {
		t.Fatalf("control B2 = %+v: LibreOffice's file shows no formula, so the checks below prove nothing", c)
	}
	got := testenv.ReadSheet(t, filepath.Join(out, "book.xlsx"), 1)
	for ref, c := range got.Cells {
		if c.Formula {
			t.Errorf("%s is a formula: %+v", ref, c)
		}
	}
	for i, name := range hostileNames {
		c := got.Cells["B"+strconv.Itoa(i+2)]
		if !c.IsText() || c.Text != name {
			t.Errorf("B%d = %+v, want the text %q", i+2, c, name)
		}
	}
	// LibreOffice saves 15 significant digits: 0.30000000000000004 is 0.3.
	for ref, want := range map[string]float64{"C2": 2026, "D2": 1474399.48, "D3": -1234.56, "E2": 2.58, "G2": 0.3} {
		c := got.Cells[ref]
		v, err := strconv.ParseFloat(c.Text, 64)
		if !c.IsNumber() || err != nil || v != want {
			t.Errorf("%s = %+v, want the number %v", ref, c, want)
		}
	}
	// A flag, the number 1 or 0 with the TRUE/FALSE format, is what
	// LibreOffice calls a boolean: it saves it as t="b", not a formula.
	for ref, want := range map[string]string{"F2": "0", "F3": "1"} {
		if c := got.Cells[ref]; c.Formula || c.Type != "b" || c.Text != want {
			t.Errorf("%s = %+v, want the boolean %s", ref, c, want)
		}
	}
	for _, ref := range []string{"C3", "G3"} {
		if c, ok := got.Cells[ref]; ok && c.Text != "" {
			t.Errorf("%s = %+v, want an empty cell", ref, c)
		}
	}
	for ref, want := range map[string]string{"D2": "#,##0.0", "E2": "0.00", "C2": "0", "F2": `"TRUE";"TRUE";"FALSE"`, "B2": "@"} {
		if f := got.NumFmt[ref]; f != want {
			t.Errorf("%s: number format %q, want %q", ref, f, want)
		}
	}
	// Not checked here: the frozen header. LibreOffice without a window
	// has no view to keep it in, and saves the default view whoever wrote
	// the file (excelize's own frozen pane is lost the same way);
	// TestWriteReadBackExcelize checks the pane.
	if got.AutoFilter != "A1:G19" {
		t.Errorf("autofilter %q, want A1:G19", got.AutoFilter)
	}
	if c := testenv.ReadSheet(t, filepath.Join(out, "book.xlsx"), 2).Cells["A2"]; !c.IsText() || c.Text != "=1+1" {
		t.Errorf("Sources!A2 = %+v, want the text =1+1", c)
	}

	// What LibreOffice shows: the first sheet saved as CSV, cells as
	// shown, every text cell quoted (filter token 7), en-US.
	testenv.ConvertLibreOffice(t, soffice, filepath.Join(dir, "profile"), `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true`, out, filepath.Join(in, "book.xlsx"))
	shown, err := os.ReadFile(filepath.Join(out, "book.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(shown), "\n", 4)
	want := []string{
		`"code","name","year","gdp_musd","share_pct","estimate","population_m"`,
		`"XA","1234",2026,"1,474,399.5",2.58,FALSE,0.30`,
		`"XB","TRUE",,"-1,234.6",2.50,TRUE,`,
	}
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Errorf("LibreOffice shows line %d as\n%s\nwant\n%s", i+1, lines[min(i, len(lines)-1)], w)
		}
	}
}

// replacePart returns the zip data with one part's text changed.
func replacePart(t *testing.T, data []byte, name string, change func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b = []byte(change(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Soffice and ConvertLibreOffice are testenv's, for this package's tests
// (read_unix_test.go uses them too).
func Soffice(t *testing.T) string { t.Helper(); return testenv.Soffice(t) }

func ConvertLibreOffice(t *testing.T, soffice, profile, format, outDir string, files ...string) {
	t.Helper()
	testenv.ConvertLibreOffice(t, soffice, profile, format, outDir, files...)
}
