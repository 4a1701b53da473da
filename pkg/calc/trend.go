package calc

import (
	"fmt"

	"github.com/natospend/natospend/pkg/defence"
)

// TrendStatus answers "on track?": a question separate from the verdict.
type TrendStatus string

const (
	// TrendOnTrack: the country meets the target already, or the straight
	// line through its last published shares reaches it by the deadline.
	TrendOnTrack TrendStatus = "on-track"
	// TrendOffTrack: it does not meet the target and the line does not
	// reach it by the deadline.
	TrendOffTrack TrendStatus = "off-track"
	// TrendUndetermined: the line ends between the bounds of a target with
	// an unknown resilience part (the Hague 5%).
	TrendUndetermined TrendStatus = "undetermined"
	// TrendNoData: too few published shares to draw the line.
	TrendNoData TrendStatus = "no-data"
	// TrendNotReported: a country that publishes no defence figure.
	TrendNotReported TrendStatus = "not-reported"
)

// DefaultTrendYears is how many years of published shares the trend line
// is drawn through by default.
const DefaultTrendYears = 3

// Trend is the straight-line projection of a country's published shares
// of GDP to a deadline. It is a trend of what was published, not a
// forecast of policy: budgets, not lines, decide what allies spend.
type Trend struct {
	Status TrendStatus
	// From and To are the years the line is drawn through (To is the base
	// year); 0 when no line was drawn.
	From, To int
	// Slope is the line's change in percentage points of GDP a year.
	Slope defence.Num
	// Share is the line's share of GDP in the deadline year.
	Share defence.Num
	// Err says why no line could be drawn.
	Err string
}

// FitLine is the least-squares straight line through the points
// (years[i], shares[i]): it returns the line's value at year at and its
// slope. ok is false with fewer than two points or a single year.
func FitLine(years []int, shares []float64, at int) (value, slope float64, ok bool) {
	n := len(years)
	if n < 2 || n != len(shares) {
		return 0, 0, false
	}
	var mx, my float64
	for i := range years {
		mx += float64(years[i])
		my += shares[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx float64
	for i := range years {
		dx := float64(years[i]) - mx
		sxy += dx * (shares[i] - my)
		sxx += dx * dx
	}
	if sxx == 0 {
		return 0, 0, false
	}
	slope = sxy / sxx
	return my + slope*(float64(at)-mx), slope, true
}

// OnTrack decides whether a row is on track for its target by the
// deadline. history gives the measured share of GDP by year (the same
// measure as the verdict: published shares under MethodShare), n is the
// number of years the line is drawn through, ending at the row's year.
// resilPct is the resilience part of a target made of parts (0 if none):
// the line must then reach pct to be on track, and is off track only below
// pct - resilPct.
func OnTrack(r Row, history map[int]float64, n, deadline int, pct, resilPct float64) Trend {
	var t Trend
	switch r.Status {
	case StatusNotReported:
		t.Status = TrendNotReported
		return t
	case StatusNoData:
		t.Status = TrendNoData
		t.Err = "no figures for the base year"
		return t
	}
	var years []int
	var shares []float64
	for y := r.Year - n + 1; y <= r.Year; y++ {
		s, ok := history[y]
		if !ok {
			t.Err = fmt.Sprintf("no published share of GDP for %d", y)
			break
		}
		years = append(years, y)
		shares = append(shares, s)
	}
	if t.Err == "" {
		if v, slope, ok := FitLine(years, shares, deadline); ok {
			t.From, t.To = years[0], years[len(years)-1]
			t.Share, t.Slope = defence.N(v), defence.N(slope)
		} else {
			t.Err = fmt.Sprintf("a line needs at least 2 years, got %d", len(years))
		}
	}
	switch {
	case r.Status == StatusMeets:
		t.Status = TrendOnTrack // meets already, whatever the line says
	case deadline <= r.Year:
		t.Status = TrendOffTrack // no time left: the verdict stands
		if r.Status == StatusUndetermined {
			t.Status = TrendUndetermined
		}
	case !t.Share.Known:
		t.Status = TrendNoData
	case t.Share.V >= pct:
		t.Status = TrendOnTrack
	case resilPct > 0 && t.Share.V >= pct-resilPct:
		t.Status = TrendUndetermined
	default:
		t.Status = TrendOffTrack
	}
	return t
}
