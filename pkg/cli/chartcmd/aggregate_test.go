package chartcmd_test

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/chart"
	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/chartcmd"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// jsonOf runs natospend in process and decodes its JSON output.
func jsonOf(t *testing.T, args ...string) map[string]any {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main(append(args, "--format", "json"), ios); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return doc
}

// drawn runs chart and returns the chart it drew.
func drawn(t *testing.T, args ...string) any {
	t.Helper()
	var got any
	chartcmd.InspectChart(func(c any) { got = c })
	defer chartcmd.InspectChart(nil)
	draw(t, "c.svg", args...)
	if got == nil {
		t.Fatalf("%v: no chart", args)
	}
	// No text overlaps another or crosses a target line.
	if c, err := got.(interface{ Collisions() ([]string, error) }).Collisions(); err != nil || len(c) > 0 {
		t.Errorf("%v: collisions %v, %v", args, c, err)
	}
	return got
}

// --aggregate draws a group of any size as its aggregate (issue 22, item
// 6): the history line's point of every year is the share_pct of the
// total that natospend gap --year Y prints for the same group (one rule
// per concept), the path line is natospend path's total row, and the
// share chart's extra bar is gap's total share. Europe in 2026 (nato-2026-07):
// defence 724,609 m (NATO's published figures) / GDP 28,170,716 m current
// USD, the sums of the 30 rows gap shows (the 29 European allies in
// shared/data's nato_defence_expenditure.csv, vintage
// NATO-2026-07-core, GDP 28,127,312 m, and Iceland, no defence figure,
// with the IMF's October 2025 GDP, 43,404 m, imf_weo_gdp.csv), = 2.572%,
// "2.57 e" (the 2026 figures are estimates).
func TestAggregate(t *testing.T) {
	h := drawn(t, "--kind", "history", "--group", "europe", "--aggregate").(*chart.LineChart)
	if len(h.Series) != 1 {
		t.Fatalf("history: %d lines, want 1", len(h.Series))
	}
	if got := h.Series[0].Label; got != "European allies (aggregate) 2.57 e" {
		t.Errorf("history: label %q, want %q", got, "European allies (aggregate) 2.57 e")
	}
	if len(h.Series[0].Points) != 13 {
		t.Errorf("history: %d points, want 13 (2014-2026)", len(h.Series[0].Points))
	}
	for _, p := range h.Series[0].Points {
		y := strconv.Itoa(int(p.X))
		doc := jsonOf(t, "gap", "--group", "europe", "--year", y, "--release", "nato-2026-07")
		tot := doc["totals"].([]any)[0].(map[string]any)
		share, ok := tot["share_pct"].(float64)
		if !ok || !p.Known {
			t.Errorf("history %s: chart known %v, gap's total share %v", y, p.Known, tot["share_pct"])
			continue
		}
		if math.Abs(p.Y-share) > 5e-7 { // JSON rounds to 6 decimals
			t.Errorf("history %s: chart %.6f, gap's total share %.6f", y, p.Y, share)
		}
	}
	if last := h.Series[0].Points[12]; math.Abs(last.Y-724609.0/28170716*100) > 1e-6 {
		t.Errorf("history 2026: %.6f, want 724,609 / 28,170,716 x 100", last.Y)
	}

	// NATO Total, which the release publishes, as a line of its own, as
	// printed: 2.56% in 2014 and 2.86% (estimate) in 2026 in nato-2026-07
	// (gap's note quotes the same), beside the aggregate of the rows.
	n := drawn(t, "--kind", "history", "--group", "nato", "--aggregate").(*chart.LineChart)
	if len(n.Series) != 2 || n.Series[1].Label != "NATO Total (as published) 2.86 e" || math.Abs(n.Series[1].Points[0].Y-2.56) > 0.005 || n.Series[1].Points[0].X != 2014 {
		t.Errorf("nato: series %+v", n.Series)
	}
	if !strings.Contains(strings.Join(n.Notes, " "), "NATO Total (as published): NATO's own aggregate share in nato-2026-07, as printed") {
		t.Errorf("nato: notes %q", n.Notes)
	}

	p := drawn(t, "--kind", "path", "--target", "3.5", "--by", "2035", "--group", "europe", "--aggregate").(*chart.LineChart)
	doc := jsonOf(t, "path", "--target", "3.5", "--by", "2035", "--group", "europe")
	totals := doc["totals"].([]any)
	if len(p.Series) != 1 || len(p.Series[0].Points) != len(totals) {
		t.Fatalf("path: %d lines, want 1 with %d points (path's total rows)", len(p.Series), len(totals))
	}
	for i, row := range totals {
		r := row.(map[string]any)
		pt := p.Series[0].Points[i]
		if int(pt.X) != int(r["year"].(float64)) || math.Abs(pt.Y*1000-r["spending_musd"].(float64)) > 1e-3 {
			t.Errorf("path point %d: chart %v, %.3f m; path's total %v, %v m", i, pt.X, pt.Y*1000, r["year"], r["spending_musd"])
		}
	}
	if got := p.Series[0].Label; got != "Total: European allies 1,418.2" {
		t.Errorf("path: label %q", got)
	}

	s := drawn(t, "--kind", "share", "--group", "europe", "--aggregate").(*chart.BarChart)
	found := false
	for _, b := range s.Bars {
		if b.Label == "European allies (aggregate)" {
			found = true
			if b.ValueLabel != "2.57 e" || math.Abs(b.Value-724609.0/28170716*100) > 1e-6 {
				t.Errorf("share: aggregate bar %v %q", b.Value, b.ValueLabel)
			}
		}
	}
	if !found || len(s.Bars) != 30 || !strings.HasPrefix(s.Subtitle, "29 countries with figures") {
		t.Errorf("share: aggregate bar found %v, %d bars (want 29 countries and the aggregate), subtitle %q", found, len(s.Bars), s.Subtitle)
	}

	// Without --aggregate a group of 30 is still refused, and --kind gap
	// takes no aggregate.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "path", "--target", "3.5", "--by", "2035", "--group", "europe"}, "or draw its aggregate with --aggregate"},
		{[]string{"--kind", "gap", "--target", "3.5", "--group", "europe", "--aggregate"}, "--aggregate: --kind gap draws each country's gap"},
		// A release of shares only (nato-2025-08: NATO's share and
		// equipment tables, no USD or GDP table, shared/data README) has
		// no money to add up: a usage error naming the release, what it
		// lacks and the releases to use, not a failure (exit 1).
		{[]string{"--kind", "history", "--aggregate", "--release", "nato-2025-08"}, "--aggregate: release nato-2025-08 publishes shares of GDP only, no defence or GDP in million USD"},
		{[]string{"--kind", "history", "--group", "europe", "--aggregate", "--release", "nato-2025-08"}, "use a release with money figures: --release nato-2024-06 or --release nato-2026-07"},
	} {
		code, errOut, data := run(t, t.TempDir(), "c.svg", append([]string{"chart"}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) || data != nil {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errOut)
		}
	}
}
