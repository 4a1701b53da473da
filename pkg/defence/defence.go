// Package defence holds the plain value types of natospend's data model:
// countries, groups, targets and published releases of GDP and defence
// figures. It does no I/O; pkg/dataset loads these values from YAML.
package defence

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/natospend/natospend/pkg/suggest"
)

// Num is a figure that may be unknown. An absent figure is unknown, never
// zero: Known is false and V is meaningless.
type Num struct {
	V     float64
	Known bool
}

// N returns a known figure.
func N(v float64) Num { return Num{V: v, Known: true} }

// Unknown is the unknown figure.
var Unknown = Num{}

// Series says what a release publishes.
const (
	SeriesDefence = "defence" // defence expenditure (and usually GDP), e.g. NATO's tables
	SeriesGDP     = "gdp"     // GDP only, e.g. the IMF World Economic Outlook
	// SeriesPopulation: population only, e.g. the IMF World Economic
	// Outlook's; never a source of GDP or defence figures.
	SeriesPopulation = "population"
)

// Definitions of defence expenditure used by NATO releases.
const (
	DefinitionClassic = "classic" // NATO's definition used up to the 2025 release
	DefinitionCore    = "core"    // "core defence", from the July 2026 release on (Hague 3.5%)
)

// Country is one country of the data: an ally, a partner or an aid donor.
type Country struct {
	Code string // ISO 3166-1 alpha-3, upper case
	Name string // English short name
	// Aliases are other names people use for the country (UK, Turkey,
	// Czech Republic), matched as the name is: see LookupCountry. Nil
	// when there are none.
	Aliases []string
	// NATOSince is the year of accession to NATO; 0 for a country that is
	// not an ally.
	NATOSince int
	// EUSince is the year of accession to the European Union (for its six
	// founders, to the European Communities, 1958); 0 for a country that
	// has never been a member.
	EUSince int
	// EULeft is the first year in which the country is no longer an EU
	// member (the United Kingdom left on 31 January 2020: 2020); 0 for a
	// country that has not left.
	EULeft int
	// DefenceReported is false for a country that publishes no defence
	// expenditure figure at all (Iceland, which has no armed forces).
	DefenceReported bool
	// Institution is true for a donor that is not a country, such as the
	// EU's institutions; its code is from ISO 3166-1's user-assigned range.
	Institution bool
	Note        string
	Source      Place // where the country was defined
}

// Group is a named set of countries, such as "nato" or "eu".
type Group struct {
	ID      string
	Name    string
	Members []string // country codes, sorted
	// Membership says which of the members count in a given year (see
	// MembersIn): MembershipNATO, MembershipEU, or "" for a fixed list
	// whose members all count in every year.
	Membership string
	Note       string
	Source     Place // where the group was defined
}

// Membership rules of a group.
const (
	MembershipNATO = "nato" // a member counts from its nato_since year
	MembershipEU   = "eu"   // a member counts from its eu_since year until before its eu_left year
)

// Component is one part of a target that is made of several, such as the
// 3.5% core defence and 1.5% resilience parts of the Hague 5%.
type Component struct {
	ID   string
	Name string
	Pct  float64
	// Basis names what the component counts: "core" for defence as NATO
	// defines it, "resilience" for defence- and security-related spending
	// that NATO's tables do not hold.
	Basis string
}

// Component bases.
const (
	BasisCore       = "core"
	BasisResilience = "resilience"
)

// Target measures: what a target's Pct is a percentage of, and of what.
// Each names the column of a release the target is compared with.
const (
	// MeasureShare (the zero value, written "share" or left out in a
	// targets file): defence expenditure as a percentage of GDP
	// (share_pct, or defence_musd / gdp_musd).
	MeasureShare = ""
	// MeasureEquipment: equipment expenditure (major equipment, including
	// related R&D) as a percentage of defence expenditure (equipment_pct),
	// such as the Wales guideline of 20%.
	MeasureEquipment = "equipment"
)

// Target is a spending target: by default a percentage of GDP; with
// Measure MeasureEquipment, a percentage of defence expenditure to be
// spent on major equipment.
type Target struct {
	ID   string
	Name string
	Pct  float64
	// Measure is MeasureShare (a share of GDP) or MeasureEquipment (the
	// equipment share of defence expenditure).
	Measure  string
	Deadline int // year by which the target is to be met; 0 when none
	Agreed   string
	// Definition is the definition of defence expenditure the target was
	// agreed on (DefinitionClassic, DefinitionCore, or a user's own
	// word); "" when the data does not say (a percentage typed on the
	// command line, a figure only floated).
	Definition string
	Components []Component
	Citation   string
	URL        string
	Note       string
	Source     Place // where the target was defined
}

