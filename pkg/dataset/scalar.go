package dataset

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fpath is the path of a field, such as figures.DEU.2024.share_pct. It is a
// value (no allocation) and is rendered only when an error is reported.
type fpath struct {
	segs [5]seg
	n    int
}

type seg struct {
	s   string
	i   int
	idx bool // a list index: rendered as [i]
	num bool // an integer key (a year): rendered as i
}

func (p fpath) k(s string) fpath {
	if p.n < len(p.segs) {
		p.segs[p.n] = seg{s: s}
		p.n++
	}
	return p
}

func (p fpath) year(y int) fpath {
	if p.n < len(p.segs) {
		p.segs[p.n] = seg{i: y, num: true}
		p.n++
	}
	return p
}

func (p fpath) idx(i int) fpath {
	if p.n < len(p.segs) {
		p.segs[p.n] = seg{i: i, idx: true}
		p.n++
	}
	return p
}

func (p fpath) String() string {
	var b strings.Builder
	for i, s := range p.segs[:p.n] {
		switch {
		case s.idx:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.i))
			b.WriteByte(']')
			continue
		case i > 0:
			b.WriteByte('.')
		}
		if s.num {
			b.WriteString(strconv.Itoa(s.i))
		} else {
			b.WriteString(showKey(s.s))
		}
	}
	return b.String()
}

const showMax = 40 // bytes of a found value shown in a message

// show returns s for a message: as is when it is short and harmless,
// otherwise quoted (control characters escaped) and shortened.
func show(s string) string {
	if len(s) <= showMax && s != "" && safe(s, false) {
		return s
	}
	return quote(s)
}

// showKey is show for a path segment: also quoted when it holds a dot or
// a space, so that the path stays unambiguous.
func showKey(s string) string {
	if len(s) <= showMax && s != "" && safe(s, true) {
		return s
	}
	return quote(s)
}

func quote(s string) string {
	if len(s) > showMax {
		cut := showMax
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "..."
	}
	return strconv.Quote(s)
}

// printable reports whether s holds no control or other non-printable
// character.
func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}

func safe(s string, key bool) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError, !strconv.IsPrint(r), r == '"':
			return false
		case r == ' ' || key && (r == '.' || r == '[' || r == ':'):
			return false
		}
	}
	return true
}

// showNode shows a scalar as written: quoted when the file quoted it.
func showNode(n *yaml.Node) string {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return quote(n.Value)
	}
	return show(n.Value)
}

// describe says what a node is, for "found X (expected Y)" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" && n.Style == 0 {
			return "an empty value"
		}
		return showNode(n)
	}
	return "something else"
}

const (
	tagStr   = "!!str"
	tagInt   = "!!int"
	tagFloat = "!!float"
	tagBool  = "!!bool"
	tagNull  = "!!null"
	tagTime  = "!!timestamp"
)

// quotedStyles are the styles that make a scalar a string whatever it holds.
const quotedStyles = yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle

// isPlainDecimal reports whether s is a plain decimal number, the language
//
//	^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$
//
// and whether it is an integer (no fraction, no exponent). It is written out
// by hand because it runs for every figure (see TestPlainDecimalMatchesRegexp).
func isPlainDecimal(s string) (ok, integer bool) {
	i, n := 0, len(s)
	if i < n && s[i] == '-' {
		i++
	}
	switch {
	case i < n && s[i] == '0':
		i++
	case i < n && s[i] >= '1' && s[i] <= '9':
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return false, false
	}
	integer = true
	if i < n && s[i] == '.' {
		integer = false
		i++
		j := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			return false, false
		}
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		integer = false
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			return false, false
		}
	}
	return i == n, integer
}

