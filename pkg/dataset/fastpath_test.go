package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/golit"
)

// sameParse parses src through the fast path and through the tree, fails
// unless both give the same result (figures, sources, references, errors),
// and reports whether the fast path read the file (it may decline it).
func sameParse(t testing.TB, src Source) bool {
	t.Helper()
	slow := parseTree(src)
	fast, streamed := streamSource(src)
	if !streamed {
		return false
	}
	if reflect.DeepEqual(fast, slow) {
		return true
	}
	if f, s := fast.errs.Error(), slow.errs.Error(); f != s {
		t.Fatalf("%s: the fast path reports\n%s\nthe tree\n%s", src.Name, f, s)
	}
	if !reflect.DeepEqual(fast.refs, slow.refs) {
		t.Fatalf("%s: the fast path's references\n%v\nthe tree's\n%v", src.Name, fast.refs, slow.refs)
	}
	if fast.release != nil && slow.release != nil {
		if d := golit.Diff(fast.release, slow.release); d != "" {
			t.Fatalf("%s: the fast path's release differs from the tree's at %s", src.Name, d)
		}
	}
	t.Fatalf("%s: the fast path's parse differs from the tree's:\n%#v\n%#v", src.Name, fast, slow)
	return true
}

// fastHead starts a release of DEU's figures (line 12 on) that may hold
// every cell key: the fuzz target appends its bytes to it too.
const fastHead = "kind: release\nid: f\nseries: defence\ntitle: t\npublisher: p\npublished: 2026-01-01\nurl: u\n" +
	"constant_year: 2015\ncurrencies: {DEU: EUR}\nfigures:\n  DEU:\n"

// fastSeeds are releases that exercise the fast path: each of its forms,
// and what it hands over to YAML (the line alone, or the whole file).
var fastSeeds = []string{
	// The fast form, with every key of cellKeys, exponents, -0, estimate and a note.
	"    2026: {gdp_musd: 183211, defence_musd: 4617, share_pct: 2.52, equipment_pct: 31.07, estimate: true}\n" +
		"    2025: {gdp_musd: 5.498031e+07, defence_musd: 3.40878E5, share_pct: 0.62, equipment_pct: -0, estimate: false, note: \"x: y # z\"}\n",
	"    2024: {" + allKeys() + ", estimate: true}\n",
	// Problems reported by the walk of the line alone: a year twice, out of
	// range, unknown and repeated keys, a wrong series, defence above GDP,
	// a string, a bool for a number, an empty note, an empty cell.
	"    2024: {gdp_musd: 1}\n    2024: {gdp_musd: 2}\n    1948: {gdp_musd: 1}\n    2024.5: {gdp_musd: 1}\n",
	"    2024: {gdp_musd: 1e400, share_pct: 101, population_m: 3, gdp_musd: 2, foo: 1, Share_pct: 2}\n",
	"    2024: {gdp_musd: 1, defence_musd: 2}\n    2025: {gdp_musd: \"1\", estimate: yes, note: \"  \"}\n    2026: {}\n",
	"    2024: {share_pct: true, estimate: 1, note: 'it''s', equipment_pct: 0x10, resilience_musd: 1_000}\n",
	// Other spacing and quoting, comments, blank lines.
	"    2024: { gdp_musd: 1 ,share_pct: 2.5 }   # comment\n\n  # comment\n    2025: {gdp_musd: 2}\n",
	"    2024: {\"gdp_musd\": 1, 'share_pct': \"2\\u00e9\"}\n",
	// Countries: twice, and many errors (the walk stops at 100).
	"    2024: {gdp_musd: 1}\n  FRA:\n    2024: {gdp_musd: 1}\n  DEU:\n    2025: {gdp_musd: 1}\n  QMA:  # c\n    2024: {gdp_musd: 1}\n",
	strings.Repeat("    2024: {share_pct: 101}\n", 120) + "  FRA:\n    2024: {gdp_musd: 1}\n",
	// Units: constant prices without constant_year are reported (see fastHead).
	"    2024: {defence_const_musd: 1, defence_ncu_m: 2}\n  FRA:\n    2024: {defence_ncu_m: 2, gdp_const_musd: 3}\n",
	// CRLF line ends.
	"    2024: {gdp_musd: 1}\r\n  FRA:\r\n    2024: {gdp_musd: 1, foo: 2}\r\n",
	// Handed to the tree: anchors, tags, multi-line flows and quotes,
	// another indentation, a tab, a CR alone, non-ASCII, a country without years.
	"    2024: &a {gdp_musd: 1}\n    2025: *a\n",
	"    2024: {gdp_musd: !!float 1}\n",
	"    2024: {gdp_musd: 1,\n      share_pct: 2}\n",
	"    2024: {note: \"a\n      b\"}\n",
	"    2024: {gdp_musd: 1}\n      2025: {gdp_musd: 1}\n",
	"    2024: {gdp_musd:\t1}\n",
	"    2024: {gdp_musd: 1}\r    2025: {gdp_musd: 1}\n",
	"    2024: {gdp_musd: 1, note: \"a\rb\"}\r\n",
	"    2024: {note: \"Türkiye\"}\n",
	"  FRA:\n    2024: {gdp_musd: 1}\n",
	"    2024:\n      gdp_musd: 1\n",
	"    2024: {gdp_musd: 1}\nkind: release\n",
	"    2024: {note: a #b}\n",
}

