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
	if r.Status != StatusNoData || r.Gap.Known || r.Spending.Known {
		t.Fatalf("no figures: got %+v, want no-data with unknown gap", r)
	}
	// share known but GDP unknown: still no-data
	o := nld
	o.GDP = defence.Unknown
	if r := Gap(o, 2, MethodShare); r.Status != StatusNoData || r.Gap.Known {
		t.Fatalf("no GDP: got %+v", r)
	}
	// USD method needs the USD figure
	o = nld
	o.Defence = defence.Unknown
	if r := Gap(o, 2, MethodUSD); r.Status != StatusNoData {
		t.Fatalf("usd without defence: status %s", r.Status)
	}
	r = Gap(isl, 2, MethodShare)
	if r.Status != StatusNotReported || r.Gap.Known {
		t.Fatalf("Iceland: got %+v, want not-reported with no gap", r)
	}
	// Its requirement is still known from its GDP: 0.02 x 32,894.49 = 657.8898
	near(t, "required", r.Required, 657.8898)
}

func TestTotal(t *testing.T) {
	var rows []Row
	for _, o := range []Obs{nld, deu, alb, isl} {
		rows = append(rows, Gap(o, 2, MethodShare), Gap(o, 3.7, MethodShare))
	}
	got := Total(rows, 2)
	// NLD and DEU have data; ALB none; ISL not reported (GDP counted, no spending).
	if got.Countries != 4 || got.WithData != 2 || got.Meeting != 2 || got.NotReported != 1 {
		t.Fatalf("counts: %+v", got)
	}
	// GDP: 1,436,621 + 5,455,980 + 32,894.49 = 6,925,495.49
	if math.Abs(got.GDP-6925495.49) > 1e-6 {
		t.Fatalf("GDP %.6f", got.GDP)
	}
	// spending: 37,064.8218 + 0.0269 x 5,455,980 (146,765.862) = 183,830.6838
	if math.Abs(got.Spending-183830.6838) > 1e-6 {
		t.Fatalf("spending %.6f", got.Spending)
	}
	// aggregate gap: 0.02 x 6,925,495.49 - 183,830.6838 = 138,509.9098 - 183,830.6838 = -45,320.774
	if math.Abs(got.Gap-(-45320.774)) > 1e-6 {
		t.Fatalf("gap %.6f", got.Gap)
	}
	if got.Shortfall != 0 {
		t.Fatalf("shortfall %v, want 0: both meet 2%%", got.Shortfall)
	}
	// share: 183,830.6838 / 6,925,495.49 x 100 = 2.654404...%
	near(t, "share", got.Share, 183830.6838/6925495.49*100)

	got = Total(rows, 3.7)
	// shortfalls at 3.7%: NLD 16,090.1552; DEU (3.7 - 2.69) / 100 x 5,455,980 = 55,105.398
	if math.Abs(got.Shortfall-(16090.1552+55105.398)) > 1e-6 {
		t.Fatalf("shortfall %.6f", got.Shortfall)
	}
	if got.Meeting != 0 {
		t.Fatalf("meeting %d, want 0", got.Meeting)
	}
}

func TestTotalEmpty(t *testing.T) {
	got := Total(nil, 2)
	if got.Countries != 0 || got.GDP != 0 || got.Share.Known {
		t.Fatalf("empty totals: %+v", got)
	}
}
