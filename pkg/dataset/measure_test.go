package dataset

import (
	"bytes"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// TestTargetMeasure: a target's measure says what its pct is a percentage
// of. "equipment" (the equipment share of defence expenditure) is kept;
// "share" (of GDP), the default, is the same as leaving the key out; the
// encoder writes the key only for equipment.
func TestTargetMeasure(t *testing.T) {
	ds := mustLoad(t, base(t), targets(
		"  eq: {name: Equipment, pct: 20, measure: equipment, citation: c}",
		"  gdp: {name: GDP, pct: 2, measure: share, citation: c}",
		"  plain: {name: Plain, pct: 2, citation: c}",
	))
	for id, want := range map[string]string{"eq": defence.MeasureEquipment, "gdp": defence.MeasureShare, "plain": defence.MeasureShare} {
		if got := ds.Targets[id].Measure; got != want {
			t.Errorf("%s: measure %q, want %q", id, got, want)
		}
	}
	if !ds.Targets["eq"].OfDefence() || ds.Targets["gdp"].OfDefence() {
		t.Error("OfDefence")
	}
	var b bytes.Buffer
	if err := EncodeTargets(&b, Head{}, []defence.Target{ds.Targets["eq"], ds.Targets["gdp"]}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "measure:"); got != 1 || !strings.Contains(b.String(), "    pct: 20\n    measure: \"equipment\"\n") {
		t.Errorf("encoded:\n%s", b.String())
	}
	for _, bad := range []defence.Target{
		{ID: "x", Name: "x", Pct: 20, Measure: "personnel", Citation: "c"},
		{ID: "x", Name: "x", Pct: 20, Measure: defence.MeasureEquipment, Citation: "c", Components: []defence.Component{{ID: "a", Pct: 20, Basis: "core"}}},
	} {
		if err := EncodeTargets(&bytes.Buffer{}, Head{}, []defence.Target{bad}); err == nil {
			t.Errorf("EncodeTargets(%+v): no error", bad)
		}
	}
}
