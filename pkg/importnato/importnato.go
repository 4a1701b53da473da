// Package importnato turns NATO's defence expenditure workbook (the Excel
// file of tables NATO publishes with each release: defence in national
// currency and in US dollars, share of GDP, real change, GDP, per capita
// figures, military personnel, distribution by category) into a release of
// natospend's data model, with the provenance of every series.
//
// It reads rows that pkg/xlsx has already read, and finds each table by
// meaning, never by position: by its title ("Table 2 : Defence
// expenditure") and unit row ("Million US dollars"), its row of year
// headers (2014 ... 2024e, an e marking estimates), its section headings
// ("Constant 2015 prices and exchange rates") and its rows of countries,
// whose names map to codes through the countries of the dataset (NATO's
// spellings are names or aliases there). Rows, columns and sheets may
// move, sheets may be renamed and years added: the import is the same. A
// table, section or country it cannot place is an error naming the sheet
// and cell.
//
// What it reads is verified (verify.go): each table's unit row (scale and
// currency, converted or refused), each figure's number format (a percent
// format is a fraction), the year headers, the currencies rows name. Then
// the tables are checked against each other: the share of GDP against
// defence / GDP at constant prices and per capita, the real change, the
// exchange rates the tables imply, the base year, the categories adding
// up to 100%, Table 4's repeated figures, and NATO's aggregate rows (NATO
// Europe and Canada, NATO Total) that are sums against the allies of each
// year. A difference beyond rounding refuses the workbook
// (*DifferencesError), unless Options.AcceptDifferences, which writes it
// into the release's notes. The work is bounded whatever the workbook:
// Read counts every cell's text against MaxText.
package importnato

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/xlsx"
)

// Sheet is one worksheet: its name and the rows pkg/xlsx read.
type Sheet struct {
	Name string
	Rows []xlsx.Row
}

// Workbook is what the importer reads.
type Workbook struct {
	Name   string // the file's name, without its directory
	SHA256 string // hex of the file's bytes
	Sheets []Sheet
}

// Bounds of the work an import does, whatever the workbook (within
// pkg/xlsx's limits): NATO's June 2024 workbook holds 106 KB of cell text
// (its longest cell, a note, 449 bytes) in 6,208 cells.
const (
	// MaxText is the most bytes of cell text (of every cell, as read:
	// text, numbers as stored) the importer reads from a workbook.
	MaxText = 4 << 20
	// MaxCells is the most cells with a value it reads from a workbook,
	// all sheets together.
	MaxCells = 400_000
	// maxCellText is the longest text of a cell the importer keeps: a
	// longer one is cut there (it is no title, label or heading of
	// NATO's; a note is kept cut, saying so).
	maxCellText = 2048
	// maxShown is the longest text of a cell a message quotes.
	maxShown = 200
	// maxSheetName is the longest sheet name read.
	maxSheetName = 255
	// maxNotes is the most bytes of NATO's notes copied into the
	// release's notes, and maxListed the most lines of differences or of
	// things not imported listed: the rest are counted.
	maxNotes  = 64 << 10
	maxListed = 100
)

// Read reads every worksheet of an opened workbook (sheets that are not
// worksheets, such as charts, hold no tables and are left out). It counts
// the text of every cell as it is read, and refuses a workbook with more
// than MaxText bytes of it or more than MaxCells cells; a text longer
// than maxCellText bytes is cut there.
func Read(wb *xlsx.Workbook) (*Workbook, error) {
	out := &Workbook{Name: filepath.Base(wb.Name), SHA256: wb.SHA256}
	text, cells := 0, 0
	for _, name := range wb.Sheets {
		if len(name) > maxSheetName {
			return nil, fmt.Errorf("%s: sheet %s...: a sheet name longer than %d bytes (Excel's own limit is 31 characters)", out.Name, quote(cut(name, maxShown)), maxSheetName)
		}
		text += len(name)
		rows, err := wb.Rows(name)
		var re *xlsx.ReadError
		if errors.As(err, &re) && re.Cell == "" && strings.HasSuffix(re.Msg, "not a worksheet of cells") {
			continue
		}
		if err != nil {
			return nil, err
		}
		for i := range rows {
			cs := rows[i].Cells
			cells += len(cs)
			if cells > MaxCells {
				return nil, fmt.Errorf("%s: sheet %s: more than %d cells with a value in the workbook's sheets (NATO's June 2024 workbook has 6,208): refused, not one of NATO's workbooks of tables", out.Name, name, MaxCells)
			}
			for j := range cs {
				text += len(cs[j].Text)
				if text > MaxText {
					return nil, fmt.Errorf("%s: sheet %s, cell %s: the cells read so far hold more than %d bytes of text (NATO's June 2024 workbook holds 106 KB in all): refused, not one of NATO's workbooks of tables", out.Name, name, cs[j].Ref, MaxText)
				}
				cutLong(&cs[j])
			}
		}
		out.Sheets = append(out.Sheets, Sheet{Name: name, Rows: rows})
	}
	return out, nil
}

// cutMark ends a text Read cut.
const cutMark = " [... cut: longer than 2048 bytes]"

// cutLong cuts a text cell longer than maxCellText bytes there, marking
// it (cutMark), as Read does with every cell.
func cutLong(c *xlsx.Cell) {
	if c.Type == xlsx.Text && len(c.Text) > maxCellText {
		c.Text = cut(c.Text, maxCellText) + cutMark
	}
}