// OfDefence reports whether the target is a share of defence expenditure
// (the equipment guideline), not of GDP.
func (t Target) OfDefence() bool { return t.Measure == MeasureEquipment }

// Figure is what a release publishes for one country and year. Any figure
// may be unknown.
type Figure struct {
	GDP        Num // million current USD
	Defence    Num // million current USD
	Share      Num // defence as % of GDP, as published
	Equipment  Num // equipment expenditure as % of defence
	Resilience Num // resilience spending, million current USD (user data only)
	Population Num // million people (a population release only)
	// Detail holds the figures of NATO's other tables (natospend import
	// nato); nil when the cell has none of them (see Details).
	Detail   *Detail
	Estimate bool
	Note     string
	Source   Place // where the cell was defined
}

// Detail holds the figures of NATO's other tables, each unknown where a
// release does not publish it; the units are NATO's (docs/data.md).
// Constant prices are those of the release's ConstantYear. It is a
// pointer in Figure, so that the cells of the many releases without them
// stay small.
type Detail struct {
	DefenceNCU            Num // million national currency units, current prices (the currency: Release.Currencies)
	DefenceConstNCU       Num // million national currency units, constant prices
	DefenceConst          Num // million USD, constant prices and exchange rates
	GDPConst              Num // million USD, constant prices and exchange rates
	RealChange            Num // annual real change of defence expenditure, % (negative: a fall)
	GDPPerCapitaConst     Num // thousand USD per person, constant prices and exchange rates
	DefencePerCapitaConst Num // USD per person, constant prices and exchange rates
	Personnel             Num // military personnel, thousands
	PersonnelPct          Num // personnel expenditure as % of defence
	InfrastructurePct     Num // infrastructure expenditure as % of defence
	OtherPct              Num // other expenditure as % of defence
}

// Details returns the cell's figures of NATO's other tables: all unknown
// when it has none.
func (f Figure) Details() Detail {
	if f.Detail == nil {
		return Detail{}
	}
	return *f.Detail
}

// HasFigures reports whether the cell publishes a share of GDP or a defence
// figure: what makes a year "with figures" for a defence release.
func (f Figure) HasFigures() bool { return f.Share.Known || f.Defence.Known }

// Release is one published table: NATO's defence expenditure release of a
// given date, or a vintage of the IMF World Economic Outlook.
type Release struct {
	ID        string
	Series    string // SeriesDefence, SeriesGDP or SeriesPopulation
	Title     string
	Publisher string
	Published string // YYYY-MM-DD
	Cutoff    string // YYYY-MM-DD, may be empty
	URL       string
	// SourceFile names the publisher's file the figures were read from
	// (NATO's workbook 240617-def-exp-2024-TABLES-en.xlsx) where URL is
	// another document of the release (its press PDF); SourceSHA256 is
	// the hex SHA-256 of that file. Both "" when not given.
	SourceFile   string
	SourceSHA256 string
	// Via is the copy that was read, where it is not the publisher's own
	// file (a third party's export or re-saved workbook); "" otherwise.
	Via        string
	PriceBasis string
	Definition string // DefinitionClassic, DefinitionCore, or a user's own word
	Notes      []string
	// Currencies names, by country code, the currency (ISO 4217 code, such
	// as EUR) of the release's figures in national currency
	// (Figure.DefenceNCU); nil when it has none.
	Currencies map[string]string
	// ConstantYear is the base year of the release's figures at constant
	// prices (2015 for NATO's June 2024 tables); 0 when it has none.
	ConstantYear int
	Source       string // file name ("embedded:..." for an embedded file; see Embedded)
	// Replaced is the embedded release of the same id that this release of
	// a user's file replaces (see pkg/dataset.Load); nil otherwise.
	Replaced *Release
	// figures maps country code to year to figure (the map form, set by
	// SetFigures); nil for a lazy release (see Lazy), which holds its
	// figures in lazy until Cells builds the maps. Outside this package
	// the figures are read through Cells or the methods that read single
	// cells, whichever form the release holds.
	figures map[string]map[int]Figure
	lazy    *lazyFigures
	// aggregates holds the publisher's own aggregate rows (see
	// SetAggregates), by group id and year; nil when the release has none
	// or holds them in aggIndex (see LazyAggregates), which is read in
	// place and never built into maps.
	aggregates map[string]map[int]Figure
	aggIndex   FigureIndex
}

