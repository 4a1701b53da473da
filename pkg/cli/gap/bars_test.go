package gap_test

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/natospend/natospend/internal/clitest"
)

// runEnv runs natospend in process with the given environment; width > 0
// makes stdout a terminal that wide.
func runEnv(t *testing.T, width int, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return clitest.Run(t, width, env, args...)
}

var utf8Env = map[string]string{"LANG": "en_US.UTF-8"}

// Worked by hand from nato-2026-07 (Poland 4.68e, Slovenia 1.61e, Iceland
// not reported) at 80 columns: labels 8 + 1, values 5 + 1, bars of 65
// cells for 0 to 4.68%. 2% is at 2/4.68 x 65 = 27.8 cells: the mark in
// cell 27; 3.5% at 48.6: cell 48. Poland fills all 65 cells; Slovenia
// 1.61/4.68 x 65 = 22.36 cells: 22 full and 3/8 (179 eighths). Iceland has
// no bar. --sort share --reverse: lowest first.
func TestGapBars(t *testing.T) {
	code, out, errOut := runEnv(t, 80, utf8Env, "gap", "--target", "2,3.5", "--country", "POL,SVN,ISL", "--sort", "share", "--reverse", "--format", "bars")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := strings.Repeat
	want := []string{
		"Share of GDP (%) in 2026 against 2% and 3.5%: release nato-2026-07",
		r(" ", 35) + "2%" + r(" ", 18) + "3.5%",
		"Slovenia " + r("█", 22) + "▍" + r(" ", 4) + "│" + r(" ", 20) + "│" + r(" ", 17) + "1.61e",
		"Poland   " + r("█", 27) + "│" + r("█", 20) + "│" + r("█", 16) + " 4.68e",
		"Iceland  not-reported" + r(" ", 15) + "│" + r(" ", 20) + "│",
		r(" ", 9) + "0%" + r(" ", 58) + "4.68%",
		"│ target; e: estimate",
		"Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07),",
		"  published 2026-06, cut-off not given by the sources read,",
		"  https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-",
		"  en.xlsx, read via",
	}
	lines := strings.Split(out, "\n")
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Fatalf("line %d:\n got %q\nwant %q\nwhole output:\n%s", i+1, lines[min(i, len(lines)-1)], w, out)
		}
	}
}

// Every ally, several targets: every line fits 80 and 120 columns; plain
// ASCII when NO_COLOR is set or the locale is not UTF-8; a pipe or a file
// gets 80 columns.
func TestGapBarsFit(t *testing.T) {
	args := []string{"gap", "--target", "2,hague,rutte-3.7", "--format", "bars"}
	for _, width := range []int{80, 120} {
		for _, env := range []map[string]string{utf8Env, {"LANG": "en_US.UTF-8", "NO_COLOR": "1"}, {"LC_ALL": "POSIX"}} {
			code, out, errOut := runEnv(t, width, env, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := runewidth.StringWidth(l); w > width {
					t.Errorf("%d columns, %v: a line is %d wide: %q", width, env, w, l)
				}
			}
			ascii := env["NO_COLOR"] != "" || env["LC_ALL"] != ""
			if ascii == strings.Contains(out, "█") || ascii != strings.Contains(out, "#") {
				t.Errorf("%v: ASCII %v, but the output is\n%s", env, ascii, out)
			}
			for _, s := range []string{"Lithuania", "5.33e", "United States", "Iceland  ", "not-reported", "hague 5%", "core 3.5%", "3.7%"} {
				if !strings.Contains(out, s) {
					t.Errorf("%d columns: %q missing from\n%s", width, s, out)
				}
			}
		}
	}
	_, piped, _ := runEnv(t, 0, utf8Env, args...)
	_, at80, _ := runEnv(t, 80, utf8Env, args...)
	if piped != at80 {
		t.Errorf("a pipe does not get the 80-column bars")
	}
}

// Bars are gap's: another command refuses them as a usage error.
func TestBarsOnlyForGap(t *testing.T) {
	code, _, errOut := runEnv(t, 0, nil, "path", "--target", "uk-2027", "--country", "GBR", "--format", "bars")
	if code != 2 || !strings.Contains(errOut, "--format bars is not available for this command") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
