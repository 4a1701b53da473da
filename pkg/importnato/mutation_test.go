package importnato

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/xlsx"
)

// The differential tests change NATO's real June 2024 workbook as NATO
// (or a copy re-saved by someone) might, in memory, on the cells pkg/xlsx
// read from it, and import each mutant. Each mutation is classed: it must
// give the figures of the real workbook, identical, or it must be refused
// (an error). An import that succeeds with figures that differ from the
// real workbook's fails the test, and so does one that succeeds where the
// mutation must be refused.
//
// Where the cells are, in the real workbook (pkg/xlsx, checked by hand):
// year headers in row 8 of TABLE1-3, 5, 6, 8a, 8b, D8 (2014) to N8
// (2024e), I8 the text "2019" but in TABLE5 (a number); the allies in
// rows 11-41 (TABLE5 and TABLE6: 11-42, with Iceland) in NATO's order,
// Albania first, France 20, Germany 21, Italy 24, Spain 37; the second
// section's heading in row 43 (TABLE1, 8a, 8b) or 44 (TABLE2, 3) or 45
// (TABLE5, 6), its allies below; TABLE4 (title B16, unit B18) has years in
// D20 (2014) and E20 (2024e), the real change in F, the shares in G and H,
// the allies in rows 23-53; TABLE7 (title C16, unit C18) years E20:O20,
// allies in D23:D53.

var (
	baseOnce sync.Once
	baseBook *Workbook
	baseRes  *Result
	baseErr  error
)

// baseline reads and imports the real workbook once for all mutants.
func baseline(t *testing.T) (*Workbook, *Result) {
	t.Helper()
	path := realWorkbook(t)
	baseOnce.Do(func() {
		wb, err := xlsx.Open(path, xlsx.DefaultLimits())
		if err != nil {
			baseErr = err
			return
		}
		if baseBook, baseErr = Read(wb); baseErr != nil {
			return
		}
		baseRes, baseErr = Import(baseBook, snapshot.Dataset(), Options{ID: "drift"})
	})
	if baseErr != nil {
		t.Fatal(baseErr)
	}
	return baseBook, baseRes
}

// clone copies a workbook deeply enough to change its cells.
func clone(wb *Workbook) *Workbook {
	out := &Workbook{Name: wb.Name, SHA256: wb.SHA256, Sheets: make([]Sheet, len(wb.Sheets))}
	for i, sh := range wb.Sheets {
		rows := make([]xlsx.Row, len(sh.Rows))
		for j, r := range sh.Rows {
			rows[j] = xlsx.Row{Index: r.Index, Cells: slices.Clone(r.Cells)}
		}
		out.Sheets[i] = Sheet{Name: sh.Name, Rows: rows}
	}
	return out
}

// mutant is a workbook being changed.
type mutant struct {
	t  *testing.T
	wb *Workbook
}

func (m mutant) sheet(name string) *Sheet {
	for i := range m.wb.Sheets {
		if m.wb.Sheets[i].Name == name {
			return &m.wb.Sheets[i]
		}
	}
	m.t.Fatalf("no sheet %s", name)
	return nil
}

var refRE = regexp.MustCompile(`^([A-Z]+)([0-9]+)$`)

func parseCellRef(t *testing.T, ref string) (col, row int) {
	m := refRE.FindStringSubmatch(ref)
	if m == nil {
		t.Fatalf("bad ref %s", ref)
	}
	for _, ch := range m[1] {
		col = col*26 + int(ch-'A'+1)
	}
	row, _ = strconv.Atoi(m[2])
	return col, row
}

// at returns the cell at ref, which must have a value.
func (m mutant) at(sheet, ref string) *xlsx.Cell {
	col, row := parseCellRef(m.t, ref)
	sh := m.sheet(sheet)
	for i := range sh.Rows {
		if sh.Rows[i].Index == row {
			for j := range sh.Rows[i].Cells {
				if sh.Rows[i].Cells[j].Col == col {
					return &sh.Rows[i].Cells[j]
				}
			}
		}
	}
	m.t.Fatalf("no cell %s!%s", sheet, ref)
	return nil
}

