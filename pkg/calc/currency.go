package calc

import (
	"fmt"
	"math"
	"sort"

	"github.com/natospend/natospend/pkg/defence"
)

// Currencies gap can show money in, besides US dollars.
const (
	CurrencyUSD      = "usd"
	CurrencyNational = "national"
	CurrencyEUR      = "eur"
)

// Rate is an exchange rate implied by NATO's own figures: units of a
// currency per US dollar in one year, with where it comes from.
type Rate struct {
	Currency string  // ISO 4217, e.g. "EUR", "PLN"
	PerUSD   float64 // units of Currency per USD
	Year     int
	// Source says how the rate was worked out, for notes.
	Source string
	// Spread is, for the EUR rate, the largest relative difference between
	// one counted ally's implied rate and the rate used (0 for one ally).
	Spread float64
	// Outliers are, for the EUR rate, the allies whose euro figures imply
	// another rate (by code: the relative difference from the median);
	// they are not counted.
	Outliers map[string]float64
}

// NationalRate is the rate NATO's figures imply for a country and year:
// its defence expenditure in national currency (Table 1) over the same in
// USD (Table 2), both at current prices. ok is false where the release
// lacks either figure (a release without national-currency tables).
func NationalRate(rel *defence.Release, code string, year int) (Rate, bool) {
	f, ok := rel.Figure(code, year)
	if !ok {
		return Rate{}, false
	}
	ncu := f.Details().DefenceNCU
	cur := rel.Currencies[code]
	if !ncu.Known || !f.Defence.Known || f.Defence.V <= 0 || ncu.V <= 0 || cur == "" {
		return Rate{}, false
	}
	return Rate{
		Currency: cur, PerUSD: ncu.V / f.Defence.V, Year: year,
		Source: fmt.Sprintf("defence in %s / defence in USD, current prices, release %s", cur, rel.ID),
	}, true
}

// EURRate is the EUR/USD rate NATO's figures imply for a year. Each ally
// whose national currency the release gives as EUR implies one (its defence
// in EUR over the same in USD); NATO converts the euro area at one market
// rate, so these agree up to the rounding of the published figures, except
// where an ally's euro figures are converted from another currency at a
// fixed rate (Croatia before it joined the euro in 2023: its kuna figures
// at the conversion rate). The rate is that of the consensus: the allies
// whose own rate is within 0.1% of the median, plus what the rounding of
// their published figures can move it (RoundingTolerance), total defence
// in EUR over total defence in USD; the others are Outliers, named in the
// notes and never used. ok is false where no ally has both figures.
func EURRate(rel *defence.Release, year int) (Rate, bool) {
	type own struct {
		code string
		rate float64
		eur  float64
		usd  float64
	}
	var all []own
	for code, cur := range rel.Currencies {
		if cur != "EUR" {
			continue
		}
		if r, ok := NationalRate(rel, code, year); ok {
			f, _ := rel.Figure(code, year)
			all = append(all, own{code, r.PerUSD, f.Details().DefenceNCU.V, f.Defence.V})
		}
	}
	if len(all) == 0 {
		return Rate{}, false
	}
	sort.Slice(all, func(i, j int) bool {
		return all[i].rate < all[j].rate || (all[i].rate == all[j].rate && all[i].code < all[j].code)
	})
	median := all[len(all)/2].rate
	if len(all)%2 == 0 {
		median = (all[len(all)/2-1].rate + all[len(all)/2].rate) / 2
	}
	var eur, usd float64
	var used []own
	rate := Rate{Currency: "EUR", Year: year, Outliers: map[string]float64{}}
	for _, o := range all {
		if math.Abs(o.rate/median-1) <= EURConsensus+RoundingTolerance(o.eur, o.usd) {
			eur += o.eur
			usd += o.usd
			used = append(used, o)
		} else {
			rate.Outliers[o.code] = o.rate/median - 1
		}
	}
	rate.PerUSD = eur / usd
	for _, o := range used {
		rate.Spread = math.Max(rate.Spread, math.Abs(o.rate/rate.PerUSD-1))
	}
	rate.Source = fmt.Sprintf("%d euro-area allies' defence in EUR / in USD, current prices, release %s", len(used), rel.ID)
	return rate, true
}

