package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
	"github.com/xuri/excelize/v2"
)

// rdPart is one part of a zip built by a test: its body is Body, or what
// Gen writes.
type rdPart struct {
	Name string
	Body string
	Gen  func(w io.Writer)
}

// rdZip builds a zip of the parts, in order, each deflated but the empty
// ones.
func rdZip(t testing.TB, parts []rdPart) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.Name, Method: zip.Deflate}
		if p.Body == "" && p.Gen == nil {
			h.Method = zip.Store // quick, for many parts
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if p.Gen != nil {
			p.Gen(w)
		} else if _, err := io.WriteString(w, p.Body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const rdNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// rdSheetXML wraps the rows of a sheet (<row> elements) in a worksheet.
func rdSheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + rdNS + `><dimension ref="A1"/><sheetData>` + rows + `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

// rdBook returns the parts of a valid workbook with the named sheets (each
// given by its rows) and the shared strings (each an <si>'s content).
func rdBook(sheets [][2]string, sst []string) []rdPart {
	var ct, wbSheets, wbRels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	var parts []rdPart
	for i, s := range sheets {
		n := strconv.Itoa(i + 1)
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%s.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%s" r:id="rId%s"/>`, s[0], n, n)
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%s.xml"/>`, n, n)
		parts = append(parts, rdPart{Name: "xl/worksheets/sheet" + n + ".xml", Body: rdSheetXML(s[1])})
	}
	if sst != nil {
		ct.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		wbRels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(sst), len(sst))
		for _, s := range sst {
			b.WriteString("<si>" + s + "</si>")
		}
		b.WriteString("</sst>")
		parts = append(parts, rdPart{Name: "xl/sharedStrings.xml", Body: b.String()})
	}
	ct.WriteString(`</Types>`)
	head := []rdPart{
		{Name: "[Content_Types].xml", Body: ct.String()},
		{Name: "_rels/.rels", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{Name: "xl/workbook.xml", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<workbook ` + rdNS + `><sheets>` + wbSheets.String() + `</sheets></workbook>`},
		{Name: "xl/_rels/workbook.xml.rels", Body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + wbRels.String() + `</Relationships>`},
	}
	return append(head, parts...)
}

// rdSet returns parts with the body of the named part replaced (or added).
func rdSet(parts []rdPart, p rdPart) []rdPart {
	out := append([]rdPart(nil), parts...)
	for i := range out {
		if out[i].Name == p.Name {
			out[i] = p
			return out
		}
	}
	return append(out, p)
}

// rdEdit returns parts with the named part's body changed by edit.
func rdEdit(t testing.TB, parts []rdPart, name string, edit func(string) string) []rdPart {
	t.Helper()
	for _, p := range parts {
		if p.Name == name {
			p.Body = edit(p.Body)
			return rdSet(parts, p)
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// rdWithout returns parts without the named one.
func rdWithout(parts []rdPart, name string) []rdPart {
	var out []rdPart
	for _, p := range parts {
		if p.Name != name {
			out = append(out, p)
		}
	}
	return out
}

// rdTypesSST are the shared strings of rdTypesBook: plain, rich text in
// runs (with a phonetic hint that is not text), an escaped carriage
// return, and spaces kept.
var rdTypesSST = []string{
	`<t>Germany</t>`,
	`<r><rPr><b/></rPr><t>Pol</t></r><r><t xml:space="preserve">and* </t></r><rPh sb="0" eb="1"><t>ポ</t></rPh>`,
	`<t>a_x000D_b</t>`,
	`<t xml:space="preserve">  2023e </t>`,
}

// rdTypesRows is a sheet with every kind of cell.
const rdTypesRows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>97685.590083952178</v></c><c r="C1" t="n"><v>-1.5E-3</v></c><c r="D1" t="s"><v>3</v></c></row>` +
	`<row r="2" spans="1:5"><c r="A2" t="s"><v>1</v></c><c r="B2" s="3"/><c r="C2" t="inlineStr"><is><t>inline</t></is></c><c r="D2" t="inlineStr"><is><r><t>rich </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c></row>` +
	`<row r="3"/>` +
	`<row r="4" s="2" customFormat="1"><c r="A4" s="2"/><c r="B4" s="2"/></row>` +
	`<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#REF!</v></c><c r="D5" t="e"><v>#N/A</v></c></row>` +
	`<row r="7"><c r="B7"><f>SUM(B1:B2)</f><v>97685.590083952178</v></c><c r="C7" t="str"><f>A1&amp;"!"</f><v>Germany!</v></c><c r="D7" t="b"><f>TRUE()</f><v>1</v></c><c r="E7" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
	`<row r="8"><c r="A8" t="s"><v>2</v></c><c r="XFD8"><v>16384</v></c></row>` +
	`<row><c><v>1</v></c><c><v>2</v></c><c r="E9"><v>5</v></c><c><v>6</v></c></row>` +
	`<row r="1048576"><c r="A1048576"><v>45458</v></c></row>`

func rdTypesBook(t testing.TB) []byte {
	return rdZip(t, rdBook([][2]string{{"Types", rdTypesRows}, {"Second", `<row r="2"><c r="B2"><v>2</v></c></row>`}}, rdTypesSST))
}

// TestCellTypes reads every kind of cell, worked out by hand from
// rdTypesRows.
func TestCellTypes(t *testing.T) {
	wb, err := OpenBytes("types.xlsx", rdTypesBook(t), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := wb.Sheets, []string{"Types", "Second"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if wb.ExternalLinks != nil {
		t.Errorf("external links %q, want none", wb.ExternalLinks)
	}
	rows, err := wb.Rows("Types")
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{
		{1, []Cell{
			{Ref: "A1", Col: 1, Row: 1, Type: Text, Text: "Germany"},
			{Ref: "B1", Col: 2, Row: 1, Type: Number, Text: "97685.590083952178", Num: 97685.590083952178},
			{Ref: "C1", Col: 3, Row: 1, Type: Number, Text: "-1.5E-3", Num: -0.0015},
			{Ref: "D1", Col: 4, Row: 1, Type: Text, Text: "  2023e "},
		}},
		{2, []Cell{
			{Ref: "A2", Col: 1, Row: 2, Type: Text, Text: "Poland* "},
			{Ref: "C2", Col: 3, Row: 2, Type: Text, Text: "inline"},
			{Ref: "D2", Col: 4, Row: 2, Type: Text, Text: "rich inline"},
		}},
		{5, []Cell{
			{Ref: "A5", Col: 1, Row: 5, Type: Bool, Text: "TRUE", Num: 1},
			{Ref: "B5", Col: 2, Row: 5, Type: Bool, Text: "FALSE", Num: 0},
			{Ref: "C5", Col: 3, Row: 5, Type: Error, Text: "#REF!"},
			{Ref: "D5", Col: 4, Row: 5, Type: Error, Text: "#N/A"},
		}},
		{7, []Cell{
			{Ref: "B7", Col: 2, Row: 7, Type: Number, Text: "97685.590083952178", Num: 97685.590083952178, Formula: true},
			{Ref: "C7", Col: 3, Row: 7, Type: Text, Text: "Germany!", Formula: true},
			{Ref: "D7", Col: 4, Row: 7, Type: Bool, Text: "TRUE", Num: 1, Formula: true},
			{Ref: "E7", Col: 5, Row: 7, Type: Error, Text: "#DIV/0!", Formula: true},
		}},
		{8, []Cell{
			{Ref: "A8", Col: 1, Row: 8, Type: Text, Text: "a\rb"},
			{Ref: "XFD8", Col: 16384, Row: 8, Type: Number, Text: "16384", Num: 16384},
		}},
		{9, []Cell{ // a row and cells without references follow the previous ones
			{Ref: "A9", Col: 1, Row: 9, Type: Number, Text: "1", Num: 1},
			{Ref: "B9", Col: 2, Row: 9, Type: Number, Text: "2", Num: 2},
			{Ref: "E9", Col: 5, Row: 9, Type: Number, Text: "5", Num: 5},
			{Ref: "F9", Col: 6, Row: 9, Type: Number, Text: "6", Num: 6},
		}},
		{1048576, []Cell{
			{Ref: "A1048576", Col: 1, Row: 1048576, Type: Number, Text: "45458", Num: 45458}, // a date is a number
		}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n%+v\nwant:\n%+v", rows, want)
	}
	rows, err = wb.Rows("Second")
	if err != nil {
		t.Fatal(err)
	}
	if want := []Row{{2, []Cell{{Ref: "B2", Col: 2, Row: 2, Type: Number, Text: "2", Num: 2}}}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("Second: %+v, want %+v", rows, want)
	}
	// Reading a sheet again gives the same rows.
	if again, err := wb.Rows("Types"); err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("read again: %v", err)
	}
	_, err = wb.Rows("types")
	assertErr(t, err, `types.xlsx: no sheet named types (sheets: Types, Second)`)
}

// TestCellTypesExcelize checks the reader against excelize on the
// synthetic workbook of every kind of cell.
func TestCellTypesExcelize(t *testing.T) {
	rdCrossCheck(t, "types.xlsx", rdTypesBook(t))
}

// assertErr checks that err is a *ReadError whose text is want.
func assertErr(t *testing.T, err error, want string) {
	t.Helper()
	var re *ReadError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T), want a *ReadError %q", err, err, want)
	}
	if err.Error() != want {
		t.Errorf("error:\n  %s\nwant:\n  %s", err, want)
	}
}

// rdRealBook returns the path of NATO's June 2024 workbook in the shared
// data.
func rdRealBook(t *testing.T) string {
	const name = "workbooks/240617-def-exp-2024-TABLES-en.xlsx"
	return filepath.Join(testenv.SharedDir(t, name), name)
}

// TestRealWorkbook reads NATO's June 2024 workbook and checks cells by hand
// against data/nato-2024-06.yaml, which keeps amounts to 2 decimals and
// shares to 4: the workbook stores 17 significant digits, which round to
// the YAML's figures.
func TestRealWorkbook(t *testing.T) {
	path := rdRealBook(t)
	wb, err := Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"TABLE1", "TABLE2", "TABLE3", "TABLE4", "TABLE5", "TABLE6", "TABLE7", "TABLE8a", "TABLE8b"}
	if !reflect.DeepEqual(wb.Sheets, want) {
		t.Fatalf("sheets %q, want %q", wb.Sheets, want)
	}
	if wb.Name != path {
		t.Errorf("name %q, want %q", wb.Name, path)
	}
	// sha256sum ../shared/data/workbooks/240617-def-exp-2024-TABLES-en.xlsx
	if want := "94f4de63de124dd323cb6729ddf66b66a3e024b9984d21abc6cb5624773b375e"; wb.SHA256 != want {
		t.Errorf("SHA-256 %s, want %s", wb.SHA256, want)
	}
	// Its five links to NATO's internal files are only used by defined
	// names, never by a cell: it has no formula.
	if len(wb.ExternalLinks) != 5 || wb.ExternalLinks[0] != "file:///G:/03_SECDOCS/DA/fed/_input/Metrics/_2018/Templates_2018/Tables_Graphs_2018.xlsx" {
		t.Errorf("external links %q", wb.ExternalLinks)
	}
	cells := func(sheet string) map[string]Cell {
		rows, err := wb.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]Cell{}
		for _, r := range rows {
			for _, c := range r.Cells {
				m[c.Ref] = c
			}
		}
		return m
	}
	t2, t3 := cells("TABLE2"), cells("TABLE3")
	for _, tc := range []struct {
		sheet map[string]Cell
		ref   string
		typ   CellType
		text  string
	}{
		{t2, "B4", Text, "Table 2 : Defence expenditure"},
		{t2, "B6", Text, "Million US dollars"},
		// Year headers: numbers, but 2019 and the estimates are text.
		{t2, "D8", Number, "2014"},
		{t2, "H8", Number, "2018"},
		{t2, "I8", Text, "2019"},
		{t2, "L8", Number, "2022"},
		{t2, "M8", Text, "2023e"},
		{t2, "N8", Text, "2024e"},
		{t2, "C21", Text, "Germany"},
		// Germany 2024, million USD, current prices: 97685.59 in the YAML.
		{t2, "N21", Number, "97685.590083952178"},
		{t2, "C32", Text, "Poland*"},
		{t2, "B43", Text, "NATO Total"},
		{t3, "C32", Text, "Poland*"},
		// Poland 2024, share of GDP: 4.1202 in the YAML.
		{t3, "N32", Number, "4.1201909893571473"},
	} {
		c, ok := tc.sheet[tc.ref]
		if !ok || c.Type != tc.typ || c.Text != tc.text || c.Formula {
			t.Errorf("%s: %+v, want %v %q", tc.ref, c, tc.typ, tc.text)
		}
	}
	round := func(x float64, d int) float64 { p := math.Pow(10, float64(d)); return math.Round(x*p) / p }
	if got := round(t2["N21"].Num, 2); got != 97685.59 {
		t.Errorf("Germany 2024 USD rounds to %v, want 97685.59", got)
	}
	if got := round(t3["N32"].Num, 4); got != 4.1202 {
		t.Errorf("Poland 2024 share rounds to %v, want 4.1202", got)
	}
	// Errors NATO left in TABLE1 are read as errors.
	if c := cells("TABLE1")["D42"]; c.Type != Error || c.Text != "#REF!" {
		t.Errorf("TABLE1 D42: %+v, want the error #REF!", c)
	}
}

// TestRealWorkbookExcelize checks every cell of every sheet of NATO's
// workbook against excelize.
func TestRealWorkbookExcelize(t *testing.T) {
	path := rdRealBook(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := rdCrossCheck(t, filepath.Base(path), data)
	// 774+810+810+195+833+821+411+775+779 cells with a value, counted by
	// excelize too.
	if n != 6208 {
		t.Errorf("%d cells with a value, want 6208", n)
	}
}

// rdCrossCheck compares the reader with excelize, cell by cell, on every
// sheet, and returns the number of cells with a value. excelize is asked
// for raw values (RawCellValue: no number format applied), which are the
// text of <v> as stored for numbers and errors, "1"/"0" for booleans, and
// the string for strings; so the reader's Text must equal excelize's
// value (its Num, for booleans), and a number's Num must be that text
// parsed. Every cell with a value for one must have the same value for the
// other (excelize gives "" for an empty cell).
func rdCrossCheck(t *testing.T, name string, data []byte) int {
	t.Helper()
	wb, err := OpenBytes(name, data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	if got := xf.GetSheetList(); !reflect.DeepEqual(got, wb.Sheets) {
		t.Fatalf("sheets %q, excelize %q", wb.Sheets, got)
	}
	total := 0
	raw := excelize.Options{RawCellValue: true}
	for _, sheet := range wb.Sheets {
		rows, err := wb.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		mine := map[string]Cell{}
		for _, r := range rows {
			for _, c := range r.Cells {
				mine[c.Ref] = c
			}
		}
		xrows, err := xf.GetRows(sheet, raw)
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for i, xr := range xrows {
			for j, xv := range xr {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				c, ok := mine[ref]
				if !ok {
					if xv != "" {
						t.Errorf("%s %s: excelize reads %q, the reader nothing", sheet, ref, xv)
					}
					continue
				}
				seen++
				xt, err := xf.GetCellType(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				switch c.Type {
				case Number:
					f, err := strconv.ParseFloat(xv, 64)
					if xv != c.Text || err != nil || f != c.Num || (xt != excelize.CellTypeNumber && xt != excelize.CellTypeUnset && xt != excelize.CellTypeFormula) {
						t.Errorf("%s %s: number %q (%v), excelize %q (type %v)", sheet, ref, c.Text, c.Num, xv, xt)
					}
				case Bool:
					if xv != strconv.Itoa(int(c.Num)) || xt != excelize.CellTypeBool {
						t.Errorf("%s %s: boolean %s, excelize %q (type %v)", sheet, ref, c.Text, xv, xt)
					}
				case Text, Error:
					if xv != c.Text {
						t.Errorf("%s %s: %v %q, excelize %q (type %v)", sheet, ref, c.Type, c.Text, xv, xt)
					}
				default:
					t.Errorf("%s %s: type %v", sheet, ref, c.Type)
				}
				if f, _ := xf.GetCellFormula(sheet, ref); (f != "") != c.Formula {
					t.Errorf("%s %s: formula %v, excelize %q", sheet, ref, c.Formula, f)
				}
			}
		}
		if seen != len(mine) {
			t.Errorf("%s: the reader has %d cells, excelize %d of them", sheet, len(mine), seen)
		}
		total += len(mine)
	}
	return total
}

// rdOpen builds parts into a workbook and opens it with the limits.
func rdOpen(t *testing.T, name string, parts []rdPart, lim Limits) (*Workbook, error) {
	t.Helper()
	return OpenBytes(name, rdZip(t, parts), lim)
}

// rdRowsErr opens the workbook and reads its first sheet, returning the
// first error.
func rdRowsErr(t *testing.T, name string, parts []rdPart, lim Limits) error {
	t.Helper()
	wb, err := rdOpen(t, name, parts, lim)
	if err != nil {
		return err
	}
	_, err = wb.Rows(wb.Sheets[0])
	return err
}

// oneSheet is a valid workbook of one sheet "S" with the given rows and no
// shared strings.
func oneSheet(rows string) []rdPart {
	return rdBook([][2]string{{"S", rows}}, nil)
}

// TestHostile refuses each hostile or broken workbook with an error naming
// the file, and the sheet and cell where there is one.
func TestHostile(t *testing.T) {
	valid := oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	if err := rdRowsErr(t, "ok.xlsx", valid, Limits{}); err != nil {
		t.Fatalf("the base workbook: %v", err)
	}
	withLink := func(parts []rdPart) []rdPart {
		parts = rdEdit(t, parts, "xl/workbook.xml", func(s string) string {
			return strings.Replace(s, "</sheets>", `</sheets><externalReferences><externalReference r:id="rIdX"/></externalReferences>`, 1)
		})
		parts = rdEdit(t, parts, "xl/_rels/workbook.xml.rels", func(s string) string {
			return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`, 1)
		})
		parts = append(parts, rdPart{Name: "xl/externalLinks/externalLink1.xml", Body: `<externalLink ` + rdNS + `><externalBook r:id="rId1"/></externalLink>`},
			rdPart{Name: "xl/externalLinks/_rels/externalLink1.xml.rels", Body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/secret/other.xlsx" TargetMode="External"/></Relationships>`})
		return parts
	}
	billionLaughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`
	for _, tc := range []struct {
		name  string
		parts []rdPart
		lim   Limits
		want  string
	}{
		{"formula without a cached value", oneSheet(`<row r="9"><c r="C9"><f>SUM(A1:B1)</f></c></row>`), Limits{},
			"b.xlsx: sheet S, cell C9: formula without a cached value (open the workbook in a spreadsheet program, let it compute, and save it)"},
		{"shared formula without a cached value", oneSheet(`<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A2</f><v>1</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/></c></row>`), Limits{},
			"b.xlsx: sheet S, cell B3: formula without a cached value (open the workbook in a spreadsheet program, let it compute, and save it)"},
		{"string formula without a cached value", oneSheet(`<row r="1"><c r="A1" t="str"><f>"a"</f></c></row>`), Limits{},
			"b.xlsx: sheet S, cell A1: formula without a cached value (open the workbook in a spreadsheet program, let it compute, and save it)"},
		{"formula referring to another workbook", withLink(oneSheet(`<row r="2"><c r="D2"><f>[1]Sheet1!A1</f><v>5</v></c></row>`)), Limits{},
			"b.xlsx: sheet S, cell D2: formula refers to another workbook: its value comes from another file (paste the values alone into a workbook without links)"},
		{"formula referring to another workbook, quoted sheet", withLink(oneSheet(`<row r="2"><c r="D2"><f>1+'[1]My sheet'!A1</f><v>5</v></c></row>`)), Limits{},
			"b.xlsx: sheet S, cell D2: formula refers to another workbook: its value comes from another file (paste the values alone into a workbook without links)"},
		{"formula sharing one referring to another workbook", withLink(oneSheet(`<row r="2"><c r="D2"><f>2</f><v>2</v></c><c r="E2"><f t="shared" ref="E2:F2" si="3">SUM([1]S!A1:A2)</f><v>5</v></c></row>`)), Limits{},
			"b.xlsx: sheet S, cell E2: formula refers to another workbook: its value comes from another file (paste the values alone into a workbook without links)"},
		{"formula using a name referring to another workbook", rdEdit(t, withLink(oneSheet(`<row r="2"><c r="D2"><f>"[1]"&amp;Rate*2</f><v>5</v></c></row>`)), "xl/workbook.xml", func(s string) string {
			return strings.Replace(s, "</workbook>", `<definedNames><definedName name="Local">S!$A$1</definedName><definedName name="Base">[1]Sheet1!$B$2</definedName><definedName name="RATE">Base/100</definedName></definedNames></workbook>`, 1)
		}), Limits{},
			"b.xlsx: sheet S, cell D2: formula refers to another workbook: its value comes from another file (paste the values alone into a workbook without links)"},
		{"macros: vbaProject.bin", append(oneSheet(""), rdPart{Name: "xl/vbaProject.bin", Body: "\xd0\xcf\x11\xe0"}), Limits{},
			"b.xlsx: workbooks with macros are refused (it holds xl/vbaProject.bin): save it as .xlsx without macros"},
		{"macros: content type", rdEdit(t, oneSheet(""), "[Content_Types].xml", func(s string) string {
			return strings.Replace(s, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", 1)
		}), Limits{},
			`b.xlsx: workbooks with macros are refused (content type application/vnd.ms-excel.sheet.macroEnabled.main+xml): save it as .xlsx without macros`},
		{"macros: Excel 4 macro sheet", append(oneSheet(""), rdPart{Name: "xl/macrosheets/sheet1.xml", Body: "<xm:macrosheet/>"}), Limits{},
			"b.xlsx: workbooks with macros are refused (it holds xl/macrosheets/sheet1.xml): save it as .xlsx without macros"},
		{"DOCTYPE in a sheet", rdEdit(t, valid, "xl/worksheets/sheet1.xml", func(s string) string {
			return billionLaughs + s[strings.Index(s, "<worksheet"):]
		}), Limits{},
			"b.xlsx: sheet S: part xl/worksheets/sheet1.xml: XML with a DTD (<!DOCTYPE ...>) or other directive is refused"},
		{"DOCTYPE in the workbook", rdEdit(t, valid, "xl/workbook.xml", func(s string) string {
			return billionLaughs + s[strings.Index(s, "<workbook"):]
		}), Limits{},
			"b.xlsx: part xl/workbook.xml: XML with a DTD (<!DOCTYPE ...>) or other directive is refused"},
		{"DOCTYPE in the shared strings", rdSet(rdBook([][2]string{{"S", ""}}, []string{"<t>a</t>"}), rdPart{Name: "xl/sharedStrings.xml", Body: `<!DOCTYPE sst SYSTEM "file:///etc/passwd"><sst/>`}), Limits{},
			"b.xlsx: part xl/sharedStrings.xml: XML with a DTD (<!DOCTYPE ...>) or other directive is refused"},
		{"undefined entity", oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>`), Limits{},
			"b.xlsx: sheet S: part xl/worksheets/sheet1.xml: invalid XML: XML syntax error on line 2: invalid character entity &lol;"},
		{"column beyond XFD", oneSheet(`<row r="1"><c r="XFE1"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell XFE1: cell reference beyond column XFD, the edge of Excel's grid"},
		{"row beyond 1048576", oneSheet(`<row r="1048577"><c r="XFD1048577"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S: row 1048577 is beyond Excel's grid (at most 1048576 rows)"},
		{"cell beyond 1048576", oneSheet(`<row r="5"><c r="A1048577"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell A1048577: cell reference beyond row 1048576, the edge of Excel's grid"},
		{"four letters", oneSheet(`<row r="1"><c r="AAAA1"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell AAAA1: cell reference beyond column XFD, the edge of Excel's grid"},
		{"absurd row number", oneSheet(`<row r="99999999999999999999999"><c><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S: row 99999999999999999999999: not a row number"},
		{"cell after XFD", oneSheet(`<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`), Limits{},
			"b.xlsx: sheet S: row 1: a cell beyond column XFD, the edge of Excel's grid"},
		{"not a reference", oneSheet(`<row r="1"><c r="A01"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell A01: not a cell reference (such as B7)"},
		{"cell in another row", oneSheet(`<row r="1"><c r="A2"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell A2: cell in row 1"},
		{"cells repeated", oneSheet(`<row r="1"><c r="B1"><v>1</v></c><c r="B1"><v>2</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell B1: comes after B1 (cells out of order or repeated)"},
		{"rows out of order", oneSheet(`<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S: row 2 comes after row 3 (rows out of order or repeated)"},
		{"text in a number cell", oneSheet(`<row r="9"><c r="C9"><v>12,5</v></c></row>`), Limits{},
			`b.xlsx: sheet S, cell C9: number cell holds "12,5", not a number`},
		{"infinity in a number cell", oneSheet(`<row r="9"><c r="C9"><v>INF</v></c></row>`), Limits{},
			`b.xlsx: sheet S, cell C9: number cell holds INF, not a number`},
		{"number out of range", oneSheet(`<row r="9"><c r="C9"><v>1e999</v></c></row>`), Limits{},
			`b.xlsx: sheet S, cell C9: number cell holds 1e999, not a number`},
		{"shared string out of range", rdBook([][2]string{{"S", `<row r="1"><c r="A1" t="s"><v>1</v></c></row>`}}, []string{"<t>a</t>"}), Limits{},
			"b.xlsx: sheet S, cell A1: refers to shared string 1, not one of the workbook's 1"},
		{"unknown cell type", oneSheet(`<row r="1"><c r="A1" t="x"><v>1</v></c></row>`), Limits{},
			"b.xlsx: sheet S, cell A1: unknown cell type x"},
		{"duplicate sheet names", rdBook([][2]string{{"Data", ""}, {"DATA", ""}}, nil), Limits{},
			"b.xlsx: not a valid workbook: two sheets are named Data and DATA (sheet names must differ, ignoring case)"},
		{"sheet without a name", rdBook([][2]string{{"", ""}}, nil), Limits{},
			`b.xlsx: not a valid workbook: xl/workbook.xml has a sheet without a name`},
		{"missing workbook part", rdWithout(valid, "xl/workbook.xml"), Limits{},
			"b.xlsx: not a valid workbook: missing part xl/workbook.xml"},
		{"missing sheet part", rdWithout(valid, "xl/worksheets/sheet1.xml"), Limits{},
			"b.xlsx: not a valid workbook: sheet S: missing part xl/worksheets/sheet1.xml"},
		{"missing shared strings", rdWithout(rdBook([][2]string{{"S", ""}}, []string{}), "xl/sharedStrings.xml"), Limits{},
			"b.xlsx: not a valid workbook: missing part xl/sharedStrings.xml"},
		{"missing content types", rdWithout(valid, "[Content_Types].xml"), Limits{},
			"b.xlsx: not a valid workbook: missing part [Content_Types].xml"},
		{"missing package relationships", rdWithout(valid, "_rels/.rels"), Limits{},
			"b.xlsx: not a valid workbook: missing part _rels/.rels"},
		{"missing sheet relationship", rdEdit(t, valid, "xl/_rels/workbook.xml.rels", func(s string) string { return strings.Replace(s, `Id="rId1"`, `Id="rId9"`, 1) }), Limits{},
			"b.xlsx: not a valid workbook: sheet S refers to relationship rId1, missing from xl/_rels/workbook.xml.rels"},
		{"no sheet", rdBook(nil, nil), Limits{},
			"b.xlsx: not a valid workbook: xl/workbook.xml lists no sheet"},
		{"relationship leaving the package", rdEdit(t, valid, "xl/_rels/workbook.xml.rels", func(s string) string {
			return strings.Replace(s, `Target="worksheets/sheet1.xml"`, `Target="../../etc/passwd"`, 1)
		}), Limits{},
			"b.xlsx: not a valid workbook: its worksheet relationship has a target outside the file: ../../etc/passwd"},
		{"external sheet", rdEdit(t, valid, "xl/_rels/workbook.xml.rels", func(s string) string {
			return strings.Replace(s, `Target="worksheets/sheet1.xml"`, `Target="http://example.com/s.xml" TargetMode="External"`, 1)
		}), Limits{},
			`b.xlsx: not a valid workbook: sheet S is outside the file ("http://example.com/s.xml")`},
		{"a word document", []rdPart{
			{Name: "[Content_Types].xml", Body: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
			{Name: "_rels/.rels", Body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
			{Name: "word/document.xml", Body: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`},
			{Name: "word/_rels/document.xml.rels", Body: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`},
		}, Limits{},
			"b.xlsx: part word/document.xml: expected a <workbook> element, found <document>"},
		{"too many sheets", rdBook([][2]string{{"A", ""}, {"B", ""}, {"C", ""}}, nil), Limits{MaxSheets: 2},
			"b.xlsx: more than 2 sheets (the limit)"},
		{"too many cells", oneSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row><row r="2"><c r="A2"><v>1</v></c></row>`), Limits{MaxCells: 2},
			"b.xlsx: sheet S: more than 2 cells (the limit)"},
		{"truncated XML", rdEdit(t, valid, "xl/worksheets/sheet1.xml", func(s string) string { return s[:len(s)-20] }), Limits{},
			"b.xlsx: sheet S: part xl/worksheets/sheet1.xml: invalid XML: XML syntax error on line 2: unexpected EOF"},
		{"UTF-16 declared", rdEdit(t, valid, "xl/worksheets/sheet1.xml", func(s string) string { return strings.Replace(s, "UTF-8", "UTF-16", 1) }), Limits{},
			`b.xlsx: sheet S: part xl/worksheets/sheet1.xml: invalid XML: xml: encoding "UTF-16" declared but Decoder.CharsetReader is nil`},
		{"deep XML", rdEdit(t, valid, "xl/worksheets/sheet1.xml", func(s string) string {
			return strings.Replace(s, "<pageMargins", strings.Repeat("<x>", 100)+strings.Repeat("</x>", 100)+"<pageMargins", 1)
		}), Limits{},
			"b.xlsx: sheet S: part xl/worksheets/sheet1.xml: XML nested more than 64 elements deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertErr(t, rdRowsErr(t, "b.xlsx", tc.parts, tc.lim), tc.want)
		})
	}
}

// TestExternalLinksWithoutFormulas reads a workbook with a link to another
// workbook but no formula, as NATO's: the link is reported, never opened.
func TestExternalLinksWithoutFormulas(t *testing.T) {
	parts := oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	parts = rdEdit(t, parts, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="/xl/externalLinks/externalLink1.xml"/></Relationships>`, 1)
	})
	parts = append(parts, rdPart{Name: "xl/externalLinks/externalLink1.xml", Body: `<externalLink ` + rdNS + `/>`})
	wb, err := rdOpen(t, "l.xlsx", parts, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// No relationships part to name the file: the link's part is given.
	if want := []string{"xl/externalLinks/externalLink1.xml"}; !reflect.DeepEqual(wb.ExternalLinks, want) {
		t.Errorf("external links %q, want %q", wb.ExternalLinks, want)
	}
	rows, err := wb.Rows("S")
	if err != nil || len(rows) != 1 || rows[0].Cells[0].Num != 1 {
		t.Errorf("rows %+v, %v", rows, err)
	}
}

// TestLinkedWorkbookFormulas reads the formulas of a workbook linked to
// another that do not refer to it: references to its own sheets, names of
// its own, tables' columns in brackets, brackets in text; and a shared
// formula's other cells.
func TestLinkedWorkbookFormulas(t *testing.T) {
	parts := rdBook([][2]string{{"S", `<row r="1"><c r="A1"><f>SUM(S!B1:B2)+Local</f><v>1</v></c><c r="B1" t="str"><f>"[1]x"&amp;"""[2]"</f><v>[1]x"[2]</v></c>` +
		`<c r="C1"><f>SUM(Table1[2019])</f><v>3</v></c><c r="D1"><f t="shared" ref="D1:E1" si="0">C1*2</f><v>6</v></c><c r="E1"><f t="shared" si="0"/><v>0</v></c></row>`}}, nil)
	parts = rdEdit(t, parts, "xl/workbook.xml", func(s string) string {
		return strings.Replace(s, "</sheets>", `</sheets><externalReferences><externalReference r:id="rIdX"/></externalReferences><definedNames><definedName name="Local">S!$A$1</definedName><definedName name="Ext">[1]S!$A$1</definedName></definedNames>`, 1)
	})
	parts = rdEdit(t, parts, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`, 1)
	})
	parts = append(parts, rdPart{Name: "xl/externalLinks/externalLink1.xml", Body: `<externalLink ` + rdNS + `/>`})
	wb, err := rdOpen(t, "l.xlsx", parts, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := wb.Rows("S")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range rows[0].Cells {
		got = append(got, c.Ref+"="+c.Text)
	}
	if want := []string{"A1=1", `B1=[1]x"[2]`, "C1=3", "D1=6", "E1=0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cells %q, want %q", got, want)
	}
}

func TestHasExternalRef(t *testing.T) {
	for f, want := range map[string]bool{
		"[1]Sheet1!A1": true, "SUM('[12]My sheet'!A1:B2)": true, "[3]!Name": true, "1+[1]S!A1": true,
		"Sheet1!A1": false, "Table1[2019]": false, `"[1]S!A1"`: false, `"a""[1]"&B1`: false, "[x]S!A1": false, "[]S!A1": false, "A1[1]": false,
		"Table1[[#This Row],[2019]]": true, // a table column named with digits: counted, to be safe
	} {
		if got := hasExternalRef(f); got != want {
			t.Errorf("hasExternalRef(%q) = %v, want %v", f, got, want)
		}
	}
}

// TestChartSheet lists a chart sheet among the sheets; Rows refuses it.
func TestChartSheet(t *testing.T) {
	parts := oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	parts = rdEdit(t, parts, "xl/workbook.xml", func(s string) string {
		return strings.Replace(s, "</sheets>", `<sheet name="Chart 1" sheetId="2" r:id="rIdC"/></sheets>`, 1)
	})
	parts = rdEdit(t, parts, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`, 1)
	})
	parts = append(parts, rdPart{Name: "xl/chartsheets/sheet1.xml", Body: `<chartsheet ` + rdNS + `/>`})
	wb, err := rdOpen(t, "c.xlsx", parts, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"S", "Chart 1"}; !reflect.DeepEqual(wb.Sheets, want) {
		t.Errorf("sheets %q, want %q", wb.Sheets, want)
	}
	if !wb.IsWorksheet("S") || wb.IsWorksheet("Chart 1") || wb.IsWorksheet("none") {
		t.Errorf("IsWorksheet: S %v, Chart 1 %v, none %v", wb.IsWorksheet("S"), wb.IsWorksheet("Chart 1"), wb.IsWorksheet("none"))
	}
	_, err = wb.Rows("Chart 1")
	assertErr(t, err, "c.xlsx: sheet Chart 1: is a chart sheet, not a worksheet of cells")
}

// TestNotAZip refuses files that are not zips, or not workbooks.
func TestNotAZip(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"empty", "", "e.xlsx: not an xlsx workbook: not a zip file (an .xlsx file is one)"},
		{"yaml", "kind: release\nid: x\n", "e.xlsx: not an xlsx workbook: not a zip file (an .xlsx file is one)"},
		{"truncated", string(rdTypesBook(t)[:500]), "e.xlsx: not an xlsx workbook: not a zip file (an .xlsx file is one)"},
		{"a zip of something else", string(rdZip(t, []rdPart{{Name: "a.txt", Body: "hello"}})), "e.xlsx: not a valid workbook: missing part [Content_Types].xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OpenBytes("e.xlsx", []byte(tc.data), DefaultLimits())
			assertErr(t, err, tc.want)
		})
	}
	_, err := OpenBytes("book.xlsm", rdTypesBook(t), DefaultLimits())
	assertErr(t, err, "book.xlsm: macro-enabled workbooks (.xlsm) are refused: save it as .xlsx")
}

// TestZipBombs refuses parts that declare, or yield, more than the limits,
// and absurd compression ratios, before inflating them.
func TestZipBombs(t *testing.T) {
	zeros := func(n int) func(io.Writer) {
		return func(w io.Writer) {
			buf := make([]byte, 1<<16)
			for ; n > 0; n -= len(buf) {
				if n < len(buf) {
					buf = buf[:n]
				}
				w.Write(buf)
			}
		}
	}
	t.Run("declared size over the limit", func(t *testing.T) {
		// A sheet that declares 300 MiB, refused before a byte of it is
		// inflated: its data is a few bytes.
		data := rdRaw(t, oneSheet(""), "xl/worksheets/sheet1.xml", rdDeflate(rdSheetXML("")), 300<<20)
		_, err := OpenBytes("bomb.xlsx", data, Limits{})
		assertErr(t, err, fmt.Sprintf("bomb.xlsx: zip bomb refused: its parts declare %d bytes uncompressed, over the limit of 33554432", 300<<20+rdSizes(t, oneSheet(""))-len(rdSheetXML(""))))
	})
	t.Run("absurd ratio", func(t *testing.T) {
		// 2 MiB of blanks in the shared strings, compressed about 1,000:1.
		parts := rdSet(rdBook([][2]string{{"S", ""}}, []string{}), rdPart{Name: "xl/sharedStrings.xml", Gen: func(w io.Writer) {
			io.WriteString(w, "<sst>")
			zeros(2 << 20)(spaces{w})
			io.WriteString(w, "</sst>")
		}})
		data := rdZip(t, parts)
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		var f *zip.File
		for _, f = range zr.File {
			if f.Name == "xl/sharedStrings.xml" {
				break
			}
		}
		_, err := OpenBytes("bomb.xlsx", data, Limits{})
		assertErr(t, err, fmt.Sprintf("bomb.xlsx: zip bomb refused: part xl/sharedStrings.xml is compressed %d:1 (2097163 bytes to %d; at most 200:1 is accepted)",
			2097163/f.CompressedSize64, f.CompressedSize64))
	})
	t.Run("part inflating to more than it declares", func(t *testing.T) {
		// A sheet that declares 1,000 bytes and inflates to 10 MiB.
		body := rdSheetXML(strings.Repeat(`<row><c><v>1</v></c></row>`, 10<<20/26))
		wb, err := OpenBytes("liar.xlsx", rdRaw(t, oneSheet(""), "xl/worksheets/sheet1.xml", rdDeflate(body), 1000), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = wb.Rows("S")
		assertErr(t, err, "liar.xlsx: sheet S: zip bomb refused: part xl/worksheets/sheet1.xml is corrupt or inflates to more than the 1000 bytes it declares (zip: not a valid zip file)")
	})
	t.Run("total over the limit", func(t *testing.T) {
		// Two sheets: all the parts fit in their total size, not in one
		// byte less.
		parts := rdBook([][2]string{{"A", strings.Repeat(`<row><c><v>1</v></c></row>`, 20)}, {"B", strings.Repeat(`<row><c><v>1</v></c></row>`, 20)}}, nil)
		total := rdSizes(t, parts)
		_, err := rdOpen(t, "two.xlsx", parts, Limits{MaxUncompressed: int64(total - 1)})
		assertErr(t, err, fmt.Sprintf("two.xlsx: zip bomb refused: its parts declare %d bytes uncompressed, over the limit of %d", total, total-1))
		if _, err := rdOpen(t, "two.xlsx", parts, Limits{MaxUncompressed: int64(total)}); err != nil {
			t.Fatal(err)
		}
		// A limit the small parts alone exceed.
		_, err = rdOpen(t, "two.xlsx", parts, Limits{MaxUncompressed: 100})
		assertErr(t, err, fmt.Sprintf("two.xlsx: zip bomb refused: its parts declare more than 100 bytes uncompressed, the limit ([Content_Types].xml alone declares %d)", len(parts[0].Body)))
	})
	t.Run("too many zip entries", func(t *testing.T) {
		parts := oneSheet("")
		for i := 0; i < maxParts; i++ {
			parts = append(parts, rdPart{Name: "x/" + strconv.Itoa(i)})
		}
		_, err := rdOpen(t, "many.xlsx", parts, Limits{})
		assertErr(t, err, "many.xlsx: not a workbook: the zip has more than 10000 entries")
	})
	t.Run("duplicate entries", func(t *testing.T) {
		parts := append(oneSheet(""), rdPart{Name: "XL/Workbook.xml", Body: "<workbook/>"})
		_, err := rdOpen(t, "dup.xlsx", parts, Limits{})
		assertErr(t, err, "dup.xlsx: not a valid workbook: the zip holds XL/Workbook.xml twice")
	})
	t.Run("file too large", func(t *testing.T) {
		data := rdTypesBook(t)
		_, err := OpenBytes("big.xlsx", data, Limits{MaxFileSize: int64(len(data) - 1)})
		assertErr(t, err, fmt.Sprintf("big.xlsx: file is too large: %d bytes (expected at most %d bytes)", len(data), len(data)-1))
		if _, err := OpenBytes("big.xlsx", data, Limits{MaxFileSize: int64(len(data))}); err != nil {
			t.Fatal(err)
		}
	})
}

// rdSizes returns the total size of the parts.
func rdSizes(t *testing.T, parts []rdPart) int {
	n := 0
	for _, p := range parts {
		if p.Gen != nil {
			t.Fatal("rdSizes: a generated part")
		}
		n += len(p.Body)
	}
	return n
}

// rdDeflate compresses s as zip's deflate method does.
func rdDeflate(s string) []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write([]byte(s))
	fw.Close()
	return comp.Bytes()
}

// rdRaw builds a zip of the parts in which the named part is the deflated
// data given, with the uncompressed size declared (true or not).
func rdRaw(t *testing.T, parts []rdPart, name string, deflated []byte, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.Name == name {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, CompressedSize64: uint64(len(deflated)), UncompressedSize64: declared})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(deflated)
			continue
		}
		w, _ := zw.Create(p.Name)
		io.WriteString(w, p.Body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// spaces turns the zero bytes written to it into spaces (XML whitespace).
type spaces struct{ w io.Writer }

func (s spaces) Write(p []byte) (int, error) {
	q := make([]byte, len(p))
	for i := range q {
		q[i] = ' '
	}
	return s.w.Write(q)
}

// rdMillionRows writes a sheet of a million rows of three numbers, as
// NATO's tables have them (with references), straight into the zip.
func rdMillionRows(w io.Writer) {
	bw := make([]byte, 0, 1<<16)
	bw = append(bw, `<worksheet `+rdNS+`><sheetData>`...)
	for r := 1; r <= 1_000_000; r++ {
		row := strconv.Itoa(r)
		bw = append(bw, `<row r="`+row+`"><c r="A`+row+`"><v>`+row+`</v></c><c r="B`+row+`"><v>1.5</v></c><c r="C`+row+`"><v>2</v></c></row>`...)
		if len(bw) > 1<<15 {
			w.Write(bw)
			bw = bw[:0]
		}
	}
	bw = append(bw, `</sheetData></worksheet>`...)
	w.Write(bw)
}

// TestMillionRows refuses a sheet of a million rows (three million cells,
// 104 MiB of XML, 13 MiB zipped): with the default limits before reading
// it, for its size; with room for its size, at the default limit of
// 200,000 cells, having read no more: the refusal allocates a fraction of
// what reading the whole sheet would (about 2 GB).
func TestMillionRows(t *testing.T) {
	data := rdZip(t, rdSet(oneSheet(""), rdPart{Name: "xl/worksheets/sheet1.xml", Gen: rdMillionRows}))
	_, err := OpenBytes("million.xlsx", data, DefaultLimits())
	assertErr(t, err, fmt.Sprintf("million.xlsx: zip bomb refused: its parts declare %d bytes uncompressed, over the limit of 33554432", 109446100))
	lim := DefaultLimits()
	lim.MaxUncompressed = 256 << 20
	wb, err := OpenBytes("million.xlsx", data, lim)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = wb.Rows("S")
	runtime.ReadMemStats(&after)
	assertErr(t, err, "million.xlsx: sheet S: more than 200000 cells (the limit)")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 400<<20 {
		t.Errorf("refusing the sheet allocated %d MiB, expected under 400 (about 150)", alloc>>20)
	}
}

// TestOpen reads a workbook from a file, and refuses what is not a
// regular file, or too large, before reading it.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.xlsx")
	data := rdTypesBook(t)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	wb, err := Open(path, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := OpenBytes(path, data, Limits{})
	if wb.Name != path || wb.SHA256 != want.SHA256 || !reflect.DeepEqual(wb.Sheets, want.Sheets) {
		t.Errorf("Open: %+v, want %+v", wb, want)
	}
	_, err = Open(dir, Limits{})
	assertErr(t, err, dir+": cannot read: is a directory (expected a regular file)")
	_, err = Open(path, Limits{MaxFileSize: 100})
	assertErr(t, err, fmt.Sprintf("%s: file is too large: %d bytes (expected at most 100 bytes)", path, len(data)))
	_, err = Open(filepath.Join(dir, "none.xlsx"), Limits{})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestDefaultLimits states the limits, and that zero fields take them.
func TestDefaultLimits(t *testing.T) {
	want := Limits{MaxFileSize: 32 << 20, MaxUncompressed: 32 << 20, MaxCells: 200_000, MaxSheets: 256}
	if got := DefaultLimits(); got != want {
		t.Errorf("DefaultLimits() = %+v, want %+v", got, want)
	}
	if got := (Limits{MaxCells: 5}).withDefaults(); got != (Limits{MaxFileSize: 32 << 20, MaxUncompressed: 32 << 20, MaxCells: 5, MaxSheets: 256}) {
		t.Errorf("withDefaults: %+v", got)
	}
}

// TestLimitsExact checks each limit at its value (accepted) and one
// beyond (refused).
func TestLimitsExact(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c><c r="B1"/><c r="C1"><v>3</v></c></row>`
	if err := rdRowsErr(t, "c.xlsx", oneSheet(rows), Limits{MaxCells: 3}); err != nil {
		t.Errorf("3 cells with MaxCells 3: %v", err)
	}
	assertErr(t, rdRowsErr(t, "c.xlsx", oneSheet(rows), Limits{MaxCells: 2}), "c.xlsx: sheet S: more than 2 cells (the limit)")
	three := rdBook([][2]string{{"A", ""}, {"B", ""}, {"C", ""}}, nil)
	if _, err := rdOpen(t, "s.xlsx", three, Limits{MaxSheets: 3}); err != nil {
		t.Errorf("3 sheets with MaxSheets 3: %v", err)
	}
	_, err := rdOpen(t, "s.xlsx", three, Limits{MaxSheets: 2})
	assertErr(t, err, "s.xlsx: more than 2 sheets (the limit)")
	// MaxUncompressed: the sum of the declared sizes of the parts read.
	parts := oneSheet(rows)
	var total int64
	zr, _ := zip.NewReader(bytes.NewReader(rdZip(t, parts)), int64(len(rdZip(t, parts))))
	for _, f := range zr.File {
		total += int64(f.UncompressedSize64)
	}
	if err := rdRowsErr(t, "u.xlsx", parts, Limits{MaxUncompressed: total}); err != nil {
		t.Errorf("MaxUncompressed %d, the size of all parts: %v", total, err)
	}
	if _, err := rdOpen(t, "u.xlsx", parts, Limits{MaxUncompressed: total - 1}); err == nil || !strings.Contains(err.Error(), "zip bomb refused") {
		t.Errorf("MaxUncompressed %d: %v", total-1, err)
	}
}

func TestParseRef(t *testing.T) {
	for _, tc := range []struct {
		ref      string
		col, row int
	}{
		{"A1", 1, 1}, {"Z9", 26, 9}, {"AA10", 27, 10}, {"AZ1", 52, 1}, {"BA1", 53, 1}, {"ZZ1", 702, 1}, {"AAA1", 703, 1},
		{"XFD1048576", 16384, 1048576},
	} {
		col, row, problem := parseRef(tc.ref)
		if col != tc.col || row != tc.row || problem != "" {
			t.Errorf("parseRef(%q) = %d, %d, %q; want %d, %d", tc.ref, col, row, problem, tc.col, tc.row)
		}
		if got := cellRef(tc.col, tc.row); got != tc.ref {
			t.Errorf("cellRef(%d, %d) = %q, want %q", tc.col, tc.row, got, tc.ref)
		}
	}
	for _, ref := range []string{"", "A", "1", "A0", "a1", "$A$1", "A1:B2", "XFE1", "A1048577", "AAAA1", "A12345678", "A-1", "A1 "} {
		if _, _, problem := parseRef(ref); problem == "" {
			t.Errorf("parseRef(%q) accepted", ref)
		}
	}
}

func TestUnescapeX(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "a_x000D_b": "a\rb", "_x005F_x000D_": "_x000D_", "_x00e9_": "é", "_x12_": "_x12_", "_xZZZZ_": "_xZZZZ_", "_xD800_": "\uFFFD",
	} {
		if got := unescapeX(in); got != want {
			t.Errorf("unescapeX(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzOpenBytes opens arbitrary bytes as a workbook and reads each of its
// sheets: it must never panic or hang; a refusal is a *ReadError naming
// the file; the rows read are in order, with cells in order, with values,
// within Excel's grid.
func FuzzOpenBytes(f *testing.F) {
	f.Add(rdTypesBook(f))
	f.Add(rdZip(f, oneSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>A1</f><v>2</v></c></row>`)))
	f.Add(rdZip(f, rdBook([][2]string{{"A", `<row><c t="inlineStr"><is><t>x</t></is></c></row>`}, {"B", ""}}, []string{"<t>s</t>"})))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte{})
	f.Add(rdZip(f, rdStyled(f, `<row r="1"><c r="A1" s="1"><v>0.0205</v></c><c r="B1" s="2"><v>43466</v></c><c r="C1" s="0"><v>2019</v></c></row>`)))
	lim := Limits{MaxFileSize: 1 << 20, MaxUncompressed: 4 << 20, MaxCells: 10_000, MaxSheets: 16}
	f.Fuzz(func(t *testing.T, data []byte) {
		rdFuzzCheck(t, data, lim)
	})
}

// rdFuzzCheck opens data as a workbook and reads each of its sheets: a
// refusal is a *ReadError naming the file; the rows read are in order,
// with cells in order, with values, within Excel's grid.
func rdFuzzCheck(t *testing.T, data []byte, lim Limits) {
	const name = "fuzz.xlsx"
	wb, err := OpenBytes(name, data, lim)
	if err != nil {
		rdCheckErr(t, err, name)
		return
	}
	if len(wb.Sheets) == 0 || len(wb.Sheets) > lim.MaxSheets {
		t.Fatalf("%d sheets", len(wb.Sheets))
	}
	for _, s := range wb.Sheets {
		rows, err := wb.Rows(s)
		if err != nil {
			rdCheckErr(t, err, name)
			continue
		}
		cells, prev := 0, 0
		for _, r := range rows {
			if r.Index <= prev || r.Index > maxRow || len(r.Cells) == 0 {
				t.Fatalf("row %d after %d, %d cells", r.Index, prev, len(r.Cells))
			}
			prev = r.Index
			col := 0
			for _, c := range r.Cells {
				if c.Row != r.Index || c.Col <= col || c.Col > maxCol || c.Ref != cellRef(c.Col, c.Row) || c.Type == Empty {
					t.Fatalf("cell %+v in row %d after column %d", c, r.Index, col)
				}
				if c.Type == Number && (math.IsInf(c.Num, 0) || math.IsNaN(c.Num)) {
					t.Fatalf("cell %+v", c)
				}
				col = c.Col
				cells++
			}
		}
		if cells > lim.MaxCells {
			t.Fatalf("%d cells", cells)
		}
	}
}

func rdCheckErr(t *testing.T, err error, name string) {
	t.Helper()
	var re *ReadError
	if !errors.As(err, &re) || re.File != name || re.Msg == "" || !strings.HasPrefix(err.Error(), name+": ") {
		t.Fatalf("error %v (%T)", err, err)
	}
}

// FuzzSheetXML reads arbitrary XML as a sheet and as the shared strings of
// a valid workbook (stored, not deflated, so that the fuzzer reaches the
// XML rather than the zip's checksums), with the checks of FuzzOpenBytes.
func FuzzSheetXML(f *testing.F) {
	f.Add([]byte(rdSheetXML(rdTypesRows)), []byte(`<sst>`+"<si>"+strings.Join(rdTypesSST, "</si><si>")+"</si></sst>"))
	f.Add([]byte(rdSheetXML(`<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2"><f t="shared" si="0" ref="C2:D2">[1]S!A1</f><v>1</v></c><c r="D2"><f t="shared" si="0"/><v>1</v></c></row>`)), []byte(`<sst><si><t>x</t></si></sst>`))
	f.Add([]byte(`<!DOCTYPE x><worksheet/>`), []byte(`<sst/>`))
	lim := Limits{MaxFileSize: 1 << 20, MaxUncompressed: 4 << 20, MaxCells: 10_000, MaxSheets: 16}
	base := rdBook([][2]string{{"S", ""}}, []string{})
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		parts := rdSet(rdSet(base, rdPart{Name: "xl/worksheets/sheet1.xml", Body: string(sheet)}), rdPart{Name: "xl/sharedStrings.xml", Body: string(sst)})
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range parts {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, p.Body)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		rdFuzzCheck(t, buf.Bytes(), lim)
	})
}

// TestFormats: each cell carries the number format of its style, a
// built-in one by its code (ECMA-376 Part 1, 18.8.30: 10 is "0.00%", 14
// "mm-dd-yy"), a custom one as written; General is "".
func TestFormats(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	style := func(s excelize.Style) int {
		id, err := f.NewStyle(&s)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	pct, date := style(excelize.Style{NumFmt: 10}), style(excelize.Style{NumFmt: 14})
	yyyy, custom := "yyyy", "0.0%"
	year, pct1 := style(excelize.Style{CustomNumFmt: &yyyy}), style(excelize.Style{CustomNumFmt: &custom})
	for _, c := range []struct {
		ref   string
		v     float64
		style int
	}{{"A1", 0.0205, pct}, {"B1", 43466, date}, {"C1", 43466, year}, {"D1", 0.5, pct1}, {"E1", 2019, 0}} {
		if err := f.SetCellFloat("Sheet1", c.ref, c.v, -1, 64); err != nil {
			t.Fatal(err)
		}
		if c.style != 0 {
			if err := f.SetCellStyle("Sheet1", c.ref, c.ref, c.style); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	wb, err := OpenBytes("f.xlsx", buf.Bytes(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := wb.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range rows[0].Cells {
		got = append(got, c.Ref+"="+c.Format)
	}
	if want := "A1=0.00% B1=mm-dd-yy C1=yyyy D1=0.0% E1="; strings.Join(got, " ") != want {
		t.Errorf("formats %q, want %q", strings.Join(got, " "), want)
	}
}

// TestStyleOutOfRange: a cell whose style is not one of the workbook's is
// refused, naming the cell.
func TestStyleOutOfRange(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellFloat("Sheet1", "A1", 1, -1, 64); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := rewriteZip(t, buf.Bytes(), "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, `<c r="A1"`, `<c r="A1" s="99"`, 1)
	})
	wb, err := OpenBytes("f.xlsx", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	_, err = wb.Rows("Sheet1")
	if err == nil || !strings.Contains(err.Error(), "sheet Sheet1, cell A1: has style 99, not one of the workbook's") {
		t.Errorf("error %v", err)
	}
}

// rewriteZip returns the zip data with one part's text changed by edit.
func rewriteZip(t *testing.T, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name {
			body = []byte(edit(string(body)))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// rdStyled is a workbook of one sheet with a styles part: style 1 is the
// built-in 0.00% (10), style 2 the custom "yyyy" (164).
func rdStyled(t testing.TB, rows string) []rdPart {
	parts := rdBook([][2]string{{"S", rows}}, nil)
	parts = rdEdit(t, parts, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, "</Relationships>", `<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
	})
	return rdSet(parts, rdPart{Name: "xl/styles.xml", Body: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>`})
}

// TestStyledPart: the styles part of a hand-made workbook gives each
// cell its format; a style index past the styles is refused.
func TestStyledPart(t *testing.T) {
	wb, err := OpenBytes("s.xlsx", rdZip(t, rdStyled(t, `<row r="1"><c r="A1" s="1"><v>0.0205</v></c><c r="B1" s="2"><v>43466</v></c><c r="C1"><v>2019</v></c></row>`)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := wb.Rows("S")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows[0].Cells[0].Format, "|", rows[0].Cells[1].Format, "|", rows[0].Cells[2].Format); got != "0.00%|yyyy|" {
		t.Errorf("formats %q", got)
	}
	wb, err = OpenBytes("s.xlsx", rdZip(t, rdStyled(t, `<row r="1"><c r="A1" s="3"><v>1</v></c></row>`)), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wb.Rows("S"); err == nil || err.Error() != "s.xlsx: sheet S, cell A1: has style 3, not one of the workbook's 3 cell styles" {
		t.Errorf("error %v", err)
	}
}
