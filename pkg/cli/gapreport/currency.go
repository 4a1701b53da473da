package gapreport

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
)

// UseCurrency sets the report to show money in national currencies or in
// euros at the rates NATO's own figures imply (calc.NationalRate,
// calc.EURRate), with a note citing them. A release without
// national-currency figures has no such rate: a usage error, never a guess.
func (r *Report) UseCurrency(ds *defence.Dataset, currency string) error {
	if err := query.CheckCurrency(ds, currency, r.releases()...); err != nil {
		return err
	}
	releases := map[string]*defence.Release{}
	for _, rel := range r.releases() {
		releases[rel.ID] = rel
	}
	type key struct {
		rel, code string
		year      int
	}
	cache := map[key]calc.Rate{}
	known := map[key]bool{}
	r.Currency = currency
	r.Rate = func(ln *calc.Line) (calc.Rate, bool) {
		code := ln.Code
		if currency == calc.CurrencyEUR {
			code = "" // one rate a year
		}
		k := key{ln.Release, code, ln.Year}
		if rate, ok := cache[k]; ok || known[k] {
			return rate, ok
		}
		rel := releases[ln.Release]
		var rate calc.Rate
		ok := false
		if rel != nil && ln.Year != 0 {
			if currency == calc.CurrencyEUR {
				rate, ok = calc.EURRate(rel, ln.Year)
			} else {
				rate, ok = calc.NationalRate(rel, ln.Code, ln.Year)
			}
		}
		known[k] = true
		if ok {
			cache[k] = rate
		}
		return rate, ok
	}
	r.Notes = append(r.Notes, r.currencyNote())
	if n := r.euroFromNote(); n != "" {
		r.Notes = append(r.Notes, n)
	}
	return nil
}

// currencyNote cites the rates used.
func (r *Report) currencyNote() string {
	if r.Currency == calc.CurrencyEUR {
		var parts []string
		seen := map[string]bool{}
		for i := range r.Lines {
			ln := &r.Lines[i]
			rate, ok := r.Rate(ln)
			id := fmt.Sprintf("%s %d", ln.Release, ln.Year)
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			s := fmt.Sprintf("%.6f EUR per USD in %d (%s", rate.PerUSD, rate.Year, rate.Source)
			var out []string
			for code, d := range rate.Outliers {
				out = append(out, fmt.Sprintf("%s %+.2f%%", code, d*100))
			}
			sort.Strings(out)
			if len(out) > 0 {
				s += "; not counted, their euro figures implying another rate: " + strings.Join(out, ", ")
			}
			parts = append(parts, s+")")
		}
		sort.Strings(parts)
		return "Euros (--currency eur) at the rate NATO's own figures imply, the same for every country: " + strings.Join(parts, "; ") + ". Deadline amounts use the base year's rate; amounts per head are converted at the same rate."
	}
	return "National currencies (--currency national): each country's money at the rate NATO's own figures imply for it and its year, defence in national currency (Table 1) / defence in USD (Table 2), current prices; Cur. names the currency, Per $ the units per USD. Totals and the amounts below are added up only where every row is in one currency (never across currencies). Deadline amounts use the base year's rate; amounts per head are converted at the same rate."
}

// curTotals are the totals in the table's currency (--currency), one per
// r.Totals; unit[i] is how their amounts are written ("€", "PLN "), ""
// where they cannot be added up: a line with money but no rate, or lines
// in several national currencies (whose sum would mean nothing).
type curTotals struct {
	totals []calc.MeasureTotals
	unit   []string
}

// linesOf are the lines r.Totals[i] adds up: the i-th measure's line of
// each country (several years or releases: of that year and release).
func (r *Report) linesOf(i int) []*calc.Line {
	nm := len(r.Measures)
	if nm == 0 {
		return nil
	}
	tt := r.Totals[i]
	suffix := fmt.Sprintf(" %d %s", tt.Year, tt.Release)
	var out []*calc.Line
	for _, code := range r.Order {
		if r.multi() && !strings.HasSuffix(code, suffix) {
			continue
		}
		if lines := r.ByCode[code]; i%nm < len(lines) {
			out = append(out, &lines[i%nm])
		}
	}
	return out
}

