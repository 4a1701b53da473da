// Package suggest matches what a user typed against the names a command
// knows, the way people type them: without regard to case, diacritics or
// surrounding spaces (Fold), and, when nothing matches, offers the nearest
// names by edit distance ("did you mean Germany (DEU)?").
//
// It is pure: no I/O, no state beyond a Set of names.
package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the form in which two names are compared: surrounding
// white space trimmed, inner runs of white space made one space, letters
// lower-cased, and diacritical marks removed (Türkiye and TURKIYE both
// fold to turkiye). Marks are removed by decomposing to Unicode NFD and
// dropping the non-spacing marks (category Mn), so it works for every
// script that composes letters with marks, not only Latin; a letter that
// is not a composition (ø, ß, ł) is kept as it is.
func Fold(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// MaxDistance is the largest edit distance at which a name is suggested
// for an input of n characters (after folding): max(1, n/3). "Germny"
// (6) accepts 2, "DUE" (3) accepts 1.
func MaxDistance(n int) int { return max(1, n/3) }

// maxSuggestions bounds the names offered at once.
const maxSuggestions = 3

// Set is the names of the things a flag accepts. Each thing has an id and
// may be known by several keys (a country by its code, its name and its
// aliases), each with the label shown when that key is the nearest.
type Set struct {
	entries []entry
}

type entry struct {
	id, label string
	folded    []rune
}

// Add adds a key by which the thing id is known, and the label to show
// when that key is the nearest to the input. An empty label shows the key.
func (s *Set) Add(id, key, label string) {
	if label == "" {
		label = key
	}
	s.entries = append(s.entries, entry{id: id, label: label, folded: []rune(Fold(key))})
}

// Words returns a Set of plain words (ids, formats), each its own label.
func Words(words ...string) *Set {
	s := &Set{}
	for _, w := range words {
		s.Add(w, w, w)
	}
	return s
}

// Nearest returns the labels of the things nearest to input, at most
// three: the things whose nearest key is at the smallest edit distance
// found, provided it is at most MaxDistance of the input's length, in the
// order they were added; nil when none is that close. An input that folds
// to a key (CSV for csv, where a flag is stricter than Fold) gets that key.
func (s *Set) Nearest(input string) []string {
	in := []rune(Fold(input))
	if len(in) == 0 {
		return nil
	}
	limit := MaxDistance(len(in))
	best := limit + 1
	var out []string
	var ids []string
	for _, e := range s.entries {
		d := distance(in, e.folded, limit)
		switch {
		case d > limit:
			continue
		case d < best:
			best, out, ids = d, out[:0], ids[:0]
		case d > best:
			continue
		}
		dup := false
		for _, id := range ids {
			if id == e.id {
				dup = true // the same thing by another key: its first label stands
				break
			}
		}
		if !dup {
			out = append(out, e.label)
			ids = append(ids, e.id)
		}
	}
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out
}

// DidYouMean returns "did you mean X?", "did you mean X or Y?" or
// "did you mean X, Y or Z?"; "" for no labels.
func DidYouMean(labels []string) string {
	switch len(labels) {
	case 0:
		return ""
	case 1:
		return "did you mean " + labels[0] + "?"
	}
	return "did you mean " + strings.Join(labels[:len(labels)-1], ", ") + " or " + labels[len(labels)-1] + "?"
}

// distance returns the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// characters, each costing 1: "Germnay" is one from "Germany"), or
// limit+1 as soon as it is known to exceed limit. It costs
// O(len(a)*len(b)) at most, and O(1) when the lengths alone differ by more
// than limit, so a huge input costs nothing.
func distance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// Three rows: the one before the previous (for transpositions), the
	// previous and the current.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > limit {
		return limit + 1
	}
	return prev[len(b)]
}
