package calc

import "testing"

func TestPathLinearAndGrowth(t *testing.T) {
	// A country at 2% of a GDP of 1,000 in 2026, to 3.5% by 2029, GDP
	// growing 10% a year: GDP 1,000, 1,100, 1,210, 1,331.
	project := func(y int) (Projected, error) { return ProjectGDP(1000, 2026, y, Growth{Set: true, Pct: 10}) }
	pts, err := Path(2026, 2029, 1000, "r", 20, 3.5, false, ShapeLinear, project)
	if err != nil {
		t.Fatal(err)
	}
	// Linear: shares 2, 2.5, 3, 3.5; spending 20, 27.5, 36.3, 46.585.
	want := []struct{ share, spend, inc float64 }{{2, 20, 0}, {2.5, 27.5, 7.5}, {3, 36.3, 8.8}, {3.5, 46.585, 10.285}}
	if len(pts) != 4 {
		t.Fatalf("%d points", len(pts))
	}
	for i, w := range want {
		close(t, "share", pts[i].Share, w.share, 1e-9)
		close(t, "spending", pts[i].Spending, w.spend, 1e-9)
		if i > 0 {
			close(t, "increase", pts[i].Increase, w.inc, 1e-9)
		} else if pts[i].HasIncrease || pts[i].GDPSource != "r" {
			t.Fatalf("base point %+v", pts[i])
		}
	}
	// Growth: (46.585 / 20)^(1/3) = 2.32925^(1/3) = 1.3255782: spending
	// 20, 26.51156, 35.14315, 46.585.
	pts, err = Path(2026, 2029, 1000, "r", 20, 3.5, false, ShapeGrowth, project)
	if err != nil {
		t.Fatal(err)
	}
	g := 1.3255782
	close(t, "growth y1", pts[1].Spending, 20*g, 1e-4)
	close(t, "growth y2", pts[2].Spending, 20*g*g, 1e-4)
	close(t, "growth end", pts[3].Spending, 46.585, 1e-9)
	close(t, "growth end share", pts[3].Share, 3.5, 1e-9)
}

func TestPathAlreadyMeets(t *testing.T) {
	// At 4% of GDP against 3.5%: the share stays at 4% every year.
	project := func(y int) (Projected, error) { return ProjectGDP(1000, 2026, y, Growth{Set: true, Pct: 10}) }
	pts, err := Path(2026, 2028, 1000, "r", 40, 3.5, true, ShapeLinear, project)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pts {
		close(t, "share", p.Share, 4, 1e-9)
	}
	close(t, "spending 2028", pts[2].Spending, 0.04*1210, 1e-9)
}
