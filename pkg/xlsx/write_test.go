package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// hostileNames are texts that a spreadsheet would read as something else
// if they were not string cells: numbers, booleans, dates, percentages,
// numbers with a leading zero or in accounting brackets, formulas and
// formula-like starts, an ST_Xstring escape, XML markup, a control
// character, surrounding spaces and a line break.
var hostileNames = []string{
	"1234", "TRUE", "2026-01-02", "3.5%", "0012", "(100)", "=1+1", "@SUM(A1)",
	"+1", "-1+2", `=HYPERLINK("http://x","y")`, "_x0041_", "a\x01b", "  padded  ",
	"Ťëšť & <b>Ürkïyé</b>", "two\nlines", "1e5", "FALSE",
}

// testSheet is a report-like sheet: texts, a year, money in millions,
// a percentage, a flag; some cells unknown.
func testSheet() Sheet {
	s := Sheet{
		Name: "gap",
		Columns: []Column{
			{Title: "code", Kind: KindText},
			{Title: "name", Kind: KindText},
			{Title: "year", Kind: KindInt},
			{Title: "gdp_musd", Kind: KindNumber, Decimals: 1},
			{Title: "share_pct", Kind: KindPercent, Decimals: 2},
			{Title: "estimate", Kind: KindBool},
			{Title: "population_m", Kind: KindNumber, Decimals: 2},
		},
		FreezeHeader: true,
		AutoFilter:   true,
	}
	for i, name := range hostileNames {
		s.Rows = append(s.Rows, []Value{
			{Text: "X" + string(rune('A'+i))},
			{Text: name},
			{Num: 2026, Known: true},
			{Num: 1000 * float64(i+1), Known: true},
			{Num: 2.5, Known: true},
			{Num: float64(i % 2), Known: true},
			{}, // unknown
		})
	}
	// The first row has the interesting numbers.
	s.Rows[0][3] = Value{Num: 1474399.48, Known: true}
	s.Rows[0][4] = Value{Num: 2.58, Known: true}
	point1, point2 := 0.1, 0.2
	s.Rows[0][6] = Value{Num: point1 + point2, Known: true} // float noise, 0.30000000000000004
	s.Rows[1][3] = Value{Num: -1234.56, Known: true}        // a surplus
	s.Rows[1][2] = Value{}                                  // unknown year
	return s
}

