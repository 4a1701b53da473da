package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

// runEnv calls Main with an environment of our own.
func runEnv(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string { return env[k] }
	code = Main(args, ios)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The gap of the Netherlands in 2026 (nato-2026-07: GDP 1,436,621 USD m,
// share 2.58%) differs by target, which makes the target that won visible:
//
//	2%:   (2 - 2.58) / 100 x 1,436,621 = -8,332.4018
//	3.5%: (3.5 - 2.58) / 100 x 1,436,621 = 13,216.9132
//	5%:   (5 - 2.58) / 100 x 1,436,621 = 34,766.2282
const (
	gapAt2   = ",-8332.4018,"
	gapAt35  = ",13216.9132,"
	gapAt5   = ",34766.2282,"
	nldCSV   = "--country=NLD"
	noHeader = "--no-header"
)

func TestSettingsPrecedence(t *testing.T) {
	cfg := writeFile(t, "config.yaml", "target: 5\nformat: csv\nno-header: true\n")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"default", nil, []string{"gap", nldCSV, "--format", "csv", noHeader}, gapAt2},
		{"config", map[string]string{"NATOSPEND_CONFIG": cfg}, []string{"gap", nldCSV}, gapAt5},
		{"env beats config", map[string]string{"NATOSPEND_CONFIG": cfg, "NATOSPEND_TARGET": "3.5"}, []string{"gap", nldCSV}, gapAt35},
		{"flag beats env", map[string]string{"NATOSPEND_CONFIG": cfg, "NATOSPEND_TARGET": "3.5"}, []string{"gap", nldCSV, "--target", "2"}, gapAt2},
		{"--config flag", nil, []string{"gap", nldCSV, "--config", cfg}, gapAt5},
		{"env format", map[string]string{"NATOSPEND_FORMAT": "csv", "NATOSPEND_NO_HEADER": "true"}, []string{"gap", nldCSV}, gapAt2},
		{"empty env is unset", map[string]string{"NATOSPEND_CONFIG": cfg, "NATOSPEND_TARGET": ""}, []string{"gap", nldCSV}, gapAt5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runEnv(t, tt.env, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.HasPrefix(out, "NLD,") || !strings.Contains(out, tt.want) || strings.Count(out, "\n") != 1 {
				t.Fatalf("stdout %q, want one NLD row with %q", out, tt.want)
			}
		})
	}
}

func TestSettingsErrorsNameTheirOrigin(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "target: abc\n")
	unknown := writeFile(t, "unknown.yaml", "formatt: csv\n")
	broken := writeFile(t, "broken.yaml", "target: [2\n")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"bad env value", map[string]string{"NATOSPEND_TARGET": "abc"}, []string{"gap"}, `NATOSPEND_TARGET=abc`},
		{"bad env number", map[string]string{"NATOSPEND_YEAR": "twenty"}, []string{"gap"}, `NATOSPEND_YEAR=twenty: --year: "twenty" is not a year or a range of years (expected 2024, 2014-2026 or 2014,2019,2024)`},
		{"bad env bool", map[string]string{"NATOSPEND_LATEST": "maybe"}, []string{"gap"}, `NATOSPEND_LATEST=maybe: --latest "maybe" is not true or false`},
		{"bad env enum", map[string]string{"NATOSPEND_METHOD": "gdp"}, []string{"gap"}, `NATOSPEND_METHOD=gdp: --method "gdp" is not a method (expected one of: share, usd)`},
		{"bad config value", nil, []string{"gap", "--config", bad}, `unknown target "abc"`},
		{"unknown config key", nil, []string{"gap", "--config", unknown}, `config file ` + unknown + `: line 1: unknown setting formatt`},
		{"broken config", nil, []string{"gap", "--config", broken}, `config file ` + broken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runEnv(t, tt.env, tt.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (stderr %q)", code, errOut)
			}
			if out != "" {
				t.Fatalf("stdout %q, want nothing", out)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Fatalf("stderr %q, want it to contain %q", errOut, tt.want)
			}
		})
	}
}

