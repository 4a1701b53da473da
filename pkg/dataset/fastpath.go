package dataset

import (
	"bytes"
	"io"
	"math"
	"strconv"
	"sync"

	"github.com/natospend/natospend/pkg/defence"
	"go.yaml.in/yaml/v3"
)

// The fast path reads a release without a yaml.Node tree of its figures.
// A release is nearly all one-line cells:
//
//	figures:
//	  DEU:
//	    2026: {gdp_musd: 183211, defence_musd: 4617, share_pct: 2.52, equipment_pct: 31.07, estimate: true}
//
// streamSource splits the file before its figures (which must be its last
// top-level key, written "figures:" alone on its line), decodes that head
// with yaml.v3 and walks it as always, then reads the figures line by line:
//
//   - a country line ("  DEU:") and a cell line in the strict form above
//     (fastCell: a year, then numbers, true or false and a double-quoted
//     ASCII note, each key once, in range, as cellKeys declares them) are
//     read by hand and stored without a node;
//   - any other cell line that is sure to mean the same to YAML read alone
//     as in its file (selfContained: a flow mapping that closes on its line,
//     and nothing that refers elsewhere or goes on to the next line) is
//     decoded alone by yaml.v3 and walked by the same code as the tree
//     (walker.yearEntry): its problems are reported exactly as before;
//   - anything else (another indentation, a tab, a CR but in CRLF, non-ASCII, an
//     anchor, a tag, a block scalar, a flow that goes on, a country without
//     years, a head that does not end in figures, a YAML error) makes the
//     whole file go through the tree, as before.
//
// The result is the same *parsed, errors included, as the tree would give:
// FuzzFastPathEquivalence checks it.

// bodyInfo is the figures of a file that the fast path reads.
type bodyInfo struct {
	data    []byte     // from the line after "figures:" to the end of the file
	figLine int        // the line of "figures:"
	node    *yaml.Node // the value of figures in the head (an empty value)
	done    bool       // streamed while walking the head
	ok      bool       // and the whole of it was in the fast path's subset
}

// figuresKey is what starts the figures that the fast path reads, alone
// on its line (ending in LF or CRLF).
var figuresKey = []byte("\nfigures:")

// splitFigures returns where the lines after the first "figures:" alone
// on its line start, or false.
func splitFigures(data []byte) (int, bool) {
	for off := 0; ; {
		i := bytes.Index(data[off:], figuresKey)
		if i < 0 {
			return 0, false
		}
		end := off + i + len(figuresKey)
		switch {
		case bytes.HasPrefix(data[end:], []byte("\n")):
			return end + 1, true
		case bytes.HasPrefix(data[end:], []byte("\r\n")):
			return end + 2, true
		}
		off = end
	}
}

// streamSource parses a release through the fast path, or reports false
// when the file is not one it can read exactly as the tree would.
func streamSource(src Source) (*parsed, bool) {
	data := src.Data
	if len(data) > MaxFileSize {
		return nil, false
	}
	data = bytes.TrimPrefix(data, bom)
	start, ok := splitFigures(data)
	if !ok {
		return nil, false
	}
	if _, msg := checkEncoding(data); msg != "" {
		return nil, false
	}
	w := newWalker(src.Name)
	w.body = &bodyInfo{data: data[start:], figLine: 1 + bytes.Count(data[:start-1], []byte{'\n'})}
	w.parseYAML(data[:start])
	if w.body.node == nil || w.out.kind != kindRelease {
		return nil, false
	}
	if w.body.done && !w.body.ok {
		return nil, false
	}
	// Not walked (too many errors already, or another figures key was
	// walked): its lines must still be YAML that the tree would accept.
	if !w.body.done && !w.streamFigures(fpath{}.k("figures"), nil, false) {
		return nil, false
	}
	return w.finish(), true
}

// claim checks that the head ends in the figures key the fast path
// split the file at, with the empty value the head gives it, and keeps
// that value: the figures to stream.
func (b *bodyInfo) claim(root *yaml.Node) {
	n := len(root.Content)
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || root.Anchor != "" || n < 2 {
		return
	}
	k, v := root.Content[n-2], root.Content[n-1]
	if k.Kind != yaml.ScalarNode || k.Value != "figures" || k.Style != 0 || k.Tag != tagStr || k.Anchor != "" ||
		k.Line != b.figLine || k.Column != 1 {
		return
	}
	if v.Kind != yaml.ScalarNode || v.Tag != tagNull || v.Value != "" || v.Style != 0 || v.Anchor != "" {
		return
	}
	b.node = v
}

