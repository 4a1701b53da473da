package render

import (
	"slices"
)

// Spec declares one field of a report, once: its machine key (the CSV/TSV
// header and the JSON key), its title in the human table, its kind and how
// to get its value from a row. A report's human table, its CSV/TSV rows and
// its JSON rows all derive from one []Spec, so that they cannot disagree.
type Spec[R any] struct {
	// Key is the machine key; "" leaves the field out of CSV, TSV and JSON.
	// Keys are a contract: only ever added, at the end.
	Key string
	// Title is the human table's column title; "" leaves the field out of
	// the table (and Markdown).
	Title    string
	Kind     Kind
	Decimals int    // Number only: decimals in the table
	TrueText string // Bool only: what the table prints for true
	// Get returns the row's value (Cell rules: text for String, else a
	// number or unknown).
	Get func(R) Cell
	// Show, when set, is what the human table shows instead of Get (the
	// same value with a mark, say). It must suit Kind.
	Show func(R) Cell
	// Drop is the field's rank in what a terminal table too narrow for it
	// leaves out (Column.Drop: 0 never, the lowest first); Short, a
	// shorter title it uses first (Column.Short). Declared here, with the
	// field, for every command's table.
	Drop  int
	Short string
	// Exact keeps the field's decimals in a narrow terminal (Column.Exact).
	Exact bool
	// Sort, when set, is the word --sort takes to order the rows by the
	// field (see SortRows): the same word for the same figure in every
	// command (share, defence, gdp, change...).
	Sort string
}

// SortWords lists the words of the sortable fields, in order, each once.
func SortWords[R any](fields []Spec[R]) []string {
	var out []string
	for _, f := range fields {
		if f.Sort != "" && !slices.Contains(out, f.Sort) {
			out = append(out, f.Sort)
		}
	}
	return out
}

// SortRows orders rows, in place and stably, by the first field whose Sort
// is word, as compare orders two of its cells (text tells a String
// field's, compared by Text, from a number's, by Known and Num): the one
// direction of every --sort is declared by the caller's rule (calc.Ranked
// and calc.RankedNames), not here. It reports whether a field takes the
// word.
func SortRows[R any](fields []Spec[R], rows []R, word string, compare func(x, y Cell, text bool) int) bool {
	i := slices.IndexFunc(fields, func(f Spec[R]) bool { return f.Sort == word })
	if i < 0 {
		return false
	}
	f := fields[i]
	slices.SortStableFunc(rows, func(a, b R) int {
		return compare(f.Get(a), f.Get(b), f.Kind == String)
	})
	return true
}

func (f Spec[R]) column(machine bool) Column {
	c := Column{Kind: f.Kind, Decimals: f.Decimals, TrueText: f.TrueText}
	if machine {
		c.Key = f.Key
	} else {
		c.Title, c.Drop, c.Short, c.Exact = f.Title, f.Drop, f.Short, f.Exact
	}
	return c
}

// MachineTable is the CSV/TSV form of rows: the fields with a Key, in order.
func MachineTable[R any](fields []Spec[R], rows []R) *Table {
	t := &Table{}
	var use []Spec[R]
	for _, f := range fields {
		if f.Key != "" {
			use = append(use, f)
			t.Columns = append(t.Columns, f.column(true))
		}
	}
	for _, r := range rows {
		cells := make([]Cell, len(use))
		for i, f := range use {
			cells[i] = f.Get(r)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Objects are the JSON rows: one ordered object per row, the same keys and
// values as the CSV (see RowObject).
func Objects[R any](fields []Spec[R], rows []R) []Object {
	mt := MachineTable(fields, rows)
	out := make([]Object, 0, len(mt.Rows))
	for _, cells := range mt.Rows {
		out = append(out, RowObject(mt.Columns, cells))
	}
	return out
}

// HumanTable is the table form of rows: the fields with a Title, in order.
// footer, when not nil, gives the footer cell of a field by its index in
// fields (ok false: an empty cell).
func HumanTable[R any](title string, fields []Spec[R], rows []R, footer func(i int) (Cell, bool), notes []string) *Table {
	t := &Table{Title: title, Notes: notes}
	var use []int
	for i, f := range fields {
		if f.Title != "" {
			use = append(use, i)
			t.Columns = append(t.Columns, f.column(false))
		}
	}
	for _, r := range rows {
		cells := make([]Cell, len(use))
		for j, i := range use {
			f := fields[i]
			if f.Show != nil {
				cells[j] = f.Show(r)
			} else {
				cells[j] = f.Get(r)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	if footer != nil {
		t.Footer = make([]Cell, len(use))
		for j, i := range use {
			if c, ok := footer(i); ok {
				t.Footer[j] = c
			} else if fields[i].Kind == String {
				t.Footer[j] = T("")
			} else {
				t.Footer[j] = U()
			}
		}
	}
	return t
}