func TestMissingDefaultConfigIsFine(t *testing.T) {
	code, _, errOut := runEnv(t, map[string]string{"XDG_CONFIG_HOME": t.TempDir()}, "gap", "--country", "NLD")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

// userConfig writes natospend/config.yaml under dir.
func userConfig(t *testing.T, dir, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "natospend"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "natospend", "config.yaml"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultConfigLocation(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" || runtime.GOOS == "plan9" {
		t.Skipf("the user config directory on %s is not $XDG_CONFIG_HOME", runtime.GOOS)
	}
	dir := t.TempDir()
	userConfig(t, dir, "target: 3.5\nformat: csv\nno-header: true\n")
	code, out, errOut := runEnv(t, map[string]string{"XDG_CONFIG_HOME": dir}, "gap", "--country", "NLD")
	if code != 0 || !strings.Contains(out, gapAt35) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Without $XDG_CONFIG_HOME: ~/.config.
	home := t.TempDir()
	userConfig(t, filepath.Join(home, ".config"), "target: 5\nformat: csv\nno-header: true\n")
	code, out, errOut = runEnv(t, map[string]string{"HOME": home}, "gap", "--country", "NLD")
	if code != 0 || !strings.Contains(out, gapAt5) {
		t.Fatalf("$HOME/.config: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestOuterEnvironmentIgnored: what the machine running the tests has in
// its environment, a user config file included, reaches no test that runs
// natospend with iostreams.Test's environment (empty): natospend reads its
// environment only through IOStreams.Getenv. The hostile settings here
// would each change the output (a 9% target, JSON) or fail the run.
func TestOuterEnvironmentIgnored(t *testing.T) {
	hostile := "target: 9\nformat: json\nrelease: nato-2024-06\n"
	xdg, home := t.TempDir(), t.TempDir()
	userConfig(t, xdg, hostile)
	userConfig(t, filepath.Join(home, ".config"), hostile)
	userConfig(t, filepath.Join(home, "Library", "Application Support"), hostile)
	t.Setenv("XDG_CONFIG_HOME", xdg)
	t.Setenv("HOME", home)
	t.Setenv("AppData", xdg)
	t.Setenv("NATOSPEND_CONFIG", filepath.Join(xdg, "natospend", "config.yaml"))
	t.Setenv("NATOSPEND_TARGET", "9")
	t.Setenv("NATOSPEND_FORMAT", "json")
	t.Setenv("NATOSPEND_QUIET", "nonsense")
	ios, _, out, errOut := iostreams.Test()
	if code := Main([]string{"gap", nldCSV, "--format", "csv", noHeader}, ios); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := out.String(); !strings.HasPrefix(got, "NLD,") || !strings.Contains(got, gapAt2) || errOut.Len() != 0 {
		t.Fatalf("stdout %q, stderr %q: want the defaults (2%%, nato-2026-07), untouched by the outer environment", got, errOut)
	}
}

// TestUserConfigDir: os.UserConfigDir's rules, on the environment given.
func TestUserConfigDir(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" || runtime.GOOS == "plan9" {
		t.Skipf("the Unix rules do not apply on %s", runtime.GOOS)
	}
	tests := []struct {
		env  map[string]string
		want string // "" for an error
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, "/x"},
		{map[string]string{"HOME": "/h"}, "/h/.config"},
		{map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": "/h"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		got, err := userConfigDir(func(k string) string { return tt.env[k] })
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("%v: %q, %v; want %q", tt.env, got, err, tt.want)
		}
	}
}

// runFactory runs natospend on a factory of our own (to look at it after
// the run), with the environment env.
func runFactory(t *testing.T, env map[string]string, args ...string) (g *cmdutil.GlobalOptions, code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string { return env[k] }
	g = &cmdutil.GlobalOptions{}
	code = run(args, NewFactory(ios, g), g)
	return g, code, out.String(), errOut.String()
}

// The config file has a top level, for every command that has the flag,
// and a section per command that overrides it; a key valid for one command
// does not break another.
func TestConfigSections(t *testing.T) {
	tests := []struct {
		name   string
		config string
		args   []string
		code   int
		want   string // in stdout when code is 0, else in stderr
	}{
		// Issue 11: "sort: gap" (valid for gap) made every aid run fail.
		{"gap section, aid run", "gap:\n  sort: gap\n", []string{"aid", "--donor", "ESP", "--format", "csv", "--no-header"}, 0, "ESP,Spain,"},
		{"gap section, gap run", "gap:\n  sort: gap\n  target: 5\n", []string{"gap", nldCSV, "--format", "csv", noHeader}, 0, gapAt5},
		// A section overrides the top level, for its command only.
		{"section beats top level", "target: 3.5\ngap:\n  target: 5\n", []string{"gap", nldCSV, "--format", "csv", noHeader}, 0, gapAt5},
		{"top level for the others", "target: 3.5\ncheck:\n  target: 5\n", []string{"gap", nldCSV, "--format", "csv", noHeader}, 0, gapAt35},
		// The environment beats the command's section.
		{"env beats section", "gap:\n  target: 5\n", []string{"gap", nldCSV, "--format", "csv", noHeader, "--target", "2"}, 0, gapAt2},
		// A top-level key applies to every command that has the flag: a
		// value valid for some (name) is fine for all...
		{"top-level sort for aid", "sort: name\n", []string{"aid", "--donor", "ESP,FIN", "--format", "csv", "--no-header"}, 0, "FIN,Finland,"},
		// ...a value meant for another command that has the flag never
		// breaks this one (issue 11: sort: gap broke every aid run)...
		{"top-level sort: gap, aid run", "sort: gap\n", []string{"aid", "--donor", "FIN,ESP", "--format", "csv", "--no-header"}, 0, "ESP,Spain,"},
		// ...while a value no command takes is an error, naming the file and
		// the key, and saying how to scope it.
		{"top-level sort: bogus, aid run", "sort: bogus\n", []string{"aid"}, 2, `: sort: bogus: --sort "bogus" is not a sort order (expected one of: amount, pct-gdp, name, military, financial, humanitarian, total, share-of-total) (a setting outside the aid: section applies to every command with --sort`},
		{"top-level sort: gap, gap run", "sort: gap\ntarget: 5\n", []string{"gap", nldCSV, "--format", "csv", noHeader}, 0, gapAt5},
		// aid packages: a section inside aid's; aid's own keys reach it.
		{"nested section", "aid:\n  packages:\n    from: 2025-13\n", []string{"aid", "packages"}, 2, `: aid: packages: from: 2025-13: --from "2025-13" is not a date`},
		{"nested section, aid run", "aid:\n  packages:\n    from: 2025-13\n", []string{"aid", "--donor", "ESP", "--format", "csv", "--no-header"}, 0, "ESP,Spain,"},
		{"outer section reaches in", "aid:\n  donor: Atlantis\n", []string{"aid", "packages"}, 2, `aid: donor: Atlantis: --donor: unknown country "Atlantis"`},
		// Unknown keys are errors for the commands their section applies
		// to, naming file, line, key (for the others, a warning:
		// TestConfigTypoScopedToSection).
		{"unknown key in a section", "gap:\n  sort: gap\n  kind: military\n", []string{"gap"}, 2, `line 3: unknown setting kind in section gap`},
		{"key of another command in a section", "aid:\n  packages:\n    sort: name\n", []string{"aid", "packages"}, 2, `line 3: unknown setting sort in section aid: packages`},
		{"unknown section", "gapp:\n  sort: gap\n", []string{"gap"}, 2, `line 1: unknown setting gapp`},
		{"section as a value", "gap: 5\n", []string{"gap"}, 2, `line 1: gap is the section of the command natospend gap`},
		{"empty section", "gap:\ntarget: 5\n", []string{"gap", nldCSV, "--format", "csv", noHeader}, 0, gapAt5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeFile(t, "config.yaml", tt.config)
			code, out, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stdout %q, stderr %q)", code, tt.code, out, errOut)
			}
			got := out
			if tt.code != 0 {
				got = errOut
				if !strings.Contains(errOut, "config file "+cfg) {
					t.Errorf("stderr %q does not name the config file", errOut)
				}
			}
			if !strings.Contains(got, tt.want) {
				t.Fatalf("got %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

// The sort a section sets is the one used: aid by name puts Germany
// before the United States, by amount (the default: total aid, EUR 25,294.5
// m against 115,380.6 m) the United States first.
func TestConfigSectionSortApplies(t *testing.T) {
	for config, first := range map[string]string{"aid:\n  sort: name\n": "DEU", "gap:\n  sort: name\n": "USA", "sort: name\n": "DEU"} {
		cfg := writeFile(t, "config.yaml", config)
		code, out, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "aid", "--donor", "USA,DEU", "--format", "csv", "--no-header")
		if code != 0 || !strings.HasPrefix(out, first+",") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %s first", config, code, out, errOut, first)
		}
	}
}

// Lists from the environment and the config file are applied item by item
// (issue 11: NATOSPEND_DATA=a.yaml,b.yaml and data: [a.yaml, b.yaml] were
// one path "a.yaml,b.yaml").
func TestListSettingsItemByItem(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	tests := []struct {
		name   string
		env    map[string]string
		config string
	}{
		{"env, commas", map[string]string{"NATOSPEND_DATA": a + "," + b}, ""},
		{"env, line break", map[string]string{"NATOSPEND_DATA": a + "\n" + b + "\n"}, ""},
		{"config list", nil, "data: [" + a + ", " + b + "]\n"},
		{"config block list", nil, "data:\n  - " + a + "\n  - " + b + "\n"},
		{"config, section list", nil, "gap:\n  data: [" + a + ", " + b + "]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tt.env {
				env[k] = v
			}
			if tt.config != "" {
				env["NATOSPEND_CONFIG"] = writeFile(t, "config.yaml", tt.config)
			}
			f, code, _, errOut := runFactory(t, env, "gap")
			if got := f.DataPaths; len(got) != 2 || got[0] != a || got[1] != b {
				t.Errorf("DataPaths %q, want [%s %s]", got, a, b)
			}
			// Neither file exists: each is named on its own (exit 1).
			if code != 1 || !strings.Contains(errOut, a+": cannot read") || !strings.Contains(errOut, b+": cannot read") {
				t.Errorf("exit %d, stderr %q; want both files named", code, errOut)
			}
		})
	}
	// A list of targets: each item is one --target, as on the command line.
	cfg := writeFile(t, "config.yaml", "target: [2, 5]\n")
	code, out, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "gap", nldCSV, "--format", "csv", noHeader)
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, gapAt2) || !strings.Contains(out, gapAt5) {
		t.Errorf("target: [2, 5]: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// A list where one value is wanted is an error.
	cfg = writeFile(t, "config.yaml", "release: [nato-2026-07, nato-2024-06]\n")
	code, _, errOut = runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "gap")
	if code != 2 || !strings.Contains(errOut, "release: [nato-2026-07, nato-2024-06]: --release: expected one value, not a list") {
		t.Errorf("release list: exit %d, stderr %q", code, errOut)
	}
}

