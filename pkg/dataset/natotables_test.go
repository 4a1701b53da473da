package dataset

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// natoHead is a release head with a base year and currencies, for the
// measures of NATO's other tables: the figures start on line 12, DEU's
// years on line 13.
func natoRelease(cells ...string) []Source {
	head := []string{
		"kind: release",                 // 1
		"id: test",                      // 2
		"series: defence",               // 3
		"title: Test",                   // 4
		"publisher: Nobody",             // 5
		"published: 2026-01-01",         // 6
		"url: https://example.org/test", // 7
		"constant_year: 2015",           // 8
		"currencies:",                   // 9
		"  DEU: EUR",                    // 10
		"figures:",                      // 11
		"  DEU:",                        // 12
	}
	return src(append(head, cells...)...)
}

// TestNATOTableMeasures: every measure of NATO's other tables loads into
// its field of defence.Figure, with the release's base year and currency.
func TestNATOTableMeasures(t *testing.T) {
	ds := mustLoad(t, base(t), natoRelease(
		"    2024: {defence_ncu_m: 90585.8471, defence_const_ncu_m: 69341.35, defence_const_musd: 76943.01, gdp_const_musd: 3631127.5,"+
			" real_change_pct: -29.45, gdp_per_capita_const_kusd: 43.03, defence_per_capita_const_usd: 911.94, personnel_k: 185.641,"+
			" personnel_pct: 29.5, infrastructure_pct: 2.5, other_pct: 40.1, estimate: true}",
	))
	r := ds.Releases["test"]
	if r.ConstantYear != 2015 || len(r.Currencies) != 1 || r.Currencies["DEU"] != "EUR" {
		t.Errorf("constant year %d, currencies %v", r.ConstantYear, r.Currencies)
	}
	f := r.Cells()["DEU"][2024]
	d := f.Details()
	for _, c := range []struct {
		name string
		got  defence.Num
		want float64
	}{
		{"DefenceNCU", d.DefenceNCU, 90585.8471},
		{"DefenceConstNCU", d.DefenceConstNCU, 69341.35},
		{"DefenceConst", d.DefenceConst, 76943.01},
		{"GDPConst", d.GDPConst, 3631127.5},
		{"RealChange", d.RealChange, -29.45},
		{"GDPPerCapitaConst", d.GDPPerCapitaConst, 43.03},
		{"DefencePerCapitaConst", d.DefencePerCapitaConst, 911.94},
		{"Personnel", d.Personnel, 185.641},
		{"PersonnelPct", d.PersonnelPct, 29.5},
		{"InfrastructurePct", d.InfrastructurePct, 2.5},
		{"OtherPct", d.OtherPct, 40.1},
	} {
		if !c.got.Known || c.got.V != c.want {
			t.Errorf("%s = %+v, want %v", c.name, c.got, c.want)
		}
	}
	if f.GDP.Known || f.Defence.Known || f.Share.Known || !f.Estimate {
		t.Errorf("figures not given are known, or the estimate is lost: %+v", f)
	}
	// Round trip through the encoder.
	var b bytes.Buffer
	if err := EncodeRelease(&b, "", r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"constant_year: 2015\ncurrencies:\n  DEU: EUR\n", "real_change_pct: -29.45", "personnel_k: 185.641"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("encoded release lacks %q:\n%s", want, b.String())
		}
	}
	again := mustLoad(t, base(t), []Source{{Name: "again.yaml", Data: b.Bytes()}})
	g := again.Releases["test"].Cells()["DEU"][2024]
	if g.Details() != d || g.Estimate != f.Estimate || g.GDP.Known {
		t.Errorf("round trip: %+v, want %+v", g.Details(), d)
	}
}

