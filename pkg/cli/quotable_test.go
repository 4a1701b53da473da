package cli

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// The tests of issue 19 (quotable figures): every figure a release
// publishes is shown as published, the amount derived from the share has
// its own name, one fact prints one number in every command and format,
// and a table in euros or national currency is in that currency on every
// line. Expected values come from NATO's tables (named beside each), worked
// out by hand where they are sums or ratios; none is copied from the output.

// quotableRun runs natospend and returns stdout; a non-zero exit fails.
func quotableRun(t *testing.T, args ...string) string {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if code := Main(args, ios); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out.String()
}

type quotableDoc struct {
	SchemaVersion int              `json:"schema_version"`
	Rows          []map[string]any `json:"rows"`
	Totals        []map[string]any `json:"totals"`
	Notes         []string         `json:"notes"`
}

func quotableJSON(t *testing.T, args ...string) quotableDoc {
	t.Helper()
	var d quotableDoc
	out := quotableRun(t, append(args, "--format", "json")...)
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return d
}

// quotableRow is the row of a country (the first, for one target).
func quotableRow(t *testing.T, rows []map[string]any, code string) map[string]any {
	t.Helper()
	for _, r := range rows {
		if r["code"] == code {
			return r
		}
	}
	t.Fatalf("no row for %s", code)
	return nil
}

func quotableNum(t *testing.T, what string, v any, want, tol float64) {
	t.Helper()
	f, ok := v.(float64)
	if !ok || math.Abs(f-want) > tol {
		t.Errorf("%s = %v, want %v (±%v)", what, v, want, tol)
	}
}

// dollars finds an amount in dollars ("$1.2 bn", "$bn", "less than $0.1
// bn"); "Per $" (a rate's unit) is not one.
var dollars = regexp.MustCompile(`\$ ?[0-9<]|\$bn|\$0`)

// tableCells splits the human table's row of a country into its cells,
// keyed by the header's titles.
func tableCells(t *testing.T, out, code string) map[string]string {
	t.Helper()
	var header []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		f := strings.Split(strings.Trim(line, "|"), "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if f[0] == "Code" {
			header = f
			continue
		}
		if f[0] == code && header != nil {
			cells := map[string]string{}
			for i, h := range header {
				cells[h] = f[i]
			}
			return cells
		}
	}
	t.Fatalf("no table row for %s in:\n%s", code, out)
	return nil
}

