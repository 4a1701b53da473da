package main

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
)

// viaCSV is every table of NATO's 2026 workbook as a third party exported
// it (nato_2026_via_all_tables.md describes it): one row per ally or
// aggregate x year x measure.
const viaCSV = "nato_2026_via_all_tables.csv"

// viaMeasures maps the export's measures onto natospend's cell keys
// (docs/data.md), the keys the workbook importer gives the same tables of
// NATO's June 2024 workbook.
var viaMeasures = map[string]string{
	"core_usd_current_m":          "defence_musd",              // Table 2, current prices and exchange rates
	"gdp_usd_current_m":           "gdp_musd",                  // Table 5, current prices and exchange rates
	"core_share_gdp":              "share_pct",                 // Table 3, share of real GDP
	"equipment_share_pct":         "equipment_pct",             // Table 8a, equipment
	"core_nat_currency_current_m": "defence_ncu_m",             // Table 1, current prices
	"core_nat_currency_2021_m":    "defence_const_ncu_m",       // Table 1, constant 2021 prices
	"core_usd_2021_m":             "defence_const_musd",        // Table 2, constant 2021 prices and exchange rates
	"gdp_usd_2021_m":              "gdp_const_musd",            // Table 5, constant 2021 prices and exchange rates
	"core_real_change_pct":        "real_change_pct",           // Table 3, annual real change
	"gdp_per_capita_2021_kusd":    "gdp_per_capita_const_kusd", // Table 6, GDP per capita
	"core_per_capita_2021_usd":    "defence_per_capita_const_usd",
	"personnel_k":                 "personnel_k",        // Table 7
	"personnel_share_pct":         "personnel_pct",      // Table 8a, personnel
	"infrastructure_share_pct":    "infrastructure_pct", // Table 8b
	"other_share_pct":             "other_pct",          // Table 8b
}

// viaCountries maps the export's codes (Eurostat's two letters: EL for
// Greece, UK for the United Kingdom) to ISO 3166-1 alpha-3.
var viaCountries = map[string]string{
	"AL": "ALB", "BE": "BEL", "BG": "BGR", "CA": "CAN", "CZ": "CZE", "DE": "DEU", "DK": "DNK", "EE": "EST",
	"EL": "GRC", "ES": "ESP", "FI": "FIN", "FR": "FRA", "HR": "HRV", "HU": "HUN", "IT": "ITA", "LT": "LTU",
	"LU": "LUX", "LV": "LVA", "ME": "MNE", "MK": "MKD", "NL": "NLD", "NO": "NOR", "PL": "POL", "PT": "PRT",
	"RO": "ROU", "SE": "SWE", "SI": "SVN", "SK": "SVK", "TR": "TUR", "UK": "GBR", "US": "USA",
}

// viaGroups maps the export's aggregate rows to the groups of
// data/groups.yaml whose members of the year NATO's aggregates count.
var viaGroups = map[string]string{"NATO_EUR_CAN": "europe-canada", "NATO_TOTAL": "nato"}

// A number as the export writes it: a decimal, negative only for a real
// change.
var signedRe = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// readVia reads the export: the allies' cells and NATO's aggregates.
func readVia(path string) (*table, error) {
	rows, lines, err := csvRows(path, []string{"geo", "country", "year", "estimate", "measure", "value"})
	if err != nil {
		return nil, err
	}
	t := &table{Cells: map[string]map[int]*cell{}, Aggregates: map[string]map[int]*cell{}}
	for i, row := range rows {
		if err := viaRow(t, row); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, lines[i], err)
		}
	}
	if len(t.Cells) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return t, nil
}

func viaRow(t *table, row map[string]string) error {
	key, ok := viaMeasures[row["measure"]]
	if !ok {
		return fmt.Errorf("measure %q is none of the 15 this converter maps", row["measure"])
	}
	year, err := strconv.Atoi(row["year"])
	if err != nil || year < 1949 || year > 2100 || strconv.Itoa(year) != row["year"] {
		return fmt.Errorf("year %q is not a year from 1949 to 2100", row["year"])
	}
	v := row["value"]
	if !signedRe.MatchString(v) || (strings.HasPrefix(v, "-") && key != "real_change_pct") {
		return fmt.Errorf("value %q of %s is not a plain decimal (negative only for a real change)", v, row["measure"])
	}
	var est bool
	switch row["estimate"] {
	case "True":
		est = true
	case "False":
	default:
		return fmt.Errorf("estimate %q is neither True nor False", row["estimate"])
	}
	cells := t.Cells
	code, ok := viaCountries[row["geo"]]
	if !ok {
		if code, ok = viaGroups[row["geo"]]; !ok {
			return fmt.Errorf("geo %q is neither an ally's code nor one of NATO's aggregates (NATO_EUR_CAN, NATO_TOTAL)", row["geo"])
		}
		cells = t.Aggregates
	}
	if cells[code] == nil {
		cells[code] = map[int]*cell{}
	}
	c := cells[code][year]
	if c == nil {
		c = &cell{Estimate: est}
		cells[code][year] = c
	} else if c.Estimate != est {
		return fmt.Errorf("%s %d: estimate %s, while the cell's other measures say %v", row["geo"], year, row["estimate"], c.Estimate)
	}
	if c.get(key) != "" {
		return fmt.Errorf("%s %d %s appears twice", row["geo"], year, row["measure"])
	}
	c.set(key, v)
	return nil
}

