package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/termesc"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// TextOptions tunes Text.
type TextOptions struct {
	// Markdown renders a GitHub-flavoured Markdown table instead of an ASCII
	// box table.
	Markdown bool
	// Width is the terminal width in columns; 0 (or less) means unknown,
	// as for a pipe or a file: the table is then printed whole, one line per
	// row, however wide. A Width below MinWidth counts as MinWidth. When
	// the table would be wider than Width, Text tries, in this order, until
	// one fits (see fitLayout):
	//  1. column titles wrapped onto several lines (at spaces and after
	//     hyphens), widest columns first;
	//  2. the same with no padding between the cell and the '|';
	//  3. titles and text cells wrapped, with padding;
	//  4. titles and text cells wrapped, no padding;
	//  5. layouts 1-4 with the columns' short titles (Column.Short);
	//  6. layouts 1-2 (cells whole) with fewer decimals (coarser): money
	//     in whole billions and a Number column with one decimal less,
	//     each only where no known figure of the column, totals included,
	//     that is not 0 would print as 0 (a share keeps its two decimals:
	//     a verdict reads on them), with a note naming the columns;
	//  7. the table without its droppable columns (Column.Drop), left out
	//     one at a time in their declared order until one of the layouts
	//     1-4 fits (short titles), with a note naming them and how to see
	//     them (a wider terminal, --format csv); where none fits, the same
	//     with fewer decimals;
	//  8. a vertical layout: one block per row ("Title: value" lines), the
	//     footer as a last block, with every column.
	// Numbers are never wrapped. The title and the
	// notes are word-wrapped to Width too (continuation lines indented by
	// two spaces), so that every line fits. Ignored for Markdown, whose rows
	// cannot span lines.
	Width int
	// Quiet leaves out the note on the columns a table too wide for Width
	// left out (--quiet: data only).
	Quiet bool
}

// MinWidth is the narrowest width Text lays a table out for.
const MinWidth = 20

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
// table (the footer becomes its last row) and each note is a paragraph of
// its own, separated by blank lines. Markdown syntax in any text is
// escaped (see escapeMarkdown), so that a name from a data file can never
// become HTML, a link or emphasis.
//
// A table with no rows prints its title, a header-only table and its notes;
// the footer is left out (there is nothing to total).
//
// Numbers are formatted here (see Kind). Nothing raw reaches a terminal:
// cells and column titles go through termesc.String (every control
// character, line breaks included, shows as "\x1b", "\n", "\u202e", ...);
// the title and notes through termesc.Text (line breaks kept), with
// tabs as spaces.
//
// Text returns an error, having written nothing, if t is malformed or holds
// a NaN or infinite known number.
func Text(w io.Writer, t *Table, o TextOptions) error {
	if err := validate(t); err != nil {
		return err
	}
	g := newGrid(t, o.Markdown)
	var buf bytes.Buffer
	if o.Markdown {
		g.markdown(&buf, t)
	} else {
		width := o.Width
		if width > 0 && width < MinWidth {
			width = MinWidth
		}
		g.ascii(&buf, t, width, o)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// grid is a table's text: every cell formatted and escaped, one line each.
type grid struct {
	cols   []Column
	right  []bool // numbers are right-aligned
	header []string
	rows   [][]string
	footer []string   // nil: no footer
	more   [][]string // further footer rows (Table.MoreFooters)
	// whole keeps text cells whole: fitLayout tries only the layouts
	// that wrap titles, not cells.
	whole bool
}

func newGrid(t *Table, markdown bool) *grid {
	clean := cleanCell
	if markdown {
		clean = cleanMarkdownCell
	}
	n := len(t.Columns)
	g := &grid{cols: t.Columns, right: make([]bool, n), header: make([]string, n)}
	for i, c := range t.Columns {
		g.header[i] = clean(c.Title)
		g.right[i] = c.Kind != String && c.Kind != Bool
	}
	g.rows = make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		g.rows[i] = tableRow(t.Columns, r, clean)
	}
	if len(t.Rows) > 0 && len(t.Footer) > 0 {
		g.footer = tableRow(t.Columns, t.Footer, clean)
		for _, f := range t.MoreFooters {
			g.more = append(g.more, tableRow(t.Columns, f, clean))
		}
	}
	return g
}

// body returns the rows and then the footer rows, if any.
func (g *grid) body() [][]string {
	if g.footer == nil {
		return g.rows
	}
	return append(append(g.rows[:len(g.rows):len(g.rows)], g.footer), g.more...)
}

// footers returns the footer rows as one, each cell the rows' cells one
// line each (tablewriter draws one footer), each wrapped by wrap first.
func (g *grid) footers(wrap func([]string) []string) []string {
	if g.footer == nil {
		return nil
	}
	out := wrap(g.footer)
	for _, f := range g.more {
		for i, c := range wrap(f) {
			out[i] += "\n" + c
		}
	}
	return out
}

// tableRow formats one row of cells for the table, marks included.
func tableRow(cols []Column, cells []Cell, clean func(string) string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = clean(tableValue(cols[i], c) + c.Mark)
	}
	return out
}

