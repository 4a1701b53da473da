package gapreport

import (
	"encoding/json"
	"strconv"

	"github.com/natospend/natospend/pkg/calc"

	"github.com/natospend/natospend/pkg/render"
)

// TotalHook is what the JSON totals of gap (gap --format json, "totals")
// say of one cell of the human table's total row: the field's key, the
// target of its measure ("" for a per-country column, whose total is the
// first plain measure's) and the value exactly as the JSON prints it
// (a number's digits; null when unknown). Field is "" where the cell has
// no JSON total of its own (the Country column's label).
type TotalHook struct {
	Field  string
	Target string
	Value  string
	// Total is the index of the totals object in the JSON's "totals"
	// the value is from (the measure's; a per-country column's: the first
	// plain measure's).
	Total int
}

// TargetKey names a measure's target in a hook: its id, or for a bare
// percentage (--target 3.7, whose JSON target is "") the percentage as
// the JSON's target_pct prints it.
func TargetKey(m calc.Measure) string {
	if m.Target.ID != "" {
		return m.Target.ID
	}
	return strconv.FormatFloat(m.Pct, 'f', -1, 64)
}

// TotalHooks are the hooks of the human table's total row (HumanTable's
// Footer), one per column; nil when the table has no single total row
// (several years or releases). The Status column's total, "N meet", is
// the JSON's meeting count.
func (r *Report) TotalHooks() []TotalHook {
	if r.multi() || len(r.Totals) == 0 {
		return nil
	}
	objs := r.totalObjects()
	cols := r.columns()
	out := make([]TotalHook, len(cols))
	for j, c := range cols {
		i := r.totalIndex(c)
		key := c.f.Key
		if key == "status" {
			key = "meeting"
		}
		if key == "" || c.f.total == nil {
			continue
		}
		if _, ok := c.f.total(r, r.Totals[i], "Total"); !ok {
			continue
		}
		t := ""
		if c.measure >= 0 {
			t = TargetKey(r.Totals[i].Measure)
		}
		if h, ok := TotalHookOf(objs, i, key, t); ok {
			out[j] = h
		}
	}
	return out
}

// TotalHookOf is the hook of the field key of the JSON totals object
// objs[i] (TotalObjects), of target; ok is false when the object has no
// such field.
func TotalHookOf(objs []render.Object, i int, key, target string) (h TotalHook, ok bool) {
	for _, fld := range objs[i] {
		if fld.Key != key {
			continue
		}
		b, err := json.Marshal(fld.Value)
		if err != nil {
			return TotalHook{}, false
		}
		return TotalHook{Field: key, Target: target, Value: string(b), Total: i}, true
	}
	return TotalHook{}, false
}

// Summary is the first part of the notes under gap's table: per measure,
// how many meet it and what the gaps add up to, in words. TableNotes are
// the rest (HumanTable's Notes are both).
func (r *Report) Summary() []string { return r.summaryLines() }

// TableNotes are the notes under gap's table after its Summary: NATO's
// aggregates, the method, the legend, the report's notes and the sources.
func (r *Report) TableNotes() []string { return r.tableNotes() }

// TotalObjects are the JSON totals of gap --format json ("totals"), one
// object per measure, in the order of r.Totals.
func (r *Report) TotalObjects() []render.Object { return r.totalObjects() }

// PublishedNotes are the notes among TableNotes that quote the
// publisher's own aggregate for the countries shown (NATO Total, NATO
// Europe and Canada) beside the computed totals.
func (r *Report) PublishedNotes() []string { return r.publishedNotes() }
