package xlsx

// The writer: a workbook of typed cells in SpreadsheetML (ECMA-376 part 1,
// "Office Open XML"), on archive/zip and plain text templates. It writes
// only what natospend's reports need, and writes it the same way every time:
//
//   - text is always a shared string (t="s"), whatever it looks like: "1234",
//     "TRUE", "2026-01-02", "3.5%", "0012", "(100)", "=1+1" and "@SUM(A1)"
//     stay the text they are, never a number, date, boolean or formula
//     (there is no <f> element anywhere). Characters XML cannot hold, and a
//     literal "_xHHHH_" (which Excel would decode), are escaped as ST_Xstring;
//   - numbers are <v> values with a number format per column: thousands
//     separators and the column's decimals, the full value kept in the cell;
//     KindInt columns (years) have no separators; KindPercent columns hold
//     2.58 for 2.58 % (never 0.0258), shown "2.58";
//   - a flag is the number 1 or 0 shown TRUE or FALSE;
//   - an unknown value is an empty cell: no <c> element at all;
//   - the header row is bold text, optionally frozen, with an autofilter over
//     the table; column widths fit the longest shown value, capped;
//   - deterministic bytes: parts in a fixed order, fixed zip timestamps, no
//     dates in docProps, styles and shared strings numbered in order of
//     first use.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind says what a column holds and how its cells are written.
type Kind int

// The column kinds. (Named Kind..., apart from the reader's cell types.)
const (
	// KindText: a string cell, always (Value.Text).
	KindText Kind = iota
	// KindNumber: a number with thousands separators and Column.Decimals
	// decimals shown ("#,##0.0" for 1).
	KindNumber
	// KindInt: a whole number such as a year: shown without separators or
	// decimals ("0"); the value is written as it is.
	KindInt
	// KindPercent: a percentage as a plain number, 2.58 for 2.58 %, shown
	// with Column.Decimals decimals and no separators ("0.00" for 2). The column
	// title should say "%" (or "_pct"): the cell is not Excel's 0.0258.
	KindPercent
	// KindBool: a flag, written as the number 1 or 0 shown TRUE or FALSE
	// (a number format), so that a SUM counts the true ones. Not a boolean
	// cell (t="b"): LibreOffice turns those into =TRUE() formulas.
	KindBool
)

// Column describes one column of a sheet.
type Column struct {
	Title    string // the header cell (text)
	Kind     Kind
	Decimals int     // KindNumber and KindPercent: decimals shown (0 to 10)
	Width    float64 // in characters; 0: fit the longest shown value, capped at MaxWidth
}

// Value is one cell: Text for KindText columns; Num when Known for the
// others. An unknown value (Known false, or empty Text in a KindText
// column) is an empty cell.
type Value struct {
	Text  string
	Num   float64
	Known bool
}

// Sheet is one worksheet: a header row of column titles, then the rows.
type Sheet struct {
	Name    string // 1 to 31 characters, none of : \ / ? * [ ], unique (case-insensitively) in the workbook
	Columns []Column
	Rows    [][]Value // each exactly len(Columns) values
	// FreezeHeader keeps the header row in view when scrolling.
	FreezeHeader bool
	// AutoFilter puts filter buttons on the header, over all the rows.
	AutoFilter bool
}

// Limits of the format (Excel's, which LibreOffice shares).
const (
	MaxRows       = 1 << 20 // rows in a sheet, the header included
	MaxColumns    = 1 << 14 // columns in a sheet (XFD)
	MaxTextLength = 32767   // UTF-16 code units in a cell
	MaxSheetName  = 31      // characters in a sheet name
	MaxDecimals   = 10      // decimals a number format shows
	// MaxWidth caps a fitted column width, in characters: a long note or
	// URL wraps in the formula bar instead of making a screen-wide column.
	MaxWidth       = 60
	minColumnWidth = 6
)