// Config numbers follow the command line's grammar, and so do int flags
// everywhere: 010 is 10, never octal 8 (issue 11: target: 010 meant 8%).
//
//	10%: (10 - 2.58) / 100 x 1,436,621 = 106,597.2782
func TestNumbersAreDecimal(t *testing.T) {
	const gapAt10 = ",106597.2782,"
	cfg := writeFile(t, "config.yaml", "target: 010\n")
	code, out, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "gap", nldCSV, "--format", "csv", noHeader)
	if code != 0 || !strings.Contains(out, gapAt10) {
		t.Fatalf("target: 010: exit %d, stdout %q, stderr %q; want the gap to 10%%", code, out, errOut)
	}
	// An int flag: 02024 is 2024 on the command line, in the environment
	// and in the config file (pflag alone reads octal 1044).
	cfg = writeFile(t, "config.yaml", "year: 02024\n")
	for _, run := range []struct {
		env  map[string]string
		args []string
	}{
		{nil, []string{"--year", "02024"}},
		{map[string]string{"NATOSPEND_YEAR": "02024"}, nil},
		{map[string]string{"NATOSPEND_CONFIG": cfg}, nil},
	} {
		args := append([]string{"gap", nldCSV, "--format", "json"}, run.args...)
		code, out, errOut := runEnv(t, run.env, args...)
		if code != 0 || !strings.Contains(out, `"year": 2024,`) {
			t.Errorf("%v %v: exit %d, stderr %q; want year 2024", run.env, run.args, code, errOut)
		}
	}
}

