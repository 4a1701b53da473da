package calc

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
)

// The figures a revision compares, named as in the data files and the
// JSON: the keys of a release's cells.
const (
	FigureShare     = "share_pct"     // defence as % of GDP
	FigureDefence   = "defence_musd"  // defence, million current USD
	FigureGDP       = "gdp_musd"      // GDP, million current USD
	FigureEquipment = "equipment_pct" // major equipment as % of defence
)

// RevisionFigures are the figures compared, in the order rows show them.
var RevisionFigures = []string{FigureShare, FigureDefence, FigureGDP, FigureEquipment}

// ParseRevisionFigure reads a figure's name: its key (share_pct) or the
// short word (share, defence, gdp, equipment), without regard to case.
func ParseRevisionFigure(s string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, f := range RevisionFigures {
		if k == f || k == f[:strings.IndexByte(f, '_')] {
			return f, nil
		}
	}
	return "", fmt.Errorf("%q is not a figure (expected share, defence, gdp or equipment)", s)
}

func figureOf(f defence.Figure, name string) defence.Num {
	switch name {
	case FigureShare:
		return f.Share
	case FigureDefence:
		return f.Defence
	case FigureGDP:
		return f.GDP
	default:
		return f.Equipment
	}
}

// RevisionKind says how a figure differs between two releases.
type RevisionKind string

const (
	// RevisionRevised: published in both, with different values.
	RevisionRevised RevisionKind = "revised"
	// RevisionAdded: published only in the newer (To) release: a year or
	// a country it adds, or a figure the other left blank (Old unknown).
	RevisionAdded RevisionKind = "added"
	// RevisionDropped: published only in the From release (New unknown).
	RevisionDropped RevisionKind = "dropped"
)

// Revision is one figure of one country and year that differs between
// two releases.
type Revision struct {
	Code, Name string
	Year       int
	Figure     string // FigureShare, ...
	Kind       RevisionKind
	Old, New   defence.Num // in From, in To; unknown where not published
	// Change is New - Old, in the figure's unit (percentage points for
	// the two shares); known only when both are.
	Change defence.Num
	// ChangePct is Change in % of Old; unknown where Change is, or Old is 0.
	ChangePct                defence.Num
	OldEstimate, NewEstimate bool   // the cells' estimate marks
	OldSource, NewSource     string // file:line of the cells; "" for no cell
}

// RevisionQuery asks what changed from one release to another.
type RevisionQuery struct {
	From, To *defence.Release
	// Codes, Years and Figures filter the rows; nil selects all (every
	// country and year of either release, RevisionFigures).
	Codes   []string
	Years   []int
	Figures []string
	// RevisedOnly leaves out the figures published in only one of the two
	// releases (RevisionAdded, RevisionDropped).
	RevisedOnly bool
}

// Revisions is what changed between two releases.
type Revisions struct {
	From, To *defence.Release
	// DefinitionChanged is true when both releases name their definition
	// of defence expenditure and the two differ (classic up to NATO's 2025
	// release, core from July 2026): a change then is partly the new
	// definition, not a revision of the same measure.
	DefinitionChanged bool
	// Backwards is true when From was published after To: Old is then
	// the newer figure.
	Backwards bool
	// Rows are the differing figures: revised figures by the size of
	// their change in % of the old value, largest first (the one scale
	// common to shares and money; ties by the absolute change), then
	// revised figures whose old value is 0, then the figures published in
	// only one release; each group then by country code, year and
	// figure.
	Rows []Revision
	// NotCompared are the selected figures that one of the two releases
	// publishes for no cell at all (NATO's August 2025 release has no USD
	// or GDP figures): listing each as added or dropped would say nothing.
	NotCompared []string
	// Compared counts the selected figures known in both releases, and
	// Unchanged those of them with the same value.
	Compared, Unchanged int
}

