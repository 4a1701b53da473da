// Package releasetest is for tests only: it checks a lazy release (one
// that holds its figures in a defence.FigureIndex: the compiled-in
// snapshot's static tables, or the columns the loader packs a release
// into) against the maps it stands for, counts the maps an index builds,
// and builds the maps of a loaded dataset for tests that compare datasets.
package releasetest

import (
	"reflect"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// Counting is a defence.FigureIndex that counts the maps it builds
// (Map): what a release made lazy with it (defence.Release.Lazy) has
// built, seen from outside the release.
type Counting struct {
	defence.FigureIndex
	maps atomic.Int32
}

// Count wraps index in a Counting.
func Count(index defence.FigureIndex) *Counting { return &Counting{FigureIndex: index} }

// Map builds the maps, counting them.
func (c *Counting) Map() map[string]map[int]defence.Figure {
	c.maps.Add(1)
	return c.FigureIndex.Map()
}

// Maps returns how many times the maps were built.
func (c *Counting) Maps() int { return int(c.maps.Load()) }

// Check requires that a release of the id and series made lazy with index
// answers every question as a release of the same series with the maps
// want would: Figure (whole, with a copy of its Detail of its own on every
// call), Years, LatestYear, LatestYearFor, CountryYears, HasFiguresIn,
// HasCountry and EachYear (its numbers, estimate and note), for every
// country and year of want, for one year before and after, and for
// countries it does not have; that reading so builds no map; and then that
// Cells builds the maps once and gives want back.
func Check(t testing.TB, id, series string, index defence.FigureIndex, want map[string]map[int]defence.Figure) {
	t.Helper()
	counted := Count(index)
	got := (&defence.Release{ID: id, Series: series}).Lazy(counted)
	w := (&defence.Release{ID: id, Series: series}).SetFigures(want)
	if got.CountryYears() != w.CountryYears() || got.LatestYear() != w.LatestYear() || !slices.Equal(got.Years(), w.Years()) {
		t.Fatalf("%s: %d cells, latest %d, years %v; the maps give %d, %d, %v", got.ID,
			got.CountryYears(), got.LatestYear(), got.Years(), w.CountryYears(), w.LatestYear(), w.Years())
	}
	withCells := 0 // the countries with a cell (the loader refuses a country without)
	for _, ys := range want {
		if len(ys) > 0 {
			withCells++
		}
	}
	if got.CountryCount() != withCells || w.CountryCount() != withCells {
		t.Fatalf("%s: %d countries, the maps' release %d; the maps have %d with a cell", got.ID, got.CountryCount(), w.CountryCount(), withCells)
	}
	first, last := 0, 0
	if ys := w.Years(); len(ys) > 0 {
		first, last = ys[0]-1, ys[len(ys)-1]+1
	}
	for y := first; y <= last; y++ {
		if got.HasFiguresIn(y) != w.HasFiguresIn(y) {
			t.Fatalf("%s: HasFiguresIn(%d) %v, the maps say %v", got.ID, y, got.HasFiguresIn(y), w.HasFiguresIn(y))
		}
	}
	codes := []string{"XXX", ""}
	for c := range want {
		codes = append(codes, c)
	}
	for _, c := range codes {
		if got.HasCountry(c) != w.HasCountry(c) {
			t.Fatalf("%s %q: HasCountry %v, the maps say %v", got.ID, c, got.HasCountry(c), w.HasCountry(c))
		}
		each := map[int]defence.Figure{}
		got.EachYear(c, func(y int, f defence.Figure) bool {
			f.Source, f.Detail = defence.Place{}, nil // EachYear may leave them out
			each[y] = f
			return true
		})
		if len(each) != len(want[c]) {
			t.Fatalf("%s %q: EachYear gave %d cells, the maps have %d", got.ID, c, len(each), len(want[c]))
		}
		for y, f := range want[c] {
			f.Source, f.Detail = defence.Place{}, nil
			if e, ok := each[y]; !ok || !reflect.DeepEqual(e, f) {
				t.Fatalf("%s %s %d: EachYear gave %+v %v, the maps have %+v", got.ID, c, y, e, ok, f)
			}
		}
		if got.LatestYearFor(c, 0) != w.LatestYearFor(c, 0) {
			t.Fatalf("%s %q: LatestYearFor(0) %d, the maps give %d", got.ID, c, got.LatestYearFor(c, 0), w.LatestYearFor(c, 0))
		}
		for y := first; y <= last; y++ {
			f, ok := got.Figure(c, y)
			wf, wok := w.Figure(c, y)
			if ok != wok || !reflect.DeepEqual(f, wf) {
				t.Fatalf("%s %q %d: Figure %+v %v, the maps give %+v %v", got.ID, c, y, f, ok, wf, wok)
			}
			if again, _ := got.Figure(c, y); f.Detail != nil && again.Detail == f.Detail {
				t.Fatalf("%s %s %d: two readings share one Detail (a caller could change the next one's)", got.ID, c, y)
			}
			if got.LatestYearFor(c, y) != w.LatestYearFor(c, y) {
				t.Fatalf("%s %q: LatestYearFor(%d) %d, the maps give %d", got.ID, c, y, got.LatestYearFor(c, y), w.LatestYearFor(c, y))
			}
		}
	}
	if n := counted.Maps(); n != 0 {
		t.Fatalf("%s: reading single cells built the maps (%d times)", got.ID, n)
	}
	if cells := got.Cells(); !reflect.DeepEqual(cells, want) {
		t.Fatalf("%s: Cells gave back other maps than those packed", got.ID)
	}
	if got.Cells(); counted.Maps() != 1 {
		t.Fatalf("%s: Cells twice built the maps %d times, want once", got.ID, counted.Maps())
	}
}

// Unpacked builds the maps of every release of ds, and of the releases
// they replaced (defence.Release.Cells), and of their aggregates (read in
// place from the snapshot's tables: defence.Release.LazyAggregates), so
// that a loaded dataset, whose releases are lazy, compares equal to one
// built otherwise; it returns ds.
func Unpacked(ds *defence.Dataset) *defence.Dataset {
	if ds == nil {
		return nil
	}
	for _, r := range ds.Releases {
		for ; r != nil; r = r.Replaced {
			r.SetFigures(r.Cells())
			if m := r.Aggregates(); m != nil {
				r.SetAggregates(m)
			}
		}
	}
	return ds
}