// checkSameAs requires the figures of one table to equal those of another
// as numbers, cell for cell, for the keys given: the export and the
// shared table of four columns (nato_defence_expenditure.csv) are two
// readings of one workbook. It returns how many figures it compared.
func checkSameAs(got, want map[string]map[int]*cell, keys []string, what string) (int, error) {
	n := 0
	for code, ys := range want {
		for y, w := range ys {
			g := got[code][y]
			for _, k := range keys {
				wv, gv := w.get(k), ""
				if g != nil {
					gv = g.get(k)
				}
				if wv == "" && gv == "" {
					continue
				}
				a, errA := strconv.ParseFloat(wv, 64)
				b, errB := strconv.ParseFloat(gv, 64)
				if errA != nil || errB != nil || a != b {
					return n, fmt.Errorf("%s %d %s: %q in %s, %q in %s", code, y, k, gv, viaCSV, wv, what)
				}
				n++
			}
			if g != nil && g.Estimate != w.Estimate {
				return n, fmt.Errorf("%s %d: estimate %v in %s, %v in %s", code, y, g.Estimate, viaCSV, w.Estimate, what)
			}
		}
	}
	for code, ys := range got {
		for y := range ys {
			if want[code][y] == nil {
				return n, fmt.Errorf("%s %d is in %s but not in %s", code, y, viaCSV, what)
			}
		}
	}
	return n, nil
}

// Tolerances of the currency rules (establishCurrencies).
const (
	// sameRateTol: the implied rates of two readings of one currency's
	// figures, whole millions against NATO's full precision, differ by up
	// to 2.2% (Türkiye); Croatia's kuna converted to euros at the fixed
	// rate, 1.6%. Two currencies' rates differ by far more (the nearest,
	// the Norwegian and Swedish kronor, by more than 3% every year).
	sameRateTol = 0.025
	// euroRateTol: the implied rates of the euro-area allies differ from
	// Germany's by up to 1% (Montenegro's small budget in whole millions).
	euroRateTol = 0.015
)

