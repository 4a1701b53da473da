package render

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/termesc"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// golden compares got with testdata/name.golden (or rewrites it with
// -update). Golden files pin the layout; the values in them are checked by
// the other tests.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/render/ -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update if the change is intended)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// sampleTable is a small gap table with every kind, a footer, marks,
// unknowns and notes. ASCII only, so that the layout does not depend on
// the terminal's East Asian width settings.
func sampleTable() *Table {
	mk := func(c Cell, mark string) Cell { c.Mark = mark; return c }
	return &Table{
		Title: "Defence spending gap to 3.5% of GDP",
		Columns: []Column{
			{Key: "country", Title: "Country"},
			{Key: "year", Title: "Year", Kind: Int},
			{Key: "gdp_musd", Title: "GDP $bn", Kind: Money},
			{Key: "spend_pct_gdp", Title: "Spend % GDP", Kind: Percent},
			{Key: "gap_musd", Title: "Gap $bn", Kind: Money},
			{Key: "ratio", Title: "Ratio", Kind: Number, Decimals: 1},
			{Key: "estimate", Title: "Est.", Kind: Bool, TrueText: "e"},
		},
		Rows: [][]Cell{
			{T("Germany"), N(2025), N(4525704.3), N(2.4), N(49779.2), N(0.6857), B(false)},
			{T("North Macedonia"), mk(N(2024), "*"), N(15700), N(2.05), N(227.65), N(0.5857), B(true)},
			{T("Iceland"), N(2025), N(31000), U(), U(), U(), B(false)},
		},
		Footer: []Cell{T("Total"), U(), N(4572404.3), N(2.39), N(50006.85), U(), U()},
		Notes: []string{
			"* latest year with data is earlier than 2025",
			"e estimate",
		},
	}
}

func render(t *testing.T, tb *Table, o TextOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, tb, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTextGolden(t *testing.T) {
	empty := sampleTable()
	empty.Rows = nil

	bare := &Table{Columns: []Column{{Key: "a", Title: "A"}, {Key: "n", Title: "N", Kind: Number}}, Rows: [][]Cell{{T("x"), N(1)}}}

	tests := []struct {
		name  string
		table *Table
		opts  TextOptions
	}{
		{"table", sampleTable(), TextOptions{}},
		{"table_width64", sampleTable(), TextOptions{Width: 64}}, // fits with no padding, nothing wrapped
		{"table_width50", sampleTable(), TextOptions{Width: 50}}, // no padding, titles and a name wrapped
		{"table_width40", sampleTable(), TextOptions{Width: 40}}, // vertical: one block per row
		{"markdown", sampleTable(), TextOptions{Markdown: true}},
		{"empty", empty, TextOptions{}},
		{"empty_markdown", empty, TextOptions{Markdown: true}},
		{"bare", bare, TextOptions{}},
		{"bare_markdown", bare, TextOptions{Markdown: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name, render(t, tt.table, tt.opts))
		})
	}
}

func TestTextWidthNoEffect(t *testing.T) {
	tests := []struct {
		name string
		a, b TextOptions
	}{
		{"table that fits", TextOptions{}, TextOptions{Width: 200}},
		{"table that fits exactly", TextOptions{}, TextOptions{Width: 76}},
		{"markdown never wraps", TextOptions{Markdown: true}, TextOptions{Markdown: true, Width: 20}},
		{"negative width is unknown", TextOptions{}, TextOptions{Width: -1}},
	}
	for _, tt := range tests {
		a := render(t, sampleTable(), tt.a)
		b := render(t, sampleTable(), tt.b)
		if a != b {
			t.Errorf("%s: Width changed the output:\n%s\n%s", tt.name, a, b)
		}
	}
}

// tableLines returns the lines of the box table in out (those starting with
// '+' or '|').
func tableLines(out string) []string {
	var lines []string
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(line, "+") || strings.HasPrefix(line, "|") {
			lines = append(lines, line)
		}
	}
	return lines
}

