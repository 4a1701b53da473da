package calc

import (
	"reflect"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// TestReleaseListEmbedded lists the embedded releases with coverage counted
// by hand from data/*.yaml (see data/README.md): NATO's July 2026 release
// 31 allies (no Iceland) x 2014-2026 = 13 years, 403 cells; August 2025
// 31 x 2014-2025 = 12 years, 372 cells (Germany 2025 a blank cell);
// June 2024 all 32 x 2014-2024 = 11 years, 352 cells; the IMF's GDP 32 x
// 2021-2030 = 320; its population 32 x 2021-2030 but Montenegro only from
// 2023: 320 - 2 = 318; Kiel's tracker 42 donors.
func TestReleaseListEmbedded(t *testing.T) {
	got := ReleaseList(snapshot.Dataset())
	want := []ReleaseInfo{
		{ID: "nato-2026-07", Kind: "defence", Title: "Defence Expenditure of NATO Countries (2014-2026)", Publisher: "NATO",
			Published: "2026-06", Cutoff: "", Definition: "core",
			Countries: 31, Years: 13, FirstYear: 2014, LastYear: 2026, Cells: 403,
			URL: "https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx", File: "nato-2026-07.yaml"},
		{ID: "nato-2025-08", Kind: "defence", Title: "Defence Expenditure of NATO Countries (2014-2025)", Publisher: "NATO",
			Published: "2025-08-28", Cutoff: "2025-06-03", Definition: "classic",
			Countries: 31, Years: 12, FirstYear: 2014, LastYear: 2025, Cells: 372,
			URL: "https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2025-en.xlsx", File: "nato-2025-08.yaml"},
		{ID: "nato-2024-06", Kind: "defence", Title: "Defence Expenditure of NATO Countries (2014-2024)", Publisher: "NATO",
			Published: "2024-06-17", Cutoff: "2024-06-12", Definition: "classic",
			Countries: 32, Years: 11, FirstYear: 2014, LastYear: 2024, Cells: 352,
			URL: "https://www.nato.int/content/dam/nato/legacy-wcm/media_pdf/2024/6/pdf/240617-def-exp-2024-en.pdf", File: "nato-2024-06.yaml"},
		{ID: "imf-weo-2025-10", Kind: "gdp", Title: "World Economic Outlook, October 2025", Publisher: "IMF", Published: "2025-10",
			Countries: 32, Years: 10, FirstYear: 2021, LastYear: 2030, Cells: 320,
			URL: "https://data.imf.org/en/datasets/IMF.RES:WEO", File: "imf-weo-2025-10.yaml"},
		{ID: "imf-weo-2025-10-population", Kind: "population", Title: "World Economic Outlook, October 2025 (population)", Publisher: "IMF",
			Published: "2025-10", Countries: 32, Years: 17, FirstYear: 2014, LastYear: 2030, Cells: 544,
			URL: "https://data.imf.org/en/datasets/IMF.RES:WEO", File: "imf-weo-2025-10-population.yaml"},
		{ID: "kiel-ust-28", Kind: "aid", Publisher: "Kiel Institute for the World Economy", Published: "2026-04-22", Cutoff: "2026-02-28",
			Measure: "bilateral allocations, cumulative, million EUR", Countries: 42, Cells: 42, PeriodStart: "2022-01-24",
			URL: "https://www.kielinstitut.de/publications/ukraine-support-tracker-data-6453/", File: "kiel-ust-28.yaml"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d releases, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if !g.Embedded || g.Replaces {
			t.Errorf("%s: embedded %v, replaces %v; want embedded", g.ID, g.Embedded, g.Replaces)
		}
		if g.ID != w.ID || g.Kind != w.Kind || g.Published != w.Published || g.Cutoff != w.Cutoff ||
			g.Definition != w.Definition || g.Measure != w.Measure || g.PeriodStart != w.PeriodStart ||
			g.Countries != w.Countries || g.Years != w.Years || g.FirstYear != w.FirstYear || g.LastYear != w.LastYear ||
			g.Cells != w.Cells || g.URL != w.URL || g.File != w.File || g.Publisher != w.Publisher ||
			w.Title != "" && g.Title != w.Title {
			t.Errorf("release %d:\n got %+v\nwant %+v", i, g, w)
		}
		if g.Title == "" || g.Kind != "aid" && g.PriceBasis == "" || g.Via == "" {
			t.Errorf("%s: title %q, price basis %q, via %q: want them all", g.ID, g.Title, g.PriceBasis, g.Via)
		}
	}
	for i, cov := range []string{
		"31 countries x 2014-2026 (13 years)",
		"31 countries x 2014-2025 (12 years)",
		"32 countries x 2014-2024 (11 years)",
		"32 countries x 2021-2030 (10 years)",
		"32 countries x 2014-2030 (17 years)",
		"42 donors",
	} {
		if c := got[i].Coverage(); c != cov {
			t.Errorf("%s: coverage %q, want %q", got[i].ID, c, cov)
		}
	}
}

// TestReleaseListUserFiles: a user's releases are listed with the embedded
// ones, by kind then newest first; a replacement says so.
func TestReleaseListUserFiles(t *testing.T) {
	ds := snapshot.Dataset()
	old := ds.Releases["nato-2024-06"]
	ds.Releases["nato-2024-06"] = (&defence.Release{ID: "nato-2024-06", Series: defence.SeriesDefence, Published: "2024-06-17",
		Source: "mine/nato.yaml", Replaced: old}).SetFigures(map[string]map[int]defence.Figure{"POL": {2024: {Share: defence.N(4.12)}}})
	ds.Releases["census"] = (&defence.Release{ID: "census", Series: defence.SeriesPopulation, Published: "2026-01-01", Source: "census.yaml"}).SetFigures(map[string]map[int]defence.Figure{"POL": {2024: {Population: defence.N(36.6)}}, "DEU": {2023: {Population: defence.N(83)}}})
	var ids []string
	for _, ri := range ReleaseList(ds) {
		ids = append(ids, ri.ID)
		switch ri.ID {
		case "nato-2024-06":
			if ri.Embedded || !ri.Replaces || ri.File != "mine/nato.yaml" || ri.Coverage() != "1 country x 2024" {
				t.Errorf("replacement: %+v, coverage %q", ri, ri.Coverage())
			}
		case "census":
			// 2 countries x 2023-2024, but one cell each: 2 cells, not 4.
			if ri.Embedded || ri.Replaces || ri.Coverage() != "2 countries x 2023-2024 (2 years), 2 cells" {
				t.Errorf("census: %+v, coverage %q", ri, ri.Coverage())
			}
		}
	}
	want := []string{"nato-2026-07", "nato-2025-08", "nato-2024-06", "imf-weo-2025-10", "census", "imf-weo-2025-10-population", "kiel-ust-28"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
}
