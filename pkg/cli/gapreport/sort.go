package gapreport

import (
	"slices"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
)

// CalcSorts are the --sort words calc ranks by itself (Query.Sort): the
// figures of a line, and those per head (PerCapitaOf). Every other word
// of gap's fields is ranked by the figures the field shows
// (Query.SortKeys, SortKeys). A function, so that nothing is built at
// start-up.
func CalcSorts() []string {
	return append(slices.Clip(calc.SortOrders), "equipment", "defence-per-head", "gdp-per-head", "gap-per-head")
}

// views are the flags that add fields to gap's table, each with a report
// that has it on (enough to declare the fields, not to fill them).
var views = []struct {
	flag string
	on   func(r *Report)
}{
	{"--per-capita", func(r *Report) { r.PerCapita = &defence.Dataset{} }},
	{"--burden", func(r *Report) { r.Burden = map[string]calc.Burden{} }},
	{"--show-aid", func(r *Report) { r.Aid = &AidContext{Release: &defence.AidRelease{}} }},
}

// declared is a report with no data, to list its fields.
func declared(on ...func(*Report)) *Report {
	r := &Report{Report: &calc.Report{}, Releases: []*defence.Release{{}}}
	for _, f := range on {
		f(r)
	}
	return r
}

// SortWords are gap's --sort words: the Sort words of its fields
// (render.Spec.Sort), declared once with the fields, every view on, those
// calc ranks first; a column added with a Sort word is sortable without a
// second list.
func SortWords() []string {
	var on []func(*Report)
	for _, v := range views {
		on = append(on, v.on)
	}
	out := CalcSorts() // first, as --sort listed them before the others were sortable
	for _, w := range render.SortWords(specs(declared(on...).fields())) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// SortView is the flag whose column word ranks by ("" : one every run
// has).
func SortView(word string) string {
	if slices.Contains(render.SortWords(specs(declared().fields())), word) {
		return ""
	}
	for _, v := range views {
		if slices.Contains(render.SortWords(specs(declared(v.on).fields())), word) {
			return v.flag
		}
	}
	return ""
}

// SortKeys are the figures of the field whose Sort is word, by country,
// from each country's line of the first measure whose column shows it (a
// per-country field: the first line), as the table shows them in USD; nil
// when the table has no such column (need without a deadline).
func (r *Report) SortKeys(word string) map[string]defence.Num {
	fs := r.fields()
	i := slices.IndexFunc(fs, func(f field) bool { return f.Sort == word })
	if i < 0 {
		return nil
	}
	f := fs[i]
	m := -1
	if f.perCountry != "" {
		m = 0
	} else if f.title != nil {
		for j, ms := range r.Measures {
			if f.title(ms) != "" {
				m = j
				break
			}
		}
	}
	if m < 0 {
		return nil // not a column of this table
	}
	keys := make(map[string]defence.Num, len(r.Order))
	for _, code := range r.Order {
		lines := r.ByCode[code]
		if m >= len(lines) {
			continue
		}
		c := f.Get(&lines[m])
		keys[code] = defence.Num{V: c.Num, Known: c.Known}
	}
	return keys
}
