package calc

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"sort"
	"strconv"
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
	// RevisionRounding: published in both with values that differ by no
	// more than half a unit of the last decimal of the coarser of the two
	// (see releaseDecimals): 0.4145 written to 4 decimals and 0.41 written
	// to 2 may be the same figure, rounded.
	RevisionRounding RevisionKind = "rounding"
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
	OldEstimate, NewEstimate bool          // the cells' estimate marks
	OldSource, NewSource     defence.Place // where the cells were defined; zero for no cell
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
	// IncludeRounding lists the figures that differ only by rounding
	// (RevisionRounding) too; they are counted either way.
	IncludeRounding bool
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
	// Compared counts the selected figures known in both releases,
	// Unchanged those of them with the same value, Rounding those that
	// differ only by rounding (listed only when the query includes them)
	// and Revised the others.
	Compared, Unchanged, Rounding, Revised int
	// FromDecimals and ToDecimals are the decimals each release writes
	// each compared figure with (see releaseDecimals).
	FromDecimals, ToDecimals map[string]int
	// DefinitionFigure and DefinitionYears say, when DefinitionChanged,
	// how many of the selected countries have the same figure in both
	// releases, year by year: defence in USD when both releases publish
	// it, else the share of GDP ("" and nil when neither release pair
	// has one of them, or the definitions do not differ). Equal counts
	// figures unchanged or differing only by rounding.
	DefinitionFigure string
	DefinitionYears  []YearAgreement
}

// YearAgreement counts, for one year, the countries whose figure is known
// in both releases (Compared) and those of them whose figure is the same
// at the coarser precision of the two (Equal).
type YearAgreement struct {
	Year            int
	Equal, Compared int
}

// CompareReleases lists every selected figure that differs between two
// releases: known in both with different values (revised), or known in
// only one of them, in a cell both have or in a year or country only one
// has (added, dropped). Two known values are compared at the coarser
// precision of the two releases (releaseDecimals): 3.7500 and 3.75 are the
// same; 0.4145 (4 decimals) and 0.41 (2 decimals) differ only by rounding
// (RevisionRounding), counted apart and listed only when the query
// includes them; 4.1202 and 3.7890 are revised. A value that needs more
// decimals than its release's (cellDecimals) is compared at its own.
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
	res.FromDecimals, res.ToDecimals = releaseDecimals(q.From), releaseDecimals(q.To)
	var agree map[int]*YearAgreement
	if res.DefinitionChanged {
		for _, f := range []string{FigureDefence, FigureShare} {
			if PublishesFigure(q.From, f) && PublishesFigure(q.To, f) {
				res.DefinitionFigure = f
				agree = map[int]*YearAgreement{}
				break
			}
		}
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
					if res.withinRounding(f, old.V, nw.V) {
						r.Kind = RevisionRounding
						res.Rounding++
					} else {
						res.Revised++
					}
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
				if (q.RevisedOnly && r.Kind != RevisionRevised && r.Kind != RevisionRounding) ||
					(!q.IncludeRounding && r.Kind == RevisionRounding) {
					continue
				}
				res.Rows = append(res.Rows, r)
			}
			if agree != nil {
				old, nw := figureOf(a, res.DefinitionFigure), figureOf(b, res.DefinitionFigure)
				if old.Known && nw.Known {
					ya := agree[y]
					if ya == nil {
						ya = &YearAgreement{Year: y}
						agree[y] = ya
					}
					ya.Compared++
					if old.V == nw.V || res.withinRounding(res.DefinitionFigure, old.V, nw.V) {
						ya.Equal++
					}
				}
			}
		}
	}
	for _, ya := range agree {
		res.DefinitionYears = append(res.DefinitionYears, *ya)
	}
	sort.Slice(res.DefinitionYears, func(i, j int) bool { return res.DefinitionYears[i].Year < res.DefinitionYears[j].Year })
	sortRevisions(res.Rows)
	return res, nil
}

// cellDecimals is the precision of one value of a release whose figure
// has the given decimals (releaseDecimals): the more of those and the
// value's own (the shortest decimal that reads back as it).
func cellDecimals(v float64, releaseDecimals int) int {
	return max(decimalsOf(v), releaseDecimals)
}

// withinRounding reports whether two known values of the figure, old in
// the From release and nw in the To, may be the same figure rounded: equal
// to within the rounding of the coarser of the two cells (coarser).
func (res *Revisions) withinRounding(figure string, old, nw float64) bool {
	return WithinRounding(old, nw, coarser(old, nw, res.FromDecimals[figure], res.ToDecimals[figure]))
}

// coarser is the precision two values are compared at: the fewer decimals
// of the two cells' (cellDecimals).
func coarser(old, nw float64, fromDecimals, toDecimals int) int {
	return min(cellDecimals(old, fromDecimals), cellDecimals(nw, toDecimals))
}

// releaseDecimals returns, for every figure of RevisionFigures (a Figure*
// key), the number of decimals the release writes it with: the number most of its cells of that
// figure need, trailing zeros left out (the larger on a tie). A release
// rounds a table to one precision, so most cells need exactly that many
// decimals (a tenth end in a zero and need one fewer, a hundredth two
// fewer); a trailing zero carries no precision (the file of NATO's 2026
// release writes a share published to 2 decimals, 1.34, as 1.3400). The
// rule is checked against each embedded release's notes by the tests. 0
// for a figure the release does not publish.
//
// A cell that needs more decimals than its release's (a figure filled in
// from another source) keeps its own: see cellDecimals.
func releaseDecimals(r *defence.Release) map[string]int {
	counts := map[string]map[int]int{}
	for _, ys := range r.Cells() {
		for _, fig := range ys {
			for _, f := range RevisionFigures {
				if n := figureOf(fig, f); n.Known {
					if counts[f] == nil {
						counts[f] = map[int]int{}
					}
					counts[f][decimalsOf(n.V)]++
				}
			}
		}
	}
	out := make(map[string]int, len(counts))
	for f, byDecimals := range counts {
		best, most := 0, 0
		for d, n := range byDecimals {
			if n > most || (n == most && d > best) {
				best, most = d, n
			}
		}
		out[f] = best
	}
	return out
}

// decimalsOf is the number of decimals of the shortest decimal that reads
// back as v (0.4145: 4; 13314: 0).
func decimalsOf(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// WithinRounding reports whether a and b differ by no more than half a
// unit of the decimals-th decimal (decimals 2: 0.005), as exact decimals
// (the shortest that read back as a and b): a figure written to that
// many decimals by one release and to more by another may then be the
// same figure, rounded. 0.4145 and 0.41 at 2 decimals: 0.0045 <= 0.005,
// true; 4.1202 and 3.7890: false.
func WithinRounding(a, b float64, decimals int) bool {
	x, okA := new(big.Rat).SetString(strconv.FormatFloat(a, 'f', -1, 64))
	y, okB := new(big.Rat).SetString(strconv.FormatFloat(b, 'f', -1, 64))
	if !okA || !okB { // not finite: never loaded
		return false
	}
	d := new(big.Rat).Sub(x, y)
	d.Abs(d)
	half := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(big.NewInt(2), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
	return d.Cmp(half) <= 0
}

// PublishesFigure reports whether the release has the figure (a Figure*
// key: share_pct, defence_musd...) for any cell. It reads the cells in
// place (Release.Each): gap asks it of every release it shows, and a lazy
// release would otherwise build all its maps for one answer.
func PublishesFigure(r *defence.Release, figure string) bool {
	found := false
	r.Each(func(_ string, _ int, f defence.Figure) bool {
		found = figureOf(f, figure).Known
		return !found
	})
	return found
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