// set gives the cell at ref a value (text, number) and a number format.
func (m mutant) set(sheet, ref string, v any, format string) {
	c := cell(ref, v)
	c.Format = format
	sh := m.sheet(sheet)
	i, found := slices.BinarySearchFunc(sh.Rows, c.Row, func(r xlsx.Row, row int) int { return r.Index - row })
	if !found {
		sh.Rows = slices.Insert(sh.Rows, i, xlsx.Row{Index: c.Row})
	}
	cs := sh.Rows[i].Cells
	j, found := slices.BinarySearchFunc(cs, c.Col, func(x xlsx.Cell, col int) int { return x.Col - col })
	if found {
		cs[j] = c
	} else {
		sh.Rows[i].Cells = slices.Insert(cs, j, c)
	}
}

// numbers applies fn to the number cells of an area ("D11:N43").
func (m mutant) numbers(sheet, area string, fn func(c *xlsx.Cell)) {
	a, b, _ := strings.Cut(area, ":")
	c1, r1 := parseCellRef(m.t, a)
	c2, r2 := parseCellRef(m.t, b)
	sh := m.sheet(sheet)
	n := 0
	for i := range sh.Rows {
		for j := range sh.Rows[i].Cells {
			c := &sh.Rows[i].Cells[j]
			if c.Type == xlsx.Number && c.Row >= r1 && c.Row <= r2 && c.Col >= c1 && c.Col <= c2 {
				fn(c)
				n++
			}
		}
	}
	if n == 0 {
		m.t.Fatalf("no number in %s!%s", sheet, area)
	}
}

// scale multiplies the numbers of an area by f, giving them a format.
func (m mutant) scale(sheet, area string, f float64, format string) {
	m.numbers(sheet, area, func(c *xlsx.Cell) {
		c.Num *= f
		c.Text = strconv.FormatFloat(c.Num, 'g', -1, 64)
		c.Format = format
	})
}

func (m mutant) format(sheet, area, format string) {
	m.numbers(sheet, area, func(c *xlsx.Cell) { c.Format = format })
}

// swapLabels swaps the labels of two countries in the rows from..to of a
// sheet (0, 0: all rows).
func (m mutant) swapLabels(sheet, a, b string, from, to int) {
	sh := m.sheet(sheet)
	var as, bs []*xlsx.Cell
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if from > 0 && (r.Index < from || r.Index > to) {
			continue
		}
		for j := range r.Cells {
			c := &r.Cells[j]
			if c.Type != xlsx.Text {
				continue
			}
			switch name, _ := rowName(c.Text); name {
			case a:
				as = append(as, c)
			case b:
				bs = append(bs, c)
			}
		}
	}
	if len(as) == 0 || len(as) != len(bs) {
		m.t.Fatalf("%s: %d labels %s, %d %s", sheet, len(as), a, len(bs), b)
	}
	for i := range as {
		as[i].Text, bs[i].Text = bs[i].Text, as[i].Text
	}
}

func (m mutant) relabel(sheet, ref, from, to string) {
	c := m.at(sheet, ref)
	if !strings.Contains(c.Text, from) {
		m.t.Fatalf("%s!%s is %q, without %q", sheet, ref, c.Text, from)
	}
	c.Text = strings.Replace(c.Text, from, to, 1)
}

// renumber moves rows: each row's index becomes move(index); the rows are
// then sorted.
func (m mutant) renumber(sheet string, move func(int) int) {
	sh := m.sheet(sheet)
	for i := range sh.Rows {
		r := &sh.Rows[i]
		r.Index = move(r.Index)
		for j := range r.Cells {
			c := &r.Cells[j]
			c.Row = r.Index
			c.Ref = colName(c.Col) + strconv.Itoa(c.Row)
		}
	}
	slices.SortFunc(sh.Rows, func(a, b xlsx.Row) int { return a.Index - b.Index })
}

func (m mutant) insertRows(sheet string, at, n int) {
	m.renumber(sheet, func(i int) int {
		if i >= at {
			return i + n
		}
		return i
	})
}