// The config file holds one YAML document of settings; anything else is a
// usage error naming the file (and the line).
func TestConfigContent(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"second document", "target: 5\n---\ntarget: 2\n", "line 2: a second YAML document (expected one document)"},
		{"not a mapping", "- target\n- 5\n", "line 1: expected settings as key: value pairs, not a list"},
		{"mapping as a value", "target: {a: 1}\n", "line 1: target: expected a value or a list, not key: value pairs"},
		{"list of lists", "target: [[2]]\n", "expected a list of values, not of a list"},
		{"alias", "a: &x 2\ntarget: *x\n", "aliases (*name) are not supported"},
		{"twice", "target: 2\ntarget: 5\n", "line 2: target is given twice"},
		{"not a setting", "config: other.yaml\n", "line 1: unknown setting config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeFile(t, "config.yaml", tt.config)
			code, out, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "gap")
			if code != 2 || out != "" || !strings.Contains(errOut, "config file "+cfg+": ") || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errOut, tt.want)
			}
		})
	}
	// Empty files and comments are no settings.
	for _, config := range []string{"", "# nothing yet\n", "---\n"} {
		cfg := writeFile(t, "config.yaml", config)
		if code, _, errOut := runEnv(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "gap", nldCSV); code != 0 {
			t.Errorf("%q: exit %d, stderr %q", config, code, errOut)
		}
	}
}

