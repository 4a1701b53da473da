package cli

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Item 8 of issue 22, tables stay tables: at 80 columns the gap tables
// that became 13 lines per country (three targets, a deadline, per head,
// burden) are box tables, one line per country (no name or range wraps),
// every line within the width, having left out columns in the declared
// order (GDP and Defence first: each gap field's drop rank) and said so; the hague
// table fits 120 columns the same way, its two Trend columns named by
// their targets. tmux_test.go measures the same in a real terminal.
func TestTablesStayTables(t *testing.T) {
	tests := []struct {
		width int
		args  []string
		left  string // the note's list of columns left out
		row   string // a country's row, on one line
	}{
		{80, []string{"gap", "--target", "2,3.5,5", "--group", "europe"}, "Code, GDP $bn, Defence $bn, Defence at share $bn, Status 5%", "|Slovenia "},
		{80, []string{"gap", "--target", "uk-2027"}, "Code, GDP $bn, Defence $bn, Defence at share $bn", "|Italy "},
		{80, []string{"gap", "--per-capita"}, "Code, GDP $bn, Defence $bn, Defence at share $bn, Pop. m, GDP/head $, Def./head $", "|Slovenia "},
		{80, []string{"gap", "--burden"}, "GDP $bn, Defence $bn, Defence at share $bn", "|Slovenia "},
		{120, []string{"gap", "--target", "hague"}, "Code, GDP $bn, Defence $bn, Defence at share $bn, Growth %/yr, Need resilience 1.5% $bn", "|Germany "},
		// history declares its order on its fields too: the code, then
		// the oldest years (never the last, the one --sort ranks by) in
		// the wide layout; GDP, the figures per head and the change of
		// defence first in the long one.
		{80, []string{"history", "--group", "nato", "--year", "2014-2026", "--layout", "wide"}, "Code, 2014", "|Germany "},
		{80, []string{"history", "--group", "nato", "--year", "2014-2026", "--layout", "wide", "--figure", "defence"}, "Code, 2014, 2015, 2016, 2017, 2018, 2019", "|Germany "},
		{80, []string{"history", "--country", "DEU", "--release", "nato-2024-06", "--prices", "constant", "--figures", "share,defence,gdp,equipment,personnel,personnel-pct,infrastructure,other,per-head"},
			"Real change %, GDP $bn (2015), Defence $/head (2015), GDP $k/head (2015)", "| 2014|"},
	}
	for _, tt := range tests {
		name := strings.Join(tt.args, " ")
		code, out, errOut := runTerminal(t, tt.width, nil, tt.args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		if w, line := widest(out); w > tt.width {
			t.Errorf("%s at %d: a line is %d wide: %q", name, tt.width, w, line)
		}
		if strings.Contains(out, "\nCountry:") || !strings.Contains(out, "\n+--") {
			t.Errorf("%s at %d: not a table:\n%s", name, tt.width, out)
		}
		flat := strings.ReplaceAll(out, "\n  ", " ")
		if want := "Not shown, to fit " + strconv.Itoa(tt.width) + " columns: " + tt.left + " (every column: a wider terminal, or --format csv)."; !strings.Contains(flat, want) {
			t.Errorf("%s at %d: want the note %q in\n%s", name, tt.width, want, out)
		}
		rows := 0
		for l := range strings.SplitSeq(out, "\n") {
			if strings.Contains(l, tt.row) {
				rows++
			}
		}
		if rows != 1 {
			t.Errorf("%s at %d: %d lines start the row %q, want 1", name, tt.width, rows, tt.row)
		}
	}
	// On a pipe every column is there, the hague's two Trend columns each
	// named by its target (not "Trend" twice).
	_, out, _ := runTerminal(t, 0, nil, "gap", "--target", "hague")
	header := strings.SplitN(out, "\n", 4)[2]
	if !strings.Contains(header, "| Trend hague 5% ") || !strings.Contains(header, "| Trend core 3.5% ") || regexp.MustCompile(`\| Trend +\|`).MatchString(header) || !strings.Contains(header, " GDP $bn |") {
		t.Errorf("hague on a pipe: header %q", header)
	}
	if strings.Contains(out, "Not shown") {
		t.Errorf("hague on a pipe: columns left out")
	}
}

// Fewer decimals before columns are left out (issue 22, item 8): at 78
// columns Germany's history at constant 2021 prices with every figure
// fits as a whole table once money is in whole billions and personnel
// and GDP per head lose their decimal (data/nato-2026-07.yaml, DEU 2014:
// defence_const_musd 46,687 -> 47, gdp_const_musd 4,016,108 -> 4,016,
// personnel_k 178.8 -> 179, gdp_per_capita_const_kusd 49.7 -> 50); the
// shares keep two decimals (share 1.16, real change -1.42, equipment
// 12.94) and the note names the columns rounded; at 80 nothing is
// rounded.
func TestTablesRoundBeforeDropping(t *testing.T) {
	args := []string{"history", "--country", "DEU", "--prices", "constant", "--figures", "share,defence,gdp,equipment,personnel,per-head"}
	_, out, _ := runTerminal(t, 78, nil, args...)
	flat := strings.ReplaceAll(out, "\n  ", " ")
	for _, want := range []string{
		"| 2014| 1.16|     -|     47| -1.42| 4,016|    12.94|      179|    578|     50|",
		"Rounded, to fit 78 columns: Defence $bn (2021), GDP $bn (2021), Personnel k, GDP $k/head (2021) (money in whole billions",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("at 78: lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Not shown") {
		t.Errorf("at 78: columns left out:\n%s", out)
	}
	if _, out, _ := runTerminal(t, 80, nil, args...); strings.Contains(out, "Rounded") || !strings.Contains(out, "178.8") {
		t.Errorf("at 80: rounded:\n%s", out)
	}
}
