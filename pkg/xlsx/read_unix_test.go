//go:build unix

package xlsx

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestReadLibreOffice reads workbooks written by LibreOffice Calc
// (headless; see write_unix_test.go): NATO's workbook saved again by
// LibreOffice reads to the same values, and a workbook whose formulas have
// no cached value, refused as it is, reads once LibreOffice has computed
// and saved it, as the error advises.
func TestReadLibreOffice(t *testing.T) {
	soffice := Soffice(t)
	real := rdRealBook(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(real)
	if err != nil {
		t.Fatal(err)
	}
	formulas := oneSheet(`<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*21</f></c><c r="C1" t="str"><f>"n="&amp;B1</f></c></row>`)
	for name, b := range map[string][]byte{"nato.xlsx": data, "formulas.xlsx": rdZip(t, formulas)} {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = rdOpenRows(t, filepath.Join(in, "formulas.xlsx"), "S")
	assertErr(t, err, filepath.Join(in, "formulas.xlsx")+": sheet S, cell B1: formula without a cached value (open the workbook in a spreadsheet program, let it compute, and save it)")
	ConvertLibreOffice(t, soffice, filepath.Join(dir, "profile"), "xlsx", out, filepath.Join(in, "nato.xlsx"), filepath.Join(in, "formulas.xlsx"))

	rows, err := rdOpenRows(t, filepath.Join(out, "formulas.xlsx"), "S")
	if err != nil {
		t.Fatal(err)
	}
	want := []Cell{
		{Ref: "A1", Col: 1, Row: 1, Type: Number, Text: "2", Num: 2},
		{Ref: "B1", Col: 2, Row: 1, Type: Number, Text: "42", Num: 42, Formula: true},
		{Ref: "C1", Col: 3, Row: 1, Type: Text, Text: "n=42", Formula: true},
	}
	if len(rows) != 1 || len(rows[0].Cells) != 3 {
		t.Fatalf("rows %+v, want %+v", rows, want)
	}
	for i, c := range rows[0].Cells {
		if c != want[i] {
			t.Errorf("%s: %+v, want %+v", want[i].Ref, c, want[i])
		}
	}

	orig, err := Open(real, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	lo, err := Open(filepath.Join(out, "nato.xlsx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lo.Sheets) != len(orig.Sheets) {
		t.Fatalf("LibreOffice's sheets %q, want %q", lo.Sheets, orig.Sheets)
	}
	n := 0
	for i, sheet := range orig.Sheets {
		if lo.Sheets[i] != sheet {
			t.Errorf("sheet %d: %q, want %q", i+1, lo.Sheets[i], sheet)
		}
		a, err := orig.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		b, err := lo.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]Cell{}
		for _, r := range b {
			for _, c := range r.Cells {
				got[c.Ref] = c
			}
		}
		for _, r := range a {
			for _, c := range r.Cells {
				n++
				g, ok := got[c.Ref]
				switch {
				case !ok || g.Type != c.Type || g.Formula && c.Type != Error:
					// LibreOffice saves NATO's #REF! errors as the
					// formula =#REF!, with the value #REF!.
					t.Errorf("%s %s: LibreOffice's %+v, want %+v", sheet, c.Ref, g, c)
				case c.Type == Number:
					// LibreOffice writes numbers with 15 to 17 significant
					// digits: the same to within a rounding.
					if math.Abs(g.Num-c.Num) > 1e-14*math.Abs(c.Num) {
						t.Errorf("%s %s: LibreOffice's %s, want %s", sheet, c.Ref, g.Text, c.Text)
					}
				case g.Text != c.Text:
					t.Errorf("%s %s: LibreOffice's %q, want %q", sheet, c.Ref, g.Text, c.Text)
				}
				delete(got, c.Ref)
			}
		}
		for ref, c := range got {
			t.Errorf("%s %s: LibreOffice's %+v, not in NATO's", sheet, ref, c)
		}
	}
	if n != 6208 {
		t.Errorf("%d cells compared, want 6208", n)
	}
}

// rdOpenRows opens the workbook at path and reads a sheet.
func rdOpenRows(t *testing.T, path, sheet string) ([]Row, error) {
	t.Helper()
	wb, err := Open(path, Limits{})
	if err != nil {
		return nil, err
	}
	return wb.Rows(sheet)
}