// trickySeeds are whole files that probe where the fast path splits a
// file and what it takes for a line: both paths must agree, whichever
// reads them.
var trickySeeds = []string{
	// figures twice: first in flow style, then alone on its line.
	"kind: release\nid: a\nseries: defence\ntitle: t\npublisher: p\npublished: 2026-01-01\nurl: u\nfigures: {DEU: {2024: {gdp_musd: 1}}}\nfigures:\n  FRA:\n    2024: {gdp_musd: 2}\n",
	// figures not last; a quote or a flow of the head left open over it.
	"kind: release\nid: a\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}\nseries: defence\n",
	"kind: release\nid: a\ntitle: \"x\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}\n# \"\n",
	"kind: release\nid: a\nnotes: [a,\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}]\n",
	"kind: release\nid: a\nnotes: |\n  x\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}\n",
	// Not a release, a second document, a flow at the top.
	"kind: countries\ncountries: {QMA: {name: Q}}\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}\n",
	"kind: release\n---\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}\n",
	"{kind: release,\nfigures:\n  DEU:\n    2024: {gdp_musd: 1}}\n",
	// Lines of the body at the edge of the subset.
	fastHead + "    2024: {gdp_musd: 1}#c\n",
	fastHead + "    2024 : {gdp_musd: 1}\n",
	fastHead + "    \"2025\": {gdp_musd: 1}\n    2025: {gdp_musd: 1}\n    2025: {gdp_musd: 1}\n",
	fastHead + "    2024: {gdp_musd: 1, }\n    2025: {gdp_musd}\n    2026: {gdp_musd: -}\n",
	fastHead + "    2024: {note: a b  c, estimate: True}\n    2025: {note: a:b}\n",
	fastHead + "    2024: {gdp_musd: - 1}\n",
	fastHead + "  # a comment\n\n    2024: {gdp_musd: 1}\n#\n",
	fastHead + "    2024: {gdp_musd: 1}\n  FRA:\n  ITA:\n    2024: {gdp_musd: 1}\n",
	fastHead + "    2024: {gdp_musd: 1}\n   FRA:\n    2024: {gdp_musd: 1}\n",
	fastHead + "    2024: {gdp_musd: 1}\n...\n",
	fastHead + "    2024: {gdp_musd: 1}  \n  FRA:   \n    2024: {gdp_musd: 1}",
}

// allKeys is a cell of every numeric key of cellKeys, each in range.
func allKeys() string {
	var parts []string
	for _, k := range cellKeys {
		if k.series.has("defence") {
			parts = append(parts, k.name+": "+fmt.Sprint(k.lo+1))
		}
	}
	return strings.Join(parts, ", ")
}

