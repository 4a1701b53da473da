package render

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/natospend/natospend/pkg/termesc"
)

func TestWrapLines(t *testing.T) {
	tests := []struct {
		s           string
		first, rest int
		want        []string
	}{
		{"", 10, 10, []string{""}},
		{"short", 10, 10, []string{"short"}},
		{"North Macedonia", 9, 9, []string{"North", "Macedonia"}},
		{"a  b   c", 10, 10, []string{"a b c"}}, // runs of spaces collapse
		{"not-reported", 8, 8, []string{"not-", "reported"}},
		{"not-reported", 12, 12, []string{"not-reported"}},
		{"europe europe-canada nato", 14, 14, []string{"europe europe-", "canada nato"}},
		{"nato-2026-07", 7, 7, []string{"nato-", "2026-07"}},
		{"(2014-2025), -0.5 2025-02-11", 12, 12, []string{"(2014-2025),", "-0.5", "2025-02-11"}}, // no break after a digit's hyphen
		{"(2014-2025), -0.5", 7, 7, []string{"(2014-2", "025),", "-0.5"}},                        // unless the piece is wider than the line
		{"abcdefghij", 4, 4, []string{"abcd", "efgh", "ij"}},                                     // too wide: broken between characters
		{"aa bbbbbbbb", 5, 3, []string{"aa", "bbb", "bbb", "bb"}},
		{"Türkiye Türkiye", 7, 7, []string{"Türkiye", "Türkiye"}},
		{"日本語テキスト", 5, 5, []string{"日本", "語テ", "キス", "ト"}},                     // wide characters: 2 columns each
		{"e\u0301e\u0301e\u0301", 2, 2, []string{"e\u0301e\u0301", "e\u0301"}}, // a combining mark stays with its letter
	}
	for _, tt := range tests {
		got := wrapLines(tt.s, tt.first, tt.rest)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("wrapLines(%q, %d, %d) = %q, want %q", tt.s, tt.first, tt.rest, got, tt.want)
		}
	}
}

// A 2 MiB name or note (far past the loader's limit, as from a flag or a
// note) is wrapped in one pass: this took tablewriter's minimum-raggedness
// wrapping minutes (quadratic in the number of words). Every line fits and
// nothing is lost.
func TestWrapHuge(t *testing.T) {
	for _, word := range []string{"bcd ", "x"} {
		huge := strings.Repeat(word, 2<<20/len(word))
		mark := word[:1] // a letter that the title and header do not hold
		tb := &Table{
			Title:   "t",
			Columns: []Column{{Title: "Name"}, {Title: "V", Kind: Money}},
			Rows:    [][]Cell{{T(huge), N(1)}},
			Notes:   []string{huge},
		}
		out := render(t, tb, TextOptions{Width: 80})
		letters := 0
		for line := range strings.SplitSeq(out, "\n") {
			if w := runewidth.StringWidth(line); w > 80 {
				t.Fatalf("line %d wide: %.100q", w, line)
			}
			letters += strings.Count(line, mark)
		}
		if want := 2 * strings.Count(huge, mark); letters != want {
			t.Errorf("%d of the %d letters printed", letters, want)
		}
	}
}

// randomTable is a table of n columns of every kind with words of random
// lengths, wide characters and marks.
func randomTable(r *rand.Rand) *Table {
	words := []string{"a", "North", "Macedonia", "Türkiye", "日本", "not-reported", "(2014-2025),", "europe-canada", "x"}
	phrase := func(max int) string {
		n := 1 + r.Intn(max)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		return strings.Join(ws, " ")
	}
	n := 1 + r.Intn(14)
	tb := &Table{Title: phrase(30), Notes: []string{phrase(40), "  " + phrase(40)}}
	for i := range n {
		c := Column{Key: fmt.Sprint(i), Title: phrase(4), Kind: Kind(r.Intn(6)), Decimals: r.Intn(3), TrueText: "yes"}
		tb.Columns = append(tb.Columns, c)
	}
	for range 1 + r.Intn(5) {
		row := make([]Cell, n)
		for i, c := range tb.Columns {
			switch {
			case c.Kind == String:
				row[i] = T(phrase(8))
			case r.Intn(5) == 0:
				row[i] = U()
			case c.Kind == Bool:
				row[i] = B(r.Intn(2) == 0)
			default:
				row[i] = N((r.Float64() - 0.3) * 1e7)
			}
			if r.Intn(6) == 0 {
				row[i].Mark = "*"
			}
		}
		tb.Rows = append(tb.Rows, row)
	}
	tb.Footer = tb.Rows[0]
	return tb
}

