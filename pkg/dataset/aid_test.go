package dataset

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/pkg/defence"
)

// aidBase is the countries file of the aid tests: DNK, ESP, JPN and the
// EU's institutions as XEU.
func aidBase(t testing.TB) []Source {
	t.Helper()
	data, err := os.ReadFile("testdata/aid/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return []Source{{Name: "embedded:countries.yaml", Data: data}}
}

func readAid(t testing.TB, names ...string) []Source {
	t.Helper()
	var out []Source
	for _, n := range names {
		data, err := os.ReadFile("testdata/aid/" + n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Source{Name: "testdata/aid/" + n, Data: data})
	}
	return out
}

// TestAidValid reads the documented examples back exactly.
func TestAidValid(t *testing.T) {
	ds := mustLoad(t, aidBase(t), readAid(t, "aid.yaml", "packages.yaml"))
	const dir = "testdata/aid/"

	xeu := ds.Countries["XEU"]
	if !xeu.Institution || xeu.NATOSince > 0 || xeu.Name != "EU (Commission and Council)" {
		t.Errorf("XEU: %+v, want an institution that is not an ally", xeu)
	}
	if ds.Countries["ESP"].Institution {
		t.Error("Spain is a country, not an institution")
	}

	r := ds.AidReleases["tracker-extract"]
	if r == nil {
		t.Fatalf("aid release tracker-extract missing: %v", ds.AidReleases)
	}
	head := *r
	head.Donors = nil
	wantHead := defence.AidRelease{ID: "tracker-extract", Title: "Ukraine Support Tracker, release 28 (extract)",
		Publisher: "Kiel Institute for the World Economy", Published: "2026-04-22", PeriodStart: "2022-01-24",
		Cutoff: "2026-02-28", URL: "https://www.kielinstitut.de/publications/ukraine-support-tracker-data-6453/",
		Via: "optional, the copy that was actually read", Measure: "bilateral allocations, cumulative, million EUR",
		GDPYear: 2021, Notes: []string{"anything a reader of these figures must know"}, Source: dir + "aid.yaml"}
	if !reflect.DeepEqual(head, wantHead) {
		t.Errorf("aid release:\n got %+v\nwant %+v", head, wantHead)
	}
	n := defence.N
	wantDonors := map[string]defence.AidDonor{
		"DNK": {Military: n(9949.754), Financial: n(115.127), Humanitarian: n(955.110), Total: n(11019.991),
			GDP: n(336.763), Source: defence.Place{File: dir + "aid.yaml", Line: 15}},
		"JPN": {Total: n(11037.625), GDP: n(4177.483),
			Note: "only the total in this extract; the parts are unknown, not zero", Source: defence.Place{File: dir + "aid.yaml", Line: 16}},
		"XEU": {Military: n(0), Financial: n(81213.801), Humanitarian: n(3211.490), Total: n(84425.291),
			Commitments: n(190724.321), Source: defence.Place{File: dir + "aid.yaml", Line: 20}},
	}
	if !reflect.DeepEqual(r.Donors, wantDonors) {
		t.Errorf("donors:\n got %+v\nwant %+v", r.Donors, wantDonors)
	}
	// Absent is unknown: Japan's parts and XEU's GDP are not zero.
	if j := r.Donors["JPN"]; j.Military.Known || j.Amount(defence.AidFinancial).Known {
		t.Errorf("JPN parts must be unknown: %+v", j)
	}
	if got := r.Donors["DNK"].Amount(defence.AidMilitary); got != n(9949.754) {
		t.Errorf("Amount(military) = %+v", got)
	}

	ps := ds.AidPackages["my-packages"]
	if ps == nil {
		t.Fatalf("aid packages my-packages missing")
	}
	want := &defence.AidPackages{ID: "my-packages", Title: "Packages announced in February 2025",
		Notes: []string{"optional"}, Source: dir + "packages.yaml",
		Packages: []defence.AidPackage{
			{Donor: "ESP", Date: "2025-02-24", Amount: 1000, Currency: "EUR", USD: n(1050),
				Purpose: "Military assistance package for 2025",
				URL:     "https://pledgetimes.com/sanchez-announces-that-spain-will-send-one-billion-euros-for-military-aid-to-ukraine-this-2025/",
				Quote:   "Spain will send a new military aid package worth 1,000 million euros", Source: defence.Place{File: dir + "packages.yaml", Line: 7}},
			{Donor: "JPN", Date: "2025-02-11", Amount: 8800, Currency: "JPY", USD: n(58),
				Purpose: "Grant, Emergency Recovery Programme Phase 4",
				URL:     "https://www.pravda.com.ua/eng/news/2025/02/11/7497711/", Source: defence.Place{File: dir + "packages.yaml", Line: 15}},
		}}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("packages:\n got %+v\nwant %+v", ps, want)
	}
	// All packages, by date.
	all := ds.AllAidPackages()
	if len(all) != 2 || all[0].Donor != "JPN" || all[1].Donor != "ESP" {
		t.Errorf("AllAidPackages = %+v, want JPN (2025-02-11) then ESP (2025-02-24)", all)
	}
}

