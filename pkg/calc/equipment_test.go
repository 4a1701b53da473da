package calc

import (
	"errors"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// equipmentObs resolves countries' figures from an embedded release, as
// the equipment gap is computed from them.
func equipmentObs(t *testing.T, release string, year int, codes ...string) []Obs {
	t.Helper()
	ds := snapshot.Dataset()
	rel := ds.Releases[release]
	if rel == nil {
		t.Fatalf("no release %s", release)
	}
	return Resolve(ds, rel, year, codes, false)
}

func wantStatus(t *testing.T, r Row, want Status) {
	t.Helper()
	if r.Status != want {
		t.Fatalf("%s %d: status %s, want %s", r.Code, r.Year, r.Status, want)
	}
}

func unknown(t *testing.T, r Row, fields ...string) {
	t.Helper()
	all := map[string]defence.Num{"measured": r.Measured, "spending": r.Spending, "required": r.Required, "gap": r.Gap, "base": r.Base}
	for _, f := range fields {
		if all[f].Known {
			t.Fatalf("%s %d: %s = %v, want unknown", r.Code, r.Year, f, all[f].V)
		}
	}
}

// TestEquipmentGapPoland2024: Poland 2024 in NATO's June 2024 release
// (data/nato-2024-06.yaml, POL 2024: defence_musd 34974.53, equipment_pct
// 51.1276, an estimate) against the Wales 20%:
//
//	equipment spending 51.1276 / 100 x 34,974.53 = 17,881.63780028
//	required           20 / 100 x 34,974.53      =  6,994.906
//	gap (20 - 51.1276) / 100 x 34,974.53 = -0.311276 x 34,974.53 = -10,886.73180028
//
// a surplus: Poland meets the guideline.
func TestEquipmentGapPoland2024(t *testing.T) {
	r := EquipmentGap(equipmentObs(t, "nato-2024-06", 2024, "POL")[0], 20)
	wantStatus(t, r, StatusMeets)
	if !r.OfDefence || r.TargetPct != 20 || !r.Estimate || r.BaseFromShare() {
		t.Fatalf("row %+v", r)
	}
	near(t, "equipment share", r.Measured, 51.1276)
	near(t, "defence", r.Base, 34974.53)
	near(t, "equipment spending", r.Spending, 17881.63780028)
	near(t, "required", r.Required, 6994.906)
	near(t, "gap", r.Gap, -10886.73180028)
}

// TestEquipmentGapBelgium2024: Belgium 2024 in the June 2024 release
// (defence_musd 8519.17, equipment_pct 15.1554) is short:
// (20 - 15.1554) / 100 x 8,519.17 = 0.048446 x 8,519.17 = 412.71970982.
func TestEquipmentGapBelgium2024(t *testing.T) {
	r := EquipmentGap(equipmentObs(t, "nato-2024-06", 2024, "BEL")[0], 20)
	wantStatus(t, r, StatusShort)
	near(t, "gap", r.Gap, 412.71970982)
	// 15.1554 / 100 x 8,519.17 = 1,291.11429018
	near(t, "equipment spending", r.Spending, 1291.11429018)
}

// TestEquipmentGapDenmark2025NoData: NATO left Denmark's 2025 equipment
// share blank in its August 2025 release: no-data, the share unknown
// (never 0%) and no gap. Its defence expenditure is still known from the
// share and the IMF's GDP (the release has no USD figures):
// 3.2158 / 100 x 459,612 (imf-weo-2025-10) = 14,780.202696.
func TestEquipmentGapDenmark2025NoData(t *testing.T) {
	r := EquipmentGap(equipmentObs(t, "nato-2025-08", 2025, "DNK")[0], 20)
	wantStatus(t, r, StatusNoData)
	unknown(t, r, "measured", "spending", "required", "gap")
	near(t, "defence", r.Base, 14780.202696)
	if !r.BaseFromShare() || r.GDPSource != "imf-weo-2025-10" {
		t.Fatalf("defence from share %v, GDP from %q", r.BaseFromShare(), r.GDPSource)
	}
}

// TestEquipmentGapShareTimesGDP: where the release publishes no defence
// figure (nato-2025-08), the money is on share x GDP, the GDP being the
// IMF's as for the share gap. Poland 2025: share 4.4805%, equipment
// 54.4390%, IMF GDP 1,039,619:
//
//	defence 4.4805 / 100 x 1,039,619 = 46,580.129295
//	gap (20 - 54.439) / 100 x 46,580.129295 = -0.34439 x 46,580.129295 = -16,041.730728
func TestEquipmentGapShareTimesGDP(t *testing.T) {
	r := EquipmentGap(equipmentObs(t, "nato-2025-08", 2025, "POL")[0], 20)
	wantStatus(t, r, StatusMeets)
	near(t, "defence", r.Base, 46580.129295)
	near(t, "gap", r.Gap, -16041.730728)
	// The same spending as the share gap's under MethodShare.
	near(t, "defence", r.Base, Gap(r.Obs, 2, MethodShare).Spending.V)
	if !r.BaseFromShare() {
		t.Fatal("defence not marked as share x GDP")
	}
}

// TestEquipmentGapVerdictWithoutMoney: Denmark 2019 in nato-2025-08 has an
// equipment share (16.2121%) but no defence money (no USD figures, and the
// IMF's GDP starts in 2021): short, the money unknown.
func TestEquipmentGapVerdictWithoutMoney(t *testing.T) {
	r := EquipmentGap(equipmentObs(t, "nato-2025-08", 2019, "DNK")[0], 20)
	wantStatus(t, r, StatusShort)
	near(t, "equipment share", r.Measured, 16.2121)
	unknown(t, r, "base", "spending", "required", "gap")
}

// TestEquipmentGapIceland: Iceland publishes no defence figure.
func TestEquipmentGapIceland(t *testing.T) {
	r := EquipmentGap(equipmentObs(t, "nato-2024-06", 2024, "ISL")[0], 20)
	wantStatus(t, r, StatusNotReported)
	unknown(t, r, "measured", "spending", "required", "gap", "base")
	near(t, "GDP", r.GDP, 32894.49) // still shown, as in NATO's aggregates
}

// TestEquipmentGapAtTargetMeets: a share equal to the target meets it.
func TestEquipmentGapAtTargetMeets(t *testing.T) {
	o := Obs{Code: "X", Defence: defence.N(1000), Equipment: defence.N(20)}
	r := EquipmentGap(o, 20)
	wantStatus(t, r, StatusMeets)
	near(t, "gap", r.Gap, 0)
}

// TestEquipmentTotals: Poland, Belgium and Iceland in 2024 (June 2024
// release), added up by Total's rules on defence expenditure:
//
//	defence   34,974.53 + 8,519.17                    = 43,493.70
//	equipment 17,881.63780028 + 1,291.11429018        = 19,172.75209046
//	share     19,172.75209046 / 43,493.70 x 100       = 44.081676 (% of defence)
//	required  6,994.906 + 1,703.834                   = 8,698.74
//	gap       -10,886.73180028 + 412.71970982         = -10,474.01209046 (Iceland adds nothing)
//	shortfall 412.71970982 (Belgium's)
//	NATO's way: 20% x 43,493.70 - 19,172.75209046     = -10,474.01209046
//	GDP       848,856.96 + 655,743.86 + 32,894.49 = 1,537,495.31 (Iceland's too)
func TestEquipmentTotals(t *testing.T) {
	rows := equipmentRows(equipmentObs(t, "nato-2024-06", 2024, "POL", "BEL", "ISL"), 20)
	tt := Total(rows, nil, nil, 20)
	if !tt.OfDefence || tt.Countries != 3 || tt.WithData != 2 || tt.Meeting != 1 || tt.Short != 1 || tt.NotReported != 1 {
		t.Fatalf("counts %+v", tt)
	}
	near(t, "defence", tt.Defence, 43493.70)
	near(t, "equipment", tt.Equipment, 19172.75209046)
	near(t, "share", tt.Share, 44.081676)
	near(t, "required", tt.Required, 8698.74)
	near(t, "gap", tt.Gap, -10474.01209046)
	near(t, "shortfall", tt.Shortfall, 412.71970982)
	near(t, "aggregate gap", tt.AggregateGap, -10474.01209046)
	near(t, "GDP", tt.GDP, 1537495.31)

	// Each total is the sum of its column over the rows.
	var def, eq, gap float64
	for _, r := range rows {
		def += r.Base.V
		eq += r.Spending.V
		gap += r.Gap.V
	}
	near(t, "defence = sum of rows", tt.Defence, def)
	near(t, "equipment = sum of rows", tt.Equipment, eq)
	near(t, "gap = sum of rows", tt.Gap, gap)
}

// TestEquipmentTotalsWithBlank: in nato-2025-08, 2025, Denmark's equipment
// share is blank while its defence at share (share x IMF GDP) is known: the
// release publishes no defence amounts, so Defence is unknown and
// DefenceAtShare adds them (14,780.202696 + Poland's 46,580.129295 =
// 61,360.331991), equipment
// only Poland's (0.54439 x 46,580.129295 = 25,357.756587); the aggregate
// equipment share would count Denmark's as 0%, so it is unknown, as is
// NATO's aggregate gap; the gap is Poland's alone, -16,041.730728.
func TestEquipmentTotalsWithBlank(t *testing.T) {
	rows := equipmentRows(equipmentObs(t, "nato-2025-08", 2025, "DNK", "POL"), 20)
	tt := Total(rows, nil, nil, 20)
	if tt.WithData != 1 || tt.Meeting != 1 || tt.Countries != 2 {
		t.Fatalf("counts %+v", tt)
	}
	if tt.Defence.Known {
		t.Fatalf("defence %v: the release publishes none, want unknown", tt.Defence)
	}
	near(t, "defence at share", tt.DefenceAtShare, 61360.331991)
	near(t, "equipment", tt.Equipment, 25357.756587)
	near(t, "gap", tt.Gap, -16041.730728)
	if tt.Share.Known || tt.AggregateGap.Known {
		t.Fatalf("share %v, aggregate gap %v: want unknown", tt.Share, tt.AggregateGap)
	}
}

// TestTotalShareOfGDPUnchanged: rows of a share of GDP still total on GDP
// (no equipment total): NLD and DEU at 3.7% (see TestGapShareMethod).
func TestTotalShareOfGDPUnchanged(t *testing.T) {
	tt := Total([]Row{Gap(nld, 3.7, MethodShare), Gap(deu, 3.7, MethodShare)}, nil, nil, 3.7)
	if tt.OfDefence || tt.Equipment.Known {
		t.Fatalf("totals of a share of GDP: %+v", tt)
	}
	// the published defence (Table 2) over GDP: (32,900 + 147,002) /
	// (1,436,621 + 5,455,980) x 100 = 179,902 / 6,892,601 x 100 = 2.610074
	near(t, "share", tt.Share, 2.610074)
}

// TestMeasuresSkipEquipment: the share-of-GDP paths leave the equipment
// target out (Measures) or refuse it (Compute).
func TestMeasuresSkipEquipment(t *testing.T) {
	ds := snapshot.Dataset()
	eq := ds.Targets["nato-equipment-20"]
	if !eq.OfDefence() || eq.Pct != 20 {
		t.Fatalf("nato-equipment-20: %+v", eq)
	}
	ms := Measures([]defence.Target{ds.Targets["nato-2014"], eq}, 0, 2024)
	if len(ms) != 1 || ms[0].Target.ID != "nato-2014" {
		t.Fatalf("measures %+v", ms)
	}
	_, err := Compute(ds, &Query{Targets: []defence.Target{eq}, Release: ds.Releases["nato-2024-06"], Year: 2024, Codes: []string{"POL"}})
	want := "target nato-equipment-20 is a target of the equipment share of defence spending, not of GDP: the query measures shares of GDP"
	if err == nil || err.Error() != want {
		t.Fatalf("Compute: %v, want %s", err, want)
	}
}

// equipmentRows measures each country's figures against an equipment
// target, as Compute does under --measure equipment.
func equipmentRows(obs []Obs, pct float64) []Row {
	out := make([]Row, 0, len(obs))
	for _, o := range obs {
		out = append(out, EquipmentGap(o, pct))
	}
	return out
}

// CheckQuery is the one rule of which targets, measures, deadlines and
// price bases go together (Compute refuses what it refuses; commands say
// it in their flags' words): each kind of mismatch, and the field at fault.
func TestCheckQuery(t *testing.T) {
	ds := snapshot.Dataset()
	eq, wales, hague := ds.Targets["nato-equipment-20"], ds.Targets["nato-2014"], ds.Targets["hague"]
	for _, c := range []struct {
		name  string
		q     Query
		kind  Mismatch
		field string
	}{
		{"equipment target, shares of GDP", Query{Targets: []defence.Target{eq}, Year: 2024}, TargetOfDefence, "Targets"},
		{"GDP target, equipment measure", Query{Targets: []defence.Target{wales}, Measure: defence.MeasureEquipment, Year: 2024}, TargetOfGDP, "Targets"},
		{"deadline, equipment measure", Query{Targets: []defence.Target{eq}, Measure: defence.MeasureEquipment, By: 2030, Year: 2024}, DeadlineOfEquipment, "By"},
		{"a target's own deadline at constant prices", Query{Targets: []defence.Target{hague}, Constant: true, Year: 2024}, DeadlineAtConstantPrices, "Prices"},
		{"--by at constant prices", Query{Targets: []defence.Target{{Pct: 2}}, By: 2030, Constant: true, Year: 2024}, DeadlineAtConstantPrices, "Prices"},
		{"no deadline at constant prices", Query{Targets: []defence.Target{{Pct: 2}}, Constant: true, Year: 2024}, 0, ""},
	} {
		err := CheckQuery(&c.q)
		var qe *QueryError
		var m *QueryMismatch
		switch {
		case c.kind == 0 && err != nil:
			t.Errorf("%s: %v, want none", c.name, err)
		case c.kind != 0 && (!errors.As(err, &qe) || !errors.As(err, &m) || m.Kind != c.kind || qe.Field != c.field):
			t.Errorf("%s: %#v, want kind %d of field %s", c.name, err, c.kind, c.field)
		}
	}
}
