package gap

import (
	"fmt"
	"sort"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/targets"
)

// Part says which part of a target a measure is.
type Part string

const (
	PartWhole      Part = ""           // the target as a whole
	PartCore       Part = "core"       // the core-defence part of a target made of parts
	PartResilience Part = "resilience" // the resilience part (spending not in NATO's tables)
)

// Measure is one thing a gap is measured against: a target, or one part of
// a target made of a core and a resilience part (the Hague 5%).
type Measure struct {
	Target   defence.Target
	Part     Part
	Pct      float64
	Deadline int // 0: no deadline
	// Bounded is true for the whole of a target with a resilience part:
	// its gap is known only when the resilience spending is.
	Bounded  bool
	ResilPct float64
}

// Label names the measure in headers: "3.7%", "hague 5%", "core 3.5%".
func (m Measure) Label() string {
	s := targets.FormatPct(m.Pct) + "%"
	switch {
	case m.Part != PartWhole:
		return string(m.Part) + " " + s
	case m.Target.ID != "":
		return m.Target.ID + " " + s
	}
	return s
}

// Measures expands targets into what is measured. A target with a
// resilience component gives three: the whole (bounded), its core part and
// its resilience part.
func Measures(ts []defence.Target, by, baseYear int) []Measure {
	var out []Measure
	for _, t := range ts {
		d := by
		if d == 0 && t.Deadline >= baseYear {
			d = t.Deadline
		}
		var core, resil *defence.Component
		for i := range t.Components {
			switch t.Components[i].Basis {
			case defence.BasisCore:
				core = &t.Components[i]
			case defence.BasisResilience:
				resil = &t.Components[i]
			}
		}
		if resil == nil {
			out = append(out, Measure{Target: t, Pct: t.Pct, Deadline: d})
			continue
		}
		out = append(out, Measure{Target: t, Pct: t.Pct, Deadline: d, Bounded: true, ResilPct: resil.Pct})
		if core != nil {
			out = append(out, Measure{Target: t, Part: PartCore, Pct: core.Pct, Deadline: d})
		}
		out = append(out, Measure{Target: t, Part: PartResilience, Pct: resil.Pct, Deadline: d})
	}
	return out
}

// Line is one country measured against one measure.
type Line struct {
	calc.Row
	Measure  Measure
	Deadline calc.Deadline
	// Approximate is true for a core part measured on a release whose
	// definition is not NATO's core definition.
	Approximate bool
}

// Report is the result of a gap run.
type Report struct {
	Query    *Query
	Release  *defence.Release
	Measures []Measure
	Order    []string          // country codes in display order
	ByCode   map[string][]Line // one line per measure, in measure order
	Lines    []Line            // all lines: country by country, measures inside
	Totals   []Total           // one per measure
	Notes    []string
	Aid      *AidContext // --show-aid (aid.go): context only, never added to defence
}

// Total is the totals of one measure.
type Total struct {
	calc.Totals
	Measure  Measure
	Deadline calc.DeadlineTotals
}

// Compute works out every selected country's gap to every measure.
func Compute(ds *defence.Dataset, q *Query) (*Report, error) {
	rep := &Report{Query: q, Release: q.Release, ByCode: map[string][]Line{}}
	rep.Measures = Measures(q.Targets, q.By, q.Year)
	withDeadline := false
	for _, m := range rep.Measures {
		if m.Deadline != 0 {
			withDeadline = true
		}
	}
	// With a deadline, a country without figures in the year is measured
	// from its latest earlier year (its base year).
	latest := q.Latest || withDeadline
	obs := calc.Resolve(ds, q.Release, q.Year, q.Codes, latest)
	gdpRel := ds.ReleasesNewestFirst(defence.SeriesGDP)
	for _, o := range obs {
		var growth calc.Growth
		if withDeadline { // only deadlines project GDP
			growth = GrowthFor(gdpRel, o.Code, q.GDPGrowth)
		}
		for _, m := range rep.Measures {
			var row calc.Row
			switch {
			case m.Bounded:
				row = calc.BoundGap(o, m.Pct, m.ResilPct, q.Method)
			case m.Part == PartResilience:
				row = calc.ResilienceGap(o, m.Pct)
			default:
				row = calc.Gap(o, m.Pct, q.Method)
			}
			ln := Line{Row: row, Measure: m}
			ln.Approximate = m.Part == PartCore && q.Release.Definition != defence.DefinitionCore
			if m.Deadline != 0 && o.Year != 0 {
				if m.Deadline-o.Year > calc.MaxYearsAhead {
					return nil, fmt.Errorf("deadline %d is more than %d years after %s's base year %d", m.Deadline, calc.MaxYearsAhead, o.Name, o.Year)
				}
				if m.Deadline >= o.Year {
					ln.Deadline = calc.ToDeadline(row, m.Deadline, growth)
				}
			}
			rep.ByCode[o.Code] = append(rep.ByCode[o.Code], ln)
		}
		rep.Order = append(rep.Order, o.Code)
	}
	rep.sort(q.Sort)
	for i, m := range rep.Measures {
		var rows []calc.Row
		var dls []calc.Deadline
		for _, code := range rep.Order {
			ln := rep.ByCode[code][i]
			rows = append(rows, ln.Row)
			dls = append(dls, ln.Deadline)
		}
		rep.Totals = append(rep.Totals, Total{Totals: calc.Total(rows, m.Pct), Measure: m, Deadline: calc.TotalDeadline(rows, dls, m.Pct)})
	}
	rep.Notes = notes(ds, rep)
	return rep, nil
}

