// Package render turns a simple typed table model into natospend's output
// formats: a terminal table and Markdown (Text), CSV/TSV for spreadsheets
// (CSV) and JSON (JSON). It knows nothing about defence spending: commands
// build a Table of typed cells and pick a format; all number formatting
// lives here.
//
// Every function renders into memory first and writes to w in one call, so
// an error never leaves half an output behind.
package render

import (
	"fmt"
	"math"
)

// Kind says what a column holds and so how its cells are printed.
type Kind int

// The column kinds. The text kind is called String, not Text, because Text
// is the name of the table renderer (the two cannot share a name in one
// package). It is the zero value, so a text column may leave Kind out.
const (
	// String: free text (Cell.Text). CSV/TSV pass it through GuardText.
	String Kind = iota
	// Int: a whole number such as a year. Table: no thousands separators,
	// rounded to a whole number. Machine formats: FormatMachine.
	Int
	// Money: million current USD. Machine formats print the number of
	// millions (FormatMachine); the table prints USD billions with one
	// decimal and thousands separators: 1474399.48 -> "1,474.4", and
	// "<0.1" for a value that is not zero but rounds to 0.0 (FormatBillions).
	Money
	// Percent: a percentage as a plain number (2.58 means 2.58 %). Table: two
	// decimals, no "%" sign. Machine formats: FormatMachine.
	Percent
	// Number: a plain number. Table: Column.Decimals decimals and thousands
	// separators, as for Money (FormatNumber). Machine formats:
	// FormatMachine (full precision).
	Number
	// Bool: a flag. Machine formats: "true"/"false". Table: Column.TrueText
	// for true (e.g. "e"), "" for false.
	Bool
)

var kindNames = [...]string{"string", "int", "money", "percent", "number", "bool"}

// String returns the kind's name ("money", ...), for messages.
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column describes one column of a Table.
type Column struct {
	Key      string // CSV/TSV header, e.g. "gdp_musd"
	Title    string // table header as printed (no auto-formatting), e.g. "GDP $bn"
	Kind     Kind
	Decimals int    // Number only: decimals in the table (negative counts as 0)
	TrueText string // Bool only: what the table prints for true, e.g. "e"
	// Drop is the column's rank in what a terminal table too wide for its
	// width leaves out (see TextOptions.Width): 0, never; else the columns
	// with the lowest Drop go first (1 before 2; on a tie, the rightmost).
	Drop int
	// Short is a shorter title a terminal table too wide for its width
	// uses before it leaves any column out ("Gap $bn" for "Gap uk-2027
	// 2.5% $bn" under a title naming the target); "": Title.
	Short string
	// Exact keeps a Money or Number column's decimals in a terminal too
	// narrow for the table (no fewer decimals): its last digits are the
	// point (a revision's old and new values).
	Exact bool
	// fewer is how many decimals a terminal table too wide for its width
	// leaves out of a Money or Number column (coarser): 0 or 1.
	fewer int
}

// Cell is one value. Which fields count depends on the column's Kind, never
// on how the cell was built:
//   - String columns print Text (Known and Num are ignored);
//   - all other kinds print Num when Known, and nothing ("" in CSV/TSV,
//     "-" in the table) when not. Text must be empty there: CSV and Text
//     reject a table with text in a non-String column.
//
// Mark is appended to the cell in the table (terminal and Markdown) only,
// e.g. "*" for "an earlier year is used" or "e" for an estimate; it is
// appended to unknown cells too ("-*"). CSV/TSV never show it.
type Cell struct {
	Text  string
	Num   float64
	Known bool
	Mark  string
}

// T returns a text cell. Only String columns print text: T("n/a") in any
// other column is an error (T("") there is just an unknown value).
func T(s string) Cell { return Cell{Text: s} }

// N returns a known number.
func N(v float64) Cell { return Cell{Num: v, Known: true} }

// U returns an unknown value.
func U() Cell { return Cell{} }

// B returns a known flag (Num is 1 for true, 0 for false).
func B(v bool) Cell {
	if v {
		return Cell{Num: 1, Known: true}
	}
	return Cell{Known: true}
}

// Opt returns N(v) when ok, else U().
func Opt(v float64, ok bool) Cell {
	if !ok {
		return U()
	}
	return N(v)
}

// Table is the model every format renders. Rows and Footer must have
// exactly len(Columns) cells (Footer may be empty: no footer).
//
// Title, Footer and Notes appear in the table formats only: CSV/TSV hold
// the rows alone, so that a spreadsheet SUM over a column equals the total
// a footer would show.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]Cell
	Footer  []Cell
	// MoreFooters are further total rows below Footer (a total per year),
	// each of len(Columns) cells; only with a Footer.
	MoreFooters [][]Cell
	Notes       []string
}

// validate checks the shape of t and that every known number is finite.
// CSV and Text call it before writing anything.
func validate(t *Table) error {
	if t == nil {
		return fmt.Errorf("render: nil table")
	}
	if len(t.Columns) == 0 {
		return fmt.Errorf("render: table %q has no columns", t.Title)
	}
	for i, c := range t.Columns {
		if c.Kind < String || c.Kind > Bool {
			return fmt.Errorf("render: column %d (%q) has unknown kind %d", i, c.Key, int(c.Kind))
		}
	}
	// where names row i (1-based) for messages; i == 0 is the footer.
	where := func(i int) string {
		if i == 0 {
			return "footer"
		}
		return fmt.Sprintf("row %d", i)
	}
	check := func(i int, row []Cell) error {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("render: %s has %d cells, want %d (one per column)", where(i), len(row), len(t.Columns))
		}
		for j, c := range row {
			col := t.Columns[j]
			if col.Kind == String {
				continue
			}
			if c.Text != "" {
				return fmt.Errorf("render: %s, column %q: text %q in a %v column (use U() for an unknown value)", where(i), col.Key, c.Text, col.Kind)
			}
			if c.Known && (math.IsNaN(c.Num) || math.IsInf(c.Num, 0)) {
				return fmt.Errorf("render: %s, column %q (%v): non-finite number %v", where(i), col.Key, col.Kind, c.Num)
			}
		}
		return nil
	}
	for i, row := range t.Rows {
		if err := check(i+1, row); err != nil {
			return err
		}
	}
	if len(t.Footer) > 0 {
		if err := check(0, t.Footer); err != nil {
			return err
		}
	}
	for _, f := range t.MoreFooters {
		if err := check(0, f); err != nil {
			return err
		}
	}
	return nil
}
