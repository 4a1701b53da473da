package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// code returns the i-th generated country code (AAA, AAB, ...).
func code(i int) string {
	return string([]byte{'A' + byte(i/676%26), 'A' + byte(i/26%26), 'A' + byte(i%26)})
}

func genCountries(n int) Source {
	var b strings.Builder
	b.WriteString("kind: countries\ncountries:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  %s: {name: Country %d, nato_since: %d}\n", code(i), i, 1949+i%70)
	}
	return Source{Name: "embedded:countries.yaml", Data: []byte(b.String())}
}

// genRelease is a release of countries x years cells, each with all the
// figures of a NATO table, in flow style as the embedded data is written.
func genRelease(id string, countries, years int) Source {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: release\nid: %s\nseries: defence\ntitle: Generated\npublisher: Bench\npublished: 2026-01-01\n"+
		"url: https://example.org/%s\nnotes:\n  - generated\nfigures:\n", id, id)
	for c := 0; c < countries; c++ {
		fmt.Fprintf(&b, "  %s:\n", code(c))
		for y := 0; y < years; y++ {
			fmt.Fprintf(&b, "    %d: {gdp_musd: %d.5, defence_musd: %d, share_pct: %d.%02d, equipment_pct: 25.21, estimate: %v}\n",
				2050-years+y, 100000+c*1000+y, 1000+c+y, 1+y%3, (c*7+y)%100, y%2 == 0)
		}
	}
	return Source{Name: id + ".yaml", Data: []byte(b.String())}
}

func BenchmarkParseRelease(b *testing.B) {
	src := genRelease("bench", 200, 50)
	b.SetBytes(int64(len(src.Data)))
	b.ReportAllocs()
	for b.Loop() {
		p := parseSource(src)
		if len(p.errs) > 0 {
			b.Fatal(p.errs)
		}
	}
}

// BenchmarkParseReleaseTree is BenchmarkParseRelease through the
// yaml.Node tree: what a release that the fast path declines costs.
func BenchmarkParseReleaseTree(b *testing.B) {
	src := genRelease("bench", 200, 50)
	b.SetBytes(int64(len(src.Data)))
	b.ReportAllocs()
	for b.Loop() {
		p := parseTree(src)
		if len(p.errs) > 0 {
			b.Fatal(p.errs)
		}
	}
}

// benchLoad loads files releases of 200 countries x 50 years (10000
// country-years each).
func benchLoad(b *testing.B, files int) {
	countries := []Source{genCountries(200)}
	var user []Source
	size := 0
	for i := 0; i < files; i++ {
		user = append(user, genRelease(fmt.Sprintf("r%03d", i), 200, 50))
		size += len(user[i].Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		ds, err := Load(countries, user)
		if err != nil {
			b.Fatal(err)
		}
		if n := ds.Releases["r000"].CountryYears(); n != 10000 {
			b.Fatal(n)
		}
	}
}

func BenchmarkLoad100k(b *testing.B) { benchLoad(b, 10) }
func BenchmarkLoad1M(b *testing.B)   { benchLoad(b, 100) }

// BenchmarkLoadHostile loads every file of the hostile corpus, and the
// generated deeply nested documents.
func BenchmarkLoadHostile(b *testing.B) {
	paths, _ := filepath.Glob("testdata/hostile/*.yaml")
	var srcs []Source
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, Source{Name: p, Data: data})
	}
	srcs = append(srcs,
		Source{Name: "deep-flow.yaml", Data: []byte("kind: countries\ncountries: " + strings.Repeat("[", 100000))},
		Source{Name: "deep-flow-9000.yaml", Data: []byte("kind: countries\ncountries: " + strings.Repeat("[", 9000) + strings.Repeat("]", 9000))},
		Source{Name: "deep-block.yaml", Data: []byte("kind: countries\ncountries:\n  " + strings.Repeat("- ", 12000) + "x\n")},
	)
	countries := base(b)
	for _, s := range srcs {
		b.Run(filepath.Base(s.Name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Load(countries, []Source{s})
			}
		})
	}
}
