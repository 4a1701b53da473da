package calc

import (
	"math"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

func TestBurdens(t *testing.T) {
	// nato-2026-07, 2026 (NATO's Table 2, million current USD, and Table 5,
	// GDP, as in nato_defence_expenditure.csv): Germany defence 147,002, GDP
	// 5,455,980; France defence 79,753, GDP 3,600,188. Burden shares use the
	// published defence, not share x GDP (Germany 2.69% x 5,455,980 =
	// 146,765.862 would give 64.742970%): Germany's defence share is
	// 147,002 / 226,755 = 64.828559%, its GDP share 5,455,980 / 9,056,168 =
	// 60.246011%: +4.582548 points.
	fra := Obs{Code: "FRA", Name: "France", Year: 2026, GDP: defence.N(3600188), Defence: defence.N(79753), Share: defence.N(2.22)}
	rep := &Report{Measures: []Measure{{Pct: 2}}, ByCode: map[string][]Line{}}
	for _, o := range []Obs{deu, fra, isl} {
		rep.Order = append(rep.Order, o.Code)
		rep.ByCode[o.Code] = []Line{{Row: Gap(o, 2, MethodShare)}}
	}
	b, n, atShare := rep.Burdens()
	if n != 2 || atShare {
		t.Fatalf("base of %d countries (at share %v), want 2 on published figures (Iceland has no defence figure)", n, atShare)
	}
	near(t, "DEU defence share", b["DEU"].Defence, 147002.0/226755*100)
	near(t, "DEU GDP share", b["DEU"].GDP, 5455980.0/9056168*100)
	if math.Abs(b["DEU"].Diff.V-4.582548) > 1e-6 {
		t.Fatalf("DEU diff %v, want 4.582548", b["DEU"].Diff.V)
	}
	// The base's shares add up to 100 by construction.
	near(t, "defence shares", defence.N(b["DEU"].Defence.V+b["FRA"].Defence.V), 100)
	near(t, "GDP shares", defence.N(b["DEU"].GDP.V+b["FRA"].GDP.V), 100)
	if b["ISL"].Defence.Known || b["ISL"].GDP.Known {
		t.Fatalf("Iceland: %+v, want unknown shares", b["ISL"])
	}
}