func (m mutant) insertCols(sheet string, at, n int) {
	sh := m.sheet(sheet)
	for i := range sh.Rows {
		for j := range sh.Rows[i].Cells {
			c := &sh.Rows[i].Cells[j]
			if c.Col >= at {
				c.Col += n
				c.Ref = colName(c.Col) + strconv.Itoa(c.Row)
			}
		}
	}
}

// mutation is one change of the workbook and what it must give.
type mutation struct {
	name   string
	same   bool   // must give the real workbook's figures; else must be refused
	want   string // the refusal's message contains this
	change func(m mutant)
}

var allSheets = []string{"TABLE1", "TABLE2", "TABLE3", "TABLE4", "TABLE5", "TABLE6", "TABLE7", "TABLE8a", "TABLE8b"}

// mutations are the kinds of issue 20 and of the layout-drift tests, and
// more of each.
func mutations() []mutation {
	const (
		pct  = "0.00%"
		pct1 = "0.0%"
	)
	ms := []mutation{
		// Units: relabelled with rescaled figures (the same), or the
		// label alone (refused: the figures no longer agree with the
		// other tables, or the currency is not the measure's).
		{"T2 and T4 in billion US dollars, figures / 1000", true, "", func(m mutant) {
			m.set("TABLE2", "B6", "Billion US dollars", "")
			m.scale("TABLE2", "D11:N77", 1e-3, "")
			m.set("TABLE4", "B18", "Billion US dollars (2015 prices and exchange rates)", "")
			m.scale("TABLE4", "D23:E60", 1e-3, "")
		}},
		{"T2 in thousand US dollars, figures x 1000", true, "", func(m mutant) {
			m.set("TABLE2", "B6", "Thousand US dollars", "")
			m.scale("TABLE2", "D11:N77", 1e3, "")
		}},
		{"T5 in billion US dollars, figures / 1000", true, "", func(m mutant) {
			m.set("TABLE5", "B6", "Billion US dollars", "")
			m.scale("TABLE5", "D11:N79", 1e-3, "")
		}},
		{"T1 in thousand national currency units, figures x 1000", true, "", func(m mutant) {
			m.set("TABLE1", "B6", "Thousand national currency units", "")
			m.scale("TABLE1", "D11:N74", 1e3, "")
		}},
		{"T7 in millions, figures / 1000", true, "", func(m mutant) {
			m.set("TABLE7", "C18", "Millions", "")
			m.scale("TABLE7", "E23:O60", 1e-3, "")
		}},
		{"T2 and T4 relabelled billion US dollars, figures as they were", false, "differ from each other beyond rounding", func(m mutant) {
			m.set("TABLE2", "B6", "Billion US dollars", "")
			m.set("TABLE4", "B18", "Billion US dollars (2015 prices and exchange rates)", "")
		}},
		{"T2 relabelled thousand US dollars", false, "sheet TABLE4, cell D23: defence at constant prices in 2014 of Albania is 150.02559881337785 here, 0.15002559881337785 at cell D45", func(m mutant) { m.set("TABLE2", "B6", "Thousand US dollars", "") }},
		{"T5 relabelled thousand US dollars", false, "but 100 x defence / GDP at constant prices", func(m mutant) { m.set("TABLE5", "B6", "Thousand US dollars", "") }},
		{"T5 relabelled billion US dollars", false, "but 100 x defence / GDP at constant prices", func(m mutant) { m.set("TABLE5", "B6", "Billion US dollars", "") }},
		{"T1 relabelled billion national currency units", false, "sheet TABLE1, cell D41: United States in 2014 in its national currency, the US dollar, is 653942000.00 million, but 653942.00 million in US dollars (sheet TABLE2, cell D41)", func(m mutant) {
			m.set("TABLE1", "B6", "Billion national currency units", "")
		}},
		{"T4 relabelled billion US dollars", false, "sheet TABLE4, cell D23: defence at constant prices in 2014 of Albania is 150025.59881337784 here, 150.02559881337785 at cell D45", func(m mutant) {
			m.set("TABLE4", "B18", "Billion US dollars (2015 prices and exchange rates)", "")
		}},
		{"T5 in million euros, figures x 0.92", false, `sheet TABLE5, cell B6: the unit "Million euros" names EUR, but table "Table 5 : GDP" gives GDP, million USD, current prices`, func(m mutant) {
			m.set("TABLE5", "B6", "Million euros", "")
			m.scale("TABLE5", "D11:N79", 0.92, "")
		}},
		{"T5 relabelled million euros", false, `the unit "Million euros" names EUR`, func(m mutant) { m.set("TABLE5", "B6", "Million euros", "") }},
		{"T2 relabelled million euros", false, `sheet TABLE2, cell B6: the unit "Million euros" names EUR`, func(m mutant) { m.set("TABLE2", "B6", "Million euros", "") }},
		{"T2 in million US dollars and euros", false, `names EUR and USD`, func(m mutant) { m.set("TABLE2", "B6", "Million US dollars and euros", "") }},
		{"T1 relabelled million euros", false, `sheet TABLE1, cell B6: the unit "Million euros" names EUR, but table "Table 1 : Defence expenditure" gives defence, million USD`, func(m mutant) { m.set("TABLE1", "B6", "Million euros", "") }},
		{"T5 in US dollars, no scale", false, `sheet TABLE5, cell B6: the unit "US dollars" names no scale`, func(m mutant) { m.set("TABLE5", "B6", "US dollars", "") }},
		{"T7 in persons, no scale", false, `sheet TABLE7, cell C18: the unit "Persons" names no scale`, func(m mutant) { m.set("TABLE7", "C18", "Persons", "") }},
		{"T2 without its unit row", false, `table "Table 2 : Defence expenditure" has no unit row`, func(m mutant) {
			sh := m.sheet("TABLE2")
			sh.Rows = slices.DeleteFunc(sh.Rows, func(r xlsx.Row) bool { return r.Index == 6 })
		}},
		{"T3 in million US dollars", false, `sheet TABLE3, cell B6: the unit "Million US dollars" names a scale or a currency`, func(m mutant) { m.set("TABLE3", "B6", "Million US dollars", "") }},
		{"T2 in million US dollars, two scales", false, "names two scales", func(m mutant) { m.set("TABLE2", "B6", "Million US dollars (thousands)", "") }},

		// Number formats: fractions with a percent format are the same
		// percentages; a percent format on figures not divided, or on
		// amounts, a date or a scaling format, is refused.
		{"T3 shares as fractions, 0.00%", true, "", func(m mutant) { m.scale("TABLE3", "D11:N43", 0.01, pct) }},
		{"T3 and T4 shares as fractions, 0.00%", true, "", func(m mutant) {
			m.scale("TABLE3", "D11:N43", 0.01, pct)
			m.scale("TABLE4", "G23:H60", 0.01, pct)
		}},
		{"T3 real change as fractions, 0.0%", true, "", func(m mutant) { m.scale("TABLE3", "D45:N77", 0.01, pct1) }},
		{"T4 real change as fractions, 0%", true, "", func(m mutant) { m.scale("TABLE4", "F23:F60", 0.01, "0%") }},
		{"T8a and T8b as fractions, 0.0%", true, "", func(m mutant) {
			m.scale("TABLE8a", "D11:N74", 0.01, pct1)
			m.scale("TABLE8b", "D11:N74", 0.01, pct1)
		}},
		{"T2 in another plain format", true, "", func(m mutant) { m.format("TABLE2", "D11:N77", `#,##0.000;[Red]\-#,##0.000`) }},
		{"T3 shares as fractions without a percent format", false, "the share of GDP of Albania in 2014 is 0.0135%", func(m mutant) { m.scale("TABLE3", "D11:N43", 0.01, "") }},
		{"T8b as fractions without a percent format", false, "the categories of defence of Albania in 2014", func(m mutant) { m.scale("TABLE8b", "D11:N74", 0.01, "") }},
		{"T6 in US dollars (2015 prices)", true, "", func(m mutant) { m.set("TABLE6", "B6", "US dollars, 2015 prices and exchange rates", "") }},
		{"T6 in thousand US dollars", false, `sheet TABLE6, cell B6: the unit "Thousand US dollars" names a scale or a currency`, func(m mutant) { m.set("TABLE6", "B6", "Thousand US dollars", "") }},
		{"T3 shares with 0.00% but not divided", false, "but 100 x defence / GDP at constant prices", func(m mutant) { m.format("TABLE3", "D11:N43", pct) }},
		{"T8a equipment with 0.0% but not divided", false, "add up to", func(m mutant) { m.format("TABLE8a", "D11:N41", pct1) }},
		{"T2 figures with a percent format", false, `sheet TABLE2, cell D11: 178.3589837425897 is formatted as a percentage ("0.00%"), but a figure of defence, million USD, current prices is not one`, func(m mutant) {
			m.format("TABLE2", "D11:N41", pct)
		}},
		{"T5 figures shown in thousands (#,##0,)", false, `sheet TABLE5, cell D11: 13245.95253384557 is formatted as "#,##0,", which shows it divided by a thousand or more`, func(m mutant) { m.format("TABLE5", "D11:N42", "#,##0,") }},
		{"T2 figure with a date format", false, `sheet TABLE2, cell J21: 58652.18356876029 is formatted as a date or time ("dd/mm/yyyy")`, func(m mutant) { m.format("TABLE2", "J21:J21", "dd/mm/yyyy") }},
		{"T7 figures with a time format", false, `is formatted as a date or time ("[h]:mm")`, func(m mutant) { m.format("TABLE7", "E23:E23", "[h]:mm") }},

		// Labels: swapped, decorated, spelt another way.
		{"Germany and France swapped in T2", false, "the share of GDP of France in 2014", func(m mutant) { m.swapLabels("TABLE2", "Germany", "France", 0, 0) }},
		{"Germany and France swapped in T2's current prices only", false, "the exchange rate France implies for 2014", func(m mutant) { m.swapLabels("TABLE2", "Germany", "France", 1, 43) }},
		{"Poland and Norway swapped in T1's current prices only", false, "sheet TABLE1, cell E32: defence_ncu_m of Norway in 2015, the base year of the constant prices, is 39940.27 at current prices but 49528.81 at constant prices (sheet TABLE1, cell E64)", func(m mutant) {
			m.swapLabels("TABLE1", "Poland", "Norway", 1, 42)
		}},
		{"Germany and France swapped in T5's current prices only", false, "sheet TABLE5, cell E20: gdp_musd of Germany in 2015, the base year of the constant prices, is 2440768.53 at current prices but 3355015.01 at constant prices (sheet TABLE5, cell E56)", func(m mutant) { m.swapLabels("TABLE5", "Germany", "France", 1, 44) }},
		{"Germany and France swapped in T5", false, "the share of GDP of France in 2014", func(m mutant) { m.swapLabels("TABLE5", "Germany", "France", 0, 0) }},
		{"Germany and France swapped in T1", false, "the exchange rate France implies for 2014", func(m mutant) { m.swapLabels("TABLE1", "Germany", "France", 0, 0) }},
		{"Germany and France swapped in T1's constant prices only", false, "differs from that of its other years", func(m mutant) { m.swapLabels("TABLE1", "Germany", "France", 43, 80) }},
		{"Germany and France swapped in T3's shares", false, "the share of GDP of France in 2014", func(m mutant) { m.swapLabels("TABLE3", "Germany", "France", 1, 43) }},
		{"Germany and France swapped in T3's real change", false, "the annual real change of France in 2015", func(m mutant) { m.swapLabels("TABLE3", "Germany", "France", 44, 80) }},
		{"Germany and France swapped in T4", false, "sheet TABLE4, cell D32: defence at constant prices in 2014 of Germany is 43935.28964194733 here, 39274.40235215628 at cell D55", func(m mutant) { m.swapLabels("TABLE4", "Germany", "France", 0, 0) }},
		{"Germany and France swapped in T6", false, "but 100 x defence per capita / GDP per capita", func(m mutant) { m.swapLabels("TABLE6", "Germany", "France", 0, 0) }},
		{"Spain and Italy swapped in T8a", false, "the categories of defence of Italy in 2014", func(m mutant) { m.swapLabels("TABLE8a", "Spain", "Italy", 0, 0) }},
		{"Spain and Italy swapped in T8b", false, "the categories of defence of Italy in 2014", func(m mutant) { m.swapLabels("TABLE8b", "Spain", "Italy", 0, 0) }},
		{"Albania (Euros) in T1", false, `sheet TABLE1, cell C11: "Albania (Euros)" names EUR ("Euros"), but the data gives Albania the currency ALL (release nato-2026-07)`, func(m mutant) {
			m.relabel("TABLE1", "C11", "Leks", "Euros")
			m.relabel("TABLE1", "C44", "Leks", "Euros")
		}},
		{"Bulgaria (Euros) in T1, Bulgaria in the euro area from 2026 only", false, `sheet TABLE1, cell C13: "Bulgaria (Euros)" names EUR ("Euros"), but the data gives Bulgaria the currency BGN (release nato-2024-06)`, func(m mutant) {
			m.relabel("TABLE1", "C13", "Leva", "Euros")
			m.relabel("TABLE1", "C46", "Leva", "Euros")
		}},
		{"Albania (Euros) in T2", false, `sheet TABLE2, cell C11: currency EUR, where cell C44 gives ALL (expected one currency per country)`, func(m mutant) { m.relabel("TABLE2", "C11", "Albania", "Albania (Euros)") }},
		{"Norway (Kronor) in T1", false, `sheet TABLE1, cell C31: "Norway (Kronor)" names SEK`, func(m mutant) {
			m.relabel("TABLE1", "C31", "Kroner", "Kronor")
		}},
		{"Germany's two currencies in T1", false, `currency GBP, where cell C21 gives EUR`, func(m mutant) { m.relabel("TABLE1", "C54", "Euros", "Pounds") }},
		{"rows of Germany and France exchanged with their figures", true, "", func(m mutant) {
			m.renumber("TABLE2", func(i int) int {
				switch i {
				case 20:
					return 21
				case 21:
					return 20
				}
				return i
			})
		}},
		{"aliases and marks: Czech Republic, Turkey, Germany*", true, "", func(m mutant) {
			m.relabel("TABLE5", "C16", "Czechia", "Czech Republic")
			m.relabel("TABLE2", "C39", "Türkiye", "Turkey")
			m.relabel("TABLE3", "C21", "Germany", "Germany**")
		}},

		// Year headers that look like years but are not.
		{"T2 header 2019p", false, `sheet TABLE2, cell I8: the header "2019p" is not a year`, func(m mutant) { m.set("TABLE2", "I8", "2019p", "") }},
		{"T3 header Year 2019", false, `sheet TABLE3, cell I8: the header "Year 2019" is not a year`, func(m mutant) { m.set("TABLE3", "I8", "Year 2019", "") }},
		{"T5 header a date shown as yyyy", false, `sheet TABLE5, cell I8: a date (43466, formatted "yyyy") where a year header belongs`, func(m mutant) { m.set("TABLE5", "I8", 43466, "yyyy") }},
		{"T2 header 2019 formatted as a date", false, `sheet TABLE2, cell I8: a date (2019, formatted "yyyy")`, func(m mutant) { m.set("TABLE2", "I8", 2019, "yyyy") }},
		{"T8a header 2024 est.", false, `sheet TABLE8a, cell N8: the header "2024 est." is not a year`, func(m mutant) { m.set("TABLE8a", "N8", "2024 est.", "") }},
		{"T7 header FY 2019", false, `sheet TABLE7, cell J20: the header "FY 2019" is not a year`, func(m mutant) { m.set("TABLE7", "J20", "FY 2019", "") }},
		{"T2 header 2019.5", false, `sheet TABLE2, cell I8: 2019.5 in the row of years is not a year`, func(m mutant) { m.set("TABLE2", "I8", 2019.5, "") }},
		{"T1 header n/a between years", false, `sheet TABLE1, cell I8: the header "n/a" is not a year`, func(m mutant) { m.set("TABLE1", "I8", "n/a", "") }},
		{"T5 header '2019 as text", true, "", func(m mutant) { m.set("TABLE5", "I8", "'2019", "") }},

		// Layout: rows, columns, sheets and sections that move.
		{"rows inserted above the titles and among the countries", true, "", func(m mutant) {
			for _, s := range allSheets {
				m.insertRows(s, 1, 3)
				m.insertRows(s, 16, 2)
			}
		}},
		{"columns shifted", true, "", func(m mutant) {
			for _, s := range allSheets {
				m.insertCols(s, 1, 2)
			}
			m.insertCols("TABLE5", 4, 1)
		}},
		{"sheets renamed", true, "", func(m mutant) {
			m.sheet("TABLE2").Name = "Defence USD"
			m.sheet("TABLE8a").Name = "Sheet 1"
		}},
		{"sheets reordered", true, "", func(m mutant) {
			slices.Reverse(m.wb.Sheets)
		}},
		{"T2's sections moved: constant prices first", true, "", func(m mutant) {
			m.renumber("TABLE2", func(i int) int {
				switch {
				case i >= 10 && i <= 43:
					return i + 34
				case i >= 44 && i <= 77:
					return i - 34
				}
				return i
			})
		}},
		{"T8a's and T8b's tables on one sheet", true, "", func(m mutant) {
			a, b := m.sheet("TABLE8a"), m.sheet("TABLE8b")
			for _, r := range b.Rows {
				r.Index += 100
				for j := range r.Cells {
					r.Cells[j].Row = r.Index
					r.Cells[j].Ref = colName(r.Cells[j].Col) + strconv.Itoa(r.Index)
				}
				a.Rows = append(a.Rows, r)
			}
			m.wb.Sheets = slices.DeleteFunc(m.wb.Sheets, func(s Sheet) bool { return s.Name == "TABLE8b" })
		}},
		{"titles and units in capitals, spaces changed", true, "", func(m mutant) {
			m.set("TABLE2", "B4", "TABLE 2: DEFENCE EXPENDITURE", "")
			m.set("TABLE2", "B6", "MILLION  US\u00a0DOLLARS", "")
		}},

		// Figures changed: the tables no longer agree.
		{"NATO Total's share changed", false, "sheet TABLE3, cell D43: the share of GDP of NATO Total in 2014 is 2.6044%, but its figures (sheet TABLE2, cell D77 / sheet TABLE5, cell D79) give 2.5786%", func(m mutant) { m.scale("TABLE3", "D43:D43", 1.01, "") }},
		{"NATO Total changed", false, "NATO Total of defence_musd in 2014 (sheet TABLE2, cell D43)", func(m mutant) { m.scale("TABLE2", "D43:D43", 1.01, "") }},
		{"a Table 4 figure changed", false, "sheet TABLE4, cell E33: defence at constant prices in 2024 of Germany", func(m mutant) { m.scale("TABLE4", "E33:E33", 1.001, "") }},
		{"Germany's 2020 defence at constant prices changed", false, "the share of GDP of Germany in 2020", func(m mutant) { m.scale("TABLE2", "J55:J55", 1.1, "") }},
		{"Germany's 2020 defence in euros changed", false, "the exchange rate Germany implies for 2020", func(m mutant) { m.scale("TABLE1", "J21:J21", 1.001, "") }},
		{"France's 2020 equipment changed", false, "the categories of defence of France in 2020", func(m mutant) { m.scale("TABLE8a", "J20:J20", 1.1, "") }},
		{"Germany's 2020 real change changed", false, "the annual real change of Germany in 2020", func(m mutant) { m.scale("TABLE3", "J55:J55", 1.1, "") }},

		// What cannot be placed (the drift tests' errors).
		{"unknown country", false, `sheet TABLE5, cell C20: unknown country "Gallia"`, func(m mutant) { m.set("TABLE5", "C20", "Gallia", "") }},
		{"text where a number belongs", false, `sheet TABLE3, cell H15: found the text "1,81" where a figure of defence, % of GDP (constant prices) belongs`, func(m mutant) {
			m.set("TABLE3", "H15", "1,81", "")
		}},
		{"table deleted", false, `no section equipment( \([a-z]\))? of the table of distribution by category found`, func(m mutant) {
			m.wb.Sheets = slices.DeleteFunc(m.wb.Sheets, func(s Sheet) bool { return s.Name == "TABLE8a" })
		}},
		{"title changed", false, `no section current prices( and exchange rates)? of the table of GDP found`, func(m mutant) {
			m.set("TABLE5", "B4", "Table 5 : Gross domestic product", "")
		}},
		{"a country twice", false, `sheet TABLE2, cell C21: France is listed twice`, func(m mutant) { m.set("TABLE2", "C21", "France", "") }},
	}
	return ms
}

