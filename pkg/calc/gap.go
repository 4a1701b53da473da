// Package calc is natospend's arithmetic and its rules: gaps to a spending
// target, verdicts, totals over a selection of countries, projections to a
// deadline and trends. It is pure: plain values in, plain values out, no
// I/O. Every command (gap, check, path) takes its numbers and verdicts
// from here, so that one rule holds for each concept.
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
	// StatusUndetermined: the data bound the gap but cannot decide it (the
	// whole Hague 5% of a country whose core spending is between 3.5% and
	// 5% of GDP, its resilience spending being unknown).
	StatusUndetermined Status = "undetermined"
)

// Decided reports whether the status is a verdict: meets or short.
func (s Status) Decided() bool { return s == StatusMeets || s == StatusShort }

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
	// Equipment is the published equipment expenditure, % of defence
	// expenditure (the release's equipment_pct).
	Equipment defence.Num
	// NotReported is true for a country that publishes no defence figure.
	NotReported bool
}

// DefenceAtShare is the defence spending the published share implies:
// share / 100 x GDP, million current USD. It is what the share method's
// gap arithmetic measures from (Row.Spending under MethodShare), a derived
// figure with its own name: NATO computes the share from constant-price
// figures, so it differs from the published Defence (the Netherlands 2024,
// release nato-2024-06: 2.0495% x 1,162,882.90 = 23,833.29 against the
// published 21,459.68). Unknown without the share or the GDP.
func (o Obs) DefenceAtShare() defence.Num {
	if !o.Share.Known || !o.GDP.Known {
		return defence.Unknown
	}
	return defence.N(o.Share.V / 100 * o.GDP.V)
}

// Row is a country's gap to one target.
//
// The verdict (Status) follows one rule: a country meets a share target
// when its share of GDP is at or above it — the published share under
// MethodShare, defence / GDP under MethodUSD. Money is added where GDP is
// known; a verdict never needs it.
type Row struct {
	Obs
	TargetPct float64
	// Measured is the share of GDP the verdict compares with the target:
	// the published share (MethodShare) or defence / GDP x 100 (MethodUSD).
	Measured defence.Num
	// Spending is the spending the gap is measured from: share / 100 x GDP
	// under MethodShare, the published defence figure under MethodUSD.
	Spending defence.Num
	// Required is target / 100 x GDP, known only for a country with a gap
	// (or a bounded gap): what a total of requirements adds up.
	Required defence.Num
	Gap      defence.Num // Required - Spending; positive is a shortfall
	Status   Status
	// GapMin and GapMax bound the gap of a target with a resilience part
	// (see BoundGap); where that gap is exact they both equal it.
	GapMin, GapMax defence.Num
	// OfDefence is true for a row of a target of the equipment share of
	// defence expenditure (EquipmentGap): TargetPct and Measured are then
	// percentages of defence expenditure, Spending is equipment spending,
	// and Base is the defence expenditure they apply to. Total adds such
	// rows up on that base instead of GDP.
	OfDefence bool
	// Base is, for a row OfDefence, the defence expenditure the equipment
	// share applies to, million current USD (see EquipmentGap). Unknown
	// for a row of a share of GDP, whose base is GDP.
	Base defence.Num
}