func TestTextWidthFits(t *testing.T) {
	tb := sampleTable()
	tb.Columns = append(tb.Columns, Column{Key: "source", Title: "Source of the latest figure"})
	tb.Rows[0] = append(tb.Rows[0], T("NATO, Defence Expenditure of NATO Countries (2014-2025), table 3"))
	tb.Rows[1] = append(tb.Rows[1], T("IMF World Economic Outlook, April 2025"))
	tb.Rows[2] = append(tb.Rows[2], T("Iceland has no armed forces"))
	tb.Footer = append(tb.Footer, T(""))

	natural := tableLines(render(t, tb, TextOptions{}))
	if w := len(natural[0]); w <= 120 {
		t.Fatalf("test table is only %d wide; make it wider than the widths tested", w)
	}
	for _, width := range []int{120, 100, 90, 80, 76} { // 76: every column at its floor
		out := render(t, tb, TextOptions{Width: width})
		lines := tableLines(out)
		for _, line := range lines {
			if len(line) > width {
				t.Errorf("width %d: line is %d wide: %q", width, len(line), line)
			}
			if len(line) != len(lines[0]) {
				t.Errorf("width %d: ragged box: %q", width, line)
			}
		}
		// Nothing is dropped or cut: every number and every word is there.
		for _, want := range []string{"4,525.7", "49.8", "2024*", "0.6", "Expenditure", "(2014-2025),", "April", "Source", "latest", "figure"} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: %q missing from\n%s", width, want, out)
			}
		}
	}
	// Width 0: one line per row, however long.
	if got := len(natural); got != 9 { // 3 rules + header + 3 rows + footer + rule
		t.Errorf("unconstrained table has %d lines, want 9:\n%s", got, strings.Join(natural, "\n"))
	}
}

