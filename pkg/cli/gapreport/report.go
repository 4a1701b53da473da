package gapreport

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/targets"
	"github.com/natospend/natospend/pkg/years"
)

// SchemaVersion of the JSON output. Fields are only ever added.
//
// Version 2: defence_musd is NATO's published defence (it was share x GDP
// under --method share, the published figure being in
// defence_published_musd); that amount is now defence_at_share_musd.
const SchemaVersion = 2

// Report is a computed gap report (pkg/calc) with what the gap command
// adds for display: the --show-aid context.
type Report struct {
	*calc.Report
	Aid *AidContext // --show-aid (aid.go): context only, never added to defence
	// Burden, with --burden: each country's share of the selection's
	// defence and GDP (calc.Report.Burdens), over BurdenBase countries.
	Burden     map[string]calc.Burden
	BurdenBase int
	// Years are the years asked (--year 2014-2024): one row per country and
	// year, totals per year; one year for a plain run.
	Years []int
	// Releases are the releases shown (--release a,b: side by side).
	Releases []*defence.Release
	// Currency, with --currency national or eur, is the currency the
	// table's money is shown in (calc.CurrencyNational, calc.CurrencyEUR),
	// at the rate Rate gives for a line (NATO's implied rates).
	Currency string
	Rate     func(ln *calc.Line) (calc.Rate, bool)
	// PerCapita, with --per-capita, is the data the populations come from
	// (calc.PerCapitaOf): figures per head are worked out line by line.
	PerCapita *defence.Dataset
	// cur caches the totals in Currency (inCurrencyTotals).
	cur *curTotals
}

// releases are the releases shown: one unless --release lists several.
func (r *Report) releases() []*defence.Release {
	if len(r.Releases) == 0 {
		return []*defence.Release{r.Release}
	}
	return r.Releases
}

// lastYear is the latest year shown (the year asked for a plain run).
func (r *Report) lastYear() int {
	if len(r.Years) == 0 {
		return r.Query.Year
	}
	return r.Years[len(r.Years)-1]
}

// multi reports whether the report holds several years or releases: one
// row per country, year and release, the totals of each in the notes (and,
// for several years of one release, a total row per year).
func (r *Report) multi() bool { return len(r.Years) > 1 || len(r.Releases) > 1 }

// field is one field of a gap line, declared once (render.Spec: machine
// key, kind, value) with everything every layout needs to know of it. The
// human table has one row per country: a per-country field shows once
// (from the country's first line), a per-measure field once per measure it
// applies to, with the title title(m) ("" : not for that measure), ordered
// by order within the measure's group; a last field goes after every
// measure's group. total is the field's total in the table's footer, from
// its measure's totals (false: none; written as a func literal that
// captures nothing, so that declaring it allocates nothing). The wide
// layout shows a once field once per row (what a country has whatever the
// target, read by wideGet when set), every other field once per measure.
// A perHead field is an amount per head in USD, which a table in another
// currency converts as it does money.
type field struct {
	render.Spec[*calc.Line]
	perCountry string                      // the per-country title
	title      func(m calc.Measure) string // the per-measure title
	order      int
	last       bool
	total      func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool)
	once       bool
	wideGet    func(*calc.Line) render.Cell
	perHead    bool
	// Spec.Drop is the field's rank in the order a terminal too narrow
	// for the table leaves columns out (render.Column.Drop), before it
	// falls back to one block per country: the money behind the share
	// first (GDP, defence, the per-head context), then the code, the
	// deadline money, the statuses (the gap's sign says them), the trends
	// and the gaps; 0: never (the country, its year, its share and what a
	// flag asked for: --burden, --show-aid, --currency).
	//
	// before is the key of the per-country column this one is shown just
	// before in the table (its JSON and CSV place is at the end: keys are
	// only ever added there); "": in declaration order.
	before string
}

// totalLabel is the name cell of a total row: label ("Total", "Total
// 2024"), ", top N" with --top, and (W of N): W of the N countries it adds
// up have data, the words summary's note spells out (totalsNote).
func (r *Report) totalLabel(label string, t calc.MeasureTotals) string {
	if r.Ranked > 0 {
		return fmt.Sprintf("%s, top %d (%d of %d)", label, len(r.Order), t.WithData, t.Countries)
	}
	return fmt.Sprintf("%s (%d of %d)", label, t.WithData, t.Countries)
}

// totalsNote says how the total rows add up and, in words, what the
// counts in their label mean (the first total row's, as printed).
func (r *Report) totalsNote() string {
	const legend = "; - unknown; e: estimate; ~: approximate."
	if len(r.Totals) == 0 || len(r.releases()) > 1 { // releases side by side: no total row
		return "Totals add up the rows shown (GDP includes countries without a gap)" + legend
	}
	t := r.Totals[r.baseIndex()]
	label := "Total"
	if r.multi() {
		label = fmt.Sprintf("Total %d", t.Year)
	}
	var counts string
	switch {
	case t.Countries == 1 && t.WithData == 1:
		counts = "the country added up has data (a verdict on the target)"
	case t.WithData == t.Countries:
		counts = fmt.Sprintf("all %d countries added up have data (a verdict on the target)", t.Countries)
	default:
		counts = fmt.Sprintf("%d of the %d %s added up %s data (a verdict on the target), and GDP includes those without a gap", t.WithData, t.Countries, render.Agree(t.Countries, "country", "countries"), render.Agree(t.WithData, "has", "have"))
	}
	return fmt.Sprintf("Totals add up the rows shown: in %q, %s%s", r.totalLabel(label, t), counts, legend)
}

func text(get func(*calc.Line) string) func(*calc.Line) render.Cell {
	return func(ln *calc.Line) render.Cell { return render.T(get(ln)) }
}

func numOf(get func(*calc.Line) defence.Num) func(*calc.Line) render.Cell {
	return func(ln *calc.Line) render.Cell { return num(get(ln)) }
}