// inCurrencyTotals works out (once) the totals in the table's currency:
// calc.Total over the lines converted at their own rates, so that each is
// the sum of its converted column.
func (r *Report) inCurrencyTotals() curTotals {
	if r.cur != nil {
		return *r.cur
	}
	ct := curTotals{totals: make([]calc.MeasureTotals, len(r.Totals)), unit: make([]string, len(r.Totals))}
	for i, tt := range r.Totals {
		var rows []calc.Row
		var dls []calc.Deadline
		code, ok := "", true
		for _, ln := range r.linesOf(i) {
			rate, has := r.Rate(ln)
			if !has {
				if ln.HasMoney() {
					ok = false
				}
				rows = append(rows, ln.Row.InCurrency(0)) // no money to add
				dls = append(dls, ln.Deadline.InCurrency(0))
				continue
			}
			switch {
			case code == "":
				code = rate.Currency
			case code != rate.Currency:
				ok = false
			}
			rows = append(rows, ln.Row.InCurrency(rate.PerUSD))
			dls = append(dls, ln.Deadline.InCurrency(rate.PerUSD))
		}
		if !ok || code == "" {
			continue
		}
		if tt.Measure.Deadline == 0 {
			dls = nil
		}
		ct.totals[i] = calc.MeasureTotals{Totals: calc.Total(rows, dls, nil, tt.TargetPct), Measure: tt.Measure, Year: tt.Year, Release: tt.Release}
		ct.unit[i] = unitOf(code)
	}
	r.cur = &ct
	return ct
}

// unitOf is how an amount in a currency is written in a sentence.
func unitOf(code string) string {
	switch code {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	}
	return code + " "
}

// currencyWords names the table's money for the method notes.
func (r *Report) currencyWords() string {
	switch r.Currency {
	case calc.CurrencyEUR:
		return "in euros (current USD at the EUR/USD rate NATO's figures imply for the year, below)"
	case calc.CurrencyNational:
		return "in each country's national currency (current USD at the rate NATO's figures imply for the country and year, below)"
	}
	if r.Query.Constant {
		return fmt.Sprintf("in USD at constant %d prices", r.Release.ConstantYear)
	}
	return "in current USD"
}

// euroFromNote is the note on allies whose euro figures are converted from
// a former currency at a fixed rate (Croatia before 2023), when a line
// shown is one.
func (r *Report) euroFromNote() string {
	releases := map[string]*defence.Release{}
	for _, rel := range r.releases() {
		releases[rel.ID] = rel
	}
	var years []string
	for i := range r.Lines {
		ln := &r.Lines[i]
		if rel := releases[ln.Release]; rel != nil && ln.Code == "HRV" && calc.EuroConvertedFrom(rel, ln.Code, ln.Year) != "" {
			y := fmt.Sprint(ln.Year)
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	if len(years) == 0 {
		return ""
	}
	sort.Strings(years)
	s := fmt.Sprintf("Croatia before 2023 (here %s): NATO's Table 1 gives its kuna figures converted to euros at the fixed conversion rate, so the euro/USD rate they imply differs from the euro area's. ", strings.Join(years, ", "))
	if r.Currency == calc.CurrencyEUR {
		return s + "--currency eur converts Croatia at the euro area's rate, as every country; --currency national uses Croatia's own implied rate (EUR from HRK)."
	}
	return s + "--currency national uses Croatia's own implied rate (Cur. EUR (from HRK)); --currency eur converts it at the euro area's rate instead."
}

// euroFrom is, for a line whose release gives the country's euro figures
// converted at a fixed rate from its former currency (Croatia before 2023),
// that currency; "" otherwise.
func (r *Report) euroFrom(ln *calc.Line) string {
	for _, rel := range r.releases() {
		if rel.ID == ln.Release {
			return calc.EuroConvertedFrom(rel, ln.Code, ln.Year)
		}
	}
	return ""
}