// corpus is every file the tests and the fuzz targets start from.
func corpus(t testing.TB) []Source {
	var out []Source
	for _, f := range data.Files() {
		out = append(out, Source{Name: "embedded:" + f.Name, Data: f.Data})
	}
	paths, _ := filepath.Glob("testdata/*/*.yaml")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Source{Name: p, Data: b})
	}
	for i, s := range fuzzSeeds(t) {
		out = append(out, Source{Name: fmt.Sprintf("seed-%d.yaml", i), Data: s})
	}
	for i, s := range fastSeeds {
		out = append(out, Source{Name: fmt.Sprintf("fast-%d.yaml", i), Data: []byte(fastHead + s)})
	}
	for i, s := range trickySeeds {
		out = append(out, Source{Name: fmt.Sprintf("tricky-%d.yaml", i), Data: []byte(s)})
	}
	return out
}

// TestFastPathEquivalence: every file of the corpus (the embedded data,
// testdata's valid and hostile files, the fuzz seeds) gives the same parse
// through the fast path as through the tree; and the fast path reads the
// releases it is meant for.
func TestFastPathEquivalence(t *testing.T) {
	streamed := map[string]bool{}
	for _, s := range corpus(t) {
		streamed[s.Name] = sameParse(t, s)
	}
	for _, name := range []string{
		"embedded:nato-2024-06.yaml", "embedded:nato-2025-08.yaml", "embedded:nato-2026-07.yaml",
		"embedded:imf-weo-2025-10.yaml", "embedded:imf-weo-2025-10-population.yaml",
		"fast-0.yaml", "fast-1.yaml", "fast-2.yaml", "fast-3.yaml", "fast-4.yaml", "fast-5.yaml",
		"fast-6.yaml", "fast-7.yaml", "fast-8.yaml", "fast-9.yaml", "fast-10.yaml", "fast-11.yaml",
	} {
		if !streamed[name] {
			t.Errorf("%s did not go through the fast path", name)
		}
	}
	for i := 12; i < len(fastSeeds); i++ {
		if name := fmt.Sprintf("fast-%d.yaml", i); streamed[name] {
			t.Errorf("%s went through the fast path, want the tree", name)
		}
	}
	for _, name := range []string{"testdata/valid/release.yaml", "testdata/hostile/crlf.yaml", "testdata/hostile/bom.yaml"} {
		if streamed[name] {
			t.Errorf("%s went through the fast path, want the tree (a block cell, CRLF, not a release)", name)
		}
	}
}

