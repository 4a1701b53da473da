package calc

import (
	"math"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// Figures from NATO's July 2026 release (nato-2026-07), 2026 estimates:
// Netherlands GDP 1,436,621, defence 32,900 USD m, share 2.58%;
// Germany GDP 5,455,980, defence 147,002 USD m, share 2.69%.
var (
	nld = Obs{Code: "NLD", Name: "Netherlands", Year: 2026, Release: "nato-2026-07", Estimate: true,
		GDP: defence.N(1436621), GDPSource: "nato-2026-07", Defence: defence.N(32900), Share: defence.N(2.58)}
	deu = Obs{Code: "DEU", Name: "Germany", Year: 2026, Release: "nato-2026-07", Estimate: true,
		GDP: defence.N(5455980), GDPSource: "nato-2026-07", Defence: defence.N(147002), Share: defence.N(2.69)}
	isl = Obs{Code: "ISL", Name: "Iceland", Year: 2024, GDP: defence.N(32894.49), NotReported: true}
	alb = Obs{Code: "ALB", Name: "Albania", Year: 2026} // no figures
)

func near(t *testing.T, what string, got defence.Num, want float64) {
	t.Helper()
	if !got.Known {
		t.Fatalf("%s: unknown, want %v", what, want)
	}
	if math.Abs(got.V-want) > 1e-6 {
		t.Fatalf("%s = %.6f, want %.6f", what, got.V, want)
	}
}

func TestGapShareMethod(t *testing.T) {
	// NLD to 3.7%: (3.7 - 2.58) / 100 x 1,436,621 = 0.0112 x 1,436,621 = 16,090.1552
	r := Gap(nld, 3.7, MethodShare)
	near(t, "gap", r.Gap, 16090.1552)
	// required: 0.037 x 1,436,621 = 53,154.977
	near(t, "required", r.Required, 53154.977)
	// spending at the published share: 0.0258 x 1,436,621 = 37,064.8218
	near(t, "spending", r.Spending, 37064.8218)
	if r.Status != StatusShort {
		t.Fatalf("status %s, want short", r.Status)
	}
	// DEU to 2%: (2 - 2.69) / 100 x 5,455,980 = -0.0069 x 5,455,980 = -37,646.262
	r = Gap(deu, 2, MethodShare)
	near(t, "gap", r.Gap, -37646.262)
	if r.Status != StatusMeets {
		t.Fatalf("status %s, want meets", r.Status)
	}
}

func TestGapShareEqualToTargetMeets(t *testing.T) {
	o := nld
	o.Share = defence.N(3.5)
	r := Gap(o, 3.5, MethodShare)
	if r.Status != StatusMeets {
		t.Fatalf("share 3.5 vs target 3.5: status %s, want meets", r.Status)
	}
	near(t, "gap", r.Gap, 0)
}

func TestGapUSDMethod(t *testing.T) {
	// NLD to 3.7% on current USD: 0.037 x 1,436,621 - 32,900 = 53,154.977 - 32,900 = 20,254.977
	r := Gap(nld, 3.7, MethodUSD)
	near(t, "gap", r.Gap, 20254.977)
	near(t, "spending", r.Spending, 32900)
	// NLD to 2.5%: 0.025 x 1,436,621 = 35,915.525 > 32,900: short by 3,015.525,
	// although the published share (2.58%) meets 2.5%: the two methods differ.
	r = Gap(nld, 2.5, MethodUSD)
	near(t, "gap", r.Gap, 3015.525)
	if r.Status != StatusShort {
		t.Fatalf("usd status %s, want short", r.Status)
	}
	if s := Gap(nld, 2.5, MethodShare).Status; s != StatusMeets {
		t.Fatalf("share status %s, want meets", s)
	}
}

func TestGapMissingAndNotReported(t *testing.T) {
	r := Gap(alb, 2, MethodShare)
	if r.Status != StatusNoData || r.Gap.Known || r.Spending.Known || r.Required.Known {
		t.Fatalf("no figures: got %+v, want no-data with unknown gap", r)
	}
	// USD method needs the USD figure
	o := nld
	o.Defence = defence.Unknown
	if r := Gap(o, 2, MethodUSD); r.Status != StatusNoData {
		t.Fatalf("usd without defence: status %s", r.Status)
	}
	r = Gap(isl, 2, MethodShare)
	if r.Status != StatusNotReported || r.Gap.Known || r.Required.Known {
		t.Fatalf("Iceland: got %+v, want not-reported with no gap and no requirement", r)
	}
}

func TestGapVerdictWithoutMoney(t *testing.T) {
	// A share without GDP (NATO's August 2025 release before 2021) decides
	// the verdict alone: NLD's 2.58% meets 2% and falls short of 3.7%; no
	// money is known.
	o := nld
	o.GDP = defence.Unknown
	for _, c := range []struct {
		pct  float64
		want Status
	}{{2, StatusMeets}, {2.58, StatusMeets}, {3.7, StatusShort}} {
		r := Gap(o, c.pct, MethodShare)
		if r.Status != c.want || r.Gap.Known || r.Required.Known || r.Spending.Known {
			t.Fatalf("%v%%: got status %s gap %v required %v, want %s and no money", c.pct, r.Status, r.Gap, r.Required, c.want)
		}
		near(t, "measured", r.Measured, 2.58)
	}
}

func TestBoundGap(t *testing.T) {
	// Hague 5% = 3.5% core + 1.5% resilience, resilience unknown.
	// DEU 2.69% core: below 3.5%, short whatever its resilience spending.
	r := BoundGap(deu, 5, 1.5, MethodShare)
	if r.Status != StatusShort || r.Gap.Known {
		t.Fatalf("DEU: status %s gap %v, want short with an unknown gap", r.Status, r.Gap)
	}
	// GapMax = (5 - 2.69) / 100 x 5,455,980 = 0.0231 x 5,455,980 = 126,033.138
	near(t, "gap max", r.GapMax, 126033.138)
	// GapMin = (3.5 - 2.69) / 100 x 5,455,980 = 0.0081 x 5,455,980 = 44,193.438
	near(t, "gap min", r.GapMin, 44193.438)
	near(t, "required", r.Required, 0.05*5455980)

	// A core share of 4.2%: between 3.5% and 5%, undetermined.
	o := deu
	o.Share = defence.N(4.2)
	if r := BoundGap(o, 5, 1.5, MethodShare); r.Status != StatusUndetermined {
		t.Fatalf("4.2%% core: status %s, want undetermined", r.Status)
	}
	// Exactly 3.5%: the resilience part could close the gap: undetermined.
	o.Share = defence.N(3.5)
	if r := BoundGap(o, 5, 1.5, MethodShare); r.Status != StatusUndetermined {
		t.Fatalf("3.5%% core: status %s, want undetermined", r.Status)
	}
	// 5.1%: meets on core alone.
	o.Share = defence.N(5.1)
	if r := BoundGap(o, 5, 1.5, MethodShare); r.Status != StatusMeets {
		t.Fatalf("5.1%% core: status %s, want meets", r.Status)
	}
	// Without GDP the shares still decide; no money.
	o.Share, o.GDP = defence.N(3.0), defence.Unknown
	if r := BoundGap(o, 5, 1.5, MethodShare); r.Status != StatusShort || r.GapMin.Known || r.Required.Known {
		t.Fatalf("3%% core, no GDP: %+v", r)
	}

	// Resilience known (a user's file): exact. NLD 2.58% core, resilience
	// 30,000 m; ceiling 1.5% x 1,436,621 = 21,549.315, so 21,549.315 counts.
	// Spending 37,064.8218 + 21,549.315 = 58,614.1368; required 0.05 x
	// 1,436,621 = 71,831.05; gap 13,216.9132.
	o = nld
	o.Resilience = defence.N(30000)
	r = BoundGap(o, 5, 1.5, MethodShare)
	near(t, "exact gap", r.Gap, 13216.9132)
	near(t, "gap min", r.GapMin, 13216.9132)
	near(t, "gap max", r.GapMax, 13216.9132)
	if r.Status != StatusShort {
		t.Fatalf("status %s", r.Status)
	}
}

func TestResilienceGap(t *testing.T) {
	// Unknown resilience spending: no-data, but the requirement is known:
	// 1.5% x 1,436,621 = 21,549.315.
	r := ResilienceGap(nld, 1.5)
	if r.Status != StatusNoData || r.Gap.Known || r.GapMax.Known {
		t.Fatalf("%+v", r)
	}
	near(t, "required", r.Required, 21549.315)
	o := nld
	o.Resilience = defence.N(20000)
	r = ResilienceGap(o, 1.5)
	near(t, "gap", r.Gap, 1549.315)
	if r.Status != StatusShort {
		t.Fatalf("status %s", r.Status)
	}
}

func TestTotal(t *testing.T) {
	rows := func(pct float64) []Row {
		var out []Row
		for _, o := range []Obs{nld, deu, alb, isl} {
			out = append(out, Gap(o, pct, MethodShare))
		}
		return out
	}
	got := Total(rows(2), nil, nil, 2)
	// NLD and DEU have data; ALB none; ISL not reported (GDP counted, no spending).
	if got.Countries != 4 || got.WithData != 2 || got.Meeting != 2 || got.Short != 0 || got.NotReported != 1 {
		t.Fatalf("counts: %+v", got)
	}
	// GDP, every GDP shown: 1,436,621 + 5,455,980 + 32,894.49 = 6,925,495.49
	near(t, "GDP", got.GDP, 6925495.49)
	// defence: NATO's published figures (Table 2), 32,900 + 147,002 = 179,902,
	// never share x GDP; that is defence at share, 0.0258 x 1,436,621
	// (37,064.8218) + 0.0269 x 5,455,980 (146,765.862) = 183,830.6838
	near(t, "defence", got.Defence, 179902)
	near(t, "defence at share", got.DefenceAtShare, 183830.6838)
	// gap, the sum of the rows: NLD (2 - 2.58) / 100 x 1,436,621 = -8,332.4018;
	// DEU (2 - 2.69) / 100 x 5,455,980 = -37,646.262; sum -45,978.6638
	near(t, "gap", got.Gap, -45978.6638)
	// required of the countries with a gap: 0.02 x (1,436,621 + 5,455,980) = 137,852.02
	near(t, "required", got.Required, 137852.02)
	// NATO's convention counts Iceland's GDP and the published defence:
	// 0.02 x 6,925,495.49 - 179,902 = 138,509.9098 - 179,902 = -41,392.0902
	near(t, "aggregate gap", got.AggregateGap, -41392.0902)
	near(t, "shortfall", got.Shortfall, 0)
	// share: 179,902 / 6,925,495.49 x 100
	near(t, "share", got.Share, 179902/6925495.49*100)
	if got.GapMin.Known || got.GapMax.Known || got.Deadline.Set {
		t.Fatalf("bounds or deadline totals known without bounds or deadline: %+v", got)
	}

	got = Total(rows(3.7), nil, nil, 3.7)
	// shortfalls at 3.7%: NLD 16,090.1552; DEU (3.7 - 2.69) / 100 x 5,455,980 = 55,105.398
	near(t, "shortfall", got.Shortfall, 16090.1552+55105.398)
	if got.Meeting != 0 || got.Short != 2 {
		t.Fatalf("meeting %d short %d, want 0 and 2", got.Meeting, got.Short)
	}
}

func TestTotalShareNeedsDefenceForEveryGDP(t *testing.T) {
	// A country with GDP but no share (Germany 2025 in NATO's August 2025
	// release, GDP from the IMF): its GDP is shown and summed, but the
	// share and NATO's aggregate gap are unknown rather than counting it
	// as spending nothing. Iceland (not reported) does not have that effect.
	noShare := deu
	noShare.Share, noShare.Defence = defence.Unknown, defence.Unknown
	got := Total([]Row{Gap(nld, 2, MethodShare), Gap(noShare, 2, MethodShare)}, nil, nil, 2)
	near(t, "GDP", got.GDP, 1436621+5455980)
	near(t, "gap", got.Gap, -8332.4018)
	if got.Share.Known || got.AggregateGap.Known {
		t.Fatalf("share %v aggregate %v, want unknown", got.Share, got.AggregateGap)
	}
	got = Total([]Row{Gap(nld, 2, MethodShare), Gap(isl, 2, MethodShare)}, nil, nil, 2)
	// the published 32,900 / (1,436,621 + 32,894.49) x 100
	near(t, "share", got.Share, 32900/(1436621+32894.49)*100)
}

func TestTotalBoundedIsARangeNeverAPartialSum(t *testing.T) {
	withRes := nld
	withRes.Resilience = defence.N(30000)
	rows := []Row{BoundGap(deu, 5, 1.5, MethodShare), BoundGap(withRes, 5, 1.5, MethodShare)}
	got := Total(rows, nil, nil, 5)
	// Germany's gap is only bounded: the total gap is unknown, not NLD's alone.
	if got.Gap.Known || got.Shortfall.Known || got.AggregateGap.Known {
		t.Fatalf("gap %v shortfall %v aggregate %v, want unknown", got.Gap, got.Shortfall, got.AggregateGap)
	}
	// bounds: DEU 44,193.438 .. 126,033.138 plus NLD's exact 13,216.9132
	near(t, "gap min", got.GapMin, 44193.438+13216.9132)
	near(t, "gap max", got.GapMax, 126033.138+13216.9132)
	if got.Bounded != 1 || got.Short != 2 {
		t.Fatalf("bounded %d short %d", got.Bounded, got.Short)
	}
}

func TestTotalEmpty(t *testing.T) {
	got := Total(nil, nil, nil, 2)
	if got.Countries != 0 || got.GDP.Known || got.Gap.Known || got.Share.Known || got.Shortfall.Known {
		t.Fatalf("empty totals: %+v", got)
	}
}

func TestSourceLine(t *testing.T) {
	r := &defence.Release{ID: "nato-2024-06", Title: "Defence Expenditure of NATO Countries (2014-2024)", Publisher: "NATO",
		Published: "2024-06-17", Cutoff: "2024-06-12", URL: "https://www.nato.int/x.pdf"}
	want := "Source: NATO, Defence Expenditure of NATO Countries (2014-2024) (nato-2024-06), published 2024-06-17, cut-off 2024-06-12, https://www.nato.int/x.pdf"
	if got := SourceOf(r).Line(); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if got := SourceOf(&defence.Release{ID: "mine"}).Line(); got != "Source: mine" {
		t.Fatalf("bare release: %q", got)
	}
}

// TestLineMissing: what a line lacks, in words, for each kind of line.
func TestLineMissing(t *testing.T) {
	known := defence.N(1)
	for _, c := range []struct {
		ln   Line
		m    Method
		want string
	}{
		{Line{Row: Row{Obs: Obs{GDP: known}}}, MethodShare, "published share of GDP"},
		{Line{Row: Row{Obs: Obs{Share: known}}}, MethodShare, "GDP"},
		{Line{Row: Row{Obs: Obs{}}}, MethodShare, "published share of GDP and GDP"},
		{Line{Row: Row{Obs: Obs{Share: known, GDP: known}}}, MethodShare, ""},
		{Line{Row: Row{Obs: Obs{Share: known, GDP: known}}}, MethodUSD, "defence spending in USD"},
		{Line{Row: Row{Obs: Obs{Defence: known}}}, MethodUSD, "GDP in USD"},
		{Line{Row: Row{Obs: Obs{Share: known, GDP: known}, OfDefence: true, Base: known}}, MethodShare, "published equipment share of defence spending"},
		{Line{Row: Row{Obs: Obs{Equipment: known}, OfDefence: true}}, MethodShare, "defence spending in USD"},
		{Line{Row: Row{Obs: Obs{GDP: known}}, Measure: Measure{Part: PartResilience}}, MethodShare, "resilience spending"},
		{Line{Row: Row{Obs: Obs{NotReported: true}}}, MethodShare, "defence figure of any kind"},
	} {
		if got := c.ln.Missing(c.m); got != c.want {
			t.Errorf("%+v, %s: Missing %q, want %q", c.ln.Obs, c.m, got, c.want)
		}
	}
}
