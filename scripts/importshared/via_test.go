package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

// embedded loads the committed data files as the commands do.
func embedded(t *testing.T) *defence.Dataset {
	t.Helper()
	var srcs []dataset.Source
	for _, f := range data.Files() {
		srcs = append(srcs, dataset.Source{Name: "embedded:" + f.Name, Data: f.Data})
	}
	ds, err := dataset.Load(srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// TestNATO2026KeepsEveryFigure: every figure the release held before it
// was regenerated from the export of all NATO's tables (the four columns
// of the NATO-2026-07-core rows of nato_defence_expenditure.csv: GDP,
// defence, share, equipment share, and the estimate flag) is in the
// regenerated release, unchanged, and it holds no ally-year more.
func TestNATO2026KeepsEveryFigure(t *testing.T) {
	shared := sharedDir(t)
	rel := embedded(t).Releases["nato-2026-07"]
	n := 0
	seen := map[string]bool{}
	for _, row := range testenv.ReadCSV(t, filepath.Join(shared, natoCSV)) {
		if row["vintage"] != "NATO-2026-07-core" {
			continue
		}
		y, _ := strconv.Atoi(row["year"])
		f, ok := rel.Figure(row["iso3"], y)
		if !ok {
			t.Errorf("%s %d: no cell", row["iso3"], y)
			continue
		}
		seen[row["iso3"]+row["year"]] = true
		for _, c := range []struct {
			col string
			got defence.Num
		}{{"gdp_musd", f.GDP}, {"defence_musd", f.Defence}, {"defence_pct_gdp", f.Share}, {"equipment_pct", f.Equipment}} {
			if !c.got.Known || c.got.V != num(t, row[c.col]) {
				t.Errorf("%s %d %s: %+v, want %s", row["iso3"], y, c.col, c.got, row[c.col])
			}
			n++
		}
		if f.Estimate != (row["estimate"] == "true") {
			t.Errorf("%s %d: estimate %v, want %s", row["iso3"], y, f.Estimate, row["estimate"])
		}
	}
	if n != 403*4 {
		t.Errorf("compared %d figures, want 1612 (403 ally-years x 4)", n)
	}
	if got := rel.CountryYears(); got != len(seen) {
		t.Errorf("the release has %d ally-years, the shared table %d", got, len(seen))
	}
}

// TestNATO2026HoldsEveryTable: every one of the export's 6,273 rows (15
// measures, allies and NATO's aggregates) is a figure of the release,
// with its estimate flag; the metadata is what the sources support; and
// Germany's figures are those nato_2026_via_all_tables.md prints.
func TestNATO2026HoldsEveryTable(t *testing.T) {
	shared := sharedDir(t)
	rel := embedded(t).Releases["nato-2026-07"]
	if rel.Title != "Defence Expenditure of NATO Countries (2014-2026)" || rel.Published != "2026-06" || rel.Cutoff != "" || rel.ConstantYear != 2021 {
		t.Errorf("metadata: title %q, published %q, cutoff %q, constant_year %d", rel.Title, rel.Published, rel.Cutoff, rel.ConstantYear)
	}
	rows := testenv.ReadCSV(t, filepath.Join(shared, viaCSV))
	if len(rows) != 6273 {
		t.Fatalf("%d rows, want 6273 (nato_2026_via_all_tables.md)", len(rows))
	}
	for _, row := range rows {
		key := viaMeasures[row["measure"]]
		y, _ := strconv.Atoi(row["year"])
		var f defence.Figure
		var ok bool
		if id, agg := viaGroups[row["geo"]]; agg {
			f, ok = rel.Aggregate(id, y)
		} else {
			f, ok = rel.Figure(viaCountries[row["geo"]], y)
		}
		if !ok {
			t.Errorf("%s %d: no cell", row["geo"], y)
			continue
		}
		got, found := cellValue(f, key)
		if !found || got != num(t, row["value"]) {
			t.Errorf("%s %d %s (%s): %v (found %v), want %s", row["geo"], y, row["measure"], key, got, found, row["value"])
		}
		if f.Estimate != (row["estimate"] == "True") {
			t.Errorf("%s %d: estimate %v, want %s", row["geo"], y, f.Estimate, row["estimate"])
		}
	}
	// Germany, as nato_2026_via_all_tables.md's table of measures prints
	// it: 2024 and 2026e.
	de24, _ := rel.Figure("DEU", 2024)
	de26, _ := rel.Figure("DEU", 2026)
	for _, c := range []struct {
		f    defence.Figure
		key  string
		want float64
	}{
		{de24, "defence_ncu_m", 86638}, {de26, "defence_ncu_m", 124660},
		{de24, "defence_const_ncu_m", 74002}, {de26, "defence_const_ncu_m", 100681},
		{de24, "defence_const_musd", 87583}, {de26, "defence_musd", 147002},
		{de24, "gdp_const_musd", 4378673}, {de26, "gdp_musd", 5455980},
		{de24, "real_change_pct", 24.26}, {de26, "real_change_pct", 22.29},
		{de24, "gdp_per_capita_const_kusd", 52.4}, {de26, "defence_per_capita_const_usd", 1427},
		{de24, "personnel_k", 181.4}, {de26, "personnel_k", 183.2},
		{de24, "personnel_pct", 29.38}, {de26, "infrastructure_pct", 4.91}, {de26, "other_pct", 40.13},
	} {
		if got, ok := cellValue(c.f, c.key); !ok || got != c.want {
			t.Errorf("Germany %s: %v, want %v", c.key, got, c.want)
		}
	}
	// Blank in the export: the Netherlands' 2026 personnel share.
	if nl, _ := rel.Figure("NLD", 2026); nl.Details().PersonnelPct.Known || !nl.Equipment.Known {
		t.Errorf("NLD 2026: personnel_pct %+v (want unknown), equipment %+v (want known)", nl.Details().PersonnelPct, nl.Equipment)
	}
}

func cellValue(f defence.Figure, key string) (float64, bool) {
	// A probe finds the key's field: SetCell is the one mapping of keys
	// to fields.
	var g defence.Figure
	if !dataset.SetCell(&g, key, defence.N(1)) {
		return 0, false
	}
	d, gd := f.Details(), g.Details()
	pairs := []struct{ probe, v defence.Num }{
		{g.GDP, f.GDP}, {g.Defence, f.Defence}, {g.Share, f.Share}, {g.Equipment, f.Equipment},
		{gd.DefenceNCU, d.DefenceNCU}, {gd.DefenceConstNCU, d.DefenceConstNCU}, {gd.DefenceConst, d.DefenceConst},
		{gd.GDPConst, d.GDPConst}, {gd.RealChange, d.RealChange}, {gd.GDPPerCapitaConst, d.GDPPerCapitaConst},
		{gd.DefencePerCapitaConst, d.DefencePerCapitaConst}, {gd.Personnel, d.Personnel}, {gd.PersonnelPct, d.PersonnelPct},
		{gd.InfrastructurePct, d.InfrastructurePct}, {gd.OtherPct, d.OtherPct},
	}
	for _, p := range pairs {
		if p.probe.Known {
			return p.v.V, p.v.Known
		}
	}
	return 0, false
}

// TestStoredAggregates: NATO's own aggregates in the releases of June 2024
// and 2026 equal nato_aggregates.csv (NATO Europe and Canada, NATO Total:
// defence, GDP, share) for every year of each.
func TestStoredAggregates(t *testing.T) {
	shared := sharedDir(t)
	ds := embedded(t)
	counts := map[string]int{}
	for _, row := range testenv.ReadCSV(t, filepath.Join(shared, aggCSV)) {
		id := map[string]string{"NATO-2024-06": "nato-2024-06", "NATO-2026-07-core": "nato-2026-07"}[row["vintage"]]
		if id == "" {
			continue
		}
		y, _ := strconv.Atoi(row["year"])
		f, ok := ds.Releases[id].Aggregate(aggGroups[row["group"]], y)
		if !ok {
			t.Errorf("%s: %s %d missing", id, row["group"], y)
			continue
		}
		for _, c := range []struct {
			col string
			got defence.Num
		}{{"defence_musd", f.Defence}, {"gdp_musd", f.GDP}, {"pct_gdp", f.Share}} {
			if !c.got.Known || c.got.V != num(t, row[c.col]) {
				t.Errorf("%s %s %d %s: %+v, want %s", id, row["group"], y, c.col, c.got, row[c.col])
			}
		}
		if f.Estimate != (row["estimate"] == "true") {
			t.Errorf("%s %s %d: estimate %v, want %s", id, row["group"], y, f.Estimate, row["estimate"])
		}
		counts[id]++
	}
	if counts["nato-2024-06"] != 22 || counts["nato-2026-07"] != 26 {
		t.Errorf("compared %v aggregate-years, want 22 (2 x 2014-2024) and 26 (2 x 2014-2026)", counts)
	}
	// NATO's published 2014 share of NATO Total in the June 2024 release
	// (Table 3): 2.58% (2.5786 in the workbook).
	if f, _ := ds.Releases["nato-2024-06"].Aggregate("nato", 2014); f.Share.V != 2.5786 {
		t.Errorf("nato-2024-06 NATO Total 2014 share %v, want 2.5786", f.Share.V)
	}
}

// TestCurrencies: the currencies of the 2026 release are those NATO's June
// 2024 workbook names where the figures agree, and euros for Bulgaria,
// whose 2026 series is in euros throughout (its implied rate equals
// Germany's) although the 2024 workbook gives leva; a country whose rates
// fit neither rule is an error, not a guess.
func TestCurrencies(t *testing.T) {
	rel := embedded(t).Releases["nato-2026-07"]
	if len(rel.Currencies) != 31 {
		t.Errorf("%d currencies, want 31", len(rel.Currencies))
	}
	for code, want := range map[string]string{"BGR": "EUR", "DEU": "EUR", "HRV": "EUR", "DNK": "DKK", "NOR": "NOK", "SWE": "SEK", "USA": "USD", "GBR": "GBP", "TUR": "TRY"} {
		if got := rel.Currencies[code]; got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
	ref := (&defence.Release{Currencies: map[string]string{"DEU": "EUR", "DNK": "DKK"}}).SetFigures(map[string]map[int]defence.Figure{})
	tb := &table{Cells: map[string]map[int]*cell{}}
	for y := 2014; y <= 2026; y++ {
		for _, c := range []struct {
			code     string
			ncu, usd float64
		}{{"DEU", 90, 100}, {"DNK", 670, 100}, {"XXX", 500, 100}} {
			if tb.Cells[c.code] == nil {
				tb.Cells[c.code] = map[int]*cell{}
				ref.Cells()[c.code] = map[int]defence.Figure{}
			}
			cl := &cell{Defence: strconv.FormatFloat(c.usd, 'f', -1, 64)}
			cl.set("defence_ncu_m", strconv.FormatFloat(c.ncu, 'f', -1, 64))
			tb.Cells[c.code][y] = cl
			f := defence.Figure{Defence: defence.N(c.usd)}
			dataset.SetCell(&f, "defence_ncu_m", defence.N(c.ncu))
			ref.Cells()[c.code][y] = f
		}
	}
	if _, _, err := establishCurrencies(tb, ref); err == nil || !strings.Contains(err.Error(), "XXX") {
		t.Errorf("a country no rule places: %v, want an error naming it", err)
	}
	delete(tb.Cells, "XXX")
	tb.Cells["DNK"][2018].set("defence_ncu_m", "900") // not DKK's rate that year, nor the euro's
	if _, _, err := establishCurrencies(tb, ref); err == nil || !strings.Contains(err.Error(), "DNK") {
		t.Errorf("a rate off by a third in one year: %v, want an error naming DNK", err)
	}
}
