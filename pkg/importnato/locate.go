package importnato

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/xlsx"
)

// norm is text as the importer compares it: lower case, every run of
// white space (no-break spaces too) one space, trimmed.
func norm(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), isSpace), " ")
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u202f', '\u2009', '\u200b':
		return true
	}
	return false
}

// clean is a cell's text for a message or a note: white space as norm
// makes it, case kept.
func clean(s string) string { return strings.Join(strings.FieldsFunc(s, isSpace), " ") }

var (
	titleRE    = lazy(`^table ?([0-9]+[a-z]?) ?: ?(.+)$`)
	yearTextRE = lazy(`^'?(\d{4}) ?(e?)$`)
	pageRE     = lazy(`^[-–] ?\d+ ?[-–]$`)
	baseYearRE = lazy(`(\d{4}) prices`)
)

// newBlankTexts returns what a table may print where it has no figure
// (lookup().blankTexts).
func newBlankTexts() map[string]bool {
	return map[string]bool{"-": true, "–": true, "—": true, "..": true, "...": true, "…": true, "n.a.": true, "n/a": true, "na": true}
}

// table is one of NATO's tables found in a sheet: the rows from its title
// to the next title or the end of the sheet.
type table struct {
	sheet    string
	title    xlsx.Cell // the title cell
	name     string    // the title as printed, white space cleaned
	subject  string    // the title without "Table N :", normalised
	unit     string    // the unit row as printed, cleaned ("" if none)
	unitRef  string    // its cell
	kind     *tableKind
	header   int          // index in rows of the year header row
	years    map[int]year // by column
	extra    map[int]string
	firstCol int // the leftmost year column
	rows     []xlsx.Row
}

// year is a column of year figures.
type year struct {
	year     int
	estimate bool
	ref      string // the header cell
}

// yearOf reads a year header: a whole number from 1949 to 2100, or text
// such as 2019, '2019 or 2023e (e: an estimate).
func yearOf(c xlsx.Cell) (year, bool) {
	switch c.Type {
	case xlsx.Number:
		if classify(c.Format) == formatDate {
			return year{}, false // a day shown as its year: checkHeader refuses it
		}
		if c.Num == math.Trunc(c.Num) && c.Num >= 1949 && c.Num <= 2100 {
			return year{year: int(c.Num), ref: c.Ref}, true
		}
	case xlsx.Text:
		if m := yearTextRE.FindStringSubmatch(norm(c.Text)); m != nil {
			y, _ := strconv.Atoi(m[1])
			if y >= 1949 && y <= 2100 {
				return year{year: y, estimate: m[2] != "", ref: c.Ref}, true
			}
		}
	}
	return year{}, false
}

// findTables finds the tables of a sheet by their title cells: each
// spans the rows from its title to the next title, or the sheet's end.
func findTables(sh Sheet) []*table {
	var out []*table
	var starts []int
	for i, r := range sh.Rows {
		for _, c := range r.Cells {
			if c.Type != xlsx.Text {
				continue
			}
			if m := titleRE.FindStringSubmatch(norm(c.Text)); m != nil {
				starts = append(starts, i)
				out = append(out, &table{sheet: sh.Name, title: c, name: clean(c.Text), subject: m[2]})
				break
			}
		}
	}
	for k, t := range out {
		end := len(sh.Rows)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		t.rows = sh.Rows[starts[k]:end]
	}
	return out
}

func (t *table) at(ref string) string {
	return fmt.Sprintf("sheet %s, cell %s", t.sheet, ref)
}

// layout finds the unit row and the row of year headers.
func (t *table) layout() error {
	for i, r := range t.rows[1:] {
		years := map[int]year{}
		extra := map[int]string{}
		texts := 0
		var firstText, firstRef string
		for _, c := range r.Cells {
			if y, ok := yearOf(c); ok {
				years[c.Col] = y
				continue
			}
			if c.Type == xlsx.Text {
				texts++
				if firstText == "" {
					firstText, firstRef = clean(c.Text), c.Ref
				}
				extra[c.Col] = clean(c.Text)
			}
		}
		if len(years) >= 2 {
			t.header, t.years = i+1, years
			t.firstCol = math.MaxInt
			seen := map[int]string{}
			for col, y := range years {
				t.firstCol = min(t.firstCol, col)
				if ref, dup := seen[y.year]; dup {
					return fmt.Errorf("%s: the year %d is also the header of cell %s (expected each year once)", t.at(y.ref), y.year, ref)
				}
				seen[y.year] = y.ref
			}
			for col := range extra {
				if col < t.firstCol {
					delete(extra, col)
				}
			}
			t.extra = extra
			return t.checkHeader(r)
		}
		if t.unit == "" && texts > 0 && len(r.Cells) == texts {
			t.unit, t.unitRef = firstText, firstRef
		}
	}
	return fmt.Errorf("%s: table %q has no row of years (expected a row of year headers such as 2014 ... 2024e below the title)", t.at(t.title.Ref), t.name)
}

// label is the row's label: its first text cell left of the year columns.
func (t *table) label(r xlsx.Row) (xlsx.Cell, bool) {
	for _, c := range r.Cells {
		if c.Col >= t.firstCol {
			break
		}
		if c.Type == xlsx.Text && norm(c.Text) != "" {
			return c, true
		}
	}
	return xlsx.Cell{}, false
}

// values returns the row's cells in year columns, by column.
func (t *table) values(r xlsx.Row) map[int]xlsx.Cell {
	out := map[int]xlsx.Cell{}
	for _, c := range r.Cells {
		if _, ok := t.years[c.Col]; ok {
			out[c.Col] = c
		}
	}
	return out
}

// number reads a figure: a number, or a blank (no cell, or one of the
// texts a table prints for none). Any other value is an error naming the
// cell.
func (t *table) number(c xlsx.Cell, what string) (float64, bool, error) {
	switch c.Type {
	case xlsx.Empty:
		return 0, false, nil
	case xlsx.Number:
		if math.IsNaN(c.Num) || math.IsInf(c.Num, 0) {
			return 0, false, fmt.Errorf("%s: %s is not a finite number", t.at(c.Ref), what)
		}
		return c.Num, true, nil
	case xlsx.Text:
		if s := norm(c.Text); s == "" || lookup().blankTexts[s] {
			return 0, false, nil
		}
		return 0, false, fmt.Errorf("%s: found the text %s where %s belongs (expected a number, or a blank)", t.at(c.Ref), strconv.Quote(clean(c.Text)), what)
	case xlsx.Error:
		return 0, false, fmt.Errorf("%s: found the error value %s where %s belongs (expected a number, or a blank)", t.at(c.Ref), c.Text, what)
	}
	return 0, false, fmt.Errorf("%s: found a %s where %s belongs (expected a number, or a blank)", t.at(c.Ref), c.Type, what)
}
