package calc

import (
	"fmt"
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
)

// PopulationFigure is a country's population in one year, with where it
// comes from.
type PopulationFigure struct {
	Value defence.Num // million people; unknown when no population release has it
	// Release is the id of the population release it comes from; "" when
	// unknown.
	Release string
	// Estimate is true for a projection (a year after the publisher's last
	// year of actual data).
	Estimate bool
}

// PopulationOf returns a country's population in a year from the newest
// population release (series population, by publication date) that has
// it. It is unknown, never 0, when no population release has the country
// and year (such as any year after 2030).
func PopulationOf(ds *defence.Dataset, code string, year int) PopulationFigure {
	for _, r := range ds.ReleasesNewestFirst(defence.SeriesPopulation) {
		if f, ok := r.Figure(code, year); ok && f.Population.Known && f.Population.V > 0 {
			return PopulationFigure{Value: f.Population, Release: r.ID, Estimate: f.Estimate}
		}
	}
	return PopulationFigure{}
}

// PerHead divides an amount in million USD by a population in million
// people: USD per person. It is unknown where either is unknown (or the
// population is not positive), never 0.
func PerHead(musd, population defence.Num) defence.Num {
	if !musd.Known || !population.Known || population.V <= 0 {
		return defence.Unknown
	}
	return defence.N(musd.V / population.V)
}

// PerCapita is a gap row's figures per head, in USD per person. Each is
// unknown where the population or the figure is.
type PerCapita struct {
	Population PopulationFigure
	// GDP is the row's GDP (NATO's, or the IMF's where the release has
	// none) per head.
	GDP defence.Num
	// Defence is the published defence expenditure (million current USD)
	// per head: unknown where the release publishes shares only (NATO's
	// August 2025 release) or no figure (Iceland). It is never worked out
	// from the share.
	Defence defence.Num
	// Gap is the row's gap per head; GapMin and GapMax bound it for a
	// target with a resilience part (see BoundGap).
	Gap, GapMin, GapMax defence.Num
}

// PerCapitaOf works out a gap row's figures per head, with the population
// of the year the row's figures are for (Row.Year: an earlier year with
// --latest); all unknown when the row has no year.
func PerCapitaOf(ds *defence.Dataset, r Row) PerCapita {
	if r.Year == 0 {
		return PerCapita{}
	}
	pop := PopulationOf(ds, r.Code, r.Year)
	return PerCapita{
		Population: pop,
		GDP:        PerHead(r.GDP, pop.Value),
		Defence:    PerHead(r.Defence, pop.Value),
		Gap:        PerHead(r.Gap, pop.Value),
		GapMin:     PerHead(r.GapMin, pop.Value),
		GapMax:     PerHead(r.GapMax, pop.Value),
	}
}

// PopulationNote is the note of a report with figures per head: which
// population releases the figures divide by (the distinct Release of the
// populations used), and whether some are projections. With no population
// known at all it says that the figures per head are unknown.
func PopulationNote(ds *defence.Dataset, used []PopulationFigure) string {
	var ids []string
	projected, missing := false, false
	for _, p := range used {
		if p.Release == "" {
			missing = true
			continue
		}
		if !slices.Contains(ids, p.Release) {
			ids = append(ids, p.Release)
		}
		projected = projected || p.Estimate
	}
	if len(ids) == 0 {
		return "Per head: no population release in the data has the countries and years shown, so the figures per head are unknown."
	}
	slices.Sort(ids)
	named := make([]string, len(ids))
	for i, id := range ids {
		named[i] = populationSource(ds, id)
	}
	note := fmt.Sprintf("Per head: amounts in USD per person (million USD / million people), population from %s.", strings.Join(named, " and "))
	if projected {
		note += " Some populations are projections (years after the publisher's last year of actual data)."
	}
	if missing {
		note += " Where a country's population is not known for its year, its figures per head are unknown."
	}
	return note
}

// populationSource names a population release: "imf-weo-2025-10-population
// (IMF, World Economic Outlook, October 2025 (population), 2025-10)".
func populationSource(ds *defence.Dataset, id string) string {
	r, ok := ds.Releases[id]
	if !ok {
		return id
	}
	var what []string
	for _, s := range []string{r.Publisher, r.Title, r.Published} {
		if s != "" {
			what = append(what, s)
		}
	}
	if len(what) == 0 {
		return id
	}
	return id + " (" + strings.Join(what, ", ") + ")"
}

// NATOPerCapita is what NATO's own release publishes per head for a row's
// country and year (Table 6): at constant prices and exchange rates of the
// release's ConstantYear, divided by the population NATO uses, which its
// tables do not print. It is not the figures per head above (current prices,
// the IMF's population) and is never mixed with them.
type NATOPerCapita struct {
	GDP          defence.Num // thousand USD per person, constant prices
	Defence      defence.Num // USD per person, constant prices
	ConstantYear int         // the base year of the prices; 0 when none
	Release      string
}

// NATOPerCapitaOf returns the row's release's own figures per head for
// the row's country and year; unknown where the release has none (NATO's
// August 2025 release, Iceland's defence).
func NATOPerCapitaOf(ds *defence.Dataset, r Row) NATOPerCapita {
	rel := ds.Releases[r.Release]
	if rel == nil || r.Year == 0 {
		return NATOPerCapita{}
	}
	f, ok := rel.Figure(r.Code, r.Year)
	if !ok {
		return NATOPerCapita{}
	}
	d := f.Details()
	if !d.GDPPerCapitaConst.Known && !d.DefencePerCapitaConst.Known {
		return NATOPerCapita{}
	}
	return NATOPerCapita{GDP: d.GDPPerCapitaConst, Defence: d.DefencePerCapitaConst, ConstantYear: rel.ConstantYear, Release: rel.ID}
}

// NATOPerCapitaNote says what NATO's own figures per head are, for the
// releases used (by id, with their constant year); "" when none is.
func NATOPerCapitaNote(used []NATOPerCapita) string {
	seen := map[string]bool{}
	var parts []string
	for _, u := range used {
		if u.Release == "" || seen[u.Release] {
			continue
		}
		seen[u.Release] = true
		parts = append(parts, fmt.Sprintf("%s at constant %d prices and exchange rates", u.Release, u.ConstantYear))
	}
	if len(parts) == 0 {
		return ""
	}
	return "NATO GDP/head k$ and NATO def./head $ (nato_gdp_per_capita_const_kusd, nato_defence_per_capita_const_usd): NATO's own figures per head (Table 6; " +
		strings.Join(parts, "; ") + "), GDP in thousand US dollars and defence in US dollars per person. They divide by the population NATO uses, which its tables do not print and which need not be the IMF's, at constant prices: they are not comparable one-to-one with GDP/head $ and Def./head $ (current prices, IMF population)."
}