// fixedZipTime is the modification time of every part: the earliest an
// MS-DOS zip timestamp can say, so that the bytes do not depend on the clock.
var fixedZipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes a workbook of the sheets to w (a .xlsx file's bytes). It
// checks everything first and writes nothing when a sheet is malformed:
// no sheet, a bad or repeated name, a row of the wrong length, a
// non-finite number, a text too long for a cell, text in a non-text
// column, or too many rows or columns. The same sheets give the same bytes.
func Write(w io.Writer, sheets []Sheet) error {
	if err := checkSheets(sheets); err != nil {
		return err
	}
	b := newWBParts()
	sheetXML := make([][]byte, len(sheets))
	for i := range sheets {
		sheetXML[i] = b.sheet(&sheets[i], i == 0)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedZipTime})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", contentTypesXML(len(sheets))},
		{"_rels/.rels", []byte(rootRelsXML)},
		{"docProps/app.xml", []byte(appPropsXML)},
		{"docProps/core.xml", []byte(corePropsXML)},
		{"xl/_rels/workbook.xml.rels", workbookRelsXML(len(sheets))},
		{"xl/workbook.xml", workbookPartXML(sheets)},
		{"xl/styles.xml", b.stylesXML()},
		{"xl/sharedStrings.xml", b.sharedStringsXML()},
	}
	for i, x := range sheetXML {
		parts = append(parts, struct {
			name string
			data []byte
		}{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), x})
	}
	for _, p := range parts {
		if err := add(p.name, p.data); err != nil {
			return fmt.Errorf("xlsx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// checkSheets validates the sheets before anything is written.
func checkSheets(sheets []Sheet) error {
	if len(sheets) == 0 {
		return fmt.Errorf("xlsx: a workbook needs at least one sheet")
	}
	names := map[string]bool{}
	for i := range sheets {
		s := &sheets[i]
		if err := checkSheetName(s.Name); err != nil {
			return err
		}
		key := strings.ToLower(s.Name)
		if names[key] {
			return fmt.Errorf("xlsx: sheet name %q is used twice (names are compared without regard to case)", s.Name)
		}
		names[key] = true
		if len(s.Columns) == 0 {
			return fmt.Errorf("xlsx: sheet %q has no columns", s.Name)
		}
		if len(s.Columns) > MaxColumns {
			return fmt.Errorf("xlsx: sheet %q has %d columns, more than a sheet holds (%d)", s.Name, len(s.Columns), MaxColumns)
		}
		if len(s.Rows)+1 > MaxRows {
			return fmt.Errorf("xlsx: sheet %q has %d rows and a header, more than a sheet holds (%d)", s.Name, len(s.Rows), MaxRows)
		}
		for j, c := range s.Columns {
			if c.Kind < KindText || c.Kind > KindBool {
				return fmt.Errorf("xlsx: sheet %q, column %d (%q): unknown kind %d", s.Name, j+1, c.Title, int(c.Kind))
			}
			if c.Decimals < 0 || c.Decimals > MaxDecimals {
				return fmt.Errorf("xlsx: sheet %q, column %d (%q): %d decimals (expected 0 to %d)", s.Name, j+1, c.Title, c.Decimals, MaxDecimals)
			}
			if math.IsNaN(c.Width) || c.Width < 0 || c.Width > 255 {
				return fmt.Errorf("xlsx: sheet %q, column %d (%q): width %v (expected 0 to 255)", s.Name, j+1, c.Title, c.Width)
			}
			if err := checkCellText(c.Title); err != nil {
				return fmt.Errorf("xlsx: sheet %q, header of column %d: %w", s.Name, j+1, err)
			}
		}
		for r, row := range s.Rows {
			if len(row) != len(s.Columns) {
				return fmt.Errorf("xlsx: sheet %q, row %d has %d values, want %d (one per column)", s.Name, r+2, len(row), len(s.Columns))
			}
			for j, v := range row {
				col := s.Columns[j]
				at := func() string { return fmt.Sprintf("xlsx: sheet %q, cell %s", s.Name, cellName(j, r+1)) }
				if col.Kind == KindText {
					if err := checkCellText(v.Text); err != nil {
						return fmt.Errorf("%s: %w", at(), err)
					}
					continue
				}
				if v.Text != "" {
					return fmt.Errorf("%s: text %q in a %s column", at(), v.Text, kindWord(col.Kind))
				}
				if v.Known && (math.IsNaN(v.Num) || math.IsInf(v.Num, 0)) {
					return fmt.Errorf("%s: non-finite number %v", at(), v.Num)
				}
			}
		}
	}
	return nil
}

func kindWord(k Kind) string {
	switch k {
	case KindText:
		return "text"
	case KindNumber:
		return "number"
	case KindInt:
		return "int"
	case KindPercent:
		return "percent"
	case KindBool:
		return "bool"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// checkSheetName applies Excel's rules for sheet names.
func checkSheetName(name string) error {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return fmt.Errorf("xlsx: a sheet needs a name")
	case n > MaxSheetName:
		return fmt.Errorf("xlsx: sheet name %q is longer than %d characters", name, MaxSheetName)
	case !utf8.ValidString(name):
		return fmt.Errorf("xlsx: sheet name %q is not valid UTF-8", name)
	case strings.ContainsAny(name, `:\/?*[]`):
		return fmt.Errorf("xlsx: sheet name %q holds one of : \\ / ? * [ ]", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("xlsx: sheet name %q starts or ends with an apostrophe", name)
	case strings.EqualFold(name, "History"):
		return fmt.Errorf("xlsx: sheet name %q is reserved by Excel", name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("xlsx: sheet name %q holds a control character", name)
		}
	}
	return nil
}

// checkCellText refuses text a cell cannot hold: invalid UTF-8 (it would not
// survive as XML) and text over MaxTextLength UTF-16 code units.
func checkCellText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("text %q is not valid UTF-8", s)
	}
	if len(s) > MaxTextLength { // bytes >= UTF-16 units... only count when it may matter
		units := 0
		for _, r := range s {
			units += utf16.RuneLen(r)
		}
		if units > MaxTextLength {
			return fmt.Errorf("text of %d characters is longer than a cell holds (%d)", units, MaxTextLength)
		}
	}
	return nil
}

// wbParts collects what the parts share: the shared strings and the cell
// styles, each numbered in order of first use.
type wbParts struct {
	strings  map[string]int
	order    []string
	refs     int // string cells written (sst count)
	styles   map[cellStyle]int
	styleSeq []cellStyle
}

// style is a cell format: a number format, and bold for headers.
type cellStyle struct {
	numFmt string // "" General, "@" text, else a format code
	bold   bool
}

func newWBParts() *wbParts {
	b := &wbParts{strings: map[string]int{}, styles: map[cellStyle]int{}}
	b.styleID(cellStyle{}) // xf 0: the default, General
	return b
}

func (b *wbParts) stringID(s string) int {
	b.refs++
	if i, ok := b.strings[s]; ok {
		return i
	}
	i := len(b.order)
	b.strings[s] = i
	b.order = append(b.order, s)
	return i
}

func (b *wbParts) styleID(st cellStyle) int {
	if i, ok := b.styles[st]; ok {
		return i
	}
	i := len(b.styleSeq)
	b.styles[st] = i
	b.styleSeq = append(b.styleSeq, st)
	return i
}

// numFmt is the number format code of a column.
func numFmtCode(c Column) string {
	switch c.Kind {
	case KindText:
		return "@"
	case KindInt:
		return "0"
	case KindBool:
		return boolFormat
	case KindPercent:
		return fixedFormat("0", c.Decimals)
	}
	return fixedFormat("#,##0", c.Decimals)
}

func fixedFormat(whole string, decimals int) string {
	if decimals <= 0 {
		return whole
	}
	return whole + "." + strings.Repeat("0", decimals)
}

// boolFormat shows 1 as TRUE and 0 as FALSE (positive; negative; zero).
const boolFormat = `"TRUE";"TRUE";"FALSE"`

// builtinNumFmts are the number formats every spreadsheet program knows by
// id (ECMA-376 18.8.30); other codes get ids from 164 on.
var builtinNumFmts = map[string]int{"": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "@": 49}

// sheet renders one worksheet.
func (b *wbParts) sheet(s *Sheet, first bool) []byte {
	var x bytes.Buffer
	lastCol := columnLetters(len(s.Columns) - 1)
	lastRow := len(s.Rows) + 1
	ref := "A1:" + lastCol + strconv.Itoa(lastRow)

	x.WriteString(xmlDeclaration)
	x.WriteString(`<worksheet xmlns="` + spreadsheetNS + `" xmlns:r="` + officeRelNS + `">`)
	x.WriteString(`<dimension ref="` + ref + `"/>`)
	x.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if first {
		x.WriteString(` tabSelected="1"`)
	}
	if s.FreezeHeader {
		x.WriteString(`><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
			`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	} else {
		x.WriteString(`/></sheetViews>`)
	}
	x.WriteString(`<sheetFormatPr defaultRowHeight="15"/>`)

	// Styles: the header, and one per column.
	header := b.styleID(cellStyle{numFmt: "@", bold: true})
	colStyle := make([]int, len(s.Columns))
	for j, c := range s.Columns {
		colStyle[j] = b.styleID(cellStyle{numFmt: numFmtCode(c)})
	}

	x.WriteString(`<cols>`)
	for j, c := range s.Columns {
		w := c.Width
		if w == 0 {
			w = fitColumnWidth(s, j)
		}
		n := strconv.Itoa(j + 1)
		fmt.Fprintf(&x, `<col min="%s" max="%s" width="%s" style="%d" customWidth="1"/>`, n, n, strconv.FormatFloat(w, 'f', -1, 64), colStyle[j])
	}
	x.WriteString(`</cols><sheetData>`)

	x.WriteString(`<row r="1">`)
	for j, c := range s.Columns {
		fmt.Fprintf(&x, `<c r="%s" s="%d" t="s"><v>%d</v></c>`, cellName(j, 0), header, b.stringID(c.Title))
	}
	x.WriteString(`</row>`)
	for i, row := range s.Rows {
		fmt.Fprintf(&x, `<row r="%d">`, i+2)
		for j, v := range row {
			c := s.Columns[j]
			r := cellName(j, i+1)
			switch {
			case c.Kind == KindText:
				if v.Text == "" {
					continue
				}
				fmt.Fprintf(&x, `<c r="%s" s="%d" t="s"><v>%d</v></c>`, r, colStyle[j], b.stringID(v.Text))
			case !v.Known:
				continue
			case c.Kind == KindBool:
				bit := "0"
				if v.Num != 0 {
					bit = "1"
				}
				fmt.Fprintf(&x, `<c r="%s" s="%d" t="n"><v>%s</v></c>`, r, colStyle[j], bit)
			default:
				fmt.Fprintf(&x, `<c r="%s" s="%d" t="n"><v>%s</v></c>`, r, colStyle[j], numberText(v.Num))
			}
		}
		x.WriteString(`</row>`)
	}
	x.WriteString(`</sheetData>`)
	if s.AutoFilter {
		x.WriteString(`<autoFilter ref="` + ref + `"/>`)
	}
	x.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	x.WriteString(`</worksheet>`)
	return x.Bytes()
}

// numberText writes a number as an xsd:double: the shortest text that
// reads back as the same float64 (full precision), without an exponent
// below 1e21, and "0" for -0.
func numberText(v float64) string {
	if v == 0 {
		return "0"
	}
	if math.Abs(v) < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'E', -1, 64)
}

// fitColumnWidth is the width of column j: its longest shown value (the title
// counts too, with room for the filter button), plus a margin, between
// minColumnWidth and MaxWidth.
func fitColumnWidth(s *Sheet, j int) float64 {
	c := s.Columns[j]
	w := displayWidth(c.Title)
	if s.AutoFilter {
		w += 2
	}
	for _, row := range s.Rows {
		v := row[j]
		var n int
		switch {
		case c.Kind == KindText:
			n = displayWidth(v.Text)
		case !v.Known:
			continue
		case c.Kind == KindBool:
			n = 5 // FALSE
		case c.Kind == KindInt:
			n = len(strconv.FormatFloat(math.Round(v.Num), 'f', 0, 64))
		case c.Kind == KindPercent:
			n = len(strconv.FormatFloat(v.Num, 'f', c.Decimals, 64))
		default:
			s := strconv.FormatFloat(v.Num, 'f', c.Decimals, 64)
			whole := len(strings.TrimPrefix(strings.SplitN(s, ".", 2)[0], "-"))
			n = len(s) + (whole-1)/3 // with thousands separators
		}
		w = max(w, n)
	}
	return math.Min(math.Max(float64(w)+2, minColumnWidth), MaxWidth)
}

// displayWidth counts the characters of s, wide (East Asian) ones twice, as
// a rough measure of its width in a spreadsheet's default font.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
			(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x20000 && r <= 0x3fffd)) {
			n++
		}
	}
	return n
}

