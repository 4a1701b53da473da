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
// report that have both defence spending and GDP (the base): the shares of
// the base add up to 100 by construction. The defence spending is the
// publisher's figure (Obs.Defence); only where the release publishes no
// defence amounts at all (shares only, nato-2025-08) is it defence at share
// (Obs.DefenceAtShare), and atShare says so. A country outside the base
// (Iceland, no data) has unknown shares, never 0. The base is the
// selection, not NATO, unless the selection is every ally.
func (r *Report) Burdens() (out map[string]Burden, n int, atShare bool) {
	m := r.BurdenBase()
	out = map[string]Burden{}
	if m < 0 {
		return out, 0, false
	}
	atShare = r.Release != nil && !PublishesFigure(r.Release, FigureDefence)
	spending := func(ln *Line) defence.Num {
		if atShare {
			return ln.DefenceAtShare()
		}
		return ln.Defence
	}
	var def, gdp float64
	for _, code := range r.Order {
		ln := &r.ByCode[code][m]
		if s := spending(ln); s.Known && ln.GDP.Known {
			def += s.V
			gdp += ln.GDP.V
			n++
		}
	}
	for _, code := range r.Order {
		ln := &r.ByCode[code][m]
		var b Burden
		if s := spending(ln); s.Known && ln.GDP.Known && def > 0 && gdp > 0 {
			b.Defence = defence.N(s.V / def * 100)
			b.GDP = defence.N(ln.GDP.V / gdp * 100)
			b.Diff = defence.N(b.Defence.V - b.GDP.V)
		}
		out[code] = b
	}
	return out, n, atShare
}
