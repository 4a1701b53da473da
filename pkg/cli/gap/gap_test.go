package gap_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// Every expected number below is worked out by hand from the published
// figures named beside it; none is copied from natospend's output.

type row map[string]any
type doc struct {
	Year    int    `json:"year"`
	Release string `json:"release"`
	Method  string `json:"method"`
	Rows    []row  `json:"rows"`
	Totals  []row  `json:"totals"`
}

func runJSON(t *testing.T, args ...string) doc {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := cli.Main(append(args, "--format", "json"), ios)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var d doc
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return d
}

// codesOf is the code column of d's rows, in order: "USA,DEU,GBR".
func codesOf(d doc) string {
	var codes []string
	for _, r := range d.Rows {
		codes = append(codes, r["code"].(string))
	}
	return strings.Join(codes, ",")
}

func find(t *testing.T, d doc, code string, target float64) row {
	t.Helper()
	for _, r := range d.Rows {
		if r["code"] == code && r["target_pct"] == target {
			return r
		}
	}
	t.Fatalf("no row for %s at %v%%", code, target)
	return nil
}

func num(t *testing.T, r row, key string, want, tol float64) {
	t.Helper()
	v, ok := r[key].(float64)
	if !ok {
		t.Fatalf("%s %s = %v, want %v", r["code"], key, r[key], want)
	}
	if math.Abs(v-want) > tol {
		t.Fatalf("%s %s = %.6f, want %.6f", r["code"], key, v, want)
	}
}

func isNull(t *testing.T, r row, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if v, ok := r[k]; !ok || v != nil {
			t.Fatalf("%s %s = %v, want null", r["code"], k, v)
		}
	}
}

func str(t *testing.T, r row, key, want string) {
	t.Helper()
	if r[key] != want {
		t.Fatalf("%s %s = %v, want %q", r["code"], key, r[key], want)
	}
}

func TestDefaultsLatestYearNewestRelease(t *testing.T) {
	d := runJSON(t, "gap")
	if d.Year != 2026 || d.Release != "nato-2026-07" || d.Method != "share" {
		t.Fatalf("year %d release %s method %s", d.Year, d.Release, d.Method)
	}
	if len(d.Rows) != 32 {
		t.Fatalf("%d rows, want the 32 allies", len(d.Rows))
	}
	// Default target 2%. Slovenia, 2026 (nato-2026-07): GDP 86,525, share 1.61%:
	// (2 - 1.61) / 100 x 86,525 = 0.0039 x 86,525 = 337.4475; sorted first, the only shortfall.
	if d.Rows[0]["code"] != "SVN" {
		t.Fatalf("first row %v, want SVN (largest shortfall)", d.Rows[0]["code"])
	}
	num(t, d.Rows[0], "gap_musd", 337.4475, 1e-6)
	str(t, d.Rows[0], "status", "short")
	isl := find(t, d, "ISL", 2)
	str(t, isl, "status", "not-reported")
	isNull(t, isl, "gap_musd", "defence_musd", "share_pct")
}

func TestMethods(t *testing.T) {
	// Netherlands 2026 (nato-2026-07): GDP 1,436,621, defence 32,900, share 2.58%.
	d := runJSON(t, "gap", "--target", "2.5", "--country", "Netherlands")
	r := find(t, d, "NLD", 2.5)
	// (2.5 - 2.58) / 100 x 1,436,621 = -1,149.2968: meets on the published share
	num(t, r, "gap_musd", -1149.2968, 1e-6)
	str(t, r, "status", "meets")
	d = runJSON(t, "gap", "--target", "2.5", "--country", "NLD", "--method", "usd")
	r = find(t, d, "NLD", 2.5)
	// 0.025 x 1,436,621 - 32,900 = 35,915.525 - 32,900 = 3,015.525: short in current USD
	num(t, r, "gap_musd", 3015.525, 1e-6)
	num(t, r, "defence_musd", 32900, 0)
	str(t, r, "status", "short")
}

