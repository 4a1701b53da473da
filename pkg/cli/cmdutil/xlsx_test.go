package cmdutil

import (
	"bytes"
	"math"
	"testing"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/xlsx"
)

func TestFormatForPathXLSX(t *testing.T) {
	for path, want := range map[string]string{"gaps.xlsx": "xlsx", "GAPS.XLSX": "xlsx", "a.xls": "", "a.xlsm": ""} {
		if got := FormatForPath(path); got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", path, got, want)
		}
	}
}

// A machine table becomes a sheet: keys as titles, kinds mapped, numbers
// as CSV prints them (no float noise), text unguarded, unknowns empty.
func TestSheetOf(t *testing.T) {
	noise := 0.1
	noise += 0.2 // 0.30000000000000004
	tab := &render.Table{
		Columns: []render.Column{
			{Key: "name"}, {Key: "year", Kind: render.Int}, {Key: "gdp_musd", Kind: render.Money},
			{Key: "share_pct", Kind: render.Percent}, {Key: "pop_m", Kind: render.Number, Decimals: 2},
			{Key: "estimate", Kind: render.Bool},
		},
		Rows: [][]render.Cell{
			{render.T("=1+1"), render.N(2026), render.N(noise), render.N(2.58), render.U(), render.B(true)},
		},
	}
	s := sheetOf("Data", tab)
	wantCols := []xlsx.Column{
		{Title: "name", Kind: xlsx.KindText}, {Title: "year", Kind: xlsx.KindInt}, {Title: "gdp_musd", Kind: xlsx.KindNumber, Decimals: 1},
		{Title: "share_pct", Kind: xlsx.KindPercent, Decimals: 2}, {Title: "pop_m", Kind: xlsx.KindNumber, Decimals: 2}, {Title: "estimate", Kind: xlsx.KindBool},
	}
	for i, c := range wantCols {
		if s.Columns[i] != c {
			t.Errorf("column %d: %+v, want %+v", i, s.Columns[i], c)
		}
	}
	row := s.Rows[0]
	if row[0].Text != "=1+1" || row[1].Num != 2026 || row[2].Num != 0.3 || row[3].Num != 2.58 || row[4].Known || row[5].Num != 1 {
		t.Errorf("row %+v", row)
	}
	if !s.FreezeHeader || !s.AutoFilter || s.Name != "Data" {
		t.Errorf("sheet %q: freeze %v, filter %v", s.Name, s.FreezeHeader, s.AutoFilter)
	}
	if got := machineNumber(math.Inf(1)); !math.IsInf(got, 1) {
		t.Errorf("machineNumber(+Inf) = %v, want +Inf kept for the writer to refuse", got)
	}
}

func TestSourcesSheet(t *testing.T) {
	s := sourcesSheet([]calc.Source{{ID: "nato-2026-07", Title: "T", Publisher: "NATO", Published: "2026-07", URL: "https://x"}}, []string{"a note"})
	if len(s.Rows) != 4 || s.Rows[0][0].Text != "nato-2026-07" || s.Rows[0][5].Text != "https://x" ||
		s.Rows[1][0].Text != "" || s.Rows[2][0].Text != "Notes" || s.Rows[3][0].Text != "a note" {
		t.Errorf("rows %+v", s.Rows)
	}
	if s.Columns[0].Width != float64(len("nato-2026-07")+2) {
		t.Errorf("column A width %v, want the ids' (14), not the notes'", s.Columns[0].Width)
	}
}

// Emit refuses xlsx for a terminal before rendering anything; a pipe gets
// the workbook, and /dev/null is not a terminal.
func TestEmitXLSXTerminal(t *testing.T) {
	out := Output{Machine: func() *render.Table {
		return &render.Table{Columns: []render.Column{{Key: "a"}}, Rows: [][]render.Cell{{render.T("x")}}}
	}}
	ios, _, stdout, _ := iostreams.Test()
	ios.SetTerminal(80)
	o := &OutputFlags{Format: FormatXLSX}
	if err := o.Emit(&Factory{IO: ios}, out); !IsUsage(err) || err.Error() != "xlsx is a binary file: give --output FILE.xlsx" || stdout.Len() != 0 {
		t.Errorf("terminal: %v, %d bytes written", err, stdout.Len())
	}
	ios, _, stdout, _ = iostreams.Test()
	if err := o.Emit(&Factory{IO: ios}, out); err != nil || !bytes.HasPrefix(stdout.Bytes(), []byte("PK\x03\x04")) {
		t.Errorf("pipe: %v, starts %q", err, stdout.Bytes()[:min(4, stdout.Len())])
	}
	if isTerminal("/dev/null") {
		t.Error("/dev/null is not a terminal")
	}
}
