package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	if err := run(options{out: dir, releases: 3, countries: 30, years: 4, seed: 7}); err != nil {
		t.Fatal(err)
	}
	srcs := readDir(t, dir)
	if len(srcs) != 5 {
		t.Fatalf("%d files, want countries, groups and 3 releases", len(srcs))
	}
	for _, s := range srcs {
		if !bytes.HasPrefix(s.Data, []byte("# "+mark+"\n")) {
			t.Errorf("%s does not start with the synthetic mark", s.Name)
		}
	}
	ds, err := dataset.Load(nil, srcs)
	if err != nil {
		t.Fatalf("the generated data does not load: %v", err)
	}
	if len(ds.Countries) != 30 || len(ds.Releases) != 3 || len(ds.Groups["nato"].Members) != 30 {
		t.Fatalf("%d countries, %d releases, nato of %d", len(ds.Countries), len(ds.Releases), len(ds.Groups["nato"].Members))
	}
	for code, c := range ds.Countries {
		if !strings.HasPrefix(c.Name, "Synthetic ") || code[0] != 'Q' || code[1] < 'M' {
			t.Errorf("country %s %q: want a synthetic name and a user-assigned code", code, c.Name)
		}
	}
	newest := ds.ReleasesNewestFirst("")[0]
	if newest.ID != "synthetic-0003" || !strings.Contains(newest.Title, "not real data") {
		t.Errorf("newest release %s %q", newest.ID, newest.Title)
	}
	for id, r := range ds.Releases {
		if n := r.CountryYears(); n != 30*4 {
			t.Errorf("%s: %d country-years, want 120", id, n)
		}
		for code, ys := range r.Cells() {
			for y, f := range ys {
				// Every cell holds what NATO's July 2026 release holds.
				if !f.GDP.Known || !f.Defence.Known || !f.Share.Known || !f.Equipment.Known || f.Estimate != (y >= 2025) || y < 2023 || y > 2026 {
					t.Fatalf("%s %s %d: %+v", id, code, y, f)
				}
			}
		}
	}
	// Deterministic for a seed.
	again := t.TempDir()
	if err := run(options{out: again, releases: 3, countries: 30, years: 4, seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		b, err := os.ReadFile(filepath.Join(again, filepath.Base(s.Name)))
		if err != nil || !bytes.Equal(b, s.Data) {
			t.Errorf("%s differs between two runs with the same seed (%v)", filepath.Base(s.Name), err)
		}
	}
}

func TestCodes(t *testing.T) {
	codes, err := Codes(1092)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] || len(c) != 3 {
			t.Fatalf("code %q twice or malformed", c)
		}
		seen[c] = true
	}
	if codes[0] != "QMA" || codes[363] != "QZZ" || codes[364] != "XAA" || codes[1091] != "AAZ" {
		t.Errorf("codes %s %s %s %s", codes[0], codes[363], codes[364], codes[1091])
	}
	if _, err := Codes(1093); err == nil {
		t.Error("Codes(1093): no error")
	}
	if err := run(options{out: t.TempDir(), releases: 1, countries: 1, years: 153}); err == nil {
		t.Error("-years 153: no error")
	}
}

// TestCSV checks that -csv writes the cells of every release, and exactly
// the values the YAML files load to.
func TestCSV(t *testing.T) {
	dir, csvDir := t.TempDir(), t.TempDir()
	stale := filepath.Join(csvDir, "old.csv")
	if err := os.WriteFile(stale, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(options{out: dir, csv: csvDir, releases: 2, countries: 3, years: 4, seed: 7}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale %s is still there (%v)", stale, err)
	}
	srcs, err := dataset.ListPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(nil, srcs)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(csvDir, "*.csv"))
	if len(files) != 2 || filepath.Base(files[0]) != "synthetic-0001.csv" || filepath.Base(files[1]) != "synthetic-0002.csv" {
		t.Fatalf("CSV files %v, want synthetic-0001.csv and synthetic-0002.csv", files)
	}
	for i, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if lines[0] != "release,published,code,year,gdp_musd,defence_musd,share_pct,equipment_pct,estimate" {
			t.Fatalf("%s: header %q", p, lines[0])
		}
		// 3 countries x 4 years (2023 to 2026), QMA first, years ascending.
		if len(lines) != 1+12 {
			t.Fatalf("%s: %d lines, want a header and 12 cells", p, len(lines))
		}
		wantStart := []string{"synthetic-0001,2000-01-01,QMA,2023,", "synthetic-0002,2000-01-02,QMA,2023,"}[i]
		if !strings.HasPrefix(lines[1], wantStart) || !strings.HasSuffix(lines[1], ",false") || !strings.HasSuffix(lines[4], ",true") {
			t.Errorf("%s: first cells %q ... %q", p, lines[1], lines[4])
		}
		for _, l := range lines[1:] {
			f := strings.Split(l, ",")
			if len(f) != 9 {
				t.Fatalf("%s: %q: %d fields", p, l, len(f))
			}
			y, _ := strconv.Atoi(f[3])
			fig, ok := ds.Releases[f[0]].Figure(f[2], y)
			if !ok {
				t.Fatalf("%s: %q: no such cell in the YAML", p, l)
			}
			for j, n := range []defence.Num{fig.GDP, fig.Defence, fig.Share, fig.Equipment} {
				v, err := strconv.ParseFloat(f[4+j], 64)
				if err != nil || !n.Known || v != n.V {
					t.Errorf("%s: %q: field %d is %v, the YAML's %v", p, l, 5+j, f[4+j], n)
				}
			}
			if f[8] != strconv.FormatBool(fig.Estimate) {
				t.Errorf("%s: %q: estimate, the YAML's %v", p, l, fig.Estimate)
			}
		}
	}
}

// readDir reads the data files of dir, in the order dataset.ListPaths
// lists them.
func readDir(t *testing.T, dir string) []dataset.Source {
	t.Helper()
	srcs, err := dataset.ListPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]dataset.Source, len(srcs))
	for i, s := range srcs {
		b, err := os.ReadFile(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = dataset.Source{Name: s.Name, Data: b}
	}
	return out
}
