package defence_test

import (
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/golit"
	"github.com/natospend/natospend/pkg/snapshot"
)

// TestSnapshotLazy: the lazy snapshot (pkg/snapshot.Lazy) builds no
// release's figures until they are asked for whole (Cells), reading single
// cells as gap does included; then each release's are those of the
// snapshot built at once; asking one release builds no other. It is here,
// not in pkg/snapshot, because whether a release has built its maps is
// seen only inside this package (MapsBuilt, export_test.go).
func TestSnapshotLazy(t *testing.T) {
	lazy, eager := snapshot.Lazy(), snapshot.Dataset()
	if len(lazy.Releases) != len(eager.Releases) || len(lazy.Releases) < 5 {
		t.Fatalf("%d releases, the eager snapshot has %d", len(lazy.Releases), len(eager.Releases))
	}
	for id, r := range lazy.Releases {
		if defence.MapsBuilt(r) {
			t.Errorf("%s: figures built before they were asked for", id)
		}
	}
	// nato-2026-07 has 403 country-years (data/README.md): 31 allies x 13
	// years, 2014-2026 (Iceland, with no armed forces, reports none); gap
	// reads the latest year's cell of each country.
	r := lazy.Releases["nato-2026-07"]
	if n := r.CountryYears(); n != 403 {
		t.Errorf("nato-2026-07: %d country-years, want 403", n)
	}
	y, n := r.LatestYear(), 0
	for code := range lazy.Countries {
		if _, ok := r.Figure(code, y); ok {
			n++
		}
	}
	if y != 2026 || n != 31 {
		t.Errorf("nato-2026-07: %d cells in %d, want 31 in 2026", n, y)
	}
	if defence.MapsBuilt(r) {
		t.Error("nato-2026-07: reading single cells built the maps")
	}
	if n := len(r.Cells()); n != 31 {
		t.Errorf("nato-2026-07: %d countries, want 31", n)
	}
	for id, r := range lazy.Releases {
		if built := defence.MapsBuilt(r); built != (id == "nato-2026-07") {
			t.Errorf("%s: figures built %v after asking nato-2026-07 alone", id, built)
		}
		r.Cells()
	}
	if d := golit.Diff(releasetest.Unpacked(lazy), eager); d != "" {
		t.Fatalf("the lazy snapshot, once built, differs from the eager one at %s", d)
	}
}
