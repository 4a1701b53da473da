// Package gapreport is the gap report: the gaps calc.Compute works out for
// each query, with the one declaration of its fields (the table, CSV, JSON
// and xlsx of `natospend gap` derive from it), its totals, summary and
// notes. The gap and report commands both build it here, so that a figure
// prints the same in each.
package gapreport

import (
	"slices"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
)

// New computes the report of the resolved queries qs (one per year and
// release; calc.Compute each, merged): the years and releases shown, and
// the trend note among the notes. top and constant are gap's --top and
// --prices constant (calc.Query.Top, calc.Query.Constant); sortKeys, when
// not nil, gives a query's calc.Query.SortKeys (a --sort word calc does
// not rank by itself).
func New(ds *defence.Dataset, qs []*calc.Query, top int, constant bool, sortKeys func(*calc.Query) (map[string]defence.Num, error)) (*Report, error) {
	reps := make([]*calc.Report, 0, len(qs))
	for _, q := range qs {
		q.Top = top
		q.Constant = constant
		if sortKeys != nil {
			var err error
			if q.SortKeys, err = sortKeys(q); err != nil {
				return nil, err
			}
		}
		c, err := calc.Compute(ds, q)
		if err != nil {
			return nil, cmdutil.QueryError(err)
		}
		reps = append(reps, c)
	}
	c := calc.Merge(reps)
	rep := &Report{Report: c}
	for _, q := range qs {
		if !slices.Contains(rep.Years, q.Year) {
			rep.Years = append(rep.Years, q.Year)
		}
		if !slices.Contains(rep.Releases, q.Release) {
			rep.Releases = append(rep.Releases, q.Release)
		}
	}
	if c.TrendNote != "" {
		c.Notes = append(c.Notes, c.TrendNote)
	}
	return rep, nil
}

// Shown are the releases the report shows: one unless --release lists
// several.
func (r *Report) Shown() []*defence.Release { return r.releases() }