// A config file that cannot be read is an I/O error (exit 1) naming it,
// never a hang, an out-of-memory death or a usage error.
func TestConfigFileGuards(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, append([]byte("target: 2\n#"), bytes.Repeat([]byte("x"), MaxConfigSize)...), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"missing --config", nil, []string{"gap", "--config", "/nonexistent/natospend.yaml"}, "natospend: --config /nonexistent/natospend.yaml: cannot read: no such file or directory\n"},
		{"missing NATOSPEND_CONFIG", map[string]string{"NATOSPEND_CONFIG": "/nonexistent/c.yaml"}, []string{"gap"}, "natospend: NATOSPEND_CONFIG=/nonexistent/c.yaml: cannot read: no such file or directory\n"},
		{"directory", nil, []string{"gap", "--config", dir}, "natospend: --config " + dir + ": cannot read: is a directory (expected a regular file)\n"},
		{"too large", nil, []string{"gap", "--config", big}, fmt.Sprintf("natospend: --config %s: file is too large: %d bytes (expected at most 1 MiB)\n", big, MaxConfigSize+11)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runEnv(t, tt.env, tt.args...)
			if code != 1 || out != "" || errOut != tt.want {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, tt.want)
			}
		})
	}
}

// Without a user config directory (no $HOME, no $XDG_CONFIG_HOME), or with
// one that cannot be looked into, commands run without a config file
// (issue 11: an unreadable HOME made every command exit 2).
func TestNoUsableConfigDirectory(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skipf("the config directory on %s is not under $HOME", runtime.GOOS)
	}
	homeFile := writeFile(t, "home", "not a directory\n")
	for _, env := range []map[string]string{
		{},                 // neither $HOME nor $XDG_CONFIG_HOME
		{"HOME": homeFile}, // $HOME is a file: no config under it
		{"XDG_CONFIG_HOME": homeFile},
	} {
		code, out, errOut := runEnv(t, env, "gap", nldCSV, "--format", "csv", noHeader)
		if code != 0 || !strings.Contains(out, gapAt2) || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want the defaults and no message", env, code, out, errOut)
		}
	}
}

// The Factory records the config file read, so that --output can refuse to
// write onto it.
func TestFactoryConfigPath(t *testing.T) {
	cfg := writeFile(t, "config.yaml", "target: 5\n")
	f, code, _, errOut := runFactory(t, nil, "gap", nldCSV, "--config", cfg)
	if code != 0 || f.ConfigPath != cfg {
		t.Fatalf("exit %d, ConfigPath %q, stderr %q; want %q", code, f.ConfigPath, errOut, cfg)
	}
	f, _, _, _ = runFactory(t, nil, "gap", nldCSV)
	if f.ConfigPath != "" {
		t.Fatalf("ConfigPath %q without a config file", f.ConfigPath)
	}
}

