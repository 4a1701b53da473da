package defence

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// randomFigures makes a release's figures of every shape the loader can
// give: some countries without cells, columns known or not (and a column
// no cell knows), estimates, notes, details, sources of the loader's form
// "file:line" and of others.
func randomFigures(r *rand.Rand) map[string]map[int]Figure {
	out := map[string]map[int]Figure{}
	for range r.IntN(6) {
		code := fmt.Sprintf("Q%c%c", 'A'+r.IntN(26), 'A'+r.IntN(26))
		ys := map[int]Figure{}
		for range r.IntN(8) {
			y := 1990 + r.IntN(50)
			var f Figure
			for c := range numCols - 1 { // population: never known here
				if r.IntN(3) > 0 {
					*f.col(c) = N(float64(r.IntN(1e7)) / 100)
				}
			}
			f.Estimate = r.IntN(2) == 0
			if r.IntN(4) == 0 {
				f.Note = fmt.Sprintf("note %d", r.IntN(100))
			}
			if r.IntN(5) == 0 {
				f.Detail = &Detail{Personnel: N(float64(r.IntN(1000)) / 10), OtherPct: N(1)}
			}
			switch r.IntN(12) {
			case 0:
				f.Source = "" // built by hand
			case 1:
				f.Source = "other.yaml:12" // another file
			case 2:
				f.Source = "data/x.yaml:007" // not a line the loader writes
			case 3:
				f.Source = "no line"
			default:
				f.Source = fmt.Sprintf("data/x.yaml:%d", 1+r.IntN(100000))
			}
			ys[y] = f
		}
		out[code] = ys
	}
	return out
}

// checkPacked checks every answer of the packed release against the same
// release with maps.
func checkPacked(t *testing.T, figs map[string]map[int]Figure) {
	t.Helper()
	want := &Release{ID: "r", Series: SeriesDefence, Figures: figs}
	p := Pack(figs)
	if got := p.Map(); !reflect.DeepEqual(got, figs) {
		t.Fatalf("Map after Pack:\n got %+v\nwant %+v", got, figs)
	}
	for _, series := range []string{SeriesDefence, SeriesGDP, SeriesPopulation} {
		want.Series = series
		got := (&Release{ID: "r", Series: series}).Lazy(p)
		if got.CountryYears() != want.CountryYears() || got.LatestYear() != want.LatestYear() || !slices.Equal(got.Years(), want.Years()) {
			t.Fatalf("%s: %d cells, latest %d, years %v; the maps give %d, %d, %v", series,
				got.CountryYears(), got.LatestYear(), got.Years(), want.CountryYears(), want.LatestYear(), want.Years())
		}
		for y := 1989; y <= 2041; y++ {
			if got.HasFiguresIn(y) != want.HasFiguresIn(y) {
				t.Fatalf("%s: HasFiguresIn(%d) %v, the maps say %v", series, y, got.HasFiguresIn(y), want.HasFiguresIn(y))
			}
		}
		codes := []string{"XXX", ""}
		for c := range figs {
			codes = append(codes, c)
		}
		for _, c := range codes {
			if got.HasCountry(c) != want.HasCountry(c) {
				t.Fatalf("%s %q: HasCountry %v, the maps say %v", series, c, got.HasCountry(c), want.HasCountry(c))
			}
			each := map[int]Figure{}
			got.EachYear(c, func(y int, f Figure) bool {
				if f.Source != "" || f.Detail != nil {
					t.Fatalf("%s %d: EachYear gave a source or detail: %+v", c, y, f)
				}
				each[y] = f
				return true
			})
			for y, f := range figs[c] {
				f.Source, f.Detail = "", nil
				if e, ok := each[y]; !ok || !reflect.DeepEqual(e, f) {
					t.Fatalf("%s %d: EachYear gave %+v %v, want %+v", c, y, e, ok, f)
				}
			}
			if len(each) != len(figs[c]) {
				t.Fatalf("%s: EachYear gave %d cells, want %d", c, len(each), len(figs[c]))
			}
			for y := 1989; y <= 2041; y++ {
				f, ok := got.Figure(c, y)
				wf, wok := want.Figure(c, y)
				if ok != wok || !reflect.DeepEqual(f, wf) {
					t.Fatalf("%s %d: Figure %+v %v, want %+v %v", c, y, f, ok, wf, wok)
				}
				if ok && f.Detail != nil && f.Detail == wf.Detail {
					t.Fatalf("%s %d: Figure shares its Detail with what was packed", c, y)
				}
				if got.LatestYearFor(c, y) != want.LatestYearFor(c, y) {
					t.Fatalf("%s: LatestYearFor(%d) %d, want %d", c, y, got.LatestYearFor(c, y), want.LatestYearFor(c, y))
				}
			}
		}
		if got.Figures != nil || !got.IsLazy() {
			t.Fatalf("reading single cells built the maps")
		}
		if c := got.Cells(); !reflect.DeepEqual(c, figs) || got.IsLazy() {
			t.Fatalf("Cells: %+v (lazy %v), want %+v", c, got.IsLazy(), figs)
		}
	}
}

