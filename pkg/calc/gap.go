// Package calc is natospend's arithmetic: gaps to a spending target,
// totals over a selection of countries, and projections to a deadline. It is
// pure: plain values in, plain values out, no I/O.
package calc

import (
	"github.com/natospend/natospend/pkg/defence"
)

// Method says how a gap is measured.
type Method string

const (
	// MethodShare measures the gap with NATO's published share of GDP:
	// (target - share) / 100 x GDP. NATO's verdicts follow the share.
	MethodShare Method = "share"
	// MethodUSD measures it on current-USD figures: target / 100 x GDP - defence.
	MethodUSD Method = "usd"
)

// Status of a country against a target.
type Status string

const (
	StatusMeets       Status = "meets"
	StatusShort       Status = "short"
	StatusNoData      Status = "no-data"
	StatusNotReported Status = "not-reported"
)

// Obs is one country's figures for the year a gap is measured in, as
// resolved from the data.
type Obs struct {
	Code, Name string
	// Year the figures are for; 0 when the country has none.
	Year int
	// Earlier is true when Year is earlier than the year asked for (--latest).
	Earlier   bool
	Release   string
	Estimate  bool
	GDP       defence.Num // million current USD
	GDPSource string      // the release the GDP comes from
	Defence   defence.Num // published defence expenditure, million current USD
	Share     defence.Num // published share of GDP, %
	// Resilience spending, million current USD, where the data gives it.
	Resilience defence.Num
	// NotReported is true for a country that publishes no defence figure.
	NotReported bool
}

// Row is a country's gap to one target.
type Row struct {
	Obs
	TargetPct float64
	// Spending is the spending the gap is measured from: share / 100 x GDP
	// under MethodShare, the published defence figure under MethodUSD.
	Spending defence.Num
	Required defence.Num // target / 100 x GDP
	Gap      defence.Num // Required - Spending; positive is a shortfall
	Status   Status
	// GapMin and GapMax bound the gap where it is unknown because a part of
	// the spending is (see BoundGap).
	GapMin, GapMax defence.Num
}

// Gap computes one country's gap to a target of pct percent of GDP.
func Gap(o Obs, pct float64, m Method) Row {
	r := Row{Obs: o, TargetPct: pct}
	if o.GDP.Known {
		r.Required = defence.N(pct / 100 * o.GDP.V)
	}
	if o.NotReported {
		r.Status = StatusNotReported
		return r
	}
	switch m {
	case MethodUSD:
		if !o.GDP.Known || !o.Defence.Known {
			r.Status = StatusNoData
			return r
		}
		r.Spending = o.Defence
		r.Gap = defence.N(r.Required.V - o.Defence.V)
		if r.Gap.V > 0 {
			r.Status = StatusShort
		} else {
			r.Status = StatusMeets
		}
	default: // MethodShare
		if !o.GDP.Known || !o.Share.Known {
			r.Status = StatusNoData
			return r
		}
		r.Spending = defence.N(o.Share.V / 100 * o.GDP.V)
		r.Gap = defence.N((pct - o.Share.V) / 100 * o.GDP.V)
		// The published share decides, compared directly so that a share
		// equal to the target meets it whatever the rounding of the money.
		if o.Share.V >= pct {
			r.Status = StatusMeets
		} else {
			r.Status = StatusShort
		}
	}
	return r
}

// Totals sums a selection's rows for one target.
type Totals struct {
	TargetPct float64
	// Countries is the number of countries selected.
	Countries int
	// WithData counts the countries whose gap could be computed.
	WithData int
	Meeting  int
	// NotReported counts countries that publish no defence figure. Their
	// GDP, where known, counts in GDP with no spending, as NATO's own
	// aggregates count Iceland.
	NotReported int
	GDP         float64 // million current USD, countries with data (and not-reported ones with a GDP)
	Spending    float64 // million current USD
	// Share is Spending / GDP x 100; unknown when GDP is 0.
	Share defence.Num
	// Gap is TargetPct / 100 x GDP - Spending: the aggregate gap.
	Gap float64
	// Shortfall is the sum of the positive gaps only.
	Shortfall float64
	// Bounded counts the countries whose gap is only bounded (BoundGap);
	// GapMin and GapMax add up the bounds of those and the exact gaps of
	// the countries with data.
	Bounded        int
	GapMin, GapMax float64
}