// Help never reads the settings: it works whatever they hold.
func TestHelpIgnoresBrokenSettings(t *testing.T) {
	env := map[string]string{"NATOSPEND_CONFIG": "/nonexistent/c.yaml", "NATOSPEND_YEAR": "x"}
	for _, args := range [][]string{{"help", "environment"}, {"help", "gap"}, {"gap", "--help"}, {"completion", "bash"}} {
		if code, out, errOut := runEnv(t, env, args...); code != 0 || out == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// Flag values that pflag would reject with strconv's words get natospend's
// (issue 11: `strconv.ParseInt: parsing "2014,2024": invalid syntax`).
func TestFlagValueErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		// --year takes lists in gap since issue 12; one year elsewhere.
		{[]string{"check", "--year", "2014,2024"}, `natospend: --year 2014,2024: this command takes one year`},
		{[]string{"gap", "-y", "x"}, `natospend: --year: "x" is not a year or a range of years (expected 2024, 2014-2026 or 2014,2019,2024)`},
		{[]string{"gap", "--by", "0x7E9"}, `natospend: --by "0x7E9" is not a year`},
		{[]string{"gap", "--trend-years", "ten"}, `natospend: --trend-years "ten" is not a whole number (expected digits, such as 10)`},
		{[]string{"gap", "--latest=maybe"}, `natospend: --latest "maybe" is not true or false`},
		{[]string{"gap", "--method", "gdp"}, `natospend: --method "gdp" is not a method (expected one of: share, usd)`},
		{[]string{"gap", "--sort", "size"}, `natospend: --sort "size" is not a sort order (expected one of: gap, share, name, gdp, defence, equipment, defence-per-head, gdp-per-head, gap-per-head, need, growth, defence-at-share, aid, burden-defence, burden-gdp, burden-diff, population, nato-gdp-per-head, nato-defence-per-head)`},
		{[]string{"path", "--shape", "curve"}, `natospend: --shape "curve" is not a shape (expected one of: linear, growth)`},
		{[]string{"check", "--format", "html"}, `natospend: --format "html" is not a format (expected one of: table, json, tsv, csv, xlsx, markdown, junit, github)`},
		{[]string{"aid", "--kind", "weapons"}, `natospend: --kind "weapons" is not a kind of aid (expected one of: military, financial, humanitarian, total)`},
	}
	for _, tt := range tests {
		code, out, errOut := runArgs(t, tt.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, tt.want) || strings.Contains(errOut, "strconv") || strings.Contains(errOut, "invalid argument") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// Enumerated values are matched without regard to case, from anywhere.
func TestEnumsIgnoreCase(t *testing.T) {
	cfg := writeFile(t, "config.yaml", "check:\n  format: JSON\n")
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"gap", nldCSV, "--format", "json", "--method", "USD", "--sort", "Name"}, `"method": "usd"`},
		{map[string]string{"NATOSPEND_METHOD": "Usd"}, []string{"gap", nldCSV, "--format", "json"}, `"method": "usd"`},
		{nil, []string{"check", nldCSV, "--format", "JSON"}, `"verdicts"`},
		{map[string]string{"NATOSPEND_CONFIG": cfg}, []string{"check", nldCSV}, `"verdicts"`},
		// table, the other commands' format, is check's default too.
		{map[string]string{"NATOSPEND_FORMAT": "table"}, []string{"check", nldCSV}, ""},
	}
	for _, tt := range tests {
		code, out, errOut := runEnv(t, tt.env, tt.args...)
		if code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("%v %v: exit %d, stdout %q, stderr %q; want %q", tt.env, tt.args, code, out, errOut, tt.want)
		}
	}
}