// Whatever the table, every line fits the width, and every word of the
// cells is printed whole unless it is wider than a line of the vertical
// layout.
func TestTextFitsAnyWidth(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for i := range 300 {
		tb := randomTable(r)
		width := MinWidth + r.Intn(120)
		out := render(t, tb, TextOptions{Width: width})
		for line := range strings.SplitSeq(out, "\n") {
			if w := runewidth.StringWidth(line); w > width {
				t.Fatalf("table %d, width %d: line is %d wide: %q\n%s", i, width, w, line, out)
			}
		}
		for _, row := range tb.Rows {
			for j, c := range row {
				if tb.Columns[j].Kind != String {
					v := tableValue(tb.Columns[j], c) + c.Mark
					col := tb.Columns[j]
					col.fewer = 1 // the table may have rounded it, and said so
					coarse := tableValue(col, c) + c.Mark
					if v != "" && !strings.Contains(out, v) && !(strings.Contains(out, "Rounded, to fit") && strings.Contains(out, coarse)) {
						t.Fatalf("table %d, width %d: %q missing\n%s", i, width, v, out)
					}
				}
			}
		}
	}
}

func TestTextBelowMinWidth(t *testing.T) {
	if a, b := render(t, sampleTable(), TextOptions{Width: 1}), render(t, sampleTable(), TextOptions{Width: MinWidth}); a != b {
		t.Errorf("width 1 is not laid out as MinWidth:\n%s\n%s", a, b)
	}
}

func BenchmarkWrapLines(b *testing.B) {
	for _, n := range []int{1 << 16, 1 << 20} {
		s := strings.Repeat("abcd ", n/5)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				wrapLines(s, 80, 80)
			}
		})
	}
}

// FuzzTextFits: whatever the text of the cells, title and notes, and the
// width, no line is wider than the width (MinWidth at least) and nothing a
// terminal would act on is printed.
func FuzzTextFits(f *testing.F) {
	f.Add("North Macedonia", "Gap 3.7% $bn", "note \x1b[31m", 80)
	f.Add("Evil\u202eland 日本語テキスト", "not-reported", "  by 2035: e\u0301", 20)
	f.Add(strings.Repeat("x", 300), "a b c", "", 1)
	f.Fuzz(func(t *testing.T, cell, title, note string, width int) {
		width = width % 300
		tb := &Table{
			Title:   title,
			Columns: []Column{{Title: title}, {Title: "V", Kind: Money}, {Title: cell}},
			Rows:    [][]Cell{{T(cell), N(float64(len(cell))), T(note)}, {T(note), U(), T(title)}},
			Footer:  []Cell{T("Total"), N(1), T("")},
			Notes:   []string{note, cell},
		}
		var buf strings.Builder
		if err := Text(&buf, tb, TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.ContainsFunc(out, func(r rune) bool { return r != '\n' && termesc.String(string(r)) != string(r) }) || !utf8.ValidString(out) {
			t.Fatalf("raw or invalid characters in %q", out)
		}
		if width <= 0 {
			return
		}
		for line := range strings.SplitSeq(out, "\n") {
			if w := runewidth.StringWidth(line); w > max(width, MinWidth) {
				t.Fatalf("width %d: line is %d wide: %q", width, w, line)
			}
		}
	})
}

func TestURLsStayWhole(t *testing.T) {
	// A URL is not cut at its hyphens: the line breaks before it instead.
	got := wrapText("Source: https://www.nato.int/legacy-wcm/x.pdf", 40)
	want := []string{"Source:", "https://www.nato.int/legacy-wcm/x.pdf"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %q, want %q", got, want)
	}
}
