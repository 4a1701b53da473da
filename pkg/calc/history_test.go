package calc

import (
	"math"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// TestCountryHistoryGermany2024: Germany 2014-2024 in NATO's June 2024
// release is the release's cells, copied here by hand from
// data/nato-2024-06.yaml (gdp_musd, defence_musd, share_pct,
// equipment_pct; 2023 and 2024 marked estimate).
func TestCountryHistoryGermany2024(t *testing.T) {
	ds := snapshot.Dataset()
	rel := ds.Releases["nato-2024-06"]
	h := CountryHistory(ds, rel, "DEU", nil)
	want := []struct {
		year                   int
		gdp, def, share, equip float64
		estimate               bool
	}{
		{2014, 3896203.38, 46175.79, 1.1851, 12.9438, false},
		{2015, 3355015.01, 39833.44, 1.1873, 11.9335, false},
		{2016, 3462961.99, 41606.35, 1.2015, 12.2096, false},
		{2017, 3694226.89, 45470.39, 1.2309, 11.7747, false},
		{2018, 3982018.73, 49772.31, 1.2499, 12.3643, false},
		{2019, 3896534.08, 52549.25, 1.3486, 14.6858, false},
		{2020, 3876612.33, 58652.18, 1.5130, 17.4516, false},
		{2021, 4270522.28, 62054.01, 1.4531, 16.6904, false},
		{2022, 4078693.80, 61405.46, 1.5055, 17.2320, false},
		{2023, 4458610.90, 73137.63, 1.6404, 18.0400, true},
		{2024, 4610035.22, 97685.59, 2.1190, 28.7469, true},
	}
	if h.Code != "DEU" || h.Name != "Germany" || h.Release != rel || h.NotReported {
		t.Fatalf("history of %s %q in %v, not reported %v", h.Code, h.Name, h.Release.ID, h.NotReported)
	}
	if len(h.Years) != len(want) {
		t.Fatalf("%d years, want %d", len(h.Years), len(want))
	}
	for i, w := range want {
		y := h.Years[i]
		if y.Year != w.year || y.Estimate != w.estimate || y.GDPSource != "nato-2024-06" {
			t.Errorf("row %d: year %d estimate %v GDP from %q; want %d %v nato-2024-06", i, y.Year, y.Estimate, y.GDPSource, w.year, w.estimate)
		}
		// The values are the YAML's text read as float64: equal, not near.
		for _, c := range []struct {
			name string
			got  defence.Num
			want float64
		}{{"gdp", y.GDP, w.gdp}, {"defence", y.Defence, w.def}, {"share", y.Share, w.share}, {"equipment", y.Equipment, w.equip}} {
			if !c.got.Known || c.got.V != c.want {
				t.Errorf("%d %s = %v, want %v", w.year, c.name, c.got, c.want)
			}
		}
		if y.Source == (defence.Place{}) {
			t.Errorf("%d: no source", w.year)
		}
	}
	// 2014 is the release's first year: no year before, so no change.
	if h.Years[0].ShareChange.Known || h.Years[0].DefenceChangePct.Known {
		t.Errorf("2014 changes %v %v, want unknown", h.Years[0].ShareChange, h.Years[0].DefenceChangePct)
	}
	// 2015: share 1.1873 - 1.1851 = +0.0022 pp; defence
	// (39,833.44 - 46,175.79) / 46,175.79 = -6,342.35 / 46,175.79 = -13.7352 %.
	near(t, "2015 share change", h.Years[1].ShareChange, 0.0022)
	near(t, "2015 defence change", h.Years[1].DefenceChangePct, -13.735227919)
	// 2020: share 1.5130 - 1.3486 = +0.1644 pp; defence
	// (58,652.18 - 52,549.25) / 52,549.25 = 6,102.93 / 52,549.25 = +11.6137 %.
	near(t, "2020 share change", h.Years[6].ShareChange, 0.1644)
	near(t, "2020 defence change", h.Years[6].DefenceChangePct, 11.613733783)
	// 2024: share 2.1190 - 1.6404 = +0.4786 pp; defence
	// (97,685.59 - 73,137.63) / 73,137.63 = 24,547.96 / 73,137.63 = +33.5641 %.
	near(t, "2024 share change", h.Years[10].ShareChange, 0.4786)
	near(t, "2024 defence change", h.Years[10].DefenceChangePct, 33.564062713)
}

// TestCountryHistoryUnknowns: in NATO's August 2025 release (shares and
// equipment only) GDP comes from the IMF where the IMF has the year
// (2021-2030 in imf-weo-2025-10) and is unknown before; defence and its
// change stay unknown (never 0); Germany 2025 is a cell with a note and no
// figure, so its change is unknown; a year asked for outside the release
// is a row of unknowns.
func TestCountryHistoryUnknowns(t *testing.T) {
	ds := snapshot.Dataset()
	rel := ds.Releases["nato-2025-08"]
	h := CountryHistory(ds, rel, "DEU", []int{2020, 2024, 2025, 2030})
	if len(h.Years) != 4 {
		t.Fatalf("%d years, want 4", len(h.Years))
	}
	y2020, y2024, y2025, y2030 := h.Years[0], h.Years[1], h.Years[2], h.Years[3]
	if y2020.GDP.Known || y2020.GDPSource != "" {
		t.Errorf("2020 GDP %v from %q, want unknown (the IMF release starts in 2021)", y2020.GDP, y2020.GDPSource)
	}
	// 2024: share 2.0037 (estimate), equipment 21.1662; GDP 4,684,182 from
	// the IMF; share change 2.0037 - 1.6150 = +0.3887 pp.
	if y2024.Share.V != 2.0037 || y2024.Equipment.V != 21.1662 || !y2024.Estimate {
		t.Errorf("2024 = %+v", y2024)
	}
	if y2024.GDP.V != 4684182 || y2024.GDPSource != "imf-weo-2025-10" {
		t.Errorf("2024 GDP %v from %q, want 4684182 from imf-weo-2025-10", y2024.GDP, y2024.GDPSource)
	}
	near(t, "2024 share change", y2024.ShareChange, 0.3887)
	for _, y := range []HistoryYear{y2020, y2024, y2025, y2030} {
		if y.Defence.Known || y.DefenceChangePct.Known {
			t.Errorf("%d defence %v change %v, want unknown", y.Year, y.Defence, y.DefenceChangePct)
		}
	}
	if y2025.Share.Known || y2025.ShareChange.Known || y2025.Equipment.Known || !y2025.Estimate || y2025.Note == "" {
		t.Errorf("2025 = %+v, want no figure, an estimate with a note", y2025)
	}
	if y2025.GDP.V != 5013574 || !y2025.GDPEstimate {
		t.Errorf("2025 GDP %v (estimate %v), want 5013574, an IMF projection", y2025.GDP, y2025.GDPEstimate)
	}
	if y2024.GDPEstimate {
		t.Errorf("2024 GDP marked an estimate; the IMF's 2024 is not")
	}
	if y2030.Share.Known || y2030.Source != (defence.Place{}) || y2030.GDP.V != 6013749 {
		t.Errorf("2030 = %+v, want no cell and the IMF's GDP 6013749", y2030)
	}

	// Iceland in June 2024: not reported, GDP only.
	isl := CountryHistory(ds, ds.Releases["nato-2024-06"], "ISL", []int{2024})
	if !isl.NotReported || isl.Years[0].Share.Known || isl.Years[0].GDP.V != 32894.49 {
		t.Errorf("Iceland = %+v", isl)
	}
}

// Span over NATO's June 2024 release, Germany 2022-2024 (the DEU cells of
// data/nato-2024-06.yaml): share 2.1190 - 1.5055 = 0.6135 points; defence
// 97685.59 / 61405.46 - 1 = 59.082906% (current USD); real change
// (1 + 8.8386/100) x (1 + 29.4471/100) - 1 = 40.888411%; a span without
// every year's real change is unknown.
func TestSpanGermany(t *testing.T) {
	ds := snapshot.Dataset()
	rel := ds.Releases["nato-2024-06"]
	h := CountryHistory(ds, rel, "DEU", []int{2022, 2023, 2024})
	sc := Span(h, 2022, 2024)
	if !sc.SharePts.Known || math.Abs(sc.SharePts.V-0.6135) > 1e-9 {
		t.Errorf("share pts %v", sc.SharePts)
	}
	if !sc.DefenceChangePct.Known || math.Abs(sc.DefenceChangePct.V-59.082906) > 1e-5 {
		t.Errorf("defence change %v, want 59.082906", sc.DefenceChangePct)
	}
	if !sc.RealChangePct.Known || math.Abs(sc.RealChangePct.V-40.888411) > 1e-5 {
		t.Errorf("real change %v, want 40.888411", sc.RealChangePct)
	}
	if !HasConstantPrices(rel) || !HasConstantPrices(ds.Releases["nato-2026-07"]) || HasConstantPrices(ds.Releases["nato-2025-08"]) {
		t.Error("HasConstantPrices: want true for nato-2024-06 and nato-2026-07, false for nato-2025-08")
	}
	// The 2026 release (constant 2021 prices), Germany 2024-2026: real
	// change (1 + 11.26/100) x (1 + 22.29/100) - 1 = 36.059854%
	// (data/nato-2026-07.yaml's DEU 2025 and 2026 cells).
	sc = Span(CountryHistory(ds, ds.Releases["nato-2026-07"], "DEU", []int{2024, 2025, 2026}), 2024, 2026)
	if !sc.RealChangePct.Known || math.Abs(sc.RealChangePct.V-36.059854) > 1e-5 {
		t.Errorf("2026 release real change %v, want 36.059854", sc.RealChangePct)
	}
	// The August 2025 release publishes no real change: none over a span
	// either (never 0).
	rel = ds.Releases["nato-2025-08"]
	if sc := Span(CountryHistory(ds, rel, "DEU", []int{2024, 2025}), 2024, 2025); sc.RealChangePct.Known {
		t.Errorf("2025 release real change %v, want unknown", sc.RealChangePct)
	}
}
