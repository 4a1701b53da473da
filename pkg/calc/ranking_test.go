package calc

import (
	"slices"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// The one direction of every --sort: largest first, unknown last; reverse
// turns the known round and keeps unknown last; names A to Z.
func TestRanked(t *testing.T) {
	u := defence.Num{}
	nums := []defence.Num{defence.N(1.61), u, defence.N(5.33), defence.N(2.69), u, defence.N(-3)}
	for _, c := range []struct {
		reverse bool
		want    []float64
	}{
		{false, []float64{5.33, 2.69, 1.61, -3}},
		{true, []float64{-3, 1.61, 2.69, 5.33}},
	} {
		s := slices.Clone(nums)
		slices.SortStableFunc(s, func(a, b defence.Num) int { return Ranked(a, b, c.reverse) })
		var got []float64
		for _, n := range s[:4] {
			got = append(got, n.V)
		}
		if !slices.Equal(got, c.want) || s[4].Known || s[5].Known {
			t.Errorf("reverse %v: %v", c.reverse, s)
		}
	}
	if RankedNames("Austria", "Belgium", false) >= 0 || RankedNames("Austria", "Belgium", true) <= 0 {
		t.Error("names: A to Z, reverse Z to A")
	}
	for _, c := range []struct {
		word    string
		reverse bool
		want    string
	}{
		{"share", false, "largest first"}, {"share", true, "smallest first"},
		{"gap", false, "largest shortfall first"}, {"gap", true, "largest surplus first"},
		{"name", false, "A to Z"}, {"name", true, "Z to A"},
	} {
		if got := OrderWords(c.word, c.reverse); got != c.want {
			t.Errorf("OrderWords(%s, %v) = %q, want %q", c.word, c.reverse, got, c.want)
		}
	}
}
