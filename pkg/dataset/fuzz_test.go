package dataset

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/golit"
)

// fuzzBase is the embedded countries file: the fuzzed file is loaded as a
// user file on top of it, so that releases of real countries load.
func fuzzBase(t testing.TB) []Source {
	for _, f := range data.Files() {
		if f.Name == "countries.yaml" {
			return []Source{{Name: "embedded:countries.yaml", Data: f.Data}}
		}
	}
	t.Fatal("no embedded countries.yaml")
	return nil
}

// fuzzSeeds are real files (the embedded data, testdata/valid) and hostile
// ones (testdata/hostile, and a few generated).
func fuzzSeeds(t testing.TB) [][]byte {
	var out [][]byte
	for _, f := range data.Files() {
		out = append(out, f.Data)
	}
	paths, _ := filepath.Glob("testdata/*/*.yaml")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return append(out,
		[]byte(""),
		[]byte("kind: countries\ncountries: "+strings.Repeat("[", 200)),
		[]byte("kind: countries\ncountries:\n  "+strings.Repeat("- ", 200)+"x\n"),
		[]byte("kind: release\nid: a\nseries: gdp\ntitle: t\npublisher: p\npublished: 2026-01\nurl: u\nnotes: []\nfigures:\n  DEU:\n    2024: {estimate: false}\n    2025: {gdp_musd: 1e-300, note: \"x\\u2028y\"}\n"),
		[]byte("kind: release\nid: n\nseries: defence\ntitle: t\npublisher: p\npublished: 2024-06-17\nurl: u\nconstant_year: 2015\ncurrencies: {ALB: ALL, DEU: EUR}\nfigures:\n  ALB:\n    2024: {gdp_musd: 25431.00, defence_ncu_m: 49842.376, defence_const_ncu_m: 38973.37, defence_const_musd: 309.46, gdp_const_musd: 15248.1, real_change_pct: -19.7649, gdp_per_capita_const_kusd: 5.5, defence_per_capita_const_usd: 109.6, personnel_k: 7.03, equipment_pct: 47.744, personnel_pct: 38.1, infrastructure_pct: 4.2, other_pct: 9.9559, estimate: true}\n  DEU:\n    2023: {defence_ncu_m: 67621.07}\n"),
		[]byte("kind: release\nid: p\nseries: population\ntitle: t\npublisher: p\npublished: 2025-04\nurl: u\nfigures:\n  DEU:\n    2024: {population_m: 0.0001}\n    2025: {population_m: 83.555, estimate: true}\n    2026: {note: x}\n"),
		[]byte("kind: targets\ntargets:\n  x.1: {name: a, pct: 5, citation: c, components: [{id: a, pct: 2.5, basis: core}, {id: b, pct: 2.5, basis: resilience}]}\n"),
		[]byte("kind: targets\ntargets:\n  e: {name: a, pct: 20, measure: equipment, citation: c}\n  s: {name: b, pct: 2, measure: share, definition: classic, citation: c}\n"),
		[]byte("---\nkind: groups\ngroups: {g: {name: G, members: [DEU, FRA]}}\n...\n"),
		[]byte("kind: groups\ngroups: {g: {name: G, membership: eu, members: [GBR, AUT]}, h: {name: H, membership: nato, members: [MNE]}}\n"),
		[]byte("kind: countries\ncountries: {QMC: {name: Q, nato_since: 2030, eu_since: 1958, eu_left: 2100}}\n"),
		[]byte("kind: countries\ncountries: {QMA: {name: \"x \\\"y\\\"\", institution: true}}\n"),
		[]byte("\xef\xbb\xbfkind: countries\r\ncountries:\r\n  QMB: {name: \"a\r\n  b\", nato_since: 2100}\r\n"),
	)
}

// wholeFile are the problems of a file as a whole, which have no line.
var wholeFile = []string{"file is empty", "file is too large"}

