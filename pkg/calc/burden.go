package calc

import "github.com/natospend/natospend/pkg/defence"

// Burden is a country's part in the selection's burden: its share of the
// selection's total defence spending and of its total GDP, in percent, and
// the difference in percentage points (positive: it carries more than its
// economic weight).
type Burden struct {
	Defence, GDP, Diff defence.Num
}

// BurdenBase is the measure whose rows burden sharing is worked out on: the
// first measure whose spending is known country by country (not the whole
// of a target with a resilience part, not the resilience part); -1 if none.
func (r *Report) BurdenBase() int {
	for i, m := range r.Measures {
		if !m.Bounded && m.Part != PartResilience {
			return i
		}
	}
	return -1
}

// Burdens works out each country's burden share over the countries of the
// report that have both spending and GDP (the base): the shares of the
// base add up to 100 by construction. A country outside the base (Iceland,
// no data) has unknown shares, never 0. The base is the selection, not
// NATO, unless the selection is every ally.
func (r *Report) Burdens() (map[string]Burden, int) {
	m := r.BurdenBase()
	out := map[string]Burden{}
	if m < 0 {
		return out, 0
	}
	var def, gdp float64
	n := 0
	for _, code := range r.Order {
		ln := r.ByCode[code][m]
		if ln.Spending.Known && ln.GDP.Known {
			def += ln.Spending.V
			gdp += ln.GDP.V
			n++
		}
	}
	for _, code := range r.Order {
		ln := r.ByCode[code][m]
		var b Burden
		if ln.Spending.Known && ln.GDP.Known && def > 0 && gdp > 0 {
			b.Defence = defence.N(ln.Spending.V / def * 100)
			b.GDP = defence.N(ln.GDP.V / gdp * 100)
			b.Diff = defence.N(b.Defence.V - b.GDP.V)
		}
		out[code] = b
	}
	return out, n
}