func writeBytes(t *testing.T, sheets ...Sheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, sheets); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openExcelize(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWriteReadBackExcelize(t *testing.T) {
	s := testSheet()
	notes := Sheet{Name: "Sources", Columns: []Column{{Title: "note", Kind: KindText}}, Rows: [][]Value{{{Text: "Source: NATO & co"}}}}
	f := openExcelize(t, writeBytes(t, s, notes))

	if got := f.GetSheetList(); strings.Join(got, "|") != "gap|Sources" {
		t.Fatalf("sheets %q, want gap, Sources", got)
	}
	rows, err := f.GetRows("gap", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(hostileNames) {
		t.Fatalf("%d rows, want a header and %d", len(rows), len(hostileNames))
	}
	if got := strings.Join(rows[0], ","); got != "code,name,year,gdp_musd,share_pct,estimate,population_m" {
		t.Errorf("header %q", got)
	}
	cellType := func(ref string) excelize.CellType {
		t.Helper()
		ct, err := f.GetCellType("gap", ref)
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	value := func(ref string, raw bool) string {
		t.Helper()
		v, err := f.GetCellValue("gap", ref, excelize.Options{RawCellValue: raw})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i, name := range hostileNames {
		ref := "B" + itoa(i+2)
		if ct := cellType(ref); ct != excelize.CellTypeSharedString {
			t.Errorf("%s (%q): cell type %v, want a shared string", ref, name, ct)
		}
		if got := value(ref, true); got != name {
			t.Errorf("%s: text %q, want %q", ref, got, name)
		}
		if got := value(ref, false); got != name {
			t.Errorf("%s: shown %q, want %q", ref, got, name)
		}
		for _, col := range "ABCDEFG" {
			r := string(col) + itoa(i+2)
			if fm, err := f.GetCellFormula("gap", r); err != nil || fm != "" {
				t.Errorf("%s: formula %q (%v), want none", r, fm, err)
			}
		}
	}
	// Numbers are numbers, with the full value in the cell and the
	// column's format on show.
	for _, c := range []struct {
		ref, raw, shown string
		typ             excelize.CellType
	}{
		{"C2", "2026", "2026", excelize.CellTypeNumber},              // a year: no separator
		{"D2", "1474399.48", "1,474,399.5", excelize.CellTypeNumber}, // money: #,##0.0
		{"D3", "-1234.56", "-1,234.6", excelize.CellTypeNumber},
		{"E2", "2.58", "2.58", excelize.CellTypeNumber}, // a percentage as a number, not 0.0258
		// A flag: a number, shown TRUE or FALSE by its format (checked
		// below; excelize's renderer shows the first section for 0, so
		// TestWriteLibreOffice checks what is shown).
		{"F2", "0", "", excelize.CellTypeNumber},
		{"F3", "1", "", excelize.CellTypeNumber},
		{"G2", "0.30000000000000004", "0.30", excelize.CellTypeNumber}, // full precision kept
	} {
		if ct := cellType(c.ref); ct != c.typ {
			t.Errorf("%s: type %v, want %v", c.ref, ct, c.typ)
		}
		if got := value(c.ref, true); got != c.raw {
			t.Errorf("%s: value %q, want %q", c.ref, got, c.raw)
		}
		if got := value(c.ref, false); c.shown != "" && got != c.shown {
			t.Errorf("%s: shown %q, want %q", c.ref, got, c.shown)
		}
	}
	// Unknown values are empty cells.
	for _, ref := range []string{"C3", "G3", "G4"} {
		if ct := cellType(ref); ct != excelize.CellTypeUnset {
			t.Errorf("%s: type %v, want an empty cell", ref, ct)
		}
		if v := value(ref, true); v != "" {
			t.Errorf("%s: %q, want empty", ref, v)
		}
	}
	// Number formats by id (built-in) or code (custom).
	for _, c := range []struct {
		ref    string
		numFmt int
		custom string
	}{
		{"A2", 49, ""}, {"B2", 49, ""}, {"C2", 1, ""}, {"D2", 0, "#,##0.0"}, {"E2", 2, ""}, {"F2", 0, `"TRUE";"TRUE";"FALSE"`}, {"G2", 4, ""},
	} {
		id, err := f.GetCellStyle("gap", c.ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		custom := ""
		if st.CustomNumFmt != nil {
			custom = *st.CustomNumFmt
		}
		if custom != c.custom || (c.custom == "" && st.NumFmt != c.numFmt) {
			t.Errorf("%s: number format %d %q, want %d %q", c.ref, st.NumFmt, custom, c.numFmt, c.custom)
		}
	}
	// The header: bold text.
	id, _ := f.GetCellStyle("gap", "A1")
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header style %+v (%v), want bold", st, err)
	}
	// The header row is frozen.
	panes, err := f.GetPanes("gap")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the first row frozen", panes)
	}
	// The autofilter covers the table, as Excel records it.
	var filter string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == "gap" {
			filter = dn.RefersTo
		}
	}
	if want := "'gap'!$A$1:$G$" + itoa(1+len(hostileNames)); filter != want {
		t.Errorf("filter database %q, want %q", filter, want)
	}
	if got := string(zipPart(t, writeBytes(t, s), "xl/worksheets/sheet1.xml")); !strings.Contains(got, `<autoFilter ref="A1:G19"/>`) {
		t.Errorf("sheet1.xml has no autoFilter over A1:G19")
	}
	// Widths fit the longest shown value, plus 2.
	for _, c := range []struct {
		col  string
		want float64
	}{{"A", 8}, {"B", 28}, {"D", 13}} { // A: "code" + filter button (6) + 2; B: the HYPERLINK formula (26) + 2; D: "1,474,399.5" (11) + 2
		w, err := f.GetColWidth("gap", c.col)
		if err != nil || w != c.want {
			t.Errorf("column %s: width %v (%v), want %v", c.col, w, err, c.want)
		}
	}
	// The second sheet: no filter, not frozen.
	if v, _ := f.GetCellValue("Sources", "A2"); v != "Source: NATO & co" {
		t.Errorf("Sources!A2 = %q", v)
	}
	if p, _ := f.GetPanes("Sources"); p.Freeze {
		t.Errorf("Sources is frozen: %+v", p)
	}
}

func TestWriteDeterministic(t *testing.T) {
	a := writeBytes(t, testSheet())
	b := writeBytes(t, testSheet())
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same sheet differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Modified.Year() != 1980 {
			t.Errorf("%s: modified %v, want the fixed 1980-01-01", f.Name, f.Modified)
		}
	}
	want := "[Content_Types].xml _rels/.rels docProps/app.xml docProps/core.xml xl/_rels/workbook.xml.rels xl/workbook.xml xl/styles.xml xl/sharedStrings.xml xl/worksheets/sheet1.xml"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("parts %s\nwant  %s", got, want)
	}
	if core := string(zipPart(t, a, "docProps/core.xml")); strings.Contains(core, "dcterms:created") || strings.Contains(core, "dcterms:modified") {
		t.Errorf("core.xml holds a date: %s", core)
	}
}