// streamFigures reads the figures of w.body line by line, as walker.figures
// walks them in a tree; with process false it only checks that the lines
// are in the fast path's subset. It returns false at the first line that
// is not (w is then half-done, to be thrown away).
func (w *walker) streamFigures(p fpath, r *defence.Release, process bool) bool {
	data := w.body.data
	lineNo := w.body.figLine
	var (
		ci, yi   int    // the indentation of the countries, and of the years
		started  bool   // a country line was read
		cells    int    // the cell lines of the current country
		code     string // the country whose years are read, "" if they are not
		ys       yearsState
		first    map[string]int // line of each country
		codeByte [3]byte
	)
	var figures map[string]map[int]defence.Figure
	if process {
		figures = make(map[string]map[int]defence.Figure)
		r.SetFigures(figures)
		first = map[string]int{}
	}
	end := func() {
		if code != "" {
			figures[code] = w.takeYears()
			code = ""
		}
	}
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i < 0 {
			line, data = data, nil
		} else {
			line, data = data[:i], data[i+1:]
		}
		lineNo++
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1] // CRLF: a line break to YAML too (any other CR is refused below)
		}
		ind := 0
		for ind < len(line) && line[ind] == ' ' {
			ind++
		}
		if ind == len(line) {
			continue // blank
		}
		if line[ind] == '#' {
			if !printableASCII(line[ind:]) {
				return false
			}
			continue // a comment
		}
		if !started {
			if ind == 0 {
				return false
			}
			ci = ind
		}
		switch {
		case ind == ci:
			if started && cells == 0 {
				return false // a country without years: an empty value
			}
			if !countryLine(line[ind:]) {
				return false
			}
			end()
			started, cells = true, 0
			if !process || w.full {
				continue
			}
			copy(codeByte[:], line[ind:ind+3])
			c := string(codeByte[:])
			kp := p.k(c)
			if at, dup := first[c]; dup {
				w.add(lineNo, kp, "defined twice in this file (first at line "+strconv.Itoa(at)+")")
				continue
			}
			first[c] = lineNo
			w.out.refs = append(w.out.refs, ref{code: c, line: lineNo, field: kp})
			w.curCode = c
			code = c
			ys = yearsState{p: kp, series: r.Series}
		case ind > ci:
			if yi == 0 {
				yi = ind
			}
			if ind != yi {
				return false
			}
			cells++
			if code != "" && !w.full {
				if !w.fastCell(&ys, line[ind:], lineNo) && !w.slowCell(&ys, line, lineNo, true) {
					return false
				}
				continue
			}
			if !fastParse(line[ind:], "", &w.scratch) && !w.slowCell(nil, line, lineNo, false) {
				return false
			}
		default:
			return false
		}
	}
	if !started || cells == 0 {
		return false
	}
	end()
	return true
}

// countryLine reports whether s (a line without its indentation) is a
// country code alone as a key: "DEU:", maybe with a comment.
func countryLine(s []byte) bool {
	return len(s) >= 4 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]) && s[3] == ':' && lineEnd(s[4:])
}

// lineEnd reports whether s, the rest of a line after a value, is spaces,
// maybe followed by a comment (which YAML sees only after a space).
func lineEnd(s []byte) bool {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i == len(s) || i > 0 && s[i] == '#' && printableASCII(s[i:])
}

// printableASCII reports whether s holds printable ASCII only: no byte
// that YAML could take for a line break (CR, U+2028, ...) or a tab.
func printableASCII(s []byte) bool {
	for _, b := range s {
		if b < 0x20 || b > 0x7e {
			return false
		}
	}
	return true
}

// cellIndex is the index of each key of cellSchema (from cellKeys), built
// on first use.
var cellIndex = sync.OnceValue(func() map[string]int {
	keys := cellSchema().keys
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		m[k] = i
	}
	return m
})

// fastCellMax bounds a fast cell line: a longer one goes through YAML.
const fastCellMax = 1024

// fastFigure is a cell that fastParse read.
type fastFigure struct {
	year  int
	f     defence.Figure
	units [32]uint8 // indexes in cellKeys of its figures that need a unit (noteUnits), in order
	nu    int
}

