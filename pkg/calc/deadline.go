package calc

import (
	"github.com/natospend/natospend/pkg/defence"
)

// MaxYearsAhead is how far past the base year a deadline may be.
const MaxYearsAhead = 50

// Deadline is what a target requires by its deadline year, measured from a
// country's base year.
type Deadline struct {
	Set       bool
	BaseYear  int
	Year      int // the deadline
	YearsLeft int
	// GDP in the deadline year, million current USD: the base-year GDP grown
	// at the GDP series' growth (or a constant scenario growth).
	GDP       defence.Num
	GDPSource string
	// Extrapolated is true when the deadline is past the GDP series' last year.
	Extrapolated bool
	// Required is target / 100 x GDP in the deadline year.
	Required defence.Num
	// Increase is Required minus the base-year spending.
	Increase defence.Num
	// Growth is the constant yearly growth of spending, in percent, from the
	// base year to the deadline that reaches Required; unknown when base
	// spending is zero or unknown, or no year is left.
	Growth defence.Num
	// Err says why the deadline figures are unknown, if they are.
	Err string
}

// ToDeadline works out a row's requirement in year d. The row's figures
// are the base year's; g projects its GDP.
func ToDeadline(r Row, d int, g Growth) Deadline {
	dl := Deadline{Set: true, BaseYear: r.Year, Year: d, YearsLeft: d - r.Year}
	if r.Year == 0 || !r.GDP.Known {
		dl.Err = "no base-year GDP"
		return dl
	}
	p, err := ProjectGDP(r.GDP.V, r.Year, d, g)
	if err != nil {
		dl.Err = err.Error()
		return dl
	}
	dl.GDP = defence.N(p.GDP)
	dl.GDPSource = p.Source
	dl.Extrapolated = p.Extrapolated
	dl.Required = defence.N(r.TargetPct / 100 * p.GDP)
	if r.Spending.Known {
		dl.Increase = defence.N(dl.Required.V - r.Spending.V)
		if pct, ok := AnnualGrowth(r.Spending.V, dl.Required.V, dl.YearsLeft); ok {
			dl.Growth = defence.N(pct)
		}
	}
	return dl
}

// DeadlineTotals sums the deadline figures of the rows with data.
type DeadlineTotals struct {
	GDP      float64
	Required float64
	Increase float64
	// Growth is the constant yearly growth that takes the rows' total base
	// spending to their total requirement (when all share one base year
	// span; else unknown).
	Growth defence.Num
}

// TotalDeadline sums rows (of one target) whose deadline figures are known.
func TotalDeadline(rows []Row, dls []Deadline, pct float64) DeadlineTotals {
	var t DeadlineTotals
	var base float64
	years := -1
	for i, r := range rows {
		dl := dls[i]
		if r.TargetPct != pct || !dl.Set || !dl.Required.Known || !r.Spending.Known {
			continue
		}
		if r.Status != StatusMeets && r.Status != StatusShort {
			continue
		}
		t.GDP += dl.GDP.V
		t.Required += dl.Required.V
		t.Increase += dl.Increase.V
		base += r.Spending.V
		switch {
		case years == -1:
			years = dl.YearsLeft
		case years != dl.YearsLeft:
			years = -2
		}
	}
	if years > 0 {
		if g, ok := AnnualGrowth(base, t.Required, years); ok {
			t.Growth = defence.N(g)
		}
	}
	return t
}