// TestAidDocExamples loads the aid and aid-packages examples of
// docs/data.md: they must be valid and the same as the test files.
func TestAidDocExamples(t *testing.T) {
	doc, err := os.ReadFile("../../docs/data.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	var user []Source
	for _, b := range blocks {
		if strings.HasPrefix(b[1], "kind: aid\n") || strings.HasPrefix(b[1], "kind: aid-packages\n") {
			user = append(user, Source{Name: "docs", Data: []byte(b[1])})
		}
		if strings.HasPrefix(b[1], "kind: countries\n") {
			mustLoad(t, nil, []Source{{Name: "docs-countries", Data: []byte(b[1])}})
		}
	}
	if len(user) != 2 {
		t.Fatalf("found %d aid examples in docs/data.md, want 2", len(user))
	}
	fromDocs := mustLoad(t, aidBase(t), user)
	fromFiles := mustLoad(t, aidBase(t), readAid(t, "aid.yaml", "packages.yaml"))
	clear := func(ds *defence.Dataset) {
		for _, r := range ds.AidReleases {
			r.Source = ""
			for c, d := range r.Donors {
				d.Source = defence.Place{}
				r.Donors[c] = d
			}
		}
		for _, p := range ds.AidPackages {
			p.Source = ""
			for i := range p.Packages {
				p.Packages[i].Source = defence.Place{}
			}
		}
	}
	clear(fromDocs)
	clear(fromFiles)
	if !reflect.DeepEqual(fromDocs.AidReleases, fromFiles.AidReleases) || !reflect.DeepEqual(fromDocs.AidPackages, fromFiles.AidPackages) {
		t.Errorf("docs/data.md's aid examples differ from testdata/aid")
	}
}

// aidHead is an aid file's provenance; donors start on line 8.
var aidHead = []string{
	"kind: aid",                        // 1
	"id: t",                            // 2
	"title: T",                         // 3
	"publisher: P",                     // 4
	"published: 2026-04-22",            // 5
	"cutoff: 2026-02-28",               // 6
	"url: https://example.org/tracker", // 7
	"donors:",                          // 8
}

func aidSrc(extra []string, donors ...string) []Source {
	lines := append(append([]string{}, aidHead[:7]...), extra...)
	lines = append(lines, "donors:")
	return src(append(lines, donors...)...)
}

// pkgsFile is an aid-packages file whose first package starts on line 5.
func pkgsFile(pkg ...string) []Source {
	return src(append([]string{"kind: aid-packages", "id: p", "title: T", "packages:"}, pkg...)...)
}

// okPkg is the lines of a valid package starting on line 5 of a pkgsFile,
// with key k set to v (removed if v is empty; appended as line 11 if the
// package has no k).
func okPkg(k, v string) []string {
	lines := []string{
		"  - donor: ESP",               // 5
		"    date: 2025-02-24",         // 6
		"    amount_m: 1000",           // 7
		"    currency: EUR",            // 8
		"    purpose: P",               // 9
		"    url: https://example.org", // 10
	}
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " -"), k+":") {
			if v == "" {
				return append(lines[:i:i], lines[i+1:]...)
			}
			lines[i] = strings.SplitN(l, k+":", 2)[0] + k + ": " + v
			return lines
		}
	}
	return append(lines, "    "+k+": "+v) // line 11
}