// --quiet (or NATOSPEND_QUIET, or quiet: in the config file) silences
// every note on stderr, whoever prints it; errors still show.
func TestQuietSilencesEveryNote(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	g := &cmdutil.GlobalOptions{}
	f := NewFactory(ios, g)
	root := NewRootCmd(f, g)
	root.AddCommand(&cobra.Command{Use: "noisy", RunE: func(cmd *cobra.Command, args []string) error {
		fmt.Fprintln(f.IO.ErrOut, "natospend: a note")
		fmt.Fprintln(f.IO.Out, "data")
		if len(args) > 0 {
			return errors.New("an error")
		}
		return nil
	}})
	root.SetArgs([]string{"noisy", "--quiet"})
	cmd, err := root.ExecuteC()
	f.IO.ErrOut = errOut // as run restores it
	if code := exitCode(ios, cmd, g, err); code != 0 || out.String() != "data\n" || errOut.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q; want data and no note", code, out, errOut)
	}

	// Every command, in a run that prints a note (a release other than
	// the default), prints none with --quiet, and the same data (JSON: a
	// table loses its title and notes, TestQuietPrintsDataOnly).
	cfgQuiet := writeFile(t, "config.yaml", "quiet: true\n")
	for _, args := range [][]string{
		{"gap", "--release", "nato-2024-06", "--country", "NLD", "--format", "json"},
		{"check", "--release", "nato-2024-06", "--country", "NLD"},
		{"path", "--release", "nato-2024-06", "--country", "NLD", "--target", "uk-2027", "--format", "json"},
		{"aid", "--donor", "ESP", "--format", "json"},
		{"aid", "packages", "--donor", "ESP", "--format", "json"},
		{"validate"},
		{"countries", "--format", "json"},
		{"targets", "--format", "json"},
	} {
		_, loud, noted := runEnv(t, nil, args...)
		for _, env := range []map[string]string{nil, {"NATOSPEND_QUIET": "true"}, {"NATOSPEND_CONFIG": cfgQuiet}} {
			a := args
			if env == nil {
				a = append(append([]string{}, args...), "--quiet")
			}
			_, quiet, errOut := runEnv(t, env, a...)
			if errOut != "" {
				t.Errorf("%v %v: stderr %q, want nothing", env, a, errOut)
			}
			if args[0] != "check" && args[0] != "validate" && quiet != loud { // check and validate: TestQuietPrintsDataOnly
				t.Errorf("%v %v: stdout differs with --quiet", env, a)
			}
		}
		if args[0] == "gap" && !strings.Contains(noted, "using release nato-2024-06") {
			t.Errorf("%v: stderr %q, want the release note without --quiet", args, noted)
		}
	}
	// Errors still show.
	if code, _, errOut := runArgs(t, "gap", "--quiet", "--country", "Atlantis"); code != 2 || !strings.Contains(errOut, `unknown country "Atlantis"`) {
		t.Errorf("--quiet error: exit %d, stderr %q", code, errOut)
	}
}