// TestWriteNoFormulaOrNumberText checks the XML itself: every text is a
// shared string, no cell has a formula, and no cell of the text column has
// a value outside the shared strings.
func TestWriteNoFormulaOrNumberText(t *testing.T) {
	data := writeBytes(t, testSheet())
	sheet := string(zipPart(t, data, "xl/worksheets/sheet1.xml"))
	if strings.Contains(sheet, "<f>") || strings.Contains(sheet, "<f ") {
		t.Error("a cell has a formula")
	}
	if strings.Contains(sheet, `t="str"`) || strings.Contains(sheet, `t="inlineStr"`) || strings.Contains(sheet, `t="d"`) {
		t.Error("a text is not a shared string")
	}
	var x struct {
		Rows []struct {
			Cells []struct {
				R string `xml:"r,attr"`
				T string `xml:"t,attr"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal([]byte(sheet), &x); err != nil {
		t.Fatal(err)
	}
	for _, row := range x.Rows {
		for _, c := range row.Cells {
			if (c.R[0] == 'A' || c.R[0] == 'B') && c.T != "s" {
				t.Errorf("%s: t=%q, want s", c.R, c.T)
			}
		}
	}
	sst := string(zipPart(t, data, "xl/sharedStrings.xml"))
	for _, want := range []string{"<t>_x005F_x0041_</t>", "<t>a_x0001_b</t>", `<t xml:space="preserve">  padded  </t>`, "<t>Ťëšť &amp; &lt;b&gt;Ürkïyé&lt;/b&gt;</t>"} {
		if !strings.Contains(sst, want) {
			t.Errorf("sharedStrings.xml lacks %s", want)
		}
	}
}

func TestWriteRefusesBadSheets(t *testing.T) {
	good := func() Sheet {
		return Sheet{Name: "a", Columns: []Column{{Title: "x", Kind: KindNumber}}, Rows: [][]Value{{{Num: 1, Known: true}}}}
	}
	for _, c := range []struct {
		name   string
		sheets func() []Sheet
		want   string
	}{
		{"no sheet", func() []Sheet { return nil }, "at least one sheet"},
		{"empty name", func() []Sheet { s := good(); s.Name = ""; return []Sheet{s} }, "needs a name"},
		{"long name", func() []Sheet { s := good(); s.Name = strings.Repeat("x", 32); return []Sheet{s} }, "longer than 31"},
		{"bad character", func() []Sheet { s := good(); s.Name = "a/b"; return []Sheet{s} }, `holds one of`},
		{"twice", func() []Sheet { s, u := good(), good(); u.Name = "A"; return []Sheet{s, u} }, "used twice"},
		{"no columns", func() []Sheet { s := good(); s.Columns = nil; s.Rows = nil; return []Sheet{s} }, "no columns"},
		{"short row", func() []Sheet { s := good(); s.Rows = append(s.Rows, []Value{}); return []Sheet{s} }, "row 3 has 0 values, want 1"},
		{"NaN", func() []Sheet { s := good(); s.Rows[0][0].Num = math.NaN(); return []Sheet{s} }, "cell A2: non-finite"},
		{"Inf", func() []Sheet { s := good(); s.Rows[0][0].Num = math.Inf(-1); return []Sheet{s} }, "cell A2: non-finite"},
		{"text in a number column", func() []Sheet { s := good(); s.Rows[0][0].Text = "1"; return []Sheet{s} }, `text "1" in a number column`},
		{"invalid UTF-8", func() []Sheet {
			s := good()
			s.Columns[0].Kind = KindText
			s.Rows[0][0] = Value{Text: "a\xffb"}
			return []Sheet{s}
		}, "not valid UTF-8"},
		{"too long", func() []Sheet {
			s := good()
			s.Columns[0].Kind = KindText
			s.Rows[0][0] = Value{Text: strings.Repeat("€", MaxTextLength+1)}
			return []Sheet{s}
		}, "longer than a cell holds"},
		{"decimals", func() []Sheet { s := good(); s.Columns[0].Decimals = 11; return []Sheet{s} }, "11 decimals"},
		{"kind", func() []Sheet { s := good(); s.Columns[0].Kind = 9; return []Sheet{s} }, "unknown kind 9"},
	} {
		var buf bytes.Buffer
		err := Write(&buf, c.sheets())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", c.name, buf.Len())
		}
	}
	// The longest text that fits is written.
	s := good()
	s.Columns[0].Kind = KindText
	s.Rows[0][0] = Value{Text: strings.Repeat("€", MaxTextLength)}
	if err := Write(io.Discard, []Sheet{s}); err != nil {
		t.Errorf("a text of %d characters: %v", MaxTextLength, err)
	}
}

func TestColumnLetters(t *testing.T) {
	for j, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnLetters(j); got != want {
			t.Errorf("columnLetters(%d) = %q, want %q", j, got, want)
		}
	}
}

func TestNumberText(t *testing.T) {
	point1, point2 := 0.1, 0.2
	noise := point1 + point2
	for _, c := range []struct {
		v    float64
		want string
	}{{0, "0"}, {math.Copysign(0, -1), "0"}, {1474399.48, "1474399.48"}, {-8, "-8"}, {noise, "0.30000000000000004"}, {1e-7, "0.0000001"}, {1e21, "1E+21"}} {
		if got := numberText(c.v); got != c.want {
			t.Errorf("numberText(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func zipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func itoa(i int) string { return strconv.Itoa(i) }
