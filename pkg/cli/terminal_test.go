package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// runTerminal runs natospend in process with stdout a terminal width
// columns wide (0: a pipe) and the given environment.
func runTerminal(t *testing.T, width int, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string { return env[k] }
	if width > 0 {
		ios.SetTerminal(width)
	}
	code := Main(args, ios)
	return code, out.String(), errOut.String()
}

func widest(s string) (int, string) {
	w, line := 0, ""
	for l := range strings.SplitSeq(s, "\n") {
		if lw := runewidth.StringWidth(l); lw > w {
			w, line = lw, l
		}
	}
	return w, line
}

// Every command's default table fits a terminal of 80 and of 120 columns,
// notes and title included, and keeps its numbers whole; a pipe gets the
// table unwrapped (one line per row), as the README shows it.
func TestTablesFitTheTerminal(t *testing.T) {
	tests := []struct {
		args []string
		want []string // printed whole at every width
	}{
		{[]string{"gap", "--target", "3.7"}, []string{"32,547.6", "United States", "Total (31 of 32)"}},
		// Wide gap tables leave out GDP and Defence first (issue 22, item
		// 8: tablesfit_test.go): the values below are of columns kept.
		{[]string{"gap", "--target", "2,3.5,5", "--group", "europe"}, []string{"Slovenia", "1.61"}},
		{[]string{"gap", "--target", "uk-2027"}, []string{"69.4"}},
		{[]string{"gap", "--target", "hague"}, []string{"107.4 to 595.6", "3.17"}},
		{[]string{"aid", "--group", "nato"}, []string{"115,380.6", "64,616.9"}},
		{[]string{"countries"}, []string{"North Macedonia", "EU (Commission and Council)"}},
		{[]string{"targets"}, []string{"hague-core"}},
		{[]string{"releases"}, []string{"nato-2024-06", "imf-weo-2025-10-population"}},
		{[]string{"gap", "--year", "2014-2016", "--country", "DEU,POL"}, []string{"Germany"}},
		{[]string{"gap", "--release", "nato-2024-06,nato-2026-07", "--country", "POL"}, []string{"Poland"}},
		{[]string{"path", "--target", "hague-core"}, []string{"Albania"}},
		{[]string{"aid", "packages"}, []string{"2025-02-11"}},
	}
	for _, tt := range tests {
		name := strings.Join(tt.args, " ")
		code, piped, errOut := runTerminal(t, 0, nil, tt.args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		if w, _ := widest(piped); w <= 120 {
			t.Errorf("%s: the piped output is only %d wide: the test shows nothing", name, w)
		}
		for _, width := range []int{80, 120} {
			code, out, errOut := runTerminal(t, width, nil, tt.args...)
			if code != 0 {
				t.Fatalf("%s at %d: exit %d: %s", name, width, code, errOut)
			}
			if w, line := widest(out); w > width {
				t.Errorf("%s at %d: a line is %d wide: %q", name, width, w, line)
			}
			for _, s := range tt.want {
				if !strings.Contains(out, s) {
					t.Errorf("%s at %d: %q missing from\n%s", name, width, s, out)
				}
			}
		}
	}
}

// hostileData writes a countries file whose names and note hold a
// right-to-left override and an isolate (the loader accepts them: they are
// letters' neighbours in real names), and returns its path.
func hostileData(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.yaml")
	data := "kind: countries\ncountries:\n  QMA: {name: \"Evil\\u202Eland\", note: \"see \\u2066[x](http://e)\\u2069 <script>\"}\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func rawTerminal(r rune) bool {
	return r == 0x1b || r == 0x07 || r == 0x202e || r == 0x2066 || r == 0x2069 || r == 0x9b
}

// A hostile name from a user data file, through every format: the
// terminal never gets it raw; a pipe or file gets the data as it is
// (CSV/TSV), or the same value with \u escapes (JSON).
func TestHostileNameEveryFormat(t *testing.T) {
	data := hostileData(t)
	for _, width := range []int{0, 80} {
		terminal := width > 0
		for _, f := range []struct {
			format string
			want   []string
		}{
			{"table", []string{`Evil\u202eland`, `Evil\u202eland: see \u2066[x](http://e)\u2069 <script>`}},
			{"markdown", []string{`| Evil\\u202eland `, `Evil\\u202eland: see \\u2066\[x\](http://e)\\u2069 \<script\>`}}, // a note keeps a bare URL a link; no other link
			{"json", []string{`"name": "Evil\u202eland"`, `"note": "see \u2066[x](http://e)\u2069 <script>"`}},
			{"csv", []string{"QMA,Evil\u202eland,"}},
			{"tsv", []string{"QMA\tEvil\u202eland\t"}},
		} {
			code, out, errOut := runTerminal(t, width, nil, "countries", "--data", data, "--format", f.format)
			if code != 0 {
				t.Fatalf("%s terminal=%v: exit %d: %s", f.format, terminal, code, errOut)
			}
			want := f.want
			if terminal && (f.format == "csv" || f.format == "tsv") {
				want = []string{strings.ReplaceAll(want[0], "\u202e", `\u202e`)}
			}
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("%s terminal=%v: %q missing from\n%s", f.format, terminal, w, out)
				}
			}
			raw := strings.ContainsFunc(out, rawTerminal)
			if raw != (!terminal && (f.format == "csv" || f.format == "tsv")) {
				t.Errorf("%s terminal=%v: raw characters %v in\n%q", f.format, terminal, raw, out)
			}
			if f.format == "json" {
				var doc struct {
					Countries []struct{ Code, Name string }
				}
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatalf("json: %v", err)
				}
				found := false
				for _, c := range doc.Countries {
					found = found || c.Code == "QMA" && c.Name == "Evil\u202eland"
				}
				if !found {
					t.Errorf("json terminal=%v: QMA's name is not the original value", terminal)
				}
			}
		}
	}
}