// columnLetters is the letters of the 0-based column j: A, ..., Z, AA, ...
func columnLetters(j int) string {
	var b []byte
	for j++; j > 0; j = (j - 1) / 26 {
		b = append([]byte{byte('A' + (j-1)%26)}, b...)
	}
	return string(b)
}

// cellName is the reference of the cell in 0-based column j and row i.
func cellName(j, i int) string { return columnLetters(j) + strconv.Itoa(i+1) }

// escapeXMLText escapes s for XML character data or an attribute value, as
// ST_Xstring: markup characters as entities, characters XML 1.0 cannot
// hold (controls other than tab and line breaks, U+FFFE, U+FFFF) as
// _xHHHH_, and the '_' of a literal "_xHHHH_" as _x005F_, so that a
// spreadsheet program reads back exactly s.
func escapeXMLText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\r':
			b.WriteString("&#13;") // a raw CR would be read as a line break
		case r == '\t', r == '\n':
			b.WriteRune(r)
		case r < 0x20, r == 0xfffe, r == 0xffff:
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == '_' && startsXEscape(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// startsXEscape reports whether s starts with "_xHHHH_" (any case).
func startsXEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || (s[1] != 'x' && s[1] != 'X') || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

const (
	xmlDeclaration = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	spreadsheetNS  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	officeRelNS    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	packageRelNS   = "http://schemas.openxmlformats.org/package/2006/relationships"
	spreadsheetCT  = "application/vnd.openxmlformats-officedocument.spreadsheetml."

	rootRelsXML = xmlDeclaration + `<Relationships xmlns="` + packageRelNS + `">` +
		`<Relationship Id="rId1" Type="` + officeRelNS + `/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="` + packageRelNS + `/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + officeRelNS + `/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`

	// No dates: a file's bytes do not depend on when it was written.
	corePropsXML = xmlDeclaration + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>natospend</dc:creator></cp:coreProperties>`

	appPropsXML = xmlDeclaration + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>natospend</Application></Properties>`
)

func contentTypesXML(sheets int) []byte {
	var x bytes.Buffer
	x.WriteString(xmlDeclaration + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + spreadsheetCT + `sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + spreadsheetCT + `styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="` + spreadsheetCT + `sharedStrings+xml"/>`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&x, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="`+spreadsheetCT+`worksheet+xml"/>`, i)
	}
	x.WriteString(`</Types>`)
	return x.Bytes()
}

// workbookRels: the sheets are rId1..rIdN, then the styles and the shared
// strings.
func workbookRelsXML(sheets int) []byte {
	var x bytes.Buffer
	x.WriteString(xmlDeclaration + `<Relationships xmlns="` + packageRelNS + `">`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&x, `<Relationship Id="rId%d" Type="`+officeRelNS+`/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	fmt.Fprintf(&x, `<Relationship Id="rId%d" Type="`+officeRelNS+`/styles" Target="styles.xml"/>`, sheets+1)
	fmt.Fprintf(&x, `<Relationship Id="rId%d" Type="`+officeRelNS+`/sharedStrings" Target="sharedStrings.xml"/>`, sheets+2)
	x.WriteString(`</Relationships>`)
	return x.Bytes()
}

func workbookPartXML(sheets []Sheet) []byte {
	var x bytes.Buffer
	x.WriteString(xmlDeclaration + `<workbook xmlns="` + spreadsheetNS + `" xmlns:r="` + officeRelNS + `">`)
	x.WriteString(`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range sheets {
		fmt.Fprintf(&x, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escapeXMLText(s.Name), i+1, i+1)
	}
	x.WriteString(`</sheets>`)
	// Excel keeps an autofilter's range in a hidden defined name too.
	var names bytes.Buffer
	for i, s := range sheets {
		if !s.AutoFilter {
			continue
		}
		quoted := "'" + strings.ReplaceAll(s.Name, "'", "''") + "'"
		area := fmt.Sprintf("%s!$A$1:$%s$%d", quoted, columnLetters(len(s.Columns)-1), len(s.Rows)+1)
		fmt.Fprintf(&names, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s</definedName>`, i, escapeXMLText(area))
	}
	if names.Len() > 0 {
		x.WriteString(`<definedNames>`)
		x.Write(names.Bytes())
		x.WriteString(`</definedNames>`)
	}
	x.WriteString(`</workbook>`)
	return x.Bytes()
}