// cleanCell prepares a terminal table cell: escaped for the terminal (see
// termesc.String) and outer space trimmed.
func cleanCell(s string) string {
	return strings.TrimSpace(termesc.String(s))
}

// cleanMarkdownCell prepares a Markdown table cell: a terminal cell with
// Markdown syntax escaped.
func cleanMarkdownCell(s string) string {
	return escapeMarkdown(cleanCell(s), false)
}

// cleanLine prepares the title or a note: escaped for the terminal, line
// breaks kept, tabs as spaces (their width depends on the terminal).
func cleanLine(s string) string {
	return strings.ReplaceAll(termesc.Text(s), "\t", " ")
}

// markdownLine prepares a Markdown paragraph of one line (a title, a
// note): a cleanLine with its line breaks as spaces, Markdown syntax
// escaped.
func markdownLine(s string) string {
	return escapeMarkdown(strings.ReplaceAll(cleanLine(s), "\n", " "), true)
}

// markdown writes the Markdown form: bold title, table, notes as paragraphs.
func (g *grid) markdown(buf *bytes.Buffer, t *Table) {
	if t.Title != "" {
		title := markdownLine(t.Title)
		buf.WriteString("**" + title + "**\n\n")
	}
	rows, footer := g.rows, g.footer
	if len(g.more) > 0 { // Markdown has no multi-line cell: the totals but the last as rows
		all := append([][]string{g.footer}, g.more...)
		rows = append(rows[:len(rows):len(rows)], all[:len(all)-1]...)
		footer = all[len(all)-1]
	}
	g.draw(buf, renderer.NewMarkdown(), 1, g.header, rows, footer)
	for _, note := range t.Notes {
		buf.WriteByte('\n')
		buf.WriteString(markdownLine(note))
		buf.WriteByte('\n')
	}
}

