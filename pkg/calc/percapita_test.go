package calc

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// TestPerCapitaUSA2024: the United States in 2024, from NATO's June 2024
// release (nato-2024-06, 2024e) and the IMF's October 2025 population
// (imf-weo-2025-10-population, imf_weo_population_2025_10.csv: 340.102;
// 2024 is an actual year for the US):
//
//	defence 967,707.00 USD m / population 340.102 m = 2,845.3435 USD per person
//	GDP 28,719,941.56 USD m / 340.102 m             = 84,445.0828 USD per person
//	gap to 3.5% at the published share 3.3790%:
//	  (3.5 - 3.379) / 100 x 28,719,941.56 = 34,751.1293 USD m
//	  34,751.1293 / 340.102                = 102.1786 USD per person
func TestPerCapitaUSA2024(t *testing.T) {
	ds := snapshot.Dataset()
	pop := PopulationOf(ds, "USA", 2024)
	if pop.Release != "imf-weo-2025-10-population" || pop.Estimate {
		t.Fatalf("population of the US in 2024 from %q (estimate %v), want imf-weo-2025-10-population, actual", pop.Release, pop.Estimate)
	}
	near(t, "population", pop.Value, 340.102)

	obs := Resolve(ds, ds.Releases["nato-2024-06"], 2024, []string{"USA"}, false)
	pc := PerCapitaOf(ds, Gap(obs[0], 3.5, MethodShare))
	if pc.Defence.Known && (pc.Defence.V < 2845.3434 || pc.Defence.V > 2845.3435) {
		t.Errorf("defence per head %.6f, want 2,845.3435", pc.Defence.V)
	}
	near(t, "defence per head", pc.Defence, 967707.00/340.102)
	near(t, "GDP per head", pc.GDP, 28719941.56/340.102)
	if pc.GDP.V < 84445.08 || pc.GDP.V > 84445.09 {
		t.Errorf("GDP per head %.4f, want 84,445.0828", pc.GDP.V)
	}
	if pc.Gap.V < 102.178 || pc.Gap.V > 102.179 {
		t.Errorf("gap per head %.4f, want 102.1786", pc.Gap.V)
	}
	if pc.GapMin.Known || pc.GapMax.Known {
		t.Errorf("a gap without bounds has bounds per head: %+v, %+v", pc.GapMin, pc.GapMax)
	}

	// The Hague 5% with its 1.5% resilience part, resilience unknown: the
	// gap is a range, from the core gap (3.5 - 3.379)% x GDP = 34,751.1293
	// to (5 - 3.379)% x GDP = 465,550.2527 USD m; per head 102.1786 to
	// 465,550.2527 / 340.102 = 1,368.8548 USD per person.
	pc = PerCapitaOf(ds, BoundGap(obs[0], 5, 1.5, MethodShare))
	if pc.Gap.Known {
		t.Errorf("bounded gap per head %+v, want unknown", pc.Gap)
	}
	if pc.GapMin.V < 102.178 || pc.GapMin.V > 102.179 || pc.GapMax.V < 1368.854 || pc.GapMax.V > 1368.855 {
		t.Errorf("gap per head from %.4f to %.4f, want 102.1786 to 1,368.8548", pc.GapMin.V, pc.GapMax.V)
	}
}

