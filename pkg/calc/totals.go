package calc

import (
	"github.com/natospend/natospend/pkg/defence"
)

// Totals are a selection's rows for one measure, added up.
//
// The rule: every money total is the sum of its own column over the rows
// shown, so that a spreadsheet SUM of the column equals it.
//   - GDP and Defence add every figure shown (Iceland's GDP too, as NATO's
//     own aggregates count it). Defence is the publisher's defence figure
//     (Obs.Defence), never share x GDP; DefenceAtShare adds the rows'
//     Obs.DefenceAtShare, the spending the share method measures gaps
//     from. Share is Defence / GDP x 100, as NATO computes its aggregate
//     share. Share (and AggregateGap) are unknown when a country other
//     than a not-reported one adds GDP without a published defence figure
//     (a country the release has no figure for, or a release of shares
//     only): its GDP would count as spending nothing.
//   - Required, Gap, Shortfall, GapMin, GapMax and the deadline sums add
//     the rows that have a requirement (the countries with a gap). If one
//     of those rows lacks the figure (a Hague 5% gap that is only bounded),
//     the total is unknown: a partial sum is never passed off as a total.
//   - A total with no figure at all is unknown, never 0.
//
// AggregateGap is not a column sum: it is NATO's convention, target x
// total GDP - total defence, which also counts the GDP of countries
// without a gap (Iceland); it has its own name for that reason.
//
// Rows OfDefence (the equipment guideline, EquipmentGap) are added up by
// the same rules on their own base, defence expenditure instead of GDP:
// Defence adds the published defence figures as for any row, Equipment
// every row's equipment spending (Spending), Share is Equipment / the sum
// of the rows' Base x 100 (the aggregate equipment share, % of the defence
// expenditure the shares apply to: the published figures, or defence at
// share where a release publishes none) and AggregateGap target x that sum
// - total equipment; both are unknown when a country adds defence without
// an equipment share (Denmark 2025 in nato-2025-08). GDP still adds every
// GDP shown.
type Totals struct {
	TargetPct float64
	// OfDefence is true for the totals of rows OfDefence (see above).
	OfDefence bool
	// Countries is the number of countries (rows) selected.
	Countries int
	// WithData counts the rows with a verdict or a bounded one: meets,
	// short or undetermined.
	WithData     int
	Meeting      int
	Short        int
	Undetermined int
	// NotReported counts countries that publish no defence figure.
	NotReported int
	// Bounded counts the rows whose gap is only bounded.
	Bounded int

	GDP, Defence, Share defence.Num
	// DefenceAtShare adds the rows' defence at share (share x GDP).
	DefenceAtShare defence.Num
	Required, Gap  defence.Num
	Shortfall      defence.Num // the sum of the positive gaps
	GapMin, GapMax defence.Num
	AggregateGap   defence.Num
	// Equipment is the sum of the rows' equipment spending (rows
	// OfDefence); unknown for a share of GDP.
	Equipment defence.Num

	// Deadline sums the rows' deadline figures (Set when a deadline applies).
	Deadline DeadlineTotals
	// OnTrack and OffTrack count the rows' trends when a deadline applies.
	OnTrack, OffTrack int
}

// DeadlineTotals sums the deadline figures of a measure's rows.
type DeadlineTotals struct {
	Set      bool
	GDP      defence.Num
	Required defence.Num
	Increase defence.Num
	// Growth is the constant yearly growth that takes the rows' total base
	// spending to their total requirement, when every row has the same
	// number of years left; else unknown. A rate, not a column sum.
	Growth defence.Num
}

// sum adds up the known figures of a column. strict makes it unknown as
// soon as one counted figure is unknown.
type sum struct {
	v              float64
	known, missing bool
}

func (s *sum) add(n defence.Num) {
	if n.Known {
		s.v += n.V
		s.known = true
	}
}

// need adds a figure that every counted row should have.
func (s *sum) need(n defence.Num) {
	if !n.Known {
		s.missing = true
	}
	s.add(n)
}

func (s sum) num() defence.Num {
	if !s.known || s.missing {
		return defence.Unknown
	}
	return defence.N(s.v)
}

