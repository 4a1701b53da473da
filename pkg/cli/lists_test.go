package cli

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// mainEnv runs natospend in-process with the given environment (nothing
// else of the machine's).
func mainEnv(env map[string]string, args ...string) (code int, stdout, stderr string) {
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string { return env[k] }
	code = Main(args, ios)
	return code, out.String(), errOut.String()
}

// firstColumn returns the first field of each CSV data row, in order.
func firstColumn(csv string) []string {
	var out []string
	lines := strings.Split(strings.TrimRight(csv, "\n"), "\n")
	for _, ln := range lines[1:] {
		code, _, _ := strings.Cut(ln, ",")
		out = append(out, code)
	}
	return out
}

// A line break, a tab or a comma separates list items in every list flag;
// blank items are ignored. pflag's StringSlice read a value as a CSV
// record, so that "DEU\nSVN" kept only DEU, silently.
func TestListFlagsSplitLinesAndTabs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // first CSV column, row by row
	}{
		{"gap --country", []string{"gap", "--target", "2", "--country", "DEU\nSVN", "--format", "csv"}, []string{"SVN", "DEU"}},
		{"gap --country tab and blanks", []string{"gap", "--target", "2", "--country", "DEU\t,\r\n ,SVN\n", "--format", "csv"}, []string{"SVN", "DEU"}},
		{"gap --exclude", []string{"gap", "--target", "2", "--country", "DEU,SVN,POL", "--exclude", "DEU\nPOL", "--format", "csv"}, []string{"SVN"}},
		// Two targets: a row per country and target.
		{"gap --target", []string{"gap", "--target", "2\n3.5", "--country", "DEU", "--format", "csv"}, []string{"DEU", "DEU"}},
		{"path --country", []string{"path", "--target", "uk-2027", "--country", "GBR\nDEU", "--sort", "name", "--format", "csv"}, nil},
		{"aid --donor", []string{"aid", "--donor", "DEU\nESP", "--format", "csv"}, []string{"DEU", "ESP"}},
	}
	for _, tt := range tests {
		code, out, errOut := mainEnv(nil, tt.args...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", tt.name, code, errOut)
			continue
		}
		got := firstColumn(out)
		if tt.want == nil { // path: a row per year, both countries there
			seen := map[string]bool{}
			for _, c := range got {
				seen[c] = true
			}
			if !seen["DEU"] || !seen["GBR"] || len(seen) != 2 {
				t.Errorf("%s: countries %v, want DEU and GBR", tt.name, seen)
			}
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: rows %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The group flags (gap, countries, aid) and aid packages' --donor give
// with line breaks what they give with commas.
func TestListFlagsLinesEqualCommas(t *testing.T) {
	tests := []struct{ lines, commas []string }{
		{[]string{"gap", "--target", "2", "--group", "eu\nnato", "--format", "csv"}, []string{"gap", "--target", "2", "--group", "eu,nato", "--format", "csv"}},
		{[]string{"countries", "--group", "eu\nnato", "--format", "csv"}, []string{"countries", "--group", "eu,nato", "--format", "csv"}},
		{[]string{"aid", "--group", "eu\tnato", "--format", "csv"}, []string{"aid", "--group", "eu,nato", "--format", "csv"}},
		{[]string{"aid", "packages", "--donor", "DEU\nESP", "--format", "csv"}, []string{"aid", "packages", "--donor", "DEU,ESP", "--format", "csv"}},
		{[]string{"aid", "packages", "--group", "eu\nnato", "--format", "csv"}, []string{"aid", "packages", "--group", "eu,nato", "--format", "csv"}},
	}
	for _, tt := range tests {
		c1, out1, err1 := mainEnv(nil, tt.lines...)
		c2, out2, err2 := mainEnv(nil, tt.commas...)
		if c1 != 0 || c2 != 0 || out1 != out2 {
			t.Errorf("%q: exit %d (%s), with commas %d (%s); outputs equal: %v", tt.lines, c1, err1, c2, err2, out1 == out2)
		}
	}
	// The EU's 27 members and NATO's 9 allies outside the EU (ALB, CAN,
	// ISL, MKD, MNE, NOR, TUR, GBR, USA): 36, where eu alone is 27.
	_, eu, _ := mainEnv(nil, "countries", "--group", "eu", "--format", "csv")
	_, both, _ := mainEnv(nil, "countries", "--group", "eu\nnato", "--format", "csv")
	if len(firstColumn(eu)) != 27 || len(firstColumn(both)) != 36 {
		t.Errorf("--group eu lists %d countries, --group \"eu\\nnato\" %d; want 27 and 36", len(firstColumn(eu)), len(firstColumn(both)))
	}
}

// check --country "DEU\nSVN": Slovenia (1.61%) falls short of 2%, so the
// gate fails with exit 3; it used to check Germany only and exit 0. The
// environment form is read by the same rule.
func TestCheckCountryLineBreak(t *testing.T) {
	code, out, errOut := mainEnv(nil, "check", "--target", "2", "--country", "DEU\nSVN")
	if code != 3 || !strings.HasPrefix(out, "short\tSVN\tSlovenia\t") {
		t.Errorf("flag: exit %d, stdout %q, stderr %q; want 3 and Slovenia short", code, out, errOut)
	}
	code, out, errOut = mainEnv(map[string]string{"NATOSPEND_COUNTRY": "DEU\nSVN"}, "check", "--target", "2")
	if code != 3 || !strings.HasPrefix(out, "short\tSVN\tSlovenia\t") {
		t.Errorf("NATOSPEND_COUNTRY: exit %d, stdout %q, stderr %q; want 3 and Slovenia short", code, out, errOut)
	}
	code, out, errOut = mainEnv(map[string]string{"NATOSPEND_EXCLUDE": "POL\nSVN"}, "check", "--target", "2", "--country", "DEU,SVN,POL")
	if code != 0 || out != "" {
		t.Errorf("NATOSPEND_EXCLUDE: exit %d, stdout %q, stderr %q; want 0 (Germany meets 2%%)", code, out, errOut)
	}
}

// --target 3,7 is two targets, 3% and 7%, with a warning that says so and
// how to write 3.7%; in check it is a usage error. The warning survives
// the environment and config forms and --quiet silences it.
func TestDecimalCommaTarget(t *testing.T) {
	const warn = `natospend: warning: --target "3,7" is read as two targets, 3% and 7%: for 3.7% of GDP, write 3.7 (with a decimal point)` + "\n"
	code, out, errOut := mainEnv(nil, "gap", "--target", "3,7", "--country", "DEU", "--format", "csv")
	if code != 0 || errOut != warn {
		t.Errorf("gap: exit %d, stderr %q, want the warning %q", code, errOut, warn)
	}
	if rows := firstColumn(out); len(rows) != 2 {
		t.Errorf("gap: %d rows, want 2 (two targets)", len(rows))
	}
	if code, _, errOut := mainEnv(nil, "gap", "--target", "3,7", "--country", "DEU", "--quiet"); code != 0 || errOut != "" {
		t.Errorf("gap --quiet: exit %d, stderr %q", code, errOut)
	}
	// A list that is no decimal comma: no warning.
	for _, v := range []string{"2,3.5,5", "3, 7", "3.7", "2,hague"} {
		if code, _, errOut := mainEnv(nil, "gap", "--target", v, "--country", "DEU"); code != 0 || errOut != "" {
			t.Errorf("gap --target %q: exit %d, stderr %q; want no warning", v, code, errOut)
		}
	}
	env := map[string]string{"NATOSPEND_TARGET": "3,7"}
	if code, _, errOut := mainEnv(env, "gap", "--country", "DEU"); code != 0 || errOut != "natospend: warning: NATOSPEND_TARGET=3,7: "+strings.TrimPrefix(warn, "natospend: warning: ") {
		t.Errorf("NATOSPEND_TARGET=3,7: exit %d, stderr %q", code, errOut)
	}
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	writeText(t, cfg, "target: 2,5\n")
	if code, _, errOut := mainEnv(nil, "gap", "--config", cfg, "--country", "DEU"); code != 0 || !strings.Contains(errOut, `--target "2,5" is read as two targets, 2% and 5%: for 2.5% of GDP, write 2.5`) {
		t.Errorf("config target: 2,5: exit %d, stderr %q", code, errOut)
	}

	const refusal = `natospend: --target "3,7" may have a decimal comma: write --target 3.7 for 3.7% of GDP, or --target 3 --target 7 for two targets` + "\n"
	code, out, errOut = mainEnv(nil, "check", "--target", "3,7", "--country", "DEU")
	if code != 2 || out != "" || !strings.HasPrefix(errOut, refusal) {
		t.Errorf("check: exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, refusal)
	}
	code, _, errOut = mainEnv(env, "check", "--country", "DEU")
	if code != 2 || !strings.HasPrefix(errOut, "natospend: NATOSPEND_TARGET=3,7: --target \"3,7\" may have a decimal comma") {
		t.Errorf("check with NATOSPEND_TARGET=3,7: exit %d, stderr %q", code, errOut)
	}
	// Two flags are two targets, without a doubt.
	if code, _, errOut := mainEnv(nil, "check", "--target", "3", "--target", "7", "--country", "DEU"); code != 3 || strings.Contains(errOut, "decimal comma") {
		t.Errorf("check --target 3 --target 7: exit %d, stderr %q; want 3 (Germany is short of 3%%)", code, errOut)
	}
}
