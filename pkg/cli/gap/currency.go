package gap

import (
	"fmt"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
)

// useCurrency sets the report to show money in national currencies or in
// euros at the rates NATO's own figures imply (calc.NationalRate,
// calc.EURRate), with a note citing them. A release without
// national-currency figures has no such rate: a usage error, never a guess.
func (r *Report) useCurrency(currency string) error {
	for _, rel := range r.releases() {
		if len(rel.Currencies) == 0 {
			return cmdutil.FlagErrorf("currency", "--currency %s: release %s publishes no defence figures in national currency, so NATO implies no exchange rate (nato-2024-06 does: give --release nato-2024-06, or leave --currency out)", currency, rel.ID)
		}
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
		return "Euros (--currency eur) at the rate NATO's own figures imply, the same for every country: " + strings.Join(parts, "; ") + ". Deadline amounts use the base year's rate."
	}
	return "National currencies (--currency national): each country's money at the rate NATO's own figures imply for it and its year, defence in national currency (Table 1) / defence in USD (Table 2), current prices; Cur. names the currency, Per $ the units per USD. Totals in several currencies are not added up. Deadline amounts use the base year's rate."
}
