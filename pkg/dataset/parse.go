package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
	"go.yaml.in/yaml/v3"
)

const (
	minYear  = 1949
	maxYear  = 2100
	maxMoney = 1e9 // million USD: a thousand trillion dollars

	// A population is in million people, from a hundred people to ten
	// billion: a figure outside is a unit mistake (thousands, or people),
	// and the lower bound keeps any amount per head finite.
	minPopulation = 1e-4
	maxPopulation = 1e4

	// maxErrorsPerFile stops the walk of a hopeless file (every line wrong)
	// so that the report stays readable and the walk fast.
	maxErrorsPerFile = 100
)

// Kinds of data file.
const (
	kindCountries = "countries"
	kindGroups    = "groups"
	kindTargets   = "targets"
	kindRelease   = "release"
)

// parsed is what one file holds, with the positions needed to report
// merge and cross-check errors.
type parsed struct {
	name      string
	kind      string
	countries []defence.Country
	countryAt []int // line of each country
	namesAt   []namesAt
	groups    []groupDef
	targets   []defence.Target
	targetAt  []int
	release   *defence.Release
	releaseAt int        // line of the id
	refs      []ref      // country codes used by the release (or aid file)
	groupRefs []ref      // group ids used by the release's aggregates
	aid       *aidParsed // an aid or aid-packages file (aid.go)
	errs      Errors
	readErr   *Error // the file ListPaths listed could not be read (then nothing else is set)
}

type groupDef struct {
	defence.Group
	line int
	refs []ref // members, in file order
}

// namesAt are the lines of a country's name and aliases, to report a name
// that another country has too.
type namesAt struct {
	name    int
	aliases []aliasAt // of each of Country.Aliases
}

// aliasAt is where an alias is: its line, and its index in the file's list.
type aliasAt struct {
	line, idx int
}

// ref is a country code used by a group or a release.
type ref struct {
	code  string
	line  int
	field fpath
}

// schema is the set of keys of a mapping of fixed fields.
type schema struct {
	keys     []string // at most 32 (a uint32 of keys seen; TestSchemasFit)
	required []string
}

// expected lists the keys for an unknown-field message: "id, series, ...".
func (s *schema) expected() string { return strings.Join(s.keys, ", ") }

// The schemas are composite literals of constants, which the linker lays
// out as data: a run that reads no data file (the compiled-in snapshot
// only) initialises nothing for them (issue 21, item 11).
var (
	kinds = "countries, groups, targets, release, aid, aid-packages"

	countriesFile = &schema{keys: []string{"kind", "citation", "url", "countries"}, required: []string{"kind", "countries"}}
	groupsFile    = &schema{keys: []string{"kind", "citation", "url", "groups"}, required: []string{"kind", "groups"}}
	targetsFile   = &schema{keys: []string{"kind", "citation", "url", "targets"}, required: []string{"kind", "targets"}}
	releaseFile   = &schema{keys: []string{"kind", "id", "series", "title", "publisher", "published", "cutoff",
		"url", "source_file", "source_sha256", "via", "price_basis", "definition", "constant_year", "currencies", "notes", "aggregates", "figures"},
		required: []string{"id", "series", "title", "publisher", "published", "url", "figures"}}

	countrySchema   = &schema{keys: []string{"name", "aliases", "nato_since", "eu_since", "eu_left", "defence_reported", "institution", "note"}, required: []string{"name"}}
	groupSchema     = &schema{keys: []string{"name", "membership", "members", "note"}, required: []string{"name", "members"}}
	targetSchema    = &schema{keys: []string{"name", "pct", "measure", "deadline", "agreed", "definition", "citation", "url", "note", "components"}, required: []string{"name", "pct", "citation"}}
	componentSchema = &schema{keys: []string{"id", "name", "pct", "basis"}, required: []string{"id", "pct", "basis"}}
)

var bom = []byte("\xef\xbb\xbf")

// walker parses one file. It walks the yaml.Node tree to a fixed depth
// given by the schema, without recursion and without reflection.
type walker struct {
	file       string
	out        *parsed
	errs       Errors
	anchorSeen bool // the first anchor or alias is reported, not the others
	full       bool // too many errors: stop

	cells []cellTmp // reused for each country of a release

	// The units a release's figures need (cellkeys.go: checkUnits).
	curCode string            // the country whose years are read
	constAt unitAt            // the first figure at constant prices
	ncuAt   map[string]unitAt // by country: its first figure in national currency

	body    *bodyInfo  // the figures the fast path streams (fastpath.go), or nil
	scratch fastFigure // the cell the fast path reads
}

type cellTmp struct {
	year int
	f    defence.Figure
}

// parseSource parses and checks one file on its own: through the fast
// path when it can (fastpath.go), otherwise through a yaml.Node tree of the
// whole file.
func parseSource(src Source) *parsed {
	if p, ok := streamSource(src); ok {
		return p
	}
	return parseTree(src)
}

// parseTree parses and checks one file through a yaml.Node tree of the
// whole file.
func parseTree(src Source) *parsed {
	w := newWalker(src.Name)
	w.parse(src.Data)
	return w.finish()
}

func newWalker(file string) *walker {
	return &walker{file: file, out: &parsed{name: file}}
}

func (w *walker) finish() *parsed {
	w.out.errs = w.errs
	w.cells, w.body = nil, nil
	return w.out
}