// When even the floors (longest word, whole numbers) do not fit, the table
// is as narrow as it can be and numbers stay whole.
func TestTextWidthTooSmall(t *testing.T) {
	out := render(t, sampleTable(), TextOptions{Width: 10})
	for _, want := range []string{"4,525.7", "4,572.4", "Macedonia", "2024*"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
	lines := tableLines(out)
	for _, line := range lines {
		if len(line) != len(lines[0]) {
			t.Errorf("ragged box: %q", line)
		}
	}
}

func TestTextAlignment(t *testing.T) {
	out := render(t, sampleTable(), TextOptions{})
	for _, want := range []string{
		"| Country         |  Year |", // text header left, numeric header right
		"| Germany         |  2025 |", // text cell left
		"|    15.7 |",                 // money right-aligned (GDP $bn is 7 wide)
		"| Total           |     - |", // footer: text left, unknown right
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
}

func TestTextHeaderNotAutoFormatted(t *testing.T) {
	tb := &Table{Columns: []Column{{Key: "k", Title: "gdp_usd_bn share.pct v1.5"}}, Rows: [][]Cell{{T("x")}}}
	out := render(t, tb, TextOptions{})
	if !strings.Contains(out, "| gdp_usd_bn share.pct v1.5 |") {
		t.Errorf("header changed:\n%s", out)
	}
}

func TestTextRowsNotShared(t *testing.T) {
	tb := &Table{Columns: []Column{{Key: "k", Title: "K"}}}
	for _, s := range []string{"alpha", "beta", "gamma"} {
		tb.Rows = append(tb.Rows, []Cell{T(s)})
	}
	out := render(t, tb, TextOptions{})
	for _, s := range []string{"alpha", "beta", "gamma"} {
		if !strings.Contains(out, "| "+s) {
			t.Errorf("row %q missing:\n%s", s, out)
		}
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tb := &Table{
		Title:   "A | B",
		Columns: []Column{{Key: "name", Title: "Name | alias"}, {Key: "v", Title: "V", Kind: Percent}},
		Rows: [][]Cell{
			{T("a|b"), N(1)},
			{T(`back\slash\`), N(2)},
			{T("two\nlines"), N(3)},
		},
	}
	out := render(t, tb, TextOptions{Markdown: true})
	for _, want := range []string{
		"**A \\| B**\n\n",   // escaped in the title too (it shows as "|")
		`| Name \| alias |`, // header
		`| a\|b `,
		`| back\\slash\\ `,
		`| two\\nlines `, // the line break escaped, then the backslash
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
	// Every table line has exactly 3 unescaped pipes (2 columns).
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		unescaped := 0
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++ // skip the escaped character
			case '|':
				unescaped++
			}
		}
		if unescaped != 3 {
			t.Errorf("line has %d cell separators, want 3: %q", unescaped, line)
		}
	}
}

func TestTextNoControlCharacters(t *testing.T) {
	tb := &Table{
		Title:   "red \x1b[31mtitle\x1b[0m",
		Columns: []Column{{Key: "n", Title: "Name\x07"}},
		Rows:    [][]Cell{{T("\x1b[31mRed\x1b[0m\tland\u009b\u202e")}},
		Notes:   []string{"note\x1b]0;pwned\x07"},
	}
	raw := func(r rune) bool { return r != '\n' && termesc.String(string(r)) != string(r) }
	for _, md := range []bool{false, true} {
		for _, width := range []int{0, 30} {
			out := render(t, tb, TextOptions{Markdown: md, Width: width})
			if strings.ContainsFunc(out, raw) {
				t.Errorf("markdown=%v width=%d: control characters in output:\n%q", md, width, out)
			}
			want := []string{`\x1b[31mRed\x1b[0m\tland\u009b\u202e`, `Name\x07`, `red \x1b[31mtitle\x1b[0m`, `note\x1b]0;pwned\x07`}
			if md {
				want = []string{`\\x1b\[31mRed\\x1b\[0m\\tland\\u009b\\u202e`, `Name\\x07`, `red \\x1b\[31mtitle\\x1b\[0m`, `note\\x1b\]0;pwned\\x07`}
			}
			for _, w := range want {
				if width == 0 && !strings.Contains(out, w) {
					t.Errorf("markdown=%v: %q missing from\n%s", md, w, out)
				}
			}
		}
	}
}

func TestTextNoRowsOmitsFooter(t *testing.T) {
	tb := sampleTable()
	tb.Rows = nil
	out := render(t, tb, TextOptions{})
	if strings.Contains(out, "Total") {
		t.Errorf("footer printed for a table with no rows:\n%s", out)
	}
	if !strings.Contains(out, "| Country | Year |") || !strings.HasSuffix(out, "e estimate\n") {
		t.Errorf("header or notes missing:\n%s", out)
	}
}

func TestTextErrors(t *testing.T) {
	tests := []struct {
		name  string
		table *Table
		want  string
	}{
		{"NaN", &Table{Columns: []Column{{Key: "v", Kind: Money}}, Rows: [][]Cell{{N(math.NaN())}}}, "non-finite"},
		{"Inf in footer", &Table{Columns: []Column{{Key: "v", Kind: Percent}}, Rows: [][]Cell{{N(1)}}, Footer: []Cell{N(math.Inf(1))}}, "footer"},
		{"no columns", &Table{Title: "t"}, "no columns"},
		{"short row", &Table{Columns: []Column{{Key: "a"}, {Key: "b"}}, Rows: [][]Cell{{T("x")}}}, "row 1 has 1 cells"},
	}
	for _, tt := range tests {
		for _, md := range []bool{false, true} {
			var buf bytes.Buffer
			err := Text(&buf, tt.table, TextOptions{Markdown: md})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%s: wrote %q despite the error", tt.name, buf.String())
			}
		}
	}
}

func TestCapWidths(t *testing.T) {
	// Worked out by hand: natural = 15, 7, 29; floors = 9 ("Macedonia"),
	// 7 (a whole number), 6 ("Source"); widths at cap c =
	// max(floor, min(natural, c)).
	natural, floor := []int{15, 7, 29}, []int{9, 7, 6}
	cases := []struct {
		name   string
		budget int
		want   []int
	}{
		{"fits exactly", 15 + 7 + 29, []int{15, 7, 29}},
		{"one too wide: Source to 28", 15 + 7 + 28, []int{15, 7, 28}},
		{"cap 20: only Source", 15 + 7 + 20, []int{15, 7, 20}},
		{"cap 14: both text columns", 14 + 7 + 14, []int{14, 7, 14}},
		{"cap 12, one column to spare", 12 + 7 + 12 + 1, []int{12, 7, 12}},
		{"cap 9: Name at its floor", 9 + 7 + 9, []int{9, 7, 9}},
		{"cap 6: Source at its floor", 9 + 7 + 6, []int{9, 7, 6}},
		{"below the floors", 9 + 7 + 5, nil},
	}
	for _, c := range cases {
		got := capWidths(natural, floor, c.budget)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: widths = %v, want %v", c.name, got, c.want)
		}
	}
}