// TestPerCapitaUnknown: per-head figures are unknown, never 0, where the
// population or the figure is unknown.
func TestPerCapitaUnknown(t *testing.T) {
	ds := snapshot.Dataset()
	rel := ds.Releases["nato-2024-06"]

	// Montenegro 2021: population 0.625 m in the IMF's October 2025
	// vintage; defence 91.19 USD m (nato-2024-06) / 0.625 = 145.904 USD
	// per person. Without a population release, all unknown.
	obs := Resolve(ds, rel, 2021, []string{"MNE"}, false)
	if !obs[0].Defence.Known {
		t.Fatal("MNE 2021: no defence figure in nato-2024-06")
	}
	pc := PerCapitaOf(ds, Gap(obs[0], 2, MethodShare))
	near(t, "MNE 2021 defence per head", pc.Defence, 145.904)
	noPop := snapshot.Dataset()
	delete(noPop.Releases, "imf-weo-2025-10-population")
	pc = PerCapitaOf(noPop, Gap(obs[0], 2, MethodShare))
	if pc.Population.Value.Known || pc.Population.Release != "" || pc.GDP.Known || pc.Defence.Known || pc.Gap.Known {
		t.Errorf("MNE 2021 without a population release: %+v, want all unknown", pc)
	}

	// Iceland 2024: population 0.384 m, GDP 32,894.49 USD m; no defence.
	obs = Resolve(ds, rel, 2024, []string{"ISL"}, false)
	pc = PerCapitaOf(ds, Gap(obs[0], 2, MethodShare))
	near(t, "ISL GDP per head", pc.GDP, 32894.49/0.384) // 85,662.7344 USD per person
	if pc.Defence.Known || pc.Gap.Known {
		t.Errorf("ISL 2024: defence per head %+v, gap per head %+v, want unknown", pc.Defence, pc.Gap)
	}

	// NATO's August 2025 release publishes shares only: no defence per
	// head, although the share times the IMF's GDP gives a gap.
	obs = Resolve(ds, ds.Releases["nato-2025-08"], 2024, []string{"POL"}, false)
	pc = PerCapitaOf(ds, Gap(obs[0], 5, MethodShare))
	if pc.Defence.Known || !pc.Gap.Known || !pc.GDP.Known {
		t.Errorf("POL 2024 in nato-2025-08: %+v, want defence unknown, GDP and gap known", pc)
	}

	// No year, no population; past the IMF's horizon, none either.
	if pc := PerCapitaOf(ds, Row{Obs: Obs{Code: "USA", GDP: defence.N(1)}}); pc.GDP.Known {
		t.Errorf("row without a year: %+v", pc)
	}
	if p := PopulationOf(ds, "USA", 2031); p.Value.Known {
		t.Errorf("USA 2031: %+v, want unknown", p)
	}
	for _, c := range []struct{ musd, pop defence.Num }{
		{defence.Unknown, defence.N(1)}, {defence.N(1), defence.Unknown}, {defence.N(1), defence.N(0)},
	} {
		if got := PerHead(c.musd, c.pop); got.Known {
			t.Errorf("PerHead(%+v, %+v) = %+v, want unknown", c.musd, c.pop, got)
		}
	}
	near(t, "PerHead", PerHead(defence.N(0), defence.N(2)), 0) // a known 0 stays 0
}

// TestPopulationNewestRelease: the newest population release that has
// the country and year gives it; an older one fills in what it lacks.
func TestPopulationNewestRelease(t *testing.T) {
	ds := snapshot.Dataset()
	ds.Releases["mine"] = (&defence.Release{ID: "mine", Series: defence.SeriesPopulation, Title: "Census", Publisher: "Office",
		Published: "2026-01-01"}).SetFigures(map[string]map[int]defence.Figure{"USA": {2024: {Population: defence.N(341)}}})
	// A GDP release published later is no population source.
	ds.Releases["gdp"] = (&defence.Release{ID: "gdp", Series: defence.SeriesGDP, Published: "2027-01-01"}).SetFigures(map[string]map[int]defence.Figure{"USA": {2024: {GDP: defence.N(1)}}})
	if p := PopulationOf(ds, "USA", 2024); p.Release != "mine" || p.Value.V != 341 {
		t.Errorf("USA 2024: %+v, want 341 from mine", p)
	}
	if p := PopulationOf(ds, "POL", 2024); p.Release != "imf-weo-2025-10-population" || p.Value.V != 36.621 {
		t.Errorf("POL 2024: %+v, want 36.621 from imf-weo-2025-10-population", p)
	}
	// The newest GDP release is never the population release.
	if rs := ds.ReleasesNewestFirst(defence.SeriesGDP); rs[0].ID != "gdp" || len(rs) != 2 {
		t.Errorf("GDP releases: %d, first %s", len(rs), rs[0].ID)
	}
	g, src := GDPFrom(ds.ReleasesNewestFirst(defence.SeriesGDP), "POL", 2024)
	if src != "imf-weo-2025-10" || !g.Known {
		t.Errorf("GDPFrom POL 2024: %v from %q, want imf-weo-2025-10", g, src)
	}
}