// TestNATOTableFaults: each new key is checked like the old ones, and the
// release must say what its constant prices and national currencies are.
func TestNATOTableFaults(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []Source
		line  int
		field string
		msg   string
	}{
		{"real change below -100%", natoRelease("    2024: {real_change_pct: -100.5}"), 13, "figures.DEU.2024.real_change_pct",
			"-100.5 is out of range (expected a percentage change from -100 to 10000)"},
		{"personnel in people", natoRelease("    2024: {personnel_k: 185641}"), 13, "figures.DEU.2024.personnel_k",
			"185641 is out of range (expected thousands of people from 0 to 100000)"},
		{"negative amount in national currency", natoRelease("    2024: {defence_ncu_m: -1}"), 13, "figures.DEU.2024.defence_ncu_m",
			"-1 is out of range (expected an amount in million national currency units from 0 to 1000000000000)"},
		{"other share above 100", natoRelease("    2024: {other_pct: 100.01}"), 13, "figures.DEU.2024.other_pct",
			"100.01 is out of range (expected a percentage from 0 to 100)"},
		{"per capita as text", natoRelease("    2024: {defence_per_capita_const_usd: \"911\"}"), 13, "figures.DEU.2024.defence_per_capita_const_usd",
			`"911" is a string (expected a number)`},
		{"constant prices without a base year", release("    2024: {defence_const_musd: 1}"), 10, "figures.DEU.2024.defence_const_musd",
			"a figure at constant prices in a release without constant_year (expected constant_year: the base year of its prices, such as 2015)"},
		{"national currency without a currency", release("    2024: {defence_ncu_m: 1}"), 10, "figures.DEU.2024.defence_ncu_m",
			"a figure in national currency for a country the release's currencies do not name (expected currencies: {DEU: its ISO 4217 code, such as EUR})"},
		{"new measure in a gdp release", src("kind: release", "id: test", "series: gdp", "title: Test", "publisher: Nobody",
			"published: 2026-01", "url: https://example.org/test", "figures:", "  DEU:", "    2024: {gdp_musd: 1, gdp_const_musd: 2}"),
			10, "figures.DEU.2024.gdp_const_musd", "not allowed in a series: gdp release (expected only gdp_musd, estimate and note)"},
		{"currency code in lower case", src("kind: release", "id: test", "series: defence", "title: Test", "publisher: Nobody",
			"published: 2026-01", "url: https://example.org/test", "currencies: {DEU: eur}", "figures:", "  DEU:", "    2024: {gdp_musd: 1}"),
			8, "currencies.DEU", "eur is not a currency code (expected three upper-case letters, ISO 4217, such as EUR)"},
		{"currency of an undefined country", src("kind: release", "id: test", "series: defence", "title: Test", "publisher: Nobody",
			"published: 2026-01", "url: https://example.org/test", "currencies: {GRL: DKK}", "figures:", "  DEU:", "    2024: {gdp_musd: 1}"),
			8, "currencies.GRL", "the release uses the country GRL, which no countries file defines"},
		{"constant year not a year", src("kind: release", "id: test", "series: defence", "title: Test", "publisher: Nobody",
			"published: 2026-01", "url: https://example.org/test", "constant_year: 15", "figures:", "  DEU:", "    2024: {gdp_musd: 1}"),
			8, "constant_year", "15 is out of range (expected a year from 1949 to 2100)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := loadErrs(t, base(t), tc.files)
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Line != tc.line || e.Field != tc.field || e.Msg != tc.msg {
				t.Errorf("got  %d|%s|%s\nwant %d|%s|%s", e.Line, e.Field, e.Msg, tc.line, tc.field, tc.msg)
			}
		})
	}
}

// TestEncodeDecimals: fixed decimals write a figure as a table prints it,
// and refuse one that the text would not read back.
func TestEncodeDecimals(t *testing.T) {
	r := (&defence.Release{ID: "t", Series: defence.SeriesDefence, Title: "T", Publisher: "P", Published: "2024-06-17", URL: "u"}).SetFigures(map[string]map[int]defence.Figure{"ALB": {2020: {GDP: defence.N(15192), Share: defence.N(1.2958), Detail: &defence.Detail{RealChange: defence.N(-0.5)}}}})
	var b bytes.Buffer
	opt := EncodeOptions{Decimals: map[string]int{"gdp_musd": 2, "share_pct": 4, "real_change_pct": 4}}
	if err := EncodeReleaseWith(&b, "", r, opt); err != nil {
		t.Fatal(err)
	}
	if want := "    2020: {gdp_musd: 15192.00, share_pct: 1.2958, real_change_pct: -0.5000}\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("got\n%s\nwant it to end in\n%s", b.String(), want)
	}
	r.Cells()["ALB"][2020] = defence.Figure{GDP: defence.N(15192.004)}
	if err := EncodeReleaseWith(&bytes.Buffer{}, "", r, opt); err == nil || !strings.Contains(err.Error(), "does not have 2 decimals") {
		t.Errorf("a figure with more decimals: %v, want a refusal", err)
	}
}

// TestCellKeysDocumented: docs/data.md documents every cell key, in a row
// of its table of cell keys.
func TestCellKeysDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/data.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range append(CellKeyNames(), "constant_year", "currencies") {
		if !strings.Contains(string(doc), "| `"+k+"`") {
			t.Errorf("docs/data.md has no table row for `%s`", k)
		}
	}
}
