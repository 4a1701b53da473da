package calc

import (
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// Rows counts what Compute gives: one row per country and measure. A
// target with a resilience part is three measures (the whole, core,
// resilience: Measures), a plain one and an equipment one one each.
func TestRows(t *testing.T) {
	plain := defence.Target{Pct: 2}
	hague := defence.Target{ID: "hague-5", Pct: 5, Components: []defence.Component{
		{ID: "core", Pct: 3.5, Basis: defence.BasisCore}, {ID: "resilience", Pct: 1.5, Basis: defence.BasisResilience}}}
	equip := defence.Target{Pct: 20, Measure: defence.MeasureEquipment}
	codes := []string{"DEU", "FRA", "POL", "ESP", "ITA", "NLD", "BEL"}
	for _, c := range []struct {
		name    string
		targets []defence.Target
		want    int
	}{
		{"one plain target", []defence.Target{plain}, 7},
		{"plain and Hague", []defence.Target{plain, hague}, (1 + 3) * 7},
		{"equipment", []defence.Target{equip}, 7},
	} {
		q := &Query{Targets: c.targets, Codes: codes, Year: 2026}
		if got := Rows(q); got != c.want {
			t.Errorf("%s: Rows = %d, want %d", c.name, got, c.want)
		}
	}
}
