package aid_test

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
)

// Every expected number below is worked out by hand from the Kiel
// Institute's Ukraine Support Tracker, release 28, as
// shared/data/kiel_ukraine_support.csv gives it (EUR million; GDP 2021 in
// EUR billion), or from shared/data/aid_packages.csv; none is copied from
// natospend's output.

type row map[string]any

type doc struct {
	Release string   `json:"release"`
	Cutoff  string   `json:"cutoff"`
	Kind    string   `json:"kind"`
	Rows    []row    `json:"rows"`
	Totals  []row    `json:"totals"`
	Notes   []string `json:"notes"`
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return clitest.Run(t, 0, nil, args...)
}

func runJSON(t *testing.T, args ...string) doc {
	t.Helper()
	code, out, errOut := run(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var d doc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return d
}

func find(t *testing.T, d doc, code string) row {
	t.Helper()
	for _, r := range d.Rows {
		if r["code"] == code {
			return r
		}
	}
	t.Fatalf("no row for %s", code)
	return nil
}

func num(t *testing.T, r row, key string, want, tol float64) {
	t.Helper()
	v, ok := r[key].(float64)
	if !ok {
		t.Fatalf("%v %s = %v, want %v", r["code"], key, r[key], want)
	}
	if math.Abs(v-want) > tol {
		t.Fatalf("%v %s = %.6f, want %.6f", r["code"], key, v, want)
	}
}

func isNull(t *testing.T, r row, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if v, ok := r[k]; !ok || v != nil {
			t.Fatalf("%v %s = %v, want null", r["code"], k, v)
		}
	}
}

// The all-donor military total is the sum of the table's military_meur
// column over its 42 rows: the 29 allies Kiel lists, 165,226.573, plus
// AUS 911.715 + AUT 3.256 + IRL 208.862 + JPN 63.119 + KOR 14.506 +
// NZL 35.862 (CHE, CHN, CYP, IND, MLT, TWN and the EU institutions: 0)
// = 1,237.320; 165,226.573 + 1,237.320 = 166,463.893.
const allMilitary = 166463.893

