package chartcmd_test

import (
	"math"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/chart"
)

// barOf is the bar whose label starts with name.
func barOf(t *testing.T, c *chart.BarChart, name string) chart.Bar {
	t.Helper()
	for _, b := range c.Bars {
		if strings.HasPrefix(b.Label, name) {
			return b
		}
	}
	t.Fatalf("no bar %q", name)
	return chart.Bar{}
}

func row0(t *testing.T, doc map[string]any) map[string]any {
	t.Helper()
	return doc["rows"].([]any)[0].(map[string]any)
}

// --per-capita and --currency eur where a chart draws money (issue 22,
// item 6), by gap's own code, so that a chart and gap print the same
// number: Germany's gap to 3.5% in 2026 per head is gap --per-capita's
// Gap/head, $44,193.4 m / 83.777 m people (IMF WEO October 2025) = 528
// USD per person; its gap in 2024 in euros (nato-2024-06) gap --currency
// eur's gap_mcur, at the
// 0.927320 EUR per USD the euro-area allies' own figures imply; its path
// to 3.5% by 2035 ends at gap --by 2035's requirement at the base year's
// rate; its path per head divides each year's spending by the population
// of the year.
func TestMoney(t *testing.T) {
	g := drawn(t, "--kind", "gap", "--target", "3.5", "--country", "DEU,FRA", "--per-capita").(*chart.BarChart)
	doc := jsonOf(t, "gap", "--target", "3.5", "--country", "DEU", "--per-capita")
	want := row0(t, doc)["gap_per_capita_usd"].(float64)
	b := barOf(t, g, "Germany")
	if math.Abs(b.Value-want) > 1e-6 || b.ValueLabel != "528 e" {
		t.Errorf("per head: bar %v (%q), gap --per-capita %v", b.Value, b.ValueLabel, want)
	}
	if !strings.HasSuffix(g.Title, "USD per person") || !strings.HasPrefix(g.Subtitle, "2 short, 0 meet it;") {
		t.Errorf("per head: title %q, subtitle %q", g.Title, g.Subtitle)
	}

	e := drawn(t, "--kind", "gap", "--target", "3.5", "--country", "DEU", "--currency", "eur", "--release", "nato-2024-06").(*chart.BarChart)
	r := row0(t, jsonOf(t, "gap", "--target", "3.5", "--country", "DEU", "--currency", "eur", "--release", "nato-2024-06"))
	b = barOf(t, e, "Germany")
	if math.Abs(b.Value*1000-r["gap_mcur"].(float64)) > 1e-3 || b.ValueLabel != "59.0 e" || r["rate_per_usd"].(float64) != 0.92732 {
		t.Errorf("eur: bar %v (%q), gap --currency eur %v at %v", b.Value*1000, b.ValueLabel, r["gap_mcur"], r["rate_per_usd"])
	}
	if !strings.Contains(strings.Join(e.Notes, "\n"), "0.927320 EUR per USD in 2024") {
		t.Errorf("eur: notes %q do not cite the rate", e.Notes)
	}

	p := drawn(t, "--kind", "path", "--target", "3.5", "--by", "2035", "--country", "DEU", "--currency", "eur", "--release", "nato-2024-06").(*chart.LineChart)
	r = row0(t, jsonOf(t, "gap", "--target", "3.5", "--by", "2035", "--country", "DEU", "--currency", "eur", "--release", "nato-2024-06"))
	pts := p.Series[0].Points
	// rate_per_usd is printed to 6 decimals: a relative tolerance of 1e-6.
	if last := pts[len(pts)-1]; math.Abs(last.Y*1000/(r["required_deadline_musd"].(float64)*r["rate_per_usd"].(float64))-1) > 1e-6 || p.Series[0].Label != "Germany 223.0" {
		t.Errorf("eur path: ends at %v (%q), gap: %v x %v", last.Y*1000, p.Series[0].Label, r["required_deadline_musd"], r["rate_per_usd"])
	}

	// The path per head: each year's spending over that year's population
	// (the IMF WEO's, as gap --per-capita's Pop. m in 2026), known to 2030,
	// the population's last year; the label says 2030.
	p = drawn(t, "--kind", "path", "--target", "3.5", "--by", "2035", "--country", "DEU", "--per-capita").(*chart.LineChart)
	path := jsonOf(t, "path", "--target", "3.5", "--by", "2035", "--country", "DEU")
	pop := row0(t, jsonOf(t, "gap", "--target", "3.5", "--country", "DEU", "--per-capita"))["population_m"].(float64)
	spend := row0(t, path)["spending_musd"].(float64)
	pts = p.Series[0].Points
	if first := pts[0]; first.X != 2026 || !first.Known || math.Abs(first.Y/(spend/pop)-1) > 1e-6 {
		t.Errorf("path per head: 2026 %+v, want %v / %v", first, spend, pop)
	}
	for _, pt := range pts {
		if pt.Known != (pt.X <= 2030) {
			t.Errorf("path per head: %v known %v (the population is known to 2030)", pt.X, pt.Known)
		}
	}
	if !strings.HasSuffix(p.Series[0].Label, " (2030)") || !strings.HasPrefix(p.Title, "Spending path per head") ||
		!strings.Contains(strings.Join(p.Notes, " "), "No population, so no figure per head, in 2031-2035.") {
		t.Errorf("path per head: label %q, title %q, notes %q", p.Series[0].Label, p.Title, p.Notes)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--per-capita"}, "--per-capita: --kind share draws no figure per head"},
		{[]string{"--kind", "history", "--country", "DEU", "--currency", "eur"}, "--currency eur: --kind history draws shares of GDP, not money"},
		{[]string{"--kind", "gap", "--per-capita", "--currency", "eur"}, "figures per head are in USD per person"},
		{[]string{"--kind", "gap", "--currency", "eur", "--release", "nato-2025-08"}, "--currency eur: release nato-2025-08 publishes no defence figures in national currency"},
		{[]string{"--kind", "gap", "--currency", "national"}, `--currency "national" is not`},
	} {
		code, errOut, data := run(t, t.TempDir(), "c.svg", append([]string{"chart"}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) || data != nil {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}
