package calc

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// pathLine is a country's line in a report: base-year figures in million
// USD.
func pathLine(code, name string, year int, gdp, spending defence.Num, status Status, m Measure) Line {
	return Line{Row: Row{Obs: Obs{Code: code, Name: name, Year: year, GDP: gdp, GDPSource: "r"}, Spending: spending, Status: status}, Measure: m}
}

// PathsOf, worked by hand: GDP grows at a constant 10% a year from 2026
// (1,000 -> 1,100 -> 1,210 -> 1,331), deadline 2029, target 3.5%.
//   - AAA, 2% (spending 20), short, linear: shares 2, 2.5, 3, 3.5;
//     spending 20, 27.5, 36.3, 46.585.
//   - BBB, 5% of a GDP of 500 (spending 25), meets: keeps 5% of 500, 550,
//     605, 665.5: 25, 27.5, 30.25, 33.275.
//   - CCC has no figures: no path, a note naming its status and release.
//
// The total sums both by year: GDP 1,500, 1,650, 1,815, 1,996.5; spending
// 45, 55, 66.55, 79.86; share 3, 3.3333, 3.6667, 4; increases 10, 11.55,
// 13.31.
func TestPathsOf(t *testing.T) {
	growth := 10.0
	m := Measure{Target: defence.Target{Pct: 3.5}, Pct: 3.5}
	known := func(v float64) defence.Num { return defence.Num{V: v, Known: true} }
	rep := &Report{
		Query:    &Query{Targets: []defence.Target{m.Target}, By: 2029, GDPGrowth: &growth, Release: &defence.Release{ID: "r"}},
		Measures: []Measure{m},
		Order:    []string{"AAA", "BBB", "CCC"},
		ByCode: map[string][]Line{
			"AAA": {pathLine("AAA", "Aland", 2026, known(1000), known(20), StatusShort, m)},
			"BBB": {pathLine("BBB", "Bland", 2026, known(500), known(25), StatusMeets, m)},
			"CCC": {pathLine("CCC", "Cland", 0, defence.Num{}, defence.Num{}, StatusNoData, m)},
		},
	}
	ps, err := PathsOf(&defence.Dataset{}, rep, ShapeLinear)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.Countries) != 2 || ps.Countries[0].Code != "AAA" || ps.Countries[1].Code != "BBB" || ps.Deadline != 2029 {
		t.Fatalf("paths %+v", ps)
	}
	if want := []string{"Cland: no path (no data in r)."}; strings.Join(ps.NoPath, "|") != want[0] {
		t.Fatalf("NoPath %q, want %q", ps.NoPath, want)
	}
	if ps.PartNote() != "" || ps.MinBase() != 2026 {
		t.Fatalf("PartNote %q MinBase %d", ps.PartNote(), ps.MinBase())
	}
	for i, want := range []float64{20, 27.5, 36.3, 46.585} {
		close(t, "AAA spending", ps.Countries[0].Points[i].Spending, want, 1e-9)
	}
	for i, want := range []float64{25, 27.5, 30.25, 33.275} {
		close(t, "BBB spending", ps.Countries[1].Points[i].Spending, want, 1e-9)
		close(t, "BBB share", ps.Countries[1].Points[i].Share, 5, 1e-9)
	}
	total := ps.Total()
	if len(total) != 4 || total[0].Year != 2026 || total[3].Year != 2029 || total[0].HasIncrease || total[0].GDPSource != "sum" {
		t.Fatalf("total %+v", total)
	}
	for i, w := range []struct{ gdp, spend, share, inc float64 }{{1500, 45, 3, 0}, {1650, 55, 10.0 / 3, 10}, {1815, 66.55, 11.0 / 3, 11.55}, {1996.5, 79.86, 4, 13.31}} {
		close(t, "total GDP", total[i].GDP, w.gdp, 1e-9)
		close(t, "total spending", total[i].Spending, w.spend, 1e-9)
		close(t, "total share", total[i].Share, w.share, 1e-9)
		if i > 0 {
			close(t, "total increase", total[i].Increase, w.inc, 1e-9)
		}
	}
}

// A target made of parts (hague 5% = core 3.5% + resilience 1.5%): the
// path is that of the core part, and says so.
func TestPathsOfCorePart(t *testing.T) {
	growth := 0.0
	hague := defence.Target{ID: "hague", Pct: 5}
	ms := []Measure{{Target: hague, Pct: 5}, {Target: hague, Part: PartCore, Pct: 3.5}, {Target: hague, Part: PartResilience, Pct: 1.5}}
	known := func(v float64) defence.Num { return defence.Num{V: v, Known: true} }
	var lines []Line
	for _, m := range ms {
		lines = append(lines, pathLine("AAA", "Aland", 2026, known(1000), known(20), StatusShort, m))
	}
	rep := &Report{
		Query:    &Query{Targets: []defence.Target{hague}, By: 2028, GDPGrowth: &growth, Release: &defence.Release{ID: "r"}},
		Measures: ms, Order: []string{"AAA"}, ByCode: map[string][]Line{"AAA": lines},
	}
	ps, err := PathsOf(&defence.Dataset{}, rep, ShapeLinear)
	if err != nil {
		t.Fatal(err)
	}
	// GDP flat at 1,000: 2% -> 2.75% -> 3.5%, spending 20, 27.5, 35.
	if ps.Measure.Part != PartCore || len(ps.Countries) != 1 {
		t.Fatalf("paths %+v", ps)
	}
	for i, want := range []float64{20, 27.5, 35} {
		close(t, "core spending", ps.Countries[0].Points[i].Spending, want, 1e-9)
	}
	if want := "The path is that of hague's core part (3.5%): resilience spending is not in NATO's tables."; ps.PartNote() != want {
		t.Fatalf("PartNote %q, want %q", ps.PartNote(), want)
	}
	rep.Query.By = 0
	if _, err := PathsOf(&defence.Dataset{}, rep, ShapeLinear); err == nil {
		t.Fatal("no deadline: no error")
	}
}
