package importnato

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/xlsx"
)

// cell builds a cell from its reference and value: a string is text, a
// float64 or int a number.
func cell(ref string, v any) xlsx.Cell {
	m := regexp.MustCompile(`^([A-Z]+)([0-9]+)$`).FindStringSubmatch(ref)
	col := 0
	for _, ch := range m[1] {
		col = col*26 + int(ch-'A'+1)
	}
	row, _ := strconv.Atoi(m[2])
	c := xlsx.Cell{Ref: ref, Col: col, Row: row}
	switch v := v.(type) {
	case string:
		c.Type, c.Text = xlsx.Text, v
	case float64:
		c.Type, c.Num, c.Text = xlsx.Number, v, strconv.FormatFloat(v, 'g', -1, 64)
	case int:
		c.Type, c.Num, c.Text = xlsx.Number, float64(v), strconv.Itoa(v)
	case xlsx.CellType: // an error value
		c.Type, c.Text = v, "#REF!"
	}
	return c
}

// sheet builds a sheet from cells in any order: rows sorted, as pkg/xlsx
// returns them.
func sheet(name string, cells ...xlsx.Cell) Sheet {
	byRow := map[int][]xlsx.Cell{}
	var idx []int
	for _, c := range cells {
		if byRow[c.Row] == nil {
			idx = append(idx, c.Row)
		}
		byRow[c.Row] = append(byRow[c.Row], c)
	}
	sortInts(idx)
	s := Sheet{Name: name}
	for _, i := range idx {
		cs := byRow[i]
		for a := 1; a < len(cs); a++ {
			for b := a; b > 0 && cs[b].Col < cs[b-1].Col; b-- {
				cs[b], cs[b-1] = cs[b-1], cs[b]
			}
		}
		s.Rows = append(s.Rows, xlsx.Row{Index: i, Cells: cs})
	}
	return s
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// simple is a table of two years (2023, 2024e), with sections, of
// Albania, Czechia and Montenegro and NATO's aggregates.
type simple struct {
	title, unit string
	sections    []string    // headings, "" for a table without
	values      [][]float64 // per section: ALB 2023, ALB 2024, CZE 2023, CZE 2024, MNE 2023, MNE 2024
}

// build lays a table out from row 4, label columns B (headings,
// aggregates) and C (countries), years in D and E.
func (s simple) build(name string) Sheet {
	cells := []xlsx.Cell{cell("B4", s.title), cell("B6", s.unit), cell("D8", 2023), cell("E8", "2024e")}
	row := 10
	names := []string{"Albania   (Leks)", "Czechia*   (Koruny)", "Montenegro   (Euros)"}
	for i, h := range s.sections {
		if h != "" {
			cells = append(cells, cell("B"+strconv.Itoa(row), h))
			row++
		}
		v := s.values[i]
		for k, n := range names {
			r := strconv.Itoa(row)
			cells = append(cells, cell("C"+r, n), cell("D"+r, v[2*k]), cell("E"+r, v[2*k+1]))
			row++
		}
	}
	return sheet(name, cells...)
}

// minimal is the smallest workbook that imports: the four required
// measures, each a table of its own.
func minimal() *Workbook {
	return &Workbook{Name: "240617-test.xlsx", SHA256: strings.Repeat("0", 64), Sheets: []Sheet{
		simple{"Table 2 : Defence expenditure", "Million US dollars", []string{"Current prices and exchange rates"},
			[][]float64{{397.2735, 516.1149, 5000, 6000.004, 100, 150}}}.build("TABLE2"),
		simple{"Table 3 : Defence expenditure as a share of GDP and annual real change", "Based on 2015 prices", []string{"Share of real GDP (%)"},
			[][]float64{{1.74681, 2.02947, 1.5, 2.1, 1.6, 2.0}}}.build("TABLE3"),
		simple{"Table 5 : GDP", "Million US dollars", []string{"Current prices and exchange rates"},
			[][]float64{{22743, 25431, 300000, 330000.5, 7000, 7400}}}.build("TABLE5"),
		simple{"Table 8a : Distribution of defence expenditure by main category", "Percentage of total defence expenditure", []string{"Equipment (a)"},
			[][]float64{{25.19491, 47.74403, 20, 30, 10, 12}}}.build("TABLE8a"),
	}}
}

func mustImport(t *testing.T, wb *Workbook) *Result {
	t.Helper()
	res, err := Import(wb, snapshot.Dataset(), Options{ID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestMinimal: the four required tables give a release, figures rounded
// (amounts to 2 decimals, percentages to 4), 2024e an estimate, names
// with their decoration stripped, the date from the file's name.
func TestMinimal(t *testing.T) {
	res := mustImport(t, minimal())
	r := res.Release
	if r.Published != "2024-06-17" || r.Series != defence.SeriesDefence || r.Publisher != "NATO" {
		t.Errorf("release %+v", r)
	}
	alb := r.Cells()["ALB"]
	want := defence.Figure{GDP: defence.N(25431), Defence: defence.N(516.11), Share: defence.N(2.0295), Equipment: defence.N(47.744), Estimate: true}
	if alb[2024] != want {
		t.Errorf("ALB 2024 = %+v, want %+v", alb[2024], want)
	}
	if f := alb[2023]; f.Estimate || f.Defence != defence.N(397.27) || f.Share != defence.N(1.7468) {
		t.Errorf("ALB 2023 = %+v", f)
	}
	if f := r.Cells()["CZE"][2024]; f.Defence != defence.N(6000) || f.GDP != defence.N(330000.5) {
		t.Errorf("CZE 2024 = %+v (Czechia* is Czechia)", f)
	}
	if r.Currencies != nil || r.ConstantYear != 0 {
		t.Errorf("no national currency or constant prices, but currencies %v, constant year %d", r.Currencies, r.ConstantYear)
	}
	var b bytes.Buffer
	if err := res.Encode(&b, ""); err != nil {
		t.Fatal(err)
	}
	if want := "  ALB:\n    2023: {gdp_musd: 22743.00, defence_musd: 397.27, share_pct: 1.7468, equipment_pct: 25.1949}\n"; !strings.Contains(b.String(), want) {
		t.Errorf("encoded release lacks %q:\n%s", want, b.String())
	}
	if len(res.Missing) != len(measures)-4 {
		t.Errorf("missing %v", res.Missing)
	}
}

// TestSectionsAndCurrencies: Table 1's rows name the currency; constant
// prices give the release its base year; a section's measure is found by
// its heading, whatever its place.
func TestSectionsAndCurrencies(t *testing.T) {
	wb := minimal()
	wb.Sheets = append(wb.Sheets, simple{"Table 1 : Defence expenditure", "Million national currency units",
		[]string{"Constant 2015 prices ", "Current prices"}, // constant first: order does not matter
		[][]float64{{32542.519, 38973.374, 72643.479, 112343.19, 71.64, 96.69}, {40256.139, 49842.376, 100735.232, 159691.469, 105.7732, 150.0704}}}.build("T1"))
	r := mustImport(t, wb).Release
	if r.ConstantYear != 2015 {
		t.Errorf("constant year %d, want 2015", r.ConstantYear)
	}
	if want := map[string]string{"ALB": "ALL", "CZE": "CZK", "MNE": "EUR"}; fmt.Sprint(r.Currencies) != fmt.Sprint(want) {
		t.Errorf("currencies %v, want %v", r.Currencies, want)
	}
	f := r.Cells()["ALB"][2024]
	if d := f.Details(); d.DefenceNCU != defence.N(49842.38) || d.DefenceConstNCU != defence.N(38973.37) {
		t.Errorf("ALB 2024 in national currency: %+v %+v", d.DefenceNCU, d.DefenceConstNCU)
	}
}

// TestAggregates: NATO's sums are checked against the allies of the year:
// Montenegro (an ally from 2017) counts in 2023. A total that differs is
// reported with its cell, in the result and the notes.
func TestAggregates(t *testing.T) {
	wb := minimal()
	s := &wb.Sheets[0]
	// NATO Total: ALB + CZE + MNE in 2023 = 397.2735 + 5000 + 100 = 5497.2735; 2024: 6666.1189 (published 6667.12: off by 1.0011).
	s.Rows = append(s.Rows, xlsx.Row{Index: 20, Cells: []xlsx.Cell{cell("B20", "NATO Total"), cell("D20", 5497.2735), cell("E20", 6667.12)}})
	want := "NATO Total of defence_musd in 2024 (sheet TABLE2, cell E20) is 6667.12; the allies of 2024 add up to 6666.12 (difference 1.00)"
	_, err := Import(wb, snapshot.Dataset(), Options{ID: "t"})
	var de *DifferencesError
	if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), "240617-test.xlsx: NATO's tables differ from each other beyond rounding in 1 of 2 comparisons") ||
		!strings.HasSuffix(err.Error(), "(--accept-differences imports anyway and writes the differences into the release's notes):\n  "+want) {
		t.Fatalf("without --accept-differences: error %v", err)
	}
	res, err := Import(wb, snapshot.Dataset(), Options{ID: "t", AcceptDifferences: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Checked != 2 || len(res.Differences) != 1 {
		t.Fatalf("checked %d, differences %v", res.Checked, res.Differences)
	}
	if res.Differences[0] != want {
		t.Errorf("difference\n%s\nwant\n%s", res.Differences[0], want)
	}
	if !contains(res.Release.Notes, "Difference: "+want+".") {
		t.Errorf("the notes do not report the difference: %q", res.Release.Notes)
	}
	var b bytes.Buffer
	res.Summary(&b)
	if !strings.Contains(b.String(), "2 comparisons, 1 differ beyond rounding (accepted: --accept-differences):\n  2: NATO's aggregates that are sums") || !strings.Contains(b.String(), "\n  differs: "+want+"\n") {
		t.Errorf("summary:\n%s", b.String())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestFaults: what cannot be placed is an error naming the sheet and cell.
func TestFaults(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(wb *Workbook)
		want   string
	}{
		{"unknown country", func(wb *Workbook) { wb.Sheets[0].Rows[4].Cells[0] = cell("C11", "Atlantis*") },
			`240617-test.xlsx: sheet TABLE2, cell C11: unknown country "Atlantis" (expected a country of the countries file, by its name or an alias; add NATO's spelling as an alias in data/countries.yaml)`},
		{"text for a number", func(wb *Workbook) { wb.Sheets[1].Rows[4].Cells[2] = cell("E11", "2,03") },
			`240617-test.xlsx: sheet TABLE3, cell E11: found the text "2,03" where a figure of defence, % of GDP (constant prices) belongs (expected a number, or a blank)`},
		{"error value for a number", func(wb *Workbook) { wb.Sheets[2].Rows[5].Cells[1] = cell("D12", xlsx.Error) },
			`240617-test.xlsx: sheet TABLE5, cell D12: found the error value #REF! where a figure of GDP, million USD, current prices belongs (expected a number, or a blank)`},
		{"missing table", func(wb *Workbook) { wb.Sheets = wb.Sheets[:3] },
			`240617-test.xlsx: no section equipment( \([a-z]\))? of the table of distribution by category found (expected a title such as "Table 8a : Distribution of defence expenditure by main category", searched sheets TABLE2, TABLE3, TABLE5)`},
		{"unknown section", func(wb *Workbook) { wb.Sheets[0].Rows[3].Cells[0] = cell("B10", "Current prices (billions)") },
			`240617-test.xlsx: sheet TABLE2, cell B10: "Current prices (billions)" is not a section heading of table "Table 2 : Defence expenditure" (expected one of: current prices( and exchange rates)?; constant (\d{4}) prices( and exchange rates)?)`},
		{"no years", func(wb *Workbook) { wb.Sheets[2].Rows[2].Cells = []xlsx.Cell{cell("D8", "Year")} },
			`240617-test.xlsx: sheet TABLE5, cell B4: table "Table 5 : GDP" has no row of years (expected a row of year headers such as 2014 ... 2024e below the title)`},
		{"country twice", func(wb *Workbook) { wb.Sheets[0].Rows[5].Cells[0] = cell("C12", "Albania") },
			`240617-test.xlsx: sheet TABLE2, cell C12: Albania is listed twice in this section of table "Table 2 : Defence expenditure" (also at cell C11)`},
		{"negative amount", func(wb *Workbook) { wb.Sheets[0].Rows[4].Cells[1] = cell("D11", -5.0) },
			`240617-test.xlsx: sheet TABLE2, cell D11: -5 is negative (expected defence, million USD, current prices of at least 0)`},
		{"no date", func(wb *Workbook) { wb.Name = "def-exp.xlsx" },
			`def-exp.xlsx: the workbook prints no date and its name does not start with one (NATO names its files YYMMDD-...): give the date of publication (--published YYYY-MM-DD)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb := minimal()
			tc.change(wb)
			_, err := Import(wb, snapshot.Dataset(), Options{ID: "t"})
			if err == nil || err.Error() != tc.want {
				t.Errorf("error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestBlanks: a blank, or a text NATO prints for none, stays blank: the
// figure is absent, and a country-year without any figure has no cell.
func TestBlanks(t *testing.T) {
	wb := minimal()
	for _, sh := range wb.Sheets {
		for i := range sh.Rows {
			if sh.Rows[i].Index == 13 { // Montenegro: 2024e blank everywhere
				sh.Rows[i].Cells = sh.Rows[i].Cells[:2]
			}
		}
	}
	wb.Sheets[0].Rows[6].Cells = append(wb.Sheets[0].Rows[6].Cells[:2], cell("E13", "-")) // a dash is a blank too
	res := mustImport(t, wb)
	if _, ok := res.Release.Cells()["MNE"][2024]; ok {
		t.Error("Montenegro 2024, blank in every table, has a cell")
	}
	if f := res.Release.Cells()["MNE"][2023]; !f.Defence.Known {
		t.Error("Montenegro 2023 lost its figures")
	}
	for _, s := range res.Series {
		if s.Blanks != 1 || s.Figures != 5 || s.Estimates != 2 {
			t.Errorf("%s: %d blanks, %d figures, %d estimates; want 1, 5, 2", s.Key, s.Blanks, s.Figures, s.Estimates)
		}
	}
}

func TestRowName(t *testing.T) {
	for in, want := range map[string][2]string{
		"Albania   (Leks)":        {"Albania", "Leks"},
		"Czechia*   (Koruny)":     {"Czechia", "Koruny"},
		"Czechia*":                {"Czechia", ""},
		"Romania*\u00a0(New Lei)": {"Romania", "New Lei"},
		"  Türkiye ":              {"Türkiye", ""},
		"Latvia**":                {"Latvia", ""},
		"NATO Total":              {"NATO Total", ""},
	} {
		name, paren := rowName(in)
		if name != want[0] || paren != want[1] {
			t.Errorf("rowName(%q) = %q, %q; want %q, %q", in, name, paren, want[0], want[1])
		}
	}
}

func TestYearOf(t *testing.T) {
	for _, c := range []struct {
		c     xlsx.Cell
		y     int
		e, ok bool
	}{
		{cell("D8", 2014), 2014, false, true},
		{cell("D8", "2019"), 2019, false, true},
		{cell("D8", "'2019"), 2019, false, true},
		{cell("D8", "2023e"), 2023, true, true},
		{cell("D8", "2024E"), 2024, true, true},
		{cell("D8", 2014.5), 0, false, false},
		{cell("D8", "Real change 2014-2024e (%)"), 0, false, false},
		{cell("D8", 12), 0, false, false},
	} {
		y, ok := yearOf(c.c)
		if ok != c.ok || y.year != c.y || y.estimate != c.e {
			t.Errorf("yearOf(%q) = %+v, %v", c.c.Text, y, ok)
		}
	}
}

// TestEuroAdoption: a currency a row names must be the one the data gives
// the country, unless it is the euro the country adopted within the
// table's years (Bulgaria: 1 January 2026). For a table that ends before
// the adoption, the data's currency is that of the releases that do too
// (nato-2024-06: BGN), not the euros of the 2026 release.
func TestEuroAdoption(t *testing.T) {
	for _, tc := range []struct {
		first, last any
		want        string
		cur         string // the currency the row names: Euros when ""
	}{
		{2025, "2026e", "", ""},
		{2024, "2025e", `240617-test.xlsx: sheet T1, cell C11: "Bulgaria (Euros)" names EUR ("Euros"), but the data gives Bulgaria the currency BGN (release nato-2024-06): refused`, ""},
		// Leva before 2026: the currency of nato-2024-06, although the
		// newest release (nato-2026-07, 2014-2026) gives Bulgaria's
		// whole series in euros.
		{2024, "2025e", "", "Leva"},
		{2025, "2026e", `240617-test.xlsx: sheet T1, cell C11: "Bulgaria (Leva)" names BGN ("Leva"), but the data gives Bulgaria the currency EUR (release nato-2026-07): refused`, "Leva"},
	} {
		label := "Bulgaria (Euros)"
		if tc.cur != "" {
			label = "Bulgaria (" + tc.cur + ")"
		}
		wb := minimal()
		wb.Sheets = append(wb.Sheets, sheet("T1", cell("B4", "Table 1 : Defence expenditure"), cell("B6", "Million national currency units"),
			cell("D8", tc.first), cell("E8", tc.last), cell("B10", "Current prices"), cell("C11", label), cell("D11", 1500.5), cell("E11", 1600.25)))
		res, err := Import(wb, snapshot.Dataset(), Options{ID: "t"})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%v: %v", tc.last, err)
		case tc.want == "" && tc.cur == "" && res.Release.Currencies["BGR"] != "EUR", tc.want == "" && tc.cur == "Leva" && res.Release.Currencies["BGR"] != "BGN":
			t.Errorf("%v: currencies %v", tc.last, res.Release.Currencies)
		case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%v: error %v, want %s", tc.last, err, tc.want)
		}
	}
}
