// Package xlsx reads and writes the parts of Office Open XML workbooks
// (.xlsx) that natospend needs, on archive/zip and encoding/xml alone: a
// spreadsheet library would add milliseconds of initialisation to every
// run of the binary.
//
// The reader returns the values a workbook stores, never computing any:
// numbers (dates are numbers too), text, booleans, errors, and the values
// last computed for formulas. It refuses what it cannot read faithfully or
// safely, with a *ReadError naming the file, and the sheet and cell where
// there is one: not a zip, a zip bomb, more than Limits allow, macros, a
// DTD in any XML part, a formula without a cached value or referring to
// another workbook, a cell outside Excel's grid, cells out of order,
// duplicate sheet names, missing parts.
package xlsx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/natospend/natospend/pkg/guardedfile"
)

// CellType is the type of a cell's value.
type CellType int

// The types of cell values. Empty is the zero value: Rows never returns an
// empty cell.
const (
	Empty  CellType = iota
	Number          // Num, and Text as stored ("1234.5", "1.2E-3")
	Text            // Text: a shared or inline string, or a formula's text
	Bool            // Text "TRUE" or "FALSE", Num 1 or 0
	Error           // Text: Excel's error value, such as "#REF!" or "#N/A"
)

func (t CellType) String() string {
	switch t {
	case Empty:
		return "empty"
	case Number:
		return "number"
	case Text:
		return "text"
	case Bool:
		return "boolean"
	case Error:
		return "error"
	}
	return "CellType(" + strconv.Itoa(int(t)) + ")"
}

// Cell is one cell with a value.
type Cell struct {
	Ref     string   // "B7"
	Col     int      // 1-based
	Row     int      // 1-based
	Type    CellType // Number, Text, Bool or Error
	Text    string   // the text (shared/inline string), or the number's text as stored
	Num     float64  // for Number (and Bool: 1 or 0)
	Formula bool     // the cell holds a formula; Text/Num are its cached value
	// Format is the number format code of the cell's style, such as
	// "0.00%" or "#,##0.0" ("" for General): a built-in format (numFmtId
	// below 164) is given by its code in the default locale ("0.00%" for
	// 10, "mm-dd-yy" for 14). The value is stored as it is: a percent
	// format shows 0.0205 as 2.05%, a date format shows 43466 as a date.
	Format string
}

// Row is a row with at least one cell with a value; Cells are in column
// order.
type Row struct {
	Index int // 1-based row number as in the file
	Cells []Cell
}

// Workbook is an opened workbook: its sheets are read by Rows.
type Workbook struct {
	Name   string   // file name as given
	SHA256 string   // hex of the file's bytes
	Sheets []string // sheet names in workbook order

	// ExternalLinks lists the other workbooks this one links to (the
	// targets of its xl/externalLinks parts, such as
	// "file:///G:/folder/book.xlsx", or the part when it names none), in
	// workbook order; nil for most. They are never opened. NATO's
	// workbooks have such links, left over in defined names that no cell
	// uses: a workbook with links is read, but a formula that refers to
	// another workbook (directly or through a defined name) is refused,
	// its value coming from another file.
	ExternalLinks []string

	lim    Limits
	parts  map[string]*zip.File // by lower-case part name
	sheets map[string]sheetRef  // by sheet name
	sst    []string             // shared strings
	// formats are the number format codes of the cell styles (cellXfs),
	// by style index; nil when the workbook has no styles part.
	formats []string
	// extNames are the defined names (lower case) that refer to
	// another workbook.
	extNames map[string]bool
}

type sheetRef struct {
	part string // the worksheet part, "" when not a worksheet
	kind string // what the sheet is when not a worksheet ("a chart sheet")
}

// ReadError is a workbook the reader refuses or cannot read: a problem of the
// file's content (an I/O failure is another error). Its text names the
// file, and the sheet and cell where there are:
// "book.xlsx: sheet TABLE2, cell C9: formula without a cached value".
type ReadError struct {
	File  string
	Sheet string // "" for the workbook as a whole
	Cell  string // "" for a sheet as a whole
	Msg   string
}

func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString(": ")
	if e.Sheet != "" {
		b.WriteString("sheet ")
		b.WriteString(show(e.Sheet))
		if e.Cell != "" {
			b.WriteString(", cell ")
			b.WriteString(e.Cell)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// show returns a name from the file fit for a message: as it is when it is
// short printable text, else quoted (and cut).
func show(s string) string {
	const max = 64
	cut := false
	if len(s) > max {
		s = s[:max]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		cut = true
	}
	plain := s != "" && strings.TrimSpace(s) == s
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) || r == '"' || r == ',' || r == ':' {
			plain = false
			break
		}
	}
	if !plain {
		s = strconv.Quote(s)
	}
	if cut {
		s += "..."
	}
	return s
}

func (wb *Workbook) fail(format string, a ...any) error {
	return &ReadError{File: wb.Name, Msg: fmt.Sprintf(format, a...)}
}

