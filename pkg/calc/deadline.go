package calc

import (
	"fmt"

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
	switch {
	case r.Status == StatusNotReported:
		return dl // nothing is required of a country without armed forces
	case r.Year == 0:
		dl.Err = "no figures"
		return dl
	case !r.GDP.Known:
		dl.Err = fmt.Sprintf("no GDP for the base year %d", r.Year)
		return dl
	case !r.Required.Known:
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