// GrowthFor is how a country's GDP is projected: a constant scenario
// growth, or the growth of the newest GDP release that has the country.
func GrowthFor(gdpRel []*defence.Release, code string, constant *float64) calc.Growth {
	if constant != nil {
		return calc.Growth{Set: true, Pct: *constant}
	}
	for _, r := range gdpRel {
		if ys, ok := r.Figures[code]; ok {
			s := calc.Series{}
			for y, f := range ys {
				if f.GDP.Known {
					s[y] = f.GDP.V
				}
			}
			if len(s) > 0 {
				return calc.Growth{Series: s, Source: r.ID}
			}
		}
	}
	return calc.Growth{Source: "no GDP release"}
}

// sort orders the countries; the first measure decides.
func (r *Report) sort(order string) {
	first := func(code string) *Line { return &r.ByCode[code][0] } // a Line is large: no copies
	hasData := func(l *Line) bool { return l.Gap.Known || l.GapMax.Known }
	key := func(l *Line) float64 {
		if l.Gap.Known {
			return l.Gap.V
		}
		return l.GapMax.V
	}
	sort.SliceStable(r.Order, func(i, j int) bool {
		a, b := first(r.Order[i]), first(r.Order[j])
		if order != "name" && hasData(a) != hasData(b) {
			return hasData(a) // countries without data last
		}
		switch order {
		case "gap":
			if key(a) != key(b) {
				return key(a) > key(b)
			}
		case "share":
			if a.Share.V != b.Share.V {
				return a.Share.V < b.Share.V
			}
		case "gdp":
			if a.GDP.V != b.GDP.V {
				return a.GDP.V > b.GDP.V
			}
		}
		return a.Name < b.Name
	})
	r.Lines = nil
	for _, code := range r.Order {
		r.Lines = append(r.Lines, r.ByCode[code]...)
	}
}

func notes(ds *defence.Dataset, rep *Report) []string {
	var out []string
	other := map[string]bool{}
	earlier, extrapolated, approx, bounded := false, false, false, false
	for _, ln := range rep.Lines {
		if ln.GDPSource != "" && ln.GDPSource != rep.Release.ID {
			other[ln.GDPSource] = true
		}
		earlier = earlier || ln.Earlier
		extrapolated = extrapolated || ln.Deadline.Extrapolated
		approx = approx || ln.Approximate
		bounded = bounded || (ln.Measure.Bounded && !ln.Gap.Known)
	}
	if rep.Query.By == 0 {
		for _, t := range rep.Query.Targets {
			if t.Deadline != 0 && t.Deadline < rep.Query.Year {
				out = append(out, fmt.Sprintf("%s's deadline, %d, has passed: the gap is measured in %d.", t.ID, t.Deadline, rep.Query.Year))
			}
		}
	}
	for _, code := range rep.Order {
		c := ds.Countries[code]
		if !c.DefenceReported && c.Note != "" {
			out = append(out, fmt.Sprintf("%s (not reported): %s", c.Name, c.Note))
		}
	}
	var srcs []string
	for s := range other {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		out = append(out, fmt.Sprintf("GDP from %s where release %s publishes none.", s, rep.Release.ID))
	}
	if earlier {
		out = append(out, "*: the country's latest earlier year in the release.")
	}
	if extrapolated {
		out = append(out, fmt.Sprintf("Past the IMF WEO's last year, GDP grows at the geometric mean of the WEO's last %d yearly growth rates (extrapolated).", calc.ExtrapolationYears))
	}
	if approx {
		out = append(out, fmt.Sprintf("Core part approximate: release %s counts defence on NATO's %s definition, not the 2026 core definition the Hague 3.5%% uses.", rep.Release.ID, rep.Release.Definition))
	}
	if bounded {
		out = append(out, "Resilience spending (up to 1.5% of GDP in the Hague 5%) is not in NATO's tables, so the gap to the whole target is only a range: from the core gap (resilience part fully met) to the core gap plus 1.5% of GDP (none). Unknown spending is never taken as zero.")
	}
	return out
}