// fields are the gap report's fields. The keys are the CSV header and the
// JSON row keys: a contract, only ever added to, at the end.
func (r *Report) fields() []field {
	single := len(r.Measures) == 1
	equipTitle := "" // the equipment share, in the table for the equipment guideline
	if r.Query != nil && r.Query.Measure == defence.MeasureEquipment {
		equipTitle = "Equip. %"
	}
	releaseTitle := "" // shown only when releases are side by side
	if len(r.Releases) > 1 {
		releaseTitle = "Release"
	}
	plain := func(m calc.Measure) bool { return !m.Bounded && m.Part != calc.PartResilience }
	defenceTitle, atShareTitle := "", ""
	if r.publishesDefence() {
		defenceTitle = "Defence $bn"
	}
	if r.showsAtShare() {
		atShareTitle = "Defence at share $bn"
	}
	fs := []field{
		{Spec: render.Spec[*calc.Line]{Drop: 6, Key: "code", Get: text(func(ln *calc.Line) string { return ln.Code })}, perCountry: "Code", once: true},
		{Spec: render.Spec[*calc.Line]{Key: "name", Sort: "name", Get: text(func(ln *calc.Line) string { return ln.Name })}, perCountry: "Country", once: true,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return render.T(r.totalLabel(label, t)), true
			}},
		{Spec: render.Spec[*calc.Line]{Key: "year", Kind: render.Int, Get: func(ln *calc.Line) render.Cell { return year(ln.Year) },
			Show: func(ln *calc.Line) render.Cell { return yearCell(ln.Obs) }}, perCountry: "Year", once: true},
		{Spec: render.Spec[*calc.Line]{Key: "release", Get: text(func(ln *calc.Line) string { return ln.Release })}, perCountry: releaseTitle, once: true},
		{Spec: render.Spec[*calc.Line]{Key: "estimate", Kind: render.Bool, Get: func(ln *calc.Line) render.Cell { return render.B(ln.Estimate) }}, once: true},
		{Spec: render.Spec[*calc.Line]{Drop: 1, Key: "gdp_musd", Kind: render.Money, Sort: "gdp", Get: numOf(func(ln *calc.Line) defence.Num { return ln.GDP })}, perCountry: "GDP $bn", once: true,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) { return num(t.GDP), true }},
		// In the wide layout, the source of the year's GDP (a deadline's GDP
		// source is in gdp_deadline_source_<suffix>).
		{Spec: render.Spec[*calc.Line]{Key: "gdp_source", Get: text(gdpSource)}, once: true,
			wideGet: func(ln *calc.Line) render.Cell { return render.T(ln.GDPSource) }},
		{Spec: render.Spec[*calc.Line]{Drop: 2, Key: "defence_musd", Kind: render.Money, Sort: "defence", Get: numOf(publishedDefence)}, perCountry: defenceTitle,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) { return num(t.Defence), true }},
		{Spec: render.Spec[*calc.Line]{Key: "share_pct", Kind: render.Percent, Sort: "share", Get: numOf(func(ln *calc.Line) defence.Num { return ln.Share })}, perCountry: "Share %", once: true,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return num(t.Share), !t.OfDefence // the total equipment share is under equipment_pct
			}},
		{Spec: render.Spec[*calc.Line]{Key: "target_pct", Kind: render.Percent, Get: func(ln *calc.Line) render.Cell { return render.N(ln.TargetPct) }}},
		{Spec: render.Spec[*calc.Line]{Drop: 8, Key: "required_musd", Kind: render.Money, Get: numOf(func(ln *calc.Line) defence.Num { return ln.Required })},
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) { return num(t.Required), true },
			title: func(m calc.Measure) string {
				if m.Part == calc.PartResilience {
					return "Need " + m.Label() + " $bn"
				}
				return ""
			}},
		{Spec: render.Spec[*calc.Line]{Drop: 11, Key: "gap_musd", Kind: render.Money, Sort: "gap", Get: numOf(func(ln *calc.Line) defence.Num { return ln.Gap }),
			Show: func(ln *calc.Line) render.Cell {
				c := num(ln.Gap)
				if ln.Approximate {
					c.Mark = "~"
				}
				return c
			}},
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) { return num(t.Gap), true },
			title: func(m calc.Measure) string {
				if plain(m) {
					return "Gap " + m.Label() + " $bn"
				}
				return ""
			}},
		{Spec: render.Spec[*calc.Line]{Drop: 9, Key: "status", Get: text(func(ln *calc.Line) string { return string(ln.Status) })}, order: 9,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return render.T(fmt.Sprintf("%d meet", t.Meeting)), true
			},
			title: func(m calc.Measure) string {
				switch {
				case m.Part == calc.PartResilience:
					return ""
				case single:
					return "Status"
				}
				return "Status " + m.Label()
			}},
		{Spec: render.Spec[*calc.Line]{Key: "target", Get: text(func(ln *calc.Line) string { return ln.Measure.Target.ID })}},
		{Spec: render.Spec[*calc.Line]{Key: "part", Get: text(func(ln *calc.Line) string { return string(ln.Measure.Part) })}},
		{Spec: render.Spec[*calc.Line]{Key: "approximate", Kind: render.Bool, Get: func(ln *calc.Line) render.Cell { return render.B(ln.Approximate) }}},
		{Spec: render.Spec[*calc.Line]{Key: "gap_min_musd", Kind: render.Money, Get: numOf(func(ln *calc.Line) defence.Num { return ln.GapMin })}},
		{Spec: render.Spec[*calc.Line]{Key: "gap_max_musd", Kind: render.Money, Get: numOf(func(ln *calc.Line) defence.Num { return ln.GapMax })}},
		// The table shows a bounded gap as its range, in words.
		{Spec: render.Spec[*calc.Line]{Drop: 11, Get: func(ln *calc.Line) render.Cell {
			if ln.Gap.Known {
				return render.T(render.FormatBillions(ln.Gap.V))
			}
			return render.T(rangeText(ln.GapMin, ln.GapMax))
		}},
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) { // the bounded gap's range
				if !t.Measure.Bounded {
					return render.Cell{}, false
				}
				if t.Gap.Known {
					return render.T(render.FormatBillions(t.Gap.V)), true
				}
				return render.T(rangeText(t.GapMin, t.GapMax)), true
			},
			title: func(m calc.Measure) string {
				if m.Bounded {
					return "Gap " + m.Label() + " $bn"
				}
				return ""
			}},
		{Spec: render.Spec[*calc.Line]{Key: "defence_published_musd", Kind: render.Money, Get: numOf(func(ln *calc.Line) defence.Num { return ln.Defence })}, once: true},
		{Spec: render.Spec[*calc.Line]{Key: "year_is_earlier", Kind: render.Bool, Get: func(ln *calc.Line) render.Cell { return render.B(ln.Earlier) }}, once: true},
		{Spec: render.Spec[*calc.Line]{Key: "base_year", Kind: render.Int, Get: func(ln *calc.Line) render.Cell { return year(ln.Deadline.BaseYear) }}},
		{Spec: render.Spec[*calc.Line]{Key: "deadline", Kind: render.Int, Get: func(ln *calc.Line) render.Cell { return year(ln.Deadline.Year) }}},
		{Spec: render.Spec[*calc.Line]{Key: "years_left", Kind: render.Int, Get: func(ln *calc.Line) render.Cell {
			return render.Opt(float64(ln.Deadline.YearsLeft), ln.Deadline.Set)
		}}},
		{Spec: render.Spec[*calc.Line]{Key: "gdp_deadline_musd", Kind: render.Money, Get: numOf(func(ln *calc.Line) defence.Num { return ln.Deadline.GDP })}},
		{Spec: render.Spec[*calc.Line]{Key: "gdp_deadline_source", Get: text(func(ln *calc.Line) string { return ln.Deadline.GDPSource })}},
		{Spec: render.Spec[*calc.Line]{Drop: 8, Key: "required_deadline_musd", Kind: render.Money, Sort: "need", Get: numOf(func(ln *calc.Line) defence.Num { return ln.Deadline.Required })},
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return num(t.Deadline.Required), true
			},
			title: func(m calc.Measure) string {
				if deadlineColumns(m) {
					return fmt.Sprintf("Need %d $bn", m.Deadline)
				}
				return ""
			}},
		{Spec: render.Spec[*calc.Line]{Key: "increase_musd", Kind: render.Money, Get: numOf(func(ln *calc.Line) defence.Num { return ln.Deadline.Increase })}},
		{Spec: render.Spec[*calc.Line]{Drop: 7, Key: "annual_growth_pct", Kind: render.Percent, Sort: "growth", Get: numOf(func(ln *calc.Line) defence.Num { return ln.Deadline.Growth })},
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return num(t.Deadline.Growth), true
			},
			title: func(m calc.Measure) string {
				if deadlineColumns(m) {
					return "Growth %/yr"
				}
				return ""
			}},
		{Spec: render.Spec[*calc.Line]{Drop: 10, Key: "trend", Get: text(func(ln *calc.Line) string {
			if ln.HasTrend {
				return string(ln.Trend.Status)
			}
			return ""
		})}, order: 8,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return render.T(fmt.Sprintf("%d on track", t.OnTrack)), true
			},
			title: func(m calc.Measure) string {
				switch {
				case m.Deadline == 0 || m.Part == calc.PartResilience:
					return ""
				case single:
					return "Trend"
				}
				return "Trend " + m.Label() // one per target: say which
			}},
		{Spec: render.Spec[*calc.Line]{Key: "trend_share_pct", Kind: render.Percent, Get: func(ln *calc.Line) render.Cell {
			if ln.HasTrend {
				return num(ln.Trend.Share)
			}
			return render.U()
		}}},
		// added with the equipment guideline (--measure equipment)
		{Spec: render.Spec[*calc.Line]{Key: "measure", Get: text(func(ln *calc.Line) string {
			if ln.OfDefence {
				return "equipment"
			}
			return "share"
		})}, once: true},
		{Spec: render.Spec[*calc.Line]{Key: "equipment_pct", Kind: render.Percent, Sort: "equipment", Get: numOf(func(ln *calc.Line) defence.Num { return ln.Equipment })}, perCountry: equipTitle, once: true,
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return num(t.Share), t.OfDefence
			}},
		{Spec: render.Spec[*calc.Line]{Key: "equipment_musd", Kind: render.Money, Get: func(ln *calc.Line) render.Cell {
			if ln.OfDefence {
				return num(ln.Spending)
			}
			return render.U()
		}}, once: true},
		// added with schema 2: the spending the share method measures from,
		// share x GDP, apart from NATO's published defence (defence_musd)
		{Spec: render.Spec[*calc.Line]{Drop: 2, Key: "defence_at_share_musd", Kind: render.Money, Sort: "defence-at-share", Get: numOf(func(ln *calc.Line) defence.Num { return ln.DefenceAtShare() })},
			perCountry: atShareTitle, once: true, before: "share_pct",
			total: func(r *Report, t calc.MeasureTotals, label string) (render.Cell, bool) {
				return num(t.DefenceAtShare), true
			}},
	}
	if r.Aid != nil { // --show-aid: two more machine fields at the end, and a column
		fs = append(fs,
			field{Spec: render.Spec[*calc.Line]{Key: "aid_military_meur", Kind: render.Number, Decimals: 1, Sort: "aid",
				Get: func(ln *calc.Line) render.Cell { return r.Aid.military(ln.Code) }},
				perCountry: "Mil. aid €m to " + r.Aid.Release.Cutoff, once: true, last: true},
			field{Spec: render.Spec[*calc.Line]{Key: "aid_cutoff", Get: text(func(*calc.Line) string { return r.Aid.Release.Cutoff })}, once: true},
		)
	}
	if r.Burden != nil { // --burden: three more fields at the end, and columns
		share := func(get func(calc.Burden) defence.Num) func(*calc.Line) render.Cell {
			return func(ln *calc.Line) render.Cell { return num(get(r.Burden[ln.Code])) }
		}
		// The base's shares add up to 100% by construction, their
		// differences to 0 points.
		// With --top, the shares are of the whole selection: the total row
		// adds up those shown (gap.go).
		base := func(v float64, get func(calc.Burden) defence.Num) func(*Report, calc.MeasureTotals, string) (render.Cell, bool) {
			return func(r *Report, _ calc.MeasureTotals, _ string) (render.Cell, bool) {
				if r.Ranked == 0 {
					return render.N(v), r.BurdenBase > 0
				}
				var sum float64
				known := false
				for _, code := range r.Order {
					if b := get(r.Burden[code]); b.Known {
						sum, known = sum+b.V, true
					}
				}
				return render.Opt(sum, known), true
			}
		}
		fs = append(fs,
			field{Spec: render.Spec[*calc.Line]{Key: "burden_defence_pct", Kind: render.Percent, Sort: "burden-defence",
				Get: share(func(b calc.Burden) defence.Num { return b.Defence })}, perCountry: "Def. share %", once: true, last: true, total: base(100, func(b calc.Burden) defence.Num { return b.Defence })},
			field{Spec: render.Spec[*calc.Line]{Key: "burden_gdp_pct", Kind: render.Percent, Sort: "burden-gdp",
				Get: share(func(b calc.Burden) defence.Num { return b.GDP })}, perCountry: "GDP share %", once: true, last: true, total: base(100, func(b calc.Burden) defence.Num { return b.GDP })},
			field{Spec: render.Spec[*calc.Line]{Key: "burden_diff_pts", Kind: render.Percent, Sort: "burden-diff",
				Get: share(func(b calc.Burden) defence.Num { return b.Diff })}, perCountry: "Diff pts", once: true, last: true, total: base(0, func(b calc.Burden) defence.Num { return b.Diff })},
		)
	}
	if r.Currency != "" { // --currency: the rate and the money in that currency, at the end
		rateOf := func(ln *calc.Line) (calc.Rate, bool) { return r.Rate(ln) }
		conv := func(get func(*calc.Line) defence.Num) func(*calc.Line) render.Cell {
			return func(ln *calc.Line) render.Cell {
				rate, ok := rateOf(ln)
				if !ok {
					return render.U()
				}
				return num(rate.Convert(get(ln)))
			}
		}
		curTitle := "Cur."
		if r.Currency == calc.CurrencyEUR {
			curTitle = ""
		}
		fs = append(fs,
			field{Spec: render.Spec[*calc.Line]{Key: "currency", Get: text(func(ln *calc.Line) string {
				if rate, ok := rateOf(ln); ok {
					return rate.Currency
				}
				return ""
			}), Show: text(func(ln *calc.Line) string {
				rate, ok := rateOf(ln)
				if !ok {
					return ""
				}
				if from := r.euroFrom(ln); from != "" && r.Currency == calc.CurrencyNational {
					return rate.Currency + " (from " + from + ")"
				}
				return rate.Currency
			})}, perCountry: curTitle, last: true},
			field{Spec: render.Spec[*calc.Line]{Key: "rate_per_usd", Kind: render.Number, Decimals: 4, Get: func(ln *calc.Line) render.Cell {
				rate, ok := rateOf(ln)
				return render.Opt(rate.PerUSD, ok)
			}}, perCountry: "Per $", last: true},
			field{Spec: render.Spec[*calc.Line]{Key: "gdp_mcur", Kind: render.Number, Get: conv(func(ln *calc.Line) defence.Num { return ln.GDP })}},
			field{Spec: render.Spec[*calc.Line]{Key: "defence_mcur", Kind: render.Number, Get: conv(publishedDefence)}},
			field{Spec: render.Spec[*calc.Line]{Key: "required_mcur", Kind: render.Number, Get: conv(func(ln *calc.Line) defence.Num { return ln.Required })}},
			field{Spec: render.Spec[*calc.Line]{Key: "gap_mcur", Kind: render.Number, Get: conv(func(ln *calc.Line) defence.Num { return ln.Gap })}},
		)
	}
	if r.PerCapita != nil { // --per-capita: four more fields at the end, and columns
		pc := func(get func(calc.PerCapita) defence.Num) func(*calc.Line) render.Cell {
			return func(ln *calc.Line) render.Cell { return num(get(calc.PerCapitaOf(r.PerCapita, ln.Row))) }
		}
		fs = append(fs,
			field{Spec: render.Spec[*calc.Line]{Drop: 3, Key: "population_m", Kind: render.Number, Decimals: 2, Sort: "population",
				Get: pc(func(p calc.PerCapita) defence.Num { return p.Population.Value })}, perCountry: "Pop. m", once: true, last: true},
			field{Spec: render.Spec[*calc.Line]{Drop: 4, Key: "gdp_per_capita_usd", Kind: render.Number, Decimals: 0, Sort: "gdp-per-head",
				Get: pc(func(p calc.PerCapita) defence.Num { return p.GDP })}, perCountry: "GDP/head $", once: true, last: true, perHead: true},
			field{Spec: render.Spec[*calc.Line]{Drop: 5, Key: "defence_per_capita_usd", Kind: render.Number, Decimals: 0, Sort: "defence-per-head",
				Get: pc(func(p calc.PerCapita) defence.Num { return p.Defence })}, perCountry: "Def./head $", once: true, last: true, perHead: true},
			field{Spec: render.Spec[*calc.Line]{Drop: 12, Key: "gap_per_capita_usd", Kind: render.Number, Decimals: 0, Sort: "gap-per-head",
				Get: pc(func(p calc.PerCapita) defence.Num { return p.Gap })}, perHead: true,
				title: func(m calc.Measure) string {
					if plain(m) {
						return "Gap/head " + m.Label() + " $"
					}
					return ""
				}},
			// NATO's own figures per head (Table 6, constant prices),
			// named apart from the ones above.
			field{Spec: render.Spec[*calc.Line]{Key: "nato_gdp_per_capita_const_kusd", Kind: render.Number, Decimals: 1, Sort: "nato-gdp-per-head",
				Get: func(ln *calc.Line) render.Cell { return num(calc.NATOPerCapitaOf(r.PerCapita, ln.Row).GDP) }}, perCountry: "NATO GDP/head k$", once: true, last: true},
			field{Spec: render.Spec[*calc.Line]{Key: "nato_defence_per_capita_const_usd", Kind: render.Number, Decimals: 0, Sort: "nato-defence-per-head",
				Get: func(ln *calc.Line) render.Cell { return num(calc.NATOPerCapitaOf(r.PerCapita, ln.Row).Defence) }}, perCountry: "NATO def./head $", once: true, last: true},
		)
	}
	if r.Currency != "" { // --currency, added with schema 2: defence at share in that currency, and the currency a euro figure was converted from
		fs = append(fs,
			field{Spec: render.Spec[*calc.Line]{Key: "defence_at_share_mcur", Kind: render.Number, Get: func(ln *calc.Line) render.Cell {
				rate, ok := r.Rate(ln)
				if !ok {
					return render.U()
				}
				return num(rate.Convert(ln.DefenceAtShare()))
			}}},
			field{Spec: render.Spec[*calc.Line]{Key: "currency_converted_from", Get: text(r.euroFrom)}},
		)
	}
	return fs
}