// lazyFigures holds the figures of a lazy release: index until Cells
// builds the maps, then the maps (built), which every method reads from
// then on, so that a caller may change what Cells returned. built is set
// once, under mu; the methods that read single cells load it without
// locking, so a release may be read from several goroutines at once,
// Cells included.
type lazyFigures struct {
	index FigureIndex
	mu    sync.Mutex
	built atomic.Pointer[map[string]map[int]Figure]
}

// SetFigures makes the release hold figures (country code to year to
// figure), in place of any it held, and returns r: for the loader and the
// importers, which build the maps, and for tests. The release keeps the
// maps, not a copy. Like Lazy, it is not safe for concurrent use with
// anything else on the release.
func (r *Release) SetFigures(figures map[string]map[int]Figure) *Release {
	r.figures, r.lazy = figures, nil
	return r
}

// SetAggregates makes the release hold the publisher's own aggregate
// rows, by group id (nato for NATO Total, europe-canada for NATO Europe
// and Canada) and year, as the release prints them: never computed from
// the countries' figures (they count the members of each year and may
// count a country whose figures the release leaves out, such as Iceland's
// GDP). For the loader and the importers; it returns r. The release keeps
// the maps, not a copy; nil or empty maps: none.
func (r *Release) SetAggregates(aggregates map[string]map[int]Figure) *Release {
	r.aggregates, r.aggIndex = aggregates, nil
	return r
}

// LazyAggregates makes the release hold its aggregate rows in index (by
// group id where a FigureIndex has country codes), read in place by the
// methods below and never built into maps, and returns r: the
// compiled-in snapshot's releases are made so (pkg/snapshot.Lazy), so
// that a run that reads one aggregate (gap's NATO Total) builds none of
// the others, nor their figures of NATO's other tables. Like SetAggregates,
// it is not safe for concurrent use with anything else on the release.
func (r *Release) LazyAggregates(index FigureIndex) *Release {
	r.aggregates, r.aggIndex = nil, index
	return r
}

// AggregateGroups returns the ids of the groups the release holds an
// aggregate row of, sorted (one of no years included, as SetAggregates was
// given it); none when it has none.
func (r *Release) AggregateGroups() []string {
	if r.aggIndex == nil {
		return sortedKeys(r.aggregates)
	}
	var out []string
	r.aggIndex.Each(false, "", func(group string, _ int, _ Figure) bool {
		if !slices.Contains(out, group) {
			out = append(out, group)
		}
		return true
	})
	sort.Strings(out)
	return out
}

// AggregateYears returns the years of a group's aggregate row, ascending.
func (r *Release) AggregateYears(group string) []int {
	var out []int
	if r.aggIndex != nil {
		r.aggIndex.Each(true, group, func(_ string, y int, _ Figure) bool { out = append(out, y); return true })
	} else {
		ys := r.aggregates[group]
		out = make([]int, 0, len(ys))
		for y := range ys {
			out = append(out, y)
		}
	}
	sort.Ints(out)
	return out
}

// Aggregate returns the publisher's aggregate of a group for a year, as
// printed, and whether the release publishes one. The caller must not
// change what the figure points to.
func (r *Release) Aggregate(group string, year int) (Figure, bool) {
	if r.aggIndex != nil {
		return r.aggIndex.Figure(group, year)
	}
	f, ok := r.aggregates[group][year]
	return f, ok
}

// Aggregates builds the release's aggregate rows as maps, by group id and
// year, as SetAggregates takes them (a group of no years included): a new
// value on every call, nil when the release has none. For the snapshot's
// generator and tests, which compare or write a release whole.
func (r *Release) Aggregates() map[string]map[int]Figure {
	groups := r.AggregateGroups()
	if len(groups) == 0 {
		return nil
	}
	m := make(map[string]map[int]Figure, len(groups))
	for _, g := range groups {
		m[g] = map[int]Figure{}
		for _, y := range r.AggregateYears(g) {
			m[g][y], _ = r.Aggregate(g, y)
		}
	}
	return m
}

