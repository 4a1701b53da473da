package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// initBudget is what each package of this module may do when it
// initialises (GODEBUG=inittrace=1): at most these heap bytes and
// allocations. Every package of the module is linked into every run of
// every command, so whatever one does at initialisation `gap` pays on
// every run (issue 21, item 11: no new package-level initialisation on the
// common path). A package not listed may have no initialisation that
// allocates. The figures are those of 7 December 2026 (Go 1.26; see
// "Start-up: what gap pays, and the guard" in docs/performance.md): lower
// them when a package stops allocating; raise one only with a reason
// written here and the cost measured.
var initBudget = map[string]struct{ bytes, allocs int }{
	// Three sync.OnceValue (yamlLineRE, cellSchema, cellIndex), two
	// objects each; the schemas are static (5,976 bytes in 57 allocs
	// before issue 21 item 11; pkg/importnato's lookup tables, 4,248 bytes
	// in 22, are built on first use since).
	"pkg/dataset": {216, 6},
	// builtinFormats, builtinNumFmts.
	"pkg/xlsx": {2136, 6},
	// figureLabels, figureNames, fields.
	"pkg/cli/revisionscmd": {672, 4},
	"pkg/render":           {144, 4},
	"pkg/cli":              {256, 2},
	"pkg/cli/cmdutil":      {72, 2},
	"pkg/cli/query":        {72, 2},
	"pkg/cli/aid":          {72, 2},
	// pkg/cli/gap's calcSorts (160 bytes in 1 alloc) is a function of
	// pkg/cli/gapreport since issue 24 (CalcSorts): built when --sort is
	// checked, not at start-up.
}

// initLine is a line of GODEBUG=inittrace=1: "init PACKAGE @T ms, C ms
// clock, B bytes, A allocs".
var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// TestInitBudget runs natospend gap --target 3.7 --format csv, the run of
// scripts/bench.sh's start-up part, in a process of its own (this test
// binary, run as natospend: see TestMain) under GODEBUG=inittrace=1, and
// holds each package of the module to its initBudget. The packages this
// test binary links for its tests alone are not in the module's pkg/
// (internal/, the test files of package main), so the budget is that of
// the natospend binary.
func TestInitBudget(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "natospend")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "gap", "--target", "3.7", "--format", "csv")
	// No settings of the machine's user: no config file, no NATOSPEND_*.
	cmd.Env = []string{"GODEBUG=inittrace=1", "XDG_CONFIG_HOME=" + t.TempDir(), "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("natospend gap: %v\n%s", err, stderr.Bytes())
	}
	// The United States' row: the run is gap's, not another command's.
	if !strings.Contains(stdout.String(), "\nUSA,United States,2026,nato-2026-07,") {
		t.Fatalf("natospend gap printed no row for the United States:\n%s", stdout.Bytes())
	}
	const module = "github.com/natospend/natospend/"
	seen, lines := map[string]bool{}, 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		m := initLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		lines++
		pkg, ok := strings.CutPrefix(m[1], module)
		if !ok || !strings.HasPrefix(pkg, "pkg/") {
			continue
		}
		seen[pkg] = true
		b, _ := strconv.Atoi(m[2])
		a, _ := strconv.Atoi(m[3])
		budget, listed := initBudget[pkg]
		switch {
		case !listed && (b > 0 || a > 0):
			t.Errorf("%s allocates at initialisation (%d bytes, %d allocs): build it on first use (a function or sync.OnceValue), not in a package-level variable", pkg, b, a)
		case b > budget.bytes || a > budget.allocs:
			t.Errorf("%s allocates %d bytes in %d allocs at initialisation, over its budget of %d bytes in %d allocs (initBudget)", pkg, b, a, budget.bytes, budget.allocs)
		}
	}
	if lines < 50 {
		t.Fatalf("%d lines of inittrace, want one per package that initialises (some 80):\n%s", lines, stderr.Bytes())
	}
	for pkg := range initBudget {
		if !seen[pkg] {
			t.Errorf("%s no longer initialises: remove it from initBudget", pkg)
		}
	}
}
