package render

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

type sortRow struct {
	name string
	v    float64
	ok   bool
}

// SortRows orders by the field of the word, as the compare given (here:
// numbers from the largest down, unknown values last; text from A to Z),
// ties kept in their order; an unknown word is refused.
func TestSortRows(t *testing.T) {
	fs := []Spec[sortRow]{
		{Key: "name", Sort: "name", Get: func(r sortRow) Cell { return T(r.name) }},
		{Key: "v", Kind: Percent, Sort: "v", Get: func(r sortRow) Cell { return Opt(r.v, r.ok) }},
		{Key: "w", Kind: Percent, Get: func(r sortRow) Cell { return N(r.v) }},
	}
	rows := []sortRow{{"b", 1, true}, {"a", 0, false}, {"d", 3, true}, {"c", 1, true}, {"e", -2, true}}
	compare := func(x, y Cell, text bool) int {
		switch {
		case text:
			return strings.Compare(x.Text, y.Text)
		case x.Known != y.Known:
			if x.Known {
				return -1
			}
			return 1
		}
		return cmp.Compare(y.Num, x.Num)
	}
	names := func() []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.name)
		}
		return out
	}
	if !SortRows(fs, rows, "v", compare) {
		t.Fatal("v refused")
	}
	if got, want := names(), []string{"d", "b", "c", "e", "a"}; !slices.Equal(got, want) {
		t.Errorf("by v: %v, want %v", got, want)
	}
	SortRows(fs, rows, "name", compare)
	if got, want := names(), []string{"a", "b", "c", "d", "e"}; !slices.Equal(got, want) {
		t.Errorf("by name: %v, want %v", got, want)
	}
	if SortRows(fs, rows, "w", compare) {
		t.Error("a field without Sort took its key as a sort word")
	}
	if got := SortWords(fs); !slices.Equal(got, []string{"name", "v"}) {
		t.Errorf("SortWords %v", got)
	}
}
