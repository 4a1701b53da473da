package defence_test

import (
	"slices"
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/defence"
)

// TestAggregates: a release's aggregate rows, set by SetAggregates, are
// read back by group and year, the groups sorted and each group's years
// ascending; a release without them has none. The figures: NATO Total's
// published share of GDP, June 2024 release (Table 3), 2.5786% in 2014
// and 2.7127% in 2024 (data/nato-2024-06.yaml, lines 109 and 119), and
// NATO Europe and Canada's, 1.4278% in 2014 (line 97). The same rows
// held in an index (LazyAggregates, as the snapshot holds them) read the
// same, in place: no map is built.
func TestAggregates(t *testing.T) {
	at := func(line int) defence.Place { return defence.Place{File: "embedded:nato-2024-06.yaml", Line: line} }
	aggs := map[string]map[int]defence.Figure{
		"nato":          {2024: {Share: defence.N(2.7127), Estimate: true, Source: at(119)}, 2014: {Share: defence.N(2.5786), Source: at(109)}},
		"europe-canada": {2014: {Share: defence.N(1.4278), Source: at(97)}},
	}
	counted := releasetest.Count(defence.Pack(aggs))
	for _, r := range []*defence.Release{
		(&defence.Release{ID: "nato-2024-06"}).SetAggregates(aggs),
		(&defence.Release{ID: "nato-2024-06"}).LazyAggregates(counted),
	} {
		checkAggregates(t, r, at)
	}
	if n := counted.Maps(); n != 0 {
		t.Errorf("reading the aggregates of an index built its maps %d times", n)
	}
	// SetAggregates after LazyAggregates: the maps, not the index.
	r := (&defence.Release{ID: "nato-2024-06"}).LazyAggregates(counted).SetAggregates(nil)
	if g := r.AggregateGroups(); len(g) != 0 {
		t.Errorf("SetAggregates(nil) after LazyAggregates: groups %v, want none", g)
	}
}

func checkAggregates(t *testing.T, r *defence.Release, at func(int) defence.Place) {
	t.Helper()
	if g := r.AggregateGroups(); !slices.Equal(g, []string{"europe-canada", "nato"}) {
		t.Errorf("groups %v, want [europe-canada nato]", g)
	}
	if y := r.AggregateYears("nato"); !slices.Equal(y, []int{2014, 2024}) {
		t.Errorf("NATO Total's years %v, want [2014 2024]", y)
	}
	if f, ok := r.Aggregate("nato", 2024); !ok || f.Share != defence.N(2.7127) || !f.Estimate || f.Source != at(119) {
		t.Errorf("NATO Total 2024: %+v %v, want the share 2.7127, an estimate, from line 119", f, ok)
	}
	if _, ok := r.Aggregate("nato", 2015); ok {
		t.Error("NATO Total 2015: found, but the release was given none")
	}
	if _, ok := r.Aggregate("eu", 2014); ok {
		t.Error("eu 2014: found, but the release has no such row")
	}
	none := &defence.Release{ID: "imf"}
	if g, y := none.AggregateGroups(), none.AggregateYears("nato"); len(g) != 0 || len(y) != 0 {
		t.Errorf("a release without aggregates: groups %v, years %v", g, y)
	}
	if _, ok := none.Aggregate("nato", 2014); ok {
		t.Error("a release without aggregates gave one")
	}
}
