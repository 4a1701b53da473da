package snapshot_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/golit"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/snapshot/snapgen"
)

const regenerate = "run go generate ./... (or go generate ./pkg/snapshot) and commit pkg/snapshot/dataset_gen.go"

// TestSnapshotUpToDate: the generated file is exactly what the generator
// writes for the embedded YAML as it is now.
func TestSnapshotUpToDate(t *testing.T) {
	ds, err := snapgen.Load()
	if err != nil {
		t.Fatalf("the embedded data does not load: %v", err)
	}
	want, err := snapgen.Generate(ds)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(snapgen.File)
	if err != nil {
		t.Fatalf("%v: %s", err, regenerate)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("pkg/snapshot/%s is stale (the embedded YAML, pkg/defence or the loader changed): %s", snapgen.File, regenerate)
	}
}

// TestSnapshotEqualsYAML: the compiled snapshot is deep-equal to what the
// loader makes of the embedded YAML, named as the commands name it. This
// also checks the Go literal writer on the real data.
func TestSnapshotEqualsYAML(t *testing.T) {
	ds, err := dataset.Load(cli.EmbeddedSources(), nil)
	if err != nil {
		t.Fatalf("the embedded data does not load: %v", err)
	}
	if d := golit.Diff(snapshot.Dataset(), releasetest.Unpacked(ds)); d != "" { // the loader packs the figures
		t.Fatalf("the snapshot differs from the embedded YAML at %s\n%s", d, regenerate)
	}
	// The generator names the files as the commands do.
	a, b := snapgen.EmbeddedSources(), cli.EmbeddedSources()
	if len(a) != len(b) {
		t.Fatalf("%d sources, the commands have %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("source %d is %s, the commands have %s", i, a[i].Name, b[i].Name)
		}
	}
}

// TestSnapshotFresh: each call returns a new value; changing one does not
// change the next.
func TestSnapshotFresh(t *testing.T) {
	a := snapshot.Dataset()
	delete(a.Countries, "DEU")
	// The figures of NATO's other tables are pointed to (Figure.Detail):
	// each value has its own.
	for _, ys := range a.Releases["nato-2024-06"].Cells() {
		for _, f := range ys {
			if f.Detail != nil {
				f.Detail.Personnel.V = -1
			}
		}
	}
	for _, r := range a.Releases {
		for code := range r.Cells() {
			delete(r.Cells(), code)
		}
	}
	b := snapshot.Dataset()
	if _, ok := b.Countries["DEU"]; !ok {
		t.Error("DEU missing from a second snapshot")
	}
	if n := b.Releases["nato-2026-07"].CountryYears(); n != 403 {
		t.Errorf("nato-2026-07 has %d country-years in a second snapshot, want 403", n)
	}
	// Germany's military personnel in 2014, NATO's June 2024 Table 7:
	// 178.8 thousand (data/nato-2024-06.yaml).
	if f, _ := b.Releases["nato-2024-06"].Figure("DEU", 2014); f.Detail == nil || f.Detail.Personnel.V != 178.8 {
		t.Errorf("nato-2024-06 DEU 2014 personnel in a second snapshot: %+v, want 178.8", f.Detail)
	}
}

// TestLazyIndex: until its figures are built, a release made lazy with
// its static tables (defence.FigureIndex, as Lazy makes it) answers from
// them exactly as its maps would, for every cell, country and year of
// every release and for ones it does not have, and builds nothing doing so
// (releasetest.Check). (That Lazy makes its releases so: pkg/defence's
// TestSnapshotLazy.)
func TestLazyIndex(t *testing.T) {
	indexes, eager := snapshot.Indexes(), snapshot.Dataset()
	if len(indexes) != len(eager.Releases) {
		t.Fatalf("%d indexes, %d releases", len(indexes), len(eager.Releases))
	}
	for id, want := range eager.Releases {
		releasetest.Check(t, id, want.Series, indexes[id], want.Cells())
	}
	// A figure read through the index is the caller's own: changing its
	// Detail changes no later reading. Germany's military personnel in
	// 2024, NATO's June 2024 Table 7: 185.641 thousand (data/nato-2024-06.yaml).
	r := snapshot.Lazy().Releases["nato-2024-06"]
	f, _ := r.Figure("DEU", 2024)
	f.Detail.Personnel.V = 1
	if g, _ := r.Figure("DEU", 2024); g.Detail == nil || g.Detail.Personnel.V != 185.641 {
		t.Errorf("nato-2024-06 DEU 2024 personnel after a caller changed its copy: %+v, want 185.641", g.Detail)
	}
}

