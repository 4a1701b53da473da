package dataset

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// TestPopulationRelease reads a release of series population: its cells
// hold population_m (million people), estimate and note, and the release's
// latest year is the latest with a population.
func TestPopulationRelease(t *testing.T) {
	ds := mustLoad(t, base(t), popRelease("population",
		"    2024: {population_m: 83.5}",
		"    2025: {population_m: 83.555, estimate: true}",
		"    2026: {estimate: true, note: not yet projected}"))
	r := ds.Releases["test"]
	if r.Series != defence.SeriesPopulation {
		t.Fatalf("series %q", r.Series)
	}
	want := map[int]defence.Figure{
		2024: {Population: defence.N(83.5), Source: defence.Place{File: "t.yaml", Line: 10}},
		2025: {Population: defence.N(83.555), Estimate: true, Source: defence.Place{File: "t.yaml", Line: 11}},
		2026: {Estimate: true, Note: "not yet projected", Source: defence.Place{File: "t.yaml", Line: 12}},
	}
	if !reflect.DeepEqual(r.Cells()["DEU"], want) {
		t.Errorf("figures:\n got %+v\nwant %+v", r.Cells()["DEU"], want)
	}
	// 2026 has no population: the latest year with one is 2025.
	if got := r.LatestYear(); got != 2025 {
		t.Errorf("LatestYear = %d, want 2025", got)
	}
	if got := r.LatestYearFor("DEU", 2024); got != 2024 {
		t.Errorf("LatestYearFor(DEU, 2024) = %d, want 2024", got)
	}
	// The bounds are accepted: a hundred people, ten billion.
	mustLoad(t, base(t), popRelease("population", "    2024: {population_m: 0.0001}", "    2025: {population_m: 10000}"))
}

// TestPopulationNeverGDPOrDefence: a population release is never picked
// where the newest GDP or defence release is looked for.
func TestPopulationNeverGDPOrDefence(t *testing.T) {
	user := append(popRelease("population", "    2024: {population_m: 83.5}"),
		src("kind: release", "id: gdp", "series: gdp", "title: G", "publisher: P", "published: 2020-01",
			"url: https://example.org/g", "figures:", "  DEU:", "    2024: {gdp_musd: 4000000}")[0])
	user[1].Name = "g.yaml"
	ds := mustLoad(t, base(t), user)
	for series, want := range map[string]string{defence.SeriesGDP: "gdp", defence.SeriesPopulation: "test"} {
		rs := ds.ReleasesNewestFirst(series)
		if len(rs) != 1 || rs[0].ID != want {
			t.Errorf("ReleasesNewestFirst(%s): %d releases, want only %s", series, len(rs), want)
		}
	}
	if rs := ds.ReleasesNewestFirst(defence.SeriesDefence); len(rs) != 0 {
		t.Errorf("ReleasesNewestFirst(defence) = %d releases, want none", len(rs))
	}
}

// TestEncodePopulation: a population release round-trips through
// EncodeRelease, population_m in its place among the keys, and Encode
// refuses what the loader would.
func TestEncodePopulation(t *testing.T) {
	ds := mustLoad(t, base(t), popRelease("population",
		"    2024: {population_m: 83.5}",
		"    2025: {population_m: 0.0001, estimate: true, note: n}"))
	var b bytes.Buffer
	if err := EncodeRelease(&b, "", ds.Releases["test"]); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"series: \"population\"\n", "    2024: {population_m: 83.5}\n",
		"    2025: {population_m: 0.0001, estimate: true, note: \"n\"}\n"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("encoded file lacks %q:\n%s", line, b.String())
		}
	}
	again := mustLoad(t, base(t), []Source{{Name: "t.yaml", Data: b.Bytes()}})
	if !reflect.DeepEqual(again.Releases["test"].Cells()["DEU"][2025].Population, defence.N(0.0001)) {
		t.Errorf("round trip: %+v", again.Releases["test"].Cells()["DEU"][2025])
	}

	for name, r := range map[string]*defence.Release{
		"population in a defence release": (&defence.Release{ID: "d", Series: defence.SeriesDefence, Title: "t", Publisher: "p", Published: "2026-01", URL: "u"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2024: {Population: defence.N(83.5)}}}),
		"GDP in a population release":     (&defence.Release{ID: "p", Series: defence.SeriesPopulation, Title: "t", Publisher: "p", Published: "2026-01", URL: "u"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2024: {GDP: defence.N(1)}}}),
		"zero population":                 (&defence.Release{ID: "p", Series: defence.SeriesPopulation, Title: "t", Publisher: "p", Published: "2026-01", URL: "u"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2024: {Population: defence.N(0)}}}),
		"no series":                       (&defence.Release{ID: "p", Title: "t", Publisher: "p", Published: "2026-01", URL: "u"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2024: {GDP: defence.N(1)}}}),
	} {
		if err := EncodeRelease(&bytes.Buffer{}, "", r); err == nil {
			t.Errorf("%s: EncodeRelease accepted it", name)
		}
	}
}