// ascii writes the terminal form, fitted to width when width > 0.
func (g *grid) ascii(buf *bytes.Buffer, t *Table, width int, o TextOptions) {
	if t.Title != "" {
		writeWrapped(buf, cleanLine(t.Title), width)
	}
	ok := g.boxWithin(buf, width)
	var dropNote, roundNote string
	short := g.short()
	if !ok && width > 0 && short != g {
		// The short titles (Column.Short), before any column is left out.
		ok = short.boxWithin(buf, width)
	}
	if !ok && width > 0 {
		// Fewer decimals, where no figure that is not 0 reads as 0: only
		// when every column then fits, cells whole; else columns are left
		// out at full precision, and rounded only when that alone does
		// not fit either.
		c, rounded := coarser(t, short)
		if c != nil {
			c.whole = true
			ok = c.boxWithin(buf, width)
			c.whole = false
		}
		if !ok {
			box, left := short.dropToFit(width, g.header)
			if box == nil && c != nil {
				box, left = c.dropToFit(width, g.header)
				rounded = slices.DeleteFunc(rounded, func(name string) bool { return slices.Contains(left, name) })
			} else {
				rounded = nil
			}
			if box != nil {
				buf.Write(box)
				ok = true
				dropNote = fmt.Sprintf("Not shown, to fit %d columns: %s (every column: a wider terminal, or --format csv).", width, strings.Join(left, ", "))
			}
		}
		if ok && len(rounded) > 0 {
			roundNote = fmt.Sprintf("Rounded, to fit %d columns: %s (money in whole billions, other figures to one decimal less, where no figure but 0 prints as 0; shares keep two decimals; every digit: a wider terminal, or --format csv).", width, strings.Join(rounded, ", "))
		}
	}
	if !ok {
		if t.Title != "" && len(g.rows) > 0 {
			buf.WriteByte('\n')
		}
		g.vertical(buf, width)
	}
	if !ok && len(t.Notes) > 0 && len(g.rows) > 0 {
		buf.WriteByte('\n')
	}
	if dropNote != "" && !o.Quiet {
		writeWrapped(buf, dropNote, width)
	}
	if roundNote != "" && !o.Quiet {
		writeWrapped(buf, roundNote, width)
	}
	for _, note := range t.Notes {
		writeWrapped(buf, cleanLine(note), width)
	}
}

// boxWithin writes g as a box to buf when its layout fits width (any,
// width <= 0) and the box drawn does too, and says whether it did:
// tablewriter measures some characters (combining marks of other scripts,
// say) wider than the layout did, and a box that came out too wide is
// not written, so that every line fits.
func (g *grid) boxWithin(buf *bytes.Buffer, width int) bool {
	lay, fits := g.fitLayout(width)
	if !fits {
		return false
	}
	var box bytes.Buffer
	g.box(&box, lay)
	if width > 0 && widest(box.String()) > width {
		return false
	}
	buf.Write(box.Bytes())
	return true
}

// coarser is the grid s (g with short titles) with fewer decimals in
// every Money and Number column that can lose one: money in whole
// billions, a Number column one decimal less, where no known figure of the
// column (rows and totals) that is not 0 rounds to 0 at the fewer
// decimals. It returns nil when no column can, else the grid and the
// titles (t's, the full ones, as the header prints them) of the columns
// rounded. Percent and Int
// columns keep theirs: a share's verdict reads on its two decimals.
func coarser(t *Table, s *grid) (*grid, []string) {
	cols := slices.Clone(t.Columns)
	var names []string
	for i, c := range cols {
		var unit float64 // half the last digit kept, in the cell's unit
		switch {
		case c.Exact:
			continue
		case c.Kind == Money:
			unit = 500 // million USD: whole billions
		case c.Kind == Number && c.Decimals > 0:
			unit = 0.5 * math.Pow(10, -float64(c.Decimals-1))
		default:
			continue
		}
		fits := true
		for _, r := range slices.Concat(t.Rows, [][]Cell{t.Footer}, t.MoreFooters) {
			if i < len(r) && r[i].Known && r[i].Num != 0 && math.Abs(r[i].Num) < unit {
				fits = false
				break
			}
		}
		if fits {
			cols[i].fewer = 1
			names = append(names, cleanCell(c.Title))
		}
	}
	if names == nil {
		return nil, nil
	}
	c := *t
	c.Columns = cols
	g := newGrid(&c, false)
	g.header = s.header
	return g, names
}

// dropToFit leaves out the droppable columns (Column.Drop > 0), one at a
// time in their order (lowest Drop first; on a tie, the rightmost), until
// the rest fits width as a box table: first with every text cell whole
// (one line per row), else with text cells wrapped. It returns the box and
// the titles (from titles, the full ones) of the columns left out, in the
// table's order, or nil when the table does not fit even without all of
// them.
func (g *grid) dropToFit(width int, titles []string) ([]byte, []string) {
	if box, left := g.dropUntil(width, true, titles); box != nil {
		return box, left
	}
	return g.dropUntil(width, false, titles)
}