func (w *walker) add(line int, p fpath, msg string) {
	if w.full {
		return
	}
	if len(w.errs) == maxErrorsPerFile {
		w.errs = append(w.errs, &Error{File: w.file, Line: line,
			Msg: fmt.Sprintf("too many errors: stopped after %d (fix these first)", maxErrorsPerFile)})
		w.full = true
		return
	}
	w.errs = append(w.errs, &Error{File: w.file, Line: line, Field: p.String(), Msg: msg})
}

func (w *walker) parse(data []byte) {
	if len(data) > MaxFileSize {
		w.add(0, fpath{}, tooLarge(int64(len(data))))
		return
	}
	data = bytes.TrimPrefix(data, bom)
	if line, msg := checkEncoding(data); msg != "" {
		w.add(line, fpath{}, msg)
		return
	}
	w.parseYAML(data)
}

// parseYAML parses a file whose size and encoding are checked.
func (w *walker) parseYAML(data []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decode(dec, &doc); err != nil {
		if err == io.EOF {
			w.add(0, fpath{}, "file is empty (expected a mapping with a kind: key)")
			return
		}
		line, msg := yamlProblem(err, data)
		w.add(line, fpath{}, "invalid YAML: "+msg)
		return
	}
	var next yaml.Node
	if err := decode(dec, &next); err != io.EOF {
		line := next.Line
		if err != nil {
			line, _ = yamlProblem(err, data)
		}
		w.add(line, fpath{}, "more than one YAML document (expected one per file; remove the ---)")
		return
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == tagNull && doc.Content[0].Style == 0 {
		w.add(0, fpath{}, "file is empty (expected a mapping with a kind: key)")
		return
	}
	root := doc.Content[0]
	if w.body != nil {
		if w.body.claim(root); w.body.node == nil {
			return // not what the fast path reads: the tree will
		}
	}
	if !w.plain(root, fpath{}) {
		return
	}
	if root.Kind != yaml.MappingNode {
		w.add(root.Line, fpath{}, "the top level is "+describe(root)+" (expected a mapping with a kind: key)")
		return
	}
	var kindNode *yaml.Node
	variant := ""
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Kind == yaml.ScalarNode && k.Value == "kind" {
			kindNode = root.Content[i+1]
			break
		}
		if k.Kind == yaml.ScalarNode && strings.EqualFold(k.Value, "kind") && variant == "" {
			variant = fmt.Sprintf(" (found %s at line %d; keys are case-sensitive)", show(k.Value), k.Line)
		}
	}
	if kindNode == nil {
		if variant == "" {
			variant = " (expected one of: " + kinds + ")"
		}
		w.add(root.Line, fpath{}.k("kind"), "required field is missing"+variant)
		return
	}
	if !w.plain(kindNode, fpath{}.k("kind")) {
		return
	}
	kind := kindNode.Value
	if kindNode.Kind != yaml.ScalarNode || kindNode.Tag != tagStr ||
		kind != kindCountries && kind != kindGroups && kind != kindTargets && kind != kindRelease &&
			kind != kindAid && kind != kindAidPackages {
		w.add(kindNode.Line, fpath{}.k("kind"), describe(kindNode)+" is not a kind of data file (expected one of: "+kinds+")")
		return
	}
	w.out.kind = kind
	switch kind {
	case kindCountries:
		w.countriesFile(root)
	case kindGroups:
		w.groupsFile(root)
	case kindTargets:
		w.targetsFile(root)
	case kindRelease:
		w.releaseFile(root)
	case kindAid:
		w.aidFile(root)
	case kindAidPackages:
		w.aidPackagesFile(root)
	}
}

// decode runs the YAML parser, turning a panic in it into an error.
func decode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the parser failed: %v", r)
		}
	}()
	return dec.Decode(n)
}

