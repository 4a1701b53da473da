package dataset

import (
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// TextCap is the most characters (runes, not bytes) one kind of text in a
// data file may have. Every text the loader reads has one (the walker's
// text takes it), so that no text is unbounded: a 2 MiB title or purpose
// would cost gigabytes in the tables that show it. The caps are far above
// every real text (the longest in the embedded data: a release's via, 571
// characters; a note, 484; a quote, 386; a title, 136) and far below what
// hurts. validate reports a text over its cap as the loader does, with the
// file, the line and the field.
type TextCap struct {
	// What is what the error says was expected: "a title".
	What string
	// Max is the most characters.
	Max int
	// Fields says which texts have this cap, for the documentation.
	Fields string
}

// The caps: their only declaration (docs/data.md lists them, and
// TestTextCapsDocumented checks the list).
var (
	CapName  = TextCap{"a name", MaxNameLength, "names and aliases of countries, groups, targets and target parts"}
	CapLabel = TextCap{"a label", 200, "ids, codes, currencies, series, definitions, memberships, measures of targets, bases, SHA-256s"}
	CapTitle = TextCap{"a title", 1000, "titles, publishers, aid measures, aid-package purposes, source files"}
	CapURL   = TextCap{"a URL", 2048, "url"}
	CapNote  = TextCap{"a note", 10000, "notes, quotes, citations, via, price_basis"}
)

// TextCaps lists the caps, shortest first.
var TextCaps = []TextCap{CapName, CapLabel, CapTitle, CapURL, CapNote}

// MaxNameLength is the most characters (runes) a name may have: a
// country's name and aliases, a group's, a target's and a target part's.
// The longest real one is far shorter ("United Kingdom of Great Britain and
// Northern Ireland" is 52); a longer one is a mistake or an attack on the
// tables that show it.
const MaxNameLength = 200

// capProblem says why s is too long for c, or "" when it is not.
func capProblem(s string, c TextCap) string {
	if len(s) <= c.Max { // bytes >= runes: no need to count
		return ""
	}
	if n := utf8.RuneCountInString(s); n > c.Max {
		return fmt.Sprintf("%s is %d characters long (expected %s of at most %d)", show(s), n, c.What, c.Max)
	}
	return ""
}

// text returns the text of n, or reports why it is not acceptable text:
// not a text, or longer than its cap c.
func (w *walker) text(n *yaml.Node, p fpath, c TextCap) (string, bool) {
	if msg := textProblem(n); msg != "" {
		w.add(n.Line, p, msg)
		w.skipped(n, p)
		return "", false
	}
	if msg := capProblem(n.Value, c); msg != "" {
		w.add(n.Line, p, msg)
		return "", false
	}
	return n.Value, true
}

// name is text for a name: at most MaxNameLength characters.
func (w *walker) name(n *yaml.Node, p fpath) (string, bool) {
	return w.text(n, p, CapName)
}
