// The test is an external package: it builds the real root from pkg/cli,
// and pkg/cli imports docscmd to register the command.
package docscmd_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/docscmd"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

// newRoot builds a fresh natospend tree, with the hidden docs command in it
// as in a real run (added here if pkg/cli does not register it yet).
func newRoot() *cobra.Command {
	ios, _, _, _ := iostreams.Test()
	g := &cmdutil.GlobalOptions{}
	root := cli.NewRootCmd(cli.NewFactory(ios, g), g)
	for _, c := range root.Commands() {
		if c.Name() == "docs" {
			return root
		}
	}
	root.AddCommand(docscmd.NewCmd(newRoot))
	return root
}

// runDocs runs `docs args...` and returns its error.
func runDocs(t *testing.T, args ...string) error {
	t.Helper()
	cmd := docscmd.NewCmd(newRoot)
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	return cmd.Execute()
}

// readTree returns every file under dir by its path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func names(files map[string][]byte) []string {
	var out []string
	for n := range files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func TestDocsReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	base := t.TempDir()
	var runs [2]map[string][]byte
	for i := range runs {
		// Directories that do not exist yet, two levels deep: docs creates them.
		dir := filepath.Join(base, "run"+string(rune('a'+i)))
		man, md := filepath.Join(dir, "man", "man1"), filepath.Join(dir, "md", "cli")
		if err := runDocs(t, "--man", man, "--markdown", md); err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
		runs[i] = readTree(t, dir)
	}
	a, b := runs[0], runs[1]
	if got, want := names(b), names(a); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("the two runs wrote different files:\n%v\n%v", want, got)
	}
	for name, content := range a {
		if !bytes.Equal(content, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}

	for _, name := range []string{"man/man1/natospend.1", "man/man1/natospend-gap.1", "md/cli/natospend.md", "md/cli/natospend_gap.md"} {
		if _, ok := a[name]; !ok {
			t.Errorf("%s was not written (files: %v)", name, names(a))
		}
	}
	for _, name := range []string{"man/man1/natospend-gap.1", "md/cli/natospend_gap.md"} {
		// roff escapes the dashes of a flag: \-\-target.
		if s := string(a[name]); !strings.Contains(s, "--target") && !strings.Contains(s, `\-\-target`) {
			t.Errorf("%s does not mention --target:\n%s", name, s)
		}
	}
	for name, content := range a {
		s := string(content)
		if strings.Contains(name, "docs") {
			t.Errorf("%s: the hidden docs command got a page", name)
		}
		if strings.Contains(s, "Auto generated") {
			t.Errorf("%s carries cobra's auto-generated tag (with a date): %q", name, firstLine(s, "Auto generated"))
		}
	}
	if th := firstLine(string(a["man/man1/natospend-gap.1"]), ".TH "); !strings.Contains(th, `"NATOSPEND-GAP" "1" "Jan 2026" "natospend" "natospend manual"`) {
		t.Errorf("natospend-gap.1 header = %q, want title NATOSPEND-GAP, section 1, the fixed date Jan 2026", th)
	}
}

func TestDocsSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1780000000") // 2026-05-28T20:26:40Z
	dir := t.TempDir()
	if err := runDocs(t, "--man", dir); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	if th := firstLine(string(files["natospend.1"]), ".TH "); !strings.Contains(th, `"May 2026"`) {
		t.Errorf("natospend.1 header = %q, want the date of SOURCE_DATE_EPOCH, May 2026", th)
	}
	for name := range files {
		if !strings.HasSuffix(name, ".1") {
			t.Errorf("--man alone wrote %s", name)
		}
	}

	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	err := runDocs(t, "--man", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: err = %v, want an error that names it", err)
	}
}

func TestDocsMarkdownOnly(t *testing.T) {
	dir := t.TempDir()
	if err := runDocs(t, "--markdown", dir); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	if _, ok := files["natospend_gap.md"]; !ok {
		t.Errorf("natospend_gap.md was not written (files: %v)", names(files))
	}
	for name := range files {
		if !strings.HasSuffix(name, ".md") {
			t.Errorf("--markdown alone wrote %s", name)
		}
	}
}

func TestDocsUsageErrors(t *testing.T) {
	err := runDocs(t)
	if err == nil || !cmdutil.IsUsage(err) {
		t.Errorf("docs without --man or --markdown: err = %v, want a usage error", err)
	}
	if err := runDocs(t, "--man", t.TempDir(), "extra"); err == nil {
		t.Error("docs with an argument: no error")
	}
}

func TestDocsHiddenInRoot(t *testing.T) {
	root := newRoot()
	for _, c := range root.Commands() {
		if c.Name() == "docs" && !c.Hidden {
			t.Error("the docs command is not hidden")
		}
	}
}

func firstLine(s, prefix string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, prefix) {
			return line
		}
	}
	return ""
}