// TestAidFaults has one case per fault class of the aid kinds: one error
// each, naming the file, the line and the field.
func TestAidFaults(t *testing.T) {
	tests := []struct {
		name  string
		files []Source
		line  int
		field string
		msg   string
	}{
		{"negative amount", aidSrc(nil, "  DNK: {military_meur: -1}"), 9, "donors.DNK.military_meur",
			"-1 is out of range (expected an amount in million EUR from 0 to 1000000000)"},
		{"quoted amount", aidSrc(nil, `  DNK: {total_meur: "12"}`), 9, "donors.DNK.total_meur",
			`"12" is a string (expected a number)`},
		{"total is not the sum", aidSrc(nil, "  DNK: {military_meur: 1.0, financial_meur: 2.0, humanitarian_meur: 3.0, total_meur: 6.5}"), 9,
			"donors.DNK.total_meur", "6.5 is not military_meur + financial_meur + humanitarian_meur = 6.0 (expected their sum, give or take the rounding of the last decimal)"},
		{"unknown donor key", aidSrc(nil, "  DNK: {military: 1}"), 9, "donors.DNK.military",
			"unknown field (expected one of: military_meur, financial_meur, humanitarian_meur, total_meur, total_commitment_meur, gdp_beur, note)"},
		{"empty donor", aidSrc(nil, "  DNK: {}"), 9, "donors.DNK",
			"found an empty mapping (expected amounts; leave the donor out when nothing is known)"},
		{"gdp without gdp_year", aidSrc(nil, "  DNK: {total_meur: 1, gdp_beur: 336.763}"), 9, "gdp_year",
			"required field is missing: the donors' gdp_beur needs the year of that GDP"},
		{"gdp zero", aidSrc([]string{"gdp_year: 2021"}, "  DNK: {gdp_beur: 0}"), 10, "donors.DNK.gdp_beur",
			"0 is out of range (expected an amount in billion EUR greater than 0 and at most 1000000)"},
		{"donor code in lower case", aidSrc(nil, "  dnk: {total_meur: 1}"), 9, "donors.dnk",
			"dnk is not a country code (expected three upper-case letters, ISO 3166-1 alpha-3, such as DEU)"},
		{"donor not defined", aidSrc(nil, "  FRA: {total_meur: 1}"), 9, "donors.FRA",
			"the aid release uses the country FRA, which no countries file defines"},
		{"period_start after cutoff", aidSrc([]string{"period_start: 2026-03-01"}, "  DNK: {total_meur: 1}"), 1, "period_start",
			"2026-03-01 is after the cutoff 2026-02-28 (expected the first day the amounts count)"},
		{"cutoff missing", src(append(append(append([]string{}, aidHead[:5]...), aidHead[6:]...), "  DNK: {total_meur: 1}")...), 1, "cutoff",
			"required field is missing"},
		{"bad id", src(append([]string{"kind: aid", "id: Kiel 28"}, append(append([]string{}, aidHead[2:]...), "  DNK: {total_meur: 1}")...)...), 2, "id",
			`"Kiel 28" is not an aid release id (expected lower-case letters, digits and -)`},

		{"package currency", pkgsFile(okPkg("currency", "euro")...), 8, "packages[0].currency",
			"euro is not a currency code (expected an ISO 4217 currency code, three upper-case letters such as EUR)"},
		{"package amount zero", pkgsFile(okPkg("amount_m", "0")...), 7, "packages[0].amount_m",
			"0 is out of range (expected an amount in millions of the currency, greater than 0 and at most 1000000000)"},
		{"package USD twice", pkgsFile(okPkg("currency", "USD\n    amount_usd_m: 1000")...), 9, "packages[0].amount_usd_m",
			"not allowed with currency: USD (amount_m is already in US dollars; leave amount_usd_m out)"},
		{"package date", pkgsFile(okPkg("date", "2025-02-30")...), 6, "packages[0].date",
			"2025-02-30: the day 30 is out of range (expected 01 to 28)"},
		{"package without url", pkgsFile(okPkg("url", "")...), 5, "packages[0].url", "required field is missing"},
		{"package donor not defined", pkgsFile(okPkg("donor", "FRA")...), 5, "packages[0].donor",
			"the aid packages uses the country FRA, which no countries file defines"},
		{"package unknown key", pkgsFile(okPkg("usd", "1")...), 11, "packages[0].usd",
			"unknown field (expected one of: donor, date, amount_m, currency, amount_usd_m, purpose, url, quote, note)"},
		{"no packages", src("kind: aid-packages", "id: p", "title: T", "packages: []"), 4, "packages",
			"found a list (expected a non-empty list of packages)"},

		{"institution with a country's code", src("kind: countries", "countries:", "  EUU: {name: EU, institution: true}"), 3,
			"countries.EUU.institution",
			"EUU is a code ISO 3166-1 may give to a country (expected, for an institution, a code from the user-assigned range AAA-AAZ, QMA-QZZ, XAA-XZZ or ZZA-ZZZ, such as XEU)"},
		{"institution in NATO", src("kind: countries", "countries:", "  XAB: {name: EU, institution: true, nato_since: 2000}"), 3,
			"countries.XAB.institution", "an institution is not a NATO ally (leave out nato_since, or institution)"},
		{"institution not a bool", src("kind: countries", "countries:", "  XAB: {name: EU, institution: yes}"), 3,
			"countries.XAB.institution", "yes is not a bool (expected true or false)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := loadErrs(t, aidBase(t), tt.files)
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.File != "t.yaml" || e.Line != tt.line || e.Field != tt.field || e.Msg != tt.msg {
				t.Errorf("got  %s|%d|%s|%s\nwant t.yaml|%d|%s|%s", e.File, e.Line, e.Field, e.Msg, tt.line, tt.field, tt.msg)
			}
		})
	}
}