// Gap computes one country's gap to a target of pct percent of GDP.
func Gap(o Obs, pct float64, m Method) Row {
	r := Row{Obs: o, TargetPct: pct}
	if o.NotReported {
		r.Status = StatusNotReported
		return r
	}
	switch m {
	case MethodUSD:
		if !o.GDP.Known || !o.Defence.Known || o.GDP.V <= 0 {
			r.Status = StatusNoData
			return r
		}
		r.Measured = defence.N(o.Defence.V / o.GDP.V * 100)
		r.Spending = o.Defence
		r.Required = defence.N(pct / 100 * o.GDP.V)
		r.Gap = defence.N(r.Required.V - o.Defence.V)
		// defence / GDP >= target is gap <= 0: the money decides, so that
		// the sign of the gap and the verdict never disagree by a rounding.
		r.Status = verdict(r.Gap.V <= 0)
	default: // MethodShare
		if !o.Share.Known {
			r.Status = StatusNoData
			return r
		}
		r.Measured = o.Share
		// The published share decides, compared directly so that a share
		// equal to the target meets it whatever the rounding of the money,
		// and so that a release publishing shares without GDP still gives
		// a verdict.
		r.Status = verdict(o.Share.V >= pct)
		if o.GDP.Known {
			r.Spending = o.DefenceAtShare()
			r.Required = defence.N(pct / 100 * o.GDP.V)
			r.Gap = defence.N((pct - o.Share.V) / 100 * o.GDP.V)
		}
	}
	return r
}

func verdict(meets bool) Status {
	if meets {
		return StatusMeets
	}
	return StatusShort
}

// ResilienceGap is a country's gap to the resilience part of a target
// (the Hague 1.5%): pct / 100 x GDP against the resilience spending the
// data gives, which NATO's tables do not hold. Without it the gap is
// unknown (status no-data), never a zero spending; the requirement is
// still known where GDP is.
func ResilienceGap(o Obs, pct float64) Row {
	r := Row{Obs: o, TargetPct: pct}
	switch {
	case o.NotReported:
		r.Status = StatusNotReported
	case !o.GDP.Known:
		r.Status = StatusNoData
	default:
		r.Required = defence.N(pct / 100 * o.GDP.V)
		if !o.Resilience.Known {
			r.Status = StatusNoData
			return r
		}
		r.Spending = o.Resilience
		r.Measured = defence.N(o.Resilience.V / o.GDP.V * 100)
		r.Gap = defence.N(r.Required.V - o.Resilience.V)
		r.GapMin, r.GapMax = r.Gap, r.Gap
		r.Status = verdict(r.Gap.V <= 0)
	}
	return r
}

// BoundGap is a country's gap to a target made of a core part (defence as
// the release counts it) and a resilience part of at most resilPct of GDP.
//
// With the resilience spending known, the gap is exact: pct / 100 x GDP -
// core spending - min(resilience, resilPct / 100 x GDP), and GapMin =
// GapMax = Gap. Without it, the gap is unknown and only bounded: GapMin
// assumes the resilience part fully met (the core gap), GapMax that it is
// nothing. The verdict follows the shares: short when the core share is
// below pct - resilPct (no resilience spending can close the gap), meets
// when the core share alone reaches pct, undetermined in between.
func BoundGap(o Obs, pct, resilPct float64, m Method) Row {
	whole := Gap(o, pct, m) // the whole target against core spending alone
	r := Row{Obs: o, TargetPct: pct, Measured: whole.Measured, Status: whole.Status}
	if !whole.Status.Decided() {
		return r
	}
	if o.Resilience.Known && whole.Gap.Known {
		ceiling := resilPct / 100 * o.GDP.V
		counted := min(o.Resilience.V, ceiling)
		r.Required = whole.Required
		r.Spending = defence.N(whole.Spending.V + counted)
		r.Measured = defence.N(r.Spending.V / o.GDP.V * 100)
		r.Gap = defence.N(r.Required.V - r.Spending.V)
		r.GapMin, r.GapMax = r.Gap, r.Gap
		r.Status = verdict(r.Gap.V <= 0)
		return r
	}
	share := whole.Measured.V
	switch {
	case share >= pct:
		r.Status = StatusMeets
	case share < pct-resilPct:
		r.Status = StatusShort
	default:
		r.Status = StatusUndetermined
	}
	if whole.Gap.Known {
		r.Required = whole.Required
		r.GapMax = whole.Gap
		r.GapMin = defence.N(whole.Gap.V - resilPct/100*o.GDP.V)
	}
	return r
}
