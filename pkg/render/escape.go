package render

import "strings"

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
