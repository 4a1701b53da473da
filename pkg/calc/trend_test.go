package calc

import (
	"math"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

func TestFitLine(t *testing.T) {
	// Even steps: 2.0, 2.2, 2.4 in 2024-2026 rise 0.2 a year; in 2030 the
	// line is at 2.4 + 4 x 0.2 = 3.2.
	v, slope, ok := FitLine([]int{2024, 2025, 2026}, []float64{2.0, 2.2, 2.4}, 2030)
	if !ok || math.Abs(v-3.2) > 1e-12 || math.Abs(slope-0.2) > 1e-12 {
		t.Fatalf("got %v, %v, %v; want 3.2, 0.2", v, slope, ok)
	}
	// Uneven: 2.0, 2.5, 2.6. Mean year 2025, mean share 7.1/3 = 2.36667;
	// sum dx*dy = (-1)(2.0 - 2.36667) + (1)(2.6 - 2.36667) = 0.36667 + 0.23333 = 0.6;
	// sum dx^2 = 2; slope 0.3; in 2030: 2.36667 + 5 x 0.3 = 3.86667.
	v, slope, ok = FitLine([]int{2024, 2025, 2026}, []float64{2.0, 2.5, 2.6}, 2030)
	if !ok || math.Abs(v-(7.1/3+1.5)) > 1e-12 || math.Abs(slope-0.3) > 1e-12 {
		t.Fatalf("got %v, %v; want 3.86667, 0.3", v, slope)
	}
	if _, _, ok := FitLine([]int{2026}, []float64{2}, 2030); ok {
		t.Fatal("one point drew a line")
	}
}

func TestOnTrack(t *testing.T) {
	hist := map[int]float64{2023: 1.5, 2024: 2.0, 2025: 2.2, 2026: 2.4}
	short := Row{Obs: Obs{Year: 2026, Share: defence.N(2.4)}, Status: StatusShort, Measured: defence.N(2.4)}
	// 3% by 2030: the 2024-2026 line reaches 3.2: on track.
	tr := OnTrack(short, hist, 3, 2030, 3, 0)
	if tr.Status != TrendOnTrack || tr.From != 2024 || tr.To != 2026 {
		t.Fatalf("by 2030: %+v", tr)
	}
	// 3% by 2027: the line is at 2.6 then: off track.
	if tr := OnTrack(short, hist, 3, 2027, 3, 0); tr.Status != TrendOffTrack || math.Abs(tr.Share.V-2.6) > 1e-12 {
		t.Fatalf("by 2027: %+v", tr)
	}
	// Through 4 years (1.5, 2.0, 2.2, 2.4): mean year 2024.5, mean 2.025;
	// sum dx*dy = (-1.5)(-0.525) + (-0.5)(-0.025) + (0.5)(0.175) + (1.5)(0.375)
	// = 0.7875 + 0.0125 + 0.0875 + 0.5625 = 1.45; sum dx^2 = 5; slope 0.29;
	// in 2029: 2.025 + 4.5 x 0.29 = 3.33: below 3.5, off track.
	tr = OnTrack(short, hist, 4, 2029, 3.5, 0)
	if tr.Status != TrendOffTrack || math.Abs(tr.Share.V-3.33) > 1e-12 {
		t.Fatalf("4 years: %+v", tr)
	}
	// A missing year: no line, no verdict on the trend.
	if tr := OnTrack(short, map[int]float64{2024: 2, 2026: 2.4}, 3, 2030, 3, 0); tr.Status != TrendNoData || tr.Err == "" {
		t.Fatalf("gap in history: %+v", tr)
	}
	// A country that meets the target is on track even on a falling line.
	meets := Row{Obs: Obs{Year: 2026}, Status: StatusMeets, Measured: defence.N(3.1)}
	if tr := OnTrack(meets, map[int]float64{2024: 3.5, 2025: 3.3, 2026: 3.1}, 3, 2030, 3, 0); tr.Status != TrendOnTrack {
		t.Fatalf("meets: %+v", tr)
	}
	// Hague 5% (1.5% resilience unknown): the line at 3.2 in 2030 is below
	// 3.5: off track; at 4.0 (3 years of 2.0, 2.5, 3.0 -> 2030: 3.0 + 4 x 0.5 = 5.0)...
	if tr := OnTrack(short, hist, 3, 2030, 5, 1.5); tr.Status != TrendOffTrack {
		t.Fatalf("hague, line at 3.2: %+v", tr)
	}
	rising := map[int]float64{2024: 2.0, 2025: 2.5, 2026: 3.0}
	// ... reaching 5.0 in 2030: on track; in 2029 it is at 4.5: undetermined.
	if tr := OnTrack(short, rising, 3, 2030, 5, 1.5); tr.Status != TrendOnTrack {
		t.Fatalf("hague, line at 5.0: %+v", tr)
	}
	if tr := OnTrack(short, rising, 3, 2029, 5, 1.5); tr.Status != TrendUndetermined {
		t.Fatalf("hague, line at 4.5: %+v", tr)
	}
	// Not reported, no data.
	if tr := OnTrack(Row{Status: StatusNotReported}, nil, 3, 2030, 2, 0); tr.Status != TrendNotReported {
		t.Fatalf("%+v", tr)
	}
	if tr := OnTrack(Row{Status: StatusNoData}, nil, 3, 2030, 2, 0); tr.Status != TrendNoData {
		t.Fatalf("%+v", tr)
	}
}