// Open opens the workbook at path, read with the guards of every input
// file (package guardedfile): a regular file (a named pipe, a device or a
// directory is refused, and a named pipe swapped in does not block the
// open) of at most lim.MaxFileSize bytes. Zero fields of lim take the
// defaults. A file refused is a *ReadError, one that cannot be read a
// *guardedfile.Error (wrapping the system's error); both name the file.
func Open(path string, lim Limits) (*Workbook, error) {
	lim = lim.withDefaults()
	data, err := guardedfile.Read(path, lim.MaxFileSize)
	if err != nil {
		var ge *guardedfile.Error
		if errors.As(err, &ge) && (errors.Is(err, guardedfile.ErrNotRegular) || errors.Is(err, guardedfile.ErrTooLarge)) {
			return nil, &ReadError{File: path, Msg: ge.Reason}
		}
		return nil, err
	}
	return OpenBytes(path, data, lim)
}

func tooLarge(name string, n int64, lim Limits) error {
	return &ReadError{File: name, Msg: guardedfile.TooLarge(name, n, lim.MaxFileSize).Reason}
}

// OpenBytes opens the workbook whose file's bytes are data; name is used
// in errors. Zero fields of lim take the defaults. It reads the workbook's
// structure and its shared strings; Rows reads a sheet.
func OpenBytes(name string, data []byte, lim Limits) (*Workbook, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxFileSize {
		return nil, tooLarge(name, int64(len(data)), lim)
	}
	sum := sha256.Sum256(data)
	wb := &Workbook{Name: name, SHA256: hex.EncodeToString(sum[:]), lim: lim, sheets: map[string]sheetRef{}}
	if err := wb.open(data); err != nil {
		return nil, err
	}
	return wb, nil
}

// Relationship types, matched by their last segment (the transitional and
// the strict schemas differ only in the prefix).
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
	relExternalLink   = "/externalLink"
	relExternalPath   = "/externalLinkPath"
)

type rel struct {
	typ, target string // target: a part name, or the URL of an external target
	external    bool
	// outside: a target that leaves the package, such as "../x.xml"
	// (LibreOffice writes one in _rels/.rels, for a part no reader
	// needs): refused when it is used.
	outside bool
}

// outsideErr is the error of a relationship used whose target leaves the
// package.
func (wb *Workbook) outsideErr(r rel) error {
	return wb.fail("not a valid workbook: its %s relationship has a target outside the file: %s", show(path.Base(r.typ)), show(r.target))
}

// budget is what is left of lim.MaxUncompressed.
type budget struct{ left int64 }

