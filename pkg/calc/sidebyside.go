package calc

import (
	"fmt"
	"slices"
)

// Across is one country and year in several reports side by side: the
// same cell as several releases give it (gap --release a,b,c).
type Across struct {
	Code, Name string
	// Year is the year asked for (each report's Query.Year); a line's own
	// Year may be earlier (--latest) or 0 (no figures).
	Year int
	// Lines[i] are the country's lines in the i-th report, one per
	// measure in measure order; nil when that report does not hold the
	// country or is for another year.
	Lines [][]Line
}

// SideBySide lines up the reports' countries: one Across per country and
// year asked for, in the order the countries first appear (the first
// report's Order, then countries only later reports hold), the years
// ascending within a country. Each report is a whole Compute of its own
// release, so each keeps its own GDP source, verdicts, totals and notes;
// the reports must measure the same targets (the same measures, in the
// same order; deadlines may differ with the year), or lining them up
// would compare different gaps.
func SideBySide(reps []*Report) ([]Across, error) {
	for i := 1; i < len(reps); i++ {
		if err := sameMeasures(reps[0], reps[i]); err != nil {
			return nil, err
		}
	}
	type key struct {
		code string
		year int
	}
	var codes []string
	yearsOf := map[string][]int{}
	at := map[key]*Across{}
	for i, rep := range reps {
		y := rep.Query.Year
		for _, code := range rep.Order {
			k := key{code, y}
			a := at[k]
			if a == nil {
				if _, seen := yearsOf[code]; !seen {
					codes = append(codes, code)
				}
				yearsOf[code] = insertYear(yearsOf[code], y)
				a = &Across{Code: code, Year: y, Lines: make([][]Line, len(reps))}
				at[k] = a
			}
			a.Lines[i] = rep.ByCode[code]
			if a.Name == "" && len(a.Lines[i]) > 0 {
				a.Name = a.Lines[i][0].Name
			}
		}
	}
	var out []Across
	for _, code := range codes {
		for _, y := range yearsOf[code] {
			out = append(out, *at[key{code, y}])
		}
	}
	return out, nil
}

func sameMeasures(a, b *Report) error {
	if len(a.Measures) == len(b.Measures) {
		same := true
		for i := range a.Measures {
			x, y := a.Measures[i], b.Measures[i]
			if x.Target.ID != y.Target.ID || x.Part != y.Part || x.Pct != y.Pct {
				same = false
				break
			}
		}
		if same {
			return nil
		}
	}
	return fmt.Errorf("the reports of %s and %s measure different targets: they cannot be shown side by side", a.Release.ID, b.Release.ID)
}

// insertYear adds y to the ascending ys, once.
func insertYear(ys []int, y int) []int {
	i, found := slices.BinarySearch(ys, y)
	if found {
		return ys
	}
	return slices.Insert(ys, i, y)
}
