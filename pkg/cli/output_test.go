package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

func writeText(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// gapDEU is the query of these tests: Germany against 3.5%.
var gapDEU = []string{"gap", "--target", "3.5", "--country", "DEU"}

func gapArgs(more ...string) []string { return append(append([]string{}, gapDEU...), more...) }

// --output without --format takes the format from the extension (it used
// to write the ASCII table into report.csv); another extension keeps the
// table.
func TestOutputFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"csv", "tsv", "json", "markdown", "table"} {
		_, want, _ := mainEnv(nil, gapArgs("--format", format)...)
		for _, ext := range map[string][]string{"csv": {".csv", ".CSV"}, "tsv": {".tsv"}, "json": {".json"}, "markdown": {".md", ".markdown"}, "table": {".txt", ""}}[format] {
			p := filepath.Join(dir, "report"+ext)
			code, out, errOut := mainEnv(nil, gapArgs("--output", p)...)
			if code != 0 || out != "" || errOut != "" {
				t.Errorf("-o report%s: exit %d, stdout %q, stderr %q", ext, code, out, errOut)
				continue
			}
			if got := readText(t, p); got != want {
				t.Errorf("-o report%s: wrote\n%s\nwant (--format %s)\n%s", ext, got, format, want)
			}
		}
	}
	// A --format that agrees is fine.
	if code, _, errOut := mainEnv(nil, gapArgs("--format", "csv", "--output", filepath.Join(dir, "agree.csv"))...); code != 0 {
		t.Errorf("--format csv -o agree.csv: exit %d, %s", code, errOut)
	}
}

// An explicit --format that contradicts the extension is a usage error,
// from the command line, the environment or the config file; nothing is
// written.
func TestOutputFormatContradictsExtension(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.csv")
	cfg := filepath.Join(dir, "config.yaml")
	writeText(t, cfg, "format: json\n")
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, gapArgs("--format", "table", "-o", p), "natospend: --format table contradicts --output " + p + ", whose extension says csv (leave out --format, or give the file another name)\n"},
		{map[string]string{"NATOSPEND_FORMAT": "tsv"}, gapArgs("-o", p), "natospend: NATOSPEND_FORMAT=tsv: --format tsv contradicts --output " + p},
		{nil, gapArgs("--config", cfg, "-o", p), "--format json contradicts --output " + p},
	} {
		code, out, errOut := mainEnv(c.env, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v %q: exit %d, stderr %q; want 2 and %q", c.env, c.args, code, errOut, c.want)
		}
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("report.csv written: %v", err)
	}
}

// A replaced file keeps its mode: a private 0600 file stays private (it
// used to become 0644).
func TestOutputKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "private.csv")
	writeText(t, p, "old\n")
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := mainEnv(nil, gapArgs("-o", p)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	fi, _ := os.Stat(p)
	if fi.Mode() != 0o600 || !strings.HasPrefix(readText(t, p), "code,name,") {
		t.Errorf("mode %v, content %q; want -rw------- and the CSV", fi.Mode(), readText(t, p))
	}
}

