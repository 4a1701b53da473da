package gap_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/gap"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/lists"
)

// argv -> options through the runF seam: the flags land in their fields,
// the others keep their defaults, and a refused value runs nothing.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, gap.NewCmd, "--target", "2,3.5", "--country", "DEU", "--year", "2024", "--release", "nato-2024-06",
		"--by", "2030", "--burden", "--format", "json", "--sort", "name", "--currency", "eur")
	if got := strings.Join(lists.Split(o.Targets), " "); got != "2 3.5" || !o.TargetsSet {
		t.Errorf("targets %q (set %v), want 2 3.5", got, o.TargetsSet)
	}
	if strings.Join(o.Select.Countries, ",") != "DEU" || strings.Join(o.Years, ",") != "2024" || o.Release != "nato-2024-06" || o.By != 2030 {
		t.Errorf("query options %+v", o.Options)
	}
	if !o.Burden || o.Out.Format != "json" || o.Sort != "name" || o.Currency != "eur" || o.PerCapita || o.ShowAid {
		t.Errorf("gap options %+v", o)
	}
	if o.Method != "share" || o.Measure != "share" || o.TrendYears != calc.DefaultTrendYears || o.TrendYearsSet {
		t.Errorf("defaults: method %q measure %q trend years %d (set %v)", o.Method, o.Measure, o.TrendYears, o.TrendYearsSet)
	}
	d := clitest.MustParse(t, gap.NewCmd)
	if strings.Join(d.Targets, ",") != "2" || d.TargetsSet || d.Sort != "gap" || d.Out.Format != "table" {
		t.Errorf("no flags: targets %v (set %v), sort %q, format %q; want 2, gap, table", d.Targets, d.TargetsSet, d.Sort, d.Out.Format)
	}
	if o, err := clitest.Parse(t, gap.NewCmd, "--sort", "size"); err == nil || o != nil {
		t.Errorf("--sort size: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options, to test streams. Germany, 2024, in NATO's
// June 2024 release (nato-2024-06, Defence Expenditure of NATO Countries
// (2014-2024), tables 2, 3 and 6): defence $97,685.59 m as published, GDP
// $4,610,035.22 m, 2.119% of GDP. By hand: defence at share = 2.119% x
// 4,610,035.22 = 97,686.646312; gap to 2% = (2 - 2.119)% x 4,610,035.22 =
// -5,485.941912 (a surplus): meets.
func TestRunHandBuilt(t *testing.T) {
	f, out, errOut := clitest.Factory(t)
	o := &gap.Options{
		Options: query.Options{F: f, Targets: []string{"2"}, Years: []string{"2024"}, Release: "nato-2024-06", Method: "share", Sort: "gap",
			TrendYears: calc.DefaultTrendYears, Measure: "share", Select: query.SelectFlags{Countries: []string{"DEU"}}},
		Out: cmdutil.OutputFlags{Format: "csv"},
	}
	if err := gap.Run(o); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v: %d rows\n%s", err, len(rows), out)
	}
	got := map[string]string{}
	for i, k := range rows[0] {
		got[k] = rows[1][i]
	}
	for k, want := range map[string]string{"code": "DEU", "year": "2024", "gdp_musd": "4610035.22", "share_pct": "2.119",
		"defence_musd": "97685.59", "defence_at_share_musd": "97686.646312", "gap_musd": "-5485.941912", "status": "meets"} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	if want := "natospend: using release nato-2024-06 (from --release), not the default nato-2026-07\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	o.Out.Format = "xml"
	if err := gap.Run(o); err == nil || !cmdutil.IsUsage(err) {
		t.Errorf("--format xml: %v, want a usage error", err)
	}
}