// fastParse reads a cell line in the fast path's strict form (s is the
// line without its indentation):
//
//	YEAR: {KEY: VALUE, KEY: VALUE, ...}
//
// with single spaces where shown, maybe followed by spaces and a comment.
// Each KEY is a key of cellSchema, once; a number is a plain decimal in the
// key's range, in a release of a series that may hold the key (series "":
// any); estimate is true or false; note is double-quoted printable ASCII
// without \ or ". It returns false for anything else, and for a cell that
// the walk would report (defence above GDP): such a cell goes through YAML.
//
// It reads into c, which the walker keeps (a cell on the stack would go
// to the heap through cellKey.set).
func fastParse(s []byte, series string, c *fastFigure) bool {
	*c = fastFigure{}
	if len(s) > fastCellMax || len(s) < 8 || s[4] != ':' || s[5] != ' ' || s[6] != '{' {
		return false
	}
	y := 0
	for _, b := range s[:4] {
		if b < '0' || b > '9' {
			return false
		}
		y = y*10 + int(b-'0')
	}
	if y < minYear || y > maxYear {
		return false
	}
	c.year = y
	// The indexes in cellSchema of the keys that are not numbers follow
	// the numeric keys'.
	index, keyEstimate, keyNote := cellIndex(), len(cellKeys), len(cellKeys)+1
	var seen uint32
	i := 7
	for {
		// KEY": "
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] == '_') {
			j++
		}
		if j+1 >= len(s) || s[j] != ':' || s[j+1] != ' ' {
			return false
		}
		ki, known := index[string(s[i:j])]
		if !known || seen&(1<<ki) != 0 {
			return false
		}
		seen |= 1 << ki
		i = j + 2
		// VALUE
		j = i
		switch {
		case ki < len(cellKeys):
			ck := &cellKeys[ki]
			if series != "" && !ck.series.has(series) {
				return false
			}
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == '-' || s[j] == '+' || s[j] == 'e' || s[j] == 'E') {
				j++
			}
			tok := s[i:j]
			if plain, _ := isPlainDecimal(string(tok)); !plain {
				return false
			}
			v, err := strconv.ParseFloat(string(tok), 64)
			if err != nil {
				return false
			}
			v += 0 // -0 is 0, as walker.number reads it
			if v < ck.lo || v > ck.hi || ck.open && v == ck.lo || math.IsInf(v, 0) {
				return false
			}
			ck.set(&c.f, defence.N(v))
			if ck.constant || ck.ncu {
				c.units[c.nu] = uint8(ki)
				c.nu++
			}
		case ki == keyEstimate:
			switch {
			case bytes.HasPrefix(s[i:], []byte("true")):
				c.f.Estimate, j = true, i+4
			case bytes.HasPrefix(s[i:], []byte("false")):
				j = i + 5
			default:
				return false
			}
		case ki == keyNote:
			if i >= len(s) || s[i] != '"' {
				return false
			}
			j = i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x7e && s[j] != '"' && s[j] != '\\' {
				j++
			}
			if j >= len(s) || s[j] != '"' {
				return false
			}
			note := string(s[i+1 : j])
			// A note over its cap cannot fit in fastCellMax today; the
			// check keeps it so if either changes.
			if textValueProblem(note) != "" || capProblem(note, CapNote) != "" {
				return false
			}
			c.f.Note = note
			j++
		default:
			return false
		}
		// ", " or "}"
		switch {
		case j+1 < len(s) && s[j] == ',' && s[j+1] == ' ':
			i = j + 2
			continue
		case j < len(s) && s[j] == '}':
			if !lineEnd(s[j+1:]) {
				return false
			}
		default:
			return false
		}
		break
	}
	if f := &c.f; f.Defence.Known && f.GDP.Known && f.Defence.V > f.GDP.V {
		return false
	}
	return true
}

// fastCell reads a cell line through fastParse and keeps it, as yearEntry
// would; it returns false, having done nothing, when the line is not in
// the strict form or the walk would report something about it.
func (w *walker) fastCell(ys *yearsState, s []byte, line int) bool {
	c := &w.scratch
	if !fastParse(s, ys.series, c) || ys.has(c.year) {
		return false
	}
	ys.mark(c.year, line)
	if c.nu > 0 {
		yp := ys.p.year(c.year)
		for _, ki := range c.units[:c.nu] {
			ck := &cellKeys[ki]
			w.noteUnits(ck, line, yp.k(ck.name))
		}
	}
	w.addCell(c.year, line, c.f)
	return true
}

