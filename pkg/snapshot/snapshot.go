// Package snapshot holds the embedded data already loaded: the value that
// pkg/dataset.Load returns for the YAML files of data/, compiled into the
// binary as Go code (dataset_gen.go, written by go generate), so that a
// command does not parse some 120 KB of YAML on every run.
//
// The YAML stays the one source of truth: `natospend validate` still parses
// and checks it, and TestSnapshotUpToDate fails, asking for
// `go generate ./...`, whenever the generated file differs from what the
// YAML loads to.
package snapshot

import (
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/golit/golitrt"
)

//go:generate go run ./gen

// Dataset returns the embedded data, as dataset.Load would return it for
// the embedded files with no user file. Each call builds a new value,
// which the caller may change.
func Dataset() *defence.Dataset {
	ds := build()
	for _, rf := range releaseFigures {
		r := ds.Releases[rf.ID]
		r.SetFigures(index{rf.Figures(), r.Source}.Map())
		if rf.Aggregates != nil {
			r.SetAggregates(index{rf.Aggregates(), r.Source}.Map())
		}
	}
	return ds
}

// Lazy returns the embedded data as Dataset does, but each release builds
// its figures only when they are first asked for (defence.Release.Cells):
// a command pays for the releases it reads, not for all of them. Their
// aggregates are read in place (defence.Release.LazyAggregates). Until
// then, the release reads single cells from the static tables (Figure,
// LatestYear, EachYear... see defence.Release.Lazy), so that a command
// that reads a few cells builds no map at all. Each call builds a new
// value, which the caller may change after reading the figures through
// Cells.
func Lazy() *defence.Dataset {
	ds := build()
	for _, rf := range releaseFigures {
		r := ds.Releases[rf.ID]
		r.Lazy(index{rf.Figures(), r.Source})
		if rf.Aggregates != nil {
			r.LazyAggregates(index{rf.Aggregates(), r.Source})
		}
	}
	return ds
}

// index reads a release's static tables as a defence.FigureIndex. The
// tables give each cell's line, not its file, which is the release's
// (pkg/snapshot/snapgen): index puts it back.
type index struct {
	t    golitrt.Nested[string, int, defence.Figure]
	file string // the release's file (Release.Source)
}

func (x index) Figure(code string, year int) (defence.Figure, bool) {
	f, ok := x.t.Lookup(code, year)
	if ok {
		f.Source.File = x.file
	}
	return f, ok
}

func (x index) Map() map[string]map[int]defence.Figure {
	t, own := x.t, x.t.Own
	t.Own = func(f defence.Figure) defence.Figure {
		if own != nil {
			f = own(f)
		}
		f.Source.File = x.file
		return f
	}
	return t.Map()
}

// Each gives the cells with their whole place, as Figure does, and the
// Detail they share with the tables (defence.FigureIndex).
func (x index) Each(only bool, code string, fn func(code string, year int, f defence.Figure) bool) {
	x.t.Each(only, code, func(c string, y int, f defence.Figure) bool {
		f.Source.File = x.file
		return fn(c, y, f)
	})
}
