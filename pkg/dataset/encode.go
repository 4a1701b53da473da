package dataset

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
)

// Head is what an encoded file says about itself: comment lines at the top
// (without the "# "), and the citation and url that countries, groups and
// targets files may give.
type Head struct {
	Comment  string // may hold several lines
	Citation string
	URL      string
}

func sortedIDs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// enc writes YAML. Its methods append to buf; the first error found in
// the values is kept in err and stops nothing (the caller checks it once).
type enc struct {
	w        *bufio.Writer
	b        []byte // scratch for the line being written
	err      error
	decimals map[string]int // EncodeOptions.Decimals
}

func newEnc(w io.Writer) *enc {
	return &enc{w: bufio.NewWriterSize(w, 64<<10), b: make([]byte, 0, 256)}
}

func (e *enc) fail(format string, a ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("encode: "+format, a...)
	}
}

// line writes the scratch buffer as a line.
func (e *enc) line() {
	e.b = append(e.b, '\n')
	e.w.Write(e.b)
	e.b = e.b[:0]
}

func (e *enc) done() error {
	if err := e.w.Flush(); err != nil && e.err == nil {
		e.err = err
	}
	return e.err
}

func (e *enc) comment(c string) {
	if c == "" {
		return
	}
	for _, l := range strings.Split(strings.TrimRight(c, "\n"), "\n") {
		e.b = append(e.b, '#')
		if l != "" {
			e.b = append(e.b, ' ')
			e.b = append(e.b, l...)
		}
		e.line()
	}
}

// text appends s as a double-quoted YAML scalar. The escapes of Go's
// strconv.Quote (\a \b \f \n \r \t \v \\ \" \xXX \uXXXX \UXXXXXXXX) all mean
// the same in YAML's double-quoted style, for valid UTF-8, which the loader
// requires of text.
func (e *enc) text(what, s string) {
	if msg := textValueProblem(s); msg != "" {
		e.fail("%s: %s", what, msg)
	}
	e.b = strconv.AppendQuote(e.b, s)
}

// textLine writes the line "k: " and s as text.
func (e *enc) textLine(k, s string) {
	e.key(false, k)
	e.text(k, s)
	e.line()
}

// key appends "key: ".
func (e *enc) key(sep bool, k string) {
	if sep {
		e.b = append(e.b, ", "...)
	}
	e.b = append(e.b, k...)
	e.b = append(e.b, ": "...)
}

// num appends a number the loader reads back to the same float64: the
// shortest decimal that does, with an exponent where that is shorter.
func (e *enc) num(what string, v, lo, hi float64) {
	if math.IsNaN(v) || v < lo || v > hi {
		e.fail("%s: %v is out of range (expected %v to %v)", what, v, lo, hi)
	}
	e.b = strconv.AppendFloat(e.b, v+0, 'g', -1, 64) // + 0: no -0
}

// fixed appends a number with d decimals, refusing one that the text
// would not read back exactly.
func (e *enc) fixed(what string, v, lo, hi float64, d int) {
	if math.IsNaN(v) || v < lo || v > hi {
		e.fail("%s: %v is out of range (expected %v to %v)", what, v, lo, hi)
	}
	start := len(e.b)
	e.b = strconv.AppendFloat(e.b, v+0, 'f', d, 64)
	if back, err := strconv.ParseFloat(string(e.b[start:]), 64); err != nil || back != v+0 {
		e.fail("%s: %v does not have %d decimals (round it first)", what, v, d)
	}
}

func (e *enc) year(what string, y int) {
	if y < minYear || y > maxYear {
		e.fail("%s: the year %d is out of range", what, y)
	}
	e.b = strconv.AppendInt(e.b, int64(y), 10)
}

func (e *enc) date(what, s string, month bool) {
	if msg := dateProblem(s, month); msg != "" {
		e.fail("%s: %s", what, msg)
	}
	e.b = append(e.b, s...)
}

func (e *enc) code(what, c string) {
	if !isCode(c) {
		e.fail("%s: %q is not a country code", what, c)
	}
	e.b = append(e.b, c...)
}

func (e *enc) id(what, id string, dot bool) {
	if !isID(id, dot) {
		e.fail("%s: %q is not an id", what, id)
	}
	e.b = strconv.AppendQuote(e.b, id) // quoted: "1e5x" and the like stay text
}

// head writes the top of a countries, groups or targets file.
func (e *enc) head(kind string, h Head) {
	e.comment(h.Comment)
	e.b = append(e.b, "kind: "+kind...)
	e.line()
	if h.Citation != "" {
		e.textLine("citation", h.Citation)
	}
	if h.URL != "" {
		e.textLine("url", h.URL)
	}
}

// idHead writes the head of a file of one release (a defence release or
// an aid file): the comment, its kind and its id.
func (e *enc) idHead(comment, kind, what, id string) {
	e.head(kind, Head{Comment: comment})
	e.key(false, "id")
	e.id(what, id, false)
	e.line()
}