// TestMutations imports every mutant of NATO's workbook: those classed
// "same" must give the real workbook's figures, the others must be
// refused; none may succeed with other figures.
func TestMutations(t *testing.T) {
	book, base := baseline(t)
	ms := mutations()
	if len(ms) < 66 {
		t.Errorf("%d kinds of mutation, want at least 66", len(ms))
	}
	for _, mu := range ms {
		t.Run(mu.name, func(t *testing.T) {
			wb := clone(book)
			mu.change(mutant{t: t, wb: wb})
			res, err := Import(wb, snapshot.Dataset(), Options{ID: "drift"})
			switch {
			case mu.same && err != nil:
				t.Fatalf("must give the same figures, but: %v", err)
			case mu.same:
				sameFigures(t, mu.name, res.Release, base.Release)
				if fmt.Sprint(res.Release.Currencies) != fmt.Sprint(base.Release.Currencies) || res.Release.ConstantYear != base.Release.ConstantYear {
					t.Errorf("currencies %v, constant year %d; want %v, %d", res.Release.Currencies, res.Release.ConstantYear, base.Release.Currencies, base.Release.ConstantYear)
				}
				if res.Checked != base.Checked || len(res.Differences) != 0 {
					t.Errorf("checked %d (want %d), differences %v", res.Checked, base.Checked, res.Differences)
				}
			case err == nil:
				t.Fatalf("must be refused, but imported with exit 0 and %d cells that differ from the real workbook's", changedCells(res.Release, base.Release))
			case !strings.Contains(err.Error(), mu.want):
				t.Errorf("refused with\n%v\nwant a message containing\n%s", err, mu.want)
			}
		})
	}
}

