package render

import (
	"fmt"
	"io"
	"testing"
)

// benchTable is the size of the real gap table: 32 allies, 13 columns.
func benchTable() *Table {
	cols := []Column{
		{Key: "country", Title: "Country"},
		{Key: "code", Title: "Code"},
		{Key: "year", Title: "Year", Kind: Int},
		{Key: "gdp_musd", Title: "GDP $bn", Kind: Money},
		{Key: "spend_musd", Title: "Spend $bn", Kind: Money},
		{Key: "spend_pct_gdp", Title: "Spend %", Kind: Percent},
		{Key: "target_pct_gdp", Title: "Target %", Kind: Percent},
		{Key: "gap_musd", Title: "Gap $bn", Kind: Money},
		{Key: "gap_pct_gdp", Title: "Gap %", Kind: Percent},
		{Key: "growth_pct", Title: "Growth %/yr", Kind: Number, Decimals: 1},
		{Key: "by_year", Title: "By", Kind: Int},
		{Key: "meets", Title: "Meets", Kind: Bool, TrueText: "yes"},
		{Key: "estimate", Title: "Est.", Kind: Bool, TrueText: "e"},
	}
	t := &Table{Title: "Benchmark", Columns: cols, Notes: []string{"e estimate"}}
	for i := range 32 {
		f := float64(i + 1)
		gdp := f * 123456.78
		row := []Cell{
			T(fmt.Sprintf("Country %d", i)), T(fmt.Sprintf("C%02d", i)), N(2025),
			N(gdp), N(gdp * 0.021), N(2.1 + f/100), N(3.5), N(gdp * 0.014), N(1.4 - f/100),
			N(f / 3), N(2035), B(i%3 == 0), B(i%5 == 0),
		}
		if i%7 == 0 {
			row[7] = U()
		}
		t.Rows = append(t.Rows, row)
	}
	t.Footer = []Cell{T("Total"), T(""), U(), N(1e8), N(2e6), N(2), N(3.5), N(1.5e6), N(1.5), U(), U(), U(), U()}
	return t
}

type benchRow struct {
	Country   string   `json:"country"`
	Code      string   `json:"code"`
	Year      int      `json:"year"`
	GDP       float64  `json:"gdp_musd"`
	Spend     float64  `json:"spend_musd"`
	SpendPct  float64  `json:"spend_pct_gdp"`
	TargetPct float64  `json:"target_pct_gdp"`
	Gap       *float64 `json:"gap_musd"`
	GapPct    float64  `json:"gap_pct_gdp"`
	Growth    float64  `json:"growth_pct"`
	ByYear    int      `json:"by_year"`
	Meets     bool     `json:"meets"`
	Estimate  bool     `json:"estimate"`
}

func benchRows(t *Table) []benchRow {
	out := make([]benchRow, 0, len(t.Rows))
	for _, r := range t.Rows {
		br := benchRow{
			Country: r[0].Text, Code: r[1].Text, Year: int(r[2].Num), GDP: r[3].Num, Spend: r[4].Num,
			SpendPct: r[5].Num, TargetPct: r[6].Num, GapPct: r[8].Num, Growth: r[9].Num,
			ByYear: int(r[10].Num), Meets: r[11].Num != 0, Estimate: r[12].Num != 0,
		}
		if r[7].Known {
			v := r[7].Num
			br.Gap = &v
		}
		out = append(out, br)
	}
	return out
}

func BenchmarkCSV(b *testing.B) {
	t := benchTable()
	b.ReportAllocs()
	for b.Loop() {
		if err := CSV(io.Discard, t, CSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	t := benchTable()
	for _, o := range []struct {
		name string
		opts TextOptions
	}{{"ascii", TextOptions{}}, {"ascii_width80", TextOptions{Width: 80}}, {"markdown", TextOptions{Markdown: true}}} {
		b.Run(o.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Text(io.Discard, t, o.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkJSON(b *testing.B) {
	rows := benchRows(benchTable())
	b.ReportAllocs()
	for b.Loop() {
		if err := JSON(io.Discard, rows); err != nil {
			b.Fatal(err)
		}
	}
}