// maps returns the release's maps when it holds or has built them, or
// nil while the release is lazy.
func (r *Release) maps() map[string]map[int]Figure {
	if r.lazy == nil {
		return r.figures
	}
	if m := r.lazy.built.Load(); m != nil {
		return *m
	}
	return nil
}

// FigureIndex holds a release's figures in another form than its maps:
// the compiled-in snapshot's static tables (pkg/snapshot), or the columns
// the loader packs a release into (Packed). It reads single cells without
// building the maps, so that a run that reads a few (gap reads one year
// of each country) builds none, and a million cells take little memory.
type FigureIndex interface {
	// Figure returns the cell of a country and year, as the release's
	// maps would, and whether there is one.
	Figure(code string, year int) (Figure, bool)
	// Each calls fn with every cell (only those of the country code
	// when only is set) until fn returns false. The figures carry at
	// least their numbers, estimate and note; their Source and Detail
	// may be left out (Figure gives them). fn must not change what a
	// figure points to.
	Each(only bool, code string, fn func(code string, year int, f Figure) bool)
	// Map builds the figures as the release holds them (Cells): a new value on
	// every call.
	Map() map[string]map[int]Figure
}

// Lazy makes r hold its figures in index until they are first asked for
// whole (Cells), and returns r. The compiled-in snapshot's releases are
// made so (pkg/snapshot.Lazy), so that a run pays only for the cells it
// reads, and so are the releases the loader packs (Pack).
//
// Until then, the methods that do not need the whole map (Figure, Years,
// LatestYear, LatestYearFor, CountryYears, HasFiguresIn, HasCountry,
// EachYear) read index.
func (r *Release) Lazy(index FigureIndex) *Release {
	r.figures, r.lazy = nil, &lazyFigures{index: index}
	return r
}

// each calls fn with every cell (only the country code's with only) until
// fn returns false, in no particular order.
func (r *Release) each(only bool, code string, fn func(code string, year int, f Figure) bool) {
	m := r.maps()
	if m == nil && r.lazy != nil {
		r.lazy.index.Each(only, code, fn)
		return
	}
	if only {
		for y, f := range m[code] {
			if !fn(code, y, f) {
				return
			}
		}
		return
	}
	for c, ys := range m {
		for y, f := range ys {
			if !fn(c, y, f) {
				return
			}
		}
	}
}

// EachYear calls fn with each of a country's cells, in no particular
// order, until fn returns false: their numbers, estimate and note, but
// not always their Source and Detail (Figure gives them). fn must not
// change what a figure points to.
func (r *Release) EachYear(code string, fn func(year int, f Figure) bool) {
	r.each(true, code, func(_ string, y int, f Figure) bool { return fn(y, f) })
}

// Each calls fn with every cell of the release, in no particular order,
// until fn returns false, without building the maps of a lazy release
// (as EachYear: Source and Detail may be left out). fn must not change
// what a figure points to.
func (r *Release) Each(fn func(code string, year int, f Figure) bool) {
	r.each(false, "", fn)
}

// HasCountry reports whether the release has a cell for the country.
func (r *Release) HasCountry(code string) bool {
	found := false
	r.each(true, code, func(string, int, Figure) bool { found = true; return false })
	return found
}

// Cells returns the release's figures, by country code and then year,
// building them first if the release is lazy (once: later calls return
// the same maps). It is safe for concurrent use, with itself and with the
// methods that read single cells. The caller may change the maps; the
// release's methods then read the changed maps.
func (r *Release) Cells() map[string]map[int]Figure {
	if m := r.maps(); m != nil || r.lazy == nil {
		return m
	}
	r.lazy.mu.Lock()
	defer r.lazy.mu.Unlock()
	if m := r.lazy.built.Load(); m != nil {
		return *m
	}
	m := r.lazy.index.Map()
	r.lazy.built.Store(&m)
	return m
}

// Figure returns the cell for a country and year, and whether it exists.
func (r *Release) Figure(code string, year int) (Figure, bool) {
	m := r.maps()
	if m == nil && r.lazy != nil {
		return r.lazy.index.Figure(code, year)
	}
	f, ok := m[code][year]
	return f, ok
}

