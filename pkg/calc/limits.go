package calc

import "github.com/natospend/natospend/pkg/defence"

// MaxRows is the most rows a report may have: countries x measures (a
// target, or a part of one), over every year and release asked. A run
// holds every row in memory before it writes any (about 8 KB a row at the
// peak, in xlsx: docs/performance.md), so the cap keeps a run within
// 1 GiB; the command refuses a larger query before computing anything.
const MaxRows = 100_000

// Rows is the number of rows Compute gives for q: one per country and
// measure (a target with a resilience part gives three: Measures; a
// target of the equipment share one).
func Rows(q *Query) int {
	n := 0
	for _, t := range q.Targets {
		if t.OfDefence() {
			n++
			continue
		}
		n += len(Measures([]defence.Target{t}, q.By, q.Year))
	}
	return n * len(q.Codes)
}
