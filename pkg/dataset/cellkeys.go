package dataset

import (
	"strings"
	"sync"

	"github.com/natospend/natospend/pkg/defence"
	"go.yaml.in/yaml/v3"
)

// cellKey is one numeric figure a release cell may hold: its key in the
// YAML, the field of defence.Figure it fills, the range it must be in and
// the series whose releases may hold it. cellKeys is the one declaration of
// the numeric cell keys: the parser, the encoder, the cell schema and the
// documentation test all read it.
type cellKey struct {
	name string
	// field is where the figure is in defence.Figure, detail where it is
	// in defence.Detail (one of the two is nil): see get and set.
	field  func(*defence.Figure) *defence.Num
	detail func(*defence.Detail) *defence.Num
	// constant: a figure at constant prices (its release names their base
	// year, constant_year); ncu: in national currency (its release names
	// each country's currency, currencies).
	constant, ncu bool
	lo            float64
	hi            float64
	open          bool   // lo itself is out of range
	exp           string // what a value out of range should have been
	// series holds the series whose releases may give the key.
	series seriesSet
}

// seriesSet is a set of release series.
type seriesSet uint8

const (
	inDefence seriesSet = 1 << iota
	inGDP
	inPopulation
)

func (s seriesSet) has(series string) bool {
	switch series {
	case defence.SeriesDefence:
		return s&inDefence != 0
	case defence.SeriesGDP:
		return s&inGDP != 0
	case defence.SeriesPopulation:
		return s&inPopulation != 0
	}
	return true // a series missing or wrong is reported already
}

const (
	maxNCU        = 1e12 // million national currency units: high-denomination currencies
	maxPerCapita  = 1e6  // USD, or thousand USD, per person
	maxPersonnel  = 1e5  // thousand people: a hundred million under arms
	minRealChange = -100 // % a year: nothing spent any more
	maxRealChange = 1e4  // % a year: a hundredfold
)

const (
	expNCU        = "an amount in million national currency units from 0 to 1000000000000"
	expRealChange = "a percentage change from -100 to 10000"
	expPerCapita  = "an amount per person from 0 to 1000000"
	expPersonnel  = "thousands of people from 0 to 100000"
)

// cellKeys lists the numeric cell keys in the order the encoder writes
// them; estimate and note follow.
var cellKeys = []cellKey{
	{name: "gdp_musd", field: func(f *defence.Figure) *defence.Num { return &f.GDP }, hi: maxMoney, exp: expMoney, series: inDefence | inGDP},
	{name: "defence_musd", field: func(f *defence.Figure) *defence.Num { return &f.Defence }, hi: maxMoney, exp: expMoney, series: inDefence},
	{name: "share_pct", field: func(f *defence.Figure) *defence.Num { return &f.Share }, hi: 100, exp: expPct, series: inDefence},
	{name: "equipment_pct", field: func(f *defence.Figure) *defence.Num { return &f.Equipment }, hi: 100, exp: expPct, series: inDefence},
	{name: "resilience_musd", field: func(f *defence.Figure) *defence.Num { return &f.Resilience }, hi: maxMoney, exp: expMoney, series: inDefence},
	{name: "population_m", field: func(f *defence.Figure) *defence.Num { return &f.Population }, lo: minPopulation, hi: maxPopulation, exp: expPopulation, series: inPopulation},
	// NATO's other tables (natospend import nato).
	{name: "defence_ncu_m", detail: func(d *defence.Detail) *defence.Num { return &d.DefenceNCU }, hi: maxNCU, exp: expNCU, series: inDefence, ncu: true},
	{name: "defence_const_ncu_m", detail: func(d *defence.Detail) *defence.Num { return &d.DefenceConstNCU }, hi: maxNCU, exp: expNCU, series: inDefence, constant: true, ncu: true},
	{name: "defence_const_musd", detail: func(d *defence.Detail) *defence.Num { return &d.DefenceConst }, hi: maxMoney, exp: expMoney, series: inDefence, constant: true},
	{name: "gdp_const_musd", detail: func(d *defence.Detail) *defence.Num { return &d.GDPConst }, hi: maxMoney, exp: expMoney, series: inDefence, constant: true},
	{name: "real_change_pct", detail: func(d *defence.Detail) *defence.Num { return &d.RealChange }, lo: minRealChange, hi: maxRealChange, exp: expRealChange, series: inDefence},
	{name: "gdp_per_capita_const_kusd", detail: func(d *defence.Detail) *defence.Num { return &d.GDPPerCapitaConst }, hi: maxPerCapita, exp: expPerCapita, series: inDefence, constant: true},
	{name: "defence_per_capita_const_usd", detail: func(d *defence.Detail) *defence.Num { return &d.DefencePerCapitaConst }, hi: maxPerCapita, exp: expPerCapita, series: inDefence, constant: true},
	{name: "personnel_k", detail: func(d *defence.Detail) *defence.Num { return &d.Personnel }, hi: maxPersonnel, exp: expPersonnel, series: inDefence},
	{name: "personnel_pct", detail: func(d *defence.Detail) *defence.Num { return &d.PersonnelPct }, hi: 100, exp: expPct, series: inDefence},
	{name: "infrastructure_pct", detail: func(d *defence.Detail) *defence.Num { return &d.InfrastructurePct }, hi: 100, exp: expPct, series: inDefence},
	{name: "other_pct", detail: func(d *defence.Detail) *defence.Num { return &d.OtherPct }, hi: 100, exp: expPct, series: inDefence},
}