// FuzzLoad loads arbitrary bytes as a user data file, on top of the
// embedded countries file, and checks properties, not just "no panic":
//
//   - a rejection is an Errors; each error names the fuzzed file (the
//     problem is in it, never in the countries file) and a line (but for
//     the problems of a file as a whole), with a message;
//   - merging the file onto the already loaded countries (LoadOnto) gives
//     the same errors, or the same dataset, as loading the two together;
//   - a file that is accepted round-trips: Encode writes the dataset as
//     files that load again, without error, to the same values (Source
//     fields, which give the file and line read, aside).
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	base := fuzzBase(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		const name = "fuzz.yaml"
		user := []Source{{Name: name, Data: b}}
		ds, err := Load(base, user)

		pre, perr := Load(base, nil)
		if perr != nil {
			t.Fatal(perr)
		}
		onto, ontoErr := LoadOnto(pre, user)
		if (err == nil) != (ontoErr == nil) || err != nil && err.Error() != ontoErr.Error() {
			t.Fatalf("LoadOnto and Load disagree:\n%v\n---\n%v", ontoErr, err)
		}

		if err != nil {
			checkRejection(t, name, err)
			return
		}
		if d := golit.Diff(releasetest.Unpacked(onto), releasetest.Unpacked(ds)); d != "" {
			t.Fatalf("LoadOnto's dataset differs from Load's at %s", d)
		}
		files, err := Encode(ds, Head{Comment: "round trip"})
		if err != nil {
			t.Fatalf("Encode refused a dataset that loaded: %v", err)
		}
		again, err := Load(nil, files)
		if err != nil {
			var all bytes.Buffer
			for _, s := range files {
				all.WriteString("== " + s.Name + "\n")
				all.Write(s.Data)
			}
			t.Fatalf("the encoded dataset does not load: %v\n%s", err, all.String())
		}
		clearSources(reflect.ValueOf(releasetest.Unpacked(ds)))
		clearSources(reflect.ValueOf(releasetest.Unpacked(again)))
		if d := golit.Diff(again, ds); d != "" {
			t.Fatalf("the round trip changed the dataset at %s", d)
		}
	})
}