// Options are what the workbook does not say about itself.
type Options struct {
	ID string // the release id (required)
	// Title defaults to one naming NATO's tables and their years.
	Title string
	// Published (YYYY-MM-DD) defaults to the date in the file's name:
	// NATO names its files YYMMDD-... (240617-def-exp-2024-TABLES-en.xlsx).
	Published string
	Cutoff    string
	// URL defaults to the workbook's file name.
	URL        string
	Via        string
	Definition string
	// PriceBasis defaults to one naming the prices of NATO's tables.
	PriceBasis string
	// Notes go first in the release's notes, before the importer's.
	Notes []string
	// AcceptDifferences imports a workbook whose tables differ from each
	// other beyond rounding (see Result.Differences), writing the
	// differences into the release's notes; without it such a workbook
	// is refused.
	AcceptDifferences bool
}

// Series is where one measure came from, and how much of it there is.
type Series struct {
	Key        string // the cell key (docs/data.md)
	Label      string // what it is, in a few words
	Sheet      string
	Title      string // the table's title as printed
	TitleRef   string
	Unit       string // the unit row as printed
	Section    string // the section heading as printed ("" when none)
	SectionRef string
	Range      string // the cells of its country rows and year columns, "D11:N41"
	Countries  int
	FirstYear  int
	LastYear   int
	Years      int
	Figures    int // country-year figures
	Estimates  int // of which in a year NATO marks e
	Blanks     int // country rows x year columns without a figure
}

// Result is an imported workbook.
type Result struct {
	Release *defence.Release
	Series  []Series
	// Missing lists the measures no table gave (the release leaves them
	// out), as "key (what)".
	Missing []string
	// Checks are the cross-checks made, each with the comparisons it
	// made; Checked is their sum. Differences lists the comparisons that
	// failed, each naming its sheets and cells (and problems that kept a
	// figure from being compared), at most maxListed of them; Unlisted
	// counts the others.
	Checks      []Check
	Checked     int
	Differences []string
	Unlisted    int
	// Unchecked counts the aggregates read that are not sums (shares, per
	// capita figures, real change) and that no check compared (the real
	// change of the first year; all of them when the tables of defence
	// and GDP at constant prices are not there)
	// capita figures): they are reported, not compared.
	Unchecked int
	// Ignored lists what the workbook holds that is not imported: rows of
	// figures without a label, tables of no known kind.
	Ignored []string
}

// Check is one kind of cross-check of the tables and the comparisons it
// made.
type Check struct {
	What    string
	Checked int
}

// DifferencesError is the error of a workbook whose tables differ beyond
// rounding, imported without Options.AcceptDifferences.
type DifferencesError struct {
	File   string
	Result *Result
}

func (e *DifferencesError) Error() string {
	var b strings.Builder
	n := len(e.Result.Differences) + e.Result.Unlisted
	fmt.Fprintf(&b, "%s: NATO's tables differ from each other beyond rounding in %d of %d comparisons, so some figures are not what NATO printed or not read as NATO meant (a unit, a format or a label changed?); nothing written (--accept-differences imports anyway and writes the differences into the release's notes):", e.File, n, e.Result.Checked)
	for _, d := range e.Result.Differences {
		b.WriteString("\n  ")
		b.WriteString(d)
	}
	if e.Result.Unlisted > 0 {
		fmt.Fprintf(&b, "\n  ... and %d more", e.Result.Unlisted)
	}
	return b.String()
}

// Encode writes the release as a data file, figures rounded as Decimals
// gives.
func (r *Result) Encode(w io.Writer, comment string) error {
	return dataset.EncodeReleaseWith(w, comment, r.Release, dataset.EncodeOptions{Decimals: Decimals()})
}

var fileDateRE = lazy(`^(\d{2})(\d{2})(\d{2})[-_ ]`)

// figure is one value read, with the cell it came from.
type figure struct {
	v   float64
	est bool
	ref string
}

// series is a measure being read from a section of a table.
type series struct {
	key      string
	t        *table
	heading  xlsx.Cell // zero when the table has no headings
	baseYear int
	values   map[string]map[int]figure // by code and year
	aggs     map[string]map[int]figure // by group id and year
	aggLabel map[string]string         // by group id: the label as printed
	rowAt    map[string]string         // by code or group: the label cell
	factor   factor                    // converts the figures read to the measure's unit
	blanks   int
	minRow   int
	maxRow   int
	minCol   int
	maxCol   int
}

type importer struct {
	wb         *Workbook
	ds         *defence.Dataset
	series     map[string]*series
	currencies map[string]string // by code: the currency of Table 1 (of defence_ncu_m)
	named      map[string]string // by code: the currency any row names
	namedAt    map[string]string // by code: the label cell that named it
	baseYear   int
	baseAt     string
	footnotes  []string
	noteBytes  int // of footnotes
	notesLeft  int // notes not kept, past maxNotes
	seenNote   map[string]bool
	usedAgg    map[string]bool // aggregates that are ratios compared: key/group/year
	checks     []*table        // tables that repeat others' figures
	res        *Result
}