// CompareReleases lists every selected figure that differs between two
// releases: known in both with different values (revised), or known in
// only one of them, in a cell both have or in a year or country only one
// has (added, dropped). Values are compared exactly as read from the
// data: 3.7500 and 3.75 are the same, 4.1202 and 4.12 differ.
func CompareReleases(ds *defence.Dataset, q RevisionQuery) (*Revisions, error) {
	if q.From == nil || q.To == nil {
		return nil, fmt.Errorf("two releases are needed to compare")
	}
	if q.From.ID == q.To.ID {
		return nil, fmt.Errorf("release %s compared with itself: name two different releases", q.From.ID)
	}
	figures := RevisionFigures
	if q.Figures != nil {
		figures = nil
		for _, s := range q.Figures {
			f, err := ParseRevisionFigure(s)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(figures, f) {
				figures = append(figures, f)
			}
		}
	}
	res := &Revisions{
		From: q.From, To: q.To,
		DefinitionChanged: q.From.Definition != "" && q.To.Definition != "" && q.From.Definition != q.To.Definition,
		Backwards:         q.From.Published > q.To.Published,
	}
	var compared []string
	for _, f := range figures {
		if PublishesFigure(q.From, f) && PublishesFigure(q.To, f) {
			compared = append(compared, f)
		} else {
			res.NotCompared = append(res.NotCompared, f)
		}
	}
	codes := q.Codes
	if codes == nil {
		codes = UnionCodes(q.From, q.To)
	}
	var yearSet map[int]bool
	if q.Years != nil {
		yearSet = map[int]bool{}
		for _, y := range q.Years {
			yearSet[y] = true
		}
	}
	for _, code := range codes {
		for _, y := range unionYears(q.From.Cells()[code], q.To.Cells()[code]) {
			if yearSet != nil && !yearSet[y] {
				continue
			}
			a, inA := q.From.Figure(code, y)
			b, inB := q.To.Figure(code, y)
			for _, f := range compared {
				old, nw := figureOf(a, f), figureOf(b, f)
				r := Revision{Code: code, Name: ds.Countries[code].Name, Year: y, Figure: f, Old: old, New: nw}
				if inA {
					r.OldEstimate, r.OldSource = a.Estimate, a.Source
				}
				if inB {
					r.NewEstimate, r.NewSource = b.Estimate, b.Source
				}
				switch {
				case old.Known && nw.Known:
					res.Compared++
					if old.V == nw.V {
						res.Unchanged++
						continue
					}
					r.Kind = RevisionRevised
					r.Change = defence.N(nw.V - old.V)
					if old.V != 0 {
						r.ChangePct = defence.N(r.Change.V / old.V * 100)
					}
				case nw.Known:
					r.Kind = RevisionAdded
				case old.Known:
					r.Kind = RevisionDropped
				default:
					continue
				}
				if q.RevisedOnly && r.Kind != RevisionRevised {
					continue
				}
				res.Rows = append(res.Rows, r)
			}
		}
	}
	sortRevisions(res.Rows)
	return res, nil
}

// PublishesFigure reports whether the release has the figure (a Figure*
// key: share_pct, defence_musd...) for any cell.
func PublishesFigure(r *defence.Release, figure string) bool {
	for _, ys := range r.Cells() {
		for _, f := range ys {
			if figureOf(f, figure).Known {
				return true
			}
		}
	}
	return false
}

// UnionCodes lists the countries of either release, sorted.
func UnionCodes(a, b *defence.Release) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range []*defence.Release{a, b} {
		for c := range r.Cells() {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Strings(out)
	return out
}

func unionYears(a, b map[int]defence.Figure) []int {
	seen := map[int]bool{}
	var out []int
	for _, m := range []map[int]defence.Figure{a, b} {
		for y := range m {
			if !seen[y] {
				seen[y] = true
				out = append(out, y)
			}
		}
	}
	sort.Ints(out)
	return out
}

// sortRevisions orders rows as Revisions.Rows says.
func sortRevisions(rows []Revision) {
	group := func(r *Revision) int {
		switch {
		case r.ChangePct.Known:
			return 0
		case r.Change.Known:
			return 1
		default:
			return 2
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if ga, gb := group(a), group(b); ga != gb {
			return ga < gb
		}
		if a.ChangePct.Known {
			if x, y := math.Abs(a.ChangePct.V), math.Abs(b.ChangePct.V); x != y {
				return x > y
			}
		}
		if a.Change.Known {
			if x, y := math.Abs(a.Change.V), math.Abs(b.Change.V); x != y {
				return x > y
			}
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return slices.Index(RevisionFigures, a.Figure) < slices.Index(RevisionFigures, b.Figure)
	})
}
