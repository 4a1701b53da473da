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
	Source           string // file:line of the cell; "" for a year without one
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
			Equipment: f.Equipment, Note: f.Note, Source: f.Source,
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