// Years returns the years of the release in ascending order.
func (r *Release) Years() []int {
	seen := map[int]bool{}
	r.each(false, "", func(_ string, y int, _ Figure) bool { seen[y] = true; return true })
	out := make([]int, 0, len(seen))
	for y := range seen {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// LatestYear returns the latest year for which the release has figures
// (share or defence for a defence release, GDP for a GDP release,
// population for a population release) for any country, or 0.
func (r *Release) LatestYear() int {
	latest := 0
	r.each(false, "", func(_ string, y int, f Figure) bool {
		if y > latest && r.has(f) {
			latest = y
		}
		return true
	})
	return latest
}

// LatestYearFor returns the latest year, at most max (0 for no bound), for
// which the release has figures for the country, or 0.
func (r *Release) LatestYearFor(code string, max int) int {
	latest := 0
	r.each(true, code, func(_ string, y int, f Figure) bool {
		if y > latest && (max == 0 || y <= max) && r.has(f) {
			latest = y
		}
		return true
	})
	return latest
}

func (r *Release) has(f Figure) bool {
	switch r.Series {
	case SeriesGDP:
		return f.GDP.Known
	case SeriesPopulation:
		return f.Population.Known
	}
	return f.HasFigures()
}

// CountryCount counts the countries with a cell in the release, reading
// the cells in place (a lazy release builds no maps: releases lists them
// for every release).
func (r *Release) CountryCount() int {
	seen := map[string]bool{}
	r.each(false, "", func(code string, _ int, _ Figure) bool { seen[code] = true; return true })
	return len(seen)
}

// CountryYears counts the country-year cells of the release.
func (r *Release) CountryYears() int {
	n := 0
	r.each(false, "", func(string, int, Figure) bool { n++; return true })
	return n
}

// Dataset is everything natospend knows: the embedded data merged with the
// user's files.
type Dataset struct {
	Countries map[string]Country
	Groups    map[string]Group
	Targets   map[string]Target
	Releases  map[string]*Release
	// AidReleases and AidPackages are the support to Ukraine (see aid.go),
	// by id.
	AidReleases map[string]*AidRelease
	AidPackages map[string]*AidPackages
}

// NewDataset returns an empty dataset.
func NewDataset() *Dataset {
	return &Dataset{
		Countries: map[string]Country{},
		Groups:    map[string]Group{},
		Targets:   map[string]Target{},
		Releases:  map[string]*Release{},

		AidReleases: map[string]*AidRelease{},
		AidPackages: map[string]*AidPackages{},
	}
}

// CountryCodes returns all country codes, sorted.
func (d *Dataset) CountryCodes() []string { return sortedKeys(d.Countries) }

// GroupIDs returns all group ids, sorted.
func (d *Dataset) GroupIDs() []string { return sortedKeys(d.Groups) }

// TargetIDs returns all target ids, sorted by percentage then id.
func (d *Dataset) TargetIDs() []string {
	ids := sortedKeys(d.Targets)
	sort.SliceStable(ids, func(i, j int) bool { return d.Targets[ids[i]].Pct < d.Targets[ids[j]].Pct })
	return ids
}

// ReleasesNewestFirst returns the releases of a series (all series when
// series is empty), newest publication first, ties by id.
func (d *Dataset) ReleasesNewestFirst(series string) []*Release {
	var out []*Release
	for _, r := range d.Releases {
		if series == "" || r.Series == series {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Published != out[j].Published {
			return out[i].Published > out[j].Published
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// LookupCountry finds a country by code, English name or alias, without
// regard to case, diacritics or surrounding spaces (suggest.Fold: uk,
// Turkiye and " Türkiye " all find their country). The loader makes these
// names unique; should two countries still share one (a dataset built by
// hand), the one with the smaller code wins.
func (d *Dataset) LookupCountry(s string) (Country, bool) {
	s = strings.TrimSpace(s)
	if c, ok := d.Countries[strings.ToUpper(s)]; ok {
		return c, true
	}
	f := suggest.Fold(s)
	if f == "" {
		return Country{}, false
	}
	var found Country
	ok := false
	for code, c := range d.Countries {
		if ok && code > found.Code {
			continue
		}
		if c.Matches(f) {
			found, ok = c, true
		}
	}
	return found, ok
}

// Matches reports whether folded, a name already folded by suggest.Fold,
// is the country's code, name or one of its aliases.
func (c Country) Matches(folded string) bool {
	if suggest.Fold(c.Code) == folded || suggest.Fold(c.Name) == folded {
		return true
	}
	for _, a := range c.Aliases {
		if suggest.Fold(a) == folded {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