// EncodeCountries writes a countries file, one flow mapping per country,
// in the order given.
func EncodeCountries(w io.Writer, h Head, cs []defence.Country) error {
	e := newEnc(w)
	if len(cs) == 0 {
		e.fail("a countries file needs a country")
	}
	e.head(kindCountries, h)
	e.b = append(e.b, "countries:"...)
	e.line()
	names := make(map[string]string, 3*len(cs)) // folded code, name or alias -> its country
	for _, c := range cs {
		what := "country " + c.Code
		e.b = append(e.b, "  "...)
		e.code(what, c.Code)
		e.b = append(e.b, ": {"...)
		e.key(false, "name")
		e.text(what+" name", c.Name)
		if len(c.Aliases) > 0 {
			e.key(true, "aliases")
			e.b = append(e.b, '[')
			for i, a := range c.Aliases {
				if i > 0 {
					e.b = append(e.b, ", "...)
				}
				e.text(what+" alias", a)
			}
			e.b = append(e.b, ']')
		}
		e.names(names, c)
		if c.NATOSince != 0 {
			e.key(true, "nato_since")
			e.year(what+" nato_since", c.NATOSince)
		}
		if c.EUSince != 0 {
			e.key(true, "eu_since")
			e.year(what+" eu_since", c.EUSince)
		}
		if c.EULeft != 0 {
			e.key(true, "eu_left")
			e.year(what+" eu_left", c.EULeft)
			if c.EUSince == 0 || c.EULeft <= c.EUSince {
				e.fail("%s: eu_left %d is not after eu_since %d", what, c.EULeft, c.EUSince)
			}
		}
		if !c.DefenceReported {
			e.key(true, "defence_reported")
			e.b = append(e.b, "false"...)
		}
		if c.Institution {
			e.key(true, "institution")
			e.b = append(e.b, "true"...)
		}
		if c.Note != "" {
			e.key(true, "note")
			e.text(what+" note", c.Note)
		}
		e.b = append(e.b, '}')
		e.line()
	}
	return e.done()
}

// names refuses a code, name or alias of c that is another country's, or
// that repeats, without regard to case and diacritics, as the loader does.
func (e *enc) names(seen map[string]string, c defence.Country) {
	own := map[string]bool{}
	for i, n := range append([]string{c.Code, c.Name}, c.Aliases...) {
		f := suggest.Fold(n)
		if i >= 2 && (own[f] || f == "") {
			e.fail("country %s: the alias %q repeats its code, name or another alias (or has no letters)", c.Code, n)
		}
		own[f] = true
		if other, ok := seen[f]; ok && other != c.Code {
			e.fail("country %s: %q is also a code, name or alias of %s", c.Code, n, other)
		}
		seen[f] = c.Code
	}
}

// EncodeGroups writes a groups file, in the order given.
func EncodeGroups(w io.Writer, h Head, gs []defence.Group) error {
	e := newEnc(w)
	if len(gs) == 0 {
		e.fail("a groups file needs a group")
	}
	e.head(kindGroups, h)
	e.b = append(e.b, "groups:"...)
	e.line()
	for _, g := range gs {
		what := "group " + g.ID
		e.b = append(e.b, "  "...)
		e.id(what, g.ID, false)
		e.b = append(e.b, ": {"...)
		e.key(false, "name")
		e.text(what+" name", g.Name)
		if g.Membership != "" {
			e.key(true, "membership")
			if g.Membership != defence.MembershipNATO && g.Membership != defence.MembershipEU {
				e.fail("%s: %q is not a membership rule", what, g.Membership)
			}
			e.text(what+" membership", g.Membership)
		}
		e.key(true, "members")
		if len(g.Members) == 0 {
			e.fail("%s has no members", what)
		}
		e.b = append(e.b, '[')
		for i, m := range g.Members {
			if i > 0 {
				e.b = append(e.b, ", "...)
			}
			e.code(what+" members", m)
		}
		e.b = append(e.b, ']')
		if g.Note != "" {
			e.key(true, "note")
			e.text(what+" note", g.Note)
		}
		e.b = append(e.b, '}')
		e.line()
	}
	return e.done()
}

// EncodeRelease writes a release file: its provenance, then one flow
// mapping per country-year, countries by code and years ascending, keys
// in the order of CellKeyNames (gdp_musd, defence_musd, share_pct,
// equipment_pct, resilience_musd, population_m, then NATO's other
// tables), then estimate and note (the layout of the embedded data).
func EncodeRelease(w io.Writer, comment string, r *defence.Release) error {
	return EncodeReleaseWith(w, comment, r, EncodeOptions{})
}

// EncodeOptions change how EncodeReleaseWith writes numbers.
type EncodeOptions struct {
	// Decimals gives, by cell key (CellKeyNames), a fixed number of
	// decimals to write that key's figures with ("15192.00" rather than
	// "15192"), as a published table prints them. A figure that this text
	// would not read back exactly is refused: round the figures first.
	// Keys it leaves out are written as EncodeRelease writes them.
	Decimals map[string]int
}