// A directory and a symbolic link to a regular file are refused with exit
// 1, untouched; the message names the path, never a temporary file.
func TestOutputRefusesSpecialPaths(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.csv")
	writeText(t, target, "old\n")
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("target.csv", link); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub.csv")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		link: "natospend: --output " + link + ": is a symbolic link to a regular file: it is not followed; name the file itself\n",
		sub:  "natospend: --output " + sub + ": is a directory, not a file\n",
	} {
		code, out, errOut := mainEnv(nil, gapArgs("-o", p)...)
		if code != 1 || out != "" || errOut != want {
			t.Errorf("-o %s: exit %d, stderr %q; want 1 and %q", p, code, errOut, want)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 || readText(t, target) != "old\n" {
		t.Errorf("the link or its target changed: %v, %v", fi, err)
	}
	if fi, err := os.Lstat(sub); err != nil || !fi.IsDir() {
		t.Errorf("the directory was replaced: %v, %v", fi, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d entries, want link.csv, sub.csv and target.csv only", len(entries))
	}
}

// natospend never writes over its own inputs: a --data file, a YAML file
// of a --data directory, the config file (usage errors, exit 2, the file
// untouched). It used to replace them.
func TestOutputRefusesInputs(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "extra.yaml")
	writeText(t, data, "kind: groups\ngroups:\n  mine: {name: Mine, members: [DEU]}\n")
	ddir := filepath.Join(dir, "d")
	if err := os.Mkdir(ddir, 0o755); err != nil {
		t.Fatal(err)
	}
	inDir := filepath.Join(ddir, "g.yaml")
	writeText(t, inDir, "kind: groups\ngroups:\n  other: {name: Other, members: [SVN]}\n")
	cfg := filepath.Join(dir, "config.yaml")
	writeText(t, cfg, "release: nato-2026-07\n")
	before := map[string]string{data: readText(t, data), inDir: readText(t, inDir), cfg: readText(t, cfg)}
	for _, c := range []struct {
		args []string
		want string
	}{
		{gapArgs("--data", data, "--format", "csv", "-o", data), "natospend: --output " + data + " is the --data path " + data + ": natospend does not write over its own input (choose another file)\n"},
		// Another name of the same file is the same file.
		{gapArgs("--data", data, "--format", "csv", "-o", filepath.Join(dir, ".", "extra.yaml")), "is the --data path " + data},
		{gapArgs("--data", ddir, "--format", "csv", "-o", inDir), "is the data file " + inDir + " of --data " + ddir},
		{gapArgs("--config", cfg, "--format", "csv", "-o", cfg), "is the config file " + cfg},
	} {
		code, out, errOut := mainEnv(nil, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
	for p, b := range before {
		if got := readText(t, p); got != b {
			t.Errorf("%s changed: %q", p, got)
		}
	}
	// A new file beside them is fine.
	if code, _, errOut := mainEnv(nil, gapArgs("--data", ddir, "-o", filepath.Join(ddir, "report.csv"))...); code != 0 {
		t.Errorf("-o d/report.csv: exit %d: %s", code, errOut)
	}
}

// The CSV flags have no effect with a table, JSON or Markdown: a one-line
// warning says so (unless --quiet); they used to be accepted silently, or
// (--delimiter) refused.
func TestOutputFlagsWithoutEffectWarn(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{gapArgs("--bom"), "natospend: warning: --bom has no effect with --format table (only with csv and tsv)\n"},
		{gapArgs("--format", "json", "--decimal-comma", "--no-header"), "natospend: warning: --decimal-comma, --no-header have no effect with --format json (only with csv and tsv)\n"},
		{gapArgs("--format", "markdown", "--delimiter", ";"), "natospend: warning: --delimiter has no effect with --format markdown (only with csv and tsv)\n"},
		{gapArgs("--format", "csv", "--bom", "--decimal-comma", "--no-header", "--delimiter", "|"), ""},
		{gapArgs("--format", "tsv", "--bom", "--decimal-comma"), ""},
		{gapArgs("--bom", "--quiet"), ""},
	} {
		code, _, errOut := mainEnv(nil, c.args...)
		if code != 0 || errOut != c.want {
			t.Errorf("%q: exit %d, stderr %q; want 0 and %q", c.args, code, errOut, c.want)
		}
	}
}

// --delimiter takes one printable character: ESC, a bidirectional
// override, a tab, a letter... are refused (ESC used to be accepted), and
// the message shows them escaped.
func TestOutputDelimiterPrintable(t *testing.T) {
	for _, d := range []string{"\x1b", "\u202e", "\t", "\u00a0", "a", "é", "7", "'", "-", "\u0301"} {
		code, out, errOut := mainEnv(nil, gapArgs("--format", "csv", "--delimiter", d)...)
		if code != 2 || out != "" || !strings.Contains(errOut, "--delimiter") || strings.ContainsAny(errOut, "\x1b\u202e\t\u00a0") {
			t.Errorf("--delimiter %+q: exit %d, stderr %q", d, code, errOut)
		}
	}
	_, _, errOut := mainEnv(nil, gapArgs("--format", "csv", "--delimiter", "\x1b")...)
	if !strings.HasPrefix(errOut, `natospend: --delimiter "\x1b" must be one printable character`) {
		t.Errorf("ESC: %q", errOut)
	}
	for _, d := range []string{";", "|", " ", "§"} {
		if code, _, errOut := mainEnv(nil, gapArgs("--format", "csv", "--delimiter", d)...); code != 0 {
			t.Errorf("--delimiter %q: exit %d: %s", d, code, errOut)
		}
	}
}

// --output sets the format from its extension for every command that has
// it, and for every selection: gap with several years or several releases
// used to write the text table into report.csv, .json or .xlsx, exit 0
// (ResolveAll copied the options before the extension set the format).
// Each file must equal what --format gives on stdout (csv, json) or with
// --format xlsx (a workbook). A command with --output that is not listed
// here fails the test, so that a new one is checked too.
func TestOutputExtensionEveryCommand(t *testing.T) {
	runs := map[string][][]string{
		"gap": {
			gapArgs(),
			gapArgs("--year", "2024-2026"),
			gapArgs("--release", "nato-2026-07,nato-2024-06"),
			gapArgs("--year", "2019,2024", "--release", "nato-2025-08,nato-2024-06"),
		},
		"path":         {{"path", "--target", "3.5", "--country", "DEU", "--by", "2030"}},
		"history":      {{"history", "--country", "DEU"}},
		"revisions":    {{"revisions", "--country", "DEU"}},
		"countries":    {{"countries"}},
		"targets":      {{"targets"}},
		"releases":     {{"releases"}},
		"aid":          {{"aid"}},
		"aid packages": {{"aid", "packages"}},
		"import nato":  nil, // --output is the release file (YAML): importcmd's tests
		"chart":        nil, // --output's extension is the chart format (.svg, .png, .pdf): chartcmd's tests
		"report":       nil, // --output is the HTML page, whatever its extension: reportcmd's tests
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("output") != nil {
			if _, ok := runs[c.CommandPath()[len("natospend "):]]; !ok {
				t.Errorf("%s has --output but is not checked here", c.CommandPath())
			}
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	g := &cmdutil.GlobalOptions{}
	walk(NewRootCmd(NewFactory(func() *iostreams.IOStreams { ios, _, _, _ := iostreams.Test(); return ios }(), g), g))

	dir := t.TempDir()
	for name, list := range runs {
		for _, args := range list {
			for _, format := range []string{"csv", "json", "xlsx"} {
				p := filepath.Join(dir, "report."+format)
				os.Remove(p)
				code, out, errOut := mainEnv(nil, append(append([]string{}, args...), "--output", p)...)
				if code != 0 || out != "" {
					t.Errorf("%s %q -o report.%s: exit %d, stdout %q, stderr %q", name, args, format, code, out, errOut)
					continue
				}
				got := readText(t, p)
				var want string
				if format == "xlsx" {
					q := filepath.Join(dir, "explicit.xlsx")
					if code, _, errOut := mainEnv(nil, append(append([]string{}, args...), "--format", "xlsx", "--output", q)...); code != 0 {
						t.Fatalf("%s %q --format xlsx: exit %d, %s", name, args, code, errOut)
					}
					want = readText(t, q)
					if !strings.HasPrefix(got, "PK\x03\x04") {
						t.Errorf("%s %q -o report.xlsx: not a workbook (a zip file): %.60q", name, args, got)
						continue
					}
				} else {
					_, want, _ = mainEnv(nil, append(append([]string{}, args...), "--format", format)...)
				}
				if got != want {
					t.Errorf("%s %q -o report.%s wrote\n%.300s\nwant (--format %s)\n%.300s", name, args, format, got, format, want)
				}
			}
		}
	}
}
