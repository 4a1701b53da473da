package dataset

import (
	"reflect"
	"strings"
	"testing"
)

// TestAliases: a country's aliases are read in order, block or flow style,
// and kept apart from its name; a country without any has nil.
func TestAliases(t *testing.T) {
	ds := mustLoad(t, base(t), src(
		"kind: countries",
		"countries:",
		"  QMA:",
		"    name: Atlantis",
		"    aliases:",
		"      - Poseidonis",
		"      - Türkiye of the Sea",
		"  QMB: {name: Lemuria}",
	))
	if got, want := ds.Countries["QMA"].Aliases, []string{"Poseidonis", "Türkiye of the Sea"}; !reflect.DeepEqual(got, want) {
		t.Errorf("QMA aliases %q, want %q", got, want)
	}
	if got := ds.Countries["QMB"].Aliases; got != nil {
		t.Errorf("QMB aliases %q, want nil", got)
	}
	if got, want := ds.Countries["DEU"].Aliases, []string{"Federal Republic of Germany", "FRG"}; !reflect.DeepEqual(got, want) {
		t.Errorf("DEU aliases %q, want %q", got, want)
	}
	for _, name := range []string{"poseidonis", " POSEIDONIS ", "turkiye of the sea", "TÜRKIYE OF THE SEA", "Atlantis", "qma", "frg"} {
		if _, ok := ds.LookupCountry(name); !ok {
			t.Errorf("LookupCountry(%q) found nothing", name)
		}
	}
}

// TestHostileAliases: an alias that names another country (its name, code
// or alias, without regard to case and diacritics, in this file or
// another), repeats, or is the country's own name or code, is refused with
// file, line and field; so is an alias list that is empty or not a list.
func TestHostileAliases(t *testing.T) {
	const dir = "testdata/hostile/"
	const taken = "; codes, names and aliases name one country each, without regard to case and diacritics)"
	tests := []struct {
		files []string
		want  []string
	}{
		{[]string{"aliases-wrong.yaml"}, []string{
			dir + "aliases-wrong.yaml:3: countries.QMA.aliases[0]: Germany is already the name of the country DEU (at embedded:countries.yaml:5" + taken,
			dir + `aliases-wrong.yaml:4: countries.QMB.aliases[0]: " deu " is already the code DEU of the country DEU (at embedded:countries.yaml:5` + taken,
			dir + "aliases-wrong.yaml:5: countries.QMC.aliases[0]: frg is already the alias FRG of the country DEU (at embedded:countries.yaml:5" + taken,
			dir + "aliases-wrong.yaml:10: countries.QMD.aliases[1]: THULE is aliases[0], Thule, but for case or diacritics (names are matched without regard to them: leave it out)",
			dir + "aliases-wrong.yaml:11: countries.QMD.aliases[2]: Thule is listed twice (also as aliases[0])",
			dir + "aliases-wrong.yaml:12: countries.QMD.aliases[3]: Hyperboréa is the country's name, but for case or diacritics (names are matched without regard to them: leave it out)",
			dir + "aliases-wrong.yaml:13: countries.QMD.aliases[4]: qmd is the country's code, but for case or diacritics (names are matched without regard to them: leave it out)",
			dir + "aliases-wrong.yaml:14: countries.QMD.aliases[5]: 12 is a number (expected text; put it in quotes if it is meant as text)",
			dir + `aliases-wrong.yaml:15: countries.QMD.aliases[6]: "\u0301" has no letters once diacritical marks are left out (expected a name)`,
			dir + "aliases-wrong.yaml:16: countries.QME.name: Thule is already the alias of the country QMD (at testdata/hostile/aliases-wrong.yaml:6" + taken,
			dir + "aliases-wrong.yaml:17: countries.QMF.aliases: found an empty list (expected a non-empty list of other names, such as [UK, Great Britain]; leave the key out when there are none)",
			dir + "aliases-wrong.yaml:18: countries.QMG.name: Germány is already the name Germany of the country DEU (at embedded:countries.yaml:5" + taken,
			dir + "aliases-wrong.yaml:19: countries.QMH.aliases: found Cibola (expected a non-empty list of other names, such as [UK, Great Britain]; leave the key out when there are none)",
		}},
		{[]string{"aliases-across-a.yaml", "aliases-across-b.yaml"}, []string{
			dir + "aliases-across-b.yaml:4: countries.QMB.name: Poseidonís is already the alias Poseidonis of the country QMA (at testdata/hostile/aliases-across-a.yaml:3" + taken,
			dir + "aliases-across-b.yaml:5: countries.QMB.aliases[0]: QMA is already the code of the country QMA (at testdata/hostile/aliases-across-a.yaml:3" + taken,
			dir + "aliases-across-b.yaml:5: countries.QMB.aliases[1]: Atlantís is already the name Atlantis of the country QMA (at testdata/hostile/aliases-across-a.yaml:3" + taken,
		}},
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
			want := strings.Join(tc.want, "\n")
			if got := loadErrs(t, base(t), user).Error(); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			// Merged onto the loaded base, the same errors.
			pre := mustLoad(t, base(t), nil)
			_, err = LoadOnto(pre, user)
			if err == nil || err.Error() != want {
				t.Errorf("LoadOnto: got\n%v\nwant\n%s", err, want)
			}
		})
	}
}

// TestEncodeAliases: aliases round-trip through the encoder, which refuses
// what the loader would.
func TestEncodeAliases(t *testing.T) {
	ds := mustLoad(t, base(t), nil)
	files, err := Encode(ds, Head{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files[0].Data), `DEU: {name: "Germany", aliases: ["Federal Republic of Germany", "FRG"], nato_since: 1955`) {
		t.Errorf("encoded countries:\n%s", files[0].Data)
	}
	again := mustLoad(t, files, nil)
	if got := again.Countries["DEU"].Aliases; !reflect.DeepEqual(got, []string{"Federal Republic of Germany", "FRG"}) {
		t.Errorf("round trip: %q", got)
	}
	for _, bad := range [][]string{
		{"Germany"}, // its own name
		{"x", "X"},  // twice
		{"Denmark"}, // another's name
		{"dnk"},     // another's code
		{"\u0301"},  // no letters
		{"a\x1bb"},  // a control character
	} {
		ds := mustLoad(t, base(t), nil)
		c := ds.Countries["DEU"]
		c.Aliases = bad
		ds.Countries["DEU"] = c
		if _, err := Encode(ds, Head{}); err == nil {
			t.Errorf("Encode accepted aliases %q", bad)
		}
	}
}
