package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// TextOptions tunes Text.
type TextOptions struct {
	// Markdown renders a GitHub-flavoured Markdown table instead of an ASCII
	// box table.
	Markdown bool
	// Width is the terminal width in columns; 0 means unknown. When the
	// ASCII table would be wider, text columns (and column titles) are
	// word-wrapped, widest first; numbers are never wrapped and no column is
	// dropped. A word longer than the space left is not broken, so a very
	// small Width can still be exceeded. Ignored for Markdown, whose rows
	// cannot span lines.
	Width int
}

// Text writes t as a human-readable table:
//
//	Title
//	+---------+---------+
//	| Country | GDP $bn |   header: Column.Title as written
//	+---------+---------+
//	| Germany | 4,525.7 |   rows: text left, numbers right, Cell.Mark appended
//	+---------+---------+
//	| Total   | 4,525.7 |   footer (only if Footer is set and there are rows)
//	+---------+---------+
//	note 1
//	note 2
//
// With o.Markdown the title is printed in bold, the table is a Markdown
// table (the footer becomes its last row; "|" and "\" in cells are escaped
// as "\|" and "\\"; line breaks become spaces) and each note is a paragraph
// of its own, separated by blank lines.
//
// A table with no rows prints its title, a header-only table and its notes;
// the footer is left out (there is nothing to total).
//
// Numbers are formatted here (see Kind), never by tablewriter. Control
// characters in text (an ESC from a hostile data file, say) are printed as
// '?' and tabs as spaces, so the output holds no ANSI escape sequences.
//
// Text returns an error, having written nothing, if t is malformed or holds
// a NaN or infinite known number.
func Text(w io.Writer, t *Table, o TextOptions) error {
	if err := validate(t); err != nil {
		return err
	}
	clean := cleanCell
	if o.Markdown {
		clean = cleanMarkdownCell
	}
	n := len(t.Columns)
	header := make([]string, n)
	aligns := make(tw.Alignment, n)
	for i, c := range t.Columns {
		header[i] = clean(c.Title)
		aligns[i] = tw.AlignRight
		if c.Kind == String || c.Kind == Bool {
			aligns[i] = tw.AlignLeft
		}
	}
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = tableRow(t.Columns, r, clean) // a new slice per row: tablewriter keeps it
	}
	var footer []string
	if len(t.Rows) > 0 && len(t.Footer) > 0 {
		footer = tableRow(t.Columns, t.Footer, clean)
	}

	var buf bytes.Buffer
	if t.Title != "" {
		if o.Markdown {
			fmt.Fprintf(&buf, "**%s**\n\n", strings.ReplaceAll(cleanControls(t.Title), "\n", " "))
		} else {
			buf.WriteString(cleanControls(t.Title))
			buf.WriteByte('\n')
		}
	}

	var rend tw.Renderer
	if o.Markdown {
		rend = renderer.NewMarkdown()
	} else {
		rend = renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})
	}
	tbl := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(rend),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoFormat(tw.Off),
		tablewriter.WithFooterAutoFormat(tw.Off),
		// Titles wrap at spaces when Width asks for it, rather than being
		// truncated with a non-ASCII ellipsis (the default for headers).
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		// PerColumn alignment for header, rows and footer alike; Markdown's
		// ":--" / "--:" markers follow it too.
		tablewriter.WithAlignment(aligns),
	)
	if !o.Markdown && o.Width > 0 {
		if caps := fitWidths(t.Columns, header, rows, footer, o.Width); caps != nil {
			// Header and footer are laid out when they are set, so this must
			// come before Header and Footer.
			tbl.Configure(func(cfg *tablewriter.Config) {
				cfg.Header.ColMaxWidths.PerColumn = caps
				cfg.Row.ColMaxWidths.PerColumn = caps.Clone()
				cfg.Footer.ColMaxWidths.PerColumn = caps.Clone()
			})
		}
	}
	tbl.Header(header)
	for _, row := range rows {
		if err := tbl.Append(row); err != nil {
			return fmt.Errorf("render: table: %w", err)
		}
	}
	if footer != nil {
		tbl.Footer(footer)
	}
	if err := tbl.Render(); err != nil {
		return fmt.Errorf("render: table: %w", err)
	}

	for _, note := range t.Notes {
		if o.Markdown {
			buf.WriteByte('\n')
		}
		buf.WriteString(cleanControls(note))
		buf.WriteByte('\n')
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// tableRow formats one row of cells for the table, marks included.
func tableRow(cols []Column, cells []Cell, clean func(string) string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = clean(tableValue(cols[i], c) + c.Mark)
	}
	return out
}