// Import reads NATO's tables from the workbook. ds gives the countries
// (names and aliases) and the groups whose members of the year NATO's
// aggregates add up (nato, europe-canada, europe).
func Import(wb *Workbook, ds *defence.Dataset, opt Options) (*Result, error) {
	if opt.ID == "" {
		return nil, errors.New("no release id (expected --id, such as nato-2024-06)")
	}
	imp := &importer{wb: wb, ds: ds, series: map[string]*series{}, currencies: map[string]string{},
		named: map[string]string{}, namedAt: map[string]string{}, seenNote: map[string]bool{}, usedAgg: map[string]bool{}, res: &Result{}}
	if err := imp.readTables(); err != nil {
		return nil, imp.wrap(err)
	}
	for _, key := range required {
		if imp.series[key] == nil {
			return nil, imp.wrap(imp.notFound(key))
		}
	}
	imp.checkTables()
	imp.checkAggregates()
	imp.checkShares()
	imp.checkPerCapita()
	imp.checkRealChange()
	imp.checkRates()
	imp.checkConstantRates()
	imp.checkBaseYear()
	imp.checkCategories()
	imp.checkAggregateRatios()
	imp.countUnchecked()
	if len(imp.res.Differences) > 0 && !opt.AcceptDifferences {
		return nil, &DifferencesError{File: imp.wb.Name, Result: imp.res}
	}
	r, err := imp.release(opt)
	if err != nil {
		return nil, imp.wrap(err)
	}
	imp.res.Release = r
	if err := imp.validate(); err != nil {
		return nil, imp.wrap(err)
	}
	return imp.res, nil
}

func (imp *importer) wrap(err error) error { return fmt.Errorf("%s: %w", imp.wb.Name, err) }

// difference reports a comparison that failed, listing at most maxListed.
func (imp *importer) difference(format string, a ...any) {
	if len(imp.res.Differences) >= maxListed {
		imp.res.Unlisted++
		return
	}
	imp.res.Differences = append(imp.res.Differences, fmt.Sprintf(format, a...))
}

// ignored reports what is not imported, listing at most maxListed.
func (imp *importer) ignored(format string, a ...any) {
	switch n := len(imp.res.Ignored); {
	case n < maxListed:
		imp.res.Ignored = append(imp.res.Ignored, fmt.Sprintf(format, a...))
	case n == maxListed:
		imp.res.Ignored = append(imp.res.Ignored, fmt.Sprintf("more that is not listed (the importer lists %d things not imported)", maxListed))
	}
}

// count records a cross-check and the comparisons it made.
func (imp *importer) count(what string, n int) {
	if n == 0 {
		return
	}
	imp.res.Checks = append(imp.res.Checks, Check{What: what, Checked: n})
	imp.res.Checked += n
}

// notFound says which table is missing, and what it looks like.
func (imp *importer) notFound(key string) error {
	for _, k := range kinds {
		for _, s := range k.sections {
			if s.key == key {
				names := make([]string, len(imp.wb.Sheets))
				for i, sh := range imp.wb.Sheets {
					names[i] = sh.Name
				}
				what := "table"
				if s.heading != nil {
					what = "section " + strings.TrimSuffix(strings.TrimPrefix(s.heading.String(), "^(?i)"), "$") + " of the table"
				}
				return fmt.Errorf("no %s of %s found (expected a title such as %s, searched sheets %s)", what, k.id, k.what, strings.Join(names, ", "))
			}
		}
	}
	return fmt.Errorf("no table gives %s", key)
}