// TestAidSumRounding accepts a total that differs from the sum of its
// parts by the rounding of the figures as written, as Kiel's do (Australia:
// 911.715 + 0.000 + 160.899 = 1072.614, total 1072.613), and no more.
func TestAidSumRounding(t *testing.T) {
	mustLoad(t, aidBase(t), aidSrc(nil, "  DNK: {military_meur: 911.715, financial_meur: 0.000, humanitarian_meur: 160.899, total_meur: 1072.613}"))
	mustLoad(t, aidBase(t), aidSrc(nil, "  DNK: {military_meur: 1, financial_meur: 2, humanitarian_meur: 3, total_meur: 8}"))
	if errs := loadErrs(t, aidBase(t), aidSrc(nil, "  DNK: {military_meur: 1, financial_meur: 2, humanitarian_meur: 3, total_meur: 8.5}")); len(errs) != 1 {
		t.Errorf("1 + 2 + 3 = 6 is 2.5 from 8.5, beyond rounding: got %v", errs)
	}
	// Without all four figures there is nothing to check.
	mustLoad(t, aidBase(t), aidSrc(nil, "  DNK: {military_meur: 1, total_meur: 8}"))
}

// TestAidMerge: a user file replaces the embedded aid release or packages
// of the same id; the same id twice among embedded or among user files is
// an error; aid releases and packages have ids of their own.
func TestAidMerge(t *testing.T) {
	embedded := append(aidBase(t), Source{Name: "embedded:aid.yaml", Data: aidSrc(nil, "  DNK: {total_meur: 1}")[0].Data})
	ds := mustLoad(t, embedded, aidSrc(nil, "  ESP: {total_meur: 2}"))
	if d := ds.AidReleases["t"].Donors; len(d) != 1 || d["ESP"].Total != defence.N(2) {
		t.Errorf("the user's aid release t must replace the embedded one: %+v", d)
	}
	ds = mustLoad(t, embedded, src("kind: aid-packages", "id: t", "title: T", "packages:",
		"  - {donor: ESP, date: 2025-02-24, amount_m: 1, currency: EUR, purpose: P, url: u}"))
	if ds.AidReleases["t"] == nil || ds.AidPackages["t"] == nil {
		t.Errorf("an aid release and an aid-packages file may share an id")
	}
	errs := loadErrs(t, aidBase(t), append(aidSrc(nil, "  DNK: {total_meur: 1}"),
		Source{Name: "u.yaml", Data: aidSrc(nil, "  ESP: {total_meur: 2}")[0].Data}))
	if len(errs) != 1 || errs[0].Msg != "aid release t is defined twice (also at t.yaml:2)" || errs[0].File != "u.yaml" {
		t.Errorf("two user files with one id: got %v", errs)
	}
	errs = loadErrs(t, append(embedded, Source{Name: "embedded:aid2.yaml", Data: aidSrc(nil, "  ESP: {total_meur: 2}")[0].Data}), nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "aid release t is defined twice") {
		t.Errorf("two embedded files with one id: got %v", errs)
	}
	// A replaced embedded release is not cross-checked (its donors may be
	// gone); the replacing one is.
	errs = loadErrs(t, embedded, aidSrc(nil, "  FRA: {total_meur: 2}"))
	if len(errs) != 1 || errs[0].File != "t.yaml" {
		t.Errorf("got %v, want one error in the user's file", errs)
	}
}

