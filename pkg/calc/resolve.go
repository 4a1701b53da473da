package calc

import (
	"github.com/natospend/natospend/pkg/defence"
)

// Resolve gathers each country's figures for a year from a defence release.
// Where the release has no GDP for the cell (NATO's August 2025 release
// publishes shares only) the GDP comes from the newest GDP release (the IMF
// World Economic Outlook) that has it, and GDPSource says so. With latest,
// a country without figures in the year takes its most recent earlier year
// in the same release.
//
// A country that publishes no defence figure (Iceland) is in NATO's GDP
// totals all the same; where the release publishes GDP for the year but
// neither it nor a GDP release has that country's (Iceland 2014-2020 in
// nato-2026-07, which has no row for it, and the IMF's vintage, which
// starts in 2021), it comes from the newest other defence release that
// publishes it: NATO's own figure (Table 5 of nato-2024-06), named by
// GDPSource like the IMF's. A release without GDP (nato-2025-08, shares
// only) gets none this way: its totals would hold Iceland's GDP alone.
func Resolve(ds *defence.Dataset, rel *defence.Release, year int, codes []string, latest bool) []Obs {
	gdpReleases := ds.ReleasesNewestFirst(defence.SeriesGDP)
	var otherDefence []*defence.Release // built on first use
	others := func() []*defence.Release {
		if otherDefence == nil {
			otherDefence = []*defence.Release{}
			for _, r := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
				if r != rel {
					otherDefence = append(otherDefence, r)
				}
			}
		}
		return otherDefence
	}
	out := make([]Obs, 0, len(codes))
	for _, code := range codes {
		c := ds.Countries[code]
		o := Obs{Code: code, Name: c.Name, Release: rel.ID, NotReported: !c.DefenceReported}
		y := year
		f, ok := rel.Figure(code, y)
		if (!ok || !f.HasFigures()) && latest && !o.NotReported {
			if ly := rel.LatestYearFor(code, year-1); ly > 0 {
				y = ly
				f, ok = rel.Figure(code, y)
				o.Earlier = true
			}
		}
		if ok || o.NotReported {
			o.Year = y
		}
		if ok {
			o.Estimate = f.Estimate
			o.GDP = f.GDP
			o.Defence = f.Defence
			o.Share = f.Share
			o.Resilience = f.Resilience
			o.Equipment = f.Equipment
			if f.GDP.Known {
				o.GDPSource = rel.ID
			}
		}
		if !o.GDP.Known {
			if g, src := GDPFrom(gdpReleases, code, y); g.Known {
				o.GDP, o.GDPSource = g, src
			}
		}
		if !o.GDP.Known && o.NotReported && o.Year != 0 && publishesGDP(ds, rel, y) {
			if g, src := GDPFrom(others(), code, y); g.Known {
				o.GDP, o.GDPSource = g, src
			}
		}
		out = append(out, o)
	}
	return out
}

// GDPFrom returns a country's GDP for a year from the first release in the
// list that has it, and that release's id.
func GDPFrom(releases []*defence.Release, code string, year int) (defence.Num, string) {
	for _, r := range releases {
		if f, ok := r.Figure(code, year); ok && f.GDP.Known {
			return f.GDP, r.ID
		}
	}
	return defence.Unknown, ""
}

// publishesGDP reports whether the release gives any country's GDP for the
// year.
func publishesGDP(ds *defence.Dataset, rel *defence.Release, year int) bool {
	for code := range ds.Countries {
		if f, ok := rel.Figure(code, year); ok && f.GDP.Known {
			return true
		}
	}
	return false
}