func TestPopulationNote(t *testing.T) {
	ds := snapshot.Dataset()
	imf := PopulationFigure{Value: defence.N(340.102), Release: "imf-weo-2025-10-population"}
	proj := PopulationFigure{Value: defence.N(341.698), Release: "imf-weo-2025-10-population", Estimate: true}
	const src = "population from imf-weo-2025-10-population (IMF, World Economic Outlook, October 2025 (population), 2025-10)."
	for _, c := range []struct {
		used      []PopulationFigure
		want, not []string
	}{
		{[]PopulationFigure{imf, imf}, []string{"USD per person (million USD / million people)", src}, []string{"projections", "unknown"}},
		{[]PopulationFigure{imf, proj}, []string{src, "Some populations are projections"}, []string{"unknown"}},
		{[]PopulationFigure{imf, {}}, []string{src, "its figures per head are unknown"}, []string{"projections"}},
		{[]PopulationFigure{{}}, []string{"no population release in the data has the countries and years shown"}, nil},
	} {
		got := PopulationNote(ds, c.used)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%+v: note %q lacks %q", c.used, got, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%+v: note %q has %q", c.used, got, w)
			}
		}
	}
}

// TestPerCapitaGermany2024: one vintage for GDP and population. Germany
// 2024 in nato-2026-07: defence 93,747 USD m (Table 2) / 83.517 m people
// (IMF WEO October 2025, imf_weo_population_2025_10.csv; the April 2025
// vintage had 84.716 m) = 1,122.4900 USD per person; GDP 4,686,831 /
// 83.517 = 56,118.2873. NATO's own Table 6 of the release, at constant
// 2021 prices (nato_2026_via_all_tables.md): 52.4 thousand USD and 1,049
// USD per person, given apart, never mixed with the IMF-based figures.
func TestPerCapitaGermany2024(t *testing.T) {
	ds := snapshot.Dataset()
	obs := Resolve(ds, ds.Releases["nato-2026-07"], 2024, []string{"DEU"}, false)
	row := Gap(obs[0], 3.5, MethodShare)
	pc := PerCapitaOf(ds, row)
	if pc.Population.Release != "imf-weo-2025-10-population" || pc.Population.Value.V != 83.517 || pc.Population.Estimate {
		t.Fatalf("population %+v, want 83.517 (actual) from imf-weo-2025-10-population", pc.Population)
	}
	if pc.Defence.V < 1122.4899 || pc.Defence.V > 1122.4901 {
		t.Errorf("defence per head %.4f, want 1,122.4900", pc.Defence.V)
	}
	if pc.GDP.V < 56118.2872 || pc.GDP.V > 56118.2874 {
		t.Errorf("GDP per head %.4f, want 56,118.2873", pc.GDP.V)
	}
	n := NATOPerCapitaOf(ds, row)
	if n.GDP.V != 52.4 || n.Defence.V != 1049 || n.ConstantYear != 2021 || n.Release != "nato-2026-07" {
		t.Errorf("NATO's per head: %+v, want 52.4 thousand and 1,049 USD at 2021 prices", n)
	}
	// A release without Table 6 (nato-2025-08): unknown, never 0.
	obs = Resolve(ds, ds.Releases["nato-2025-08"], 2024, []string{"DEU"}, false)
	if n := NATOPerCapitaOf(ds, Gap(obs[0], 2, MethodShare)); n.GDP.Known || n.Defence.Known || n.Release != "" {
		t.Errorf("nato-2025-08: %+v, want unknown", n)
	}
	note := NATOPerCapitaNote([]NATOPerCapita{n, NATOPerCapitaOf(ds, row)})
	if !strings.Contains(note, "nato-2026-07 at constant 2021 prices and exchange rates") || !strings.Contains(note, "the population NATO uses, which its tables do not print") {
		t.Errorf("note %q", note)
	}
	if NATOPerCapitaNote(nil) != "" {
		t.Error("a note without NATO figures per head")
	}
}