// TestFastPathReports: what the fast path hands to the walk of a line is
// reported as the tree reports it, file:line: field: message.
func TestFastPathReports(t *testing.T) {
	src := Source{Name: "r.yaml", Data: []byte(fastHead + fastSeeds[2] + fastSeeds[3])}
	p, ok := streamSource(src)
	if !ok {
		t.Fatal("the fast path declined the file")
	}
	want := `r.yaml:13: figures.DEU.2024: the year 2024 is listed twice (first at line 12)
r.yaml:14: figures.DEU.1948: 1948 is out of range (expected a year from 1949 to 2100)
r.yaml:15: figures.DEU."2024.5": 2024.5 is not a whole year (expected a year from 1949 to 2100)
r.yaml:16: figures.DEU.2024: the year 2024 is listed twice (first at line 12)`
	if got := p.errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	src = Source{Name: "r.yaml", Data: []byte(fastHead + fastSeeds[3])}
	p, ok = streamSource(src)
	if !ok {
		t.Fatal("the fast path declined the file")
	}
	want = `r.yaml:12: figures.DEU.2024.gdp_musd: 1e400 is out of range (expected an amount in million USD from 0 to 1000000000)
r.yaml:12: figures.DEU.2024.share_pct: 101 is out of range (expected a percentage from 0 to 100)
r.yaml:12: figures.DEU.2024.population_m: not allowed in a series: defence release (population_m belongs in a release of series: population)
r.yaml:12: figures.DEU.2024.gdp_musd: duplicate field (first at line 12)
r.yaml:12: figures.DEU.2024.foo: unknown field (expected one of: ` + cellSchema().expected() + `)
r.yaml:12: figures.DEU.2024.Share_pct: unknown field: differs only in case from share_pct at line 12 (keys are case-sensitive; give each field once)`
	if got := p.errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFastPathValues: the fast path stores what the cells say.
func TestFastPathValues(t *testing.T) {
	p, ok := streamSource(Source{Name: "r.yaml", Data: []byte(fastHead + fastSeeds[0])})
	if !ok || len(p.errs) > 0 {
		t.Fatalf("streamed %v, %v", ok, p.errs)
	}
	deu := p.release.Cells()["DEU"]
	c := deu[2025]
	if c.GDP.V != 54980310 || c.Defence.V != 340878 || c.Share.V != 0.62 || !c.Equipment.Known || c.Equipment.V != 0 ||
		c.Estimate || c.Note != "x: y # z" || c.Source != (defence.Place{File: "r.yaml", Line: 13}) || c.Detail != nil {
		t.Errorf("2025: %+v", c)
	}
	if c := deu[2026]; c.GDP.V != 183211 || c.Share.V != 2.52 || !c.Estimate || c.Source != (defence.Place{File: "r.yaml", Line: 12}) || c.Resilience.Known {
		t.Errorf("2026: %+v", c)
	}
	// The currencies' reference to DEU, then the figures'.
	if len(deu) != 2 || len(p.refs) != 2 || p.refs[1].line != 11 || p.refs[1].field.String() != "figures.DEU" {
		t.Errorf("years %d, refs %+v", len(deu), p.refs)
	}
}

// TestFastPathAllocs: a release of 10,000 one-line cells is read without a
// tree: one allocation per cell (the map's copy of the Figure: Go keeps
// map values of more than 128 bytes out of line) and a few per country,
// not some sixty per cell.
func TestFastPathAllocs(t *testing.T) {
	src := genRelease("r", 200, 50)
	if _, ok := streamSource(src); !ok {
		t.Fatal("the fast path declined the generated release")
	}
	if n := testing.AllocsPerRun(2, func() { parseSource(src) }); n > 12000 {
		t.Errorf("%.0f allocations for 10,000 cells, want at most 12000", n)
	}
}

// FuzzFastPathEquivalence runs the same bytes through the fast path and
// through the tree, as a whole file and as the cells of a release
// (appended to fastHead): both must give the same figures, sources and
// references, or the same errors.
func FuzzFastPathEquivalence(f *testing.F) {
	added := map[string]bool{}
	for _, s := range corpus(f) {
		if !added[string(s.Data)] {
			added[string(s.Data)] = true
			f.Add(s.Data)
		}
	}
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sameParse(t, Source{Name: "fuzz.yaml", Data: b})
		sameParse(t, Source{Name: "fuzz.yaml", Data: append([]byte(fastHead), b...)})
	})
}

// TestSchemasFit: every schema of the data files has at most 32 keys (the
// walker marks the keys seen in a uint32) and requires only keys it has.
// The schemas are literals of constants, laid out by the linker (nothing
// at initialisation), so the bound is checked here, not at start-up.
func TestSchemasFit(t *testing.T) {
	for _, s := range []*schema{countriesFile, groupsFile, targetsFile, releaseFile, countrySchema, groupSchema, targetSchema,
		componentSchema, aidFile, aidDonorSchema, aidPackagesFile, aidPackageSchema, cellSchema()} {
		if len(s.keys) > 32 {
			t.Errorf("schema %s: %d keys, at most 32", s.expected(), len(s.keys))
		}
		for _, r := range s.required {
			if !slices.Contains(s.keys, r) {
				t.Errorf("schema %s requires %q, not one of its keys", s.expected(), r)
			}
		}
	}
	// A cell's keys: the numeric keys in the encoder's order, then
	// estimate and note, where the fast path looks for them.
	if k := cellSchema().keys; len(k) != len(cellKeys)+2 || k[len(cellKeys)] != "estimate" || k[len(cellKeys)+1] != "note" {
		t.Errorf("cellSchema's keys %v: want the %d numeric keys, then estimate and note", k, len(cellKeys))
	}
}
