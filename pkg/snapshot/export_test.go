package snapshot

import "github.com/natospend/natospend/pkg/defence"

// Indexes returns the static tables of each release's figures as the lazy
// snapshot reads them (Lazy), by release id: for tests that check them
// cell by cell (releasetest.Check).
func Indexes() map[string]defence.FigureIndex {
	ds := build()
	out := make(map[string]defence.FigureIndex, len(releaseFigures))
	for _, rf := range releaseFigures {
		out[rf.ID] = index{rf.Figures(), ds.Releases[rf.ID].Source}
	}
	return out
}
