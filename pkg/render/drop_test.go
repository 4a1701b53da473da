package render

import (
	"bytes"
	"strings"
	"testing"
)

// dropTable has columns of 12 characters: Name (never dropped) and five
// numbers, three of them droppable (A and B at rank 1, C at rank 2).
func dropTable() *Table {
	t := &Table{Title: "T", Notes: []string{"A note."}}
	cols := []struct {
		title string
		drop  int
	}{{"Keep one", 0}, {"Rank one A", 1}, {"Keep two", 0}, {"Rank two C", 2}, {"Rank one B", 1}}
	t.Columns = append(t.Columns, Column{Key: "name", Title: "Name", Kind: String})
	for _, c := range cols {
		t.Columns = append(t.Columns, Column{Title: c.title, Kind: Int, Drop: c.drop})
	}
	t.Rows = [][]Cell{{T("Aaaaaaaaaaaa"), N(100000000000), N(200000000000), N(300000000000), N(400000000000), N(500000000000)}}
	return t
}

// Item 8 of issue 22: a table too wide for the terminal leaves out its
// droppable columns, lowest rank first and, on a tie, the rightmost, one
// at a time until it fits, and says which in a note before the table's
// own; it never drops a column when the table fits, and falls back to the
// vertical layout, every column in it, when even the kept columns do not
// fit. Widths by hand: every column is 12 characters wide (the numbers;
// the titles wrap) plus 3 of border and padding (1 without padding), and
// one closing "|": 6 columns 91 (79 without padding), 5: 76 (66), 4: 61
// (53), 3: 46 (40).
func TestTextDropsColumns(t *testing.T) {
	render := func(width int) string {
		var b bytes.Buffer
		if err := Text(&b, dropTable(), TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	tests := []struct {
		width int
		left  string // "": nothing left out
	}{
		{91, ""},
		{79, ""}, // without padding, before anything is dropped
		{78, "Rank one B"},
		{60, "Rank one A, Rank one B"},
		{50, "Rank one A, Rank two C, Rank one B"},
	}
	for _, tt := range tests {
		out := render(tt.width)
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if displayWidth(l) > tt.width {
				t.Errorf("width %d: line %q is %d wide", tt.width, l, displayWidth(l))
			}
		}
		if !strings.Contains(out, "+---") {
			t.Errorf("width %d: not a table:\n%s", tt.width, out)
		}
		note := "Not shown, to fit"
		if tt.left == "" {
			if strings.Contains(out, note) {
				t.Errorf("width %d: a column was dropped:\n%s", tt.width, out)
			}
			continue
		}
		want := "Not shown, to fit " + itoa(tt.width) + " columns: " + tt.left + " (every column"
		if !strings.Contains(strings.ReplaceAll(out, "\n  ", " "), want) {
			t.Errorf("width %d: want the note %q in\n%s", tt.width, want, out)
		}
		for _, title := range strings.Split(tt.left, ", ") {
			if strings.Contains(out, "| "+title) || strings.Contains(out, "|"+title) {
				t.Errorf("width %d: column %q still shown:\n%s", tt.width, title, out)
			}
		}
		if i, j := strings.Index(out, note), strings.Index(out, "A note."); i > j {
			t.Errorf("width %d: the note on columns left out comes after the table's notes", tt.width)
		}
	}
	// Quiet (--quiet, data only): the same table, without the note.
	var b bytes.Buffer
	if err := Text(&b, dropTable(), TextOptions{Width: 60, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	if quiet := b.String(); strings.Contains(quiet, "Not shown") || !strings.Contains(quiet, "Keep two") || strings.Contains(quiet, "Rank one A") {
		t.Errorf("width 60, quiet:\n%s", quiet)
	}
	// Too narrow even for the kept columns: one block per row, every column.
	out := render(39)
	if strings.Contains(out, "+---") || !strings.Contains(out, "Rank one A:") || strings.Contains(out, "Not shown") {
		t.Errorf("width 39: want the vertical layout with every column:\n%s", out)
	}
}

func itoa(n int) string {
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// Short titles (Column.Short) come before leaving columns out: eight
// columns titled with an unbreakable 12-letter word take 8 x 13 + 1 = 105
// characters at the least, their short titles "Ab" 8 x 5 + 1 = 41 with
// padding: at 60 the table keeps every column under its short title, and
// at 200 the full titles.
func TestTextShortTitles(t *testing.T) {
	tbl := &Table{}
	var row []Cell
	for range 8 {
		tbl.Columns = append(tbl.Columns, Column{Title: "Abcdefghijkl", Short: "Ab", Kind: Int, Drop: 1})
		row = append(row, N(1))
	}
	tbl.Rows = [][]Cell{row}
	for _, tt := range []struct {
		width int
		title string
	}{{60, "| Ab |"}, {200, "| Abcdefghijkl |"}} {
		var b bytes.Buffer
		if err := Text(&b, tbl, TextOptions{Width: tt.width}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Count(out, tt.title[:len(tt.title)-1]) != 8 || strings.Contains(out, "Not shown") {
			t.Errorf("width %d: want 8 columns titled %q, nothing left out:\n%s", tt.width, tt.title, out)
		}
	}
}

// A table whose every column may be dropped keeps one: too narrow for one
// (a 19-digit number needs 23 characters with its border), it is the
// vertical layout, every column in it.
func TestTextDropsNotEverything(t *testing.T) {
	tbl := &Table{Columns: []Column{{Title: "One", Kind: Int, Drop: 1}, {Title: "Two", Kind: Int, Drop: 1}},
		Rows: [][]Cell{{N(1e18), N(1e18)}}}
	var b bytes.Buffer
	if err := Text(&b, tbl, TextOptions{Width: 20}); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "+--") || !strings.Contains(out, "One:") || !strings.Contains(out, "Two:") {
		t.Errorf("want the vertical layout:\n%s", out)
	}
}