func (b *wbParts) stylesXML() []byte {
	var x bytes.Buffer
	x.WriteString(xmlDeclaration + `<styleSheet xmlns="` + spreadsheetNS + `">`)
	// Custom number formats, ids from 164 in order of first use.
	ids := make([]int, len(b.styleSeq))
	custom := map[string]int{}
	var customOrder []string
	for i, st := range b.styleSeq {
		if id, ok := builtinNumFmts[st.numFmt]; ok {
			ids[i] = id
			continue
		}
		id, ok := custom[st.numFmt]
		if !ok {
			id = 164 + len(customOrder)
			custom[st.numFmt] = id
			customOrder = append(customOrder, st.numFmt)
		}
		ids[i] = id
	}
	if len(customOrder) > 0 {
		fmt.Fprintf(&x, `<numFmts count="%d">`, len(customOrder))
		for _, code := range customOrder {
			fmt.Fprintf(&x, `<numFmt numFmtId="%d" formatCode="%s"/>`, custom[code], escapeXMLText(code))
		}
		x.WriteString(`</numFmts>`)
	}
	x.WriteString(`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&x, `<cellXfs count="%d">`, len(b.styleSeq))
	for i, st := range b.styleSeq {
		font := 0
		if st.bold {
			font = 1
		}
		fmt.Fprintf(&x, `<xf numFmtId="%d" fontId="%d" fillId="0" borderId="0" xfId="0"`, ids[i], font)
		if ids[i] != 0 {
			x.WriteString(` applyNumberFormat="1"`)
		}
		if st.bold {
			x.WriteString(` applyFont="1"`)
		}
		x.WriteString(`/>`)
	}
	x.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`<dxfs count="0"/><tableStyles count="0"/></styleSheet>`)
	return x.Bytes()
}

func (b *wbParts) sharedStringsXML() []byte {
	var x bytes.Buffer
	fmt.Fprintf(&x, xmlDeclaration+`<sst xmlns="`+spreadsheetNS+`" count="%d" uniqueCount="%d">`, b.refs, len(b.order))
	for _, s := range b.order {
		x.WriteString(`<si><t`)
		if s != strings.TrimSpace(s) {
			x.WriteString(` xml:space="preserve"`)
		}
		x.WriteString(`>`)
		x.WriteString(escapeXMLText(s))
		x.WriteString(`</t></si>`)
	}
	x.WriteString(`</sst>`)
	return x.Bytes()
}
