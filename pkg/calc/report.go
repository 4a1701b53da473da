package calc

import (
	"fmt"
	"sort"
	"strings"

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

// Label names the measure in headers and messages: "3.7%", "hague 5%",
// "core 3.5%" (targets.Label names a whole target).
func (m Measure) Label() string {
	if m.Part != PartWhole {
		return string(m.Part) + " " + targets.FormatPct(m.Pct) + "%"
	}
	return targets.Label(defence.Target{ID: m.Target.ID, Pct: m.Pct})
}

// Verdict reports whether the measure's rows carry the verdict on their
// target: the whole of a target, not one of its parts.
func (m Measure) Verdict() bool { return m.Part == PartWhole }

// Measures expands targets into what is measured. A target with a
// resilience component gives three: the whole (bounded), its core part and
// its resilience part. A target's deadline is --by (by) or its own, unless
// that has passed by the base year. Targets of the equipment share of
// defence spending (defence.Target.OfDefence) are not shares of GDP and are
// left out: they are measured with EquipmentGap.
func Measures(ts []defence.Target, by, baseYear int) []Measure {
	var out []Measure
	for _, t := range ts {
		if t.OfDefence() {
			continue
		}
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
	Row
	Measure  Measure
	Deadline Deadline
	// HasTrend is true when a deadline applies to a measure with a verdict
	// of its own (not the resilience part): Trend is then set.
	HasTrend bool
	Trend    Trend
	// Approximate is true for a core part measured on a release whose
	// definition is not NATO's core definition.
	Approximate bool
}

// Query is a validated gap request, resolved against the data.
type Query struct {
	Targets []defence.Target
	Release *defence.Release
	Year    int
	Method  Method
	Codes   []string
	Latest  bool
	// Sort is the order of the countries (SortOrders, or a word whose
	// figures SortKeys gives); Reverse turns it round (OrderWords).
	Sort    string
	Reverse bool
	// SortKeys, when not nil, are the figures Sort ranks the countries by,
	// by country code (a figure a command shows that calc does not hold:
	// gap's --burden shares, --show-aid's aid): largest first, unknown
	// and countries without data last, as every figure (Ranked).
	SortKeys map[string]defence.Num
	// Constant, when set, measures at the release's constant prices: GDP
	// and defence are the release's constant-price figures (Detail's
	// GDPConst and DefenceConst, base year Release.ConstantYear), never a
	// GDP of another release; a deadline, which projects GDP at current
	// prices, is refused.
	Constant bool
	// Top, when above 0, keeps the first Top countries after sorting: the
	// lines and the totals are those of the countries kept.
	Top int
	// By is the deadline from --by (0: each target's own, if any).
	By int
	// GDPGrowth, when set, replaces the GDP projection with a constant
	// nominal growth, in percent a year.
	GDPGrowth *float64
	// TrendYears is how many years of shares a trend line is drawn
	// through (0: DefaultTrendYears).
	TrendYears int
	// Measure is what the targets are shares of: defence.MeasureShare
	// (GDP, the default) or defence.MeasureEquipment (the equipment share
	// of defence expenditure, the Wales 20% guideline).
	Measure string
}

// Report is the result of a gap computation: one line per country and
// measure, the totals of each measure and notes on the sources used.
type Report struct {
	Query    *Query
	Release  *defence.Release
	Measures []Measure
	Order    []string          // country codes in display order
	ByCode   map[string][]Line // one line per measure, in measure order
	Lines    []Line            // all lines: country by country, measures inside
	Totals   []MeasureTotals   // one per measure
	// Ranked is the number of countries before Query.Top kept the first
	// ones; 0 when Top left them all.
	Ranked int
	// Notes name the sources used and explain what is missing. TrendNote
	// says what the trend is, for the outputs that show it (gap, check),
	// not path.
	Notes     []string
	TrendNote string
}

// MeasureTotals are the totals of one measure (in one year).
type MeasureTotals struct {
	Totals
	Measure Measure
	Year    int
	Release string
	// Published is the release's own aggregate for the countries shown
	// (NATO Total for all the allies of the year), where it has one.
	Published Published
}

// HasDeadline reports whether any measure has a deadline.
func (r *Report) HasDeadline() bool {
	for _, m := range r.Measures {
		if m.Deadline != 0 {
			return true
		}
	}
	return false
}

// QueryError is a Query that Compute refuses, naming the field of the
// Query at fault ("Targets", "By"), so that a command can say which of its
// flags gave it.
type QueryError struct {
	Field string
	Err   error
}

func (e *QueryError) Error() string { return e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Mismatch is what CheckQuery refuses, for a command to say it in the
// words of its flags.
type Mismatch int

const (
	// TargetOfDefence: a target of the equipment share of defence
	// spending in a query of shares of GDP.
	TargetOfDefence Mismatch = iota + 1
	// TargetOfGDP: a target of GDP in a query of the equipment share.
	TargetOfGDP
	// DeadlineOfEquipment: a deadline for the equipment guideline, which
	// is measured in the year asked.
	DeadlineOfEquipment
	// DeadlineAtConstantPrices: a deadline (By or a target's own) at
	// constant prices: the projection of GDP is at current prices.
	DeadlineAtConstantPrices
)

// QueryMismatch is CheckQuery's refusal: what is wrong and, for a target,
// which (its id, else its percentage).
type QueryMismatch struct {
	Kind   Mismatch
	Target string
}

func (m *QueryMismatch) Error() string {
	switch m.Kind {
	case TargetOfDefence:
		return "target " + m.Target + " is a target of the equipment share of defence spending, not of GDP: the query measures shares of GDP"
	case TargetOfGDP:
		return "target " + m.Target + " is a target of GDP, not of the equipment share of defence spending: the query measures the equipment share"
	case DeadlineOfEquipment:
		return "a deadline applies to shares of GDP: the equipment guideline is measured in the year asked"
	}
	return "a deadline projects GDP at current prices (the IMF's), so it has no constant-price form"
}

// CheckQuery is the one rule of which targets, measures, deadlines and
// price bases go together; Compute refuses a query it refuses (as a
// *QueryError naming the field at fault), and a command runs it first to
// say the same in its flags' words.
func CheckQuery(q *Query) error {
	equipment := q.Measure == defence.MeasureEquipment
	for _, t := range q.Targets {
		name := t.ID
		if name == "" {
			name = targets.FormatPct(t.Pct)
		}
		switch {
		case t.OfDefence() && !equipment:
			return &QueryError{Field: "Targets", Err: &QueryMismatch{Kind: TargetOfDefence, Target: name}}
		case !t.OfDefence() && equipment:
			return &QueryError{Field: "Targets", Err: &QueryMismatch{Kind: TargetOfGDP, Target: name}}
		}
	}
	if equipment && q.By != 0 {
		return &QueryError{Field: "By", Err: &QueryMismatch{Kind: DeadlineOfEquipment}}
	}
	if q.Constant && !equipment {
		for _, m := range Measures(q.Targets, q.By, q.Year) {
			if m.Deadline != 0 {
				return &QueryError{Field: "Prices", Err: &QueryMismatch{Kind: DeadlineAtConstantPrices}}
			}
		}
	}
	return nil
}

// Compute works out every selected country's gap to every measure, with
// deadline figures and trends where a deadline applies, the totals and
// the notes.
func Compute(ds *defence.Dataset, q *Query) (*Report, error) {
	if err := CheckQuery(q); err != nil {
		return nil, err
	}
	rep := &Report{Query: q, Release: q.Release, ByCode: make(map[string][]Line, len(q.Codes))}
	equipment := q.Measure == defence.MeasureEquipment
	if equipment {
		for _, t := range q.Targets { // one measure each: no parts, no deadline
			rep.Measures = append(rep.Measures, Measure{Target: t, Pct: t.Pct})
		}
	} else {
		rep.Measures = Measures(q.Targets, q.By, q.Year)
	}
	withDeadline := rep.HasDeadline()
	n := q.TrendYears
	if n == 0 {
		n = DefaultTrendYears
	}
	// With a deadline, a country without figures in the year is measured
	// from its latest earlier year (its base year).
	latest := q.Latest || withDeadline
	obs := Resolve(ds, q.Release, q.Year, q.Codes, latest)
	if q.Constant {
		AtConstantPrices(q.Release, obs)
	}
	gdpRel := ds.ReleasesNewestFirst(defence.SeriesGDP)
	for _, o := range obs {
		var growth Growth
		var history map[int]float64
		if withDeadline { // only deadlines project GDP and draw trends
			growth = GrowthFor(gdpRel, o.Code, q.GDPGrowth)
			history = ShareHistory(gdpRel, q.Release, o.Code, q.Method)
		}
		for _, m := range rep.Measures {
			var row Row
			switch {
			case equipment:
				row = EquipmentGap(o, m.Pct)
			case m.Bounded:
				row = BoundGap(o, m.Pct, m.ResilPct, q.Method)
			case m.Part == PartResilience:
				row = ResilienceGap(o, m.Pct)
			default:
				row = Gap(o, m.Pct, q.Method)
			}
			ln := Line{Row: row, Measure: m}
			ln.Approximate = m.Part == PartCore && q.Release.Definition != defence.DefinitionCore
			if m.Deadline != 0 {
				if o.Year != 0 {
					if m.Deadline-o.Year > MaxYearsAhead {
						return nil, fmt.Errorf("deadline %d is more than %d years after %s's base year %d", m.Deadline, MaxYearsAhead, o.Name, o.Year)
					}
					ln.Deadline = ToDeadline(row, m.Deadline, growth)
				}
				if m.Part != PartResilience {
					ln.HasTrend = true
					ln.Trend = OnTrack(row, history, n, m.Deadline, m.Pct, m.ResilPct)
				}
			}
			rep.ByCode[o.Code] = append(rep.ByCode[o.Code], ln)
		}
		rep.Order = append(rep.Order, o.Code)
	}
	rep.sort(ds, q.Sort, q.Reverse, q.SortKeys)
	rep.top(q.Top)
	published := PublishedFor(ds, q.Release, q.Year, rep.Order)
	if q.Constant { // NATO's aggregate rows are at current prices: none beside constant ones
		published = Published{}
	}
	for i, m := range rep.Measures {
		rows := make([]Row, 0, len(rep.Order))
		var dls []Deadline
		var trends []Trend
		for _, code := range rep.Order {
			ln := rep.ByCode[code][i]
			rows = append(rows, ln.Row)
			if m.Deadline != 0 {
				dls = append(dls, ln.Deadline)
			}
			if ln.HasTrend {
				trends = append(trends, ln.Trend)
			}
		}
		if len(trends) != len(rows) {
			trends = nil
		}
		rep.Totals = append(rep.Totals, MeasureTotals{Totals: Total(rows, dls, trends, m.Pct), Measure: m, Year: q.Year, Release: q.Release.ID, Published: published})
	}
	rep.Notes = notes(ds, rep, n)
	return rep, nil
}

// ShareHistory is a country's measured share of GDP by year in a release,
// the measure its verdicts use: the published share (MethodShare), or
// defence / GDP (MethodUSD, with GDP from the release or else the newest
// GDP release that has it).
func ShareHistory(gdpRel []*defence.Release, rel *defence.Release, code string, m Method) map[int]float64 {
	h := map[int]float64{}
	rel.EachYear(code, func(y int, f defence.Figure) bool {
		switch m {
		case MethodUSD:
			if !f.Defence.Known {
				return true
			}
			g := f.GDP
			if !g.Known {
				g, _ = GDPFrom(gdpRel, code, y)
			}
			if g.Known && g.V > 0 {
				h[y] = f.Defence.V / g.V * 100
			}
		default:
			if f.Share.Known {
				h[y] = f.Share.V
			}
		}
		return true
	})
	return h
}

// GrowthFor is how a country's GDP is projected: a constant scenario
// growth, or the growth of the newest GDP release that has the country.
func GrowthFor(gdpRel []*defence.Release, code string, constant *float64) Growth {
	if constant != nil {
		return Growth{Set: true, Pct: *constant}
	}
	for _, r := range gdpRel {
		s := Series{}
		r.EachYear(code, func(y int, f defence.Figure) bool {
			if f.GDP.Known {
				s[y] = f.GDP.V
			}
			return true
		})
		if len(s) > 0 {
			return Growth{Series: s, Source: r.ID}
		}
	}
	return Growth{Source: "no GDP release"}
}

// SortOrders are the orders of a report's countries (Query.Sort) that
// every command measuring gaps takes, each in the one direction of every
// --sort (Ranked): gap (the largest shortfall first), share, gdp and
// defence (largest first), name (A to Z).
var SortOrders = []string{"gap", "share", "name", "gdp", "defence"}

// AtConstantPrices replaces the GDP and defence of each observation with
// the release's constant-price figures of its year (unknown where the
// release has none; the GDP source is then empty).
func AtConstantPrices(rel *defence.Release, obs []Obs) {
	for i := range obs {
		o := &obs[i]
		d := defence.Detail{}
		if f, ok := rel.Figure(o.Code, o.Year); ok && o.Year != 0 {
			d = f.Details()
		}
		o.GDP, o.Defence, o.GDPSource = d.GDPConst, d.DefenceConst, ""
		if d.GDPConst.Known {
			o.GDPSource = rel.ID
		}
	}
}

// top keeps the first n countries (n > 0), and their lines only.
func (r *Report) top(n int) {
	if n <= 0 || n >= len(r.Order) {
		return
	}
	r.Ranked = len(r.Order)
	for _, code := range r.Order[n:] {
		delete(r.ByCode, code)
	}
	r.Order = r.Order[:n]
	var lines []Line
	for _, code := range r.Order {
		lines = append(lines, r.ByCode[code]...)
	}
	r.Lines = lines
}

// sort orders the countries; the first measure decides, in the one
// direction of every --sort (Ranked, RankedNames), turned round by
// reverse; countries without data come last but for name. The orders by
// a figure per head (defence-per-head, gdp-per-head, gap-per-head)
// divide by the population of ds, as PerCapitaOf does; keys, when not
// nil, are the figures to rank by (Query.SortKeys).
func (r *Report) sort(ds *defence.Dataset, order string, reverse bool, keys map[string]defence.Num) {
	first := func(code string) *Line { return &r.ByCode[code][0] } // a Line is large: no copies
	if keys == nil && (order == "defence-per-head" || order == "gdp-per-head" || order == "gap-per-head") {
		keys = map[string]defence.Num{}
		for _, code := range r.Order {
			pc := PerCapitaOf(ds, first(code).Row)
			switch order {
			case "defence-per-head":
				keys[code] = pc.Defence
			case "gap-per-head":
				keys[code] = pc.Gap
			default:
				keys[code] = pc.GDP
			}
		}
	}
	hasData := func(l *Line) bool { return l.Gap.Known || l.GapMax.Known }
	gapKey := func(l *Line) defence.Num {
		if l.Gap.Known {
			return l.Gap
		}
		return l.GapMax
	}
	sort.SliceStable(r.Order, func(i, j int) bool {
		a, b := first(r.Order[i]), first(r.Order[j])
		if order != "name" && hasData(a) != hasData(b) {
			return hasData(a) // countries without data last
		}
		c := 0
		switch {
		case keys != nil:
			c = Ranked(keys[a.Code], keys[b.Code], reverse)
		case order == "gap":
			c = Ranked(gapKey(a), gapKey(b), reverse)
			if c == 0 && a.Measured.Known && b.Measured.Known {
				// verdicts without money: the lower share is the larger shortfall
				c = Ranked(b.Measured, a.Measured, reverse)
			}
		case order == "share":
			c = Ranked(a.Share, b.Share, reverse)
		case order == "gdp":
			c = Ranked(a.GDP, b.GDP, reverse)
		case order == "defence":
			c = Ranked(a.Defence, b.Defence, reverse)
		case order == "equipment":
			c = Ranked(a.Equipment, b.Equipment, reverse)
		case order == "name":
			c = RankedNames(a.Name, b.Name, reverse)
		}
		if c != 0 {
			return c < 0
		}
		return a.Name < b.Name
	})
	n := 0
	for _, code := range r.Order {
		n += len(r.ByCode[code])
	}
	r.Lines = nil
	if n > 0 {
		r.Lines = make([]Line, 0, n) // a Line is large: grown by append, its copies were an eighth of what gap allocates
	}
	for _, code := range r.Order {
		r.Lines = append(r.Lines, r.ByCode[code]...)
	}
}

// Missing names, in words and without an article ("no " + Missing reads
// as a sentence), what a line without a verdict or without money lacks,
// for the year it is of: the figure the verdict compares (the
// published share of GDP under MethodShare, defence and GDP in USD under
// MethodUSD, the equipment share of defence spending for a target of it,
// resilience spending for the resilience part), or GDP where the verdict
// stands without money. "" when it lacks nothing that matters to it.
func (ln Line) Missing(m Method) string {
	var lacks []string
	add := func(ok bool, what string) {
		if !ok {
			lacks = append(lacks, what)
		}
	}
	switch {
	case ln.NotReported:
		return "defence figure of any kind"
	case ln.Measure.Part == PartResilience:
		add(ln.Resilience.Known, "resilience spending")
		add(ln.GDP.Known, "GDP")
	case ln.OfDefence:
		add(ln.Equipment.Known, "published equipment share of defence spending")
		add(ln.Base.Known, "defence spending in USD")
	case m == MethodUSD:
		add(ln.Defence.Known, "defence spending in USD")
		add(ln.GDP.Known, "GDP in USD")
	default:
		add(ln.Share.Known, "published share of GDP")
		add(ln.GDP.Known, "GDP")
	}
	return strings.Join(lacks, " and ")
}
