package snapshot_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/dataset"
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
	if d := golit.Diff(snapshot.Dataset(), ds); d != "" {
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
	for _, ys := range a.Releases["nato-2024-06"].Figures {
		for _, f := range ys {
			if f.Detail != nil {
				f.Detail.Personnel.V = -1
			}
		}
	}
	for _, r := range a.Releases {
		for code := range r.Figures {
			delete(r.Figures, code)
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

// TestLazy: the lazy snapshot builds no release's figures until they are
// asked for, then each release's are those of the snapshot built at once;
// and asking one release builds no other.
func TestLazy(t *testing.T) {
	lazy, eager := snapshot.Lazy(), snapshot.Dataset()
	if len(lazy.Releases) != len(eager.Releases) || len(lazy.Releases) < 5 {
		t.Fatalf("%d releases, the eager snapshot has %d", len(lazy.Releases), len(eager.Releases))
	}
	for id, r := range lazy.Releases {
		if r.Figures != nil {
			t.Errorf("%s: figures built before they were asked for", id)
		}
	}
	// nato-2026-07 has 403 country-years (data/README.md).
	if n := lazy.Releases["nato-2026-07"].CountryYears(); n != 403 {
		t.Errorf("nato-2026-07: %d country-years, want 403", n)
	}
	for id, r := range lazy.Releases {
		if built := r.Figures != nil; built != (id == "nato-2026-07") {
			t.Errorf("%s: figures built %v after asking nato-2026-07 alone", id, built)
		}
		r.Cells()
	}
	if d := golit.Diff(lazy, eager); d != "" {
		t.Fatalf("the lazy snapshot, once built, differs from the eager one at %s", d)
	}
}

// BenchmarkSnapshotLazy: what a run of gap pays for the embedded data: the
// dataset without figures, and the figures of the default release.
func BenchmarkSnapshotLazy(b *testing.B) {
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
