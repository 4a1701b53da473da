package defence

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"testing"
)

// TestPackedLayout: what packing keeps, on Germany's 2025 and 2026 cells
// of NATO's July 2026 release (data/nato-2026-07.yaml, lines 108-109),
// the 2026 one given by hand a note and the personnel figure of NATO's
// June 2024 tables for 2024 (data/nato-2024-06.yaml: 185.641 thousand),
// and Iceland without cells.
func TestPackedLayout(t *testing.T) {
	const file = "embedded:nato-2026-07.yaml"
	figs := map[string]map[int]Figure{
		"DEU": {
			2025: {GDP: N(5056631), Defence: N(112141), Share: N(2.22), Equipment: N(25.21), Estimate: true, Source: Place{File: file, Line: 108}},
			2026: {GDP: N(5455980), Defence: N(147002), Share: N(2.69), Equipment: N(32.11), Estimate: true, Source: Place{File: file, Line: 109},
				Note: "a note", Detail: &Detail{Personnel: N(185.641)}},
		},
		"ISL": {},
	}
	p := Pack(figs)
	// Two cells: GDP, defence, share and equipment are columns; resilience
	// and population, which no cell knows, take no space; the sources are
	// the file once, no file index (one file) and a line a cell.
	if len(p.years) != 2 || len(p.cols[colGDP]) != 2 || p.cols[colResilience] != nil || p.cols[colPopulation] != nil ||
		len(p.far) != 0 || len(p.files) != 1 || p.files[0] != file || p.fileOf != nil || p.lines[0] != 108 || p.lines[1] != 109 ||
		len(p.notes) != 1 || len(p.detail) != 1 {
		t.Errorf("packed: %d cells, GDP column %d, resilience %v, population %v, %d whole places, files %q %v, lines %v, %d notes, %d details",
			len(p.years), len(p.cols[colGDP]), p.cols[colResilience], p.cols[colPopulation], len(p.far), p.files, p.fileOf, p.lines, len(p.notes), len(p.detail))
	}
	f, ok := p.Figure("DEU", 2026)
	if !ok || f.Share.V != 2.69 || f.Defence.V != 147002 || f.Resilience.Known || f.Note != "a note" || f.Source != (Place{File: file, Line: 109}) || f.Detail == nil || f.Detail.Personnel.V != 185.641 {
		t.Errorf("DEU 2026: %+v %v", f, ok)
	}
	if _, ok := p.Figure("DEU", 2024); ok {
		t.Error("DEU 2024: found, but there is no such cell")
	}
	if _, ok := p.Figure("ISL", 2025); ok {
		t.Error("ISL 2025: found, but Iceland has no cells")
	}
}

// TestPackedFiles: cells of several files (a release built by hand) keep
// a table of the files and a file index a cell; a line too large for the
// line column (math.MaxInt, on a 64-bit int) is kept whole, with its file.
func TestPackedFiles(t *testing.T) {
	const huge = math.MaxInt
	wantFar := map[int32]Place{3: {File: "b.yaml", Line: huge}}
	if strconv.IntSize == 32 {
		wantFar = map[int32]Place{}
	}
	figs := map[string]map[int]Figure{
		"AAA": {2020: {Source: Place{File: "a.yaml", Line: 3}}, 2021: {Source: Place{File: "b.yaml", Line: 4}}},
		"BBB": {2020: {Source: Place{File: "a.yaml", Line: 5}}, 2021: {Source: Place{File: "b.yaml", Line: huge}}, 2022: {}},
	}
	p := Pack(figs)
	wantFileOf := []int32{0, 1, 0, 1, 2} // by country, then year
	if len(p.files) != 3 || p.files[0] != "a.yaml" || p.files[1] != "b.yaml" || p.files[2] != "" || !slices.Equal(p.fileOf, wantFileOf) ||
		!maps.Equal(p.far, wantFar) {
		t.Errorf("packed: files %q, file index %v (want %v), whole places %v", p.files, p.fileOf, wantFileOf, p.far)
	}
	for code, ys := range figs {
		for y, want := range ys {
			if f, ok := p.Figure(code, y); !ok || f.Source != want.Source {
				t.Errorf("%s %d: %+v %v, want the place %+v", code, y, f.Source, ok, want.Source)
			}
		}
	}
}