func TestUserAssigned(t *testing.T) {
	for code, want := range map[string]bool{
		"XEU": true, "XKX": true, "AAA": true, "AAZ": true, "QMA": true, "QZZ": true, "ZZA": true, "ZZZ": true,
		"ABA": false, "QLZ": false, "ZYZ": false, "EUU": false, "DEU": false, "xeu": false, "XE": false,
	} {
		if got := userAssigned(code); got != want {
			t.Errorf("userAssigned(%s) = %v, want %v", code, got, want)
		}
	}
}

// TestEmbeddedAid pins the embedded support to Ukraine to the shared
// tables: every expected value is a figure as kiel_ukraine_support.csv and
// aid_packages.csv write it.
func TestEmbeddedAid(t *testing.T) {
	var srcs []Source
	for _, f := range data.Files() {
		srcs = append(srcs, Source{Name: "embedded:" + f.Name, Data: f.Data})
	}
	ds := mustLoad(t, srcs, nil)
	r := ds.AidReleases["kiel-ust-28"]
	if r == nil {
		t.Fatal("aid release kiel-ust-28 missing")
	}
	if len(ds.AidReleases) != 1 || len(r.Donors) != 42 || r.Cutoff != "2026-02-28" || r.PeriodStart != "2022-01-24" || r.GDPYear != 2021 {
		t.Errorf("kiel-ust-28: %d releases, %d donors, cutoff %s, from %s, GDP %d; want 1, 42, 2026-02-28, 2022-01-24, 2021",
			len(ds.AidReleases), len(r.Donors), r.Cutoff, r.PeriodStart, r.GDPYear)
	}
	n := defence.N
	for code, want := range map[string][5]float64{ // military, financial, humanitarian, total, GDP (EUR bn)
		"ESP": {1441.722, 470.700, 315.312, 2227.735, 1206.842},
		"USA": {64616.886, 47297.182, 3466.581, 115380.649, 19712.764},
		"HUN": {0, 0, 54.090, 54.090, 153.751},
		"JPN": {63.119, 9267.305, 1707.200, 11037.625, 4177.483},
		"XEU": {0, 81213.801, 3211.490, 84425.291, 14523.408},
	} {
		d := r.Donors[code]
		got := [5]defence.Num{d.Military, d.Financial, d.Humanitarian, d.Total, d.GDP}
		for i, w := range want {
			if got[i] != n(w) {
				t.Errorf("%s figure %d = %+v, want %v", code, i, got[i], w)
			}
		}
	}
	for _, code := range []string{"ALB", "MKD", "MNE"} {
		if _, ok := r.Donors[code]; ok {
			t.Errorf("%s is not in Kiel's table", code)
		}
	}
	xeu := ds.Countries["XEU"]
	if !xeu.Institution || xeu.NATOSince > 0 || len(groupsOf(ds, "XEU")) != 0 {
		t.Errorf("XEU must be an institution in no group: %+v, groups %v", xeu, groupsOf(ds, "XEU"))
	}
	if len(ds.Countries) != 45 {
		t.Errorf("%d countries, want 45 (32 allies, 12 other donors, XEU)", len(ds.Countries))
	}

	ps := ds.AllAidPackages()
	if len(ps) != 5 {
		t.Fatalf("%d packages, want 5", len(ps))
	}
	type pk struct {
		donor, date string
		amount      float64
		currency    string
		usd         defence.Num
	}
	want := []pk{ // by date
		{"JPN", "2025-02-11", 8800, "JPY", n(58)},
		{"ESP", "2025-02-24", 1000, "EUR", n(1050)},
		{"POL", "2025-02-25", 200, "EUR", defence.Unknown}, // the "$207 million" is printed by no source
		{"FIN", "2025-02-26", 660, "EUR", defence.Unknown}, // nor the "$691 million"
		{"FIN", "2025-03-13", 200, "EUR", defence.Unknown},
	}
	for i, w := range want {
		p := ps[i]
		if (pk{p.Donor, p.Date, p.Amount, p.Currency, p.USD}) != w || p.URL == "" || p.Purpose == "" || p.Quote == "" {
			t.Errorf("package %d = %+v, want %+v with a url, purpose and quote", i, p, w)
		}
	}
}

// groupsOf returns the ids of the groups that hold the country, sorted.
func groupsOf(d *defence.Dataset, code string) []string {
	var out []string
	for _, id := range d.GroupIDs() {
		for _, m := range d.Groups[id].Members {
			if m == code {
				out = append(out, id)
				break
			}
		}
	}
	return out
}
