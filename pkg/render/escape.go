package render

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

// EscapeTerminal returns s with every character that needsEscape and every
// byte that is not valid UTF-8 written as a Go-style escape: "\n", "\t"
// and "\r" for a line break, tab and carriage return, "\x1b" for another
// byte below U+0080 or an invalid byte, "\u202e" for a rune. Text is printed, never acted on. Table cells, titles
// and notes go through it; the backslash itself is left as it is, so the
// result is for eyes, not for parsing back.
func EscapeTerminal(s string) string { return escapeTerminal(s, false) }

// EscapeTerminalText is EscapeTerminal for messages: it keeps line breaks
// ("\n") and tabs, which lay out a message but cannot move the cursor
// elsewhere. A carriage return is escaped: it would let a line overwrite
// what was printed before it.
func EscapeTerminalText(s string) string { return escapeTerminal(s, true) }

func escapeTerminal(s string, keepLayout bool) string {
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
// escapeTerminal changes, or -1.
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

// terminalWriter escapes what is written through it with EscapeTerminalText.
type terminalWriter struct{ w io.Writer }

// NewTerminalWriter returns a writer that passes every Write through
// EscapeTerminalText to w: for the streams that a person reads on a
// terminal (natospend's stderr always, its stdout when it is a terminal).
// Each Write is escaped on its own, so a UTF-8 character split across two
// writes shows as escaped bytes; fmt.Fprint* and natospend's renderers
// write whole texts. Clean text passes through unchanged, so text that is
// escaped already is not escaped twice.
func NewTerminalWriter(w io.Writer) io.Writer { return &terminalWriter{w: w} }

func (t *terminalWriter) Write(p []byte) (int, error) {
	s := string(p)
	if firstToEscape(s, true) < 0 {
		return t.w.Write(p)
	}
	if _, err := io.WriteString(t.w, escapeTerminal(s, true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeJSONText rewrites, in encoded JSON, every character that
// needsEscape and that encoding/json leaves raw (DEL, C1 controls, the
// bidirectional controls; it escapes the C0 controls and U+2028/U+2029
// itself) as a \uXXXX escape. The JSON value is the same; the bytes hold
// nothing a terminal would act on. Such characters occur only inside
// strings, where \uXXXX is valid.
func escapeJSONText(b []byte) []byte {
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

// markdownSpecial are the characters that could start Markdown syntax
// inside a line: emphasis (*, _), code (`), links and images ([, ], !),
// raw HTML and autolinks (<, >), entities (&), strikethrough (~), table
// cells (|) and escapes (\). CommonMark lets a backslash escape any of
// them.
const markdownSpecial = "\\`*_[]<>&|~!"

// escapeMarkdown returns s (already escaped for the terminal, one line)
// with Markdown syntax neutralised, so that a name from a data file shows
// as its text and never becomes HTML, a link, an image or emphasis: the
// characters in markdownSpecial are backslash-escaped.
//
// In a table cell (block false) the "://", "www." and "@" that GFM turns
// into links by themselves also have their punctuation written as a
// character reference (&#58; &#46; &#64;), which shows the same character
// but is not recognised as a link: a name is never a link. The title and
// notes (block true) keep bare URLs, so that a source's address stays a
// link (an autolink shows its own target, it cannot disguise it); there a
// leading character that would start a heading, list, quote or rule (#, +,
// -, =, >, or digits followed by '.' or ')') is escaped, and an indent of
// four spaces or more (a code block) is dropped.
func escapeMarkdown(s string, block bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lower := strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(markdownSpecial, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case block:
			b.WriteByte(c)
		case c == ':' && strings.HasPrefix(s[i:], "://"):
			b.WriteString("&#58;")
		case c == '.' && i >= 3 && lower[i-3:i] == "www":
			b.WriteString("&#46;")
		case c == '@':
			b.WriteString("&#64;")
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	if !block {
		return out
	}
	trimmed := strings.TrimLeft(out, " ")
	lead := out[:len(out)-len(trimmed)]
	if len(lead) >= 4 { // four spaces would start a code block
		lead = ""
	}
	if trimmed != "" && strings.IndexByte("#+-=>", trimmed[0]) >= 0 {
		return lead + `\` + trimmed
	}
	digits := len(trimmed) - len(strings.TrimLeft(trimmed, "0123456789"))
	if digits > 0 && digits < len(trimmed) && (trimmed[digits] == '.' || trimmed[digits] == ')') {
		return lead + trimmed[:digits] + `\` + trimmed[digits:]
	}
	return lead + trimmed
}
