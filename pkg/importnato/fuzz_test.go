package importnato

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/xlsx"
)

// xlsxOf writes sheets of cells as an .xlsx file: texts inline, numbers
// with the number format of their cell (a style per format).
func xlsxOf(t testing.TB, sheets []Sheet) []byte {
	t.Helper()
	const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	formats := map[string]int{"": 0}
	var fmts, xfs strings.Builder
	xfs.WriteString(`<xf numFmtId="0"/>`)
	style := func(code string) int {
		if i, ok := formats[code]; ok {
			return i
		}
		i := len(formats)
		formats[code] = i
		fmt.Fprintf(&fmts, `<numFmt numFmtId="%d" formatCode="%s"/>`, 163+i, html.EscapeString(code))
		fmt.Fprintf(&xfs, `<xf numFmtId="%d"/>`, 163+i)
		return i
	}
	var book, rels, types strings.Builder
	var parts []part
	for i, sh := range sheets {
		var x strings.Builder
		x.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + main + `"><sheetData>`)
		for _, r := range sh.Rows {
			fmt.Fprintf(&x, `<row r="%d">`, r.Index)
			for _, c := range r.Cells {
				s := ""
				if c.Format != "" {
					s = fmt.Sprintf(` s="%d"`, style(c.Format))
				}
				switch c.Type {
				case xlsx.Text:
					fmt.Fprintf(&x, `<c r="%s" t="inlineStr"%s><is><t>%s</t></is></c>`, c.Ref, s, html.EscapeString(c.Text))
				case xlsx.Number:
					fmt.Fprintf(&x, `<c r="%s"%s><v>%s</v></c>`, c.Ref, s, strconv.FormatFloat(c.Num, 'g', -1, 64))
				case xlsx.Error:
					fmt.Fprintf(&x, `<c r="%s" t="e"><v>%s</v></c>`, c.Ref, html.EscapeString(c.Text))
				}
			}
			x.WriteString("</row>")
		}
		x.WriteString("</sheetData></worksheet>")
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		parts = append(parts, part{name, x.String()})
		fmt.Fprintf(&book, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(sh.Name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, rel, i+1)
		fmt.Fprintf(&types, `<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, name)
	}
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>`, len(sheets)+1, rel)
	parts = append(parts,
		part{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() + `</Types>`},
		part{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		part{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets>` + book.String() + `</sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
		part{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + main + `"><numFmts>` + fmts.String() + `</numFmts><cellXfs>` + xfs.String() + `</cellXfs></styleSheet>`},
	)
	return zipOf(t, parts)
}

// part is one file of an .xlsx package.
type part struct{ name, body string }

// zipOf writes the parts as a zip archive, in order.
func zipOf(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXOf: the seeds the fuzz target builds are workbooks that import:
// minimal() written as a file and read back gives the release minimal()
// gives, and so do its shares as fractions with a percent format.
func TestXLSXOf(t *testing.T) {
	want := mustImport(t, minimal()).Release
	for _, pct := range []bool{false, true} {
		wb := minimal()
		if pct {
			for i := range wb.Sheets[1].Rows {
				for j := range wb.Sheets[1].Rows[i].Cells {
					if c := &wb.Sheets[1].Rows[i].Cells[j]; c.Type == xlsx.Number && c.Row > 8 {
						c.Num, c.Format = c.Num/100, "0.00%"
					}
				}
			}
		}
		res, err := importBytes("240617-test.xlsx", xlsxOf(t, wb.Sheets))
		if err != nil {
			t.Fatal(err)
		}
		sameFigures(t, fmt.Sprintf("percent %v", pct), res.Release, want)
	}
}

func importBytes(name string, data []byte) (*Result, error) {
	wb, err := xlsx.OpenBytes(name, data, xlsx.DefaultLimits())
	if err != nil {
		return nil, err
	}
	book, err := Read(wb)
	if err != nil {
		return nil, err
	}
	return Import(book, snapshot.Dataset(), Options{ID: "fuzz", Published: "2024-06-17"})
}

// FuzzImport runs the importer end to end on any bytes: open the
// workbook, import it, write the release file, and load it onto the
// embedded data as `natospend validate` does. A workbook is refused with
// an error naming the file, of bounded length, or gives a release file
// that loads, with the figures imported. Seeds: NATO's workbook (when the
// shared data is there), workbooks built from the tests' tables, and
// hostile ones: issue 20's amplifying workbook, not a zip, a DTD, cells
// out of order, a style out of range.
func FuzzImport(f *testing.F) {
	const name = "240617-fuzz.xlsx"
	if dir := os.Getenv(testenv.SharedEnv); dir != "" {
		if data, err := os.ReadFile(filepath.Join(dir, "workbooks", workbookName)); err == nil {
			f.Add(data)
		}
	}
	wb := minimal()
	f.Add(xlsxOf(f, wb.Sheets))
	wb.Sheets = append(wb.Sheets, simple{"Table 1 : Defence expenditure", "Million national currency units",
		[]string{"Constant 2015 prices", "Current prices"},
		[][]float64{{32542.519, 38973.374, 72643.479, 112343.19, 71.64, 96.69}, {40256.139, 49842.376, 100735.232, 159691.469, 105.7732, 150.0704}}}.build("T1"))
	f.Add(xlsxOf(f, wb.Sheets))
	pct := minimal()
	for i := range pct.Sheets[3].Rows {
		for j := range pct.Sheets[3].Rows[i].Cells {
			if c := &pct.Sheets[3].Rows[i].Cells[j]; c.Type == xlsx.Number && c.Row > 8 {
				c.Num, c.Format = c.Num/100, "0.0%"
			}
		}
	}
	pct.Sheets[0].Rows[2].Cells[0].Format = "yyyy"
	f.Add(xlsxOf(f, pct.Sheets))
	long := "Table 2 : Defence expenditure " + strings.Repeat("x", 131_000)
	var rows strings.Builder
	for r := 1; r <= 40; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="B%d" t="s"><v>0</v></c><c r="C%d" t="s"><v>0</v></c></row>`, r, r, r)
	}
	f.Add(bookOf(f, "TABLE2", rows.String(), []string{long}))
	f.Add(bookOf(f, "TABLE2", `<row r="2"><c r="C2"><v>1</v></c><c r="B2"><v>2</v></c></row>`, nil))
	f.Add(bookOf(f, "TABLE2", `<row r="2"><c r="B2" s="7"><v>1</v></c></row>`, nil))
	f.Add(bookOf(f, "T", `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="B3"><v>2019</v></c><c r="C3" t="inlineStr"><is><t>2019p</t></is></c></row>`, []string{"Table 3 : Defence expenditure as a share of GDP"}))
	f.Add([]byte("not a zip"))
	f.Add([]byte{})
	f.Add([]byte(strings.Replace(string(bookOf(f, "S", "", nil)), "<worksheet", "<!DOCTYPE x><worksheet", 1)))
	base := snapshot.Dataset()
	countries := len(base.Countries)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := importBytes(name, data)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, name+": ") {
				t.Fatalf("an error that does not name the file: %q", cut(msg, 500))
			}
			if len(msg) > 256<<10 {
				t.Fatalf("an error of %d bytes", len(msg))
			}
			return
		}
		var b bytes.Buffer
		if err := res.Encode(&b, "fuzz"); err != nil {
			t.Fatalf("imported, but the release does not encode: %v", err)
		}
		if b.Len() > 16<<20 {
			t.Fatalf("a release file of %d bytes", b.Len())
		}
		ds, err := dataset.LoadOnto(snapshot.Dataset(), []dataset.Source{{Name: "fuzz.yaml", Data: b.Bytes()}})
		if err != nil {
			t.Fatalf("imported, but the release file does not load: %v", err)
		}
		r := ds.Releases["fuzz"]
		if r == nil || len(ds.Countries) != countries {
			t.Fatalf("the release loaded is missing, or added countries")
		}
		if got, want := r.CountryYears(), res.Release.CountryYears(); got != want {
			t.Fatalf("the release file loads with %d country-years, imported %d", got, want)
		}
	})
}
