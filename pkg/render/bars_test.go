package render

import (
	"bytes"
	"strings"
	"testing"
)

func sampleBarChart() *BarChart {
	return &BarChart{
		Title: "T",
		Rows: []BarRow{
			{Label: "A", Value: 2, Known: true},
			{Label: "Bee", Value: 4, Known: true, Mark: "e"},
			{Label: "D", Value: 3, Known: true},
			{Label: "C", Missing: "no-data"},
		},
		Targets:  []BarTarget{{Value: 2, Label: "2%"}},
		Unit:     "%",
		Decimals: 2,
	}
}

func bars(t *testing.T, c *BarChart, o BarOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Bars(&b, c, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Worked by hand at 40 columns: label 3 + 1, value 5 + 1, so bars of 30
// cells for 0 to 4 (the largest value): 2 is 15 cells, the target's mark
// in cell 15; 3 is 22.5 cells, 22 full and a half block; the unknown row
// says so, and draws no bar.
func TestBarsUnicode(t *testing.T) {
	want := strings.Join([]string{
		"T",
		"                  2%",
		"A   ███████████████│                2.00",
		"Bee ███████████████│██████████████ 4.00e",
		"D   ███████████████│██████▌         3.00",
		"C   no-data        │",
		"    0%                       4.00%",
		"│ target",
		"",
	}, "\n")
	if got := bars(t, sampleBarChart(), BarOptions{Width: 40}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// ASCII: whole cells of "#" (22.5 rounds to 23), "|" for the target.
func TestBarsASCII(t *testing.T) {
	want := strings.Join([]string{
		"T",
		"                  2%",
		"A   ###############|                2.00",
		"Bee ###############|############## 4.00e",
		"D   ###############|#######         3.00",
		"C   no-data        |",
		"    0%                       4.00%",
		"| target",
		"",
	}, "\n")
	if got := bars(t, sampleBarChart(), BarOptions{Width: 40, ASCII: true}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Every line fits the width, long names, notes and URLs included, and
// every value is printed whole.
func TestBarsFit(t *testing.T) {
	c := &BarChart{Title: "Share of GDP (%) in 2026 against 2%, 3.5% and 5%: release nato-2026-07 with a long title that wraps", Unit: "%", Decimals: 2,
		Targets: []BarTarget{{2, "2%"}, {3.5, "hague-core 3.5%"}, {3.7, "3.7%"}, {5, "hague 5%"}},
		Notes:   []string{"Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07), published 2026-06, https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx"}}
	for i, n := range []string{"North Macedonia", "United States of America and a very long name indeed", "Türkiye", "日本"} {
		c.Rows = append(c.Rows, BarRow{Label: n, Value: float64(i) + 1.61, Known: true, Mark: "*e"})
	}
	c.Rows = append(c.Rows, BarRow{Label: "Iceland", Missing: "not-reported"})
	for _, width := range []int{30, 80, 120} {
		for _, ascii := range []bool{false, true} {
			out := bars(t, c, BarOptions{Width: width, ASCII: ascii})
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := displayWidth(l); w > width {
					t.Errorf("width %d: a line is %d wide: %q", width, w, l)
				}
			}
			for _, v := range []string{"1.61*e", "4.61*e", "not-reported"} {
				if !strings.Contains(out, v) {
					t.Errorf("width %d: %q missing from\n%s", width, v, out)
				}
			}
			if ascii && strings.ContainsAny(out, "█│▌") {
				t.Errorf("ASCII bars hold Unicode blocks:\n%s", out)
			}
		}
	}
	// 0 columns is a terminal of unknown width: 80.
	if a, b := bars(t, c, BarOptions{}), bars(t, c, BarOptions{Width: 80}); a != b {
		t.Errorf("width 0 is not 80")
	}
}

// A hostile label is escaped like every terminal text.
func TestBarsEscape(t *testing.T) {
	c := sampleBarChart()
	c.Rows[0].Label = "Evil\x1b[31m\u202e"
	out := bars(t, c, BarOptions{Width: 60})
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("raw control characters reached the output: %q", out)
	}
	if !strings.Contains(out, `Evil\x1b[31m\u202e`) {
		t.Errorf("the label is not escaped as expected:\n%s", out)
	}
}

func TestPlainBars(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{nil, true}, // no locale: C, not UTF-8
		{map[string]string{"LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LANG": "C.utf8"}, false},
		{map[string]string{"LANG": "de_DE.ISO-8859-1"}, true},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "C"}, true},
		{map[string]string{"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}, false},
		{map[string]string{"LANG": "en_US.UTF-8", "NO_COLOR": "1"}, true},
		{map[string]string{"LANG": "en_US.UTF-8", "NO_COLOR": ""}, false},
	}
	for _, tt := range tests {
		if got := PlainBars(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("PlainBars(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}