func (imp *importer) readTables() error {
	for _, sh := range imp.wb.Sheets {
		for _, t := range findTables(sh) {
			layoutErr := t.layout()
			var matched []*tableKind
			for i := range kinds {
				if kinds[i].match(t.subject, norm(t.unit)) {
					matched = append(matched, &kinds[i])
				}
			}
			switch {
			case len(matched) > 1:
				return fmt.Errorf("%s: table %s could be %s or %s (expected one kind of table per title)", t.at(t.title.Ref), quote(t.name), matched[0].id, matched[1].id)
			case len(matched) == 0:
				imp.ignored("%s: table %s (not one of NATO's tables the importer knows)", t.at(t.title.Ref), quote(t.name))
				continue
			case layoutErr != nil:
				return layoutErr
			}
			t.kind = matched[0]
			if t.kind.check {
				imp.checks = append(imp.checks, t)
				imp.notes(t)
				continue
			}
			if err := imp.readTable(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// matchSection returns the section of the kind whose heading the text is.
func matchSection(k *tableKind, text string) *section {
	for i := range k.sections {
		if h := k.sections[i].heading; h != nil && h.MatchString(text) {
			return &k.sections[i]
		}
	}
	return nil
}

func headings(k *tableKind) string {
	var out []string
	for _, s := range k.sections {
		if s.heading != nil {
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(s.heading.String(), "^(?i)"), "$"))
		}
	}
	return strings.Join(out, "; ")
}

// notes keeps the lone texts of a table below its year header that are
// not headings: NATO's notes, kept once each for the release's notes.
func (imp *importer) notes(t *table) {
	for _, r := range t.rows[t.header+1:] {
		lab, ok := t.label(r)
		if !ok || len(t.values(r)) > 0 || matchSection(t.kind, norm(lab.Text)) != nil {
			continue
		}
		imp.footnote(t, lab)
	}
}

func (imp *importer) footnote(t *table, c xlsx.Cell) {
	text := clean(c.Text)
	if pageRE.MatchString(text) || imp.seenNote[text] {
		return
	}
	if imp.noteBytes+len(text) > maxNotes {
		imp.notesLeft++
		return
	}
	imp.seenNote[text] = true
	imp.noteBytes += len(text)
	imp.footnotes = append(imp.footnotes, fmt.Sprintf("NATO's note (sheet %s, cell %s): %s", t.sheet, c.Ref, text))
}

// readTable reads the sections of a table, each into the series of its
// measure.
func (imp *importer) readTable(t *table) error {
	var cur *series
	var pending *xlsx.Cell // a lone text that is no heading of the table
	single := len(t.kind.sections) == 1 && t.kind.sections[0].heading == nil
	for _, r := range t.rows[t.header+1:] {
		lab, ok := t.label(r)
		vals := t.values(r)
		if !ok {
			if len(vals) > 0 {
				imp.ignored("sheet %s, row %d: %d values without a label", t.sheet, r.Index, len(vals))
			}
			continue
		}
		if len(vals) == 0 {
			if sec := matchSection(t.kind, norm(lab.Text)); sec != nil {
				s, err := imp.newSeries(t, *sec, lab)
				if err != nil {
					return err
				}
				cur, pending = s, nil
				continue
			}
			imp.footnote(t, lab)
			if !pageRE.MatchString(clean(lab.Text)) {
				l := lab
				pending = &l
			}
			continue
		}
		if pending != nil {
			return fmt.Errorf("%s: %s is not a section heading of table %s (expected one of: %s)", t.at(pending.Ref), quote(pending.Text), quote(t.name), headings(t.kind))
		}
		if cur == nil {
			if !single {
				return fmt.Errorf("%s: a row of figures before any section heading of table %s (expected one of: %s)", t.at(lab.Ref), quote(t.name), headings(t.kind))
			}
			s, err := imp.newSeries(t, t.kind.sections[0], xlsx.Cell{})
			if err != nil {
				return err
			}
			cur = s
		}
		if err := imp.row(cur, r, lab, vals); err != nil {
			return err
		}
	}
	return nil
}

func (imp *importer) newSeries(t *table, sec section, heading xlsx.Cell) (*series, error) {
	if prev := imp.series[sec.key]; prev != nil {
		where := prev.t.title.Ref
		if prev.heading.Ref != "" {
			where = prev.heading.Ref
		}
		at := t.title.Ref
		if heading.Ref != "" {
			at = heading.Ref
		}
		return nil, fmt.Errorf("%s: %s is given twice (also by sheet %s, cell %s)", t.at(at), sec.key, prev.t.sheet, where)
	}
	m := measureOf(sec.key)
	factor, err := t.factor(m.unit, m.label)
	if err != nil {
		return nil, err
	}
	s := &series{key: sec.key, t: t, heading: heading, factor: factor, values: map[string]map[int]figure{},
		aggs: map[string]map[int]figure{}, aggLabel: map[string]string{}, rowAt: map[string]string{},
		minRow: math.MaxInt, minCol: math.MaxInt}
	if sec.constant {
		y, at := 0, ""
		if m := constantSection.FindStringSubmatch(norm(heading.Text)); m != nil && heading.Ref != "" {
			y, _ = strconv.Atoi(m[1])
			at = heading.Ref
		} else if m := baseYearRE.FindStringSubmatch(norm(t.unit)); m != nil {
			y, _ = strconv.Atoi(m[1])
			at = t.title.Ref
		}
		if y == 0 {
			return nil, fmt.Errorf("%s: table %s gives figures at constant prices without their base year (expected a heading or unit such as \"Constant 2015 prices\")", t.at(t.title.Ref), quote(t.name))
		}
		if imp.baseYear != 0 && imp.baseYear != y {
			return nil, fmt.Errorf("%s: constant %d prices, where sheet %s gives %d prices (expected one base year for the whole workbook)", t.at(at), y, imp.baseAt, imp.baseYear)
		}
		imp.baseYear, imp.baseAt, s.baseYear = y, t.sheet+", cell "+at, y
	}
	imp.series[sec.key] = s
	return s, nil
}

var (
	parenRE = lazy(`^(.*?)\s*\(([^()]*)\)$`)
	marksRE = lazy(`[\s*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$`)
)

// rowName splits a row label into the country's name and the text in
// parentheses after it: "Albania   (Leks)" is Albania and Leks;
// "Czechia*" is Czechia (the * refers to a note).
func rowName(label string) (name, paren string) {
	name = clean(label)
	if m := parenRE.FindStringSubmatch(name); m != nil {
		name, paren = m[1], clean(m[2])
	}
	name = marksRE.ReplaceAllString(name, "")
	return clean(name), paren
}

// row reads one row of figures: a country's or an aggregate's.
func (imp *importer) row(s *series, r xlsx.Row, lab xlsx.Cell, vals map[int]xlsx.Cell) error {
	t := s.t
	name, paren := rowName(lab.Text)
	group, isAgg := lookup().aggregates[norm(name)]
	var code string
	if !isAgg {
		c, ok := imp.ds.LookupCountry(name)
		if !ok {
			return fmt.Errorf("%s: unknown country %s (expected a country of the countries file, by its name or an alias; add NATO's spelling as an alias in data/countries.yaml)", t.at(lab.Ref), quote(name))
		}
		code = c.Code
		ncu := s.key == "defence_ncu_m" || s.key == "defence_const_ncu_m"
		if err := imp.currency(t, lab, code, paren, ncu); err != nil {
			return err
		}
	}
	id := code
	if isAgg {
		id = group
	}
	if prev, dup := s.rowAt[id]; dup {
		return fmt.Errorf("%s: %s is listed twice in this section of table %s (also at cell %s)", t.at(lab.Ref), name, quote(t.name), prev)
	}
	s.rowAt[id] = lab.Ref
	m := measureOf(s.key)
	out := map[int]figure{}
	for _, col := range sortedKeys(t.years) {
		y := t.years[col]
		c, ok := vals[col]
		if !ok {
			c = xlsx.Cell{Ref: colName(col) + strconv.Itoa(r.Index)}
		}
		v, known, err := t.number(c, "a figure of "+m.label)
		if err != nil {
			return err
		}
		if !isAgg {
			s.minRow, s.maxRow = min(s.minRow, r.Index), max(s.maxRow, r.Index)
			s.minCol, s.maxCol = min(s.minCol, col), max(s.maxCol, col)
		}
		if !known {
			if !isAgg {
				s.blanks++
			}
			continue
		}
		if v, err = t.converted(c, v, m.unit, s.factor, "a figure of "+m.label); err != nil {
			return err
		}
		if v < 0 && s.key != "real_change_pct" {
			return fmt.Errorf("%s: %s is negative (expected %s of at least 0)", t.at(c.Ref), strconv.FormatFloat(v, 'f', -1, 64), m.label)
		}
		out[y.year] = figure{v: v, est: y.estimate, ref: c.Ref}
	}
	if isAgg {
		s.aggs[group], s.aggLabel[group] = out, clean(lab.Text)
	} else {
		s.values[code] = out
	}
	return nil
}

// currency reads the currency a row names in parentheses: "Albania
// (Leks)". Table 1's rows (ncu) must name one; in every table, a currency
// named must be the one the country's other rows name, and the one the
// data's releases give the country (Release.Currencies), if any does, or
// the euro if the country adopted it within the table's years.
func (imp *importer) currency(t *table, lab xlsx.Cell, code, paren string, ncu bool) error {
	if paren == "" {
		if ncu {
			return fmt.Errorf("%s: %s names no currency (expected the country and its currency, such as \"Albania (Leks)\")", t.at(lab.Ref), quote(lab.Text))
		}
		return nil
	}
	key := norm(paren)
	cur, ok := lookup().currencyNames[key]
	if !ok {
		cur, ok = lookup().currencyByCountry[key][code]
	}
	if !ok {
		if ncu {
			return fmt.Errorf("%s: unknown currency %s (expected a currency name such as Euros, Leks, Kroner)", t.at(lab.Ref), quote(paren))
		}
		return nil // a note's mark, such as (a)
	}
	if prev, seen := imp.named[code]; seen && prev != cur {
		return fmt.Errorf("%s: currency %s, where cell %s gives %s (expected one currency per country)", t.at(lab.Ref), cur, imp.namedAt[code], prev)
	}
	if known, rel := imp.knownCurrency(code, t.lastYear()); known != "" && known != cur && !t.adoptedEuro(code, cur) {
		return fmt.Errorf("%s: %s names %s (%s), but the data gives %s the currency %s (release %s): refused (expected the currency of the country; if it changed, the data's releases must say so first)",
			t.at(lab.Ref), quote(lab.Text), cur, quote(paren), imp.name(code), known, rel)
	}
	imp.named[code], imp.namedAt[code] = cur, lab.Ref
	if ncu {
		imp.currencies[code] = cur
	}
	return nil
}

// lastYear is the last year of the table's columns, 0 when it has none.
func (t *table) lastYear() int {
	last := 0
	for _, y := range t.years {
		last = max(last, y.year)
	}
	return last
}

// adoptedEuro reports whether a row's currency is the euro that the
// country adopted within the years of the table: NATO then gives all its
// years in euros (Croatia, from 2023, in the June 2024 tables).
func (t *table) adoptedEuro(code, cur string) bool {
	since, ok := lookup().euroSince[code]
	if !ok || cur != "EUR" {
		return false
	}
	for _, y := range t.years {
		if y.year >= since {
			return true
		}
	}
	return false
}

// knownCurrency returns the currency the data's releases give a country
// (the latest published that gives one) and that release's id. For a table
// whose years all precede the country's adoption of the euro (last, its
// last year), only releases whose years do too count: NATO gives a
// country's whole series in euros once it has adopted them (Bulgaria in
// the 2026 release, 2014-2026), and in its own currency before (leva in
// June 2024).
func (imp *importer) knownCurrency(code string, last int) (string, string) {
	since, adopts := lookup().euroSince[code]
	cur, id, date := "", "", ""
	for _, rid := range sortedKeys(imp.ds.Releases) {
		r := imp.ds.Releases[rid]
		if adopts && last != 0 && last < since && r.LatestYear() >= since {
			continue
		}
		if c, ok := r.Currencies[code]; ok && (id == "" || r.Published > date) {
			cur, id, date = c, rid, r.Published
		}
	}
	return cur, id
}

// colName is a column's letters: 1 is A, 27 is AA.
func colName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// round rounds to d decimals (the decimal nearest to the binary value),
// without a negative zero.
func round(v float64, d int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	return r + 0
}

// close reports whether two full-precision figures are the same number
// (the workbook repeats figures between tables, and sums them, in binary).
func close(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// checkAggregates compares NATO's aggregates that are sums with the sum of
// the allies of the year.
func (imp *importer) checkAggregates() {
	n := 0
	defer func() {
		imp.count("NATO's aggregates that are sums against the allies of each year (members of the time)", n)
	}()
	for _, m := range measures {
		s := imp.series[m.key]
		if s == nil {
			continue
		}
		for _, group := range sortedKeys(s.aggs) {
			for _, y := range sortedKeys(s.aggs[group]) {
				pub := s.aggs[group][y]
				if !m.additive {
					continue // checkAggregateRatios, countUnchecked
				}
				if _, ok := imp.ds.Groups[group]; !ok {
					imp.difference("%s %d (sheet %s, cell %s): not checked, the data has no group %s", s.aggLabel[group], y, s.t.sheet, pub.ref, group)
					continue
				}
				sum := 0.0
				for _, code := range imp.ds.MembersIn(group, y) {
					if f, ok := s.values[code][y]; ok {
						sum += f.v
					}
				}
				n++
				if !close(sum, pub.v) {
					imp.difference("%s of %s in %d (sheet %s, cell %s) is %s; the allies of %d add up to %s (difference %s)",
						s.aggLabel[group], m.key, y, s.t.sheet, pub.ref, fixed(pub.v, m.decimals), y, fixed(sum, m.decimals), fixed(pub.v-sum, m.decimals))
				}
			}
		}
	}
}

func fixed(v float64, d int) string { return strconv.FormatFloat(round(v, d), 'f', d, 64) }

var (
	periodChangeRE = lazy(`real change (\d{4})-(\d{4})e?`)
	shareYearRE    = lazy(`share of real gdp (\d{4})e?`)
)

// checkTables compares the tables that repeat other tables' figures
// (Table 4: constant-price defence of two years, their real change, and
// the shares of GDP) with the figures imported, each read in its table's
// unit and number format.
func (imp *importer) checkTables() {
	n := 0
	for _, t := range imp.checks {
		cons, share := imp.series["defence_const_musd"], imp.series["share_pct"]
		scale, err := t.factor(unitUSD, "defence at constant prices")
		if err != nil {
			imp.difference("%v: its figures are not compared", err)
			continue
		}
		for _, r := range t.rows[t.header+1:] {
			lab, ok := t.label(r)
			if !ok || len(t.values(r)) == 0 {
				continue
			}
			name, _ := rowName(lab.Text)
			if _, agg := lookup().aggregates[norm(name)]; agg {
				continue
			}
			c, ok := imp.ds.LookupCountry(name)
			if !ok {
				imp.difference("%s: unknown country %s: its row is not checked", t.at(lab.Ref), quote(name))
				continue
			}
			cells := map[int]xlsx.Cell{}
			for _, cell := range r.Cells {
				cells[cell.Col] = cell
			}
			compare := func(cell xlsx.Cell, want figure, have bool, what string, k unitKind, f factor) {
				v, known, err := t.number(cell, what)
				if err == nil && known {
					v, err = t.converted(cell, v, k, f, what)
				}
				switch {
				case err != nil:
					imp.difference("%v", err)
				case !known && !have:
				case known != have || !close(v, want.v):
					n++
					imp.difference("%s: %s of %s is %s here, %s at cell %s", t.at(cell.Ref), what, c.Name, show(v, known), show(want.v, have), want.ref)
				default:
					n++
				}
			}
			for _, col := range sortedKeys(t.years) {
				y := t.years[col]
				if cons != nil {
					want, have := cons.values[c.Code][y.year]
					compare(cellAt(cells, col, r.Index), want, have, fmt.Sprintf("defence at constant prices in %d", y.year), unitUSD, scale)
				}
			}
			for _, col := range sortedKeys(t.extra) {
				h := norm(t.extra[col])
				if m := shareYearRE.FindStringSubmatch(h); m != nil && share != nil {
					y, _ := strconv.Atoi(m[1])
					want, have := share.values[c.Code][y]
					compare(cellAt(cells, col, r.Index), want, have, fmt.Sprintf("the share of GDP in %d", y), unitPercent, one)
				}
				if m := periodChangeRE.FindStringSubmatch(h); m != nil && cons != nil {
					y1, _ := strconv.Atoi(m[1])
					y2, _ := strconv.Atoi(m[2])
					a, okA := cons.values[c.Code][y1]
					b, okB := cons.values[c.Code][y2]
					var want figure
					if okA && okB && a.v != 0 {
						want = figure{v: 100 * (b.v/a.v - 1), ref: a.ref + " and " + b.ref}
					}
					compare(cellAt(cells, col, r.Index), want, okA && okB && a.v != 0, fmt.Sprintf("the real change %d-%d", y1, y2), unitPercent, one)
				}
			}
		}
	}
	imp.count("Table 4's figures against the tables that give them", n)
}

func cellAt(cells map[int]xlsx.Cell, col, row int) xlsx.Cell {
	if c, ok := cells[col]; ok {
		return c
	}
	return xlsx.Cell{Ref: colName(col) + strconv.Itoa(row)}
}

func show(v float64, known bool) string {
	if !known {
		return "blank"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func sortedKeys[K string | int, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// release builds the release from the series read.
func (imp *importer) release(opt Options) (*defence.Release, error) {
	r := (&defence.Release{ID: opt.ID, Series: defence.SeriesDefence, Publisher: "NATO", Title: opt.Title,
		Published: opt.Published, Cutoff: opt.Cutoff, URL: opt.URL, Via: opt.Via, Definition: opt.Definition, PriceBasis: opt.PriceBasis,
		SourceFile: imp.wb.Name, SourceSHA256: imp.wb.SHA256,
		ConstantYear: imp.baseYear}).SetFigures(map[string]map[int]defence.Figure{})
	dateNote := ""
	if r.Published == "" {
		m := fileDateRE.FindStringSubmatch(imp.wb.Name)
		if m == nil {
			return nil, errors.New("the workbook prints no date and its name does not start with one (NATO names its files YYMMDD-...): give the date of publication (--published YYYY-MM-DD)")
		}
		r.Published = "20" + m[1] + "-" + m[2] + "-" + m[3]
		dateNote = fmt.Sprintf("The workbook prints no date: published (%s) is the date in its file name (NATO names its files YYMMDD-...).", r.Published)
	}
	first, last := math.MaxInt, 0
	var aggs map[string]map[int]defence.Figure // NATO's aggregate rows, by group and year; nil: none
	for _, m := range measures {
		s := imp.series[m.key]
		if s == nil {
			imp.res.Missing = append(imp.res.Missing, m.key+" ("+m.label+")")
			continue
		}
		info := Series{Key: m.key, Label: m.label, Sheet: s.t.sheet, Title: s.t.name, TitleRef: s.t.title.Ref, Unit: s.t.unit,
			Section: clean(s.heading.Text), SectionRef: s.heading.Ref, Countries: len(s.values), Blanks: s.blanks}
		if s.maxRow > 0 {
			info.Range = fmt.Sprintf("%s%d:%s%d", colName(s.minCol), s.minRow, colName(s.maxCol), s.maxRow)
		}
		years := map[int]bool{}
		for _, y := range s.t.years {
			years[y.year] = true
			info.FirstYear, info.LastYear = minNonZero(info.FirstYear, y.year), max(info.LastYear, y.year)
		}
		info.Years = len(years)
		first, last = min(first, info.FirstYear), max(last, info.LastYear)
		for code, ys := range s.values {
			for y, f := range ys {
				cells := r.Cells()[code]
				if cells == nil {
					cells = map[int]defence.Figure{}
					r.Cells()[code] = cells
				}
				cell := cells[y]
				dataset.SetCell(&cell, m.key, defence.N(round(f.v, m.decimals)))
				cell.Estimate = cell.Estimate || f.est
				cells[y] = cell
				info.Figures++
				if f.est {
					info.Estimates++
				}
			}
		}
		// NATO's aggregate rows, as printed (members of the year), kept
		// beside the allies' figures, never in place of their sums.
		for group, ys := range s.aggs {
			if _, ok := imp.ds.Groups[group]; !ok {
				continue // reported by checkAggregates where it is a sum
			}
			if aggs == nil {
				aggs = map[string]map[int]defence.Figure{}
			}
			cells := aggs[group]
			if cells == nil {
				cells = map[int]defence.Figure{}
				aggs[group] = cells
			}
			for y, f := range ys {
				cell := cells[y]
				dataset.SetCell(&cell, m.key, defence.N(round(f.v, m.decimals)))
				cell.Estimate = cell.Estimate || f.est
				cells[y] = cell
			}
		}
		imp.res.Series = append(imp.res.Series, info)
	}
	r.SetAggregates(aggs)
	if len(r.Cells()) == 0 {
		return nil, errors.New("the tables hold no figures")
	}
	for code, cur := range imp.currencies {
		if _, ok := r.Cells()[code]; ok {
			if r.Currencies == nil {
				r.Currencies = map[string]string{}
			}
			r.Currencies[code] = cur
		}
	}
	if r.Title == "" {
		r.Title = fmt.Sprintf("NATO defence expenditure tables (%d-%d), workbook %s", first, last, imp.wb.Name)
	}
	if r.URL == "" {
		r.URL = imp.wb.Name
	}
	if r.PriceBasis == "" {
		r.PriceBasis = "as NATO's tables give them (docs/data.md): *_musd at current prices and exchange rates, *_const_* at constant prices and exchange rates of constant_year, *_ncu_m in national currency (currencies); share_pct as published by NATO, computed from real (constant-price) figures"
	}
	r.Notes = append(slices.Clone(opt.Notes), imp.provenance(dateNote)...)
	return r, nil
}

func minNonZero(a, b int) int {
	if a == 0 {
		return b
	}
	return min(a, b)
}

// provenance writes the notes that say where every series came from.
func (imp *importer) provenance(dateNote string) []string {
	res := imp.res
	out := []string{fmt.Sprintf("Imported by natospend import nato from NATO's workbook %s (SHA-256 %s).", imp.wb.Name, imp.wb.SHA256)}
	if dateNote != "" {
		out = append(out, dateNote)
	}
	for _, s := range res.Series {
		line := fmt.Sprintf("%s: sheet %s, table %q (cell %s", s.Key, s.Sheet, s.Title, s.TitleRef)
		if s.Unit != "" {
			line += fmt.Sprintf("; %q", s.Unit)
		}
		line += ")"
		if s.Section != "" {
			line += fmt.Sprintf(", section %q (cell %s)", s.Section, s.SectionRef)
		}
		if s.Range != "" {
			line += ", cells " + s.Range
		}
		out = append(out, line+".")
	}
	if len(res.Missing) > 0 {
		out = append(out, "Not in this workbook (absent, unknown): "+strings.Join(res.Missing, "; ")+".")
	}
	out = append(out, "Estimates: the cells of the years NATO's headers mark e (2023e) have estimate: true. A blank in NATO's tables is absent here (unknown, not zero).")
	rounding := map[int][]string{}
	for _, m := range measures {
		rounding[m.decimals] = append(rounding[m.decimals], m.key)
	}
	var parts []string
	for _, d := range sortedKeys(rounding) {
		parts = append(parts, fmt.Sprintf("%d decimals: %s", d, strings.Join(rounding[d], ", ")))
	}
	out = append(out, "Figures are rounded from the workbook's full precision to the nearest: "+strings.Join(parts, "; ")+".")
	if res.Checked > 0 || len(res.Differences) > 0 {
		parts := make([]string, len(res.Checks))
		for i, c := range res.Checks {
			parts[i] = fmt.Sprintf("%s: %d", c.What, c.Checked)
		}
		line := fmt.Sprintf("The tables were checked against each other, %d comparisons (%s)", res.Checked, strings.Join(parts, "; "))
		if n := len(res.Differences) + res.Unlisted; n == 0 {
			line += ": no difference beyond rounding."
		} else {
			line += fmt.Sprintf(": %d differences beyond rounding, imported anyway (import nato --accept-differences): the figures of the cells they name may not be what NATO printed.", n)
		}
		out = append(out, line)
		for _, d := range res.Differences {
			out = append(out, "Difference: "+d+".")
		}
		if res.Unlisted > 0 {
			out = append(out, fmt.Sprintf("Difference: %d more, not listed.", res.Unlisted))
		}
	}
	if res.Unchecked > 0 {
		out = append(out, fmt.Sprintf("%d figures of NATO's aggregates are ratios (shares, real change, per capita) that no check compared: read, not checked.", res.Unchecked))
	}
	out = append(out, imp.footnotes...)
	if imp.notesLeft > 0 {
		out = append(out, fmt.Sprintf("%d more of NATO's notes are not copied here (the importer copies at most %d bytes of them).", imp.notesLeft, maxNotes))
	}
	for _, ig := range res.Ignored {
		out = append(out, "Not imported: "+ig+".")
	}
	return out
}

// validate loads the encoded release as natospend would, so that a file
// the importer writes always loads.
func (imp *importer) validate() error {
	var countries, rel bytes.Buffer
	cs := make([]defence.Country, 0, len(imp.ds.Countries))
	for _, code := range imp.ds.CountryCodes() {
		cs = append(cs, imp.ds.Countries[code])
	}
	if err := dataset.EncodeCountries(&countries, dataset.Head{}, cs); err != nil {
		return err
	}
	srcs := []dataset.Source{{Name: "countries.yaml", Data: countries.Bytes()}}
	if len(imp.ds.Groups) > 0 {
		var groups bytes.Buffer
		gs := make([]defence.Group, 0, len(imp.ds.Groups))
		for _, id := range imp.ds.GroupIDs() {
			gs = append(gs, imp.ds.Groups[id])
		}
		if err := dataset.EncodeGroups(&groups, dataset.Head{}, gs); err != nil {
			return err
		}
		srcs = append(srcs, dataset.Source{Name: "groups.yaml", Data: groups.Bytes()})
	}
	if err := imp.res.Encode(&rel, ""); err != nil {
		return err
	}
	_, err := dataset.Load(srcs, []dataset.Source{{Name: imp.res.Release.ID + ".yaml", Data: rel.Bytes()}})
	if err != nil {
		return fmt.Errorf("the release would not load: %w", err)
	}
	return nil
}

// Summary writes what was imported: per measure, countries x years,
// figures, estimates and blanks; the checks of NATO's aggregates; what
// was not imported.
func (r *Result) Summary(w io.Writer) {
	fmt.Fprintf(w, "Release %s: %d countries, %d country-years.\n", r.Release.ID, len(r.Release.Cells()), r.Release.CountryYears())
	for _, s := range r.Series {
		fmt.Fprintf(w, "  %s (%s %s): %d countries x %d years %d-%d, %d figures, %d estimates, %d blanks\n",
			s.Key, s.Sheet, s.Range, s.Countries, s.Years, s.FirstYear, s.LastYear, s.Figures, s.Estimates, s.Blanks)
	}
	for _, m := range r.Missing {
		fmt.Fprintf(w, "  not in the workbook: %s\n", m)
	}
	if r.Checked > 0 || len(r.Differences) > 0 {
		if n := len(r.Differences) + r.Unlisted; n > 0 {
			fmt.Fprintf(w, "Cross-checks of the tables: %d comparisons, %d differ beyond rounding (accepted: --accept-differences):\n", r.Checked, n)
		} else {
			fmt.Fprintf(w, "Cross-checks of the tables: %d comparisons, no difference beyond rounding:\n", r.Checked)
		}
		for _, c := range r.Checks {
			fmt.Fprintf(w, "  %d: %s\n", c.Checked, c.What)
		}
		for _, d := range r.Differences {
			fmt.Fprintf(w, "  differs: %s\n", d)
		}
		if r.Unlisted > 0 {
			fmt.Fprintf(w, "  differs: %d more, not listed\n", r.Unlisted)
		}
	}
	for _, ig := range r.Ignored {
		fmt.Fprintf(w, "Not imported: %s\n", ig)
	}
}
