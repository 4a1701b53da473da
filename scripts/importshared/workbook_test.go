package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	countryLineRE = regexp.MustCompile(`^  ([A-Z]{3}):$`)
	cellLineRE    = regexp.MustCompile(`^    (\d{4}): \{(.*)\}$`)
)

// yamlCells reads a generated release file's cells as text: country ->
// year -> key -> the value as written.
func yamlCells(t *testing.T, data []byte) map[string]map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]map[string]string{}
	code := ""
	inFigures := false
	for _, line := range strings.Split(string(data), "\n") {
		if line == "figures:" {
			inFigures = true
			continue
		}
		if !inFigures {
			continue
		}
		if m := countryLineRE.FindStringSubmatch(line); m != nil {
			code = m[1]
			out[code] = map[string]map[string]string{}
			continue
		}
		m := cellLineRE.FindStringSubmatch(line)
		if m == nil {
			if line != "" {
				t.Fatalf("unexpected line in figures: %q", line)
			}
			continue
		}
		kv := map[string]string{}
		for _, part := range strings.Split(m[2], ", ") {
			k, v, ok := strings.Cut(part, ": ")
			if !ok {
				t.Fatalf("unexpected cell %q", line)
			}
			kv[k] = v
		}
		out[code][m[1]] = kv
	}
	return out
}

func specFor(t *testing.T, file string) releaseSpec {
	t.Helper()
	for _, s := range releases {
		if s.File == file {
			return s
		}
	}
	t.Fatalf("no spec for %s", file)
	return releaseSpec{}
}

// TestWorkbookReproducesSharedTable proves, cell by cell, that the release
// the importer makes of NATO's workbook holds exactly the figures the
// project embedded before it read the workbook: for every row of vintage
// NATO-2024-06 of the shared table, gdp_musd, defence_musd, share_pct and
// equipment_pct are the same text (2 decimals for amounts, 4 for
// percentages: the workbook's full precision rounded to the nearest) and
// estimate is the same; no cell is added or lost; the release's URL is the
// table's source_url and its via the same file of the same repository as
// the table's, at the commit that keeps NATO's own file metadata (4318b07;
// the table's 4214f08 is the next commit, a re-saved copy with identical
// values).
func TestWorkbookReproducesSharedTable(t *testing.T) {
	shared := sharedDir(t)
	spec := specFor(t, "nato-2024-06.yaml")
	if spec.Source != natoWorkbook {
		t.Fatalf("nato-2024-06 is read from %s, not the workbook", spec.Source)
	}
	want, err := readNATO(filepath.Join(shared, natoCSV), spec.Vintage)
	if err != nil {
		t.Fatal(err)
	}
	via := strings.Replace(want.Via, "/blob/4214f086987d9460907575a7a9cc6d90e75ba792/", "/blob/4318b07168142bf24b3eef25dc7f463534820388/", 1)
	if want.URL != spec.URL || via == want.Via || spec.Via != via {
		t.Errorf("url %q, via %q; want the shared table's url %q and via %q", spec.URL, spec.Via, want.URL, via)
	}
	data, err := importWorkbook(&spec, filepath.Join(shared, natoWorkbook))
	if err != nil {
		t.Fatal(err)
	}
	got := yamlCells(t, data)
	compared, cells := 0, 0
	for code, years := range want.Cells {
		for y, c := range years {
			cells++
			g, ok := got[code][strconv.Itoa(y)]
			if !ok {
				t.Errorf("%s %d: in the shared table, not in the release", code, y)
				continue
			}
			for _, kv := range []struct{ key, text string }{
				{"gdp_musd", c.GDP}, {"defence_musd", c.Defence}, {"share_pct", c.Share}, {"equipment_pct", c.Equipment},
			} {
				if g[kv.key] != kv.text {
					t.Errorf("%s %d %s: %q from the workbook, %q in the shared table", code, y, kv.key, g[kv.key], kv.text)
				}
				if kv.text != "" {
					compared++
				}
			}
			if est := g["estimate"] == "true"; est != c.Estimate {
				t.Errorf("%s %d: estimate %v from the workbook, %v in the shared table", code, y, est, c.Estimate)
			}
		}
	}
	for code, years := range got {
		for y := range years {
			n, err := strconv.Atoi(y)
			if _, ok := want.Cells[code][n]; err != nil || !ok {
				t.Errorf("%s %s: in the release, not in the shared table", code, y)
			}
		}
	}
	// 32 allies x 11 years; Iceland has GDP only: 352 GDP figures and
	// 341 of each other.
	if cells != 352 || compared != 352+3*341 {
		t.Errorf("compared %d figures of %d cells, want %d of 352", compared, cells, 352+3*341)
	}
	// The measures the CSV never had come along, Albania 2014 checked by
	// hand against the workbook (TABLE1 D11 18788.017032, TABLE7 E23 6.744,
	// TABLE2 D45 150.02559881337785).
	alb := got["ALB"]["2014"]
	for k, v := range map[string]string{"defence_ncu_m": "18788.02", "personnel_k": "6.744", "defence_const_musd": "150.03"} {
		if alb[k] != v {
			t.Errorf("ALB 2014 %s = %q, want %s", k, alb[k], v)
		}
	}
	for _, n := range spec.Notes {
		if !strings.Contains(string(data), strconv.Quote(n)) {
			t.Errorf("the release lost the note %q", n)
		}
	}
}