// establishCurrencies names the currency of each ally's defence_ncu_m in
// the export, which does not record NATO's currency labels ("(Euros)"),
// from what the figures prove: the implied rate, defence_ncu_m /
// defence_musd, of every year that both releases give as actual (2014
// to 2022) within sameRateTol of that of NATO's June 2024 workbook
// (ref), which names the currency: that currency; else, the implied rate
// of every year 2014-2026 within euroRateTol of Germany's (itself
// established as euros by the first rule): euros. An ally neither rule
// places is an error, never a guess. It returns the currencies and a
// note saying how each was established.
func establishCurrencies(t *table, ref *defence.Release) (map[string]string, string, error) {
	rate := func(c *cell) (float64, bool) {
		ncu, err1 := strconv.ParseFloat(c.get("defence_ncu_m"), 64)
		usd, err2 := strconv.ParseFloat(c.Defence, 64)
		if err1 != nil || err2 != nil || usd == 0 {
			return 0, false
		}
		return ncu / usd, true
	}
	close := func(a, b, tol float64) bool { return math.Abs(a/b-1) <= tol }
	sameAsRef := func(code string) (string, bool) {
		cur := ref.Currencies[code]
		if cur == "" {
			return "", false
		}
		n := 0
		for y := 2014; y <= 2022; y++ {
			f, ok := ref.Figure(code, y)
			c := t.Cells[code][y]
			if !ok || c == nil || f.Estimate || c.Estimate || !f.Defence.Known || !f.Details().DefenceNCU.Known || f.Defence.V == 0 {
				return "", false
			}
			r, ok := rate(c)
			if !ok || !close(r, f.Details().DefenceNCU.V/f.Defence.V, sameRateTol) {
				return "", false
			}
			n++
		}
		return cur, n == 9
	}
	out := map[string]string{}
	var byRef, byEuro []string
	codes := make([]string, 0, len(t.Cells))
	for code, ys := range t.Cells {
		for _, c := range ys {
			if c.get("defence_ncu_m") != "" {
				codes = append(codes, code)
				break
			}
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		if cur, ok := sameAsRef(code); ok {
			out[code] = cur
			byRef = append(byRef, code+" "+cur)
		}
	}
	if out["DEU"] != "EUR" {
		return nil, "", fmt.Errorf("the figures of Germany in national currency are not proven euros (the euro rule measures against them)")
	}
	for _, code := range codes {
		if out[code] != "" {
			continue
		}
		ok := true
		for y := 2014; y <= 2026 && ok; y++ {
			c, de := t.Cells[code][y], t.Cells["DEU"][y]
			if c == nil || de == nil {
				ok = false
				break
			}
			r, ok1 := rate(c)
			rde, ok2 := rate(de)
			ok = ok1 && ok2 && close(r, rde, euroRateTol)
		}
		if !ok {
			return nil, "", fmt.Errorf("%s: the currency of its figures in national currency is not proven by their implied rates (neither that of NATO's June 2024 workbook nor the euro's): name it from a source", code)
		}
		out[code] = "EUR"
		what := "EUR"
		if c := ref.Currencies[code]; c != "" && c != "EUR" {
			what = fmt.Sprintf("EUR (NATO's June 2024 workbook gives %s in %s)", code, c)
		}
		byEuro = append(byEuro, code+" "+what)
	}
	note := fmt.Sprintf("currencies: the export read does not record the currency labels of NATO's Table 1, so each is established from the figures. "+
		"The currency NATO's June 2024 workbook (release nato-2024-06, Table 1) names, where the implied rate (defence_ncu_m / defence_musd) of every year 2014-2022 is within %.1f%% of that release's: %s. "+
		"Euros, where the implied rate of every year 2014-2026 is within %.1f%% of Germany's (established as euros above): %s.",
		100*sameRateTol, strings.Join(byRef, ", "), 100*euroRateTol, strings.Join(byEuro, ", "))
	return out, note, nil
}

// convertVia reads the export for a release and checks it against the
// project's other readings of the same release: the four columns of
// nato_defence_expenditure.csv and the aggregates of nato_aggregates.csv
// (rows of spec.Vintage) must equal it figure for figure. The currencies
// of its figures in national currency are established against NATO's
// June 2024 workbook (establishCurrencies).
func convertVia(sharedDir string, spec *releaseSpec) (*table, error) {
	t, err := readVia(filepath.Join(sharedDir, viaCSV))
	if err != nil {
		return nil, err
	}
	four, err := readNATO(filepath.Join(sharedDir, natoCSV), spec.Vintage)
	if err != nil {
		return nil, err
	}
	if _, err := checkSameAs(t.Cells, four.Cells, []string{"gdp_musd", "defence_musd", "share_pct", "equipment_pct"}, natoCSV); err != nil {
		return nil, err
	}
	aggs, err := readAggregates(filepath.Join(sharedDir, aggCSV), spec.Vintage)
	if err != nil {
		return nil, err
	}
	if err := checkAggregatesIn(t.Aggregates, aggs); err != nil {
		return nil, err
	}
	ref, err := workbookRelease(filepath.Join(sharedDir, natoWorkbook))
	if err != nil {
		return nil, err
	}
	if t.Currencies, t.CurrencyNote, err = establishCurrencies(t, ref); err != nil {
		return nil, err
	}
	return t, nil
}

// aggGroups maps the group names of nato_aggregates.csv to group ids.
var aggGroups = map[string]string{"NATO Europe and Canada": "europe-canada", "NATO Total": "nato"}

// readAggregates reads the rows of one vintage of nato_aggregates.csv, by
// group id and year, as cells of defence_musd, gdp_musd and share_pct
// (its pct_gdp).
func readAggregates(path, vintage string) (map[string]map[int]*cell, error) {
	rows, lines, err := csvRows(path, []string{"year", "group", "defence_musd", "gdp_musd", "pct_gdp", "vintage", "estimate"})
	if err != nil {
		return nil, err
	}
	out := map[string]map[int]*cell{}
	for i, row := range rows {
		if row["vintage"] != vintage {
			continue
		}
		id, ok := aggGroups[row["group"]]
		if !ok {
			return nil, fmt.Errorf("%s:%d: group %q is neither NATO Europe and Canada nor NATO Total", path, lines[i], row["group"])
		}
		y, err := strconv.Atoi(row["year"])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: year %q is not a year", path, lines[i], row["year"])
		}
		if out[id] == nil {
			out[id] = map[int]*cell{}
		}
		if out[id][y] != nil {
			return nil, fmt.Errorf("%s:%d: %s %d appears twice", path, lines[i], row["group"], y)
		}
		out[id][y] = &cell{Defence: row["defence_musd"], GDP: row["gdp_musd"], Share: row["pct_gdp"], Estimate: row["estimate"] == "true"}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows with vintage %q", path, vintage)
	}
	return out, nil
}

// checkAggregatesIn requires every aggregate of the table of aggregates
// to be in the release with the same figures (the release may hold more
// measures than its three).
func checkAggregatesIn(got, want map[string]map[int]*cell) error {
	for id, ys := range want {
		for y, w := range ys {
			g := got[id][y]
			if g == nil {
				return fmt.Errorf("aggregate %s %d is in %s but not in %s", id, y, aggCSV, viaCSV)
			}
			for _, k := range []string{"defence_musd", "gdp_musd", "share_pct"} {
				a, errA := strconv.ParseFloat(w.get(k), 64)
				b, errB := strconv.ParseFloat(g.get(k), 64)
				if errA != nil || errB != nil || a != b {
					return fmt.Errorf("aggregate %s %d %s: %q in %s, %q in %s", id, y, k, g.get(k), viaCSV, w.get(k), aggCSV)
				}
			}
			if g.Estimate != w.Estimate {
				return fmt.Errorf("aggregate %s %d: estimate %v in %s, %v in %s", id, y, g.Estimate, viaCSV, w.Estimate, aggCSV)
			}
		}
	}
	return nil
}