func TestSharesOnlyReleaseTakesIMFGDP(t *testing.T) {
	// August 2025 release: shares only. Poland 2025: 4.4805%; GDP from the
	// IMF WEO October 2025: 1,039,619. (3.5 - 4.4805) / 100 x 1,039,619 = -10,193.464295
	d := runJSON(t, "gap", "--release", "nato-2025-08", "--target", "3.5", "--country", "POL,DEU")
	if d.Year != 2025 {
		t.Fatalf("year %d, want the release's latest, 2025", d.Year)
	}
	r := find(t, d, "POL", 3.5)
	num(t, r, "gap_musd", -10193.464295, 1e-6)
	str(t, r, "gdp_source", "imf-weo-2025-10")
	// Germany 2025 is blank in that release: no data, never a zero.
	r = find(t, d, "DEU", 3.5)
	str(t, r, "status", "no-data")
	isNull(t, r, "gap_musd", "share_pct")
	if d.Totals[0]["countries"] != 2.0 || d.Totals[0]["countries_with_data"] != 1.0 {
		t.Fatalf("totals %v", d.Totals[0])
	}

	// --latest: Germany's 2024 share 2.0037% with the IMF's 2024 GDP 4,684,182:
	// (2 - 2.0037) / 100 x 4,684,182 = -173.314734
	d = runJSON(t, "gap", "--release", "nato-2025-08", "--target", "2", "--country", "DEU", "--latest")
	r = find(t, d, "DEU", 2)
	num(t, r, "year", 2024, 0)
	num(t, r, "gap_musd", -173.314734, 1e-6)
	if r["year_is_earlier"] != true {
		t.Fatalf("year_is_earlier %v", r["year_is_earlier"])
	}
}

