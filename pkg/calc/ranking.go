package calc

import (
	"cmp"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
)

// The one direction of every --sort, in every command (gap, path,
// history, aid): a figure ranks from the largest down (a ranking: the top
// 5 spenders; gap, the largest shortfall first), a name from A to Z. A
// reverse order (--reverse) turns either round. Unknown figures and
// countries without data come last either way: a ranking reversed is
// still a ranking of what is known, and unknown is never 0.

// Ranked compares two figures in a ranking: -1 when a goes before b. The
// larger first (reverse: the smaller), unknown last either way; 0 on a
// tie.
func Ranked(a, b defence.Num, reverse bool) int {
	switch {
	case a.Known != b.Known:
		if a.Known {
			return -1
		}
		return 1
	case !a.Known:
		return 0
	case reverse:
		return cmp.Compare(a.V, b.V)
	}
	return cmp.Compare(b.V, a.V)
}

// RankedNames compares two names: A to Z (reverse: Z to A).
func RankedNames(a, b string, reverse bool) int {
	if reverse {
		return strings.Compare(b, a)
	}
	return strings.Compare(a, b)
}

// OrderWords says in words how --sort word orders rows, for notes and
// help: "largest first", "smallest first", "A to Z", "Z to A"; the gap,
// "largest shortfall first" or "largest surplus first".
func OrderWords(word string, reverse bool) string {
	switch {
	case word == "name" && reverse:
		return "Z to A"
	case word == "name":
		return "A to Z"
	case word == "gap" && reverse:
		return "largest surplus first"
	case word == "gap":
		return "largest shortfall first"
	case reverse:
		return "smallest first"
	}
	return "largest first"
}