// slowCell decodes a cell line alone with yaml.v3, when selfContained
// says that it means the same alone as in its file, and (with process)
// walks it as the tree's walk does. It returns false when the line is not
// self-contained or YAML refuses it: the whole file then goes through the
// tree, which reports the error in its context.
func (w *walker) slowCell(ys *yearsState, line []byte, lineNo int, process bool) bool {
	if !selfContained(line) {
		return false
	}
	k, v, ok := decodeLine(line, lineNo)
	if !ok {
		return false
	}
	if process {
		w.yearEntry(ys, k, v, func(year string) int {
			y, _ := strconv.Atoi(year) // the year was read and seen: a plain year
			return int(ys.line[y-minYear])
		})
	}
	return true
}

// decodeLine decodes one line, "YEAR: {...}", as a YAML document and
// returns its key and value, their lines those of the file (the line is
// lineNo).
func decodeLine(line []byte, lineNo int) (k, v *yaml.Node, ok bool) {
	dec := yaml.NewDecoder(bytes.NewReader(line))
	var doc, next yaml.Node
	if decode(dec, &doc) != nil || decode(dec, &next) != io.EOF || len(doc.Content) != 1 {
		return nil, nil, false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 || m.Anchor != "" {
		return nil, nil, false
	}
	k, v = m.Content[0], m.Content[1]
	if k.Kind != yaml.ScalarNode || v.Kind != yaml.MappingNode {
		return nil, nil, false
	}
	k.Line += lineNo - 1
	v.Line += lineNo - 1
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode {
			return nil, nil, false
		}
		n.Line += lineNo - 1
	}
	return k, v, true
}

// selfContained reports whether a cell line (with its indentation) is
// sure to mean the same to YAML decoded alone as in its file: a plain key,
// ": ", and a flow mapping of plain and quoted scalars that closes on the
// line, maybe followed by a comment. It leaves out what refers to other
// lines (anchors, aliases, tags), what goes on to the next line (a quote
// or flow left open, a comment inside the flow) and whatever else is not
// needed (nested flows, block scalars, tabs, non-ASCII): those lines go
// through the tree. Whether the line is valid YAML is for yaml.v3 to say.
func selfContained(s []byte) bool {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	k := i
	for i < len(s) && plainByte(s[i]) {
		i++
	}
	if i == k || i-k > 64 || i+1 >= len(s) || s[i] != ':' || s[i+1] != ' ' {
		return false
	}
	i += 2
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '{' {
		return false
	}
	i++
	const (
		expect     = iota // the start of a scalar, or an indicator
		inPlain           // in a plain scalar (which may go on after a space)
		afterQuote        // after a quoted scalar: an indicator only
	)
	st := expect
	for {
		if i >= len(s) {
			return false // the flow goes on to the next line
		}
		switch c := s[i]; {
		case c == ' ':
			i++
		case c == '}':
			return lineEnd(s[i+1:])
		case c == ',':
			st = expect
			i++
		case c == ':':
			if i+1 >= len(s) || s[i+1] != ' ' {
				return false
			}
			st = expect
			i += 2
		case c == '"' || c == '\'':
			if st != expect {
				return false // a quote inside a plain scalar, or after a quoted one
			}
			j, ok := closeQuote(s, i)
			if !ok {
				return false
			}
			st, i = afterQuote, j
		case plainByte(c):
			if st == afterQuote {
				return false
			}
			st = inPlain
			i++
		default:
			return false
		}
	}
}

// plainByte reports whether b may be in a plain scalar of the lines
// selfContained accepts.
func plainByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
		b == '.' || b == '_' || b == '+' || b == '-' || b == '/' || b == '(' || b == ')'
}

// closeQuote returns the index after the quoted scalar that starts at
// s[i], or false when it does not close on the line or holds anything but
// printable ASCII.
func closeQuote(s []byte, i int) (int, bool) {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c < 0x20 || c > 0x7e:
			return 0, false
		case q == '"' && c == '\\':
			j++ // the escaped character (an escape at the end of the line goes on)
			if j >= len(s) || s[j] < 0x20 || s[j] > 0x7e {
				return 0, false
			}
		case c == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++ // '' is a quote
		case c == q:
			return j + 1, true
		}
	}
	return 0, false
}