// short is the grid with the columns' short titles (Column.Short), or g
// itself when no column has one.
func (g *grid) short() *grid {
	var header []string
	for i, c := range g.cols {
		if c.Short != "" {
			if header == nil {
				header = append([]string{}, g.header...)
			}
			header[i] = cleanCell(c.Short)
		}
	}
	if header == nil {
		return g
	}
	s := *g
	s.header = header
	return &s
}

// dropUntil is one pass of dropToFit: text cells whole, or wrapped.
func (g *grid) dropUntil(width int, whole bool, names []string) ([]byte, []string) {
	var order []int
	for i, c := range g.cols {
		if c.Drop > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := g.cols[order[a]], g.cols[order[b]]
		if ca.Drop != cb.Drop {
			return ca.Drop < cb.Drop
		}
		return order[a] > order[b]
	})
	left := make([]bool, len(g.cols))
	for _, i := range order {
		left[i] = true
		sub := g.without(left)
		if len(sub.cols) == 0 {
			break // a table keeps at least one column
		}
		sub.whole = whole
		lay, ok := sub.fitLayout(width)
		if !ok {
			continue
		}
		var box bytes.Buffer
		sub.box(&box, lay)
		if widest(box.String()) > width {
			continue
		}
		var titles []string
		for j, h := range names {
			if left[j] {
				titles = append(titles, h)
			}
		}
		return box.Bytes(), titles
	}
	return nil, nil
}

// without is the grid less the columns marked in left.
func (g *grid) without(left []bool) *grid {
	pick := func(r []string) []string {
		if r == nil {
			return nil
		}
		var out []string
		for i, c := range r {
			if !left[i] {
				out = append(out, c)
			}
		}
		return out
	}
	sub := &grid{header: pick(g.header), footer: pick(g.footer)}
	for _, f := range g.more {
		sub.more = append(sub.more, pick(f))
	}
	for i := range g.cols {
		if !left[i] {
			sub.cols = append(sub.cols, g.cols[i])
			sub.right = append(sub.right, g.right[i])
		}
	}
	for _, r := range g.rows {
		sub.rows = append(sub.rows, pick(r))
	}
	return sub
}

// widest is the display width of the widest line of s.
func widest(s string) int {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, displayWidth(line))
	}
	return w
}

// layout is how a box table is drawn: each column's content width, the
// padding on each side of a cell, and whether text cells may wrap.
type layout struct {
	widths    []int
	pad       int
	wrapCells bool
}

// fitLayout returns the box layout (see TextOptions.Width) for width
// columns: the first that fits without wrapping cells, else, of the two that
// wrap cells, the one whose rows take fewer lines (padding on a tie); false
// when none fits and only the vertical layout does. With
// width <= 0 it returns the natural layout: padding 1, nothing wrapped.
func (g *grid) fitLayout(width int) (layout, bool) {
	n := len(g.cols)
	natural := make([]int, n)
	titleFloor := make([]int, n) // longest piece of the title
	cellNatural := make([]int, n)
	cellFloor := make([]int, n) // longest piece of a text cell
	for i, h := range g.header {
		natural[i] = displayWidth(h)
		titleFloor[i] = longestPiece(h)
	}
	for _, r := range g.body() {
		for i, c := range r {
			w := displayWidth(c)
			cellNatural[i] = max(cellNatural[i], w)
			natural[i] = max(natural[i], w)
			if g.cols[i].Kind == String {
				cellFloor[i] = max(cellFloor[i], longestPiece(c))
			} else {
				cellFloor[i] = max(cellFloor[i], w) // numbers never wrap
			}
		}
	}
	if width <= 0 {
		return layout{widths: natural, pad: 1}, true
	}
	floor := make([]int, n)
	var best layout
	bestLines := -1
	for _, try := range []layout{{pad: 1}, {pad: 0}, {pad: 1, wrapCells: true}, {pad: 0, wrapCells: true}} {
		// Several total rows are drawn as one footer of many lines
		// (footers): a wrapped cell there would shift the lines of its
		// column against the others'.
		if try.wrapCells && (g.whole || len(g.more) > 0) {
			break
		}
		for i := range n {
			floor[i] = max(titleFloor[i], cellNatural[i])
			if try.wrapCells {
				floor[i] = max(titleFloor[i], cellFloor[i])
			}
		}
		// "|" + pad + cell + pad per column, and the closing "|".
		budget := width - (n*(2*try.pad+1) + 1)
		var widths []int
		if try.wrapCells {
			widths = g.wrapWidths(natural, floor, budget)
		} else {
			widths = capWidths(natural, floor, budget)
		}
		if widths == nil {
			continue
		}
		try.widths = widths
		if !try.wrapCells {
			return try, true // padded before tight: the first that fits
		}
		// Of the layouts that wrap cells, the one with the fewest lines.
		if lines := g.bodyLines(try); bestLines < 0 || lines < bestLines {
			best, bestLines = try, lines
		}
	}
	return best, bestLines >= 0
}

