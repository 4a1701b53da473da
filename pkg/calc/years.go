package calc

import (
	"slices"
	"sort"
	"strconv"
)

// Merge joins the reports of the same query for several years and
// releases into one, with one line per country, year, release and measure,
// ordered by country name, then year, then release (in the order given),
// and every report's totals (MeasureTotals.Year and .Release say whose). A
// single report is returned as it is. Countries are keyed "CODE YEAR
// RELEASE" in Order and ByCode.
func Merge(reps []*Report) *Report {
	if len(reps) == 1 {
		return reps[0]
	}
	first := reps[0]
	out := &Report{Query: first.Query, Release: first.Release, Measures: first.Measures, ByCode: map[string][]Line{}}
	type key struct {
		name, id  string
		year, rel int
	}
	var keys []key
	relIndex := map[string]int{}
	for _, r := range reps {
		if _, ok := relIndex[r.Release.ID]; !ok {
			relIndex[r.Release.ID] = len(relIndex)
		}
		for _, code := range r.Order {
			id := code + " " + strconv.Itoa(r.Query.Year) + " " + r.Release.ID
			out.ByCode[id] = r.ByCode[code]
			keys = append(keys, key{name: r.ByCode[code][0].Name, id: id, year: r.Query.Year, rel: relIndex[r.Release.ID]})
		}
		out.Totals = append(out.Totals, r.Totals...)
		for _, n := range r.Notes {
			if !slices.Contains(out.Notes, n) {
				out.Notes = append(out.Notes, n)
			}
		}
		if out.TrendNote == "" {
			out.TrendNote = r.TrendNote
		}
	}
	sort.SliceStable(keys, func(i, j int) bool {
		if keys[i].name != keys[j].name {
			return keys[i].name < keys[j].name
		}
		if keys[i].year != keys[j].year {
			return keys[i].year < keys[j].year
		}
		return keys[i].rel < keys[j].rel
	})
	for _, k := range keys {
		out.Order = append(out.Order, k.id)
		out.Lines = append(out.Lines, out.ByCode[k.id]...)
	}
	return out
}
