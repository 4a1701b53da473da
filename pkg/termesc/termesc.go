// Package termesc makes text safe to print on a terminal: every character
// a terminal would act on (ANSI sequences, a carriage return, the
// bidirectional overrides...) is written as a Go-style escape. The
// renderer (pkg/render) escapes table cells, titles and notes with it, and
// the command streams (pkg/cli/iostreams) escape stderr, and stdout on a
// terminal, with its Writer.
package termesc

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// needsEscape reports whether a terminal would act on r, or r would change
// how the text around it is shown, rather than print it as a character:
// C0 controls (ESC starts ANSI sequences, BEL rings, CR overwrites), DEL,
// C1 controls (U+009B is a one-character CSI), the bidirectional
// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: a
// right-to-left override reverses the rest of the line), the invisible
// direction marks (U+200E, U+200F, U+061C: they reorder the neutral
// characters around them) and the Unicode line and paragraph separators
// (U+2028, U+2029).
func needsEscape(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// String returns s with every character that needsEscape and every
// byte that is not valid UTF-8 written as a Go-style escape: "\n", "\t"
// and "\r" for a line break, tab and carriage return, "\x1b" for another
// byte below U+0080 or an invalid byte, "\u202e" for a rune. Text is printed, never acted on. Table cells, titles
// and notes go through it; the backslash itself is left as it is, so the
// result is for eyes, not for parsing back.
func String(s string) string { return escape(s, false) }

// Text is String for messages: it keeps line breaks
// ("\n") and tabs, which lay out a message but cannot move the cursor
// elsewhere. A carriage return is escaped: it would let a line overwrite
// what was printed before it.
func Text(s string) string { return escape(s, true) }

func escape(s string, keepLayout bool) string {
	i := firstToEscape(s, keepLayout)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLayout && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && needsEscape(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstToEscape returns the index of the first byte of s that
// escape changes, or -1.
func firstToEscape(s string, keepLayout bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if needsEscape(rune(c)) && !(keepLayout && (c == '\n' || c == '\t')) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || needsEscape(r) {
			return i
		}
		i += size
	}
	return -1
}

// writer escapes what is written through it with Text.
type writer struct{ w io.Writer }

// NewWriter returns a writer that passes every Write through
// Text to w: for the streams that a person reads on a
// terminal (natospend's stderr always, its stdout when it is a terminal).
// Each Write is escaped on its own, so a UTF-8 character split across two
// writes shows as escaped bytes; fmt.Fprint* and natospend's renderers
// write whole texts. Clean text passes through unchanged, so text that is
// escaped already is not escaped twice.
func NewWriter(w io.Writer) io.Writer { return &writer{w: w} }

func (t *writer) Write(p []byte) (int, error) {
	s := string(p)
	if firstToEscape(s, true) < 0 {
		return t.w.Write(p)
	}
	if _, err := io.WriteString(t.w, escape(s, true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// JSON rewrites, in encoded JSON, every character that
// needsEscape and that encoding/json leaves raw (DEL, C1 controls, the
// bidirectional controls; it escapes the C0 controls and U+2028/U+2029
// itself) as a \uXXXX escape. The JSON value is the same; the bytes hold
// nothing a terminal would act on. Such characters occur only inside
// strings, where \uXXXX is valid.
func JSON(b []byte) []byte {
	s := string(b)
	if firstToEscape(s, true) < 0 {
		return b
	}
	var out strings.Builder
	out.Grow(len(s) + 16)
	for _, r := range s { // encoding/json writes valid UTF-8 only
		if needsEscape(r) && r != '\n' && r != '\t' {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}
