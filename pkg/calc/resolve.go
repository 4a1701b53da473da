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
func Resolve(ds *defence.Dataset, rel *defence.Release, year int, codes []string, latest bool) []Obs {
	gdpReleases := ds.ReleasesNewestFirst(defence.SeriesGDP)
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