func specs(fs []field) []render.Spec[*calc.Line] {
	out := make([]render.Spec[*calc.Line], len(fs))
	for i, f := range fs {
		out[i] = f.Spec
	}
	return out
}

// gdpSource describes where a line's GDP comes from; with a deadline, also
// how it was grown to the deadline.
func gdpSource(ln *calc.Line) string {
	if ln.Deadline.Set && ln.Deadline.GDPSource != "" && ln.Deadline.Year != ln.Deadline.BaseYear {
		return ln.GDPSource + " + " + ln.Deadline.GDPSource
	}
	return ln.GDPSource
}

// linePtrs points at each of r.Lines: the fields read a line by pointer
// (a calc.Line is 768 bytes, and a table reads it once per cell).
func (r *Report) linePtrs() []*calc.Line {
	out := make([]*calc.Line, len(r.Lines))
	for i := range r.Lines {
		out[i] = &r.Lines[i]
	}
	return out
}

// MachineTable is one row per country and measure, for CSV and TSV.
func (r *Report) MachineTable() *render.Table {
	return render.MachineTable(specs(r.fields()), r.linePtrs())
}

// WideTable is the wide layout (--layout wide) for CSV, TSV and xlsx: one
// row per country (and release, when there are several; several years of
// one release: a group of columns per year, wideByYear), the
// per-country fields once, then a group of columns per measure whose keys
// end in the measure's suffix: gap_musd_3_5, status_hague_5. A SUM over a
// column such as gdp_musd counts each country once. In this layout
// gdp_source is the source of the year's GDP; a deadline's GDP source is in
// gdp_deadline_source_<suffix>.
func (r *Report) WideTable() *render.Table {
	fs := r.fields()
	type col struct {
		spec    render.Spec[*calc.Line]
		measure int // -1: once per row
	}
	var cols []col
	t := &render.Table{}
	for _, f := range fs {
		if f.Key == "" || !f.once {
			continue
		}
		if f.wideGet != nil {
			f.Get = f.wideGet
		}
		cols = append(cols, col{spec: f.Spec, measure: -1})
		t.Columns = append(t.Columns, render.Column{Key: f.Key, Kind: f.Kind, Decimals: f.Decimals, TrueText: f.TrueText})
	}
	for i, sfx := range wideSuffixes(r.Measures) {
		if sfx == "" {
			continue // the same measure again
		}
		for _, f := range fs {
			if f.Key == "" || f.once {
				continue
			}
			cols = append(cols, col{spec: f.Spec, measure: i})
			t.Columns = append(t.Columns, render.Column{Key: f.Key + "_" + sfx, Kind: f.Kind, Decimals: f.Decimals, TrueText: f.TrueText})
		}
	}
	if len(r.Years) > 1 && len(r.releases()) == 1 {
		return r.wideByYear(t, func(j int, lines []calc.Line) render.Cell {
			c := cols[j]
			return c.spec.Get(lineOf(lines, c.measure))
		})
	}
	for _, code := range r.Order {
		lines := r.ByCode[code]
		cells := make([]render.Cell, len(cols))
		for j, c := range cols {
			cells[j] = c.spec.Get(lineOf(lines, c.measure))
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// wideByYear is the wide layout of several years of one release: one row
// per country (code, name and release once), then the columns of the
// one-year wide table (t, get giving a cell from a country's
// lines of one year) for each year in turn, their keys ending in _YEAR
// (share_pct_2024, gap_musd_2_2024). An unknown is empty, never 0, where
// a country has no line for a year.
func (r *Report) wideByYear(t *render.Table, get func(j int, lines []calc.Line) render.Cell) *render.Table {
	once := map[string]bool{"code": true, "name": true, "release": true}
	out := &render.Table{}
	var perYear []int // the columns of t repeated for each year
	for j, c := range t.Columns {
		if once[c.Key] {
			out.Columns = append(out.Columns, c)
		} else {
			perYear = append(perYear, j)
		}
	}
	for _, y := range r.Years {
		for _, j := range perYear {
			c := t.Columns[j]
			c.Key += "_" + strconv.Itoa(y)
			out.Columns = append(out.Columns, c)
		}
	}
	// Merge keys a country's lines of a year by "CODE YEAR RELEASE", in
	// r.Order; the countries come in the order of their first line.
	byYear := map[string]map[int][]calc.Line{}
	var codes []string
	for _, id := range r.Order {
		f := strings.Fields(id)
		if len(f) < 2 {
			continue
		}
		y, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		if byYear[f[0]] == nil {
			byYear[f[0]] = map[int][]calc.Line{}
			codes = append(codes, f[0])
		}
		byYear[f[0]][y] = r.ByCode[id]
	}
	for _, code := range codes {
		var any []calc.Line
		for _, y := range r.Years {
			if ls := byYear[code][y]; ls != nil {
				any = ls
				break
			}
		}
		var cells []render.Cell
		for j, c := range t.Columns {
			if once[c.Key] {
				cells = append(cells, get(j, any))
			}
		}
		for _, y := range r.Years {
			ls := byYear[code][y]
			for _, j := range perYear {
				if ls == nil {
					cells = append(cells, render.U())
					continue
				}
				cells = append(cells, get(j, ls))
			}
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

// wideSuffixes names each measure's group of columns in the wide layout,
// from what was asked, so that a script can rely on it:
//   - a percentage: its digits, the point as '_' ("2", "3_5");
//   - a named target: its id, '-' as '_', then its percentage
//     ("hague_core_3_5", "nato_2014_2", "hague_5");
//   - a part of a target (core, resilience): the whole target's suffix,
//     the part and the part's percentage ("hague_5_core_3_5",
//     "hague_5_resilience_1_5").
//
// A measure asked twice (--target 2,2) gets one group: "" for the repeat.
// Two different measures with the same suffix (possible only with
// user-defined target ids) are told apart by "_2", "_3" on the later ones.
func wideSuffixes(ms []calc.Measure) []string {
	pct := func(v float64) string { return strings.ReplaceAll(targets.FormatPct(v), ".", "_") }
	id := func(m calc.Measure, whole float64) string {
		if m.Target.ID == "" {
			return pct(whole)
		}
		return strings.ReplaceAll(m.Target.ID, "-", "_") + "_" + pct(whole)
	}
	out := make([]string, len(ms))
	seen := map[string]int{} // suffix -> measure
	for i, m := range ms {
		s := id(m, m.Pct)
		if m.Part != calc.PartWhole {
			s = id(m, m.Target.Pct) + "_" + string(m.Part) + "_" + pct(m.Pct)
		}
		if j, ok := seen[s]; ok {
			o := ms[j]
			if o.Target.ID == m.Target.ID && o.Part == m.Part && o.Pct == m.Pct && o.Deadline == m.Deadline && o.Bounded == m.Bounded {
				continue // the same measure again: out[i] stays ""
			}
			base := s
			for n := 2; ok; n++ {
				s = base + "_" + strconv.Itoa(n)
				_, ok = seen[s]
			}
		}
		seen[s] = i
		out[i] = s
	}
	return out
}

// lineOf is a country's line for a column of measure (-1: a per-country
// column, read from its first line).
func lineOf(lines []calc.Line, measure int) *calc.Line {
	if measure >= 0 {
		return &lines[measure]
	}
	return &lines[0]
}

// column is one column of the human table: a field, and the measure it is
// shown for (-1: a per-country field).
type column struct {
	f       field
	measure int
	title   string
}

// columns lays out the human table from the fields: the per-country
// fields, then a group per measure.
func (r *Report) columns() []column {
	cols := r.layColumns()
	for i := range cols {
		switch {
		case r.Currency == "":
		case cols[i].f.Kind == render.Money:
			cols[i].title = strings.ReplaceAll(cols[i].title, "$bn", r.currencyUnit())
		case cols[i].f.perHead:
			unit := " cur."
			if r.Currency == calc.CurrencyEUR {
				unit = " €"
			}
			cols[i].title = strings.TrimSuffix(cols[i].title, " $") + unit
		}
	}
	return cols
}

// converted reports whether the human table shows a column in the table's
// currency rather than as the field holds it (USD).
func (r *Report) converted(f field) bool {
	return r.Currency != "" && (f.Kind == render.Money || f.perHead)
}

// currencyUnit is what money columns are titled in with --currency.
func (r *Report) currencyUnit() string {
	if r.Currency == calc.CurrencyEUR {
		return "€bn"
	}
	return "bn cur."
}

// inCurrency converts a money cell (million USD) at the line's rate.
func (r *Report) inCurrency(c render.Cell, ln *calc.Line) render.Cell {
	if !c.Known {
		return c
	}
	rate, ok := r.Rate(ln)
	if !ok {
		return render.Cell{Mark: c.Mark}
	}
	out := render.N(c.Num * rate.PerUSD)
	out.Mark = c.Mark
	return out
}

// footerInCurrency is a money column's total in the table's currency: the
// sum of its converted rows (inCurrencyTotals); unknown where the rows are
// in several national currencies or one lacks a rate.
func (r *Report) footerInCurrency(c column, idx []int, label string) render.Cell {
	i := r.totalIndex(c)
	ct := r.inCurrencyTotals()
	if ct.unit[idx[i]] == "" {
		return render.U()
	}
	return r.footer(c, pick(ct.totals, idx), label)
}

func (r *Report) layColumns() []column {
	fs := r.fields()
	var out []column
	for _, f := range fs {
		if f.perCountry != "" && f.before == "" {
			out = append(out, column{f: f, measure: -1, title: f.perCountry})
		}
	}
	for _, f := range fs { // placed before another column (defence at share, beside the published defence)
		if f.perCountry != "" && f.before != "" {
			at := len(out)
			for i, c := range out {
				if c.f.Key == f.before {
					at = i
				}
			}
			out = slices.Insert(out, at, column{f: f, measure: -1, title: f.perCountry})
		}
	}
	for i, m := range r.Measures {
		var group []column
		for _, f := range fs {
			if f.title != nil {
				if t := f.title(m); t != "" {
					group = append(group, column{f: f, measure: i, title: t})
				}
			}
		}
		sort.SliceStable(group, func(a, b int) bool { return group[a].f.order < group[b].f.order })
		out = append(out, group...)
	}
	// The columns of the added views (--show-aid, --burden, --per-capita,
	// --currency) go last.
	var last []column
	kept := out[:0:0]
	for _, c := range out {
		if c.f.last {
			last = append(last, c)
		} else {
			kept = append(kept, c)
		}
	}
	return append(kept, last...)
}

// HumanTable is one row per country, a column group per measure.
func (r *Report) HumanTable() *render.Table {
	cols := r.columns()
	t := &render.Table{Title: r.title()}
	for _, c := range cols {
		t.Columns = append(t.Columns, render.Column{Title: c.title, Kind: c.f.Kind, Decimals: c.f.Decimals, TrueText: c.f.TrueText,
			Drop: c.f.Drop, Short: r.shortTitle(c)})
	}
	for _, code := range r.Order {
		lines := r.ByCode[code]
		cells := make([]render.Cell, len(cols))
		for j, c := range cols {
			ln := lineOf(lines, c.measure)
			if c.f.Show != nil {
				cells[j] = c.f.Show(ln)
			} else {
				cells[j] = c.f.Get(ln)
			}
			if r.converted(c.f) {
				cells[j] = r.inCurrency(cells[j], ln)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	if !r.multi() {
		t.Footer = r.footerRow(cols, "Total", nil)
	} else if len(r.releases()) == 1 { // several years of one release: a total row per year
		for _, y := range r.Years {
			var idx []int // the year's totals, one per measure
			for i, tt := range r.Totals {
				if tt.Year == y {
					idx = append(idx, i)
				}
			}
			if len(idx) != len(r.Measures) {
				continue
			}
			row := r.footerRow(cols, fmt.Sprintf("Total %d", y), idx)
			if t.Footer == nil {
				t.Footer = row
			} else {
				t.MoreFooters = append(t.MoreFooters, row)
			}
		}
	}
	t.Notes = r.summary()
	return t
}

// shortTitle is a column's title in a terminal too narrow for the table
// (render.Column.Short): with one target, which the table's title names,
// its gap columns need not name it again; "": the title.
func (r *Report) shortTitle(c column) string {
	single := len(r.Measures) == 1
	switch {
	case c.f.Key == "defence_musd":
		return "Def. $bn"
	case single && c.f.Key == "gap_musd" && c.title != "":
		return "Gap $bn"
	case single && c.f.Key == "gap_per_capita_usd" && c.title != "":
		return "Gap/head $"
	}
	return ""
}

// footerRow is a total row of the human table, the name column's label
// starting with label: the totals r.Totals[idx] (one per measure; nil:
// all of them, a report of one year and release), in the table's currency.
func (r *Report) footerRow(cols []column, label string, idx []int) []render.Cell {
	if idx == nil {
		for i := range r.Totals {
			idx = append(idx, i)
		}
	}
	row := make([]render.Cell, len(cols))
	for j, c := range cols {
		if r.Currency != "" && c.f.Kind == render.Money {
			row[j] = r.footerInCurrency(c, idx, label)
		} else {
			row[j] = r.footer(c, pick(r.Totals, idx), label)
		}
	}
	return row
}

// pick returns the totals ts[idx].
func pick(ts []calc.MeasureTotals, idx []int) []calc.MeasureTotals {
	out := make([]calc.MeasureTotals, len(idx))
	for k, i := range idx {
		out[k] = ts[i]
	}
	return out
}

// footer is a column's total in the human table, as its field declares it
// (label: the row's label): from the totals of its measure in totals (the
// first plain measure's for per-country columns); empty where the field
// has none.
func (r *Report) footer(c column, totals []calc.MeasureTotals, label string) render.Cell {
	i := r.totalIndex(c)
	tot := totals[i]
	empty := render.U()
	if c.f.Kind == render.String {
		empty = render.T("")
	}
	if c.f.total != nil {
		if cell, ok := c.f.total(r, tot, label); ok {
			return cell
		}
	}
	return empty
}

// deadlineColumns reports whether the table shows a measure's deadline
// money (not for a range or the resilience part).
func deadlineColumns(m calc.Measure) bool {
	return m.Deadline != 0 && m.Part != calc.PartResilience && !m.Bounded
}

// withMoneyOf is t with the amounts of c (the same totals in another
// currency); counts, shares and growth rates stay t's.
func withMoneyOf(t, c calc.MeasureTotals) calc.MeasureTotals {
	t.GDP, t.Defence, t.DefenceAtShare, t.Equipment = c.GDP, c.Defence, c.DefenceAtShare, c.Equipment
	t.Required, t.Gap, t.Shortfall, t.GapMin, t.GapMax, t.AggregateGap = c.Required, c.Gap, c.Shortfall, c.GapMin, c.GapMax, c.AggregateGap
	t.Deadline.GDP, t.Deadline.Required, t.Deadline.Increase = c.Deadline.GDP, c.Deadline.Required, c.Deadline.Increase
	return t
}

// withoutMoney is t with every amount unknown.
func withoutMoney(t calc.MeasureTotals) calc.MeasureTotals {
	return withMoneyOf(t, calc.MeasureTotals{})
}

// meetText says "3 of 31 countries with data meet it", agreeing in number.
func meetText(meet, of int) string {
	noun := "countries"
	if of == 1 {
		noun = "country"
	}
	return fmt.Sprintf("%d of %d %s with data %s it", meet, of, noun, render.Agree(meet, "meets", "meet"))
}

// noMoneyText says why a total has no money: no country has the figure
// its verdict compares (the published share of GDP, the equipment share
// of defence spending, defence and GDP in USD), or, where verdicts stand,
// none has the base the money is a share of (GDP; defence spending for the
// equipment share).
func noMoneyText(withData int, ofDefence bool, m calc.Method) string {
	switch {
	case withData == 0 && ofDefence:
		return "no country selected has a published equipment share of defence spending for the year: no verdict, no money"
	case withData == 0 && m == calc.MethodUSD:
		return "no country selected has both defence spending and GDP in USD for the year: no verdict, no money"
	case withData == 0:
		return "no country selected has a published share of GDP for the year: no verdict, no money"
	case ofDefence:
		return "no defence spending in USD for the year: verdicts from the published equipment shares, no money"
	}
	return "no GDP for the year: verdicts from the published shares of GDP, no money"
}

// summary is the notes under the human table: what the totals say
// (summaryLines), then the other notes (tableNotes).
func (r *Report) summary() []string { return append(r.summaryLines(), r.tableNotes()...) }

// summaryLines say, per measure, how many meet it and what the gaps add
// up to. Every amount is in the table's currency: with --currency, the
// totals of the converted rows (inCurrencyTotals); where those cannot be
// added up, no amount.
func (r *Report) summaryLines() []string {
	var out []string
	for i, tt := range r.Totals {
		unit, noMoney := "$", ""
		if r.Currency != "" {
			ct := r.inCurrencyTotals()
			if unit = ct.unit[i]; unit == "" {
				tt, noMoney = withoutMoney(tt), " (amounts in several national currencies, or without a rate: not added up)."
			} else {
				tt = withMoneyOf(tt, ct.totals[i])
			}
		}
		bn := func(v float64) string { return render.BillionsTextIn(unit, v) }
		netText := func(v float64) string {
			if v < 0 {
				return "a surplus of " + bn(-v)
			}
			return "a shortfall of " + bn(v)
		}
		m := tt.Measure
		label := m.Label()
		switch {
		case len(r.Releases) > 1:
			label = fmt.Sprintf("%s %d, %s", tt.Release, tt.Year, label)
		case r.multi():
			label = fmt.Sprintf("%d, %s", tt.Year, label)
		}
		switch {
		case m.Part == calc.PartResilience:
			if tt.Required.Known {
				out = append(out, fmt.Sprintf("%s: requires %s; the spending is not in NATO's tables.", label, bn(tt.Required.V)))
			}
			continue
		case m.Bounded:
			s := fmt.Sprintf("%s: %s on core spending alone, %d %s short (core share below %s%% of GDP), %d undetermined",
				label, meetText(tt.Meeting, tt.WithData), tt.Short, render.Agree(tt.Short, "falls", "fall"), targets.FormatPct(m.Pct-m.ResilPct), tt.Undetermined)
			switch {
			case tt.Gap.Known:
				s += fmt.Sprintf("; the gaps add up to %s.", netText(tt.Gap.V))
			case tt.GapMin.Known && tt.GapMax.Known:
				s += fmt.Sprintf("; the gaps add up to between %s and %s: resilience spending is unknown.", netText(tt.GapMin.V), netText(tt.GapMax.V))
			case noMoney != "":
				s += noMoney
			default:
				s += "."
			}
			out = append(out, s)
		default:
			s := fmt.Sprintf("%s: %s", label, meetText(tt.Meeting, tt.WithData))
			switch {
			case tt.Gap.Known && tt.Short == 0:
				s += fmt.Sprintf("; none falls short; all gaps together: %s.", netText(tt.Gap.V))
			case tt.Gap.Known:
				s += fmt.Sprintf("; shortfalls add up to %s; all gaps, net of surpluses, to %s.", bn(tt.Shortfall.V), netText(tt.Gap.V))
			case noMoney != "":
				s += noMoney
			default:
				s += " (" + noMoneyText(tt.WithData, tt.OfDefence, r.Query.Method) + ")."
			}
			out = append(out, s)
			if tt.AggregateGap.Known && netText(tt.AggregateGap.V) != netText(tt.Gap.V) && !tt.OfDefence {
				out = append(out, fmt.Sprintf("  NATO's convention, target x total GDP - total published defence (which also counts the GDP of countries without a gap): %s.", netText(tt.AggregateGap.V)))
			}
		}
		if m.Deadline != 0 {
			var parts []string
			if tt.Deadline.Required.Known {
				g := "n/a"
				if tt.Deadline.Growth.Known {
					g = fmt.Sprintf("%.2f%% a year", tt.Deadline.Growth.V)
				}
				inc := ""
				if tt.Deadline.Increase.Known {
					// A need below base-year spending reads "less", never "-$x more".
					v, than := tt.Deadline.Increase.V, "more"
					if v < 0 {
						v, than = -v, "less"
					}
					inc = fmt.Sprintf(", %s %s than base-year spending (growth %s)", bn(v), than, g)
				}
				parts = append(parts, fmt.Sprintf("%s required%s", bn(tt.Deadline.Required.V), inc))
			}
			parts = append(parts, fmt.Sprintf("%d on track, %d off track", tt.OnTrack, tt.OffTrack))
			out = append(out, fmt.Sprintf("  by %d: %s.", m.Deadline, strings.Join(parts, "; ")))
		}
	}
	return out
}

// tableNotes are the notes under the human table after the totals
// (summaryLines): NATO's aggregates, the method, the legend, the report's
// notes and the sources.
func (r *Report) tableNotes() []string {
	var out []string
	out = append(out, r.publishedNotes()...)
	out = append(out, query.MethodNotes(r.Query, r.currencyWords(), r.publishesDefence()).Sentence)
	if r.Query.Constant {
		out = append(out, fmt.Sprintf("Prices: GDP and defence in US dollars at constant %d prices and exchange rates, as release %s publishes them (never GDP from another release); the money columns and totals are in those dollars.", r.Release.ConstantYear, r.Release.ID))
	}
	if r.HasDeadline() {
		out = append(out, "Deadline: Need = target x GDP in the deadline year; Growth = constant yearly growth of spending that gets there (negative: spending already above the need). The verdict is that of the base year; Trend says whether the country is on track.")
	}
	out = append(out, r.totalsNote())
	out = append(out, r.Notes...)
	for _, rel := range r.releases() {
		out = append(out, calc.SourceOf(rel).Line())
	}
	return out
}

// baseIndex is the index of the totals the footer's GDP and defence come
// from: the first measure whose gap is known country by country.
func (r *Report) baseIndex() int {
	for i, t := range r.Totals {
		if !t.Measure.Bounded && t.Measure.Part != calc.PartResilience {
			return i
		}
	}
	return 0
}

// totalIndex is the index of the totals a column's footer and hook come
// from: its measure's, or the base measure's for a per-country column.
func (r *Report) totalIndex(c column) int {
	if c.measure >= 0 {
		return c.measure
	}
	return r.baseIndex()
}

func (r *Report) title() string {
	var what []string
	for _, t := range r.Query.Targets {
		what = append(what, targets.Label(t))
	}
	def := r.Release.Definition
	if def == "" {
		def = "unstated"
	}
	in := strconv.Itoa(r.Query.Year)
	if r.multi() {
		in = years.Format(r.Years)
	}
	rel := fmt.Sprintf("release %s (%s definition)", r.Release.ID, def)
	if len(r.Releases) > 1 {
		var rs []string
		for _, x := range r.Releases {
			d := x.Definition
			if d == "" {
				d = "unstated"
			}
			rs = append(rs, fmt.Sprintf("%s (%s)", x.ID, d))
		}
		rel = "releases " + strings.Join(rs, ", ") + " side by side"
	}
	of, method := "of GDP", ", method "+string(r.Query.Method)
	if r.Query.Measure == defence.MeasureEquipment {
		of, method = "of defence spending on major equipment", ""
	}
	s := fmt.Sprintf("Gap to %s %s in %s: %s%s", strings.Join(what, ", "), of, in, rel, method)
	if r.Query.By != 0 {
		s += fmt.Sprintf(", deadline %d", r.Query.By)
	}
	if r.Query.Constant {
		s += fmt.Sprintf(", constant %d prices", r.Release.ConstantYear)
	}
	return s
}

// publishedDefence is a line's defence expenditure as the publisher
// prints it (NATO's Table 2, million current USD): unknown where the
// release publishes shares only, never share x GDP (that is
// Obs.DefenceAtShare, defence_at_share_musd).
func publishedDefence(ln *calc.Line) defence.Num { return ln.Defence }

// publishesDefence reports whether a release shown publishes defence
// amounts: the table then has the Defence $bn column.
func (r *Report) publishesDefence() bool {
	for _, rel := range r.releases() {
		if calc.PublishesFigure(rel, calc.FigureDefence) {
			return true
		}
	}
	return false
}

// showsAtShare reports whether the table shows defence at share (share x
// GDP): under the share method, whose gaps are measured from it, and for
// the equipment guideline on a release without defence amounts, whose
// equipment money is measured on it.
func (r *Report) showsAtShare() bool {
	if r.Query == nil {
		return false
	}
	if r.Query.Measure == defence.MeasureEquipment {
		return !r.publishesDefence()
	}
	return r.Query.Method == calc.MethodShare
}

func rangeText(lo, hi defence.Num) string {
	if !lo.Known || !hi.Known {
		return "-"
	}
	return render.FormatBillions(lo.V) + " to " + render.FormatBillions(hi.V)
}

// JSON returns the JSON document of the report.
func (r *Report) JSON() any {
	doc := jsonReport{
		SchemaVersion: SchemaVersion,
		Year:          r.lastYear(),
		Release:       r.Release.ID,
		Definition:    r.Release.Definition,
		Method:        string(r.Query.Method),
		Deadline:      intPtr(r.Query.By),
		Targets:       []jsonTarget{},
		Rows:          []render.Object{},
		Totals:        []render.Object{},
		Notes:         append([]string{}, r.Notes...),
		Source:        calc.SourceOf(r.Release),
		Years:         r.Years,
		Prices:        "current",
	}
	if r.Query.Constant {
		doc.Prices, doc.ConstantYear = "constant", r.Release.ConstantYear
	}
	for _, rel := range r.releases() {
		doc.Releases = append(doc.Releases, rel.ID)
		doc.Sources = append(doc.Sources, calc.SourceOf(rel))
	}
	for _, t := range r.Query.Targets {
		doc.Targets = append(doc.Targets, jsonTarget{ID: t.ID, Name: t.Name, TargetPct: t.Pct, Deadline: intPtr(t.Deadline)})
	}
	doc.Rows = append(doc.Rows, render.Objects(specs(r.fields()), r.linePtrs())...)
	doc.Totals = append(doc.Totals, r.totalObjects()...)
	return doc
}

type jsonReport struct {
	SchemaVersion int             `json:"schema_version"`
	Year          int             `json:"year"`
	Release       string          `json:"release"`
	Definition    string          `json:"definition"`
	Method        string          `json:"method"`
	Deadline      *int            `json:"deadline"`
	Targets       []jsonTarget    `json:"targets"`
	Rows          []render.Object `json:"rows"`
	Totals        []render.Object `json:"totals"` // totalFields
	Notes         []string        `json:"notes"`
	// added with the source citation, then the series of years
	Source calc.Source `json:"source"`
	Years  []int       `json:"years"`
	// added with side-by-side releases (--release a,b)
	Releases []string      `json:"releases"`
	Sources  []calc.Source `json:"sources"`
	// added with --prices: current or constant, and the base year of
	// constant prices (omitted at current prices)
	Prices       string `json:"prices"`
	ConstantYear int    `json:"constant_year,omitempty"`
}

type jsonTarget struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	TargetPct float64 `json:"target_pct"`
	Deadline  *int    `json:"deadline"`
}

func measureWord(ofDefence bool) string {
	if ofDefence {
		return "equipment"
	}
	return "share"
}

// totalFields are the fields of a measure's totals, declared once: the
// JSON totals and the xlsx Totals sheet derive from them (keys: a
// contract, only ever added to, at the end).
func totalFields() []render.Spec[calc.MeasureTotals] {
	type T = calc.MeasureTotals
	money := func(key string, get func(T) defence.Num) render.Spec[T] {
		return render.Spec[T]{Key: key, Kind: render.Money, Get: func(t T) render.Cell { return num(get(t)) }}
	}
	pct := func(key string, get func(T) defence.Num) render.Spec[T] {
		return render.Spec[T]{Key: key, Kind: render.Percent, Get: func(t T) render.Cell { return num(get(t)) }}
	}
	count := func(key string, get func(T) int) render.Spec[T] {
		return render.Spec[T]{Key: key, Kind: render.Int, Get: func(t T) render.Cell { return render.N(float64(get(t))) }}
	}
	str := func(key string, get func(T) string) render.Spec[T] {
		return render.Spec[T]{Key: key, Get: func(t T) render.Cell { return render.T(get(t)) }}
	}
	// The trend counts apply to a measure with a deadline and a verdict.
	trend := func(key string, get func(T) int) render.Spec[T] {
		return render.Spec[T]{Key: key, Kind: render.Int, Get: func(t T) render.Cell {
			return render.Opt(float64(get(t)), t.Measure.Deadline != 0 && t.Measure.Part != calc.PartResilience)
		}}
	}
	return []render.Spec[T]{
		{Key: "target_pct", Kind: render.Percent, Get: func(t T) render.Cell { return render.N(t.TargetPct) }},
		count("countries", func(t T) int { return t.Countries }),
		count("countries_with_data", func(t T) int { return t.WithData }),
		count("meeting", func(t T) int { return t.Meeting }),
		money("gdp_musd", func(t T) defence.Num { return t.GDP }),
		money("defence_musd", func(t T) defence.Num { return t.Defence }),
		pct("share_pct", func(t T) defence.Num { return t.Share }),
		money("gap_musd", func(t T) defence.Num { return t.Gap }),
		money("shortfall_musd", func(t T) defence.Num { return t.Shortfall }),
		str("target", func(t T) string { return t.Measure.Target.ID }),
		str("part", func(t T) string { return string(t.Measure.Part) }),
		count("not_reported", func(t T) int { return t.NotReported }),
		count("bounded", func(t T) int { return t.Bounded }),
		money("gap_min_musd", func(t T) defence.Num { return t.GapMin }),
		money("gap_max_musd", func(t T) defence.Num { return t.GapMax }),
		{Key: "deadline", Kind: render.Int, Get: func(t T) render.Cell { return year(t.Measure.Deadline) }},
		money("gdp_deadline_musd", func(t T) defence.Num { return t.Deadline.GDP }),
		money("required_deadline_musd", func(t T) defence.Num { return t.Deadline.Required }),
		money("increase_musd", func(t T) defence.Num { return t.Deadline.Increase }),
		pct("annual_growth_pct", func(t T) defence.Num { return t.Deadline.Growth }),
		// added with the one-rule totals
		count("short", func(t T) int { return t.Short }),
		count("undetermined", func(t T) int { return t.Undetermined }),
		money("required_musd", func(t T) defence.Num { return t.Required }),
		money("aggregate_gap_musd", func(t T) defence.Num { return t.AggregateGap }),
		trend("on_track", func(t T) int { return t.OnTrack }),
		trend("off_track", func(t T) int { return t.OffTrack }),
		// added with the series of years: the year (and release) of these totals
		count("year", func(t T) int { return t.Year }),
		str("release", func(t T) string { return t.Release }),
		// added with the equipment guideline
		str("measure", func(t T) string { return measureWord(t.OfDefence) }),
		money("equipment_musd", func(t T) defence.Num { return t.Equipment }),
		// added with the publisher's aggregates: NATO's own row for the
		// countries shown (NATO Total, NATO Europe and Canada), beside the
		// computed totals; null when the release has none for them.
		str("published_aggregate", func(t T) string { return t.Published.Group }),
		money("published_gdp_musd", func(t T) defence.Num { return t.Published.GDP }),
		money("published_defence_musd", func(t T) defence.Num { return t.Published.Defence }),
		pct("published_share_pct", func(t T) defence.Num { return t.Published.Share }),
		// added with schema 2 (defence_musd is now the published figures' sum)
		money("defence_at_share_musd", func(t T) defence.Num { return t.DefenceAtShare }),
	}
}

// totalObjects are the JSON totals, one object per measure (and year and
// release).
func (r *Report) totalObjects() []render.Object { return render.Objects(totalFields(), r.Totals) }

// TotalsTable is the totals, one row per measure (and year and release),
// for the xlsx Totals sheet: the same fields as the JSON totals.
func (r *Report) TotalsTable() *render.Table { return render.MachineTable(totalFields(), r.Totals) }

func num(n defence.Num) render.Cell { return render.Opt(n.V, n.Known) }

func year(y int) render.Cell { return render.Opt(float64(y), y != 0) }

func yearCell(o calc.Obs) render.Cell {
	c := render.Opt(float64(o.Year), o.Year != 0)
	if o.Earlier {
		c.Mark += "*"
	}
	if o.Estimate {
		c.Mark += "e"
	}
	return c
}

func intPtr(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

// publishedNotes are one line per release and year whose own aggregate
// matches the countries shown: NATO's figures beside the Total row, and
// why they differ. The amounts are in the table's money: US dollars, or
// euros at the year's rate with --currency eur; in national currencies
// (which do not add up) the line gives NATO's share alone.
func (r *Report) publishedNotes() []string {
	var out []string
	seen := map[string]bool{}
	for _, tt := range r.Totals {
		money := func(musd float64) (string, bool) {
			switch r.Currency {
			case "":
				return render.BillionsText(musd), true
			case calc.CurrencyEUR: // the rate of these totals' release and year
				if rate, ok := r.Rate(&calc.Line{Row: calc.Row{Obs: calc.Obs{Release: tt.Release, Year: tt.Year}}}); ok {
					return render.BillionsTextIn("€", musd*rate.PerUSD), true
				}
			}
			return "", false
		}
		p := tt.Published
		key := tt.Release + " " + strconv.Itoa(tt.Year)
		if p.Group == "" || seen[key] {
			continue
		}
		seen[key] = true
		var figs []string
		if s, ok := money(p.GDP.V); ok && p.GDP.Known {
			figs = append(figs, "GDP "+s)
		}
		if s, ok := money(p.Defence.V); ok && p.Defence.Known {
			figs = append(figs, "defence "+s)
		}
		if p.Share.Known {
			figs = append(figs, render.FormatNumber(p.Share.V, 2)+"% of GDP")
		}
		if len(figs) == 0 {
			continue
		}
		est := ""
		if p.Estimate {
			est = "e"
		}
		out = append(out, fmt.Sprintf("%s as NATO publishes it (release %s, %d%s): %s. It can differ from the Total row: NATO computes its share from constant-price figures, and where the release has no GDP for Iceland the Total row counts the one named below; both count the allies of the year.",
			p.Name, tt.Release, tt.Year, est, strings.Join(figs, ", ")))
	}
	return out
}
