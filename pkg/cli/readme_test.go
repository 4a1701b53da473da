package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// TestREADMEExamples re-runs every `$ natospend ...` example of the README
// and of every docs/*.md (in their fenced blocks) and requires the output
// shown under it, stdout then stderr, byte for byte; `$ echo $?` shows the
// exit code of the command before. The documents' claims stay what the
// binary does.
func TestREADMEExamples(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // --output files land here
	// UPDATE_README=1 writes the outputs the examples give now into the
	// README and the docs instead of failing (then read the diff before
	// committing).
	update := os.Getenv("UPDATE_README") != ""
	ran := map[string]int{}
	for _, path := range append([]string{filepath.Join(root, "README.md")}, docs...) {
		name, err := filepath.Rel(root, path)
		if err != nil {
			t.Fatal(err)
		}
		name = filepath.ToSlash(name)
		ran[name] = runExamples(t, path, name, update)
	}
	// The examples each document holds today: a document that stops
	// running them (a broken fence, a renamed file) fails here.
	for name, want := range map[string]int{"README.md": 10, "docs/commands.md": 23} {
		if ran[name] < want {
			t.Errorf("ran %d examples of %s, want the %d or more it holds", ran[name], name, want)
		}
	}
}

// runExamples re-runs the examples of one document (see
// TestREADMEExamples), name being its path in the repository, and returns
// how many natospend commands it ran.
func runExamples(t *testing.T, path, name string, update bool) int {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(doc), "\n")
	var updated []string
	inFence, ran, lastCode := false, 0, 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "```") {
			inFence = !inFence
			updated = append(updated, l)
			continue
		}
		if !inFence && name == "README.md" && strings.HasPrefix(l, "    natospend ") {
			// A one-liner shown without its output: it must run and exit 0.
			runOneLiner(t, name, i+1, l)
			ran++
		}
		if !inFence || !strings.HasPrefix(l, "$ ") {
			updated = append(updated, l)
			continue
		}
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "$ ") && !strings.HasPrefix(lines[j], "```") {
			j++
		}
		want := strings.Join(lines[i+1:j], "\n")
		cmd := strings.TrimPrefix(l, "$ ")
		var got string
		switch {
		case cmd == "echo $?":
			got = strconv.Itoa(lastCode)
		case strings.HasPrefix(cmd, "natospend "):
			ios, _, out, errOut := iostreams.Test()
			lastCode = Main(strings.Fields(cmd)[1:], ios)
			got = strings.TrimSuffix(out.String()+errOut.String(), "\n")
			ran++
		default:
			t.Fatalf("%s:%d: unknown example command %q", name, i+1, cmd)
		}
		if update {
			updated = append(updated, l)
			if got != "" || j > i+1 {
				updated = append(updated, strings.Split(got, "\n")...)
			}
		} else if got != want {
			t.Errorf("%s:%d: %s\n--- got\n%s\n--- %s\n%s", name, i+1, cmd, got, name, want)
		}
		i = j - 1
	}
	if update {
		if err := os.WriteFile(path, []byte(strings.Join(updated, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ran
}

// runOneLiner runs a README one-liner, an indented "natospend ..." line
// shown without its output (a trailing "# comment" and a "> file"
// redirection left out), and requires exit code 0.
func runOneLiner(t *testing.T, name string, line int, l string) {
	t.Helper()
	cmd := strings.TrimSpace(l)
	if k := strings.Index(cmd, " #"); k >= 0 {
		cmd = cmd[:k]
	}
	if k := strings.Index(cmd, " > "); k >= 0 {
		cmd = cmd[:k]
	}
	ios, _, out, errOut := iostreams.Test()
	if code := Main(strings.Fields(cmd)[1:], ios); code != 0 || out.Len() == 0 && !strings.Contains(cmd, "--output") {
		t.Errorf("%s:%d: %s: exit code %d, %d bytes out\n%s", name, line, cmd, code, out.Len(), errOut)
	}
}
