package calc

import (
	"github.com/natospend/natospend/pkg/defence"
)

// HistoryYear is one year of a country's figures in one defence release,
// with the change from the year before.
type HistoryYear struct {
	Year int
	// Estimate is the release's mark on the cell (NATO's "e").
	Estimate bool
	Share    defence.Num // defence as % of GDP, as published
	Defence  defence.Num // million current USD, as published
	// GDP is the release's, or, where the release has none (NATO's August
	// 2025 release), the newest GDP release's that has it, as Resolve
	// does; GDPSource names the release it comes from ("" when unknown).
	GDP       defence.Num
	GDPSource string
	// GDPEstimate is true when the GDP comes from another release that
	// marks it an estimate or projection (the IMF's 2025-2030).
	GDPEstimate bool
	Equipment   defence.Num // major equipment as % of defence, as published
	// Detail holds the cell's figures of NATO's other tables (constant
	// prices, real change, personnel, the categories of spending), as
	// the release publishes them; all unknown where it has none.
	Detail defence.Detail
	// ShareChange is Share minus the year before's share, in percentage
	// points. DefenceChangePct is the change of Defence from the year
	// before, in % of that year's (current USD, so exchange rates move
	// it too). Each is unknown, never 0, where either year's figure is
	// unknown (or, for DefenceChangePct, the year before's is not
	// positive); the year before is always the calendar year before,
	// never an earlier year with figures.
	ShareChange      defence.Num
	DefenceChangePct defence.Num
	Note             string
	Source           defence.Place // where the cell was defined; zero for a year without one
}

// History is one country's figures over the years of a defence release.
type History struct {
	Code, Name string
	Release    *defence.Release
	// NotReported is true for a country that publishes no defence figure
	// (Iceland): its years hold GDP only.
	NotReported bool
	Years       []HistoryYear // ascending
}

// CountryHistory gathers a country's figures for each of the years (nil:
// every year of the release, rel.Years()), in ascending order. A year in
// which the release has no cell for the country is kept, with unknown
// figures (and the GDP of a GDP release where one has it), so that a
// series has one row per year asked for.
func CountryHistory(ds *defence.Dataset, rel *defence.Release, code string, years []int) History {
	if years == nil {
		years = rel.Years()
	}
	c := ds.Countries[code]
	h := History{Code: code, Name: c.Name, Release: rel, NotReported: !c.DefenceReported}
	for _, y := range years {
		o := Resolve(ds, rel, y, []string{code}, false)[0]
		f, _ := rel.Figure(code, y)
		hy := HistoryYear{
			Year: y, Estimate: o.Estimate,
			Share: o.Share, Defence: o.Defence, GDP: o.GDP, GDPSource: o.GDPSource,
			Equipment: f.Equipment, Detail: f.Details(), Note: f.Note, Source: f.Source,
		}
		if other := ds.Releases[o.GDPSource]; other != nil && other != rel {
			g, _ := other.Figure(code, y)
			hy.GDPEstimate = g.Estimate
		}
		prev, _ := rel.Figure(code, y-1)
		if hy.Share.Known && prev.Share.Known {
			hy.ShareChange = defence.N(hy.Share.V - prev.Share.V)
		}
		if hy.Defence.Known && prev.Defence.Known && prev.Defence.V > 0 {
			hy.DefenceChangePct = defence.N((hy.Defence.V - prev.Defence.V) / prev.Defence.V * 100)
		}
		h.Years = append(h.Years, hy)
	}
	return h
}

// HasConstantPrices reports whether a release publishes defence at
// constant prices (NATO's June 2024 tables, base year rel.ConstantYear):
// a release without them has ConstantYear 0 or no such figure.
func HasConstantPrices(rel *defence.Release) bool {
	if rel == nil || rel.ConstantYear == 0 {
		return false
	}
	for _, years := range rel.Cells() {
		for _, f := range years {
			if f.Details().DefenceConst.Known {
				return true
			}
		}
	}
	return false
}

// SpanChange is a country's change from one year of a release to a later
// one. Each change is unknown, never 0, where a figure it needs is unknown.
type SpanChange struct {
	From, To           int
	ShareFrom, ShareTo defence.Num // as published, % of GDP
	// SharePts is ShareTo - ShareFrom, in percentage points.
	SharePts defence.Num
	// DefenceFrom and DefenceTo are million current USD; DefenceChangePct
	// is (DefenceTo / DefenceFrom - 1) x 100 (exchange rates move it too).
	DefenceFrom, DefenceTo defence.Num
	DefenceChangePct       defence.Num
	// RealChangePct is the cumulative real change of defence over the
	// span, from NATO's annual real change r of each year From+1..To:
	// (product of (1 + r/100) - 1) x 100; unknown if any year's is.
	RealChangePct defence.Num
}

// Span is the change of h's figures from year from to year to (from <
// to); h must hold every year from..to (CountryHistory with those years).
func Span(h History, from, to int) SpanChange {
	sc := SpanChange{From: from, To: to}
	byYear := map[int]HistoryYear{}
	for _, y := range h.Years {
		byYear[y.Year] = y
	}
	a, b := byYear[from], byYear[to]
	sc.ShareFrom, sc.ShareTo = a.Share, b.Share
	if a.Share.Known && b.Share.Known {
		sc.SharePts = defence.N(b.Share.V - a.Share.V)
	}
	sc.DefenceFrom, sc.DefenceTo = a.Defence, b.Defence
	if a.Defence.Known && b.Defence.Known && a.Defence.V > 0 {
		sc.DefenceChangePct = defence.N((b.Defence.V/a.Defence.V - 1) * 100)
	}
	prod := 1.0
	for y := from + 1; y <= to; y++ {
		r := byYear[y].Detail.RealChange
		if !r.Known {
			return sc
		}
		prod *= 1 + r.V/100
	}
	if to > from {
		sc.RealChangePct = defence.N((prod - 1) * 100)
	}
	return sc
}
