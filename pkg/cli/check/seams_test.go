package check_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/check"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
)

// argv -> options through the runF seam.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, check.NewCmd, "--target", "hague-core", "--group", "europe", "--on-track", "--allow-missing", "--format", "text", "--trend-years", "8")
	if strings.Join(o.Query.Targets, ",") != "hague-core" || !o.Query.TargetsSet || strings.Join(o.Query.Select.Groups, ",") != "europe" {
		t.Errorf("query options %+v", o.Query)
	}
	// text is the old name of table; check gates with no output format of
	// the query's own, and sorts by gap.
	if !o.OnTrack || !o.AllowMissing || o.Format != check.FormatTable || o.Query.TrendYears != 8 || o.Query.Sort != "gap" || !o.Query.DecimalCommaIsError {
		t.Errorf("check options %+v", o)
	}
	if o, err := clitest.Parse(t, check.NewCmd, "--format", "bars"); err == nil || o != nil {
		t.Errorf("--format bars: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options. NATO's June 2024 release (nato-2024-06,
// table 3): Germany 2.12% of GDP in 2024 (2.119), Spain 1.28%: Spain
// falls short of 2%, Germany meets it; the gate exits 3 and prints Spain
// alone.
func TestRunHandBuilt(t *testing.T) {
	f, out, errOut := clitest.Factory(t)
	o := &check.Options{Format: check.FormatTable, Query: query.Options{F: f, Targets: []string{"2"}, Years: []string{"2024"}, Release: "nato-2024-06",
		Method: "share", Sort: "gap", TrendYears: calc.DefaultTrendYears, Measure: "share", Select: query.SelectFlags{Countries: []string{"DEU", "ESP"}}}}
	err := check.Run(o)
	var ee *cmdutil.ExitError
	if !errors.As(err, &ee) || ee.Code != 3 {
		t.Fatalf("err = %v, want exit 3", err)
	}
	if !strings.HasPrefix(out.String(), "short\tESP\tSpain\t2%: 1.28% of GDP in 2024") || strings.Contains(out.String(), "DEU") {
		t.Errorf("stdout %q, want Spain short alone", out)
	}
	if !strings.Contains(errOut.String(), "check: 1 short, 0 without a verdict, of 2 countries checked against 2%") {
		t.Errorf("stderr %q", errOut)
	}
}
