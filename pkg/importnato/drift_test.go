package importnato

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/xlsx"
	"github.com/xuri/excelize/v2"
)

// The layout-drift tests change copies of NATO's real June 2024 workbook
// in code, with excelize (linked by tests only: the binary reads
// workbooks with pkg/xlsx), and import them: rows, columns and sheets that
// move change nothing but the cells the notes cite.

const workbookName = "240617-def-exp-2024-TABLES-en.xlsx"

func realWorkbook(t *testing.T) string {
	t.Helper()
	return filepath.Join(testenv.SharedDir(t, "workbooks/"+workbookName), "workbooks", workbookName)
}

// modified imports a copy of the real workbook changed by change.
func modified(t *testing.T, change func(f *excelize.File)) (*Result, error) {
	t.Helper()
	f, err := excelize.OpenFile(realWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// NATO's workbook defines some 700 names, most of them broken (#REF!),
	// that excelize rewrites on every row or column inserted: drop them
	// (the importer reads no defined name) to keep the test fast.
	for _, dn := range f.GetDefinedName() {
		_ = f.DeleteDefinedName(&excelize.DefinedName{Name: dn.Name, Scope: dn.Scope})
	}
	if change != nil {
		change(f)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	wb, err := xlsx.OpenBytes(workbookName, buf.Bytes(), xlsx.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	book, err := Read(wb)
	if err != nil {
		t.Fatal(err)
	}
	return Import(book, snapshot.Dataset(), Options{ID: "drift"})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestRealWorkbook: the real file, read by pkg/xlsx, gives every measure
// of NATO's tables, and all of NATO's sums agree with the allies'.
func TestRealWorkbook(t *testing.T) {
	wb, err := xlsx.Open(realWorkbook(t), xlsx.DefaultLimits())
	must(t, err)
	book, err := Read(wb)
	must(t, err)
	res, err := Import(book, snapshot.Dataset(), Options{ID: "real"})
	must(t, err)
	if len(res.Series) != len(measures) || len(res.Missing) != 0 {
		t.Errorf("%d series, missing %v", len(res.Series), res.Missing)
	}
	// Table 4: 31 allies x (2 years of defence at constant prices, 2
	// shares, 1 real change); 5 sums x 2 aggregates x 11 years; the share
	// against defence / GDP at constant prices, and against the figures
	// per capita: 31 allies x 11 years each (not Iceland, which has no
	// defence); the real change: 31 x 10 (2015-2024); the euro-area allies
	// of each year (ECB): 14 in 2014 (with Latvia), 15 from 2015
	// (Lithuania), 16 from 2023 (Croatia); the United States, whose
	// currency is the US dollar, 11 years x current and constant prices;
	// the constant-price rates, 31 x 11; current = constant prices in
	// 2015, the base year: 31 allies x defence in national currency and
	// in USD, 32 x GDP; the four categories: 31 x 11; NATO's 2 aggregates'
	// shares against their defence / GDP and per capita figures, 2 x 2 x
	// 11, and real change, 2 x 10 (the real change of 2014 is the one
	// aggregate that is a ratio left unchecked: 2 figures).
	want := []int{155, 110, 341, 341, 310, 14 + 8*15 + 2*16, 22, 341, 31 + 31 + 32, 341, 44 + 20}
	var got []int
	for _, c := range res.Checks {
		got = append(got, c.Checked)
	}
	total := 0
	for _, n := range want {
		total += n
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || res.Checked != total || res.Unchecked != 2 || len(res.Differences) != 0 {
		t.Errorf("checked %v (%d), want %v; differences %v", got, res.Checked, want, res.Differences)
	}
	r := res.Release
	if r.ConstantYear != 2015 || r.Currencies["NOR"] != "NOK" || r.Currencies["DNK"] != "DKK" || r.Currencies["HRV"] != "EUR" {
		t.Errorf("constant year %d, currencies %v", r.ConstantYear, r.Currencies)
	}
	// Albania 2014, by hand from the workbook: TABLE1 D11 18788.017032,
	// D44 18893.951763457313; TABLE2 D11 178.35898374258969 (current
	// prices), D45 150.02559881337785 (constant); TABLE7 E23 6.744;
	// TABLE3 D11 (share of GDP) 1.3465168570312589, rounded to 4
	// decimals.
	f := r.Cells()["ALB"][2014]
	d := f.Details()
	for _, c := range []struct {
		name string
		got  defence.Num
		want float64
	}{
		{"defence_ncu_m", d.DefenceNCU, 18788.02},
		{"defence_const_ncu_m", d.DefenceConstNCU, 18893.95},
		{"defence_const_musd", d.DefenceConst, 150.03},
		{"personnel_k", d.Personnel, 6.744},
		{"defence_musd", f.Defence, 178.36},
		{"share_pct", f.Share, 1.3465},
	} {
		if c.got != defence.N(c.want) {
			t.Errorf("ALB 2014 %s = %+v, want %v", c.name, c.got, c.want)
		}
	}
	if f.Estimate || !r.Cells()["ALB"][2023].Estimate || !r.Cells()["ALB"][2024].Estimate {
		t.Error("estimates: 2023e and 2024e only")
	}
	if _, ok := r.Cells()["ISL"][2024]; !ok || r.Cells()["ISL"][2024].Defence.Known {
		t.Error("Iceland: GDP, no defence")
	}
}

func sameFigures(t *testing.T, what string, got, want *defence.Release) {
	t.Helper()
	if len(got.Cells()) != len(want.Cells()) {
		t.Fatalf("%s: %d countries, want %d", what, len(got.Cells()), len(want.Cells()))
	}
	for code, ys := range want.Cells() {
		if len(got.Cells()[code]) != len(ys) {
			t.Errorf("%s: %s has %d years, want %d", what, code, len(got.Cells()[code]), len(ys))
		}
		for y, f := range ys {
			g := got.Cells()[code][y]
			if g.Details() != f.Details() || (g.Detail == nil) != (f.Detail == nil) {
				t.Errorf("%s: %s %d details = %+v, want %+v", what, code, y, g.Details(), f.Details())
			}
			g.Detail, f.Detail = nil, nil
			if g != f {
				t.Errorf("%s: %s %d = %+v, want %+v", what, code, y, g, f)
			}
		}
	}
}

// TestLayoutDrift: rows inserted, sheets renamed and reordered, columns
// shifted: the same figures.
func TestLayoutDrift(t *testing.T) {
	base, err := modified(t, nil)
	must(t, err)
	for _, tc := range []struct {
		name   string
		change func(f *excelize.File)
		cites  string // a cell the notes now cite
	}{
		{"rows inserted", func(f *excelize.File) {
			for _, s := range f.GetSheetList() {
				must(t, f.InsertRows(s, 1, 3))  // above the title
				must(t, f.InsertRows(s, 16, 2)) // among the countries
			}
		}, "defence_musd: sheet TABLE2, table \"Table 2 : Defence expenditure\" (cell B7; \"Million US dollars\"), section \"Current prices and exchange rates\" (cell B13), cells D14:N46."},
		{"sheets renamed and reordered", func(f *excelize.File) {
			must(t, f.SetSheetName("TABLE2", "Defence USD"))
			must(t, f.SetSheetName("TABLE8a", "Sheet 1"))
			must(t, f.MoveSheet("TABLE5", "TABLE1"))
		}, "defence_musd: sheet Defence USD, table"},
		{"columns shifted", func(f *excelize.File) {
			for _, s := range f.GetSheetList() {
				must(t, f.InsertCols(s, "A", 2))
			}
			must(t, f.InsertCols("TABLE5", "D", 1)) // a gap between names and years
		}, "gdp_musd: sheet TABLE5, table \"Table 5 : GDP\" (cell E4; \"Million US dollars\"), section \"Current prices and exchange rates\" (cell E10), cells G11:Q42."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := modified(t, tc.change)
			must(t, err)
			sameFigures(t, tc.name, res.Release, base.Release)
			if res.Checked != base.Checked || len(res.Differences) != 0 {
				t.Errorf("checked %d (want %d), differences %v", res.Checked, base.Checked, res.Differences)
			}
			if !strings.Contains(strings.Join(res.Release.Notes, "\n"), tc.cites) {
				t.Errorf("the notes do not cite %q:\n%s", tc.cites, strings.Join(res.Release.Notes, "\n"))
			}
		})
	}
}

// TestYearAdded: a column 2025e added to Table 2 gives 2025 estimates of
// defence in USD, and nothing else for 2025.
func TestYearAdded(t *testing.T) {
	res, err := modified(t, func(f *excelize.File) {
		must(t, f.SetCellStr("TABLE2", "O8", "2025e"))
		must(t, f.SetCellFloat("TABLE2", "O11", 612.345, -1, 64)) // Albania, current prices
		must(t, f.SetCellFloat("TABLE2", "O21", 101234.5678, -1, 64))
		// Albania, constant prices: 330.125 is a binary fraction, a tie
		// at 2 decimals, rounded to the even digit (as strconv does).
		must(t, f.SetCellFloat("TABLE2", "O45", 330.125, -1, 64))
	})
	must(t, err)
	r := res.Release
	if got := r.Cells()["ALB"][2025]; got.Details() != (defence.Detail{DefenceConst: defence.N(330.12)}) ||
		got.Defence != defence.N(612.35) || !got.Estimate || got.GDP.Known || got.Share.Known {
		t.Errorf("ALB 2025 = %+v, details %+v", got, got.Details())
	}
	if got := r.Cells()["DEU"][2025]; got != (defence.Figure{Defence: defence.N(101234.57), Estimate: true}) {
		t.Errorf("DEU 2025 = %+v", got)
	}
	if _, ok := r.Cells()["FRA"][2025]; ok {
		t.Error("France 2025 is blank, but has a cell")
	}
	if r.Cells()["ALB"][2024].Defence != defence.N(516.11) {
		t.Error("2024 moved")
	}
}

// TestDriftErrors: what cannot be placed in the real workbook is an error
// naming the sheet and cell, or the table missing.
func TestDriftErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(f *excelize.File)
		want   string
	}{
		{"unknown country", func(f *excelize.File) { must(t, f.SetCellStr("TABLE5", "C20", "Gallia")) },
			`sheet TABLE5, cell C20: unknown country "Gallia"`},
		{"text where a number belongs", func(f *excelize.File) { must(t, f.SetCellStr("TABLE3", "H15", "1,81")) },
			`sheet TABLE3, cell H15: found the text "1,81" where a figure of defence, % of GDP (constant prices) belongs`},
		{"table deleted", func(f *excelize.File) { must(t, f.DeleteSheet("TABLE8a")) },
			`no section equipment( \([a-z]\))? of the table of distribution by category found`},
		{"title changed", func(f *excelize.File) { must(t, f.SetCellStr("TABLE5", "B4", "Table 5 : Gross domestic product")) },
			`no section current prices( and exchange rates)? of the table of GDP found`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := modified(t, tc.change)
			if err == nil || !strings.HasPrefix(err.Error(), workbookName+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestFormatsThroughTheFile: number formats are read from the workbook's
// styles (pkg/xlsx), not only in memory: shares stored as fractions with
// a 0.00% style give the same figures; a year header typed as a date is
// refused, naming the cell.
func TestFormatsThroughTheFile(t *testing.T) {
	base, err := modified(t, nil)
	must(t, err)
	res, err := modified(t, func(f *excelize.File) {
		style, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
		must(t, err)
		for row := 11; row <= 43; row++ {
			for col := 4; col <= 14; col++ {
				ref, _ := excelize.CoordinatesToCellName(col, row)
				v, err := f.GetCellValue("TABLE3", ref, excelize.Options{RawCellValue: true})
				must(t, err)
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					must(t, f.SetCellFloat("TABLE3", ref, x/100, -1, 64))
					must(t, f.SetCellStyle("TABLE3", ref, ref, style))
				}
			}
		}
	})
	must(t, err)
	sameFigures(t, "shares as fractions", res.Release, base.Release)
	_, err = modified(t, func(f *excelize.File) {
		yyyy := "yyyy"
		style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &yyyy})
		must(t, err)
		must(t, f.SetCellFloat("TABLE5", "I8", 43466, -1, 64)) // 1 January 2019
		must(t, f.SetCellStyle("TABLE5", "I8", "I8", style))
	})
	if want := `sheet TABLE5, cell I8: a date (43466, formatted "yyyy") where a year header belongs`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}