// EURConsensus is how far (relative) an ally's implied EUR rate may be from
// the median of the euro-currency allies and still count: 0.1%, ten times
// the worst rounding of the published figures seen in NATO's tables.
const EURConsensus = 0.001

// RoundingTolerance is how far (relative) rounding alone can move a rate
// worked out as a / b from two published amounts, each rounded to at worst
// a whole unit (NATO's July 2026 tables give whole millions: Montenegro's
// 86 million USD in 2022 moves by up to 0.6% on rounding alone).
func RoundingTolerance(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return 0.5/a + 0.5/b
}

// Convert turns million USD into millions of the rate's currency.
func (r Rate) Convert(musd defence.Num) defence.Num {
	if !musd.Known || r.PerUSD <= 0 {
		return defence.Unknown
	}
	return defence.N(musd.V * r.PerUSD)
}

// scale multiplies a known amount by k; unknown stays unknown.
func scale(n defence.Num, k float64) defence.Num {
	if !n.Known {
		return n
	}
	return defence.N(n.V * k)
}

// InCurrency is the row with its money (million current USD) converted at
// perUSD units of another currency per USD: GDP, defence, resilience,
// spending, requirement, gap and its bounds, the equipment base. Shares
// and percentages are unchanged, so that Total over converted rows gives
// the totals in that currency, each the sum of its converted column.
func (r Row) InCurrency(perUSD float64) Row {
	out := r
	out.GDP = scale(r.GDP, perUSD)
	out.Defence = scale(r.Defence, perUSD)
	out.Resilience = scale(r.Resilience, perUSD)
	out.Spending = scale(r.Spending, perUSD)
	out.Required = scale(r.Required, perUSD)
	out.Gap = scale(r.Gap, perUSD)
	out.GapMin = scale(r.GapMin, perUSD)
	out.GapMax = scale(r.GapMax, perUSD)
	out.Base = scale(r.Base, perUSD)
	return out
}

// InCurrency is the deadline's money converted at perUSD (the base year's
// rate: no rate of a future year is known); its growth is unchanged.
func (d Deadline) InCurrency(perUSD float64) Deadline {
	out := d
	out.GDP = scale(d.GDP, perUSD)
	out.Required = scale(d.Required, perUSD)
	out.Increase = scale(d.Increase, perUSD)
	return out
}

// HasMoney reports whether the row carries any amount (GDP, defence,
// spending or a requirement): a row that a total in another currency
// cannot leave out.
func (r Row) HasMoney() bool {
	return r.GDP.Known || r.Defence.Known || r.Spending.Known || r.Required.Known || r.Base.Known
}

// euroFrom are the allies whose euro figures in NATO's Table 1 are, before
// the ally joined the euro, its former currency converted to euros at the
// fixed conversion rate: Croatia, kuna (HRK), before 2023. The rate they
// imply against the dollar therefore differs from the euro area's market
// rate (EURRate leaves them out as outliers).
// A function, not a package-level map: nothing is built at start-up.
func euroFrom(code string) (from string, joined int, ok bool) {
	if code == "HRV" {
		return "HRK", 2023, true
	}
	return "", 0, false
}

// EuroConvertedFrom reports, for an ally whose euro figures in the release
// are its former currency converted at the fixed rate in that year
// (Croatia before 2023) and whose implied rate therefore differs from the
// euro area's (it is one of EURRate's Outliers), the former currency; ""
// otherwise. Where the release's dollar figures agree with the euro area's
// rate (NATO's July 2026 tables: Croatia 2019, 881 million EUR / 986
// million USD), there is nothing to say.
func EuroConvertedFrom(rel *defence.Release, code string, year int) string {
	from, joined, ok := euroFrom(code)
	if !ok || year == 0 || year >= joined || rel.Currencies[code] != "EUR" {
		return ""
	}
	r, ok := EURRate(rel, year)
	if _, out := r.Outliers[code]; !ok || !out {
		return ""
	}
	return from
}
