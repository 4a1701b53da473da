package targetscmd_test

import (
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/targetscmd"
)

// argv -> options through the runF seam.
func TestParseOptions(t *testing.T) {
	if o := clitest.MustParse(t, targetscmd.NewCmd, "--format", "csv", "--delimiter", ";"); o.Out.Format != "csv" || o.Out.Delimiter != ";" {
		t.Errorf("options %+v", o.Out)
	}
	if o, err := clitest.Parse(t, targetscmd.NewCmd, "hague"); err == nil || o != nil {
		t.Errorf("an argument: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options: the named targets as agreed. The Wales Summit
// Declaration (5 September 2014, paragraph 14): 2% of GDP within a decade,
// hence 2024; the Hague Summit Declaration (25 June 2025): 5% by 2035, 3.5%
// of it core defence.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	if err := targetscmd.Run(&targetscmd.Options{F: f, Out: cmdutil.OutputFlags{Format: "csv"}}); err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]string{}
	for _, r := range clitest.CSVRows(t, out.String()) {
		byID[r["id"]] = r
	}
	for _, c := range []struct{ id, pct, deadline, agreed string }{
		{"nato-2014", "2", "2024", "2014-09-05"},
		{"hague", "5", "2035", "2025-06-25"},
		{"hague-core", "3.5", "2035", "2025-06-25"},
	} {
		r := byID[c.id]
		if r == nil || r["target_pct"] != c.pct || r["deadline"] != c.deadline || r["agreed"] != c.agreed {
			t.Errorf("%s: %v, want %s%% by %s, agreed %s", c.id, r, c.pct, c.deadline, c.agreed)
		}
	}
}