func (wb *Workbook) open(data []byte) error {
	ext := strings.ToLower(path.Ext(wb.Name))
	switch ext {
	case ".xlsm", ".xltm", ".xlam":
		return wb.fail("macro-enabled workbooks (%s) are refused: save it as .xlsx", ext)
	}
	// Each entry of the zip's directory costs archive/zip a few hundred
	// bytes before anything is read: count them first. Every entry begins
	// with this signature, so its count bounds theirs.
	if n := bytes.Count(data, []byte("PK\x01\x02")); n > maxParts {
		return wb.fail("not a workbook: the zip has more than %d entries", maxParts)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, zip.ErrFormat) {
			return wb.fail("not an xlsx workbook: not a zip file (an .xlsx file is one)")
		}
		return wb.fail("not an xlsx workbook: %v", err)
	}
	wb.parts = make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		key := strings.ToLower(f.Name)
		if _, dup := wb.parts[key]; dup {
			return wb.fail("not a valid workbook: the zip holds %s twice", show(f.Name))
		}
		wb.parts[key] = f
		if base := path.Base(key); base == "vbaproject.bin" || strings.HasPrefix(key, "xl/macrosheets/") {
			return wb.fail("workbooks with macros are refused (it holds %s): save it as .xlsx without macros", show(f.Name))
		}
	}
	b := &budget{left: wb.lim.MaxUncompressed}
	if err := wb.readContentTypes(b); err != nil {
		return err
	}
	rootRels, err := wb.readRels(b, "_rels/.rels", "")
	if err != nil {
		return err
	}
	main := ""
	for _, r := range rootRels {
		if strings.HasSuffix(r.typ, relOfficeDocument) && !r.external {
			if r.outside {
				return wb.outsideErr(r.rel)
			}
			main = r.target
			break
		}
	}
	if main == "" {
		return wb.fail("not an xlsx workbook: _rels/.rels names no main document")
	}
	if wb.part(main) == nil {
		return wb.fail("not a valid workbook: missing part %s", show(main))
	}
	rels, err := wb.readRels(b, relsOf(main), main)
	if err != nil {
		return err
	}
	byID := map[string]rel{}
	for _, r := range rels {
		byID[r.rid] = r.rel
	}
	sheets, extRefs, err := wb.readWorkbook(b, main)
	if err != nil {
		return err
	}
	var sheetParts []string
	seen := map[string]string{}
	for _, s := range sheets {
		if s.name == "" {
			return wb.fail("not a valid workbook: %s has a sheet without a name", show(main))
		}
		low := strings.ToLower(s.name)
		if prev, dup := seen[low]; dup {
			return wb.fail("not a valid workbook: two sheets are named %s and %s (sheet names must differ, ignoring case)", show(prev), show(s.name))
		}
		seen[low] = s.name
		r, ok := byID[s.rid]
		if !ok {
			return wb.fail("not a valid workbook: sheet %s refers to relationship %s, missing from %s", show(s.name), show(s.rid), relsOf(main))
		}
		ref := sheetRef{}
		switch {
		case r.external:
			return wb.fail("not a valid workbook: sheet %s is outside the file (%s)", show(s.name), show(r.target))
		case r.outside:
			return wb.outsideErr(r)
		case strings.HasSuffix(r.typ, relWorksheet):
			ref.part = r.target
			sheetParts = append(sheetParts, r.target)
		case strings.HasSuffix(strings.ToLower(r.typ), "/xlmacrosheet"), strings.HasSuffix(strings.ToLower(r.typ), "/xlintlmacrosheet"):
			return wb.fail("workbooks with macros are refused (sheet %s is a macro sheet): save it as .xlsx without macros", show(s.name))
		case strings.HasSuffix(r.typ, "/chartsheet"):
			ref.kind = "a chart sheet"
		case strings.HasSuffix(r.typ, "/dialogsheet"):
			ref.kind = "a dialog sheet"
		default:
			ref.kind = "not a worksheet (" + show(r.typ) + ")"
		}
		if wb.part(r.target) == nil {
			return wb.fail("not a valid workbook: sheet %s: missing part %s", show(s.name), show(r.target))
		}
		wb.sheets[s.name] = ref
		wb.Sheets = append(wb.Sheets, s.name)
	}
	// External links: declared in workbook.xml and as relationships.
	var links []string
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relExternalLink) {
			links = append(links, r.target)
		}
	}
	for _, id := range extRefs {
		r, ok := byID[id]
		if !ok || !strings.HasSuffix(r.typ, relExternalLink) {
			return wb.fail("not a valid workbook: external reference %s has no externalLink relationship in %s", show(id), relsOf(main))
		}
	}
	for _, f := range zr.File {
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/externallinks/") && !strings.Contains(strings.ToLower(f.Name), "/_rels/") && !containsFold(links, f.Name) {
			links = append(links, f.Name)
		}
	}
	for _, l := range links {
		target := l // the part, when it does not say which file it links to
		if wb.part(relsOf(l)) != nil {
			lr, err := wb.readRels(b, relsOf(l), l)
			if err != nil {
				return err
			}
			for _, r := range lr {
				if strings.HasSuffix(r.typ, relExternalPath) {
					target = r.target
				}
			}
		}
		wb.ExternalLinks = append(wb.ExternalLinks, target)
	}
	// Shared strings.
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relSharedStrings) && !r.external {
			if r.outside {
				return wb.outsideErr(r.rel)
			}
			if wb.part(r.target) == nil {
				return wb.fail("not a valid workbook: missing part %s", show(r.target))
			}
			if err := wb.readSharedStrings(b, r.target); err != nil {
				return err
			}
			break
		}
	}
	// Styles: the number format of each cell style.
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relStyles) && !r.external {
			if r.outside {
				return wb.outsideErr(r.rel)
			}
			if wb.part(r.target) == nil {
				return wb.fail("not a valid workbook: missing part %s", show(r.target))
			}
			if err := wb.readStyles(b, r.target); err != nil {
				return err
			}
			break
		}
	}
	// The worksheets are read later, by Rows: their declared sizes must
	// fit in what is left.
	var total uint64
	for _, p := range sheetParts {
		total += wb.part(p).UncompressedSize64
		if total > uint64(b.left) {
			return wb.fail("zip bomb refused: its parts declare %d bytes uncompressed, over the limit of %d", uint64(wb.lim.MaxUncompressed-b.left)+total, wb.lim.MaxUncompressed)
		}
	}
	for _, p := range sheetParts {
		if err := wb.checkRatio(wb.part(p)); err != nil {
			return err
		}
	}
	return nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// part returns the zip entry of a part name (case-insensitive, as in OPC),
// or nil.
func (wb *Workbook) part(name string) *zip.File {
	return wb.parts[strings.ToLower(name)]
}

// relsOf returns the relationships part of a part: xl/_rels/workbook.xml.rels
// for xl/workbook.xml.
func relsOf(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// checkRatio refuses a large part compressed beyond any real workbook's.
func (wb *Workbook) checkRatio(f *zip.File) error {
	if f.UncompressedSize64 <= ratioFloor {
		return nil
	}
	if f.CompressedSize64 == 0 || f.UncompressedSize64/f.CompressedSize64 > maxRatio {
		c := f.CompressedSize64
		if c == 0 {
			c = 1
		}
		return wb.fail("zip bomb refused: part %s is compressed %d:1 (%d bytes to %d; at most %d:1 is accepted)",
			show(f.Name), f.UncompressedSize64/c, f.UncompressedSize64, f.CompressedSize64, maxRatio)
	}
	return nil
}

// openPart opens a part for reading within the budget: its declared size
// must fit, and it may not yield more than it declares.
func (wb *Workbook) openPart(b *budget, f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(b.left) {
		return nil, wb.fail("zip bomb refused: its parts declare more than %d bytes uncompressed, the limit (%s alone declares %d)",
			wb.lim.MaxUncompressed, show(f.Name), f.UncompressedSize64)
	}
	if err := wb.checkRatio(f); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wb.fail("cannot read part %s: %v", show(f.Name), err)
	}
	b.left -= int64(f.UncompressedSize64)
	return &partReader{wb: wb, f: f, rc: rc, left: int64(f.UncompressedSize64)}, nil
}