func TestEuropeanAggregateMatchesSharedCheckValues(t *testing.T) {
	// ../shared/data/README.md, "Check values": June 2024 release, 2024e,
	// current USD. The sum of the countries' gaps over the 29 European
	// allies that report (Iceland has no gap): 2%: -16.4bn, 2.5%: 98.5bn,
	// 3.5%: 328.4bn, 3.7%: 374.4bn, 5%: 673.3bn: that is gap_musd, the
	// total of the rows. NATO's convention, target x total GDP (Iceland's
	// included) - total defence: -15.7, 99.4, 329.6, 375.6, 674.9: that is
	// aggregate_gap_musd, under its own name.
	d := runJSON(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--group", "europe",
		"--method", "usd", "--target", "2,2.5,3.5,3.7,5")
	sumOfRows := []float64{-16.4, 98.5, 328.4, 374.4, 673.3}
	nato := []float64{-15.7, 99.4, 329.6, 375.6, 674.9}
	for i := range sumOfRows {
		if got := d.Totals[i]["gap_musd"].(float64) / 1000; math.Abs(got-sumOfRows[i]) > 0.05 {
			t.Errorf("target %v: gap %.2f bn, want %.1f bn", d.Totals[i]["target_pct"], got, sumOfRows[i])
		}
		if got := d.Totals[i]["aggregate_gap_musd"].(float64) / 1000; math.Abs(got-nato[i]) > 0.05 {
			t.Errorf("target %v: aggregate gap %.2f bn, want %.1f bn", d.Totals[i]["target_pct"], got, nato[i])
		}
		if d.Totals[i]["countries"] != 30.0 || d.Totals[i]["countries_with_data"] != 29.0 || d.Totals[i]["not_reported"] != 1.0 {
			t.Errorf("counts %v", d.Totals[i])
		}
	}
	// With Canada at 5%, NATO's convention: 756.1bn
	d = runJSON(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--group", "europe-canada", "--method", "usd", "--target", "5")
	if got := d.Totals[0]["aggregate_gap_musd"].(float64) / 1000; math.Abs(got-756.1) > 0.05 {
		t.Errorf("Europe and Canada at 5%%: %.2f bn, want 756.1", got)
	}
}

func TestDeadline(t *testing.T) {
	// Germany, hague-core by 2035, from 2026 (nato-2026-07: GDP 5,455,980, share 2.69%).
	// GDP 2035 = 5,455,980 x WEO2030 / WEO2026 x (1 + trend)^5
	//   = 5,455,980 x 6,013,749 / 5,328,184 x 1.0303005^5 = 7,149,216.25,
	//   trend = (6,013,749 / 5,498,618)^(1/3) - 1 (the WEO's last three years).
	// required = 0.035 x 7,149,216.25 = 250,222.57; base spending 0.0269 x 5,455,980
	// = 146,765.862; increase 103,456.71; growth (250,222.57/146,765.862)^(1/9) - 1 = 6.1071%.
	d := runJSON(t, "gap", "--target", "hague-core", "--by", "2035", "--country", "DEU")
	r := find(t, d, "DEU", 3.5)
	num(t, r, "base_year", 2026, 0)
	num(t, r, "deadline", 2035, 0)
	num(t, r, "years_left", 9, 0)
	num(t, r, "gdp_deadline_musd", 7149216.25, 0.01)
	num(t, r, "required_deadline_musd", 250222.57, 0.01)
	num(t, r, "increase_musd", 103456.71, 0.01)
	num(t, r, "annual_growth_pct", 6.1071, 1e-4)
	if !strings.Contains(r["gdp_source"].(string), "extrapolated") {
		t.Fatalf("gdp_source %q, want it marked extrapolated", r["gdp_source"])
	}

	// --gdp-growth 3: 5,455,980 x 1.03^9 = 7,118,816.3955; x 0.035 = 249,158.5738;
	// minus 146,765.862 = 102,392.7118
	d = runJSON(t, "gap", "--target", "hague-core", "--by", "2035", "--country", "DEU", "--gdp-growth", "3")
	r = find(t, d, "DEU", 3.5)
	num(t, r, "gdp_deadline_musd", 7118816.3955, 1e-3)
	num(t, r, "increase_musd", 102392.7118, 1e-3)

	// A named target's own deadline: uk-2027 from 2026, within the WEO:
	// GBR GDP 2027 = 4,300,972 x WEO2027 / WEO2026; not extrapolated.
	d = runJSON(t, "gap", "--target", "uk-2027", "--country", "GBR")
	r = find(t, d, "GBR", 2.5)
	num(t, r, "deadline", 2027, 0)
	if strings.Contains(r["gdp_source"].(string), "extrapolated") {
		t.Fatalf("gdp_source %q: 2027 is inside the WEO", r["gdp_source"])
	}
}

func TestHagueParts(t *testing.T) {
	// hague = 3.5% core + up to 1.5% resilience; resilience spending unknown.
	d := runJSON(t, "gap", "--target", "hague", "--country", "DEU,POL")
	// Germany: core gap (3.5 - 2.69) / 100 x 5,455,980 = 44,193.438;
	// whole 5%: between 44,193.438 (resilience fully met) and
	// (5 - 2.69) / 100 x 5,455,980 = 126,033.138 (none): short either way.
	whole := find(t, d, "DEU", 5)
	isNull(t, whole, "gap_musd")
	num(t, whole, "gap_min_musd", 44193.438, 1e-6)
	num(t, whole, "gap_max_musd", 126033.138, 1e-6)
	str(t, whole, "status", "short")
	core := find(t, d, "DEU", 3.5)
	str(t, core, "part", "core")
	num(t, core, "gap_musd", 44193.438, 1e-6)
	resil := find(t, d, "DEU", 1.5)
	str(t, resil, "part", "resilience")
	isNull(t, resil, "gap_musd")
	// defence_musd is the country's published defence on every row, the
	// resilience part's too (NATO's Table 2, nato-2026-07: Germany 2026e
	// 147,002 million USD); the resilience spending itself is unknown.
	num(t, resil, "defence_musd", 147002, 0)
	num(t, resil, "required_musd", 0.015*5455980, 1e-6)
	// Poland (4.68% of 1,134,841): core surplus -13,391.1238, whole gap up to
	// 3,631.4912: cannot tell, so undetermined rather than a guess.
	pol := find(t, d, "POL", 5)
	num(t, pol, "gap_min_musd", -13391.1238, 1e-6)
	num(t, pol, "gap_max_musd", 3631.4912, 1e-6)
	str(t, pol, "status", "undetermined")
	// The totals of the whole target: no exact gap, only its bounds, each
	// the sum of the rows': 44,193.438 - 13,391.1238 = 30,802.3142 and
	// 126,033.138 + 3,631.4912 = 129,664.6292.
	tot := d.Totals[0]
	isNull(t, tot, "gap_musd", "shortfall_musd", "aggregate_gap_musd")
	// Defence adds the published figures (Table 2: 147,002 + 53,080), the
	// share is their total over GDP's (5,455,980 + 1,134,841).
	num(t, tot, "defence_musd", 200082, 0)
	num(t, tot, "share_pct", 200082.0/6590821*100, 1e-6)
	num(t, tot, "gap_min_musd", 30802.3142, 1e-6)
	num(t, tot, "gap_max_musd", 129664.6292, 1e-6)
	num(t, tot, "short", 1, 0)
	num(t, tot, "undetermined", 1, 0)
	// On the classic-definition release the core part is approximate.
	d = runJSON(t, "gap", "--target", "hague", "--release", "nato-2024-06", "--country", "DEU")
	if find(t, d, "DEU", 3.5)["approximate"] != true {
		t.Fatal("core part on nato-2024-06 not marked approximate")
	}
}

func TestFiltersAndSort(t *testing.T) {
	d := runJSON(t, "gap", "--group", "europe", "--exclude", "DEU,Poland", "--sort", "name")
	if len(d.Rows) != 28 {
		t.Fatalf("%d rows, want 30 European allies less 2", len(d.Rows))
	}
	if d.Rows[0]["code"] != "ALB" || d.Rows[len(d.Rows)-1]["name"] != "United Kingdom" {
		t.Fatalf("name order: first %v last %v", d.Rows[0]["code"], d.Rows[len(d.Rows)-1]["name"])
	}
	d = runJSON(t, "gap", "--country", "USA,DEU,ISL", "--sort", "gdp")
	if d.Rows[0]["code"] != "USA" || d.Rows[1]["code"] != "DEU" || d.Rows[2]["code"] != "ISL" {
		t.Fatalf("gdp order %v %v %v (no-data and not-reported last)", d.Rows[0]["code"], d.Rows[1]["code"], d.Rows[2]["code"])
	}
	// --sort share ranks as every figure does, in every command: largest
	// first (NATO's 2026 Table 3, nato_defence_expenditure.csv vintage
	// NATO-2026-07-core: Poland 4.68, Germany 2.69, Slovenia 1.61);
	// --reverse turns it round.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--sort", "share"}, "POL,DEU,SVN"},
		{[]string{"--sort", "share", "--reverse"}, "SVN,DEU,POL"},
		{[]string{"--sort", "name", "--reverse"}, "SVN,POL,DEU"},
		// the largest surplus first: Germany (2 - 2.69) x 5,455,980 / 100 =
		// -37,646 m, Poland (2 - 4.68) x 1,134,841 / 100 = -30,414 m (GDP,
		// data/nato-2026-07.yaml), Slovenia short
		{[]string{"--sort", "gap", "--reverse"}, "DEU,POL,SVN"},
		{[]string{"--sort", "gap"}, "SVN,POL,DEU"},
	} {
		d = runJSON(t, append([]string{"gap", "--country", "DEU,POL,SVN"}, c.args...)...)
		if codes := codesOf(d); codes != c.want {
			t.Errorf("%v: order %v, want %s", c.args, codes, c.want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"gap", "--by", "2020"},         // before the base year 2026
		{"gap", "--by", "2077"},         // more than 50 years ahead
		{"gap", "--gdp-growth", "-100"}, // not above -100
		{"gap", "--target", "0"},
		{"gap", "--method", "ppp"},
		{"gap", "--sort", "size"},
		{"gap", "--release", "imf-weo-2025-10"},
		{"path", "--target", "3.5"}, // no deadline
	} {
		ios, _, out, errOut := iostreams.Test()
		if code := cli.Main(args, ios); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
		if out.Len() != 0 {
			t.Errorf("%v: wrote %q to stdout", args, out)
		}
	}
}

func TestVerdictsWithoutMoney(t *testing.T) {
	// NATO's August 2025 release publishes shares only; the IMF GDP starts
	// in 2021. In 2016 the allies were 28 (Montenegro joined in 2017, North
	// Macedonia 2020, Finland 2023, Sweden 2024). Shares at or above 2% in
	// 2016 in that release: Estonia 2.0265, United Kingdom 2.0882, Greece
	// 2.4019, United States 3.4888: 4 meet; Poland's 1.9867 does not.
	// Iceland publishes nothing: 27 with a verdict, 23 short.
	d := runJSON(t, "gap", "--release", "nato-2025-08", "--year", "2016", "--target", "2")
	if len(d.Rows) != 28 {
		t.Fatalf("%d rows, want the 28 allies of 2016", len(d.Rows))
	}
	tot := d.Totals[0]
	for k, want := range map[string]float64{"countries": 28, "countries_with_data": 27, "meeting": 4, "short": 23, "not_reported": 1} {
		if tot[k] != want {
			t.Errorf("totals %s = %v, want %v", k, tot[k], want)
		}
	}
	// No GDP anywhere: every money total is unknown, never 0.
	isNull(t, tot, "gdp_musd", "defence_musd", "share_pct", "required_musd", "gap_musd", "shortfall_musd", "aggregate_gap_musd")
	est := find(t, d, "EST", 2)
	str(t, est, "status", "meets")
	num(t, est, "share_pct", 2.0265, 0)
	isNull(t, est, "gdp_musd", "gap_musd", "required_musd", "defence_musd")
	str(t, find(t, d, "POL", 2), "status", "short")

	// --method usd on a release without USD figures: one clear usage error.
	ios, _, out, errOut := iostreams.Test()
	if code := cli.Main([]string{"gap", "--release", "nato-2025-08", "--method", "usd"}, ios); code != 2 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut.String(), "release nato-2025-08 publishes no defence figures in US dollars") {
		t.Fatalf("stderr %q", errOut)
	}
}

