package historycmd_test

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/historycmd"
)

// argv -> options through the runF seam.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, historycmd.NewCmd, "--country", "DEU,POL", "--year", "2014-2024", "--release", "nato-2024-06", "--exclude", "POL", "--format", "tsv")
	if strings.Join(o.Countries, ",") != "DEU,POL" || strings.Join(o.Years, ",") != "2014-2024" || o.Release != "nato-2024-06" || strings.Join(o.Exclude, ",") != "POL" || o.Out.Format != "tsv" {
		t.Errorf("options %+v", o)
	}
	if o, err := clitest.Parse(t, historycmd.NewCmd, "2024"); err == nil || o != nil {
		t.Errorf("an argument: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options. Germany in NATO's June 2024 release
// (nato-2024-06, table 3): 1.6404% of GDP in 2023, 2.119% in 2024; by
// hand, the change is 2.119 - 1.6404 = 0.4786 points.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	o := &historycmd.Options{F: f, Countries: []string{"DEU"}, Years: []string{"2023-2024"}, Release: "nato-2024-06", Out: cmdutil.OutputFlags{Format: "csv"}}
	if err := historycmd.Run(o); err != nil {
		t.Fatal(err)
	}
	rows := clitest.CSVRows(t, out.String())
	if len(rows) != 2 || rows[0]["year"] != "2023" || rows[0]["share_pct"] != "1.6404" || rows[1]["share_pct"] != "2.119" || rows[1]["share_change_pts"] != "0.4786" {
		t.Errorf("rows %v", rows)
	}
	o.Out.Format = "bars" // gap's alone
	if err := historycmd.Run(o); err == nil || !cmdutil.IsUsage(err) {
		t.Errorf("--format bars: %v, want a usage error", err)
	}
}
