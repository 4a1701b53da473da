package cli

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sharedPackages are the packages under pkg/cli that are not commands:
// every command may import them.
var sharedPackages = map[string]bool{"aidreport": true, "charts": true, "cmdutil": true, "gapreport": true, "iostreams": true, "query": true}

// No command package imports another command package (issue 21, item 1):
// what commands share lives in cmdutil, query or iostreams. Test files
// count too; a package's external test package may import its own.
func TestNoCommandImportsAnother(t *testing.T) {
	const prefix = "github.com/natospend/natospend/pkg/cli/"
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	commands := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() && !sharedPackages[e.Name()] && e.Name() != "testdata" {
			commands[e.Name()] = true
		}
	}
	if !commands["gap"] || !commands["check"] {
		t.Fatalf("command packages found: %v (expected gap and check among them)", commands)
	}
	for cmd := range commands {
		files, _ := filepath.Glob(filepath.Join(cmd, "*.go"))
		for _, file := range files {
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				other, ok := strings.CutPrefix(path, prefix)
				if ok && commands[other] && other != cmd {
					t.Errorf("%s imports the command package %s: move what they share to pkg/cli/query or pkg/cli/cmdutil", file, other)
				}
			}
		}
	}
}

// Every command package has tests of its own (issue 21, item 7): at least
// one _test.go file beside its code.
func TestEveryCommandHasTests(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" || sharedPackages[e.Name()] {
			continue
		}
		n++
		tests, _ := filepath.Glob(filepath.Join(e.Name(), "*_test.go"))
		if len(tests) == 0 {
			t.Errorf("pkg/cli/%s has no tests of its own", e.Name())
		}
	}
	if n < 10 {
		t.Fatalf("%d command packages under pkg/cli, expected every command", n)
	}
}
