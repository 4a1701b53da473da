package render

import (
	"bytes"
	"strings"
	"testing"
)

// Tables stay tables (issue 22, item 8): too wide for the terminal even
// with short titles, a table rounds money to whole billions and a Number
// column to one decimal less, but never a column where a figure that is
// not 0 would print as 0 (Montenegro's 2024 defence, $0.1 bn, here), and
// never a share; a note names the columns rounded.
func TestFewerDecimals(t *testing.T) {
	tb := &Table{
		Columns: []Column{{Title: "Country"}, {Title: "GDP $bn", Kind: Money}, {Title: "Defence $bn", Kind: Money},
			{Title: "Share %", Kind: Percent}, {Title: "Personnel k", Kind: Number, Decimals: 1}},
		Rows: [][]Cell{
			{T("Germany"), N(4609955), N(97716), N(2.12), N(185.641)},
			{T("Montenegro"), N(7359), N(146), N(1.98), N(1.6)},
		},
	}
	// Without padding and with titles wrapped, the columns need 10 +
	// 7 ("4,610.0") + 7 ("Defence") + 5 ("Share") + 9 ("Personnel") and
	// 6 bars: 44; rounded, GDP takes 5 ("4,610"): 42.
	var buf bytes.Buffer
	if err := Text(&buf, tb, TextOptions{Width: 43}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"|Germany   |4,610|   97.7| 2.12|      186|", "|Montenegro|    7|    0.1| 1.98|        2|",
		"Rounded, to fit 43 columns: GDP $bn, Personnel k (money in whole billions"} {
		if !strings.Contains(strings.ReplaceAll(out, "\n  ", " "), want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	buf.Reset()
	if err := Text(&buf, tb, TextOptions{Width: 44}); err != nil || strings.Contains(buf.String(), "Rounded") {
		t.Errorf("at 44, rounded without need: %v\n%s", err, buf.String())
	}
}

// An Exact column keeps its decimals: a revision may be in the last one.
func TestFewerDecimalsExact(t *testing.T) {
	tb := &Table{
		Columns: []Column{{Title: "Old", Kind: Number, Decimals: 4, Exact: true}, {Title: "GDP $bn", Kind: Money}},
		Rows:    [][]Cell{{N(4.12), N(848900)}},
	}
	g := newGrid(tb, false)
	c, names := coarser(tb, g)
	if c == nil || len(names) != 1 || names[0] != "GDP $bn" || c.rows[0][0] != "4.1200" || c.rows[0][1] != "849" {
		t.Errorf("names %v, rows %v", names, c.rows)
	}
}