// changedCells counts the country-years whose figures differ.
func changedCells(got, want *defence.Release) int {
	n := 0
	for code, ys := range want.Cells() {
		for y, f := range ys {
			g := got.Cells()[code][y]
			if g.Details() != f.Details() || g.Defence != f.Defence || g.GDP != f.GDP || g.Share != f.Share || g.Equipment != f.Equipment {
				n++
			}
		}
	}
	return n
}

// TestAcceptDifferences: a refused mutant imports with AcceptDifferences,
// the differences written into the release's notes.
func TestAcceptDifferences(t *testing.T) {
	book, _ := baseline(t)
	wb := clone(book)
	mutant{t: t, wb: wb}.swapLabels("TABLE8a", "Spain", "Italy", 0, 0)
	_, err := Import(wb, snapshot.Dataset(), Options{ID: "x"})
	var de *DifferencesError
	if !errors.As(err, &de) {
		t.Fatalf("error %v, want a DifferencesError", err)
	}
	res, err := Import(wb, snapshot.Dataset(), Options{ID: "x", AcceptDifferences: true})
	if err != nil {
		t.Fatal(err)
	}
	// Spain and Italy: 11 years each, equipment and personnel from the
	// other's row, infrastructure and other their own: all 22 off.
	if len(res.Differences) != 22 || len(de.Result.Differences) != 22 {
		t.Errorf("%d differences (refused: %d), want 22", len(res.Differences), len(de.Result.Differences))
	}
	notes := strings.Join(res.Release.Notes, "\n")
	for _, want := range []string{
		": 22 differences beyond rounding, imported anyway (import nato --accept-differences): the figures of the cells they name may not be what NATO printed.",
		"\nDifference: the categories of defence of Spain in 2014 (TABLE8a!D24, TABLE8a!D57, TABLE8b!D37, TABLE8b!D70) add up to ",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("the notes lack %q:\n%s", want, notes)
		}
	}
}
