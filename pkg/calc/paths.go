package calc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/targets"
)

// CountryPath is one country's path from its base year to the deadline.
type CountryPath struct {
	Code, Name string
	// Base is the year of the country's figures, the path's first year
	// (earlier than the query's year with Query.Latest).
	Base int
	// Estimate is true when the base year's figures are estimates.
	Estimate bool
	Points   []Point
}

// Paths are the spending paths of a report's countries to its one target
// by the deadline: what `natospend path` prints and `chart --kind path`
// draws, computed once.
type Paths struct {
	Target defence.Target
	// Measure is the target, or its core part when it has parts (hague):
	// resilience spending is not in NATO's tables.
	Measure  Measure
	Deadline int
	Shape    Shape
	// Countries, in the report's order, each with a path.
	Countries []CountryPath
	// NoPath names each country without a path and why, as notes.
	NoPath []string
}

// PathsOf lays out the path of each of rep's countries to its one target
// (the first) by the deadline rep.Query.By, which the report was computed
// with: from the country's base-year spending and GDP, GDP projected by
// the IMF WEO's growth of the newest GDP release (or the query's constant
// GDPGrowth), in the shape asked (Path). A country without spending or GDP
// in the base year, or whose path cannot be drawn, gets a note instead.
func PathsOf(ds *defence.Dataset, rep *Report, shape Shape) (*Paths, error) {
	q := rep.Query
	if q.By == 0 {
		return nil, fmt.Errorf("a path needs a deadline (Query.By)")
	}
	if len(q.Targets) != 1 || len(rep.Measures) == 0 {
		return nil, fmt.Errorf("a path is to one target, got %d", len(q.Targets))
	}
	mi := 0 // the whole target, or its core part when it has parts
	for i, m := range rep.Measures {
		if m.Part == PartCore {
			mi = i
		}
	}
	p := &Paths{Target: q.Targets[0], Measure: rep.Measures[mi], Deadline: q.By, Shape: shape}
	gdpRel := ds.ReleasesNewestFirst(defence.SeriesGDP)
	for _, code := range rep.Order {
		ln := rep.ByCode[code][mi]
		if !ln.Spending.Known || !ln.GDP.Known || ln.Year == 0 {
			p.NoPath = append(p.NoPath, fmt.Sprintf("%s: no path (%s in %s).", ln.Name, strings.ReplaceAll(string(ln.Status), "-", " "), q.Release.ID))
			continue
		}
		growth := GrowthFor(gdpRel, code, q.GDPGrowth)
		base, gdp := ln.Year, ln.GDP.V
		pts, err := Path(base, p.Deadline, gdp, ln.GDPSource, ln.Spending.V, p.Measure.Pct, ln.Status == StatusMeets, shape, func(y int) (Projected, error) {
			return ProjectGDP(gdp, base, y, growth)
		})
		if err != nil {
			p.NoPath = append(p.NoPath, fmt.Sprintf("%s: no path (%v).", ln.Name, err))
			continue
		}
		p.Countries = append(p.Countries, CountryPath{Code: code, Name: ln.Name, Base: base, Estimate: ln.Estimate, Points: pts})
	}
	return p, nil
}

// PartNote says, for a target with parts (hague), that the path is that of
// its core part; "" for a target without parts. The percentage is written
// as every target is (targets.FormatPct), in path and chart alike.
func (p *Paths) PartNote() string {
	if p.Measure.Part != PartCore {
		return ""
	}
	return fmt.Sprintf("The path is that of %s's core part (%s%%): resilience spending is not in NATO's tables.", p.Target.ID, targets.FormatPct(p.Measure.Pct))
}

// Total is the yearly sum of the countries' paths, for every year any of
// them has: GDP and spending summed (GDPSource "sum"), the share their
// ratio, the increase over the year before (unknown for the first year).
// A year sums only the countries whose path has it.
func (p *Paths) Total() []Point {
	byYear := map[int]*Point{}
	var ys []int
	for _, c := range p.Countries {
		for _, pt := range c.Points {
			g, ok := byYear[pt.Year]
			if !ok {
				g = &Point{Year: pt.Year, GDPSource: "sum"}
				byYear[pt.Year] = g
				ys = append(ys, pt.Year)
			}
			g.GDP += pt.GDP
			g.Spending += pt.Spending
		}
	}
	sort.Ints(ys)
	out := make([]Point, 0, len(ys))
	for i, y := range ys {
		g := *byYear[y]
		g.Share = g.Spending / g.GDP * 100
		if i > 0 {
			g.Increase = g.Spending - out[i-1].Spending
			g.HasIncrease = true
		}
		out = append(out, g)
	}
	return out
}

// MinBase is the earliest base year of the countries' paths (0: none).
func (p *Paths) MinBase() int {
	m := 0
	for _, c := range p.Countries {
		if m == 0 || c.Base < m {
			m = c.Base
		}
	}
	return m
}