// partReader counts the bytes a part yields and stops at one more than it
// declared (archive/zip checks that too, at the end).
type partReader struct {
	wb   *Workbook
	f    *zip.File
	rc   io.ReadCloser
	left int64
}

func (r *partReader) Read(p []byte) (int, error) {
	if int64(len(p)) > r.left+1 {
		p = p[:r.left+1]
	}
	n, err := r.rc.Read(p)
	r.left -= int64(n)
	if r.left < 0 {
		return 0, r.wb.fail("zip bomb refused: part %s inflates to more than the %d bytes it declares", show(r.f.Name), r.f.UncompressedSize64)
	}
	switch {
	case errors.Is(err, zip.ErrFormat):
		// archive/zip checks the size as it inflates, before this reader
		// can count the excess: a part that yields more than it declares,
		// or less.
		return n, r.wb.fail("zip bomb refused: part %s is corrupt or inflates to more than the %d bytes it declares (%v)", show(r.f.Name), r.f.UncompressedSize64, err)
	case err != nil && err != io.EOF:
		return n, r.wb.fail("cannot read part %s: %v", show(r.f.Name), err)
	}
	return n, err
}

func (r *partReader) Close() error { return r.rc.Close() }

// maxDepth bounds the nesting of XML elements (a worksheet's cells are at
// depth 4, their rich text at 6).
const maxDepth = 64

// walker reads the tokens of an XML part, keeping the path of the open
// elements (local names) and refusing any DTD.
type walker struct {
	wb    *Workbook
	part  string
	dec   *xml.Decoder
	stack []string
	root  bool // the root element was seen
}

func (wb *Workbook) walk(r io.Reader, part string) *walker {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	return &walker{wb: wb, part: part, dec: dec}
}

// next returns the next token (io.EOF at the end). After a StartElement the
// stack ends with it; after an EndElement it no longer holds it.
func (w *walker) next() (xml.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		if err == io.EOF {
			if len(w.stack) > 0 {
				return nil, w.fail("unexpected end of XML")
			}
			return nil, io.EOF
		}
		var e *ReadError
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, w.fail("invalid XML: %v", err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(w.stack) >= maxDepth {
			return nil, w.fail("XML nested more than %d elements deep", maxDepth)
		}
		if len(w.stack) == 0 && w.root {
			return nil, w.fail("invalid XML: more than one root element")
		}
		w.stack = append(w.stack, t.Name.Local)
		w.root = true
	case xml.EndElement:
		w.stack = w.stack[:len(w.stack)-1]
	case xml.Directive:
		return nil, w.fail("XML with a DTD (<!DOCTYPE ...>) or other directive is refused")
	}
	return tok, nil
}

func (w *walker) fail(format string, a ...any) error {
	return w.wb.fail("part %s: %s", show(w.part), fmt.Sprintf(format, a...))
}

// at reports whether the open elements are exactly names.
func (w *walker) at(names ...string) bool {
	if len(w.stack) != len(names) {
		return false
	}
	for i, n := range names {
		if w.stack[i] != n {
			return false
		}
	}
	return true
}

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || local == "id") {
			return a.Value, true
		}
	}
	return "", false
}

