package dataset

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem found in a data file.
type Error struct {
	File  string // Source.Name: a path, or "embedded:countries.yaml"
	Line  int    // 1-based; 0 when the problem has no line (the file as a whole)
	Field string // path of the field, such as figures.DEU.2024.share_pct; may be empty
	Msg   string // what was found and what was expected
}

// Error formats the error as "file:line: field: msg", leaving out the parts
// that are empty or zero.
func (e *Error) Error() string {
	var b strings.Builder
	if printable(e.File) {
		b.WriteString(e.File)
	} else {
		b.WriteString(strconv.Quote(e.File)) // a file name may hold an escape sequence
	}
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(e.Line))
	}
	for _, s := range [2]string{e.Field, e.Msg} {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// Errors is every problem found while reading or loading data files.
type Errors []*Error

// Error returns one line per error, sorted by file then line.
func (es Errors) Error() string {
	sorted := slices.Clone(es)
	sortErrors(sorted)
	var b strings.Builder
	for i, e := range sorted {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors, for errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// sortErrors sorts by file then line, keeping the order in which the errors
// were found for errors on the same line.
func sortErrors(es Errors) {
	slices.SortStableFunc(es, func(a, b *Error) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
}
