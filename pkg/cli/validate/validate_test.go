package validate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/validate"
)

// argv -> options through the runF seam: the paths are the arguments.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, validate.NewCmd, "a.yaml", "dir")
	if strings.Join(o.Paths, ",") != "a.yaml,dir" {
		t.Errorf("paths %v", o.Paths)
	}
	if o := clitest.MustParse(t, validate.NewCmd); len(o.Paths) != 0 {
		t.Errorf("no arguments: paths %v", o.Paths)
	}
}

// Run on hand-built options: the embedded data is valid, and its counts
// are those of data/ (the three NATO releases, the IMF WEO's GDP and
// population); a file with an error names its file, and the run fails.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	if err := validate.Run(&validate.Options{F: f}); err != nil {
		t.Fatal(err)
	}
	if want := "ok: 5 releases (3 defence, 1 GDP, 1 population)"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("stdout %q, want it to start %q", out, want)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("release:\n  id: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, out, _ = clitest.Factory(t)
	err := validate.Run(&validate.Options{F: f, Paths: []string{bad}})
	if err == nil || !strings.Contains(err.Error(), "bad.yaml") || out.Len() != 0 {
		t.Errorf("bad file: %v, stdout %q; want an error naming bad.yaml and no ok", err, out)
	}
}
