package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

// completeRun runs natospend in-process, as the shells' completion scripts
// do, and returns the exit code, stdout and stderr.
func completeRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := Main(args, ios)
	return code, out.String(), errOut.String()
}

// completions runs `natospend __complete args...` and returns the
// candidates (value -> description) and the directive line.
func completions(t *testing.T, args ...string) (map[string]string, string) {
	t.Helper()
	code, out, errOut := completeRun(t, append([]string{cobra.ShellCompRequestCmd}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: exit %d, stderr:\n%s", args, code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], ":") {
		t.Fatalf("__complete %q: no directive line at the end of:\n%s", args, out)
	}
	got := map[string]string{}
	for _, line := range lines[:len(lines)-1] {
		value, desc, _ := strings.Cut(line, "\t")
		got[value] = desc
	}
	return got, lines[len(lines)-1]
}

func TestFlagCompletion(t *testing.T) {
	// ":4" is cobra.ShellCompDirectiveNoFileComp: none of these flags takes
	// a file name, so the shell must not offer files either.
	const noFiles = ":4"
	tests := []struct {
		flag string
		want map[string]string // value -> description ("" = not checked)
	}{
		{"--format", map[string]string{"table": "", "csv": "", "tsv": "", "json": "", "markdown": ""}},
		{"--country", map[string]string{"DEU": "Germany", "ISL": "Iceland"}},
		{"--group", map[string]string{"nato": "", "europe": "", "eu": "", "europe-canada": ""}},
		{"--target", map[string]string{"hague": "", "hague-core": "", "nato-2014": "", "rutte-3.7": "", "uk-2027": ""}},
		{"--release", map[string]string{"nato-2026-07": "", "nato-2025-08": "", "nato-2024-06": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.flag, func(t *testing.T) {
			got, directive := completions(t, "gap", tt.flag, "")
			if directive != noFiles {
				t.Errorf("directive %s, want %s (no file completion)", directive, noFiles)
			}
			for value, desc := range tt.want {
				gotDesc, ok := got[value]
				switch {
				case !ok:
					t.Errorf("%s is not offered (got %v)", value, got)
				case desc != "" && gotDesc != desc:
					t.Errorf("%s is described as %q, want %q", value, gotDesc, desc)
				}
			}
		})
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		t.Run(shell, func(t *testing.T) {
			code, out, errOut := completeRun(t, "completion", shell)
			if code != 0 {
				t.Fatalf("completion %s: exit %d, stderr:\n%s", shell, code, errOut)
			}
			if strings.TrimSpace(out) == "" {
				t.Fatalf("completion %s printed nothing", shell)
			}
			if !strings.Contains(out, "natospend") {
				t.Errorf("completion %s: the script does not mention natospend:\n%.400s", shell, out)
			}
			if errOut != "" {
				t.Errorf("completion %s wrote to stderr:\n%s", shell, errOut)
			}
		})
	}
}

func TestVersionFlag(t *testing.T) {
	code, out, errOut := completeRun(t, "--version")
	if code != 0 {
		t.Fatalf("--version: exit %d, stderr:\n%s", code, errOut)
	}
	// "natospend (devel)" under go test; "natospend v1.2.3 (commit ...)" in a
	// release build. Not cobra's default "natospend version X".
	if !regexp.MustCompile(`^natospend [^\s].*\n$`).MatchString(out) || strings.HasPrefix(out, "natospend version ") {
		t.Errorf("--version printed %q, want \"natospend VERSION\\n\"", out)
	}
	if want := "natospend " + Version() + "\n"; out != want {
		t.Errorf("--version printed %q, want %q", out, want)
	}
}

// A release build stamps the version and commit (scripts/release, -ldflags
// -X): --version prints both, the commit cut to 12 hex digits.
func TestVersionStamped(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "v1.2.3", "0123456789abcdef0123456789abcdef01234567"
	if got, want := Version(), "v1.2.3 (commit 0123456789ab)"; got != want {
		t.Errorf("Version() = %q, want %q", got, want)
	}
	code, out, _ := completeRun(t, "--version")
	if code != 0 || out != "natospend v1.2.3 (commit 0123456789ab)\n" {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}