func checkRejection(t *testing.T, name string, err error) {
	t.Helper()
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("Load returned %T %v, want Errors", err, err)
	}
	for _, e := range es {
		if e.File != name {
			t.Fatalf("error %q names the file %q, want %q", e.Error(), e.File, name)
		}
		if e.Msg == "" {
			t.Fatalf("error %q has no message", e.Error())
		}
		if e.Line < 1 && !hasAnyPrefix(e.Msg, wholeFile) {
			t.Fatalf("error %q names no line", e.Error())
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// clearSources sets every field named Source (a string or a
// defence.Place) to its zero value, through pointers, maps, slices and
// structs.
func clearSources(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if r, ok := v.Interface().(*defence.Release); ok {
			clearSources(reflect.ValueOf(r.Cells())) // its figures and aggregates are unexported
			if aggs := r.Aggregates(); aggs != nil {
				clearSources(reflect.ValueOf(aggs))
				r.SetAggregates(aggs)
			}
		}
		clearSources(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if v.Type().Field(i).Name == "Source" && v.Field(i).Kind() == reflect.String {
				v.Field(i).SetString("")
				continue
			}
			if v.Type().Field(i).Name == "Source" && v.Field(i).Type() == reflect.TypeFor[defence.Place]() {
				v.Field(i).SetZero()
				continue
			}
			clearSources(v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			clearSources(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			clearSources(e)
			v.SetMapIndex(k, e)
		}
	}
}

// TestEncodeEmbedded: the embedded data round-trips through Encode, and
// Encode writes every field of the data model (a new field that Encode
// does not write fails here, naming it).
func TestEncodeEmbedded(t *testing.T) {
	var srcs []Source
	for _, f := range data.Files() {
		srcs = append(srcs, Source{Name: "embedded:" + f.Name, Data: f.Data})
	}
	ds := mustLoad(t, srcs, nil)
	files, err := Encode(ds, Head{Comment: "test", Citation: "c", URL: "https://example.org"})
	if err != nil {
		t.Fatal(err)
	}
	again := mustLoad(t, files, nil)
	clearSources(reflect.ValueOf(releasetest.Unpacked(ds)))
	clearSources(reflect.ValueOf(releasetest.Unpacked(again)))
	if d := golit.Diff(again, ds); d != "" {
		t.Fatalf("the round trip changed the dataset at %s", d)
	}
	// The fields Encode writes (and Load reads). Source is the place read;
	// Release.Replaced is what the merge of a user's file replaced, which
	// no file holds; Release.figures are written (read through Cells), and
	// so are Release.aggregates (read through Aggregate);
	// Release.lazy holds the figures of a lazy release (packed, or the
	// compiled-in snapshot's) in another form, which no file holds.
	known := map[string][]string{
		"Dataset":     {"Countries", "Groups", "Targets", "Releases", "AidReleases", "AidPackages"},
		"Country":     {"Code", "Name", "Aliases", "NATOSince", "EUSince", "EULeft", "DefenceReported", "Institution", "Note", "Source"},
		"Group":       {"ID", "Name", "Members", "Membership", "Note", "Source"},
		"Target":      {"ID", "Name", "Pct", "Measure", "Deadline", "Agreed", "Definition", "Components", "Citation", "URL", "Note", "Source"},
		"Component":   {"ID", "Name", "Pct", "Basis"},
		"Release":     {"ID", "Series", "Title", "Publisher", "Published", "Cutoff", "URL", "SourceFile", "SourceSHA256", "Via", "PriceBasis", "Definition", "Notes", "Currencies", "ConstantYear", "Source", "Replaced", "figures", "lazy", "aggregates", "aggIndex"}, // lazy, aggIndex: the figures and aggregates in another form
		"Figure":      {"GDP", "Defence", "Share", "Equipment", "Resilience", "Population", "Detail", "Estimate", "Note", "Source"},
		"Detail":      {"DefenceNCU", "DefenceConstNCU", "DefenceConst", "GDPConst", "RealChange", "GDPPerCapitaConst", "DefencePerCapitaConst", "Personnel", "PersonnelPct", "InfrastructurePct", "OtherPct"},
		"Num":         {"V", "Known"},
		"Place":       {"File", "Line"}, // a Source
		"AidRelease":  {"ID", "Title", "Publisher", "Published", "PeriodStart", "Cutoff", "URL", "Via", "Measure", "GDPYear", "Notes", "Source", "Donors"},
		"AidDonor":    {"Military", "Financial", "Humanitarian", "Total", "Commitments", "GDP", "Note", "Source"},
		"AidPackages": {"ID", "Title", "Notes", "Source", "Packages"},
		"AidPackage":  {"Donor", "Date", "Amount", "Currency", "USD", "Purpose", "URL", "Quote", "Note", "Source"},
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(tp reflect.Type) {
		switch tp.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			walk(tp.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if seen[tp] {
			return
		}
		seen[tp] = true
		want, ok := known[tp.Name()]
		if !ok {
			t.Errorf("pkg/dataset/encode.go does not know the type defence.%s: write it in Encode, then list its fields here", tp.Name())
		}
		for i := range tp.NumField() {
			fld := tp.Field(i)
			if ok && !contains(want, fld.Name) {
				t.Errorf("pkg/dataset/encode.go does not write the field %s.%s: add it to Encode (and the round trip of FuzzLoad), then list it here", tp.Name(), fld.Name)
			}
			if tp.Name() == "Release" && fld.Name == "lazy" {
				continue // the same figures in another form
			}
			walk(fld.Type)
		}
	}
	walk(reflect.TypeOf(defence.Dataset{}))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