// readXML runs fn on every token of a part, whose root element must be
// root.
func (wb *Workbook) readXML(b *budget, part, root string, fn func(w *walker, tok xml.Token) error) error {
	f := wb.part(part)
	if f == nil {
		return wb.fail("not a valid workbook: missing part %s", show(part))
	}
	rc, err := wb.openPart(b, f)
	if err != nil {
		return err
	}
	defer rc.Close()
	w := wb.walk(rc, f.Name)
	for {
		tok, err := w.next()
		if err == io.EOF {
			if !w.root {
				return w.fail("no XML element")
			}
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && len(w.stack) == 1 && se.Name.Local != root {
			return w.fail("expected a <%s> element, found <%s>", root, show(se.Name.Local))
		}
		if err := fn(w, tok); err != nil {
			return err
		}
	}
}

func (wb *Workbook) readContentTypes(b *budget) error {
	const part = "[Content_Types].xml"
	return wb.readXML(b, part, "Types", func(w *walker, tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || len(w.stack) != 2 {
			return nil
		}
		ct, _ := attr(se, "ContentType")
		low := strings.ToLower(ct)
		if strings.Contains(low, "macroenabled") || strings.Contains(low, "vbaproject") || strings.Contains(low, "macrosheet") {
			return wb.fail("workbooks with macros are refused (content type %s): save it as .xlsx without macros", show(ct))
		}
		return nil
	})
}

type relEntry struct {
	rel
	rid string
}

// readRels reads a relationships part; source is the part whose
// relationships they are ("" for the package), against which targets are
// resolved.
func (wb *Workbook) readRels(b *budget, part, source string) ([]relEntry, error) {
	var out []relEntry
	err := wb.readXML(b, part, "Relationships", func(w *walker, tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || !w.at("Relationships", "Relationship") {
			return nil
		}
		id, _ := attr(se, "Id")
		typ, _ := attr(se, "Type")
		target, _ := attr(se, "Target")
		mode, _ := attr(se, "TargetMode")
		r := relEntry{rid: id, rel: rel{typ: typ, target: target, external: mode == "External"}}
		if !r.external {
			if t, ok := resolve(source, target); ok {
				r.target = t
			} else {
				r.outside = true
			}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// resolve returns the part name a relationship target names, relative to
// the source part's folder (or absolute), and false for one that leaves
// the package.
func resolve(source, target string) (string, bool) {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(target[1:])
	} else {
		p = path.Join(path.Dir(source), target)
	}
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return "", false
	}
	return p, true
}

type sheetEntry struct{ name, rid string }

// readWorkbook reads the sheets (names and relationship ids) and the ids of
// the external references from the workbook part.
func (wb *Workbook) readWorkbook(b *budget, part string) (sheets []sheetEntry, extRefs []string, err error) {
	names := map[string]string{} // defined names (lower case) and their formulas
	var name string
	var text []byte
	err = wb.readXML(b, part, "workbook", func(w *walker, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.CharData:
			if w.at("workbook", "definedNames", "definedName") {
				if len(text)+len(t) > maxTextLen {
					return w.fail("defined name %s is longer than %d bytes", show(name), maxTextLen)
				}
				text = append(text, t...)
			}
			return nil
		case xml.EndElement:
			if w.at("workbook", "definedNames") {
				names[strings.ToLower(name)] += " " + string(text)
			}
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch {
		case w.at("workbook", "definedNames", "definedName"):
			name, _ = attr(se, "name")
			text = text[:0]
		case w.at("workbook", "sheets", "sheet"):
			if len(sheets) >= wb.lim.MaxSheets {
				return wb.fail("more than %d sheets (the limit)", wb.lim.MaxSheets)
			}
			name, _ := attr(se, "name")
			rid, _ := attr(se, "id")
			sheets = append(sheets, sheetEntry{name, rid})
		case w.at("workbook", "externalReferences", "externalReference"):
			rid, _ := attr(se, "id")
			extRefs = append(extRefs, rid)
		}
		return nil
	})
	if err == nil && len(sheets) == 0 {
		err = wb.fail("not a valid workbook: %s lists no sheet", show(part))
	}
	wb.extNames = externalNames(names)
	return sheets, extRefs, err
}

// externalNames returns the defined names that refer to another workbook,
// directly or through other names (to 8 levels; beyond, every name that
// refers to a name is counted).
func externalNames(names map[string]string) map[string]bool {
	ext := map[string]bool{}
	for n, f := range names {
		if hasExternalRef(f) {
			ext[n] = true
		}
	}
	for pass := 0; ; pass++ {
		changed := false
		for n, f := range names {
			if !ext[n] && usesName(f, ext, pass >= 8, names) {
				ext[n] = true
				changed = true
			}
		}
		if !changed {
			return ext
		}
	}
}

// hasExternalRef reports whether a formula holds a reference to another
// workbook, which Excel stores as an index in brackets at the start of a
// reference: [1]Sheet1!A1, '[1]My sheet'!A1, [1]!Name. Brackets after a
// name are a table's columns (Table1[Col]) and are not counted; text in
// quotes is skipped.
func hasExternalRef(f string) bool {
	inString := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '"' {
			inString = !inString // "" inside a string toggles twice
			continue
		}
		if inString || c != '[' {
			continue
		}
		if i > 0 && (isNameByte(f[i-1]) || f[i-1] == ']') {
			continue
		}
		j := i + 1
		for j < len(f) && f[j] >= '0' && f[j] <= '9' {
			j++
		}
		if j > i+1 && j < len(f) && f[j] == ']' {
			return true
		}
	}
	return false
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '\\' || c >= 0x80
}

// usesName reports whether a formula uses one of the names in set (lower
// case), or, when any is true, any of the names in all; text in quotes is
// skipped.
func usesName(f string, set map[string]bool, any bool, all map[string]string) bool {
	inString := false
	for i := 0; i < len(f); {
		c := f[i]
		if c == '"' {
			inString = !inString
			i++
			continue
		}
		if inString || !isNameByte(c) {
			i++
			continue
		}
		j := i
		for j < len(f) && isNameByte(f[j]) {
			j++
		}
		w := strings.ToLower(f[i:j])
		if set[w] {
			return true
		}
		if _, ok := all[w]; ok && any {
			return true
		}
		i = j
	}
	return false
}

// readSharedStrings reads the shared strings: each <si> is plain text (<t>)
// or rich text (runs <r><t>); phonetic hints (<rPh>) are not text.
func (wb *Workbook) readSharedStrings(b *budget, part string) error {
	var cur strings.Builder
	inSI := false
	return wb.readXML(b, part, "sst", func(w *walker, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if w.at("sst", "si") {
				if len(wb.sst) >= maxSharedStrings {
					return w.fail("more than %d shared strings", maxSharedStrings)
				}
				cur.Reset()
				inSI = true
			}
		case xml.CharData:
			if inSI && (w.at("sst", "si", "t") || w.at("sst", "si", "r", "t")) {
				if cur.Len()+len(t) > maxTextLen {
					return w.fail("shared string %d is longer than %d bytes", len(wb.sst), maxTextLen)
				}
				cur.Write(t)
			}
		case xml.EndElement:
			if inSI && w.at("sst") {
				wb.sst = append(wb.sst, unescapeX(cur.String()))
				inSI = false
			}
		}
		return nil
	})
}

// unescapeX decodes the _xHHHH_ escapes of OOXML strings (ST_Xstring):
// "_x000D_" is a carriage return, "_x005F_" an underscore.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				if r := rune(v); utf8.ValidRune(r) {
					b.WriteRune(r)
				} else {
					b.WriteRune(utf8.RuneError)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// builtinFormats are the codes of the built-in number formats (ECMA-376
// Part 1, 18.8.30), in the default (en-US) locale. The ids the standard
// leaves to the locale (27-36, 50-58: dates in East Asian locales) are
// given a date code, so that they read as dates.
var builtinFormats = map[int]string{
	0: "", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	5: `"$"#,##0_);("$"#,##0)`, 6: `"$"#,##0_);[Red]("$"#,##0)`, 7: `"$"#,##0.00_);("$"#,##0.00)`, 8: `"$"#,##0.00_);[Red]("$"#,##0.00)`,
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

func builtinFormat(id int) string {
	if (id >= 27 && id <= 36) || (id >= 50 && id <= 58) {
		return "yyyy/m/d"
	}
	return builtinFormats[id]
}

// maxStyles bounds the cell styles read (Excel's own limit is 64,000).
const maxStyles = 65_536

// readStyles reads the number format of each cell style: styleSheet >
// numFmts > numFmt (numFmtId, formatCode) and styleSheet > cellXfs > xf
// (numFmtId).
func (wb *Workbook) readStyles(b *budget, part string) error {
	custom := map[int]string{}
	var ids []int
	err := wb.readXML(b, part, "styleSheet", func(w *walker, tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch {
		case w.at("styleSheet", "numFmts", "numFmt"):
			id, err := strconv.Atoi(attrOr(se, "numFmtId"))
			if err != nil || id < 0 {
				return w.fail("numFmt without a valid numFmtId")
			}
			code, _ := attr(se, "formatCode")
			if len(code) > maxTextLen {
				return w.fail("number format %d is longer than %d bytes", id, maxTextLen)
			}
			if strings.EqualFold(code, "general") {
				code = "" // LibreOffice writes General as a custom format
			}
			custom[id] = code
		case w.at("styleSheet", "cellXfs", "xf"):
			if len(ids) >= maxStyles {
				return w.fail("more than %d cell styles", maxStyles)
			}
			id := 0
			if v, ok := attr(se, "numFmtId"); ok {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return w.fail("cell style %d has numFmtId %s, not a number", len(ids), show(v))
				}
				id = n
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	wb.formats = make([]string, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			wb.formats[i] = code
		} else {
			wb.formats[i] = builtinFormat(id)
		}
	}
	if len(ids) == 0 {
		wb.formats = nil
	}
	return nil
}

func attrOr(se xml.StartElement, local string) string {
	v, _ := attr(se, local)
	return v
}

// IsWorksheet reports whether the named sheet is a worksheet of cells,
// which Rows reads (a chart sheet is not).
func (wb *Workbook) IsWorksheet(sheet string) bool {
	ref, ok := wb.sheets[sheet]
	return ok && ref.part != ""
}

// Rows reads a sheet's rows that hold at least one value, in order, with
// their cells that hold one, in order. The sheet is decoded as a stream;
// more than lim.MaxCells cells (with a value or not) are refused.
func (wb *Workbook) Rows(sheet string) ([]Row, error) {
	ref, ok := wb.sheets[sheet]
	if !ok {
		names := make([]string, len(wb.Sheets))
		for i, s := range wb.Sheets {
			names[i] = show(s)
		}
		return nil, wb.fail("no sheet named %s (sheets: %s)", show(sheet), strings.Join(names, ", "))
	}
	if ref.part == "" {
		return nil, &ReadError{File: wb.Name, Sheet: sheet, Msg: "is " + ref.kind + ", not a worksheet of cells"}
	}
	f := wb.part(ref.part)
	// Each read of a sheet may use the whole budget: the declared sizes
	// of all the parts were checked against it by Open.
	b := &budget{left: wb.lim.MaxUncompressed}
	rc, err := wb.openPart(b, f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	sr := sheetReader{wb: wb, sheet: sheet, w: wb.walk(rc, f.Name)}
	return sr.read()
}

type sheetReader struct {
	wb    *Workbook
	sheet string
	w     *walker

	rows    []Row
	row     Row // the row being read
	lastCol int // the column of the row's last <c>, with a value or not
	cells   int // <c> elements read

	// the cell being read
	c                 Cell
	t                 string // its t attribute
	v                 []byte // its <v>
	is                []byte // its inline string
	hasV, hasIs, hasF bool
	f                 []byte          // its formula's text
	fShared, fSI      string          // its formula's t="shared" and si
	shared            map[string]bool // the shared formulas (by si) that refer to another workbook
}

func (s *sheetReader) fail(cell string, format string, a ...any) error {
	return &ReadError{File: s.wb.Name, Sheet: s.sheet, Cell: cell, Msg: fmt.Sprintf(format, a...)}
}

// read reads the sheet's cells: worksheet > sheetData > row > c > v, f, is
// (> t, r > t); everything else is skipped.
func (s *sheetReader) read() ([]Row, error) {
	w := s.w
	for {
		tok, err := w.next()
		if err == io.EOF {
			if !w.root {
				return nil, s.fail("", "part %s: no XML element", show(w.part))
			}
			return s.rows, nil
		}
		if err != nil {
			var e *ReadError
			if errors.As(err, &e) && e.Sheet == "" {
				e.Sheet = s.sheet
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(w.stack) == 1 && t.Name.Local != "worksheet" {
				return nil, s.fail("", "part %s: expected a <worksheet> element, found <%s>", show(w.part), show(t.Name.Local))
			}
			if err := s.start(t); err != nil {
				return nil, err
			}
		case xml.CharData:
			switch {
			case s.inCell("v"):
				if len(s.v)+len(t) > maxTextLen {
					return nil, s.fail(s.c.Ref, "value longer than %d bytes", maxTextLen)
				}
				s.v = append(s.v, t...)
			case s.inCell("f"):
				if len(s.wb.ExternalLinks) > 0 {
					if len(s.f)+len(t) > maxTextLen {
						return nil, s.fail(s.c.Ref, "formula longer than %d bytes", maxTextLen)
					}
					s.f = append(s.f, t...)
				}
			case s.inCell("is", "t"), s.inCell("is", "r", "t"):
				if len(s.is)+len(t) > maxTextLen {
					return nil, s.fail(s.c.Ref, "text longer than %d bytes", maxTextLen)
				}
				s.is = append(s.is, t...)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "c" && w.at("worksheet", "sheetData", "row"):
				if err := s.endCell(); err != nil {
					return nil, err
				}
			case t.Name.Local == "row" && w.at("worksheet", "sheetData"):
				if len(s.row.Cells) > 0 {
					s.rows = append(s.rows, s.row)
				}
				s.row.Cells = nil
			}
		}
	}
}

// inCell reports whether the open elements are worksheet > sheetData > row
// > c > names....
func (s *sheetReader) inCell(names ...string) bool {
	st := s.w.stack
	if len(st) != 4+len(names) || st[0] != "worksheet" || st[1] != "sheetData" || st[2] != "row" || st[3] != "c" {
		return false
	}
	for i, n := range names {
		if st[4+i] != n {
			return false
		}
	}
	return true
}

func (s *sheetReader) start(se xml.StartElement) error {
	w := s.w
	switch {
	case w.at("worksheet", "sheetData", "row"):
		prev := s.row.Index
		n := prev + 1
		if r, ok := attr(se, "r"); ok {
			v, err := strconv.Atoi(r)
			if err != nil || v < 1 || r[0] == '+' || r[0] == '0' {
				return s.fail("", "row %s: not a row number", show(r))
			}
			n = v
		}
		if n > maxRow {
			return s.fail("", "row %d is beyond Excel's grid (at most %d rows)", n, maxRow)
		}
		if n <= prev {
			return s.fail("", "row %d comes after row %d (rows out of order or repeated)", n, prev)
		}
		s.row = Row{Index: n}
		s.lastCol = 0
	case w.at("worksheet", "sheetData", "row", "c"):
		s.cells++
		if s.cells > s.wb.lim.MaxCells {
			return s.fail("", "more than %d cells (the limit)", s.wb.lim.MaxCells)
		}
		c := Cell{Row: s.row.Index, Col: s.lastCol + 1}
		if r, ok := attr(se, "r"); ok {
			col, row, problem := parseRef(r)
			if problem != "" {
				return s.fail(show(r), "%s", problem)
			}
			if row != s.row.Index {
				return s.fail(r, "cell in row %d", s.row.Index)
			}
			if col <= s.lastCol {
				return s.fail(r, "comes after %s (cells out of order or repeated)", cellRef(s.lastCol, row))
			}
			c.Col, c.Ref = col, r
		} else {
			if c.Col > maxCol {
				return s.fail("", "row %d: a cell beyond column XFD, the edge of Excel's grid", s.row.Index)
			}
			c.Ref = cellRef(c.Col, c.Row)
		}
		s.lastCol = c.Col
		s.c = c
		s.t, _ = attr(se, "t")
		if st, ok := attr(se, "s"); ok && s.wb.formats != nil {
			i, err := strconv.Atoi(st)
			if err != nil || i < 0 || i >= len(s.wb.formats) {
				return s.fail(c.Ref, "has style %s, not one of the workbook's %d cell styles", show(st), len(s.wb.formats))
			}
			s.c.Format = s.wb.formats[i]
		}
		s.v, s.is = s.v[:0], s.is[:0]
		s.hasV, s.hasIs, s.hasF = false, false, false
		s.f, s.fShared, s.fSI = s.f[:0], "", ""
	case s.inCell("v"):
		s.hasV = true
	case s.inCell("f"):
		s.hasF = true
		s.fShared, _ = attr(se, "t")
		s.fSI, _ = attr(se, "si")
	case s.inCell("is"):
		s.hasIs = true
	}
	return nil
}

// endCell completes the cell just read, adding it to the row when it has a
// value.
func (s *sheetReader) endCell() error {
	c := s.c
	c.Formula = s.hasF
	if s.hasF && len(s.wb.ExternalLinks) > 0 && s.externalFormula() {
		return s.fail(c.Ref, "formula refers to another workbook: its value comes from another file (paste the values alone into a workbook without links)")
	}
	if s.hasF && !s.hasV && !(s.t == "inlineStr" && s.hasIs) {
		return s.fail(c.Ref, "formula without a cached value (open the workbook in a spreadsheet program, let it compute, and save it)")
	}
	v := string(s.v)
	switch s.t {
	case "", "n":
		if !s.hasV {
			return nil
		}
		num, ok := parseNumber(v)
		if !ok {
			return s.fail(c.Ref, "number cell holds %s, not a number", show(v))
		}
		c.Type, c.Num, c.Text = Number, num, strings.TrimSpace(v)
	case "s":
		if !s.hasV {
			return nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.wb.sst) {
			return s.fail(c.Ref, "refers to shared string %s, not one of the workbook's %d", show(v), len(s.wb.sst))
		}
		c.Type, c.Text = Text, s.wb.sst[i]
	case "str":
		if !s.hasV {
			return nil
		}
		c.Type, c.Text = Text, unescapeX(v)
	case "inlineStr":
		if !s.hasIs {
			return nil
		}
		c.Type, c.Text = Text, unescapeX(string(s.is))
	case "b":
		if !s.hasV {
			return nil
		}
		switch strings.TrimSpace(v) {
		case "1", "true":
			c.Type, c.Text, c.Num = Bool, "TRUE", 1
		case "0", "false":
			c.Type, c.Text, c.Num = Bool, "FALSE", 0
		default:
			return s.fail(c.Ref, "boolean cell holds %s, not 0 or 1", show(v))
		}
	case "e":
		if !s.hasV {
			return nil
		}
		c.Type, c.Text = Error, v
	case "d":
		// An ISO 8601 date (strict OOXML): kept as its text.
		if !s.hasV {
			return nil
		}
		c.Type, c.Text = Text, v
	default:
		return s.fail(c.Ref, "unknown cell type %s", show(s.t))
	}
	s.row.Cells = append(s.row.Cells, c)
	return nil
}

// externalFormula reports whether the cell's formula refers to another
// workbook: by a reference ([1]Sheet1!A1) or a defined name that does. A
// cell that shares a formula (<f t="shared" si="0"/>) has the answer of
// the cell that holds the formula's text; one whose formula is not found
// is counted as referring to another workbook.
func (s *sheetReader) externalFormula() bool {
	f := string(s.f)
	if s.fShared == "shared" && strings.TrimSpace(f) == "" {
		ext, ok := s.shared[s.fSI]
		return ext || !ok
	}
	ext := hasExternalRef(f) || usesName(f, s.wb.extNames, false, nil)
	if s.fShared == "shared" {
		if s.shared == nil {
			s.shared = map[string]bool{}
		}
		s.shared[s.fSI] = ext
	}
	return ext
}

// parseNumber parses a number as stored in a cell: decimal digits, a
// sign, a point, an exponent (no hexadecimal, no infinity, no NaN).
func parseNumber(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9', c == '.', c == 'e', c == 'E', c == '+', c == '-':
		default:
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

// parseRef parses a cell reference such as "B7" (capital letters, then a
// row number without leading zeros) within Excel's grid, A1 to XFD1048576.
// It returns a message for a reference it refuses.
func parseRef(r string) (col, row int, problem string) {
	i := 0
	for i < len(r) && r[i] >= 'A' && r[i] <= 'Z' {
		if i >= 3 {
			return 0, 0, "cell reference beyond column XFD, the edge of Excel's grid"
		}
		col = col*26 + int(r[i]-'A'+1)
		i++
	}
	digits := r[i:]
	if i == 0 || digits == "" || digits[0] == '0' {
		return 0, 0, "not a cell reference (such as B7)"
	}
	for j := 0; j < len(digits); j++ {
		if digits[j] < '0' || digits[j] > '9' {
			return 0, 0, "not a cell reference (such as B7)"
		}
	}
	if len(digits) > 7 {
		return 0, 0, "cell reference beyond row 1048576, the edge of Excel's grid"
	}
	row, _ = strconv.Atoi(digits)
	switch {
	case col > maxCol:
		return 0, 0, "cell reference beyond column XFD, the edge of Excel's grid"
	case row > maxRow:
		return 0, 0, "cell reference beyond row 1048576, the edge of Excel's grid"
	}
	return col, row, ""
}

// cellRef returns the reference of a cell: cellRef(2, 7) is "B7".
func cellRef(col, row int) string {
	var b [3]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:]) + strconv.Itoa(row)
}
