package defence_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/defence"
)

// randomFigures makes a release's figures of every shape the loader can
// give: some countries without cells, columns known or not (population
// never, so that a column no cell knows is there too), estimates, notes,
// details, places of the loader's form (one file, a line from 1) and of
// others (no place, another file, lines unknown, negative or too large for
// the packed column).
func randomFigures(r *rand.Rand) map[string]map[int]defence.Figure {
	out := map[string]map[int]defence.Figure{}
	num := func() defence.Num {
		if r.IntN(3) == 0 {
			return defence.Unknown
		}
		return defence.N(float64(r.IntN(1e7)) / 100)
	}
	for range r.IntN(6) {
		code := fmt.Sprintf("Q%c%c", 'A'+r.IntN(26), 'A'+r.IntN(26))
		ys := map[int]defence.Figure{}
		for range r.IntN(8) {
			f := defence.Figure{GDP: num(), Defence: num(), Share: num(), Equipment: num(), Resilience: num(), Estimate: r.IntN(2) == 0}
			if r.IntN(4) == 0 {
				f.Note = fmt.Sprintf("note %d", r.IntN(100))
			}
			if r.IntN(5) == 0 {
				f.Detail = &defence.Detail{Personnel: defence.N(float64(r.IntN(1000)) / 10), OtherPct: defence.N(1)}
			}
			switch r.IntN(12) {
			case 0: // built by hand: no place
			case 1:
				f.Source = defence.Place{File: "other.yaml", Line: 12} // another file
			case 2:
				f.Source = defence.Place{File: "data/x.yaml"} // no line
			case 3:
				f.Source = defence.Place{File: "data/x.yaml", Line: -7} // a line no loader writes
			case 4:
				f.Source = defence.Place{File: "data/x.yaml", Line: math.MaxInt} // nor one too large for the line column
			default:
				f.Source = defence.Place{File: "data/x.yaml", Line: 1 + r.IntN(100000)}
			}
			ys[1990+r.IntN(50)] = f
		}
		out[code] = ys
	}
	return out
}

// TestPacked: a packed release answers every question as its maps do, in
// each series, and gives them back unchanged, for 2,000 random releases.
func TestPacked(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		figs := randomFigures(r)
		p := defence.Pack(figs)
		for _, series := range []string{defence.SeriesDefence, defence.SeriesGDP, defence.SeriesPopulation} {
			releasetest.Check(t, "random", series, p, figs)
		}
	}
}

// BenchmarkPack: packing a release of 1,000 countries x 100 years, each
// cell as NATO's tables fill it (the 100k one-file set of scripts/bench.sh).
func BenchmarkPack(b *testing.B) {
	figs := make(map[string]map[int]defence.Figure, 1000)
	line := 10
	for c := range 1000 {
		ys := make(map[int]defence.Figure, 100)
		for y := range 100 {
			line++
			ys[1950+y] = defence.Figure{GDP: defence.N(54980310), Defence: defence.N(340878), Share: defence.N(0.62), Equipment: defence.N(31.07), Estimate: y > 97,
				Source: defence.Place{File: "data/synthetic-0001.yaml", Line: line}}
		}
		figs[fmt.Sprintf("Q%03d", c)] = ys
	}
	b.ReportAllocs()
	for b.Loop() {
		defence.Pack(figs)
	}
}
