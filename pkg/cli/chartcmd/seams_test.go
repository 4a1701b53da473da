package chartcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/chartcmd"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
)

// argv -> options through the runF seam: chart takes gap's query flags
// and no output format of the query's own (the file's extension says it).
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, chartcmd.NewCmd, "--kind", "path", "--target", "hague-core", "--country", "DEU,FRA", "--shape", "growth", "--output", "p.svg")
	if o.Kind != chartcmd.KindPath || o.Shape != "growth" || o.Output != "p.svg" {
		t.Errorf("chart options %+v", o)
	}
	if strings.Join(o.Query.Targets, ",") != "hague-core" || !o.Query.TargetsSet || strings.Join(o.Query.Select.Countries, ",") != "DEU,FRA" || o.Query.Sort != "name" {
		t.Errorf("query options %+v", o.Query)
	}
	if d := clitest.MustParse(t, chartcmd.NewCmd); d.Kind != chartcmd.KindShare || strings.Join(d.Query.Targets, ",") != "2" || d.Query.TrendYears != calc.DefaultTrendYears {
		t.Errorf("no flags: kind %q targets %v trend years %d", d.Kind, d.Query.Targets, d.Query.TrendYears)
	}
	if o, err := clitest.Parse(t, chartcmd.NewCmd, "--kind", "pie"); err == nil || o != nil {
		t.Errorf("--kind pie: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options writes the file its extension names: a share
// chart of Germany and France; the SVG names both and the release.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	file := filepath.Join(t.TempDir(), "share.svg")
	o := &chartcmd.Options{Kind: chartcmd.KindShare, Shape: "linear", Output: file, Query: query.Options{F: f, Targets: []string{"2"},
		Method: "share", Sort: "name", TrendYears: calc.DefaultTrendYears, Measure: "share", Select: query.SelectFlags{Countries: []string{"DEU", "FRA"}}}}
	if err := chartcmd.Run(o); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(file)
	if err != nil || out.Len() != 0 {
		t.Fatalf("%v; stdout %q", err, out)
	}
	for _, want := range []string{"<svg", "Germany", "France", "nato-2026-07"} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("the SVG has no %q", want)
		}
	}
	// No --output: standard output, not a terminal here: the same SVG
	// (issue 22, item 6); --format png and a .svg file disagree.
	o.Output = ""
	if err := chartcmd.Run(o); err != nil || out.String() != string(svg) {
		t.Errorf("no --output: %v, stdout %d bytes, want the file's %d", err, out.Len(), len(svg))
	}
	o.Output, o.Format = file, "png"
	if err := chartcmd.Run(o); err == nil || !cmdutil.IsUsage(err) {
		t.Errorf("--format png --output share.svg: %v, want a usage error", err)
	}
}
