package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/render"
)

// A user selection far over GitHub's 1 MiB: 1,000 made-up countries with
// long names (codes from ISO 3166-1's user-assigned QM-QZ and X ranges) and
// five targets, every verdict short (1.5% of a GDP of 1,000 USD million is
// below 2%). The summary keeps under the limit, with the count left out,
// and still exits 3.
func TestMarkdownHugeSelection(t *testing.T) {
	dir := t.TempDir()
	var countries, release strings.Builder
	countries.WriteString("kind: countries\ncitation: natospend test fixture, not real countries\ncountries:\n")
	release.WriteString("kind: release\nid: test-big-2026\nseries: defence\ntitle: Many countries (test fixture)\npublisher: natospend tests\n" +
		"published: 2026-01-01\nurl: https://example.org/natospend-big\nfigures:\n")
	var codes []string
	for i := 0; len(codes) < 1000; i++ {
		code := fmt.Sprintf("Q%c%c", 'M'+i/26, 'A'+i%26)
		if i >= 14*26 {
			j := i - 14*26
			code = fmt.Sprintf("X%c%c", 'A'+j/26, 'A'+j%26)
		}
		if code == "XEU" { // the EU's institutions, in the embedded data
			continue
		}
		codes = append(codes, code)
		fmt.Fprintf(&countries, "  %s: {name: \"Country %d %s\"}\n", code, i, strings.Repeat("x", 150))
		fmt.Fprintf(&release, "  %s:\n    2026: {gdp_musd: 1000, share_pct: 1.5, defence_musd: 15}\n", code)
	}
	files := map[string]string{"countries.yaml": countries.String(), "release.yaml": release.String(),
		"groups.yaml": "kind: groups\ncitation: natospend test fixture\ngroups:\n  many:\n    name: Many\n    members: [" + strings.Join(codes, ", ") + "]\n"}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := run(t, nil, "check", "--data", dir, "--group", "many", "--target", "2,2.5,3,3.5,4", "--release", "test-big-2026", "--year", "2026", "--format", "markdown")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%.2000s", code, errOut)
	}
	if len(out) > render.MaxJobSummary {
		t.Errorf("%d bytes, over %d", len(out), render.MaxJobSummary)
	}
	rows := strings.Count(out, "| short   |")
	if rows == 0 || rows >= 5000 || !strings.Contains(out, fmt.Sprintf("%d rows left out, to keep this summary under GitHub's limit of 1 MiB", 5000-rows)) {
		t.Errorf("%d rows shown, and no line for the %d left out", rows, 5000-rows)
	}
	if !strings.HasPrefix(out, "### ❌ natospend check: 5000 short, 0 without a verdict, of 5000 verdicts checked (1000 countries x 5 targets)") {
		t.Errorf("heading: %.200s", out)
	}
}
