package dataset_test

import (
	"math"
	"testing"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

// These tests pin the embedded data to NATO's and the IMF's published
// tables: every expected value below is a figure as the publisher prints it
// (NATO's workbooks, via ../shared/data), not something natospend computed.

func embedded(t *testing.T) *defence.Dataset {
	t.Helper()
	var src []dataset.Source
	for _, f := range data.Files() {
		src = append(src, dataset.Source{Name: "embedded:" + f.Name, Data: f.Data})
	}
	ds, err := dataset.Load(src, nil)
	if err != nil {
		t.Fatalf("embedded data does not load: %v", err)
	}
	return ds
}

func TestEmbeddedCoverage(t *testing.T) {
	ds := embedded(t)
	want := map[string]struct {
		series, definition string
		countries, cells   int
		first, last        int
	}{
		"nato-2026-07": {defence.SeriesDefence, defence.DefinitionCore, 31, 403, 2014, 2026},
		// 372: the shared table's 371 rows of NATO-2025-08 and Germany 2025,
		// a cell with no figure whose note says NATO left it blank.
		"nato-2025-08":    {defence.SeriesDefence, defence.DefinitionClassic, 31, 372, 2014, 2025},
		"nato-2024-06":    {defence.SeriesDefence, defence.DefinitionClassic, 32, 352, 2014, 2024},
		"imf-weo-2025-10": {defence.SeriesGDP, "", 32, 320, 2021, 2030},
		// 32 x 2014-2030 (imf_weo_population_2025_10.csv).
		"imf-weo-2025-10-population": {defence.SeriesPopulation, "", 32, 544, 2014, 2030},
	}
	if len(ds.Releases) != len(want) {
		t.Errorf("%d releases, want %d", len(ds.Releases), len(want))
	}
	for id, w := range want {
		r, ok := ds.Releases[id]
		if !ok {
			t.Errorf("release %s missing", id)
			continue
		}
		ys := r.Years()
		if r.Series != w.series || (w.definition != "" && r.Definition != w.definition) ||
			len(r.Cells()) != w.countries || r.CountryYears() != w.cells || ys[0] != w.first || ys[len(ys)-1] != w.last {
			t.Errorf("%s: series %s, definition %s, %d countries, %d cells, %d-%d; want %+v",
				id, r.Series, r.Definition, len(r.Cells()), r.CountryYears(), ys[0], ys[len(ys)-1], w)
		}
	}
	if n := len(ds.Groups["nato"].Members); n != 32 {
		t.Errorf("nato has %d members, want 32", n)
	}
	for id, n := range map[string]int{"europe-canada": 31, "europe": 30, "eu": 28} {
		if got := len(ds.Groups[id].Members); got != n {
			t.Errorf("%s has %d members, want %d", id, got, n)
		}
	}
	isl := ds.Countries["ISL"]
	if isl.DefenceReported || isl.Note == "" || isl.NATOSince != 1949 {
		t.Errorf("Iceland must be flagged as not reporting, with a note: %+v", isl)
	}
	if ds.Countries["JPN"].NATOSince > 0 {
		t.Error("Japan is in the data as a donor, not as an ally")
	}
}

func TestEmbeddedCellsAsPublished(t *testing.T) {
	ds := embedded(t)
	type cell struct {
		release, code string
		year          int
		gdp, def, sh  float64 // NaN: must be absent
		estimate      bool
	}
	nan := math.NaN()
	cells := []cell{
		// June 2024 release, Tables 2, 3 and 5 (2023 and 2024 estimates)
		{"nato-2024-06", "NLD", 2024, 1162882.90, 21459.68, 2.0495, true},
		{"nato-2024-06", "POL", 2024, 848856.96, 34974.53, 4.1202, true},
		{"nato-2024-06", "USA", 2024, 28719941.56, 967707.00, 3.3790, true},
		{"nato-2024-06", "ALB", 2014, 13245.95, 178.36, 1.3465, false},
		{"nato-2024-06", "ISL", 2024, 32894.49, nan, nan, true}, // GDP only
		// August 2025 release: shares only
		{"nato-2025-08", "POL", 2024, nan, nan, 3.7890, true},
		{"nato-2025-08", "GBR", 2025, nan, nan, 2.3959, true},
		{"nato-2025-08", "DEU", 2025, nan, nan, nan, true}, // left blank by NATO
		// July 2026 release, core definition
		{"nato-2026-07", "NLD", 2026, 1436621, 32900, 2.58, true},
		{"nato-2026-07", "DEU", 2026, 5455980, 147002, 2.69, true},
		{"nato-2026-07", "POL", 2025, 1038864, 44154, 4.25, true},
		{"nato-2026-07", "USA", 2024, 29298013, 967707, 3.30, false},
		{"nato-2026-07", "FRA", 2026, 3600188, 79753, 2.22, true},
		// IMF WEO October 2025 (USD billions in the source: 4,684.182 and 6,013.749)
		{"imf-weo-2025-10", "DEU", 2024, 4684182, nan, nan, false},
		{"imf-weo-2025-10", "DEU", 2030, 6013749, nan, nan, true},
	}
	check := func(c cell, what string, got defence.Num, want float64) {
		t.Helper()
		switch {
		case math.IsNaN(want) && got.Known:
			t.Errorf("%s %s %d %s = %v, want absent", c.release, c.code, c.year, what, got.V)
		case !math.IsNaN(want) && (!got.Known || got.V != want):
			t.Errorf("%s %s %d %s = %+v, want %v", c.release, c.code, c.year, what, got, want)
		}
	}
	for _, c := range cells {
		f, ok := ds.Releases[c.release].Figure(c.code, c.year)
		if !ok {
			t.Errorf("%s %s %d: no cell", c.release, c.code, c.year)
			continue
		}
		check(c, "gdp", f.GDP, c.gdp)
		check(c, "defence", f.Defence, c.def)
		check(c, "share", f.Share, c.sh)
		if f.Estimate != c.estimate {
			t.Errorf("%s %s %d: estimate %v, want %v", c.release, c.code, c.year, f.Estimate, c.estimate)
		}
	}
	if _, ok := ds.Releases["nato-2026-07"].Figure("ISL", 2026); ok {
		t.Error("the July 2026 release publishes nothing for Iceland")
	}
	// Denmark's 2025 equipment share is blank in the August 2025 release.
	if f, _ := ds.Releases["nato-2025-08"].Figure("DNK", 2025); f.Equipment.Known || !f.Share.Known || f.Share.V != 3.2158 {
		t.Errorf("DNK 2025 (nato-2025-08): %+v, want share 3.2158 and no equipment share", f)
	}
	// IMF WEO October 2025 population, million people
	// (imf_weo_population_2025_10.csv); projections after each country's
	// last actual year (2024; 2023 for the United Kingdom).
	pop := ds.Releases["imf-weo-2025-10-population"]
	for _, c := range []struct {
		code     string
		year     int
		want     float64
		estimate bool
	}{
		{"DEU", 2024, 83.517, false},
		{"DEU", 2025, 83.664, true},
		{"ALB", 2014, 2.889, false},
		{"GBR", 2023, 68.265, false},
		{"GBR", 2024, 69.226, true},
	} {
		f, ok := pop.Figure(c.code, c.year)
		if !ok || !f.Population.Known || f.Population.V != c.want || f.Estimate != c.estimate || f.GDP.Known {
			t.Errorf("population %s %d: %+v, want %v (estimate %v) and nothing else", c.code, c.year, f, c.want, c.estimate)
		}
	}
}

func sum(r *defence.Release, year int, group []string) (gdp, def float64) {
	for _, code := range group {
		f, _ := r.Figure(code, year)
		gdp += f.GDP.V
		def += f.Defence.V
	}
	return gdp, def
}

// The allies' figures add up to NATO's own published totals
// (nato_aggregates.csv: "NATO Total" and "NATO Europe and Canada").
func TestEmbeddedSumsMatchNATOTotals(t *testing.T) {
	ds := embedded(t)
	nato := ds.Groups["nato"].Members
	ec := ds.Groups["europe-canada"].Members

	// June 2024 release, 2024: full precision, to the cent of a million.
	r := ds.Releases["nato-2024-06"]
	gdp, def := sum(r, 2024, nato)
	within(t, "2024-06 NATO defence", def, 1474399.48, 0.02)
	within(t, "2024-06 NATO GDP", gdp, 53976436.99, 0.05)
	gdp, def = sum(r, 2024, ec)
	within(t, "2024-06 Europe and Canada defence", def, 506692.48, 0.02)
	within(t, "2024-06 Europe and Canada GDP", gdp, 25256495.43, 0.05)

	// July 2026 release, 2026: whole millions, so each of the 31 figures
	// carries up to 0.5 of rounding.
	r = ds.Releases["nato-2026-07"]
	gdp, def = sum(r, 2026, nato)
	within(t, "2026-07 NATO defence", def, 1809915, 15.5)
	_, ecDef := sum(r, 2026, ec)
	within(t, "2026-07 Europe and Canada defence", ecDef, 777066, 15.5)
	// NATO's 2026 GDP totals include Iceland, which the release does not
	// list: both totals exceed the 31 allies' sum by the same amount, one
	// country's GDP (43,087 USD m).
	ecGDP, _ := sum(r, 2026, ec)
	missTotal := 63182981 - gdp
	missEC := 30635357 - ecGDP
	within(t, "Iceland-sized gap in both GDP totals", missTotal, missEC, 31)
	within(t, "GDP not in the release", missTotal, 43087, 31)
}

func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.2f, want %.2f (within %v)", what, got, want, tol)
	}
}