// Total sums the rows for one target. Rows for other targets are ignored.
func Total(rows []Row, pct float64) Totals {
	t := Totals{TargetPct: pct}
	for _, r := range rows {
		if r.TargetPct != pct {
			continue
		}
		t.Countries++
		if r.Status == StatusMeets {
			t.Meeting++
		}
		switch {
		case r.Status == StatusNotReported:
			t.NotReported++
			if r.Obs.GDP.Known {
				t.GDP += r.Obs.GDP.V
			}
		case r.Gap.Known:
			t.WithData++
			t.GDP += r.Obs.GDP.V
			t.Spending += r.Spending.V
			if r.Gap.V > 0 {
				t.Shortfall += r.Gap.V
			}
			t.GapMin += r.Gap.V
			t.GapMax += r.Gap.V
		case r.GapMin.Known && r.GapMax.Known:
			t.Bounded++
			t.GapMin += r.GapMin.V
			t.GapMax += r.GapMax.V
		}
	}
	t.Gap = pct/100*t.GDP - t.Spending
	if t.GDP > 0 {
		t.Share = defence.N(t.Spending / t.GDP * 100)
	}
	return t
}

// ResilienceGap is a country's gap to the resilience part of a target
// (the Hague 1.5%): pct / 100 x GDP against the resilience spending the
// data gives, which NATO's tables do not hold. Without it the gap is
// unknown (status no-data), never a zero spending.
func ResilienceGap(o Obs, pct float64) Row {
	r := Row{Obs: o, TargetPct: pct}
	if o.GDP.Known {
		r.Required = defence.N(pct / 100 * o.GDP.V)
	}
	switch {
	case o.NotReported:
		r.Status = StatusNotReported
	case !o.GDP.Known || !o.Resilience.Known:
		r.Status = StatusNoData
	default:
		r.Spending = o.Resilience
		r.Gap = defence.N(r.Required.V - o.Resilience.V)
		r.Status = StatusShort
		if r.Gap.V <= 0 {
			r.Status = StatusMeets
		}
	}
	return r
}

// BoundGap is a country's gap to a target made of a core part (defence as
// the release counts it) and a resilience part of at most resilPct of GDP.
// With the resilience spending known, the gap is exact: pct / 100 x GDP -
// core spending - min(resilience, resilPct / 100 x GDP). Without it, the gap
// is unknown and only bounded: GapMin assumes the resilience part is fully
// met (pct - resilPct, i.e. the core gap), GapMax that it is nothing; the
// status is short when even GapMin is a shortfall, meets when GapMax is
// not, and no-data otherwise.
func BoundGap(o Obs, pct, resilPct float64, m Method) Row {
	core := Gap(o, pct, m)
	r := Row{Obs: o, TargetPct: pct, Required: core.Required, Status: core.Status}
	if core.Status == StatusNotReported || core.Status == StatusNoData {
		return r
	}
	ceiling := resilPct / 100 * o.GDP.V
	if o.Resilience.Known {
		counted := o.Resilience.V
		if counted > ceiling {
			counted = ceiling
		}
		r.Spending = defence.N(core.Spending.V + counted)
		r.Gap = defence.N(r.Required.V - r.Spending.V)
		r.Status = StatusShort
		if r.Gap.V <= 0 {
			r.Status = StatusMeets
		}
		return r
	}
	r.GapMin = defence.N(core.Gap.V - ceiling)
	r.GapMax = core.Gap
	switch {
	case r.GapMin.V > 0:
		r.Status = StatusShort
	case r.GapMax.V <= 0:
		r.Status = StatusMeets
	default:
		r.Status = StatusNoData
	}
	return r
}