func TestNATOMilitary(t *testing.T) {
	d := runJSON(t, "aid", "--group", "nato", "--kind", "military")
	if d.Release != "kiel-ust-28" || d.Cutoff != "2026-02-28" || d.Kind != "military" {
		t.Fatalf("release %s cutoff %s kind %s", d.Release, d.Cutoff, d.Kind)
	}
	// 32 allies; Kiel lists 29 of them (not Albania, Montenegro, North
	// Macedonia).
	if len(d.Rows) != 32 {
		t.Fatalf("%d rows, want 32", len(d.Rows))
	}
	// Sorted by military aid, the United States first, the three allies
	// Kiel does not list last, by name.
	if d.Rows[0]["code"] != "USA" || d.Rows[29]["code"] != "ALB" || d.Rows[30]["code"] != "MNE" || d.Rows[31]["code"] != "MKD" {
		t.Errorf("order: first %v, last three %v %v %v", d.Rows[0]["code"], d.Rows[29]["code"], d.Rows[30]["code"], d.Rows[31]["code"])
	}

	// United States: 64,616.886 / 166,463.893 x 100 = 38.817358 % of all
	// donors' military aid; 64,616.886 / (19,712.764 x 1000) x 100 =
	// 0.327792 % of its 2021 GDP.
	usa := find(t, d, "USA")
	num(t, usa, "military_meur", 64616.886, 0)
	num(t, usa, "total_meur", 115380.649, 0)
	num(t, usa, "share_of_total_pct", 38.817358, 1e-6)
	num(t, usa, "pct_gdp", 0.327792, 1e-6)
	if usa["gdp_basis"] != "kiel-ust-28: 2021 GDP, EUR" || usa["cutoff"] != "2026-02-28" || usa["release"] != "kiel-ust-28" {
		t.Errorf("USA provenance: %v", usa)
	}

	// Denmark: 9,949.754 / (336.763 x 1000) x 100 = 2.954527 % of GDP;
	// 9,949.754 / 166,463.893 x 100 = 5.977124 %.
	dnk := find(t, d, "DNK")
	num(t, dnk, "pct_gdp", 2.954527, 1e-6)
	num(t, dnk, "share_of_total_pct", 5.977124, 1e-6)

	// Spain: 1,441.722 / 166,463.893 x 100 = 0.866087 %;
	// 1,441.722 / 1,206,842 x 100 = 0.119462 % of GDP.
	esp := find(t, d, "ESP")
	num(t, esp, "share_of_total_pct", 0.866087, 1e-6)
	num(t, esp, "pct_gdp", 0.119462, 1e-6)

	// Hungary: Kiel publishes 0.000 military aid: a known zero, not null.
	hun := find(t, d, "HUN")
	num(t, hun, "military_meur", 0, 0)
	num(t, hun, "share_of_total_pct", 0, 0)
	num(t, hun, "humanitarian_meur", 54.09, 0)

	// Albania is not in the tracker: unknown, never zero.
	alb := find(t, d, "ALB")
	isNull(t, alb, "military_meur", "financial_meur", "humanitarian_meur", "total_meur", "share_of_total_pct", "pct_gdp")
	if alb["gdp_basis"] != "" || alb["release"] != "kiel-ust-28" {
		t.Errorf("ALB: %v", alb)
	}

	// Totals: the 29 listed allies' military aid is 165,226.573 (the sum
	// of their rows, checked here too), 165,226.573 / 166,463.893 x 100 =
	// 99.256704 % of all donors'; their 2021 GDP adds up to 38,815.541 bn,
	// so 165,226.573 / 38,815,541 x 100 = 0.425671 % of it.
	sum := 0.0
	for _, r := range d.Rows {
		if v, ok := r["military_meur"].(float64); ok {
			sum += v
		}
	}
	if math.Abs(sum-165226.573) > 1e-6 {
		t.Errorf("the allies' rows add up to %.3f, want 165,226.573", sum)
	}
	tot := d.Totals[0]
	if tot["kind"] != "military" || tot["donors"] != 32.0 || tot["donors_with_data"] != 29.0 || tot["gdp_donors"] != 29.0 {
		t.Errorf("totals: %v", tot)
	}
	num(t, tot, "military_meur", 165226.573, 1e-6)
	num(t, tot, "all_donors_meur", allMilitary, 1e-6)
	num(t, tot, "share_of_total_pct", 99.256704, 1e-6)
	num(t, tot, "gdp_beur", 38815.541, 1e-6)
	num(t, tot, "pct_gdp", 0.425671, 1e-6)
	// The other kinds are summed too: 67,014.586 financial, 17,849.218
	// humanitarian, 250,090.380 in total.
	num(t, tot, "financial_meur", 67014.586, 1e-6)
	num(t, tot, "humanitarian_meur", 17849.218, 1e-6)
	num(t, tot, "total_meur", 250090.38, 1e-6)

	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{"Not in kiel-ust-28: Albania, Montenegro, North Macedonia (unknown, not zero)", "never adds aid to defence", "Kiel Institute"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// kielPct is Kiel's pct_donor_gdp column as the shared table gives it
// (total / 2021 GDP, rounded to 4 decimals in the copy read). natospend
// does not store it but recomputes it; rounded, it must match every row.
var kielPct = map[string]float64{
	"AUS": 0.0817, "AUT": 0.2169, "BEL": 0.6334, "BGR": 0.3353, "CAN": 0.8312, "HRV": 0.6084, "CYP": 0.0167, "CZE": 0.2653,
	"DNK": 3.2723, "EST": 3.0450, "XEU": 0.5813, "FIN": 1.4342, "FRA": 0.3162, "DEU": 0.7023, "GRC": 0.0928, "HUN": 0.0352,
	"ISL": 0.4521, "IRL": 0.1113, "ITA": 0.2298, "JPN": 0.2642, "LVA": 1.9422, "LTU": 2.5232, "LUX": 0.4734, "MLT": 0.0148,
	"NLD": 1.2193, "NZL": 0.0378, "NOR": 2.4542, "POL": 1.0208, "PRT": 0.1793, "KOR": 0.0417, "ROU": 0.2237, "SVK": 0.7316,
	"SVN": 0.2586, "ESP": 0.1846, "SWE": 1.9202, "CHE": 0.1717, "TUR": 0.0102, "GBR": 0.7558, "USA": 0.5853, "CHN": 0.0000,
	"TWN": 0.0080, "IND": 0.0001,
}

func TestAllDonorsTotal(t *testing.T) {
	d := runJSON(t, "aid")
	// Every donor by default, the EU's institutions included: 42 rows.
	if len(d.Rows) != 42 || d.Kind != "total" {
		t.Fatalf("%d rows, kind %s; want 42, total", len(d.Rows), d.Kind)
	}
	shares := 0.0
	for _, r := range d.Rows {
		code := r["code"].(string)
		want, ok := kielPct[code]
		if !ok {
			t.Errorf("%s is not a donor of the table", code)
			continue
		}
		v := r["pct_gdp"].(float64)
		if got := math.Round(v*1e4) / 1e4; math.Abs(got-want) > 1e-9 {
			t.Errorf("%s pct_gdp %.6f rounds to %.4f, Kiel's table says %.4f", code, v, got, want)
		}
		shares += r["share_of_total_pct"].(float64)
	}
	if math.Abs(shares-100) > 1e-4 {
		t.Errorf("shares add up to %.6f, want 100", shares)
	}
	// Spain: 2,227.735 / 349,926.373 x 100 = 0.636630 % of all donors'
	// total (349,926.373: the sum of the total_meur column);
	// 2,227.735 / 1,206,842 x 100 = 0.184592 % of GDP (Kiel: 0.1846).
	esp := find(t, d, "ESP")
	num(t, esp, "share_of_total_pct", 0.636630, 1e-6)
	num(t, esp, "pct_gdp", 0.184592, 1e-6)
	// The EU's institutions: 84,425.291 / 349,926.373 x 100 = 24.126587 %.
	xeu := find(t, d, "XEU")
	if xeu["name"] != "EU (Commission and Council)" {
		t.Errorf("XEU name %v", xeu["name"])
	}
	num(t, xeu, "share_of_total_pct", 24.126587, 1e-6)
	tot := d.Totals[0]
	num(t, tot, "total_meur", 349926.373, 1e-6)
	num(t, tot, "all_donors_meur", 349926.373, 1e-6)
	num(t, tot, "share_of_total_pct", 100, 1e-9)
	// The totals' % of GDP leaves the EU's institutions out (their GDP is
	// their members'): 41 countries.
	if tot["gdp_donors"] != 41.0 {
		t.Errorf("gdp_donors %v, want 41", tot["gdp_donors"])
	}
}

func TestShareIsOfAllDonorsWhateverTheFilter(t *testing.T) {
	// Poland's military share is the same alone and among all: 4,451.810 /
	// 166,463.893 x 100 = 2.674340 %.
	for _, args := range [][]string{{"--donor", "POL"}, {"--group", "eu"}, {}} {
		d := runJSON(t, append([]string{"aid", "--kind", "military"}, args...)...)
		num(t, find(t, d, "POL"), "share_of_total_pct", 2.674340, 1e-6)
	}
	// By name, and --group eu holds no institution.
	d := runJSON(t, "aid", "--donor", "poland,Finland")
	if len(d.Rows) != 2 {
		t.Errorf("--donor poland,Finland: %d rows", len(d.Rows))
	}
	for _, r := range runJSON(t, "aid", "--group", "eu").Rows {
		if r["code"] == "XEU" {
			t.Error("--group eu must not hold the EU's institutions: groups decide membership")
		}
	}
}

func TestSortPctGDP(t *testing.T) {
	// By total as % of GDP: Denmark 3.2723, Estonia 3.0450, Lithuania
	// 2.5232 (Kiel's column).
	d := runJSON(t, "aid", "--sort", "pct-gdp")
	for i, want := range []string{"DNK", "EST", "LTU"} {
		if d.Rows[i]["code"] != want {
			t.Errorf("row %d = %v, want %s", i, d.Rows[i]["code"], want)
		}
	}
}

func TestCSV(t *testing.T) {
	code, out, errOut := run(t, "aid", "--donor", "ESP", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Spain, total: share 0.636630 (trailing zero dropped), % GDP 0.184592.
	want := "code,name,military_meur,financial_meur,humanitarian_meur,total_meur,share_of_total_pct,pct_gdp,gdp_basis,cutoff,release\n" +
		"ESP,Spain,1441.722,470.7,315.312,2227.735,0.63663,0.184592,\"kiel-ust-28: 2021 GDP, EUR\",2026-02-28,kiel-ust-28\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestEveryFormat(t *testing.T) {
	for _, args := range [][]string{{"aid", "--group", "nato", "--kind", "military"}, {"aid", "packages", "--donor", "ESP"}} {
		for _, f := range []string{"table", "csv", "tsv", "json", "markdown"} {
			code, out, errOut := run(t, append(args, "--format", f)...)
			if code != 0 || out == "" || errOut != "" {
				t.Errorf("%v --format %s: exit %d, stderr %q", args, f, code, errOut)
			}
			if strings.Contains(args[1], "packages") && !strings.Contains(out, "Spain") {
				t.Errorf("%v --format %s: no Spain in %q", args, f, out)
			}
		}
	}
	code, out, _ := run(t, "aid", "--group", "nato", "--kind", "military", "--format", "markdown")
	if code != 0 || !strings.Contains(out, "| USA  | United States    |    64,616.9 |") {
		t.Errorf("markdown: %s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"aid", "--kind", "weapons"}, `--kind "weapons" is not a kind of aid (expected one of: military, financial, humanitarian, total)`},
		{[]string{"aid", "--sort", "gap"}, `--sort "gap" is not a sort order`},
		{[]string{"aid", "--donor", "Atlantis"}, `--donor: unknown country "Atlantis"`},
		{[]string{"aid", "--group", "g7"}, `--group: unknown group "g7"`},
		{[]string{"aid", "--aid-release", "kiel-ust-27"}, `--aid-release: unknown aid release "kiel-ust-27": did you mean kiel-ust-28?`},
		{[]string{"aid", "--aid-release", "ust-27"}, `--aid-release: unknown aid release "ust-27" (expected one of: kiel-ust-28)`},
		// Names people use, and the nearest names for a typo (issue 11).
		{[]string{"aid", "--donor", "Swizerland"}, `--donor: unknown country "Swizerland": did you mean Switzerland (CHE)?`},
		{[]string{"aid", "--donor", "Corea"}, `--donor: unknown country "Corea": did you mean Korea (KOR)?`},
		{[]string{"aid", "--group", "eruope"}, `--group: unknown group "eruope": did you mean europe?`},
		{[]string{"aid", "--group", "g7"}, `--group: unknown group "g7" (expected one of: eu, europe, europe-canada, nato)`},
		// NATO's and the IMF's GDP is in USD, Kiel's amounts in EUR, and the
		// data carries no cited exchange rate: natospend says so.
		{[]string{"aid", "--gdp-year", "2027"}, "--gdp-year 2027: the GDP of 2027 (imf-weo-2025-10) is in US dollars and kiel-ust-28's amounts are in euros; no release in the data publishes GDP for 2027 and implies an EUR/USD rate for it"},
		{[]string{"aid", "--gdp-year", "1990"}, "--gdp-year 1990: no NATO or IMF release in the data has GDP for 1990"},
		{[]string{"aid", "packages", "--from", "2025-13"}, `--from "2025-13" is not a date`},
		{[]string{"aid", "packages", "--from", "2025-03", "--to", "2025-02"}, "--from 2025-03 is after --to 2025-02"},
		{[]string{"aid", "weapons"}, `unknown command "weapons" for "natospend aid"`},
	} {
		code, out, errOut := run(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

// TestDonorNamesPeopleUse: --donor takes the names people use (issue 11),
// as --country does: "Republic of Korea" and "Korea" are KOR, "Turkey" is
// TUR, "UK" is GBR.
func TestDonorNamesPeopleUse(t *testing.T) {
	d := runJSON(t, "aid", "--donor", "Republic of Korea,Korea,Turkey,UK")
	var codes []string
	for _, r := range d.Rows {
		codes = append(codes, r["code"].(string))
	}
	slices.Sort(codes)
	if strings.Join(codes, ",") != "GBR,KOR,TUR" {
		t.Errorf("aid --donor Republic of Korea,Korea,Turkey,UK: %v, want GBR,KOR,TUR", codes)
	}
	// aid packages: the same names.
	d = runJSON(t, "aid", "packages", "--donor", "japan,JPN, Japan ")
	if len(d.Rows) != 1 || d.Rows[0]["code"] != "JPN" {
		t.Errorf("aid packages --donor japan,JPN, Japan: %v, want Japan's one package", d.Rows)
	}
}

func TestPackagesSpain(t *testing.T) {
	d := runJSON(t, "aid", "packages", "--donor", "ESP")
	if len(d.Rows) != 1 {
		t.Fatalf("%d rows, want 1", len(d.Rows))
	}
	r := d.Rows[0]
	// Spain, 24 Feb 2025: EUR 1,000 million; the USD 1.05 billion a source
	// (Reuters, via rubryka.com) printed is 1,050 USD million.
	if r["code"] != "ESP" || r["name"] != "Spain" || r["date"] != "2025-02-24" || r["currency"] != "EUR" ||
		!strings.HasPrefix(r["source"].(string), "https://pledgetimes.com/") || r["purpose"] == "" {
		t.Errorf("row: %v", r)
	}
	num(t, r, "amount", 1000, 0)
	num(t, r, "amount_usd_m", 1050, 0)
	if tot := d.Totals[0]; tot["currency"] != "EUR" || tot["packages"] != 1.0 || tot["packages_with_usd"] != 1.0 {
		t.Errorf("totals: %v", d.Totals)
	}
}

func TestPackagesUSDOnlyWherePrinted(t *testing.T) {
	// Finland's and Poland's USD figures were printed by no source: null.
	d := runJSON(t, "aid", "packages", "--donor", "FIN,POL")
	if len(d.Rows) != 3 {
		t.Fatalf("%d rows, want 3", len(d.Rows))
	}
	for _, r := range d.Rows {
		isNull(t, r, "amount_usd_m")
	}
	// Japan: JPY 8,800 million (8.8 billion), USD 58 million as printed.
	d = runJSON(t, "aid", "packages", "--donor", "Japan")
	num(t, d.Rows[0], "amount", 8800, 0)
	num(t, d.Rows[0], "amount_usd_m", 58, 0)
	if d.Rows[0]["currency"] != "JPY" {
		t.Errorf("currency %v", d.Rows[0]["currency"])
	}
}

func TestPackagesDates(t *testing.T) {
	// All five, by date: JPN 02-11, ESP 02-24, POL 02-25, FIN 02-26,
	// FIN 03-13. Totals count per currency; nothing is added up.
	d := runJSON(t, "aid", "packages")
	var got []string
	for _, r := range d.Rows {
		got = append(got, r["code"].(string)+" "+r["date"].(string))
	}
	if strings.Join(got, ",") != "JPN 2025-02-11,ESP 2025-02-24,POL 2025-02-25,FIN 2025-02-26,FIN 2025-03-13" {
		t.Errorf("packages: %v", got)
	}
	if len(d.Totals) != 2 || d.Totals[0]["currency"] != "EUR" || d.Totals[0]["packages"] != 4.0 || d.Totals[0]["donors"] != 3.0 ||
		d.Totals[1]["currency"] != "JPY" || d.Totals[1]["packages"] != 1.0 {
		t.Errorf("totals: %v", d.Totals)
	}
	if _, ok := d.Totals[0]["amount"]; ok {
		t.Error("amounts must not be added up (packages can overlap)")
	}
	// --from 2025-03 is 1 March on: Finland's 28th package only.
	d = runJSON(t, "aid", "packages", "--from", "2025-03")
	if len(d.Rows) != 1 || d.Rows[0]["date"] != "2025-03-13" {
		t.Errorf("--from 2025-03: %v", d.Rows)
	}
	// --to 2025-02-24 is inclusive: Japan and Spain.
	d = runJSON(t, "aid", "packages", "--to", "2025-02-24")
	if len(d.Rows) != 2 {
		t.Errorf("--to 2025-02-24: %v", d.Rows)
	}
	// Nothing matches: rows is [], and a named donor without packages is
	// said to have none.
	d = runJSON(t, "aid", "packages", "--donor", "DEU")
	if d.Rows == nil || len(d.Rows) != 0 || !strings.Contains(strings.Join(d.Notes, " "), "No package in the data for Germany") {
		t.Errorf("DEU: rows %v, notes %v", d.Rows, d.Notes)
	}
}

func TestGapShowAid(t *testing.T) {
	// Poland, 2026 (nato-2026-07): 4.68% of 1,134,841 = 53,110.5588 USD m
	// with or without --show-aid; the column adds Kiel's 4,451.810 EUR m of
	// military aid, never added to defence. Albania: not in Kiel's table.
	plain := runJSON(t, "gap", "--target", "3.5", "--country", "POL,ALB")
	with := runJSON(t, "gap", "--target", "3.5", "--country", "POL,ALB", "--show-aid")
	if _, ok := plain.Rows[0]["aid_military_meur"]; ok {
		t.Error("without --show-aid, gap rows have no aid field")
	}
	for i, r := range with.Rows {
		for _, k := range []string{"defence_musd", "gap_musd", "share_pct", "required_musd"} {
			if r[k] != plain.Rows[i][k] {
				t.Errorf("%v %s = %v with --show-aid, %v without: aid must never change defence", r["code"], k, r[k], plain.Rows[i][k])
			}
		}
		if r["aid_cutoff"] != "2026-02-28" {
			t.Errorf("%v aid_cutoff %v", r["code"], r["aid_cutoff"])
		}
	}
	pol := find(t, with, "POL")
	num(t, pol, "defence_musd", 53080, 0) // NATO's Table 2, nato-2026-07: Poland 2026e
	num(t, pol, "aid_military_meur", 4451.81, 0)
	isNull(t, find(t, with, "ALB"), "aid_military_meur")
	if !strings.Contains(strings.Join(with.Notes, " "), "never added to defence") {
		t.Errorf("notes: %v", with.Notes)
	}
	code, out, _ := run(t, "gap", "--target", "3.5", "--country", "POL", "--show-aid")
	if code != 0 || !strings.Contains(out, "Mil. aid €m to 2026-02-28") || !strings.Contains(out, "4,451.8") {
		t.Errorf("table: %s", out)
	}
}

// TestGDPYearOneRelease: --gdp-year takes GDP and the EUR/USD rate from
// one named release, the newest with both for the year: for 2024, NATO's
// 2026 release (data/nato-2026-07.yaml: Germany 2024 GDP 4,686,831 million
// USD; its Table 1 and 2 give the euro-area rate, 0.924175 EUR per USD:
// 260,220 million EUR / 281,570 million USD over its 18 euro allies, as
// cmd/natospend/testdata/script/aid.txtar works out). GDP 4,686,831 x
// 0.924175 = 4,331,452 million EUR = EUR 4,331.45 bn; total aid 25,294.509
// (Kiel) / 4,331,452 = 0.583973 %. Before that release had its currency
// tables, natospend divided by its GDP at the June 2024 release's rate.
func TestGDPYearOneRelease(t *testing.T) {
	code, out, errOut := run(t, "aid", "--gdp-year", "2024", "--donor", "DEU,JPN", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d struct {
		GDPBasis   string  `json:"gdp_basis"`
		GDPRelease *string `json:"gdp_release"`
		Rows       []row   `json:"rows"`
		Totals     []row   `json:"totals"`
		Notes      []string
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.GDPRelease == nil || *d.GDPRelease != "nato-2026-07" || !strings.HasPrefix(d.GDPBasis, "nato-2026-07: 2024 GDP, USD at 0.924175 EUR per USD") {
		t.Errorf("gdp_release %v, gdp_basis %q", d.GDPRelease, d.GDPBasis)
	}
	var deu, jpn row
	for _, r := range d.Rows {
		switch r["code"] {
		case "DEU":
			deu = r
		case "JPN":
			jpn = r
		}
	}
	if p, ok := deu["pct_gdp"].(float64); !ok || math.Abs(p-0.583973) > 1e-5 {
		t.Errorf("Germany pct_gdp %v, want 0.583973", deu["pct_gdp"])
	}
	if jpn["pct_gdp"] != nil {
		t.Errorf("Japan (no GDP in nato-2026-07) pct_gdp %v, want null", jpn["pct_gdp"])
	}
	if g, ok := d.Totals[0]["gdp_beur"].(float64); !ok || math.Abs(g-4331.45) > 0.01 {
		t.Errorf("gdp_beur %v, want 4331.45 (Germany's only)", d.Totals[0]["gdp_beur"])
	}
	want := "% GDP (--gdp-year 2024): total aid / the donor's 2024 GDP in US dollars from release nato-2026-07, converted to euros at 0.924175 EUR per USD, the rate the same release's figures imply for 2024"
	found := false
	for _, n := range d.Notes {
		found = found || strings.HasPrefix(n, want)
	}
	if !found {
		t.Errorf("notes %q lack %q", d.Notes, want)
	}
	// Without --gdp-year: null.
	_, out, _ = run(t, "aid", "--donor", "DEU", "--format", "json")
	if !strings.Contains(out, `"gdp_release": null`) {
		t.Errorf("no null gdp_release:\n%s", out)
	}
	// The help says what it does: one release, no IMF, no guess.
	_, out, _ = run(t, "aid", "--help")
	for _, want := range []string{"from one\nnamed NATO release", "GDP and\nrate come from that one release"} {
		if !strings.Contains(out, want) {
			t.Errorf("aid --help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "IMF") || strings.Contains(out, "the data holds none") {
		t.Errorf("aid --help still speaks of the IMF's GDP or of no rate:\n%s", out)
	}
}
