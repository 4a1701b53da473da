package calc

import (
	"fmt"
	"math"
	"sort"
)

// Series is a country's GDP by year from one GDP release (the IMF World
// Economic Outlook), used for its growth rates, not its levels.
type Series map[int]float64

// Growth is how GDP is projected from the base year.
type Growth struct {
	// Constant, when Set, replaces the projection with a constant nominal
	// growth of Pct percent a year (for scenarios).
	Set bool
	Pct float64
	// Series is the WEO GDP of the country; Source names its release.
	Series Series
	Source string
}

// Projected is a GDP projected to a year.
type Projected struct {
	GDP float64
	// Source says where the growth came from: the GDP release id, the
	// release id followed by " extrapolated" past its last year, or
	// "growth X%" for a constant scenario growth.
	Source       string
	Extrapolated bool
}

// ExtrapolationYears is how many of the last yearly growth rates of the
// GDP series are averaged (geometric mean) to extend it past its last year.
const ExtrapolationYears = 3

// ProjectGDP grows a base-year GDP to year d: gdpB x WEO_d / WEO_b, with
// the series extended past its last year at the geometric mean of its last
// ExtrapolationYears yearly growth rates, WEO_last / WEO_(last-3) to the
// power 1/3; or at a constant growth when g.Set.
func ProjectGDP(gdpB float64, b, d int, g Growth) (Projected, error) {
	if d < b {
		return Projected{}, fmt.Errorf("year %d is before the base year %d", d, b)
	}
	if g.Set {
		if g.Pct <= -100 {
			return Projected{}, fmt.Errorf("growth %g%% is not above -100%%", g.Pct)
		}
		return Projected{GDP: gdpB * math.Pow(1+g.Pct/100, float64(d-b)), Source: fmt.Sprintf("growth %g%%", g.Pct)}, nil
	}
	if d == b {
		return Projected{GDP: gdpB, Source: g.Source}, nil
	}
	wb, ok := g.Series[b]
	switch {
	case len(g.Series) == 0:
		return Projected{}, fmt.Errorf("no release has GDP figures for it (needed from the base year %d)", b)
	case !ok || wb <= 0:
		return Projected{}, fmt.Errorf("%s has no GDP for the base year %d", g.Source, b)
	}
	last := lastYear(g.Series)
	if d <= last {
		wd, ok := g.Series[d]
		if !ok || wd <= 0 {
			return Projected{}, fmt.Errorf("%s has no GDP for %d", g.Source, d)
		}
		return Projected{GDP: gdpB * wd / wb, Source: g.Source}, nil
	}
	rate, err := TrendGrowth(g.Series)
	if err != nil {
		return Projected{}, fmt.Errorf("%s: %v", g.Source, err)
	}
	wLast := g.Series[last]
	// Grow to the base year's level relative to the last WEO year, then on.
	gdpLast := gdpB * wLast / wb
	if b > last {
		gdpLast = gdpB
		last = b
	}
	return Projected{
		GDP:          gdpLast * math.Pow(1+rate, float64(d-last)),
		Source:       g.Source + " extrapolated",
		Extrapolated: true,
	}, nil
}

// TrendGrowth is the geometric mean of the last ExtrapolationYears yearly
// growth rates of the series: (W_last / W_(last-3))^(1/3) - 1.
func TrendGrowth(s Series) (float64, error) {
	last := lastYear(s)
	first := last - ExtrapolationYears
	wl, okl := s[last]
	wf, okf := s[first]
	if !okl || !okf || wf <= 0 || wl <= 0 {
		return 0, fmt.Errorf("needs GDP for %d and %d to extrapolate", first, last)
	}
	return math.Pow(wl/wf, 1/float64(ExtrapolationYears)) - 1, nil
}

func lastYear(s Series) int {
	years := make([]int, 0, len(s))
	for y := range s {
		years = append(years, y)
	}
	if len(years) == 0 {
		return 0
	}
	sort.Ints(years)
	return years[len(years)-1]
}

// AnnualGrowth is the constant yearly growth, in percent, that takes
// spending from base to required in years years: (required/base)^(1/years) - 1.
// ok is false when it is undefined (no base spending, or no years left).
func AnnualGrowth(base, required float64, years int) (pct float64, ok bool) {
	if base <= 0 || years <= 0 || required < 0 {
		return 0, false
	}
	return (math.Pow(required/base, 1/float64(years)) - 1) * 100, true
}