// cellSchema is the schema of a cell: the numeric keys, then estimate and
// note (walker.cell relies on the numeric keys coming first: the index of
// a key in the schema is its index in cellKeys), built on first use: a
// run that reads no data file never builds it (issue 21, item 11).
var cellSchema = sync.OnceValue(func() *schema {
	return &schema{keys: append(CellKeyNames(), "estimate", "note")}
})

// CellKeyNames returns the numeric keys of a release cell, in the order
// the encoder writes them (estimate and note, which are not numbers,
// follow them).
func CellKeyNames() []string {
	out := make([]string, len(cellKeys))
	for i, k := range cellKeys {
		out[i] = k.name
	}
	return out
}

// cellKeyProblem says why a cell key has no place in a release of the
// series, or "": a gdp release holds GDP only, a population release
// population only, and population belongs in a population release alone.
// A release whose series is missing or wrong (reported already) is not
// checked.
func cellKeyProblem(series, key string) string {
	if key == "estimate" || key == "note" {
		return ""
	}
	for _, k := range cellKeys {
		if k.name != key || k.series.has(series) {
			continue
		}
		switch series {
		case defence.SeriesGDP:
			return "not allowed in a series: gdp release (expected only " + allowedIn(inGDP) + ", estimate and note)"
		case defence.SeriesPopulation:
			return "not allowed in a series: population release (expected only " + allowedIn(inPopulation) + ", estimate and note)"
		default:
			if k.series == inPopulation {
				return "not allowed in a series: " + series + " release (" + key + " belongs in a release of series: population)"
			}
			return "not allowed in a series: " + series + " release"
		}
	}
	return ""
}

func allowedIn(s seriesSet) string {
	var names []string
	for _, k := range cellKeys {
		if k.series&s != 0 {
			names = append(names, k.name)
		}
	}
	return strings.Join(names, ", ")
}

// get returns the cell's figure, unknown when absent.
func (k *cellKey) get(f *defence.Figure) defence.Num {
	if k.detail == nil {
		return *k.field(f)
	}
	if f.Detail == nil {
		return defence.Unknown
	}
	return *k.detail(f.Detail)
}

// set stores a figure in the cell (making its Detail when needed).
func (k *cellKey) set(f *defence.Figure, v defence.Num) {
	if k.detail == nil {
		*k.field(f) = v
		return
	}
	if f.Detail == nil {
		f.Detail = &defence.Detail{}
	}
	*k.detail(f.Detail) = v
}

// keyDefence is the index of defence_musd in cellKeys.
const keyDefence = 1

func init() {
	if cellKeys[keyDefence].name != "defence_musd" {
		panic("dataset: keyDefence is not the index of defence_musd")
	}
}

// currencies reads a release's currencies: a mapping of country codes to
// ISO 4217 currency codes (three upper-case letters, such as EUR).
func (w *walker) currencies(n *yaml.Node, p fpath) map[string]string {
	out := map[string]string{}
	w.entries(n, p, "a mapping of country codes to currency codes", strings.ToUpper, checkCode, func(code string, k, v *yaml.Node) {
		w.out.refs = append(w.out.refs, ref{code: code, line: k.Line, field: p.k(code)})
		cur, ok := w.text(v, p.k(code), CapLabel)
		if !ok {
			return
		}
		if !isCode(cur) {
			w.add(v.Line, p.k(code), show(cur)+" is not a currency code (expected three upper-case letters, ISO 4217, such as EUR)")
			return
		}
		out[code] = cur
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// unitAt is where a cell first gives a figure that needs a unit the
// release must name: its line and field.
type unitAt struct {
	line int
	p    fpath
}

// noteUnits records, while a cell is read, the first figure at constant
// prices of the release and the first in national currency of each
// country, for checkUnits.
func (w *walker) noteUnits(ck *cellKey, line int, p fpath) {
	if ck.constant && w.constAt.line == 0 {
		w.constAt = unitAt{line, p}
	}
	if ck.ncu {
		if _, seen := w.ncuAt[w.curCode]; !seen {
			if w.ncuAt == nil {
				w.ncuAt = map[string]unitAt{}
			}
			w.ncuAt[w.curCode] = unitAt{line, p}
		}
	}
}

// checkUnits checks that a release names what its figures need: the base
// year of its figures at constant prices, and the currency of each
// country's figures in national currency. It reports the first cell that
// lacks one, once per release (constant_year) or country (currency).
func (w *walker) checkUnits(r *defence.Release) {
	if r.ConstantYear == 0 && w.constAt.line != 0 {
		w.add(w.constAt.line, w.constAt.p, "a figure at constant prices in a release without constant_year (expected constant_year: the base year of its prices, such as 2015)")
	}
	for _, code := range sortedIDs(w.ncuAt) {
		if _, ok := r.Currencies[code]; !ok {
			at := w.ncuAt[code]
			w.add(at.line, at.p, "a figure in national currency for a country the release's currencies do not name (expected currencies: {"+show(code)+": its ISO 4217 code, such as EUR})")
		}
	}
}

// SetCell stores a known figure of a numeric cell key (CellKeyNames) in a
// cell, and reports false for any other key or an unknown figure.
func SetCell(f *defence.Figure, key string, v defence.Num) bool {
	if !v.Known {
		return false
	}
	for i := range cellKeys {
		if cellKeys[i].name == key {
			cellKeys[i].set(f, v)
			return true
		}
	}
	return false
}