func TestYearSeries(t *testing.T) {
	// natospend gap --year 2014-2024 --country DEU --release nato-2024-06:
	// 11 rows whose shares are NATO's June 2024 table (Table 3), cell by
	// cell as data/nato-2024-06.yaml holds them.
	want := []float64{1.1851, 1.1873, 1.2015, 1.2309, 1.2499, 1.3486, 1.5130, 1.4531, 1.5055, 1.6404, 2.1190}
	d := runJSON(t, "gap", "--year", "2014-2024", "--country", "DEU", "--release", "nato-2024-06", "--quiet")
	if len(d.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(d.Rows), len(want))
	}
	for i, w := range want {
		num(t, d.Rows[i], "year", float64(2014+i), 0)
		num(t, d.Rows[i], "share_pct", w, 0)
	}
	// Totals per year, each saying its year: 2014's is Germany's own gap,
	// (2 - 1.1851) / 100 x 3,896,203.38 = 31,750.161344.
	if len(d.Totals) != 11 {
		t.Fatalf("%d totals, want one per year", len(d.Totals))
	}
	num(t, d.Totals[0], "year", 2014, 0)
	num(t, d.Totals[0], "gap_musd", 31750.161344, 1e-6)
	num(t, d.Totals[10], "year", 2024, 0)

	// Groups count the members of each year: the allies of 2016 (28) and 2024 (32).
	d = runJSON(t, "gap", "--year", "2016,2024", "--release", "nato-2024-06", "--quiet")
	if len(d.Rows) != 28+32 {
		t.Fatalf("%d rows, want 28 + 32", len(d.Rows))
	}
	// Rows by country, then year: Albania 2016, Albania 2024, Belgium...
	if d.Rows[0]["code"] != "ALB" || d.Rows[1]["code"] != "ALB" || d.Rows[1]["year"] != 2024.0 {
		t.Fatalf("order: %v %v %v", d.Rows[0]["code"], d.Rows[1]["code"], d.Rows[1]["year"])
	}
}

func TestYearSeriesErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		// A series uses one release: the August 2025 release has no 2026.
		{[]string{"gap", "--year", "2024-2026", "--release", "nato-2025-08"}, "no figures for 2026"},
		{[]string{"gap", "--year", "2014-20x"}, `--year: "2014-20x" is not a year or a range of years`},
		{[]string{"check", "--year", "2016,2024"}, "this command takes one year"},
		{[]string{"gap", "--year", "2016,2024", "--burden"}, "--burden takes one year and one release"},
	} {
		ios, _, out, errOut := iostreams.Test()
		if code := cli.Main(c.args, ios); code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestReleasesSideBySide(t *testing.T) {
	// Poland's 2024 share in three releases (the example):
	// 4.1202% (June 2024), 3.7890% (August 2025), 3.75% (July 2026), the
	// latest year all three publish being 2024.
	d := runJSON(t, "gap", "--release", "nato-2024-06,nato-2025-08,nato-2026-07", "--country", "POL", "--quiet")
	if d.Year != 2024 || len(d.Rows) != 3 || len(d.Totals) != 3 {
		t.Fatalf("year %d, %d rows, %d totals; want 2024, 3, 3", d.Year, len(d.Rows), len(d.Totals))
	}
	for i, c := range []struct {
		rel   string
		share float64
	}{{"nato-2024-06", 4.1202}, {"nato-2025-08", 3.7890}, {"nato-2026-07", 3.75}} {
		str(t, d.Rows[i], "release", c.rel)
		num(t, d.Rows[i], "share_pct", c.share, 0)
		str(t, d.Totals[i], "release", c.rel)
	}
	// check and path take one release.
	ios, _, _, errOut := iostreams.Test()
	if code := cli.Main([]string{"check", "--release", "nato-2024-06,nato-2026-07"}, ios); code != 2 || !strings.Contains(errOut.String(), "this command takes one release") {
		t.Fatalf("check with two releases: exit %d, %s", code, errOut)
	}
}
