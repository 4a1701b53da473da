package importcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/importcmd"
)

// argv -> options through the runF seam of import nato.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, importcmd.NewCmd, "nato", "book.xlsx", "--id", "my-2024", "--output", "my.yaml", "--published", "2024-06-17", "--definition", "classic", "--accept-differences")
	if o.Path != "book.xlsx" || o.ID != "my-2024" || o.Output != "my.yaml" || o.Published != "2024-06-17" || o.Definition != "classic" || !o.AcceptDifferences {
		t.Errorf("options %+v", o)
	}
	if o, err := clitest.Parse(t, importcmd.NewCmd, "nato", "a.xlsx", "b.xlsx"); err == nil || o != nil || !cmdutil.IsUsage(err) {
		t.Errorf("two workbooks: %v, options %v; want a usage error and no run", err, o)
	}
}

// RunNATO on hand-built options: NATO's June 2024 workbook to a file.
// Germany 2024, checked by hand against the workbook (TABLE2 N21
// 97685.590083952178: 97685.59; Table 4 H33 2.1189770886676191: 2.1190).
func TestRunHandBuilt(t *testing.T) {
	wb := workbook(t)
	f, out, _ := clitest.Factory(t)
	file := filepath.Join(t.TempDir(), "my.yaml")
	if err := importcmd.RunNATO(&importcmd.NATOOptions{F: f, Path: wb, ID: "my-2024", Output: file}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil || out.Len() != 0 {
		t.Fatalf("%v; stdout %q", err, out)
	}
	if want := "    2024: {gdp_musd: 4610035.22, defence_musd: 97685.59, share_pct: 2.1190,"; !strings.Contains(string(data), want) {
		t.Errorf("the release lacks %q", want)
	}
	err = importcmd.RunNATO(&importcmd.NATOOptions{F: f, Path: wb, ID: "Not An ID"})
	if err == nil || !cmdutil.IsUsage(err) {
		t.Errorf("--id 'Not An ID': %v, want a usage error", err)
	}
}
