package gapreport

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/years"
)

// Bars is the report as terminal bars (--format bars): each row's share of
// GDP (the share its verdict compares with the targets: published, or
// defence / GDP with --method usd; the equipment share of defence with
// --measure equipment), in the report's order (--sort), with every target
// marked. A row without a share shows its status instead of a bar.
func (r *Report) Bars() *render.BarChart {
	of := "Share of GDP"
	if r.Query.Measure == defence.MeasureEquipment {
		of = "Equipment share of defence spending"
	} else if r.Query.Method == calc.MethodUSD {
		of = "Defence / GDP (current USD)"
	}
	in := strconv.Itoa(r.Query.Year)
	if r.multi() {
		in = years.Format(r.Years)
	}
	var ids []string
	for _, rel := range r.releases() {
		ids = append(ids, rel.ID)
	}
	var names []string
	c := &render.BarChart{Unit: "%", Decimals: 2}
	seen := map[float64]bool{}
	for _, m := range r.Measures {
		if m.Part == calc.PartResilience || seen[m.Pct] {
			continue
		}
		seen[m.Pct] = true
		c.Targets = append(c.Targets, render.BarTarget{Value: m.Pct, Label: m.Label()})
		names = append(names, m.Label())
	}
	sort.SliceStable(c.Targets, func(i, j int) bool { return c.Targets[i].Value < c.Targets[j].Value })
	names = names[:0]
	for _, t := range c.Targets {
		names = append(names, t.Label)
	}
	c.Title = fmt.Sprintf("%s (%%) in %s against %s: release %s", of, in, listAnd(names), strings.Join(ids, ", "))
	estimates, earlier := false, false
	for _, id := range r.Order {
		ln := r.ByCode[id][0]
		label := ln.Name
		if len(r.Years) > 1 {
			label += " " + strconv.Itoa(ln.Year)
		}
		if len(r.Releases) > 1 {
			label += " " + ln.Release
		}
		row := render.BarRow{Label: label, Value: ln.Measured.V, Known: ln.Measured.Known, Missing: string(ln.Status)}
		if ln.Earlier {
			row.Mark += "*"
			earlier = true
		}
		if ln.Estimate {
			row.Mark += "e"
			estimates = true
		}
		c.Rows = append(c.Rows, row)
	}
	if estimates {
		c.Legend = append(c.Legend, "e: estimate")
	}
	if earlier {
		c.Legend = append(c.Legend, "*: an earlier year (--latest)")
	}
	for _, rel := range r.releases() {
		c.Notes = append(c.Notes, calc.SourceOf(rel).Line())
	}
	return c
}

// listAnd joins names: "a", "a and b", "a, b and c".
func listAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