// TestPacked: a packed release answers every question as its maps do, and
// gives them back unchanged, for 2,000 random releases.
func TestPacked(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		checkPacked(t, randomFigures(r))
	}
}

// TestPackedCells: the worked example. Germany's cells of NATO's July 2026
// release (data/nato-2026-07.yaml), with a hand-made note and detail.
func TestPackedCells(t *testing.T) {
	figs := map[string]map[int]Figure{
		"DEU": {
			2025: {GDP: N(5056631), Defence: N(112141), Share: N(2.22), Equipment: N(25.21), Estimate: true, Source: "nato.yaml:40"},
			2026: {Share: N(2.69), Estimate: true, Note: "budget draft", Source: "nato.yaml:41", Detail: &Detail{Personnel: N(185.641)}},
		},
		"ISL": {},
	}
	checkPacked(t, figs)
	p := Pack(figs)
	// 2 cells: GDP, defence, share and equipment are columns; resilience
	// and population, which no cell knows, take no space.
	if len(p.years) != 2 || len(p.cols[colGDP]) != 2 || p.cols[colResilience] != nil || p.cols[colPopulation] != nil || len(p.srcs) != 0 || p.prefix != "nato.yaml" {
		t.Errorf("packed: %d cells, GDP column %d, resilience %v, population %v, %d whole sources, prefix %q",
			len(p.years), len(p.cols[colGDP]), p.cols[colResilience], p.cols[colPopulation], len(p.srcs), p.prefix)
	}
	f, ok := p.Figure("DEU", 2026)
	if !ok || f.Share.V != 2.69 || f.GDP.Known || f.Note != "budget draft" || f.Source != "nato.yaml:41" || f.Detail == nil || f.Detail.Personnel.V != 185.641 {
		t.Errorf("DEU 2026: %+v %v", f, ok)
	}
	f.Detail.Personnel.V = 1 // the caller's copy
	if g, _ := p.Figure("DEU", 2026); g.Detail.Personnel.V != 185.641 {
		t.Errorf("a caller changed the packed detail: %v", g.Detail.Personnel.V)
	}
	if _, ok := p.Figure("DEU", 2024); ok {
		t.Error("DEU 2024: found, but there is no such cell")
	}
}

// BenchmarkPack: packing a release of 1,000 countries x 100 years, each
// cell as NATO's tables fill it (the 100k one-file set of scripts/bench.sh).
func BenchmarkPack(b *testing.B) {
	figs := make(map[string]map[int]Figure, 1000)
	line := 10
	for c := range 1000 {
		ys := make(map[int]Figure, 100)
		for y := range 100 {
			line++
			ys[1950+y] = Figure{GDP: N(54980310), Defence: N(340878), Share: N(0.62), Equipment: N(31.07), Estimate: y > 97,
				Source: "data/synthetic-0001.yaml:" + strconv.Itoa(line)}
		}
		figs[fmt.Sprintf("Q%03d", c)] = ys
	}
	b.ReportAllocs()
	for b.Loop() {
		Pack(figs)
	}
}