// wrapWidths returns column widths for a layout that wraps text cells, or
// nil if the floors do not fit in budget. A wrapped cell costs a line in
// its row, a wrapped title only one in the header, so the other columns
// first give up all they can (down to their floors, by wrapping their
// titles), the text columns share what is left (capWidths), and what the
// text columns do not need goes back to the others.
func (g *grid) wrapWidths(natural, floor []int, budget int) []int {
	var text, other []int // column indexes
	for i, c := range g.cols {
		if c.Kind == String {
			text = append(text, i)
		} else {
			other = append(other, i)
		}
	}
	pick := func(idx []int, from []int) []int {
		out := make([]int, len(idx))
		for k, i := range idx {
			out[k] = from[i]
		}
		return out
	}
	otherFloor := 0
	for _, i := range other {
		otherFloor += floor[i]
	}
	tw := capWidths(pick(text, natural), pick(text, floor), budget-otherFloor)
	if tw == nil {
		return nil
	}
	used := 0
	for _, w := range tw {
		used += w
	}
	ow := capWidths(pick(other, natural), pick(other, floor), budget-used)
	if ow == nil {
		return nil
	}
	out := make([]int, len(g.cols))
	for k, i := range text {
		out[i] = tw[k]
	}
	for k, i := range other {
		out[i] = ow[k]
	}
	return out
}

// bodyLines returns the number of lines the rows and footer take in lay.
func (g *grid) bodyLines(lay layout) int {
	lines := 0
	for _, r := range g.body() {
		h := 1
		if lay.wrapCells {
			for i, c := range r {
				if g.cols[i].Kind == String {
					h = max(h, len(wrapText(c, lay.widths[i])))
				}
			}
		}
		lines += h
	}
	return lines
}

// capWidths returns column widths that add up to at most budget: every
// column capped at the largest common width C that fits, but never below
// its floor nor above its natural width (so the widest columns narrow
// first). It returns nil when even the floors exceed the budget.
func capWidths(natural, floor []int, budget int) []int {
	at := func(c int) int {
		sum := 0
		for i := range natural {
			sum += max(floor[i], min(natural[i], c))
		}
		return sum
	}
	widest := 0
	for _, w := range natural {
		widest = max(widest, w)
	}
	if at(0) > budget {
		return nil
	}
	// at is non-decreasing in c: find the largest c in [0, widest] that fits.
	lo, hi, best := 0, widest, 0
	for lo <= hi {
		mid := (lo + hi) / 2
		if at(mid) <= budget {
			best, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	out := make([]int, len(natural))
	for i := range natural {
		out[i] = max(floor[i], min(natural[i], best))
	}
	return out
}

// box writes the header, rows and footer as a box table laid out by lay:
// each cell is wrapped here, linearly (wrapText), and handed to
// tablewriter as lines, so that tablewriter only draws.
func (g *grid) box(buf *bytes.Buffer, lay layout) {
	wrap := func(cells []string, header bool) []string {
		if cells == nil {
			return nil
		}
		out := make([]string, len(cells)) // a new slice per row: tablewriter keeps it
		for i, c := range cells {
			out[i] = c
			if header || (lay.wrapCells && g.cols[i].Kind == String) {
				out[i] = strings.Join(wrapText(c, lay.widths[i]), "\n")
			}
		}
		return out
	}
	rows := make([][]string, len(g.rows))
	for i, r := range g.rows {
		rows[i] = wrap(r, false)
	}
	g.draw(buf, renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)}), lay.pad, wrap(g.header, true), rows, g.footers(func(c []string) []string { return wrap(c, false) }))
}

