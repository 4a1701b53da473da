package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// widthCond measures text as a terminal shows it. East Asian ambiguous
// characters count as one column whatever the locale, so that the layout
// does not depend on the machine's environment.
var widthCond = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// displayWidth is the number of terminal columns s takes (s holds no
// control characters: it is escaped before it is measured).
func displayWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return widthCond.StringWidth(s)
		}
	}
	return len(s)
}

// pieces calls yield with the pieces of a word that a line may break
// between: the word is cut after each hyphen that follows a letter and is
// followed by something other than a hyphen ("not-reported" -> "not-",
// "reported"; "nato-2026-07" -> "nato-", "2026-07"; "-0.5", "2014-2025"
// and "2025-02-11" stay whole, and so does a URL).
func pieces(word string, yield func(piece string)) {
	if strings.Contains(word, "://") {
		yield(word) // a URL stays whole where it can: a break would cut the link
		return
	}
	start := 0
	for i := 1; i < len(word)-1; i++ {
		if word[i] == '-' && word[i+1] != '-' && isLetterBefore(word, i) {
			yield(word[start : i+1])
			start = i + 1
		}
	}
	yield(word[start:])
}

// longestPiece returns the width of the widest piece of s that wrapLines
// keeps whole when it can: the narrowest a column holding s can be without
// breaking inside a word.
func longestPiece(s string) int {
	longest := 0
	for word := range strings.SplitSeq(s, " ") {
		pieces(word, func(p string) { longest = max(longest, displayWidth(p)) })
	}
	return longest
}

// wrapText is wrapLines with the same width for every line.
func wrapText(s string, width int) []string { return wrapLines(s, width, width) }

// wrapLines breaks s into lines, the first at most first columns wide and
// the others at most rest, greedily: at spaces (runs of spaces collapse)
// and after the hyphens that pieces finds. A piece wider than a line is
// broken between characters, so that every line fits. It returns at least
// one line. Its time is linear in len(s): each piece is measured once.
func wrapLines(s string, first, rest int) []string {
	first, rest = max(first, 1), max(rest, 1)
	var lines []string
	var cur strings.Builder
	cw, limit := 0, first
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		cw, limit = 0, rest
	}
	for word := range strings.SplitSeq(s, " ") {
		if word == "" {
			continue
		}
		startOfWord := true
		pieces(word, func(p string) {
			pw := displayWidth(p)
			space := 0
			if startOfWord && cw > 0 {
				space = 1
			}
			startOfWord = false
			if cw > 0 && cw+space+pw > limit {
				flush()
				space = 0
			}
			if space > 0 {
				cur.WriteByte(' ')
				cw++
			}
			if cw+pw <= limit {
				cur.WriteString(p)
				cw += pw
				return
			}
			// Wider than a whole line: break between characters (a
			// character with the combining marks after it, or joined by
			// U+200D, stays whole).
			clusters(p, func(c string, w int) {
				if cw > 0 && cw+w > limit {
					flush()
				}
				cur.WriteString(c)
				cw += w
			})
		})
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// clusters calls yield with each user-perceived character of s and its
// width: a rune with the zero-width runes that follow it, and a rune that
// follows a zero-width joiner joined to the one before.
func clusters(s string, yield func(c string, w int)) {
	start, width := 0, -1
	joined := false
	for i, r := range s {
		rw := widthCond.RuneWidth(r)
		if width >= 0 && (rw == 0 || joined) {
			if width == 0 {
				width = rw
			}
			joined = r == 0x200d
			continue
		}
		if width >= 0 {
			yield(s[start:i], width)
		}
		start, width, joined = i, rw, r == 0x200d
	}
	if width >= 0 {
		yield(s[start:], width)
	}
}

// isLetterBefore reports whether the character that ends just before byte
// i of s is a letter.
func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}
