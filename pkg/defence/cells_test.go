package defence_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/defence"
)

// TestCellsConcurrent: a lazy release read from several goroutines at
// once, Cells among the readings, builds its maps once, gives every caller
// the same maps, and answers the single-cell readings right before and
// after. Run with -race (go test -race ./pkg/defence), which fails on an
// unsynchronised build.
func TestCellsConcurrent(t *testing.T) {
	figs := map[string]map[int]defence.Figure{
		"DEU": {2023: {Share: defence.N(1.5), Source: defence.Place{File: "x.yaml", Line: 3}}, 2024: {Share: defence.N(2.1), Source: defence.Place{File: "x.yaml", Line: 4}}},
		"FRA": {2024: {Share: defence.N(2.06), Defence: defence.N(60000), Source: defence.Place{File: "x.yaml", Line: 6}}},
	}
	for round := range 50 {
		counted := releasetest.Count(defence.Pack(figs))
		r := (&defence.Release{ID: "c", Series: defence.SeriesDefence}).Lazy(counted)
		const n = 8
		got := make([]map[string]map[int]defence.Figure, n)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for g := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if g%2 == 0 {
					if f, ok := r.Figure("DEU", 2024); !ok || f.Share != defence.N(2.1) {
						t.Errorf("round %d: Figure(DEU, 2024) = %+v, %v; want share 2.1", round, f, ok)
					}
				}
				got[g] = r.Cells()
				if n := r.CountryYears(); n != 3 {
					t.Errorf("round %d: %d country-years, want 3", round, n)
				}
			}()
		}
		close(start)
		wg.Wait()
		if m := counted.Maps(); m != 1 {
			t.Fatalf("round %d: the maps were built %d times, want once", round, m)
		}
		for g := range got {
			if reflect.ValueOf(got[g]).UnsafePointer() != reflect.ValueOf(got[0]).UnsafePointer() {
				t.Fatalf("round %d: goroutine %d got other maps than goroutine 0", round, g)
			}
		}
		if !reflect.DeepEqual(got[0], figs) || !defence.MapsBuilt(r) {
			t.Fatalf("round %d: Cells gave %v (built %v), want the figures packed", round, got[0], defence.MapsBuilt(r))
		}
	}
}

// TestCellsChanged: once Cells has built the maps, the release reads them,
// so that a change the caller makes to them shows in every reading.
func TestCellsChanged(t *testing.T) {
	figs := map[string]map[int]defence.Figure{"DEU": {2024: {Share: defence.N(2.1)}}}
	r := (&defence.Release{ID: "c", Series: defence.SeriesDefence}).Lazy(defence.Pack(figs))
	r.Cells()["DEU"][2025] = defence.Figure{Share: defence.N(2.5)}
	if f, ok := r.Figure("DEU", 2025); !ok || f.Share != defence.N(2.5) || r.LatestYear() != 2025 || r.CountryYears() != 2 {
		t.Errorf("after a change to Cells: Figure(DEU, 2025) %+v %v, latest %d, %d cells; want 2.5, 2025, 2", f, ok, r.LatestYear(), r.CountryYears())
	}
	if r.SetFigures(nil); r.Cells() != nil || r.CountryYears() != 0 {
		t.Errorf("SetFigures(nil) left %d cells", r.CountryYears())
	}
}

// TestPlace: a place prints as messages quote it, "file:line", or the file
// alone when the line is unknown.
func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		p    defence.Place
		want string
	}{
		{defence.Place{File: "embedded:countries.yaml", Line: 80}, "embedded:countries.yaml:80"},
		{defence.Place{File: "C:/data/my.yaml", Line: 3}, "C:/data/my.yaml:3"},
		{defence.Place{File: "my.yaml"}, "my.yaml"},
		{defence.Place{}, ""},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.p, got, tc.want)
		}
	}
}