// draw has tablewriter draw the cells as they are: no wrapping, no
// formatting, text left and numbers right in every part, pad spaces on
// each side of a cell. The cells are already formatted, escaped and
// wrapped (a line break in a cell is a line of it).
func (g *grid) draw(buf *bytes.Buffer, rend tw.Renderer, pad int, header []string, rows [][]string, footer []string) {
	aligns := make(tw.Alignment, len(g.cols))
	for i := range g.cols {
		aligns[i] = tw.AlignLeft
		if g.right[i] {
			aligns[i] = tw.AlignRight
		}
	}
	padding := tw.PaddingNone
	if pad > 0 {
		padding = tw.Padding{Left: strings.Repeat(" ", pad), Right: strings.Repeat(" ", pad), Overwrite: true}
	}
	tbl := tablewriter.NewTable(buf,
		tablewriter.WithRenderer(rend),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoFormat(tw.Off),
		tablewriter.WithFooterAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithFooterAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithPadding(padding),
		tablewriter.WithAlignment(aligns),
	)
	tbl.Header(header)
	for _, r := range rows {
		_ = tbl.Append(r) // strings only: tablewriter cannot fail on them
	}
	if len(rows) > 0 && footer != nil {
		tbl.Footer(footer)
	}
	_ = tbl.Render()
}

// vertical writes one block per row, then the footer as a last block,
// blocks separated by a blank line. Each line is "Title: value", the values
// aligned; a value wraps with its continuation lines indented to the value
// column. Empty values are left out. When the titles are too wide for the
// width, each title is on a line of its own and its value below it,
// indented by two spaces.
func (g *grid) vertical(buf *bytes.Buffer, width int) {
	labelW := 0
	for _, h := range g.header {
		labelW = max(labelW, displayWidth(h)+1) // the colon
	}
	stacked := labelW+1 > width/2
	for b, r := range g.body() {
		if b > 0 {
			buf.WriteByte('\n')
		}
		for i, c := range r {
			if c == "" {
				continue
			}
			label := g.header[i] + ":"
			if stacked {
				writeWrapped(buf, label, width)
				for _, l := range wrapText(c, width-2) {
					buf.WriteString("  " + l + "\n")
				}
				continue
			}
			indent := strings.Repeat(" ", labelW+1)
			for k, l := range wrapText(c, width-labelW-1) {
				if k == 0 {
					buf.WriteString(label + strings.Repeat(" ", labelW+1-displayWidth(label)) + l + "\n")
				} else {
					buf.WriteString(indent + l + "\n")
				}
			}
		}
	}
}

// writeWrapped writes text (a title or note, possibly several lines) word
// wrapped to width (not at all when width <= 0), keeping each line's
// leading indentation and indenting continuation lines two spaces more.
func writeWrapped(buf *bytes.Buffer, text string, width int) {
	for line := range strings.SplitSeq(text, "\n") {
		if width <= 0 || displayWidth(line) <= width {
			buf.WriteString(line)
			buf.WriteByte('\n')
			continue
		}
		body := strings.TrimLeft(line, " ")
		indent := min(len(line)-len(body), width/2)
		first, rest := strings.Repeat(" ", indent), strings.Repeat(" ", indent+2)
		for k, l := range wrapLines(body, width-indent, width-indent-2) {
			if k == 0 {
				buf.WriteString(first + l + "\n")
			} else {
				buf.WriteString(rest + l + "\n")
			}
		}
	}
}
