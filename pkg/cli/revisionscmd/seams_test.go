package revisionscmd_test

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/revisionscmd"
)

// argv -> options through the runF seam.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, revisionscmd.NewCmd, "--from", "nato-2024-06", "--to", "nato-2025-08", "--figure", "share", "--revised-only", "--country", "DEU", "--year", "2023")
	if o.From != "nato-2024-06" || o.To != "nato-2025-08" || o.Figure != "share" || !o.RevisedOnly || strings.Join(o.Countries, ",") != "DEU" || strings.Join(o.Years, ",") != "2023" {
		t.Errorf("options %+v", o)
	}
	if d := clitest.MustParse(t, revisionscmd.NewCmd); d.Figure != revisionscmd.FigureAll || d.RevisedOnly {
		t.Errorf("no flags: figure %q, revised only %v", d.Figure, d.RevisedOnly)
	}
	if o, err := clitest.Parse(t, revisionscmd.NewCmd, "--figure", "population"); err == nil || o != nil {
		t.Errorf("--figure population: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options. Germany's 2023 share of GDP: 1.6404% in
// NATO's June 2024 release (nato-2024-06, table 3), 1.615% in its August
// 2025 release (nato-2025-08); by hand, -0.0254 points, -0.0254 / 1.6404
// = -1.548403%.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	o := &revisionscmd.Options{F: f, From: "nato-2024-06", To: "nato-2025-08", Figure: "share", Countries: []string{"DEU"}, Years: []string{"2023"}, Out: cmdutil.OutputFlags{Format: "csv"}}
	if err := revisionscmd.Run(o); err != nil {
		t.Fatal(err)
	}
	rows := clitest.CSVRows(t, out.String())
	if len(rows) != 1 || rows[0]["old"] != "1.6404" || rows[0]["new"] != "1.615" || rows[0]["change"] != "-0.0254" || rows[0]["change_pct"] != "-1.548403" {
		t.Errorf("rows %v", rows)
	}
}
