package calc

import "github.com/natospend/natospend/pkg/defence"

// EquipmentGap computes one country's gap to a target of pct percent of
// defence expenditure spent on major equipment (including related R&D),
// such as the Wales guideline of 20% (the named target nato-equipment-20).
//
// It follows Gap's one rule. The published equipment share (Obs.Equipment,
// the release's equipment_pct) decides the verdict on its own: meets when
// it is at or above pct, short below. Money is added where the defence
// expenditure is known:
//
//	Base     = the defence expenditure the share applies to: the release's
//	           defence figure (defence_musd); where the release publishes
//	           none (nato-2025-08 publishes shares only), share / 100 x GDP
//	           with the GDP Resolve gives (the release's, else the newest
//	           GDP release's, i.e. the IMF's): the very spending the share
//	           gap counts under MethodShare.
//	Spending = equipment / 100 x Base: equipment spending
//	Required = pct / 100 x Base
//	Gap      = (pct - equipment) / 100 x Base; positive is a shortfall
//
// Without a defence figure, share or GDP the verdict stands and the money
// is unknown. Without an equipment share the status is no-data (the share
// is unknown, never 0%), though Base is still set where the defence
// expenditure is known. A country that publishes no defence figure
// (Iceland) is not-reported. The row is OfDefence, so that Total adds it
// up on defence expenditure: see Totals.
func EquipmentGap(o Obs, pct float64) Row {
	r := Row{Obs: o, TargetPct: pct, OfDefence: true}
	if o.NotReported {
		r.Status = StatusNotReported
		return r
	}
	switch {
	case o.Defence.Known:
		r.Base = o.Defence
	case o.Share.Known && o.GDP.Known:
		r.Base = defence.N(o.Share.V / 100 * o.GDP.V)
	}
	if !o.Equipment.Known {
		r.Status = StatusNoData
		return r
	}
	r.Measured = o.Equipment
	// The published share decides, compared directly as in Gap, so that
	// a share equal to the target meets it whatever the money's rounding.
	r.Status = verdict(o.Equipment.V >= pct)
	if r.Base.Known {
		r.Spending = defence.N(o.Equipment.V / 100 * r.Base.V)
		r.Required = defence.N(pct / 100 * r.Base.V)
		r.Gap = defence.N((pct - o.Equipment.V) / 100 * r.Base.V)
	}
	return r
}

// BaseFromShare reports whether the row's defence expenditure (Base) is
// share / 100 x GDP rather than a published defence figure: what a note
// should say, with the GDP's source (Obs.GDPSource).
func (r Row) BaseFromShare() bool { return r.OfDefence && r.Base.Known && !r.Defence.Known }
