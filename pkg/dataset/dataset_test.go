package dataset

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/defence"
)

func readValid(t testing.TB) []Source {
	t.Helper()
	srcs, err := ReadPaths([]string{"testdata/valid"})
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// TestValidValues reads the documented examples back exactly.
func TestValidValues(t *testing.T) {
	ds := mustLoad(t, readValid(t), nil)
	const dir = "testdata/valid/"

	wantCountries := map[string]defence.Country{
		"DEU": {Code: "DEU", Name: "Germany", Aliases: []string{"Federal Republic of Germany", "FRG"}, NATOSince: 1955, EUSince: 1958, DefenceReported: true, Source: defence.Place{File: dir + "countries.yaml", Line: 5}},
		"SWE": {Code: "SWE", Name: "Sweden", NATOSince: 2024, EUSince: 1995, DefenceReported: true, Source: defence.Place{File: dir + "countries.yaml", Line: 14}},
		"ISL": {Code: "ISL", Name: "Iceland", NATOSince: 1949, DefenceReported: false,
			Note: "Iceland has no armed forces; NATO publishes no defence expenditure figure for it.", Source: defence.Place{File: dir + "countries.yaml", Line: 8}},
		"JPN": {Code: "JPN", Name: "Japan", DefenceReported: true, Source: defence.Place{File: dir + "countries.yaml", Line: 15}},
	}
	for code, want := range wantCountries {
		if got := ds.Countries[code]; !reflect.DeepEqual(got, want) {
			t.Errorf("country %s:\n got %+v\nwant %+v", code, got, want)
		}
	}
	if len(ds.Countries) != 7 {
		t.Errorf("got %d countries, want 7", len(ds.Countries))
	}

	wantGroup := defence.Group{ID: "nordics", Name: "Nordic allies", Members: []string{"DNK", "FIN", "ISL", "NOR", "SWE"},
		Membership: defence.MembershipNATO, Note: "optional", Source: defence.Place{File: dir + "groups.yaml", Line: 4}}
	if got := ds.Groups["nordics"]; !reflect.DeepEqual(got, wantGroup) {
		t.Errorf("group:\n got %+v\nwant %+v", got, wantGroup)
	}

	wantTarget := defence.Target{ID: "hague", Name: "Hague summit commitment", Pct: 5, Deadline: 2035, Agreed: "2025-06-25",
		Components: []defence.Component{
			{ID: "core", Name: "core defence", Pct: 3.5, Basis: "core"},
			{ID: "resilience", Name: "defence- and security-related spending", Pct: 1.5, Basis: "resilience"},
		},
		Citation: "The Hague Summit Declaration, 25 June 2025, paragraphs 2-3",
		URL:      "https://www.nato.int/cps/en/natohq/official_texts_236705.htm", Source: defence.Place{File: dir + "targets.yaml", Line: 9}}
	if got := ds.Targets["hague"]; !reflect.DeepEqual(got, wantTarget) {
		t.Errorf("target:\n got %+v\nwant %+v", got, wantTarget)
	}
	if got := ds.TargetIDs(); !reflect.DeepEqual(got, []string{"nato-2014", "hague"}) {
		t.Errorf("target ids %v", got)
	}

	wantRelease := (&defence.Release{
		ID: "my-ministry-2026", Series: "defence", Title: "Defence budget 2026, as adopted", Publisher: "Ministry of Defence",
		Published: "2026-03-01", Cutoff: "2026-02-15", URL: "https://example.org/budget-2026.pdf",
		Via: "optional, the copy that was actually read", PriceBasis: "current prices and exchange rates", Definition: "classic",
		Notes: []string{"anything a reader of these figures must know"}, Source: dir + "release.yaml"}).SetFigures(map[string]map[int]defence.Figure{
		"DEU": {
			2025: {GDP: defence.N(5056631), Defence: defence.N(112141), Share: defence.N(2.22), Equipment: defence.N(25.21),
				Estimate: true, Source: defence.Place{File: dir + "release.yaml", Line: 16}},
			2026: {Share: defence.N(2.69), Estimate: true, Note: "budget draft", Source: defence.Place{File: dir + "release.yaml", Line: 17}},
		},
		"ISL": {2024: {GDP: defence.N(31000.5), Resilience: defence.N(15), Source: defence.Place{File: dir + "release.yaml", Line: 22}}},
	})
	if got := releasetest.Unpacked(ds).Releases["my-ministry-2026"]; !reflect.DeepEqual(got, wantRelease) {
		t.Errorf("release:\n got %+v\nwant %+v", got, wantRelease)
	}
}

// TestBOMAndCRLF: a leading byte-order mark and CRLF line ends are
// accepted, and the values are those of the plain file.
func TestBOMAndCRLF(t *testing.T) {
	plain, err := os.ReadFile("testdata/valid/release.yaml")
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(string(plain), "\n", "\r\n")
	want := mustLoad(t, base(t), []Source{{Name: "r.yaml", Data: plain}}).Releases["my-ministry-2026"]
	for name, data := range map[string]string{"BOM": "\ufeff" + string(plain), "CRLF": crlf, "BOM+CRLF": "\ufeff" + crlf} {
		t.Run(name, func(t *testing.T) {
			got := mustLoad(t, base(t), []Source{{Name: "r.yaml", Data: []byte(data)}}).Releases["my-ministry-2026"]
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
	// A quoted text over two CRLF lines folds to one line without CR.
	ds := mustLoad(t, nil, []Source{{Name: "c.yaml", Data: []byte("kind: countries\r\ncountries:\r\n  POL:\r\n    name: \"Pol\r\n      and\"\r\n")}})
	if got := ds.Countries["POL"].Name; got != "Pol and" {
		t.Errorf("name %q", got)
	}
}

// TestAllErrorsOfAFile: every error of every file is reported, not only
// the first, sorted by file then line.
func TestAllErrorsOfAFile(t *testing.T) {
	a := Source{Name: "a.yaml", Data: []byte(strings.Join([]string{
		"kind: countries",
		"countries:",
		"  POL: {name: Poland, nato_since: 1899}",  // 3
		"  CZE: {name: Czechia, nato_sinse: 1999}", // 4
		"  SVK: {name: 12}",                        // 5
	}, "\n"))}
	b := Source{Name: "b.yaml", Data: []byte(strings.Join([]string{
		"kind: groups",
		"groups:",
		"  v4:",
		"    name: Visegrad",
		"    members: [POL, CZE, SVK, HUN]", // 5
		"    nmae: [&x a]",                  // 6
	}, "\n"))}
	errs := loadErrs(t, nil, []Source{b, a})
	want := strings.Join([]string{
		"a.yaml:3: countries.POL.nato_since: 1899 is out of range (expected a year from 1949 to 2100)",
		"a.yaml:4: countries.CZE.nato_sinse: unknown field (expected one of: name, aliases, nato_since, eu_since, eu_left, defence_reported, institution, note)",
		"a.yaml:5: countries.SVK.name: 12 is a number (expected text; put it in quotes if it is meant as text)",
		"b.yaml:5: groups.v4.members[3]: the group uses the country HUN, which no countries file defines",
		"b.yaml:6: groups.v4.nmae: unknown field (expected one of: name, membership, members, note)",
		"b.yaml:6: groups.v4.nmae: anchor &x: anchors and aliases are not allowed (write the value out in full)",
	}, "\n")
	if got := errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(errs) != 6 {
		t.Errorf("got %d errors, want 6", len(errs))
	}
}

// TestTooManyErrors: a hopeless file stops after maxErrorsPerFile.
func TestTooManyErrors(t *testing.T) {
	lines := []string{"kind: countries", "countries:"}
	for i := 0; i < 1000; i++ {
		lines = append(lines, fmt.Sprintf("  A%02d: {}", i))
	}
	errs := loadErrs(t, nil, src(lines...))
	if len(errs) != maxErrorsPerFile+1 {
		t.Fatalf("got %d errors, want %d", len(errs), maxErrorsPerFile+1)
	}
	if last := errs[len(errs)-1]; last.Msg != "too many errors: stopped after 100 (fix these first)" || last.Line != 103 {
		t.Errorf("last error %v", last)
	}
}

func TestMerge(t *testing.T) {
	rel := func(name, id, title string) Source {
		return Source{Name: name, Data: []byte(strings.Join([]string{
			"kind: release", "id: " + id, "series: gdp", "title: " + title, "publisher: IMF", "published: 2025-10",
			"url: https://example.org", "figures:", "  DEU: {2024: {gdp_musd: 1}}"}, "\n"))}
	}
	group := func(name, id string) Source {
		return Source{Name: name, Data: []byte("kind: groups\ngroups:\n  " + id + ": {name: x, members: [DEU]}\n")}
	}
	target := func(name, id string) Source {
		return Source{Name: name, Data: []byte("kind: targets\ntargets:\n  " + id + ": {name: x, pct: 2, citation: c}\n")}
	}
	countriesFile := Source{Name: "embedded:countries.yaml", Data: base(t)[0].Data}

	t.Run("user release replaces embedded", func(t *testing.T) {
		ds := mustLoad(t, []Source{countriesFile, rel("embedded:weo.yaml", "weo", "old"), rel("embedded:other.yaml", "other", "kept")},
			[]Source{rel("mine.yaml", "weo", "new")})
		if r := ds.Releases["weo"]; r.Title != "new" || r.Source != "mine.yaml" {
			t.Errorf("weo = %+v", r)
		}
		// The replacement remembers the embedded release (the default
		// release stays where it was: pkg/cli/query.ResolveReleaseYear).
		if r := ds.Releases["weo"]; r.Embedded() || r.Replaced == nil || r.Replaced.Title != "old" || !r.Replaced.Embedded() || r.Origin() != r.Replaced {
			t.Errorf("weo replaces %+v", r.Replaced)
		}
		if r := ds.Releases["other"]; r.Title != "kept" || !r.Embedded() || r.Replaced != nil || r.Origin() != r {
			t.Errorf("other = %+v", r)
		}
		if len(ds.Releases) != 2 {
			t.Errorf("%d releases", len(ds.Releases))
		}
	})
	t.Run("replaced release is not cross-checked", func(t *testing.T) {
		bad := rel("embedded:weo.yaml", "weo", "old")
		bad.Data = []byte(strings.Replace(string(bad.Data), "DEU", "XXX", 1))
		mustLoad(t, []Source{countriesFile, bad}, []Source{rel("mine.yaml", "weo", "new")})
	})
	tests := []struct {
		name           string
		embedded, user []Source
		want           string
	}{
		{"release twice in user files", []Source{countriesFile}, []Source{rel("a.yaml", "weo", "a"), rel("b.yaml", "weo", "b")},
			"b.yaml:2: id: release weo is defined twice (also at a.yaml:2)"},
		{"release twice in embedded files", []Source{countriesFile, rel("embedded:a.yaml", "weo", "a"), rel("embedded:b.yaml", "weo", "b")}, nil,
			"embedded:b.yaml:2: id: release weo is defined twice (also at embedded:a.yaml:2)"},
		{"release twice in user files after embedded", []Source{countriesFile, rel("embedded:a.yaml", "weo", "a")},
			[]Source{rel("b.yaml", "weo", "b"), rel("c.yaml", "weo", "c")},
			"c.yaml:2: id: release weo is defined twice (also at b.yaml:2)"},
		{"country in user and embedded files", []Source{countriesFile}, countries("  DEU: {name: Germany}"),
			"t.yaml:3: countries.DEU: country DEU is defined twice (also at embedded:countries.yaml:5)"},
		{"country in two user files", nil, []Source{countriesFile, {Name: "mine.yaml", Data: countriesFile.Data}},
			strings.Join([]string{
				"mine.yaml:5: countries.DEU: country DEU is defined twice (also at embedded:countries.yaml:5)",
				"mine.yaml:6: countries.DNK: country DNK is defined twice (also at embedded:countries.yaml:6)",
				"mine.yaml:7: countries.FIN: country FIN is defined twice (also at embedded:countries.yaml:7)",
				"mine.yaml:8: countries.ISL: country ISL is defined twice (also at embedded:countries.yaml:8)",
				"mine.yaml:13: countries.NOR: country NOR is defined twice (also at embedded:countries.yaml:13)",
				"mine.yaml:14: countries.SWE: country SWE is defined twice (also at embedded:countries.yaml:14)",
				"mine.yaml:15: countries.JPN: country JPN is defined twice (also at embedded:countries.yaml:15)",
			}, "\n")},
		{"group twice", []Source{countriesFile, group("embedded:groups.yaml", "eu")}, []Source{group("g.yaml", "eu")},
			"g.yaml:3: groups.eu: group eu is defined twice (also at embedded:groups.yaml:3)"},
		{"target twice", []Source{countriesFile}, []Source{target("a.yaml", "two"), target("b.yaml", "two")},
			"b.yaml:3: targets.two: target two is defined twice (also at a.yaml:3)"},
		{"no default data: countries must be given", nil, []Source{group("g.yaml", "eu")},
			"g.yaml:3: groups.eu.members[0]: the group uses the country DEU, which no countries file defines"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := loadErrs(t, tc.embedded, tc.user)
			if got := errs.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestDeterministic: concurrent parsing gives the same result every time.
func TestDeterministic(t *testing.T) {
	var user []Source
	for i := 0; i < 20; i++ {
		user = append(user, Source{Name: fmt.Sprintf("f%02d.yaml", i), Data: []byte(fmt.Sprintf(
			"kind: countries\ncountries:\n  A%c%c: {name: x}\n  POL: {name: %d}\n", 'A'+i%26, 'A'+i/26, i))})
	}
	first := loadErrs(t, nil, user).Error()
	for i := 0; i < 10; i++ {
		if got := loadErrs(t, nil, user).Error(); got != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i, got, first)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{"f.yaml", 3, "a.b", "bad"}, "f.yaml:3: a.b: bad"},
		{Error{"f.yaml", 0, "", "bad"}, "f.yaml: bad"},
		{Error{"f.yaml", 3, "", "bad"}, "f.yaml:3: bad"},
		{Error{"", 0, "a", "bad"}, "a: bad"},
		{Error{"x\x1b[31m.yaml", 1, "", "bad"}, `"x\x1b[31m.yaml":1: bad`},
	}
	for _, tc := range tests {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	es := Errors{{File: "b", Line: 1, Msg: "x"}, {File: "a", Line: 9, Msg: "y"}, {File: "a", Line: 2, Msg: "z"}}
	if got := es.Error(); got != "a:2: z\na:9: y\nb:1: x" {
		t.Errorf("got %q", got)
	}
	var e *Error
	if !errors.As(error(es), &e) || e.File != "b" {
		t.Errorf("errors.As gave %v", e)
	}
}

// TestPlainDecimalMatchesRegexp checks the hand-written scanner against
// the regular expression it implements.
func TestPlainDecimalMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
	intRE := regexp.MustCompile(`^-?(0|[1-9][0-9]*)$`)
	inputs := []string{"", "0", "-0", "00", "01", "1", "12", "-12", "1.", ".5", "1.5", "1.5e3", "1e", "1e+", "1e-3", "1E3",
		"-", "+1", "0x10", "1_000", "1.5.5", "1e3.5", "0.0", "10", "2024", "2024.0", "e3", "-.5", "1 ", " 1"}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789.eE+-x_ "
	for i := 0; i < 200000; i++ {
		b := make([]byte, r.IntN(8))
		for j := range b {
			b[j] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		ok, integer := isPlainDecimal(s)
		if ok != re.MatchString(s) || ok && integer != intRE.MatchString(s) {
			t.Fatalf("isPlainDecimal(%q) = %v, %v; the regexp says %v, %v", s, ok, integer, re.MatchString(s), intRE.MatchString(s))
		}
	}
}

// TestDeepNesting: deeply nested documents fail fast, without recursion in
// the walk.
func TestDeepNesting(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"flow beyond the YAML limit", "kind: countries\ncountries: " + strings.Repeat("[", 100000),
			"deep.yaml:2: invalid YAML: exceeded max depth of 10000"},
		{"flow within the YAML limit", "kind: countries\ncountries: " + strings.Repeat("[", 9000) + "&a x" + strings.Repeat("]", 9000),
			"deep.yaml:2: countries: found a list (expected a mapping of country codes to countries)\n" +
				"deep.yaml:2: countries: anchor &a: anchors and aliases are not allowed (write the value out in full)"},
		// yaml.v3 gives the line of the last simple key for this error, not
		// that of the nesting (3).
		{"block", "kind: countries\ncountries:\n  " + strings.Repeat("- ", 12000) + "x\n",
			"deep.yaml:2: invalid YAML: exceeded max depth of 10000"},
		{"block within the YAML limit", "kind: countries\ncountries:\n  " + strings.Repeat("- ", 9000) + "x\n",
			"deep.yaml:3: countries: found a list (expected a mapping of country codes to countries)"},
		{"mappings in a cell", "kind: countries\ncountries:\n  POL: {name: " + strings.Repeat("{a: ", 5000) + "b" + strings.Repeat("}", 5000) + "}",
			"deep.yaml:3: countries.POL.name: found a mapping (expected text)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := loadErrs(t, nil, []Source{{Name: "deep.yaml", Data: []byte(tc.data)}})
			if got := errs.Error(); got != tc.want {
				t.Errorf("got\n%.500s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestHostile loads each file of the hostile corpus in testdata/hostile
// (and a few generated ones) and checks the exact report.
func TestHostile(t *testing.T) {
	const dir = "testdata/hostile/"
	releaseHeadWant := func(file, msg string) string { return dir + file + ":10: figures.DEU.2024.gdp_musd: " + msg }
	tests := []struct {
		files []string
		want  string // "" when the file is accepted
	}{
		{[]string{"alias-bomb.yaml"}, dir + "alias-bomb.yaml:9: notes[0]: anchor &a: anchors and aliases are not allowed (write the value out in full)"},
		{[]string{"binary-junk.yaml"}, dir + "binary-junk.yaml:1: column 1: control character U+007F (expected UTF-8 text, without control characters)"},
		{[]string{"invalid-utf8.yaml"}, dir + "invalid-utf8.yaml:4: column 20: byte 0xEB is not valid UTF-8 (expected UTF-8 text, without control characters)"},
		{[]string{"bom.yaml"}, ""},
		{[]string{"crlf.yaml"}, ""},
		{[]string{"number-1e400.yaml"}, releaseHeadWant("number-1e400.yaml", "1e400 is out of range (expected an amount in million USD from 0 to 1000000000)")},
		{[]string{"number-hex.yaml"}, releaseHeadWant("number-hex.yaml", "0x10 is not a plain decimal number")},
		{[]string{"number-octal.yaml"}, releaseHeadWant("number-octal.yaml", "010: leading zeros are not allowed (YAML 1.1 would read it as octal)")},
		{[]string{"number-underscore.yaml"}, releaseHeadWant("number-underscore.yaml", "1_000 is not a plain decimal number (digit separators such as _ are not allowed)")},
		{[]string{"number-inf.yaml"}, releaseHeadWant("number-inf.yaml", ".inf is not a finite number")},
		{[]string{"number-nan.yaml"}, releaseHeadWant("number-nan.yaml", ".nan is not a finite number")},
		{[]string{"string-for-number.yaml"}, dir + `string-for-number.yaml:10: figures.DEU.2024.defence_musd: "112141" is a string (expected a number)`},
		{[]string{"number-for-string.yaml"}, dir + "number-for-string.yaml:4: title: 2026 is a number (expected text; put it in quotes if it is meant as text)"},
		{[]string{"case-keys.yaml"}, strings.Join([]string{
			dir + "case-keys.yaml:4: countries.pol: differs only in case from POL at line 3 (define it once, as POL)",
			dir + "case-keys.yaml:5: countries.EST.Name: unknown field: differs only in case from name at line 5 (keys are case-sensitive; give each field once)",
			dir + "case-keys.yaml:6: countries.LVA.NATO_since: unknown field (did you mean nato_since? keys are case-sensitive)",
		}, "\n")},
		{[]string{"country-twice-a.yaml", "country-twice-b.yaml"},
			dir + "country-twice-b.yaml:4: countries.POL: country POL is defined twice (also at testdata/hostile/country-twice-a.yaml:3)"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.files, "+"), func(t *testing.T) {
			var paths []string
			for _, f := range tc.files {
				paths = append(paths, dir+f)
			}
			user, err := ReadPaths(paths)
			if err != nil {
				t.Fatal(err)
			}
			errs := loadErrs(t, base(t), user)
			if got := errs.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
	t.Run("BOM and CRLF values", func(t *testing.T) {
		user, err := ReadPaths([]string{dir + "bom.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		ds := mustLoad(t, nil, user)
		want := defence.Country{Code: "CZE", Name: "Czechia", NATOSince: 1999, DefenceReported: true, Source: defence.Place{File: dir + "bom.yaml", Line: 4}}
		if got := ds.Countries["CZE"]; !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
		user, err = ReadPaths([]string{dir + "crlf.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		ds = mustLoad(t, nil, user)
		want = defence.Country{Code: "CZE", Name: "Czechia", NATOSince: 1999, DefenceReported: true, Note: "two lines", Source: defence.Place{File: dir + "crlf.yaml", Line: 4}}
		if got := ds.Countries["CZE"]; !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("file over 64 MiB", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.yaml")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadPaths([]string{path})
		if want := path + ": file is too large: 67108865 bytes (expected at most 64 MiB)"; err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	})
}