// yamlLineRE is compiled on first use (an error), not on every run of
// natospend.
var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line (\d+): `) })

// yamlProblem splits a yaml.v3 error into line and message.
func yamlProblem(err error, data []byte) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLineRE().FindStringSubmatch(msg); m == nil {
		line = unprefixedLine(msg, data) // yamlline.go
	} else {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
		// yaml.v3 gives the 0-based line for parser errors (scanner
		// errors are right): these are all of its parser messages.
		for _, p := range []string{"did not find expected", "found undefined tag handle", "found duplicate %", "found incompatible YAML document"} {
			if strings.HasPrefix(msg, p) {
				line++
				break
			}
		}
	}
	if !printable(msg) {
		msg = quote(msg)
	}
	return line, msg
}

// checkEncoding finds the first byte that has no place in a UTF-8 text
// file: invalid UTF-8, and control characters other than tab, CR and LF.
// The YAML parser would reject them too, but without a line number.
func checkEncoding(data []byte) (int, string) {
	for i := 0; i < len(data); {
		b := data[i]
		if b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t' {
			i++
			continue
		}
		var msg string
		if b < utf8.RuneSelf {
			msg = fmt.Sprintf("control character U+%04X", b)
		} else {
			r, size := utf8.DecodeRune(data[i:])
			switch {
			case r == utf8.RuneError && size <= 1:
				msg = fmt.Sprintf("byte 0x%02X is not valid UTF-8", b)
			case r >= 0x80 && r <= 0x9f:
				msg = fmt.Sprintf("control character U+%04X", r)
			default:
				i += size
				continue
			}
		}
		line := 1 + bytes.Count(data[:i], []byte{'\n'})
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i])
		return line, fmt.Sprintf("column %d: %s (expected UTF-8 text, without control characters)", col, msg)
	}
	return 0, ""
}

// plain reports whether n is neither an alias nor anchored. The first
// anchor or alias of a file is reported; refusing them outright defeats
// "billion laughs" documents.
func (w *walker) plain(n *yaml.Node, p fpath) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		w.anchor(n, p, "alias *"+show(n.Value))
	case n.Anchor != "":
		w.anchor(n, p, "anchor &"+show(n.Anchor))
	default:
		return true
	}
	return false
}

func (w *walker) anchor(n *yaml.Node, p fpath, what string) {
	if !w.anchorSeen {
		w.anchorSeen = true
		w.add(n.Line, p, what+": anchors and aliases are not allowed (write the value out in full)")
	}
}

// skipped looks for anchors and aliases in a subtree that is not walked
// (because it is already wrong), so that one is reported wherever it is.
// It uses an explicit stack: the tree may be 10000 levels deep. It does
// not follow aliases.
func (w *walker) skipped(n *yaml.Node, p fpath) {
	if w.anchorSeen || w.full {
		return
	}
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !w.plain(n, p) {
			return
		}
		stack = append(stack, n.Content...)
	}
}

// object walks a mapping of fixed fields: it reports unknown, duplicate
// and missing keys, anchors and aliases, and calls f for each other field.
// It returns false if n is not a mapping.
func (w *walker) object(n *yaml.Node, p fpath, s *schema, what string, f func(key string, k, v *yaml.Node)) bool {
	return w.objectK(n, p, s, what, func(_ int, key string, k, v *yaml.Node) { f(key, k, v) })
}

// objectK is object, giving f the index of the key in the schema too.
func (w *walker) objectK(n *yaml.Node, p fpath, s *schema, what string, f func(ki int, key string, k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		w.add(n.Line, p, "found "+describe(n)+" (expected "+what+")")
		w.skipped(n, p)
		return false
	}
	var seen uint32
	var firstLine [32]int
	for i := 0; i+1 < len(n.Content) && !w.full; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !w.plain(k, p) {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			w.add(k.Line, p, "found "+describe(k)+" as a key (expected a field name)")
			continue
		}
		ki := -1
		for j, key := range s.keys {
			if key == k.Value {
				ki = j
				break
			}
		}
		kp := p.k(k.Value)
		if ki < 0 {
			msg := "unknown field (expected one of: " + s.expected() + ")"
			for j, key := range s.keys {
				if !strings.EqualFold(key, k.Value) {
					continue
				}
				if seen&(1<<j) != 0 {
					msg = fmt.Sprintf("unknown field: differs only in case from %s at line %d (keys are case-sensitive; give each field once)", key, firstLine[j])
				} else {
					msg = "unknown field (did you mean " + key + "? keys are case-sensitive)"
				}
				break
			}
			w.add(k.Line, kp, msg)
			w.skipped(v, kp)
			continue
		}
		if seen&(1<<ki) != 0 {
			w.add(k.Line, kp, fmt.Sprintf("duplicate field (first at line %d)", firstLine[ki]))
			w.skipped(v, kp)
			continue
		}
		seen |= 1 << ki
		firstLine[ki] = k.Line
		if !w.plain(v, kp) {
			continue
		}
		f(ki, s.keys[ki], k, v)
	}
	for _, req := range s.required {
		for j, key := range s.keys {
			if key == req && seen&(1<<j) == 0 && !w.full {
				w.add(n.Line, p.k(req), "required field is missing")
			}
		}
	}
	return true
}

// entries walks a mapping of user-chosen keys (country codes, ids). It
// reports keys that repeat, also when they differ only in case, and keys
// that check rejects (check returns a message), then calls f for each
// other entry. fold maps a key to its case-insensitive form.
func (w *walker) entries(n *yaml.Node, p fpath, what string, fold func(string) string,
	check func(string) string, f func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		w.add(n.Line, p, "found "+describe(n)+" (expected "+what+")")
		w.skipped(n, p)
		return
	}
	if len(n.Content) == 0 {
		w.add(n.Line, p, "found an empty mapping (expected "+what+")")
		return
	}
	type first struct {
		key  string
		line int
	}
	seen := make(map[string]first, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content) && !w.full; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !w.plain(k, p) {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			w.add(k.Line, p, "found "+describe(k)+" as a key (expected "+what+")")
			w.skipped(v, p)
			continue
		}
		kp := p.k(k.Value)
		folded := fold(k.Value)
		if f0, dup := seen[folded]; dup {
			if f0.key == k.Value {
				w.add(k.Line, kp, fmt.Sprintf("defined twice in this file (first at line %d)", f0.line))
			} else {
				w.add(k.Line, kp, fmt.Sprintf("differs only in case from %s at line %d (define it once, as %s)", show(f0.key), f0.line, show(f0.key)))
			}
			w.skipped(v, kp)
			continue
		}
		if msg := check(k.Value); msg != "" {
			w.add(k.Line, kp, msg)
			w.skipped(v, kp)
			continue
		}
		seen[folded] = first{k.Value, k.Line}
		if !w.plain(v, kp) {
			continue
		}
		f(k.Value, k, v)
	}
}

func checkCode(s string) string {
	if isCode(s) {
		return ""
	}
	return show(s) + " is not a country code (expected three upper-case letters, ISO 3166-1 alpha-3, such as DEU)"
}

func checkGroupID(s string) string {
	if isID(s, false) {
		return ""
	}
	return show(s) + " is not a group id (expected lower-case letters, digits and -)"
}

func checkTargetID(s string) string {
	if !isID(s, true) {
		return show(s) + " is not a target id (expected lower-case letters, digits, . and -)"
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		return show(s) + " is a number (expected a target id that is not a plain number, so that --target " + show(s) + " means " + show(s) + "%)"
	}
	return ""
}

// number returns the value of a plain decimal number. A number too large
// for a float64 is returned as an infinity, for the caller's range check.
func (w *walker) number(n *yaml.Node, p fpath, what string) (float64, bool) {
	if n.Kind == yaml.ScalarNode && n.Style&quotedStyles == 0 &&
		(n.Style&yaml.TaggedStyle == 0 || n.Tag == tagInt || n.Tag == tagFloat) {
		if ok, _ := isPlainDecimal(n.Value); ok {
			v, err := strconv.ParseFloat(n.Value, 64)
			if err == nil || errors.Is(err, strconv.ErrRange) {
				return v + 0, true // + 0 turns -0 into 0
			}
		}
	}
	w.add(n.Line, p, numberProblem(n, what))
	w.skipped(n, p)
	return 0, false
}

// inRange returns a known number from lo to hi (lo excluded when open).
func (w *walker) inRange(n *yaml.Node, p fpath, lo, hi float64, open bool, expected string) (defence.Num, bool) {
	v, ok := w.number(n, p, "a number")
	if !ok {
		return defence.Unknown, false
	}
	if v < lo || v > hi || open && v == lo || math.IsInf(v, 0) {
		w.add(n.Line, p, show(n.Value)+" is out of range (expected "+expected+")")
		return defence.Unknown, false
	}
	return defence.N(v), true
}

const (
	expMoney      = "an amount in million USD from 0 to 1000000000"
	expPct        = "a percentage from 0 to 100"
	expPopulation = "a population in million people from 0.0001 to 10000"
)

// year returns a whole year from 1949 to 2100.
func (w *walker) year(n *yaml.Node, p fpath) (int, bool) {
	const expected = "a year from 1949 to 2100"
	if _, ok := w.number(n, p, expected); !ok {
		return 0, false
	}
	if _, integer := isPlainDecimal(n.Value); !integer {
		w.add(n.Line, p, show(n.Value)+" is not a whole year (expected "+expected+")")
		return 0, false
	}
	y, err := strconv.Atoi(n.Value)
	if err != nil || y < minYear || y > maxYear {
		w.add(n.Line, p, show(n.Value)+" is out of range (expected "+expected+")")
		return 0, false
	}
	return y, true
}

func (w *walker) boolean(n *yaml.Node, p fpath) (bool, bool) {
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Tag == tagBool {
		switch n.Value {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	msg := "found " + describe(n) + " (expected true or false)"
	if n.Kind == yaml.ScalarNode && n.Style&quotedStyles != 0 {
		msg = quote(n.Value) + " is a string (expected true or false)"
	} else if n.Kind == yaml.ScalarNode && n.Tag != tagNull {
		msg = show(n.Value) + " is not a bool (expected true or false)"
	}
	w.add(n.Line, p, msg)
	w.skipped(n, p)
	return false, false
}

func (w *walker) date(n *yaml.Node, p fpath, month bool) (string, bool) {
	// A plain 20260301 is a number to YAML, but a wrong date to the reader.
	if n.Kind != yaml.ScalarNode || n.Tag == tagNull || n.Style&yaml.TaggedStyle != 0 && n.Tag != tagStr && n.Tag != tagTime {
		w.text(n, p, CapLabel)
		return "", false
	}
	s := n.Value
	if msg := dateProblem(s, month); msg != "" {
		w.add(n.Line, p, msg)
		return "", false
	}
	return s, true
}

func (w *walker) place(line int) defence.Place { return defence.Place{File: w.file, Line: line} }

// topInfo checks the citation and url at the top of a file. They are
// checked, not kept: the Dataset has no place for them.
func (w *walker) topInfo(key string, v *yaml.Node) {
	c := CapNote // citation
	if key == "url" {
		c = CapURL
	}
	w.text(v, fpath{}.k(key), c)
}

func (w *walker) countriesFile(root *yaml.Node) {
	w.object(root, fpath{}, countriesFile, "a mapping", func(key string, k, v *yaml.Node) {
		switch key {
		case "citation", "url":
			w.topInfo(key, v)
		case "countries":
			p := fpath{}.k("countries")
			w.entries(v, p, "a mapping of country codes to countries", strings.ToUpper, checkCode, func(code string, k, v *yaml.Node) {
				w.country(code, k, v, p.k(code))
			})
		}
	})
}

func (w *walker) country(code string, k, v *yaml.Node, p fpath) {
	c := defence.Country{Code: code, DefenceReported: true, Source: w.place(k.Line)}
	instLine, euLeftLine, euSinceGiven := 0, 0, false
	at := namesAt{name: k.Line}
	w.object(v, p, countrySchema, "a mapping with name, nato_since, ...", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			c.Name, _ = w.name(v, p.k(key))
			at.name = v.Line
		case "aliases":
			c.Aliases, at.aliases = w.aliases(v, p.k(key))
		case "nato_since":
			c.NATOSince, _ = w.year(v, p.k(key))
		case "eu_since":
			c.EUSince, _ = w.year(v, p.k(key))
			euSinceGiven = true
		case "eu_left":
			c.EULeft, _ = w.year(v, p.k(key))
			euLeftLine = v.Line
		case "defence_reported":
			if b, ok := w.boolean(v, p.k(key)); ok {
				c.DefenceReported = b
			}
		case "institution":
			c.Institution, instLine = w.institution(v, p.k(key))
		case "note":
			c.Note, _ = w.text(v, p.k(key), CapNote)
		}
	})
	w.checkInstitution(c, instLine, p)
	w.checkEU(c, euLeftLine, euSinceGiven, p)
	c.Aliases, at.aliases = w.checkOwnNames(c, at.aliases, p.k("aliases"))
	w.out.countries = append(w.out.countries, c)
	w.out.countryAt = append(w.out.countryAt, k.Line)
	w.out.namesAt = append(w.out.namesAt, at)
}

// aliases reads a country's aliases: a non-empty list of texts, each
// once (without regard to case and diacritics, as they are matched). It
// returns the good ones and their lines.
func (w *walker) aliases(v *yaml.Node, p fpath) ([]string, []aliasAt) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		found := describe(v)
		if v.Kind == yaml.SequenceNode {
			found = "an empty list"
		}
		w.add(v.Line, p, "found "+found+" (expected a non-empty list of other names, such as [UK, Great Britain]; leave the key out when there are none)")
		w.skipped(v, p)
		return nil, nil
	}
	out := make([]string, 0, len(v.Content))
	lines := make([]aliasAt, 0, len(v.Content))
	first := make(map[string]int, len(v.Content))
	for i, n := range v.Content {
		if w.full {
			break
		}
		ip := p.idx(i)
		if !w.plain(n, ip) {
			continue
		}
		a, ok := w.name(n, ip)
		if !ok {
			continue
		}
		f := suggest.Fold(a)
		if f == "" {
			// Marks alone would combine with the quote: escape them.
			w.add(n.Line, ip, quoteASCII(a)+" has no letters once diacritical marks are left out (expected a name)")
			continue
		}
		if j, dup := first[f]; dup {
			if v.Content[j].Value == a {
				w.add(n.Line, ip, fmt.Sprintf("%s is listed twice (also as aliases[%d])", show(a), j))
			} else {
				w.add(n.Line, ip, fmt.Sprintf("%s is aliases[%d], %s, but for case or diacritics (names are matched without regard to them: leave it out)", show(a), j, show(v.Content[j].Value)))
			}
			continue
		}
		first[f] = i
		out = append(out, a)
		lines = append(lines, aliasAt{n.Line, i})
	}
	return out, lines
}

// quoteASCII is quote with every non-ASCII character escaped.
func quoteASCII(s string) string {
	if len(s) > showMax {
		cut := showMax
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strconv.QuoteToASCII(s[:cut]) + "..."
	}
	return strconv.QuoteToASCII(s)
}

// checkOwnNames reports the aliases that are the country's own code or
// name, but for case and diacritics: they match already. It returns the
// others and their lines.
func (w *walker) checkOwnNames(c defence.Country, lines []aliasAt, p fpath) ([]string, []aliasAt) {
	if len(c.Aliases) == 0 {
		return nil, nil
	}
	code, name := suggest.Fold(c.Code), suggest.Fold(c.Name)
	out, outLines := c.Aliases[:0], lines[:0]
	for i, a := range c.Aliases {
		what := ""
		switch suggest.Fold(a) {
		case code:
			what = "code"
		case name:
			what = "name"
		}
		if what != "" && !w.full {
			w.add(lines[i].line, p.idx(lines[i].idx), fmt.Sprintf("%s is the country's %s, but for case or diacritics (names are matched without regard to them: leave it out)", show(a), what))
			continue
		}
		out = append(out, a)
		outLines = append(outLines, lines[i])
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, outLines
}

// checkEU checks eu_left against eu_since: a country leaves the EU only
// after it joined. A year that is wrong was reported already, and is 0.
func (w *walker) checkEU(c defence.Country, line int, sinceGiven bool, p fpath) {
	switch {
	case c.EULeft == 0:
	case c.EUSince == 0 && sinceGiven:
	case c.EUSince == 0:
		w.add(line, p.k("eu_left"), "eu_left without eu_since (expected the year of accession to the EU as well)")
	case c.EULeft <= c.EUSince:
		w.add(line, p.k("eu_left"), fmt.Sprintf("%d is not after eu_since %d (expected the first year out of the EU, after the year of accession)", c.EULeft, c.EUSince))
	}
}

func (w *walker) groupsFile(root *yaml.Node) {
	w.object(root, fpath{}, groupsFile, "a mapping", func(key string, k, v *yaml.Node) {
		switch key {
		case "citation", "url":
			w.topInfo(key, v)
		case "groups":
			p := fpath{}.k("groups")
			w.entries(v, p, "a mapping of group ids to groups", strings.ToLower, checkGroupID, func(id string, k, v *yaml.Node) {
				w.group(id, k, v, p.k(id))
			})
		}
	})
}

func (w *walker) group(id string, k, v *yaml.Node, p fpath) {
	g := groupDef{Group: defence.Group{ID: id, Source: w.place(k.Line)}, line: k.Line}
	w.object(v, p, groupSchema, "a mapping with name and members", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			g.Name, _ = w.name(v, p.k(key))
		case "membership":
			if m, ok := w.text(v, p.k(key), CapLabel); ok {
				if m != defence.MembershipNATO && m != defence.MembershipEU {
					w.add(v.Line, p.k(key), show(m)+" is not a membership rule (expected nato or eu)")
				} else {
					g.Membership = m
				}
			}
		case "note":
			g.Note, _ = w.text(v, p.k(key), CapNote)
		case "members":
			mp := p.k(key)
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				w.add(v.Line, mp, "found "+describe(v)+" (expected a non-empty list of country codes)")
				w.skipped(v, mp)
				return
			}
			first := make(map[string]int, len(v.Content))
			for i, m := range v.Content {
				if w.full {
					break
				}
				ip := mp.idx(i)
				if !w.plain(m, ip) {
					continue
				}
				code, ok := w.text(m, ip, CapLabel)
				if !ok {
					continue
				}
				if msg := checkCode(code); msg != "" {
					w.add(m.Line, ip, msg)
					continue
				}
				if j, dup := first[code]; dup {
					w.add(m.Line, ip, fmt.Sprintf("%s is listed twice (also as members[%d])", code, j))
					continue
				}
				first[code] = i
				g.Members = append(g.Members, code)
				g.refs = append(g.refs, ref{code: code, line: m.Line, field: ip})
			}
		}
	})
	w.out.groups = append(w.out.groups, g)
}

func (w *walker) targetsFile(root *yaml.Node) {
	w.object(root, fpath{}, targetsFile, "a mapping", func(key string, k, v *yaml.Node) {
		switch key {
		case "citation", "url":
			w.topInfo(key, v)
		case "targets":
			p := fpath{}.k("targets")
			w.entries(v, p, "a mapping of target ids to targets", strings.ToLower, checkTargetID, func(id string, k, v *yaml.Node) {
				w.target(id, k, v, p.k(id))
			})
		}
	})
}

func (w *walker) target(id string, k, v *yaml.Node, p fpath) {
	t := defence.Target{ID: id, Source: w.place(k.Line)}
	var compNode *yaml.Node
	compLine := 0 // the line of the components key
	pctOK := false
	w.object(v, p, targetSchema, "a mapping with name, pct, citation, ...", func(key string, k, v *yaml.Node) {
		kp := p.k(key)
		switch key {
		case "name":
			t.Name, _ = w.name(v, kp)
		case "pct":
			var n defence.Num
			n, pctOK = w.inRange(v, kp, 0, 100, true, "a percentage greater than 0 and at most 100")
			t.Pct = n.V
		case "measure":
			if m, ok := w.text(v, kp, CapLabel); ok {
				switch m {
				case "share":
					t.Measure = defence.MeasureShare
				case defence.MeasureEquipment:
					t.Measure = m
				default:
					w.add(v.Line, kp, show(m)+" is not a measure (expected share, a percentage of GDP, or equipment, a percentage of defence expenditure)")
				}
			}
		case "deadline":
			t.Deadline, _ = w.year(v, kp)
		case "agreed":
			t.Agreed, _ = w.date(v, kp, false)
		case "definition":
			t.Definition, _ = w.text(v, kp, CapLabel)
		case "citation":
			t.Citation, _ = w.text(v, kp, CapNote)
		case "url":
			t.URL, _ = w.text(v, kp, CapURL)
		case "note":
			t.Note, _ = w.text(v, kp, CapNote)
		case "components":
			compNode, compLine = v, k.Line
		}
	})
	switch {
	case compNode != nil && t.OfDefence():
		w.add(compLine, p.k("components"), "a target of the equipment share of defence expenditure (measure: equipment) has no components (expected components only on a target of the share of GDP)")
	case compNode != nil:
		t.Components = w.components(compNode, p.k("components"), t.Pct, pctOK)
	}
	w.out.targets = append(w.out.targets, t)
	w.out.targetAt = append(w.out.targetAt, k.Line)
}

func (w *walker) components(v *yaml.Node, p fpath, total float64, totalOK bool) []defence.Component {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		w.add(v.Line, p, "found "+describe(v)+" (expected a non-empty list of components)")
		w.skipped(v, p)
		return nil
	}
	out := make([]defence.Component, 0, len(v.Content))
	sum, sumOK := 0.0, totalOK
	ids := make(map[string]int, len(v.Content))
	for i, cn := range v.Content {
		if w.full {
			break
		}
		ip := p.idx(i)
		if !w.plain(cn, ip) {
			sumOK = false
			continue
		}
		var c defence.Component
		pctOK := false
		w.object(cn, ip, componentSchema, "a mapping with id, name, pct and basis", func(key string, k, v *yaml.Node) {
			kp := ip.k(key)
			switch key {
			case "id":
				if id, ok := w.text(v, kp, CapLabel); ok {
					if !isID(id, false) {
						w.add(v.Line, kp, show(id)+" is not a component id (expected lower-case letters, digits and -)")
					} else if j, dup := ids[id]; dup {
						w.add(v.Line, kp, fmt.Sprintf("%s is used twice (also by components[%d])", id, j))
					} else {
						ids[id] = i
						c.ID = id
					}
				}
			case "name":
				c.Name, _ = w.name(v, kp)
			case "pct":
				var n defence.Num
				n, pctOK = w.inRange(v, kp, 0, 100, true, "a percentage greater than 0 and at most 100")
				c.Pct = n.V
			case "basis":
				if b, ok := w.text(v, kp, CapLabel); ok {
					if b != defence.BasisCore && b != defence.BasisResilience {
						w.add(v.Line, kp, show(b)+" is not a basis (expected core or resilience)")
					} else {
						c.Basis = b
					}
				}
			}
		})
		if !pctOK {
			sumOK = false
		}
		sum += c.Pct
		out = append(out, c)
	}
	if sumOK && math.Abs(sum-total) > 1e-9 {
		w.add(v.Line, p, fmt.Sprintf("the components add up to %s (expected the target's pct, %s)",
			strconv.FormatFloat(sum, 'f', -1, 64), strconv.FormatFloat(total, 'f', -1, 64)))
	}
	return out
}

func (w *walker) releaseFile(root *yaml.Node) {
	r := &defence.Release{Source: w.file}
	var figures *yaml.Node
	var figuresAt fpath
	w.object(root, fpath{}, releaseFile, "a mapping", func(key string, k, v *yaml.Node) {
		kp := fpath{}.k(key)
		switch key {
		case "id":
			if id, ok := w.text(v, kp, CapLabel); ok {
				if !isID(id, false) {
					w.add(v.Line, kp, show(id)+" is not a release id (expected lower-case letters, digits and -)")
				} else {
					r.ID = id
					w.out.releaseAt = v.Line
				}
			}
		case "series":
			if s, ok := w.text(v, kp, CapLabel); ok {
				if s != defence.SeriesDefence && s != defence.SeriesGDP && s != defence.SeriesPopulation {
					w.add(v.Line, kp, show(s)+" is not a series (expected defence, gdp or population)")
				} else {
					r.Series = s
				}
			}
		case "title":
			r.Title, _ = w.text(v, kp, CapTitle)
		case "publisher":
			r.Publisher, _ = w.text(v, kp, CapTitle)
		case "published":
			r.Published, _ = w.date(v, kp, true)
		case "cutoff":
			r.Cutoff, _ = w.date(v, kp, false)
		case "url":
			r.URL, _ = w.text(v, kp, CapURL)
		case "source_file":
			r.SourceFile, _ = w.text(v, kp, CapTitle)
		case "source_sha256":
			if h, ok := w.text(v, kp, CapLabel); ok {
				if !isSHA256(h) {
					w.add(v.Line, kp, show(h)+" is not a SHA-256 (expected 64 lower-case hexadecimal digits)")
				} else {
					r.SourceSHA256 = h
				}
			}
		case "via":
			r.Via, _ = w.text(v, kp, CapNote)
		case "price_basis":
			r.PriceBasis, _ = w.text(v, kp, CapNote)
		case "definition":
			r.Definition, _ = w.text(v, kp, CapLabel)
		case "constant_year":
			r.ConstantYear, _ = w.year(v, kp)
		case "currencies":
			r.Currencies = w.currencies(v, kp)
		case "notes":
			if v.Kind != yaml.SequenceNode {
				w.add(v.Line, kp, "found "+describe(v)+" (expected a list of texts)")
				w.skipped(v, kp)
				return
			}
			r.Notes = make([]string, 0, len(v.Content))
			for i, n := range v.Content {
				if !w.plain(n, kp.idx(i)) {
					continue
				}
				if s, ok := w.text(n, kp.idx(i), CapNote); ok {
					r.Notes = append(r.Notes, s)
				}
			}
		case "aggregates":
			r.SetAggregates(w.aggregates(v, kp, r))
		case "figures":
			figures, figuresAt = v, kp
		}
	})
	if figures != nil && !w.full {
		if w.body != nil && figures == w.body.node {
			w.body.ok = w.streamFigures(figuresAt, r, true) // fastpath.go
			w.body.done = true
		} else {
			w.figures(figures, figuresAt, r)
		}
		w.checkUnits(r)
	}
	if r.Cells() == nil {
		r.SetFigures(map[string]map[int]defence.Figure{})
	}
	w.out.release = r
}

// aggregates reads a release's aggregates: a mapping of group ids (of a
// groups file) to years to cells, as figures are.
func (w *walker) aggregates(n *yaml.Node, p fpath, r *defence.Release) map[string]map[int]defence.Figure {
	out := map[string]map[int]defence.Figure{}
	w.entries(n, p, "a mapping of group ids to years", strings.ToLower, checkGroupID, func(id string, k, v *yaml.Node) {
		w.out.groupRefs = append(w.out.groupRefs, ref{code: id, line: k.Line, field: p.k(id)})
		w.curCode = id
		if ys := w.years(v, p.k(id), r.Series); ys != nil {
			out[id] = ys
		}
	})
	w.curCode = ""
	if len(out) == 0 {
		return nil
	}
	return out
}

// figures walks the country -> year -> cell mappings of a release: the
// hot path. Per country it builds one map and one string (the sources of
// all its cells); nothing else is allocated per cell.
func (w *walker) figures(n *yaml.Node, p fpath, r *defence.Release) {
	var figures map[string]map[int]defence.Figure
	if n.Kind == yaml.MappingNode {
		figures = make(map[string]map[int]defence.Figure, len(n.Content)/2)
		r.SetFigures(figures)
	}
	w.entries(n, p, "a mapping of country codes to years", strings.ToUpper, checkCode, func(code string, k, v *yaml.Node) {
		w.out.refs = append(w.out.refs, ref{code: code, line: k.Line, field: p.k(code)})
		w.curCode = code
		if ys := w.years(v, p.k(code), r.Series); ys != nil {
			figures[code] = ys
		}
	})
}

func (w *walker) years(n *yaml.Node, p fpath, series string) map[int]defence.Figure {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		w.add(n.Line, p, "found "+describe(n)+" (expected a mapping of years to figures)")
		w.skipped(n, p)
		return nil
	}
	ys := yearsState{p: p, series: series}
	w.cells = w.cells[:0]
	for i := 0; i+1 < len(n.Content) && !w.full; i += 2 {
		w.yearEntry(&ys, n.Content[i], n.Content[i+1], func(year string) int { return firstYearLine(n, year) })
	}
	return w.takeYears()
}

// yearsState is what the walk of one country's years keeps from one year
// to the next.
type yearsState struct {
	p      fpath
	series string
	seen   [(maxYear - minYear + 64) / 64]uint64
	line   [maxYear - minYear + 1]int32 // of each year seen (the fast path's firstYearLine)
}

func (ys *yearsState) has(y int) bool {
	bit := uint(y - minYear)
	return ys.seen[bit/64]&(1<<(bit%64)) != 0
}

func (ys *yearsState) mark(y, line int) {
	bit := uint(y - minYear)
	ys.seen[bit/64] |= 1 << (bit % 64)
	ys.line[bit] = int32(line)
}

// yearEntry reads one year of a country: k is the year, v its cell.
// firstLine returns the line where a year listed twice was first listed.
func (w *walker) yearEntry(ys *yearsState, k, v *yaml.Node, firstLine func(year string) int) {
	if !w.plain(k, ys.p) {
		return
	}
	kp := ys.p.k(k.Value)
	y, ok := w.year(k, kp)
	if !ok {
		w.skipped(v, kp)
		return
	}
	if ys.has(y) {
		w.add(k.Line, kp, fmt.Sprintf("the year %d is listed twice (first at line %d)", y, firstLine(k.Value)))
		w.skipped(v, kp)
		return
	}
	ys.mark(y, k.Line)
	yp := ys.p.year(y)
	if !w.plain(v, yp) {
		return
	}
	w.addCell(y, k.Line, w.cell(v, yp, ys.series))
}

// addCell keeps a country's cell until takeYears.
func (w *walker) addCell(year, line int, f defence.Figure) {
	f.Source = w.place(line)
	w.cells = append(w.cells, cellTmp{year: year, f: f})
}

// takeYears returns the cells kept since the last call as a country's map
// of years.
func (w *walker) takeYears() map[int]defence.Figure {
	out := make(map[int]defence.Figure, len(w.cells))
	for i := range w.cells {
		c := &w.cells[i]
		out[c.year] = c.f
		c.f = defence.Figure{} // let the note and detail go with the map
	}
	w.cells = w.cells[:0]
	return out
}

func firstYearLine(n *yaml.Node, year string) int {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == year {
			return n.Content[i].Line
		}
	}
	return 0
}

func (w *walker) cell(n *yaml.Node, p fpath, series string) defence.Figure {
	var f defence.Figure
	var defenceAt *yaml.Node
	nonEmpty := w.objectK(n, p, cellSchema(), "a mapping of figures such as gdp_musd", func(ki int, key string, k, v *yaml.Node) {
		kp := p.k(key)
		if ki < len(cellKeys) {
			ck := &cellKeys[ki]
			if !ck.series.has(series) {
				w.add(k.Line, kp, cellKeyProblem(series, key))
				w.skipped(v, kp)
				return
			}
			if n, ok := w.inRange(v, kp, ck.lo, ck.hi, ck.open, ck.exp); ok {
				ck.set(&f, n)
			}
			if ck.constant || ck.ncu {
				w.noteUnits(ck, k.Line, kp)
			}
			if ki == keyDefence {
				defenceAt = v
			}
			return
		}
		switch key {
		case "estimate":
			f.Estimate, _ = w.boolean(v, kp)
		case "note":
			f.Note, _ = w.text(v, kp, CapNote)
		}
	})
	if nonEmpty && len(n.Content) == 0 {
		w.add(n.Line, p, "found an empty mapping (expected figures; leave the year out when nothing is known)")
	}
	if f.Defence.Known && f.GDP.Known && f.Defence.V > f.GDP.V {
		w.add(defenceAt.Line, p.k("defence_musd"), fmt.Sprintf("%s is more than gdp_musd %s (expected defence spending at most GDP)",
			show(defenceAt.Value), strconv.FormatFloat(f.GDP.V, 'f', -1, 64)))
	}
	return f
}

// isSHA256 reports whether s is a SHA-256 in hex: 64 lower-case
// hexadecimal digits.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
