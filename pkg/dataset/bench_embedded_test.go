package dataset_test

import (
	"testing"

	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/snapshot/snapgen"
)

// BenchmarkLoadEmbedded parses and checks the embedded YAML, as
// `natospend validate` does (the other commands use pkg/snapshot).
func BenchmarkLoadEmbedded(b *testing.B) {
	srcs := snapgen.EmbeddedSources()
	size := 0
	for _, s := range srcs {
		size += len(s.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dataset.Load(srcs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadOntoSnapshot is what the other commands do instead: build
// the snapshot and merge no user file onto it.
func BenchmarkLoadOntoSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dataset.LoadOnto(snapshot.Dataset(), nil); err != nil {
			b.Fatal(err)
		}
	}
}
