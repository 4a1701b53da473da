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
// (in its fenced blocks) and requires the output shown under it, stdout
// then stderr, byte for byte; `$ echo $?` shows the exit code of the
// command before. The README's claims stay what the binary does.
func TestREADMEExamples(t *testing.T) {
	readmeDir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(readmeDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // --output files land here
	lines := strings.Split(string(readme), "\n")
	// UPDATE_README=1 writes the outputs the examples give now into the
	// README instead of failing (then read the diff before committing).
	update := os.Getenv("UPDATE_README") != ""
	var updated []string
	inFence, ran, lastCode := false, 0, 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "```") {
			inFence = !inFence
			updated = append(updated, l)
			continue
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
			t.Fatalf("README.md:%d: unknown example command %q", i+1, cmd)
		}
		if update {
			updated = append(updated, l)
			if got != "" || j > i+1 {
				updated = append(updated, strings.Split(got, "\n")...)
			}
		} else if got != want {
			t.Errorf("README.md:%d: %s\n--- got\n%s\n--- README\n%s", i+1, cmd, got, want)
		}
		i = j - 1
	}
	if update {
		if err := os.WriteFile(filepath.Join(readmeDir, "README.md"), []byte(strings.Join(updated, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if ran < 8 {
		t.Fatalf("ran %d README examples, want the 8 or more it holds", ran)
	}
}