// TestPackEmbedded: every embedded release, packed as the loader packs a
// user's release, answers as its maps do (the random releases of
// pkg/defence's TestPacked, on real data).
func TestPackEmbedded(t *testing.T) {
	for id, r := range snapshot.Dataset().Releases {
		releasetest.Check(t, id, r.Series, defence.Pack(r.Cells()), r.Cells())
	}
}

// BenchmarkSnapshotLazy: what a run of gap pays for the embedded data: the
// dataset without figures, then the default release's latest year and
// each country's cell of that year, read from the static tables.
func BenchmarkSnapshotLazy(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ds := snapshot.Lazy()
		r := ds.Releases["nato-2026-07"]
		y, n := r.LatestYear(), 0
		for code := range ds.Countries {
			if _, ok := r.Figure(code, y); ok {
				n++
			}
		}
		if n != 31 {
			b.Fatalf("%d cells in %d, want 31", n, y)
		}
	}
}

// BenchmarkSnapshotLazyCells: the same dataset, then the default release's
// maps built whole (what history or revisions pay).
func BenchmarkSnapshotLazyCells(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if ds := snapshot.Lazy(); len(ds.Releases["nato-2026-07"].Cells()) == 0 {
			b.Fatal("empty")
		}
	}
}

func BenchmarkSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if ds := snapshot.Dataset(); len(ds.Releases) == 0 {
			b.Fatal("empty")
		}
	}
}

// TestPlaces: the static tables leave out each cell's file, which is the
// release's; the snapshot puts it back, whichever way the cell is read (a
// cell, a country's cells, the maps, an aggregate), lazy or not. Germany's 2024 cell of
// NATO's June 2024 release is line 192 of data/nato-2024-06.yaml (share
// 2.1190%), NATO Total's 2014 aggregate line 109 (share 2.5786%, Table 3).
func TestPlaces(t *testing.T) {
	at := func(line int) defence.Place { return defence.Place{File: "embedded:nato-2024-06.yaml", Line: line} }
	for name, ds := range map[string]*defence.Dataset{"lazy": snapshot.Lazy(), "eager": snapshot.Dataset()} {
		r := ds.Releases["nato-2024-06"]
		if f, ok := r.Figure("DEU", 2024); !ok || f.Share.V != 2.1190 || f.Source != at(192) {
			t.Errorf("%s: DEU 2024 %+v %v, want the share 2.1190 from %v", name, f.Source, f.Share, at(192))
		}
		var each defence.Place
		r.EachYear("DEU", func(y int, f defence.Figure) bool {
			if y == 2024 {
				each = f.Source
			}
			return true
		})
		if each != at(192) {
			t.Errorf("%s: DEU 2024 through EachYear from %v, want %v", name, each, at(192))
		}
		if f := r.Cells()["DEU"][2024]; f.Source != at(192) {
			t.Errorf("%s: DEU 2024 in the maps from %v, want %v", name, f.Source, at(192))
		}
		if f, ok := r.Aggregate("nato", 2014); !ok || f.Share.V != 2.5786 || f.Source != at(109) {
			t.Errorf("%s: NATO Total 2014 %+v %v, want the share 2.5786 from %v", name, f.Source, f.Share, at(109))
		}
	}
}