// TestGapDefenceIsPublishedNLD2024 is the acceptance line:
// `gap --release nato-2024-06 --year 2024 --country NLD --format json`
// gives defence_musd 21459.68, NATO's Table 2 of June 2024 (the Netherlands,
// 2024e, million current USD), not share x GDP: 2.0495% (Table 3) x
// 1,162,882.90 (Table 5) = 23,833.29, which is defence_at_share_musd.
func TestGapDefenceIsPublishedNLD2024(t *testing.T) {
	d := quotableJSON(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--country", "NLD")
	if d.SchemaVersion != 2 {
		t.Errorf("schema_version %d, want 2 (defence_musd changed meaning)", d.SchemaVersion)
	}
	r := quotableRow(t, d.Rows, "NLD")
	quotableNum(t, "defence_musd", r["defence_musd"], 21459.68, 0)
	quotableNum(t, "defence_published_musd", r["defence_published_musd"], 21459.68, 0)
	quotableNum(t, "defence_at_share_musd", r["defence_at_share_musd"], 0.020495*1162882.90, 1e-6)
	// The gap is still measured from the share: (2 - 2.0495) / 100 x 1,162,882.90.
	quotableNum(t, "gap_musd", r["gap_musd"], (2-2.0495)/100*1162882.90, 1e-6)
	// The totals of one row are that row.
	quotableNum(t, "totals defence_musd", d.Totals[0]["defence_musd"], 21459.68, 0)
	quotableNum(t, "totals defence_at_share_musd", d.Totals[0]["defence_at_share_musd"], 0.020495*1162882.90, 1e-6)
	quotableNum(t, "totals share_pct", d.Totals[0]["share_pct"], 21459.68/1162882.90*100, 1e-6)
}

// TestOneNumberPerFactGermany2026: Germany's 2026 defence in the default
// release is NATO's Table 2 figure, 147,002 million USD (2026e, core; see
// shared/data/nato_2026_via_all_tables.md), in gap's JSON, CSV and table,
// in its per-head figure, in its burden share and in history. Share x GDP
// (2.69% x 5,455,980 = 146,765.862, "146.8") is only ever defence at share.
func TestOneNumberPerFactGermany2026(t *testing.T) {
	const published = 147002.0
	d := quotableJSON(t, "gap", "--country", "DEU,FRA", "--year", "2026")
	quotableNum(t, "gap JSON defence_musd", quotableRow(t, d.Rows, "DEU")["defence_musd"], published, 0)
	quotableNum(t, "gap JSON defence_at_share_musd", quotableRow(t, d.Rows, "DEU")["defence_at_share_musd"], 146765.862, 1e-6)

	recs, err := csv.NewReader(strings.NewReader(quotableRun(t, "gap", "--country", "DEU", "--year", "2026", "--format", "csv"))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("gap CSV: %v %v", recs, err)
	}
	for i, k := range recs[0] {
		if k == "defence_musd" && recs[1][i] != "147002" {
			t.Errorf("gap CSV defence_musd = %q, want 147002", recs[1][i])
		}
	}

	cells := tableCells(t, quotableRun(t, "gap", "--country", "DEU", "--year", "2026"), "DEU")
	if cells["Defence $bn"] != "147.0" || cells["Defence at share $bn"] != "146.8" {
		t.Errorf("gap table: Defence $bn %q, Defence at share $bn %q; want 147.0 and 146.8", cells["Defence $bn"], cells["Defence at share $bn"])
	}

	// Per head divides the same published figure: defence per head x
	// population = 147,002 (to the rounding of the JSON's decimals).
	pc := quotableRow(t, quotableJSON(t, "gap", "--country", "DEU", "--year", "2026", "--per-capita").Rows, "DEU")
	pop, ok := pc["population_m"].(float64)
	if !ok || pop <= 0 {
		t.Fatalf("population_m %v", pc["population_m"])
	}
	quotableNum(t, "defence_per_capita_usd x population_m", pc["defence_per_capita_usd"].(float64)*pop, published, 0.01)
	quotableNum(t, "gap --per-capita defence_musd", pc["defence_musd"], published, 0)

	// Burden shares on the published figures (Table 2: France 79,753):
	// 147,002 / (147,002 + 79,753) x 100.
	b := quotableJSON(t, "gap", "--country", "DEU,FRA", "--year", "2026", "--burden")
	quotableNum(t, "burden_defence_pct", quotableRow(t, b.Rows, "DEU")["burden_defence_pct"], published/(published+79753)*100, 1e-6)

	// check: the same share and gap as gap's row at 3.5%, (3.5 - 2.69) / 100
	// x 5,455,980 = 44,193.438.
	var c struct {
		Verdicts []map[string]any `json:"verdicts"`
	}
	ios, _, out, _ := iostreams.Test()
	Main([]string{"check", "--target", "3.5", "--country", "DEU", "--year", "2026", "--format", "json"}, ios) // exit 1: short
	if err := json.Unmarshal(out.Bytes(), &c); err != nil || len(c.Verdicts) != 1 {
		t.Fatalf("check JSON: %v %s", err, out)
	}
	g := quotableRow(t, quotableJSON(t, "gap", "--target", "3.5", "--country", "DEU", "--year", "2026").Rows, "DEU")
	quotableNum(t, "check gap_musd", c.Verdicts[0]["gap_musd"], 44193.438, 1e-6)
	quotableNum(t, "gap gap_musd", g["gap_musd"], 44193.438, 1e-6)
	quotableNum(t, "check share_pct", c.Verdicts[0]["share_pct"], 2.69, 0)

	// path: its base year's spending is defence at share, the figure of
	// that name in gap (146,765.862), and its note says so.
	var p struct {
		Rows  []map[string]any `json:"rows"`
		Notes []string         `json:"notes"`
	}
	if err := json.Unmarshal([]byte(quotableRun(t, "path", "--target", "3.5", "--by", "2030", "--country", "DEU", "--format", "json")), &p); err != nil || len(p.Rows) == 0 {
		t.Fatalf("path JSON: %v", err)
	}
	quotableNum(t, "path base-year spending_musd", p.Rows[0]["spending_musd"], 146765.862, 1e-6)
	if !strings.Contains(strings.Join(p.Notes, " "), "base year is defence at share") {
		t.Errorf("path notes do not name the base year's spending: %q", p.Notes)
	}

	// history: the same figure.
	var h struct {
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(quotableRun(t, "history", "--country", "DEU", "--format", "json")), &h); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range h.Rows {
		if r["year"] == 2026.0 {
			found = true
			quotableNum(t, "history defence_musd 2026", r["defence_musd"], published, 0)
		}
	}
	if !found {
		t.Fatalf("history has no 2026 row: %v", h.Rows)
	}
}

// TestNATOConventionOnPublishedDefence: NATO's aggregate convention, target
// x total GDP - total defence, now adds the published defence. The check
// values of shared/data/README.md (our arithmetic on NATO's June 2024
// tables, 2024e, the 29 European allies that report plus Iceland's GDP):
// 2% -15.7 bn, 3.5% 329.6 bn; the sum of the countries' gaps at current
// USD (--method usd): 2% -16.4 bn, 3.5% 328.4 bn.
func TestNATOConventionOnPublishedDefence(t *testing.T) {
	d := quotableJSON(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--group", "europe", "--target", "2,3.5")
	quotableNum(t, "aggregate gap 2%", d.Totals[0]["aggregate_gap_musd"], -15700, 50)
	quotableNum(t, "aggregate gap 3.5%", d.Totals[1]["aggregate_gap_musd"], 329600, 50)
	// defence_musd totals the rows' published figures.
	var sum float64
	for _, r := range d.Rows {
		if r["target_pct"] == 2.0 {
			if v, ok := r["defence_musd"].(float64); ok {
				sum += v
			}
		}
	}
	quotableNum(t, "defence_musd total = sum of rows", d.Totals[0]["defence_musd"], sum, 1e-6)
	u := quotableJSON(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--group", "europe", "--target", "2,3.5", "--method", "usd")
	quotableNum(t, "usd gaps 2%", u.Totals[0]["gap_musd"], -16400, 50)
	quotableNum(t, "usd gaps 3.5%", u.Totals[1]["gap_musd"], 328400, 50)
	// Under both methods, the published defence total is the same.
	quotableNum(t, "defence total, both methods", u.Totals[0]["defence_musd"], sum, 1e-6)
}

// TestSharesOnlyRelease: nato-2025-08 publishes shares of GDP, no defence
// amounts. defence_musd is then null (unknown, never share x GDP) and
// defence_at_share_musd carries the derived amount: Poland 2024, 3.7890%
// (NATO, August 2025, Table 3) x 914,553 (IMF WEO October 2025, the GDP the
// release lacks) = 34,652.41.
func TestSharesOnlyRelease(t *testing.T) {
	d := quotableJSON(t, "gap", "--release", "nato-2025-08", "--year", "2024", "--country", "POL")
	r := quotableRow(t, d.Rows, "POL")
	if v, ok := r["defence_musd"]; !ok || v != nil {
		t.Errorf("defence_musd = %v, want null: the release publishes no defence amounts", v)
	}
	quotableNum(t, "defence_at_share_musd", r["defence_at_share_musd"], 0.037890*914553, 1e-6)
	if v := d.Totals[0]["defence_musd"]; v != nil {
		t.Errorf("totals defence_musd = %v, want null", v)
	}
	out := quotableRun(t, "gap", "--release", "nato-2025-08", "--year", "2024", "--country", "POL")
	if strings.Contains(out, "Defence $bn") || !strings.Contains(out, "Defence at share $bn") {
		t.Errorf("table of a shares-only release: want the Defence at share column and no Defence column:\n%s", out)
	}
	if !strings.Contains(out, "no defence amounts: defence at share is derived") {
		t.Errorf("the method note does not say the amounts are derived:\n%s", out)
	}
}

// TestCurrencyEURLines: with --currency eur every line of the table is in
// euros. nato-2024-06, 2024: the Netherlands' defence in euros is NATO's
// Table 1 figure, 19,900 million EUR (21,459.68 USD at the euro area's
// implied rate, 258,541.35 EUR / 278,804.74 USD over the 17 euro-area
// allies of Tables 1 and 2 = 0.927320); the example: the sum of the
// European gaps to 3.5% is $326.1 bn, €302.4 bn (326.1 x 0.927320 = 302.4).
func TestCurrencyEURLines(t *testing.T) {
	args := []string{"gap", "--release", "nato-2024-06", "--year", "2024", "--group", "europe", "--target", "3.5", "--currency", "eur"}
	out := quotableRun(t, args...)
	if m := dollars.FindString(out); m != "" {
		t.Errorf("an amount in dollars (%q) in a table in euros:\n%s", m, out)
	}
	for _, want := range []string{"a shortfall of €302.4 bn", "in euros (current USD at the EUR/USD rate", "0.927320 EUR per USD in 2024"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if c := tableCells(t, out, "NLD"); c["Defence €bn"] != "19.9" {
		t.Errorf("NLD Defence €bn %q, want 19.9 (NATO's Table 1: 19,900)", c["Defence €bn"])
	}
	d := quotableJSON(t, args...)
	quotableNum(t, "NLD defence_mcur", quotableRow(t, d.Rows, "NLD")["defence_mcur"], 19900, 0.5)
	quotableNum(t, "rate", quotableRow(t, d.Rows, "NLD")["rate_per_usd"], 258541.35/278804.74, 1e-6)

	// National currencies: the method note names them, not "current USD".
	nat := quotableRun(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--country", "POL,DEU", "--currency", "national")
	if !strings.Contains(nat, "in each country's national currency") || dollars.MatchString(nat) {
		t.Errorf("--currency national:\n%s", nat)
	}
	// Poland alone: its totals and summary in zloty. NATO's Table 1, 2024e:
	// Poland's defence 151,240.71 million PLN (the table's 151.2 bn).
	pol := quotableRun(t, "gap", "--release", "nato-2024-06", "--year", "2024", "--country", "POL", "--currency", "national")
	if !strings.Contains(pol, "a surplus of PLN ") || tableCells(t, pol, "POL")["Defence bn cur."] != "151.2" {
		t.Errorf("--currency national, Poland:\n%s", pol)
	}
}

// TestCroatia2019Currencies: Croatia joined the euro in 2023; before, NATO's
// Table 1 gives its kuna converted to euros at the fixed rate. June 2024
// release, 2019: Table 1 880.54 million EUR, Table 2 1,001.22 million USD.
// --currency national shows Table 1's 880.54 and says where it comes from;
// --currency eur converts 1,001.22 at the euro area's rate (the other 16
// euro-area allies: 154,099.71 EUR / 172,529.77 USD = 0.8931775), 894.27,
// and says so.
func TestCroatia2019Currencies(t *testing.T) {
	base := []string{"gap", "--release", "nato-2024-06", "--year", "2019", "--country", "HRV"}
	nat := quotableRow(t, quotableJSON(t, append(base, "--currency", "national")...).Rows, "HRV")
	quotableNum(t, "national defence_mcur", nat["defence_mcur"], 880.54, 1e-6)
	if nat["currency"] != "EUR" || nat["currency_converted_from"] != "HRK" {
		t.Errorf("national: currency %v, converted from %v; want EUR from HRK", nat["currency"], nat["currency_converted_from"])
	}
	eur := quotableJSON(t, append(base, "--currency", "eur")...)
	quotableNum(t, "eur defence_mcur", quotableRow(t, eur.Rows, "HRV")["defence_mcur"], 1001.22*154099.71/172529.77, 1e-6)
	quotableNum(t, "eur defence_mcur (the issue's figure)", quotableRow(t, eur.Rows, "HRV")["defence_mcur"], 894.27, 0.005)
	if !strings.Contains(strings.Join(eur.Notes, " "), "--currency eur converts Croatia at the euro area's rate") {
		t.Errorf("eur notes do not say Croatia is at the euro area's rate: %q", eur.Notes)
	}
	out := quotableRun(t, append(base, "--currency", "national")...)
	if tableCells(t, out, "HRV")["Cur."] != "EUR (from HRK)" || !strings.Contains(out, "kuna figures converted to euros at the fixed conversion rate") {
		t.Errorf("national table does not say Croatia's euros are converted kuna:\n%s", out)
	}
	// From 2023 Croatia is in the euro area: nothing to say.
	d := quotableJSON(t, "gap", "--release", "nato-2024-06", "--year", "2023", "--country", "HRV", "--currency", "national")
	if r := quotableRow(t, d.Rows, "HRV"); r["currency_converted_from"] != "" || strings.Contains(strings.Join(d.Notes, " "), "kuna") {
		t.Errorf("Croatia 2023: %v, notes %q", r["currency_converted_from"], d.Notes)
	}
}

// TestCurrencyEURDefaultRelease is the issue's acceptance line: `gap
// --target 3.5 --group europe --currency eur` works on the default release
// (nato-2026-07, 2026e) with every line in euros. NATO's Table 1 of the 2026
// release (shared/data/nato_2026_via_all_tables.csv,
// core_nat_currency_current_m): Germany 124,660 million EUR, the
// Netherlands 27,900; Table 2: 147,002 and 32,900 million USD. At the euro
// area's one rate each is Table 1's figure within the consensus (0.1%) and
// the whole-million rounding of the two tables.
func TestCurrencyEURDefaultRelease(t *testing.T) {
	args := []string{"gap", "--target", "3.5", "--group", "europe", "--currency", "eur"}
	out := quotableRun(t, args...)
	if m := dollars.FindString(out); m != "" {
		t.Errorf("an amount in dollars (%q) in a table in euros:\n%s", m, out)
	}
	for _, want := range []string{"in euros (current USD at the EUR/USD rate", "EUR per USD in 2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	d := quotableJSON(t, args...)
	for _, c := range []struct {
		code     string
		eur, usd float64
	}{{"DEU", 124660, 147002}, {"NLD", 27900, 32900}} {
		r := quotableRow(t, d.Rows, c.code)
		quotableNum(t, c.code+" defence_musd", r["defence_musd"], c.usd, 0)
		quotableNum(t, c.code+" defence_mcur", r["defence_mcur"], c.eur, c.eur*(0.001+0.5/c.eur+0.5/c.usd))
		if r["currency"] != "EUR" {
			t.Errorf("%s currency %v", c.code, r["currency"])
		}
	}
	// 2025 too: Germany 2025e, Table 1 99,298 million EUR / Table 2 112,141
	// million USD.
	r := quotableRow(t, quotableJSON(t, "gap", "--year", "2025", "--country", "DEU", "--currency", "eur").Rows, "DEU")
	quotableNum(t, "DEU 2025 defence_mcur", r["defence_mcur"], 99298, 99298*(0.001+0.5/99298+0.5/112141))
	// In the 2026 release Croatia's dollars agree with the euro area's rate
	// (2019: 881 million EUR / 986 million USD = 0.8935, the euro area's
	// 0.8932 within rounding): no kuna note, nothing converted from HRK.
	h := quotableJSON(t, "gap", "--year", "2019", "--country", "HRV", "--currency", "national")
	if r := quotableRow(t, h.Rows, "HRV"); r["currency_converted_from"] != "" || strings.Contains(strings.Join(h.Notes, " "), "kuna") {
		t.Errorf("nato-2026-07 Croatia 2019: converted from %v, notes %q", r["currency_converted_from"], h.Notes)
	}
}