// EncodeReleaseWith is EncodeRelease with options.
func EncodeReleaseWith(w io.Writer, comment string, r *defence.Release, opt EncodeOptions) error {
	e := newEnc(w)
	e.decimals = opt.Decimals
	e.idHead(comment, kindRelease, "release id", r.ID)
	e.textLine("series", r.Series)
	for _, kv := range [][2]string{{"title", r.Title}, {"publisher", r.Publisher}} {
		e.textLine(kv[0], kv[1])
	}
	e.key(false, "published")
	e.date("published", r.Published, true)
	e.line()
	if r.Cutoff != "" {
		e.key(false, "cutoff")
		e.date("cutoff", r.Cutoff, false)
		e.line()
	}
	e.textLine("url", r.URL)
	if r.SourceSHA256 != "" && !isSHA256(r.SourceSHA256) {
		e.fail("source_sha256: %q is not a SHA-256", r.SourceSHA256)
	}
	for _, kv := range [][2]string{{"source_file", r.SourceFile}, {"source_sha256", r.SourceSHA256}, {"via", r.Via}, {"price_basis", r.PriceBasis}, {"definition", r.Definition}} {
		if kv[1] != "" {
			e.textLine(kv[0], kv[1])
		}
	}
	if r.ConstantYear != 0 {
		e.key(false, "constant_year")
		e.year("constant_year", r.ConstantYear)
		e.line()
	}
	if len(r.Currencies) > 0 {
		e.b = append(e.b, "currencies:"...)
		e.line()
		for _, code := range sortedIDs(r.Currencies) {
			e.b = append(e.b, "  "...)
			e.code("currencies", code)
			e.b = append(e.b, ": "...)
			if cur := r.Currencies[code]; !isCode(cur) {
				e.fail("currencies.%s: %q is not a currency code", code, cur)
			} else {
				e.b = append(e.b, cur...)
			}
			e.line()
		}
	}
	e.notes(r.Notes)
	if groups := r.AggregateGroups(); len(groups) > 0 {
		e.b = append(e.b, "aggregates:"...)
		e.line()
		for _, id := range groups {
			if !isID(id, false) {
				e.fail("aggregates: %q is not a group id", id)
			}
			e.b = append(e.b, "  "...)
			e.b = append(e.b, id...)
			e.b = append(e.b, ':')
			e.line()
			years := r.AggregateYears(id)
			if len(years) == 0 {
				e.fail("aggregates.%s: no years", id)
			}
			for _, y := range years {
				f, _ := r.Aggregate(id, y)
				e.cell(id, y, f, r.Series)
			}
		}
	}
	e.b = append(e.b, "figures:"...)
	e.line()
	cells := r.Cells()
	if len(cells) == 0 {
		e.fail("release %s has no figures", r.ID)
	}
	if r.Series != defence.SeriesDefence && r.Series != defence.SeriesGDP && r.Series != defence.SeriesPopulation {
		e.fail("release %s: %q is not a series", r.ID, r.Series)
	}
	years := make([]int, 0, 64)
	for _, code := range sortedIDs(cells) {
		ys := cells[code]
		e.b = append(e.b, "  "...)
		e.code("figures", code)
		e.b = append(e.b, ':')
		e.line()
		if len(ys) == 0 {
			e.fail("figures.%s: no years", code)
		}
		years = years[:0]
		for y := range ys {
			years = append(years, y)
		}
		slices.Sort(years)
		for _, y := range years {
			e.cell(code, y, ys[y], r.Series)
		}
	}
	return e.done()
}

func (e *enc) cell(code string, y int, f defence.Figure, series string) {
	e.b = append(e.b, "    "...)
	e.year("figures."+code, y)
	e.b = append(e.b, ": {"...)
	n := 0
	for i := range cellKeys {
		ck := &cellKeys[i]
		v := ck.get(&f)
		if !v.Known {
			continue
		}
		if !ck.series.has(series) {
			e.fail("figures.%s.%d.%s: %s", code, y, ck.name, cellKeyProblem(series, ck.name))
		}
		if ck.open && v.V == ck.lo {
			e.fail("figures.%s.%d.%s: %v is out of range (expected more than %v)", code, y, ck.name, v.V, ck.lo)
		}
		e.key(n > 0, ck.name)
		if d, ok := e.decimals[ck.name]; ok {
			e.fixed(ck.name, v.V, ck.lo, ck.hi, d)
		} else {
			e.num(ck.name, v.V, ck.lo, ck.hi)
		}
		n++
	}
	if f.Defence.Known && f.GDP.Known && f.Defence.V > f.GDP.V {
		e.fail("figures.%s.%d: defence_musd is more than gdp_musd", code, y)
	}
	if f.Estimate || n == 0 && f.Note == "" { // a cell is never empty
		e.key(n > 0, "estimate")
		e.b = strconv.AppendBool(e.b, f.Estimate)
		n++
	}
	if f.Note != "" {
		e.key(n > 0, "note")
		e.text("note", f.Note)
	}
	e.b = append(e.b, '}')
	e.line()
}