// Total adds up the rows of one measure (all rows must be of it) with
// their deadline figures (dls[i] for rows[i]; nil without deadlines) and
// trends (nil without).
func Total(rows []Row, dls []Deadline, trends []Trend, pct float64) Totals {
	t := Totals{TargetPct: pct}
	var gdp, def, atShare, equipBase, equip, req, gap, short, gmin, gmax, dgdp, dreq, dinc, base sum
	years := -1
	// A row adds its base (GDP; defence for a row OfDefence) without the
	// spending measured on it: the aggregate share would count it as 0.
	baseWithoutSpending := false
	for i, r := range rows {
		t.Countries++
		switch r.Status {
		case StatusMeets:
			t.Meeting++
			t.WithData++
		case StatusShort:
			t.Short++
			t.WithData++
		case StatusUndetermined:
			t.Undetermined++
			t.WithData++
		case StatusNotReported:
			t.NotReported++
		}
		if !r.Gap.Known && r.GapMin.Known {
			t.Bounded++
		}
		gdp.add(r.GDP)
		def.add(r.Defence)
		atShare.add(r.DefenceAtShare())
		if r.OfDefence {
			t.OfDefence = true
			equipBase.add(r.Base)
			equip.add(r.Spending)
			if r.Base.Known && !r.Spending.Known && r.Status != StatusNotReported {
				baseWithoutSpending = true
			}
		} else if r.GDP.Known && !r.Defence.Known && r.Status != StatusNotReported {
			baseWithoutSpending = true
		}
		if r.Required.Known {
			req.need(r.Required)
			gap.need(r.Gap)
			gmin.need(r.GapMin)
			gmax.need(r.GapMax)
			if r.Gap.Known && r.Gap.V > 0 {
				short.add(r.Gap)
			} else if r.Gap.Known {
				short.add(defence.N(0))
			} else {
				short.missing = true
			}
		}
		if dls != nil && dls[i].Set {
			t.Deadline.Set = true
			if r.Required.Known {
				d := dls[i]
				dgdp.need(d.GDP)
				dreq.need(d.Required)
				dinc.need(d.Increase)
				if r.Spending.Known && d.Required.Known {
					base.add(r.Spending)
					switch {
					case years == -1:
						years = d.YearsLeft
					case years != d.YearsLeft:
						years = -2
					}
				}
			}
		}
		if trends != nil {
			switch trends[i].Status {
			case TrendOnTrack:
				t.OnTrack++
			case TrendOffTrack:
				t.OffTrack++
			}
		}
	}
	t.GDP, t.Defence, t.DefenceAtShare = gdp.num(), def.num(), atShare.num()
	switch {
	case t.OfDefence:
		t.Equipment = equip.num()
		if b := equipBase.num(); b.Known && t.Equipment.Known && b.V > 0 && !baseWithoutSpending {
			t.Share = defence.N(t.Equipment.V / b.V * 100)
			t.AggregateGap = defence.N(pct/100*b.V - t.Equipment.V)
		}
	case t.GDP.Known && t.Defence.Known && t.GDP.V > 0 && !baseWithoutSpending:
		t.Share = defence.N(t.Defence.V / t.GDP.V * 100)
		t.AggregateGap = defence.N(pct/100*t.GDP.V - t.Defence.V)
	}
	t.Required, t.Gap, t.Shortfall = req.num(), gap.num(), short.num()
	t.GapMin, t.GapMax = gmin.num(), gmax.num()
	if !t.Gap.Known {
		t.AggregateGap = defence.Unknown // NATO's convention needs every gap
	}
	if t.Deadline.Set {
		t.Deadline.GDP, t.Deadline.Required, t.Deadline.Increase = dgdp.num(), dreq.num(), dinc.num()
		if b := base.num(); years > 0 && b.Known && t.Deadline.Required.Known && t.Deadline.Increase.Known {
			if g, ok := AnnualGrowth(b.V, t.Deadline.Required.V, years); ok {
				t.Deadline.Growth = defence.N(g)
			}
		}
	}
	return t
}

// AggregateShare is the aggregate of a selection (codes) in one year of a
// release, by the rule of Total that gap's totals use: the rows gap
// computes for the year (method as gap's; no --latest), added up. Its
// Share is the selection's aggregate share of GDP, total defence / total
// GDP x 100 (current USD), unknown where Total leaves it unknown (a
// country that adds GDP without defence). Only the sums and counts that
// do not depend on a target are meaningful (TargetPct is 0). estimate is
// true when a figure it adds is an estimate.
func AggregateShare(ds *defence.Dataset, rel *defence.Release, year int, codes []string, method Method) (t Totals, estimate bool) {
	obs := Resolve(ds, rel, year, codes, false)
	rows := make([]Row, 0, len(obs))
	for _, o := range obs {
		rows = append(rows, Gap(o, 0, method))
		estimate = estimate || o.Estimate
	}
	return Total(rows, nil, nil, 0), estimate
}

// Published is the publisher's own aggregate row of a release (NATO
// Total, NATO Europe and Canada) for the countries of a report's totals,
// shown beside the computed totals, never in their place: NATO's share is
// of real GDP (constant prices), its GDP counts Iceland's as NATO has it,
// and it counts the allies of each year, so it differs from Defence /
// GDP of the rows.
type Published struct {
	Group               string // the group id (nato, europe-canada); "" when none matches
	Name                string // the group's name
	GDP, Defence, Share defence.Num
	Estimate            bool
}

// natoAggregateNames are the labels of NATO's aggregate rows, by the id of
// the group whose members of the year they count.
// (A function, not a package-level map: nothing is built at start-up.)
func natoAggregateName(id string) string {
	switch id {
	case "nato":
		return "NATO Total"
	case "europe-canada":
		return "NATO Europe and Canada"
	}
	return ""
}

// PublishedFor returns the release's aggregate whose group's members in
// the year are exactly the codes (in any order), or a Published with no
// Group when the release has none for that selection.
func PublishedFor(ds *defence.Dataset, rel *defence.Release, year int, codes []string) Published {
	ids := rel.AggregateGroups()
	if len(ids) == 0 || len(codes) == 0 {
		return Published{}
	}
	want := make(map[string]bool, len(codes))
	for _, c := range codes {
		want[c] = true
	}
	for _, id := range ids {
		f, ok := rel.Aggregate(id, year)
		if !ok {
			continue
		}
		members := ds.MembersIn(id, year)
		if len(members) != len(want) {
			continue
		}
		same := true
		for _, m := range members {
			same = same && want[m]
		}
		if same {
			name := natoAggregateName(id)
			if name == "" {
				name = ds.Groups[id].Name
			}
			return Published{Group: id, Name: name, GDP: f.GDP, Defence: f.Defence, Share: f.Share, Estimate: f.Estimate}
		}
	}
	return Published{}
}