// Messages on stderr never hold raw escape sequences, wherever the raw
// text comes from: a flag value, an environment variable, an --output
// path, a name the loader refuses.
func TestHostileMessages(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("kind: countries\ncountries:\n  QMA: {name: \"Red\\e[31m\\a\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"gap", "--target", "2", "--country", "\x1b[31mX\u202e"}, `\x1b[31mX\u202e`},
		{nil, []string{"gap", "--target", "2", "--sort", "\x1b]0;pwned\x07"}, `\x1b]0;pwned`},
		{map[string]string{"NATOSPEND_FORMAT": "\x1b[2J"}, []string{"countries"}, `\x1b[2J`},
		{nil, []string{"countries", "-o", filepath.Join(dir, "no-dir", "\x1b[31m\x07.csv")}, `\x1b[31m\x07.csv`},
		{nil, []string{"countries", "--data", bad}, `\x1b[31m`},
	}
	for _, tt := range tests {
		code, _, errOut := runTerminal(t, 80, tt.env, tt.args...)
		if code == 0 {
			t.Errorf("%q: exit 0", tt.args)
		}
		if strings.ContainsFunc(errOut, rawTerminal) {
			t.Errorf("%q: raw characters on stderr: %q", tt.args, errOut)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: %q missing from stderr %q", tt.args, tt.want, errOut)
		}
	}
}

// A gap is never shown as 0.0 unless it is zero: in 2026 Latvia is short of
// 5% by $42.9 m (4.92% of $53.6 bn), Montenegro above 2% by $17.4 m, and
// Belgium exactly at 2% (a share of 2.00).
func TestSmallGapsAreNotZero(t *testing.T) {
	code, out, errOut := runTerminal(t, 0, nil, "gap", "--target", "2,3.5,5", "--group", "europe")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	cells := map[string][]string{}
	for line := range strings.SplitSeq(out, "\n") {
		f := strings.Split(line, "|")
		if len(f) > 12 {
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			cells[f[1]] = f
		}
	}
	// Columns: | Code | Country | Year | GDP | Defence | Defence at share | Share | Gap 2% | Status 2% | Gap 3.5% | Status | Gap 5% | Status |
	for _, c := range []struct {
		code string
		col  int
		want string
	}{
		{"LVA", 12, "<0.1"}, {"MNE", 8, "-<0.1"}, {"BEL", 8, "0.0"}, {"LVA", 10, "-0.8"},
	} {
		if got := cells[c.code]; len(got) <= c.col || got[c.col] != c.want {
			t.Errorf("%s column %d = %q, want %q (header %q)", c.code, c.col, got, c.want, cells["Code"])
		}
	}
}

// TestOutputFileGetsTheFullTable: --output FILE from a terminal writes the
// full table, not the one fitted to the terminal's width.
func TestOutputFileGetsTheFullTable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "gaps.txt")
	ios, _, _, errOut := iostreams.Test()
	ios.SetTerminal(80)
	if code := Main([]string{"gap", "--target", "3.7", "--output", file}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// The full table's header row, as a pipe gets it.
	if !strings.Contains(string(b), "| Code | Country          |  Year |  GDP $bn | Defence $bn | Defence at share $bn | Share % | Gap 3.7% $bn | Status       |") {
		t.Fatalf("not the full table:\n%s", b)
	}
}
