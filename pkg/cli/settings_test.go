package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
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
		{"bad env number", map[string]string{"NATOSPEND_YEAR": "twenty"}, []string{"gap"}, `NATOSPEND_YEAR=twenty: invalid value for --year`},
		{"bad env bool", map[string]string{"NATOSPEND_LATEST": "maybe"}, []string{"gap"}, `NATOSPEND_LATEST=maybe: invalid value for --latest`},
		{"bad config value", nil, []string{"gap", "--config", bad}, `unknown target "abc"`},
		{"unknown config key", nil, []string{"gap", "--config", unknown}, `unknown setting(s) formatt`},
		{"broken config", nil, []string{"gap", "--config", broken}, `config file ` + broken},
		{"missing explicit config", nil, []string{"gap", "--config", "/nonexistent/natospend.yaml"}, `/nonexistent/natospend.yaml`},
		{"missing config from env", map[string]string{"NATOSPEND_CONFIG": "/nonexistent/c.yaml"}, []string{"gap"}, `NATOSPEND_CONFIG=/nonexistent/c.yaml`},
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
