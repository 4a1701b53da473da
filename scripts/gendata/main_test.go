package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/dataset"
)

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	if err := run(options{out: dir, releases: 3, countries: 30, years: 4, seed: 7}); err != nil {
		t.Fatal(err)
	}
	srcs, err := dataset.ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
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
		for code, ys := range r.Figures {
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
