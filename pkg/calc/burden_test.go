package calc

import (
	"math"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

func TestBurdens(t *testing.T) {
	// nato-2026-07, 2026: Germany 2.69% of 5,455,980 = 146,765.862;
	// France 2.22% of 3,600,188 = 79,924.1736; together 226,690.0356.
	// Germany's defence share 146,765.862 / 226,690.0356 = 64.742970%,
	// its GDP share 5,455,980 / 9,056,168 = 60.246011%: +4.496959 points.
	fra := Obs{Code: "FRA", Name: "France", Year: 2026, GDP: defence.N(3600188), Share: defence.N(2.22)}
	rep := &Report{Measures: []Measure{{Pct: 2}}, ByCode: map[string][]Line{}}
	for _, o := range []Obs{deu, fra, isl} {
		rep.Order = append(rep.Order, o.Code)
		rep.ByCode[o.Code] = []Line{{Row: Gap(o, 2, MethodShare)}}
	}
	b, n := rep.Burdens()
	if n != 2 {
		t.Fatalf("base of %d countries, want 2 (Iceland has no defence figure)", n)
	}
	near(t, "DEU defence share", b["DEU"].Defence, 146765.862/226690.0356*100)
	near(t, "DEU GDP share", b["DEU"].GDP, 5455980.0/9056168*100)
	near(t, "DEU diff", b["DEU"].Diff, 146765.862/226690.0356*100-5455980.0/9056168*100)
	if math.Abs(b["DEU"].Diff.V-4.496959) > 1e-6 {
		t.Fatalf("DEU diff %v, want 4.496959", b["DEU"].Diff.V)
	}
	// The base's shares add up to 100 by construction.
	near(t, "defence shares", defence.N(b["DEU"].Defence.V+b["FRA"].Defence.V), 100)
	near(t, "GDP shares", defence.N(b["DEU"].GDP.V+b["FRA"].GDP.V), 100)
	if b["ISL"].Defence.Known || b["ISL"].GDP.Known {
		t.Fatalf("Iceland: %+v, want unknown shares", b["ISL"])
	}
}
