package pathcmd_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/pathcmd"
	"github.com/natospend/natospend/pkg/cli/query"
)

// argv -> options through the runF seam: path has no default target.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, pathcmd.NewCmd, "--target", "3.5", "--by", "2035", "--country", "DEU", "--shape", "growth", "--format", "csv", "--gdp-growth", "3")
	if strings.Join(o.Query.Targets, ",") != "3.5" || o.Query.By != 2035 || o.Query.GDPGrowth != "3" || strings.Join(o.Query.Select.Countries, ",") != "DEU" {
		t.Errorf("query options %+v", o.Query)
	}
	if o.Shape != "growth" || o.Out.Format != "csv" || o.Query.Sort != "name" || o.Query.TrendYears != calc.DefaultTrendYears {
		t.Errorf("path options %+v", o)
	}
	if d := clitest.MustParse(t, pathcmd.NewCmd); len(d.Query.Targets) != 0 || d.Shape != "linear" {
		t.Errorf("no flags: targets %v, shape %q; want none, linear", d.Query.Targets, d.Shape)
	}
	if o, err := clitest.Parse(t, pathcmd.NewCmd, "--shape", "steps"); err == nil || o != nil {
		t.Errorf("--shape steps: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options: Germany to hague-core (3.5% of GDP by 2035,
// its own deadline: The Hague Summit Declaration, 2025). Base year 2026 in
// NATO's 2026 release (nato-2026-07, June 2026): GDP $5,455,980 m, 2.69% of GDP,
// so spending 5,455,980 x 2.69% = 146,765.862; the path ends at 3.5% in
// 2035, ten rows in all.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	o := &pathcmd.Options{Shape: "linear", Out: cmdutil.OutputFlags{Format: "csv"}, Query: query.Options{F: f, Targets: []string{"hague-core"},
		Method: "share", Sort: "name", TrendYears: calc.DefaultTrendYears, Measure: "share", Select: query.SelectFlags{Countries: []string{"DEU"}}}}
	if err := pathcmd.Run(o); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil || len(rows) != 11 {
		t.Fatalf("%v: %d rows\n%s", err, len(rows), out)
	}
	col := map[string]int{}
	for i, k := range rows[0] {
		col[k] = i
	}
	first, last := rows[1], rows[10]
	for _, c := range []struct {
		row       []string
		key, want string
	}{
		{first, "year", "2026"}, {first, "gdp_musd", "5455980"}, {first, "share_pct", "2.69"}, {first, "spending_musd", "146765.862"}, {first, "increase_musd", ""},
		{last, "year", "2035"}, {last, "share_pct", "3.5"}, {last, "deadline", "2035"}, {last, "target", "hague-core"},
	} {
		if got := c.row[col[c.key]]; got != c.want {
			t.Errorf("%s %s = %q, want %q", c.row[col["year"]], c.key, got, c.want)
		}
	}
	o.Query.Targets = nil
	if err := pathcmd.Run(o); err == nil || !cmdutil.IsUsage(err) || !strings.HasPrefix(err.Error(), "--target is required") {
		t.Errorf("no target: %v, want the usage error --target is required", err)
	}
}
