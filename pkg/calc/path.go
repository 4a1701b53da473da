package calc

import (
	"fmt"
	"math"
)

// Shape of a spending path from the base year to the deadline.
type Shape string

const (
	// ShapeLinear raises the share of GDP by equal steps each year.
	ShapeLinear Shape = "linear"
	// ShapeGrowth raises spending at one constant yearly rate.
	ShapeGrowth Shape = "growth"
)

// ReviewYear is the year of the Hague commitment's review of allies'
// trajectories (The Hague Summit Declaration, 2025).
const ReviewYear = 2029

// Point is one year of a path.
type Point struct {
	Year      int
	GDP       float64 // million current USD
	GDPSource string
	Share     float64 // spending as % of GDP
	Spending  float64 // million current USD
	// Increase over the year before; unknown for the base year.
	Increase    float64
	HasIncrease bool
}

// Path lays out a year-by-year path from the base year b, where spending is
// spendB and GDP gdpB (from gdpSourceB), to the target share pct in year d. project gives
// the GDP of each later year. A country that meets the target (meets: the
// verdict of its row, by the one rule of Gap) keeps its base share.
func Path(b, d int, gdpB float64, gdpSourceB string, spendB, pct float64, meets bool, shape Shape, project func(year int) (Projected, error)) ([]Point, error) {
	if d < b {
		return nil, fmt.Errorf("deadline %d is before the base year %d", d, b)
	}
	if gdpB <= 0 {
		return nil, fmt.Errorf("no base-year GDP")
	}
	shareB := spendB / gdpB * 100
	pd, err := project(d)
	if err != nil {
		return nil, err
	}
	required := pct / 100 * pd.GDP
	growth, growthOK := AnnualGrowth(spendB, required, d-b)
	if shape == ShapeGrowth && !meets && !growthOK && d > b {
		return nil, fmt.Errorf("no base spending to grow from")
	}
	points := make([]Point, 0, d-b+1)
	for y := b; y <= d; y++ {
		gdp, src := gdpB, gdpSourceB
		if y > b {
			p, err := project(y)
			if err != nil {
				return nil, err
			}
			gdp, src = p.GDP, p.Source
		}
		pt := Point{Year: y, GDP: gdp, GDPSource: src}
		switch {
		case meets || y == b:
			pt.Share = shareB
			pt.Spending = shareB / 100 * gdp
		case y == d:
			pt.Share = pct
			pt.Spending = required
		case shape == ShapeGrowth:
			pt.Spending = spendB * math.Pow(1+growth/100, float64(y-b))
			pt.Share = pt.Spending / gdp * 100
		default: // linear
			pt.Share = shareB + (pct-shareB)*float64(y-b)/float64(d-b)
			pt.Spending = pt.Share / 100 * gdp
		}
		if y == b {
			pt.Spending = spendB
		}
		if n := len(points); n > 0 {
			pt.Increase = pt.Spending - points[n-1].Spending
			pt.HasIncrease = true
		}
		points = append(points, pt)
	}
	return points, nil
}