// cleanControls replaces control characters that a terminal would act on
// (C0 except newline, DEL, C1: ESC starts ANSI sequences) with '?', turns
// tabs into spaces (tablewriter would expand them to a width it guesses from
// the environment) and CRLF or CR into LF.
func cleanControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r == '\r':
			return '\n'
		case isControl(r):
			return '?'
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f)
}

// cleanCell prepares a terminal table cell: controls cleaned and outer
// space trimmed (tablewriter trims too; trimming here keeps fitWidths'
// measurements equal to what gets printed).
func cleanCell(s string) string {
	return strings.TrimSpace(cleanControls(s))
}

// markdownEscaper escapes what would end a Markdown table cell early. The
// backslash is escaped too, or a cell ending in "\" would escape the
// column's closing pipe.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, "\n", " ")

// cleanMarkdownCell prepares a Markdown table cell: one line, pipes escaped.
func cleanMarkdownCell(s string) string {
	return markdownEscaper.Replace(cleanCell(s))
}

// fitWidths decides how narrow each column of an ASCII table must become
// for the table to fit in width terminal columns. It returns maximum cell
// widths (content plus tablewriter's two padding spaces, the unit of
// ColMaxWidths) for the columns that must wrap, or nil if the table fits.
//
// Each column has a natural width (its widest line) and a floor it is never
// narrowed below: the longest word of its title and, for text columns, of
// its cells; for other kinds the whole widest cell, as numbers are never
// wrapped. The widest columns are narrowed first: all columns are capped at
// the largest common width C that fits (never below their floors). If even
// the floors do not fit, the floors are used and the table stays too wide.
func fitWidths(cols []Column, header []string, rows [][]string, footer []string, width int) tw.Mapper[int, int] {
	n := len(cols)
	natural := make([]int, n)
	floor := make([]int, n)
	measure := func(i int, cell string, isTitle bool) {
		for line := range strings.SplitSeq(cell, "\n") {
			lw := twwidth.Width(line)
			natural[i] = max(natural[i], lw)
			if isTitle || cols[i].Kind == String {
				for _, word := range strings.Fields(line) {
					floor[i] = max(floor[i], twwidth.Width(word))
				}
			} else {
				floor[i] = max(floor[i], lw)
			}
		}
	}
	for i, s := range header {
		measure(i, s, true)
	}
	for _, row := range rows {
		for i, s := range row {
			measure(i, s, false)
		}
	}
	for i, s := range footer {
		measure(i, s, false)
	}

	// ASCII layout: "| " + cell + " " per column, plus the closing "|".
	budget := width - (3*n + 1)
	at := func(c int) int {
		sum := 0
		for i := range n {
			sum += max(floor[i], min(natural[i], c))
		}
		return sum
	}
	widest := 0
	for _, w := range natural {
		widest = max(widest, w)
	}
	if at(widest) <= budget {
		return nil
	}
	// at is non-decreasing in c: find the largest c in [0, widest) that fits.
	lo, hi := 0, widest-1
	best := 0
	for lo <= hi {
		mid := (lo + hi) / 2
		if at(mid) <= budget {
			best = mid
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	caps := tw.NewMapper[int, int]()
	for i := range n {
		if target := max(floor[i], min(natural[i], best)); target < natural[i] {
			caps.Set(i, target+2)
		}
	}
	if caps.Len() == 0 {
		return nil
	}
	return caps
}