// numberProblem explains why the scalar n is not a plain decimal number.
// what names the expected value ("a number", "a year").
func numberProblem(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		return "found " + describe(n) + " (expected " + what + ")"
	}
	v := n.Value
	if n.Style&quotedStyles != 0 || n.Tag == tagStr && n.Style&yaml.TaggedStyle != 0 {
		return quote(v) + " is a string (expected " + what + ")"
	}
	if n.Style&yaml.TaggedStyle != 0 && n.Tag != tagInt && n.Tag != tagFloat {
		return show(v) + " has the tag " + show(n.Tag) + " (expected " + what + " without a tag)"
	}
	switch n.Tag {
	case tagNull:
		return "found an empty value (expected " + what + "; leave the key out when the figure is unknown)"
	case tagBool:
		return show(v) + " is a bool (expected " + what + ")"
	case tagTime:
		return show(v) + " is a date (expected " + what + ")"
	}
	t := strings.TrimLeft(v, "+-")
	lower := strings.ToLower(t)
	switch {
	case lower == ".nan" || lower == ".inf":
		return show(v) + " is not a finite number"
	case strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0o") || strings.HasPrefix(lower, "0b"):
		return show(v) + " is not a plain decimal number"
	case strings.Contains(v, "_") && n.Tag != tagStr:
		return show(v) + " is not a plain decimal number (digit separators such as _ are not allowed)"
	case len(t) > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9':
		return show(v) + ": leading zeros are not allowed (YAML 1.1 would read it as octal)"
	case strings.HasPrefix(v, "+") && n.Tag != tagStr:
		return show(v) + " is not a plain decimal number (leave out the + sign)"
	case n.Tag == tagStr:
		return quote(v) + " is a string (expected " + what + ")"
	}
	return show(v) + " is not a plain decimal number (expected " + what + " such as 1234, 1234.5, -0.25 or 1.5e3)"
}

// textProblem explains why the scalar n is not acceptable text, or returns "".
func textProblem(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "found " + describe(n) + " (expected text)"
	}
	if n.Style&quotedStyles == 0 {
		switch n.Tag {
		case tagStr, tagTime: // a plain date is fine as text
		case tagInt, tagFloat:
			return show(n.Value) + " is a number (expected text; put it in quotes if it is meant as text)"
		case tagBool:
			return show(n.Value) + " is a bool (expected text; put it in quotes if it is meant as text)"
		case tagNull:
			return "found an empty value (expected text; leave the key out instead)"
		default:
			return show(n.Value) + " has the tag " + show(n.Tag) + " (expected text without a tag)"
		}
	} else if n.Tag != tagStr {
		return show(n.Value) + " has the tag " + show(n.Tag) + " (expected text without a tag)"
	}
	return textValueProblem(n.Value)
}

// textValueProblem checks the characters of a text.
func textValueProblem(s string) string {
	if strings.TrimSpace(s) == "" {
		return "found empty text (expected some text; leave the key out instead)"
	}
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b < 0x20 || b == 0x7f {
				return fmt.Sprintf("%s holds the control character U+%04X (not allowed in text)", quote(s), b)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return quote(s) + " is not valid UTF-8"
		}
		if r >= 0x80 && r <= 0x9f {
			return fmt.Sprintf("%s holds the control character U+%04X (not allowed in text)", quote(s), r)
		}
		i += size
	}
	return ""
}

// isCode reports whether s is an ISO 3166-1 alpha-3 code in upper case.
func isCode(s string) bool {
	return len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2])
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// isID reports whether s is non-empty and made of a-z, 0-9, '-' and, when
// dot is true, '.'.
func isID(s string, dot bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || dot && b == '.') {
			return false
		}
	}
	return true
}

// dateProblem checks a YYYY-MM-DD date (or YYYY-MM when month is true).
func dateProblem(s string, month bool) string {
	form := "YYYY-MM-DD"
	if month {
		form = "YYYY-MM-DD or YYYY-MM"
	}
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return true
	}
	ok := (len(s) == 10 || month && len(s) == 7) && s[4] == '-' && digits(s[:4]) && digits(s[5:7]) &&
		(len(s) == 7 || s[7] == '-' && digits(s[8:]))
	if !ok {
		return show(s) + " is not a date (expected " + form + ")"
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	if y < minYear || y > maxYear {
		return fmt.Sprintf("%s: the year %d is out of range (expected a year from %d to %d)", s, y, minYear, maxYear)
	}
	if m < 1 || m > 12 {
		return fmt.Sprintf("%s: the month %s is out of range (expected 01 to 12)", s, s[5:7])
	}
	if len(s) == 10 {
		d, _ := strconv.Atoi(s[8:])
		if max := daysIn(y, m); d < 1 || d > max {
			return fmt.Sprintf("%s: the day %s is out of range (expected 01 to %d)", s, s[8:], max)
		}
	}
	return ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