// help environment documents every setting of every command, from the
// flags themselves, and an example config file that every command takes;
// docs/scripting.md shows the same example.
func TestEnvironmentHelpCoversEverySetting(t *testing.T) {
	g := &cmdutil.GlobalOptions{}
	root := NewRootCmd(NewFactory(testIOS(), g), g)
	text := EnvironmentHelp(root)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name := range commandFlags(c) {
			if !strings.Contains(text, "\n  "+name+"   "+EnvName(name)) {
				t.Errorf("help environment has no entry for %s (%s)", name, c.CommandPath())
			}
		}
		if c.HasParent() && c.LocalNonPersistentFlags().HasFlags() && !regexp.MustCompile(`(^|[ \n])`+regexp.QuoteMeta(commandKey(c))+`[,:]`).MatchString(text) {
			t.Errorf("help environment does not name %s", c.CommandPath())
		}
		for _, sub := range settingCommands(c) {
			walk(sub)
		}
	}
	walk(root)
	flat := strings.Join(strings.Fields(text), " ") // a want without a line break may be wrapped
	for _, want := range []string{"NATOSPEND_CONFIG", "every command: add a data PATH", "{share|usd} (default share)", "(default 2)\n", "  gap:\n    target: [2, 3.5]\n"} {
		if !strings.Contains(text, want) && (strings.Contains(want, "\n") || !strings.Contains(flat, want)) {
			t.Errorf("help environment lacks %q", want)
		}
	}

	// The example config works for every command.
	cfg := writeFile(t, "config.yaml", ExampleConfig)
	var each func(c *cobra.Command)
	each = func(c *cobra.Command) {
		if c.Runnable() {
			g := &cmdutil.GlobalOptions{}
			r := NewRootCmd(NewFactory(testIOS(), g), g)
			path := strings.Fields(c.CommandPath())[1:]
			cmd, _, err := r.Find(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.ParseFlags(nil); err != nil {
				t.Fatal(err)
			}
			if _, err := applySettings(cmd, testIOS(), &cmdutil.GlobalOptions{ConfigFile: cfg}); err != nil {
				t.Errorf("%s with the example config: %v", c.CommandPath(), err)
			}
		}
		for _, sub := range settingCommands(c) {
			each(sub)
		}
	}
	each(root)

	readme, err := os.ReadFile(filepath.Join("..", "..", "docs", "scripting.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```yaml\n"+ExampleConfig+"```\n") {
		t.Errorf("docs/scripting.md does not show ExampleConfig in a yaml block")
	}
}

func testIOS() *iostreams.IOStreams {
	ios, _, _, _ := iostreams.Test()
	return ios
}

// A bad setting is a *cmdutil.FlagError naming the flag, the value and
// where it came from, whichever way the command line, the environment or
// the config file gives it; Origin is what the message starts with.
func TestSettingErrorsAreTyped(t *testing.T) {
	cfg := writeFile(t, "config.yaml", "gap:\n  sort: size\n")
	tests := []struct {
		env                 map[string]string
		args                []string
		flag, value, origin string
	}{
		{map[string]string{"NATOSPEND_NO_HEADER": "maybe"}, []string{"gap"}, "no-header", "maybe", "NATOSPEND_NO_HEADER=maybe"},
		{nil, []string{"gap", "--config", cfg}, "sort", "size", "config file " + cfg + ": line 2: gap: sort: size"},
		{nil, []string{"gap", "--sort", "size"}, "sort", "size", ""},
	}
	for _, tt := range tests {
		g := &cmdutil.GlobalOptions{}
		ios := testIOS()
		ios.Getenv = func(k string) string { return tt.env[k] }
		root := NewRootCmd(NewFactory(ios, g), g)
		root.SetArgs(tt.args)
		_, err := root.ExecuteC()
		var fe *cmdutil.FlagError
		if !errors.As(err, &fe) || !cmdutil.IsUsage(err) {
			t.Errorf("%v %q: %#v, want a usage error holding a *FlagError", tt.env, tt.args, err)
			continue
		}
		if fe.Flag != tt.flag || fe.Value != tt.value || fe.Origin != tt.origin {
			t.Errorf("%v %q: {Flag %q, Value %q, Origin %q}, want {%q, %q, %q}", tt.env, tt.args, fe.Flag, fe.Value, fe.Origin, tt.flag, tt.value, tt.origin)
		}
	}
}

// An error a command finds later in a value from the environment gets
// the value's origin when it is printed, from the run's GlobalOptions;
// the same value on the command line gets none.
func TestLaterFlagErrorGetsItsOrigin(t *testing.T) {
	_, code, _, errOut := runFactory(t, map[string]string{"NATOSPEND_YEAR": "1900"}, "gap", "--target", "2")
	if want := "natospend: NATOSPEND_YEAR=1900: --year: \"1900\" is out of range (expected years from 1949 to 2100)\nRun 'natospend gap --help' for usage.\n"; code != 2 || errOut != want {
		t.Errorf("exit %d, stderr %q; want 2, %q", code, errOut, want)
	}
	g, code, _, errOut := runFactory(t, nil, "gap", "--target", "2", "--year", "1900")
	if want := "natospend: --year: \"1900\" is out of range (expected years from 1949 to 2100)\nRun 'natospend gap --help' for usage.\n"; code != 2 || errOut != want || !g.Started {
		t.Errorf("exit %d, stderr %q, started %v; want 2, %q", code, errOut, g.Started, want)
	}
}
