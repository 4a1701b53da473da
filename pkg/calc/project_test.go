package calc

import (
	"math"
	"testing"
)

// Germany's nominal GDP in the IMF WEO of October 2025, million USD.
var weoDEU = Series{2024: 4684182, 2025: 5013574, 2026: 5328184, 2027: 5498618, 2028: 5674354, 2029: 5848295, 2030: 6013749}

func close(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Fatalf("%s = %.9f, want %.9f", what, got, want)
	}
}

func TestProjectGDPWithinWEO(t *testing.T) {
	// Base: NATO's 2026 GDP for Germany, 5,455,980 (nato-2026-07).
	// 2027 = 5,455,980 x 5,498,618 / 5,328,184 = 5,455,980 x 1.031987... = 5,630,501.84
	p, err := ProjectGDP(5455980, 2026, 2027, Growth{Series: weoDEU, Source: "imf-weo-2025-10"})
	if err != nil {
		t.Fatal(err)
	}
	close(t, "GDP 2027", p.GDP, 5455980.0*5498618/5328184, 1e-6)
	close(t, "GDP 2027 (rounded)", math.Round(p.GDP*100)/100, 5630501.84, 1e-9)
	if p.Extrapolated || p.Source != "imf-weo-2025-10" {
		t.Fatalf("source %q extrapolated %v", p.Source, p.Extrapolated)
	}
	// The base year itself is the base GDP.
	p, _ = ProjectGDP(5455980, 2026, 2026, Growth{Series: weoDEU, Source: "w"})
	close(t, "GDP 2026", p.GDP, 5455980, 0)
}

func TestProjectGDPExtrapolated(t *testing.T) {
	// Trend: geometric mean of the 2028, 2029 and 2030 growth rates,
	// (6,013,749 / 5,498,618)^(1/3) - 1 = 1.093684...^(1/3) - 1 = 3.0300513%
	r, err := TrendGrowth(weoDEU)
	if err != nil {
		t.Fatal(err)
	}
	close(t, "trend", r, 0.030300513, 1e-9)
	// 2035 = 5,455,980 x 6,013,749 / 5,328,184 x 1.030300513^5
	//      = 6,158,012.4 x 1.160958 = 7,149,216.25
	p, err := ProjectGDP(5455980, 2026, 2035, Growth{Series: weoDEU, Source: "imf-weo-2025-10"})
	if err != nil {
		t.Fatal(err)
	}
	close(t, "GDP 2035", p.GDP, 7149216.25, 0.01)
	if !p.Extrapolated || p.Source != "imf-weo-2025-10 extrapolated" {
		t.Fatalf("source %q extrapolated %v", p.Source, p.Extrapolated)
	}
}

func TestProjectGDPConstantGrowth(t *testing.T) {
	// 3% a year for 9 years: 5,455,980 x 1.03^9 = 5,455,980 x 1.304773 = 7,118,816.40
	p, err := ProjectGDP(5455980, 2026, 2035, Growth{Set: true, Pct: 3})
	if err != nil {
		t.Fatal(err)
	}
	close(t, "GDP 2035", p.GDP, 7118816.40, 0.01)
	if p.Source != "growth 3%" {
		t.Fatalf("source %q", p.Source)
	}
	// -100% or below is no growth rate
	if _, err := ProjectGDP(1, 2026, 2027, Growth{Set: true, Pct: -100}); err == nil {
		t.Fatal("growth -100%: no error")
	}
	// negative growth is a scenario too: -10% for 2 years: 1000 x 0.81 = 810
	p, _ = ProjectGDP(1000, 2026, 2028, Growth{Set: true, Pct: -10})
	close(t, "shrinking", p.GDP, 810, 1e-9)
}

func TestProjectGDPErrors(t *testing.T) {
	if _, err := ProjectGDP(1, 2026, 2025, Growth{Series: weoDEU}); err == nil {
		t.Fatal("deadline before base: no error")
	}
	if _, err := ProjectGDP(1, 2019, 2027, Growth{Series: weoDEU, Source: "w"}); err == nil {
		t.Fatal("base year outside the series: no error")
	}
}

func TestAnnualGrowth(t *testing.T) {
	// Germany, hague-core by 2035 from 2026: base spending at the published
	// share 0.0269 x 5,455,980 = 146,765.862; required 0.035 x 7,149,216.25
	// = 250,222.57; growth (250,222.57 / 146,765.862)^(1/9) - 1 = 6.1071%
	base := 0.0269 * 5455980
	req := 0.035 * 7149216.2485
	g, ok := AnnualGrowth(base, req, 9)
	if !ok {
		t.Fatal("not ok")
	}
	close(t, "growth", g, 6.10714, 1e-4)
	// Compounding the base at that rate for 9 years gives the requirement.
	close(t, "compounded", base*math.Pow(1+g/100, 9), req, 1e-6)
	if _, ok := AnnualGrowth(0, 100, 5); ok {
		t.Fatal("zero base: growth defined")
	}
	if _, ok := AnnualGrowth(100, 120, 0); ok {
		t.Fatal("no years left: growth defined")
	}
}

// TestProjectGDPNoSeries: a country no release has GDP for is named as
// such, not as "no GDP release has no GDP" (GrowthFor's Source when no
// release has the country's GDP).
func TestProjectGDPNoSeries(t *testing.T) {
	_, err := ProjectGDP(100, 2026, 2035, GrowthFor(nil, "DEU", nil))
	if err == nil || err.Error() != "no release has GDP figures for it (needed from the base year 2026)" {
		t.Fatalf("err = %v", err)
	}
	_, err = ProjectGDP(100, 2026, 2035, Growth{Series: Series{2024: 1}, Source: "imf-weo-2025-10"})
	if err == nil || err.Error() != "imf-weo-2025-10 has no GDP for the base year 2026" {
		t.Fatalf("err = %v", err)
	}
}
