package cli

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
)

// The groups' totals against NATO's own published aggregates
// (shared/data/nato_aggregates.csv, from NATO's workbooks): NATO's totals
// count the members of each year (Montenegro from 2017, North Macedonia
// from 2020, Finland from 2023, Sweden from 2024), and so must the groups
// nato and europe-canada.

const aggregatesCSV = "nato_aggregates.csv"

// sharedDataDir finds the shared reference tables (internal/testenv): the
// test is skipped without them, but fails under CI, which must prove the
// totals.
func sharedDataDir(t *testing.T) string {
	t.Helper()
	return testenv.SharedDir(t, aggregatesCSV)
}

func sharedFloat(t *testing.T, s, what string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s: %q is not a number", what, s)
	}
	return v
}

// aggregate is NATO's published total of a group for a year.
type aggregate struct{ defence, gdp float64 }

// natoAggregates reads NATO's totals of one vintage by group and year,
// keeping the rows that have both figures (the press figures of 2025 have
// no GDP and are not for checking sums, says the README of shared/data).
func natoAggregates(t *testing.T, dir, vintage string) map[string]map[int]aggregate {
	t.Helper()
	out := map[string]map[int]aggregate{}
	for _, r := range testenv.ReadCSV(t, filepath.Join(dir, aggregatesCSV)) {
		if r["vintage"] != vintage || r["defence_musd"] == "" || r["gdp_musd"] == "" {
			continue
		}
		y, err := strconv.Atoi(r["year"])
		if err != nil {
			t.Fatalf("year %q", r["year"])
		}
		if out[r["group"]] == nil {
			out[r["group"]] = map[int]aggregate{}
		}
		what := r["group"] + " " + r["year"]
		out[r["group"]][y] = aggregate{sharedFloat(t, r["defence_musd"], what), sharedFloat(t, r["gdp_musd"], what)}
	}
	return out
}

// aggregateDoc is the part of gap's JSON that the aggregate tests read.
type aggregateDoc struct {
	Rows []struct {
		Code      string   `json:"code"`
		GDP       *float64 `json:"gdp_musd"`
		GDPSource string   `json:"gdp_source"`
		Defence   *float64 `json:"defence_musd"`
	} `json:"rows"`
	Totals []struct {
		Defence *float64 `json:"defence_musd"`
		GDP     *float64 `json:"gdp_musd"`
	} `json:"totals"`
}

// runNoUserConfig runs natospend as a user would, with no config file of the
// machine's user (iostreams.Test gives an empty environment to the
// NATOSPEND_* settings; the config file is found through the process's).
func runNoUserConfig(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	return runArgs(t, args...)
}

// gapTotals runs gap --method usd for a group, release and year (one
// target: one row per country) and returns its JSON.
func gapTotals(t *testing.T, release, group string, year int) aggregateDoc {
	t.Helper()
	args := []string{"gap", "--release", release, "--year", strconv.Itoa(year), "--method", "usd",
		"--group", group, "--target", "2", "--format", "json"}
	code, out, errOut := runNoUserConfig(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
	}
	var doc aggregateDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	if len(doc.Totals) != 1 || doc.Totals[0].Defence == nil || doc.Totals[0].GDP == nil {
		t.Fatalf("%v: totals %s, want one with defence_musd and gdp_musd", args, out)
	}
	return doc
}

// alliesIn is the number of allies in each year, hand-counted from NATO's
// accession dates: 28 from 2009, Montenegro 2017, North Macedonia 2020,
// Finland 2023, Sweden 2024.
func alliesIn(year int) int {
	switch {
	case year >= 2024:
		return 32
	case year == 2023:
		return 31
	case year >= 2020:
		return 30
	case year >= 2017:
		return 29
	}
	return 28
}

var aggregateGroups = []struct{ id, nato string }{
	{"nato", "NATO Total"},
	{"europe-canada", "NATO Europe and Canada"}, // every ally but the United States
}

// TestGroupTotalsMatchNATO2024: in NATO's June 2024 release, which
// publishes every ally's defence and GDP (Iceland's GDP too) to the cent,
// the totals of the groups nato and europe-canada equal NATO's own totals
// within 0.5 million in every year 2014-2024, because they count the
// allies of that year.
func TestGroupTotalsMatchNATO2024(t *testing.T) {
	dir := sharedDataDir(t)
	agg := natoAggregates(t, dir, "NATO-2024-06")
	for _, g := range aggregateGroups {
		for year := 2014; year <= 2024; year++ {
			want, ok := agg[g.nato][year]
			if !ok {
				t.Fatalf("%s %d: not in %s", g.nato, year, aggregatesCSV)
			}
			doc := gapTotals(t, "nato-2024-06", g.id, year)
			n := alliesIn(year)
			if g.id == "europe-canada" {
				n--
			}
			if len(doc.Rows) != n {
				t.Errorf("%s %d: %d countries, want the %d allies of %d", g.id, year, len(doc.Rows), n, year)
			}
			tot := doc.Totals[0]
			if d := *tot.Defence - want.defence; math.Abs(d) > 0.5 {
				t.Errorf("%s %d: defence_musd %.2f, NATO's %s %.2f (off by %.2f)", g.id, year, *tot.Defence, g.nato, want.defence, d)
			}
			if d := *tot.GDP - want.gdp; math.Abs(d) > 0.5 {
				t.Errorf("%s %d: gdp_musd %.2f, NATO's %s %.2f (off by %.2f)", g.id, year, *tot.GDP, g.nato, want.gdp, d)
			}
		}
	}
}

// TestGroupTotalsMatchNATO2026 does the same for NATO's July 2026 release
// (core defence, 2014-2026), which publishes whole millions and nothing
// for Iceland, not even its GDP.
//
// Defence: the allies' figures add up to NATO's total within the rounding
// of the workbook: half a million per figure added, and half a million for
// the total itself.
//
// GDP: NATO's totals include Iceland's GDP, which this release does not
// give per country. What the data shows (shared/data): NATO's total less
// the 31 allies' published GDP, which is NATO's own Iceland GDP, is
//   - within 3% of the Iceland GDP of NATO's June 2024 release in every
//     year that release covers (2014-2024; NATO revised it up by 0.9-2.2%
//     between the releases), and
//   - within 1% of the IMF's (WEO October 2025) for 2021-2026 (equal up to
//     rounding in 2021, 317 million or 0.7% apart in 2026).
//
// natospend takes Iceland's GDP from the IMF where a release lacks it, and
// the IMF's series starts in 2021; for 2014-2020 it takes NATO's own, from
// the June 2024 release (Table 5). So gdp_musd differs from NATO's total
// only by the two sources' Iceland GDP: at most 3% of it for 2014-2020
// (NATO's revision between its releases), 1% from 2021.
func TestGroupTotalsMatchNATO2026(t *testing.T) {
	dir := sharedDataDir(t)
	agg := natoAggregates(t, dir, "NATO-2026-07-core")
	// Iceland's GDP in NATO's June 2024 release and in the IMF's WEO of
	// October 2025 (billion USD there), million USD.
	islJune2024, islIMF := map[int]float64{}, map[int]float64{}
	for _, r := range testenv.ReadCSV(t, filepath.Join(dir, "nato_defence_expenditure.csv")) {
		if r["iso3"] == "ISL" && r["vintage"] == "NATO-2024-06" && r["gdp_musd"] != "" {
			y, _ := strconv.Atoi(r["year"])
			islJune2024[y] = sharedFloat(t, r["gdp_musd"], "ISL "+r["year"])
		}
	}
	for _, r := range testenv.ReadCSV(t, filepath.Join(dir, "imf_weo_gdp.csv")) {
		if r["iso3"] == "ISL" && r["vintage"] == "IMF WEO October 2025" {
			y, _ := strconv.Atoi(r["year"])
			islIMF[y] = sharedFloat(t, r["gdp_busd"], "ISL "+r["year"]) * 1000
		}
	}
	if len(islJune2024) != 11 || len(islIMF) != 10 {
		t.Fatalf("Iceland's GDP: %d years from NATO's June 2024 release, %d from the IMF; want 11 and 10", len(islJune2024), len(islIMF))
	}
	for _, g := range aggregateGroups {
		for year := 2014; year <= 2026; year++ {
			want, ok := agg[g.nato][year]
			if !ok {
				t.Fatalf("%s %d: not in %s", g.nato, year, aggregatesCSV)
			}
			doc := gapTotals(t, "nato-2026-07", g.id, year)
			tot := doc.Totals[0]

			withDefence := 0
			var islGDP *float64
			islSource := ""
			for _, r := range doc.Rows {
				if r.Defence != nil {
					withDefence++
				}
				if r.Code == "ISL" {
					islGDP, islSource = r.GDP, r.GDPSource
				}
			}
			if n := alliesIn(year) - 1; g.id == "nato" && withDefence != n || g.id == "europe-canada" && withDefence != n-1 {
				t.Errorf("%s %d: %d allies with a defence figure, want all the allies of the year but Iceland", g.id, year, withDefence)
			}
			rounding := 0.5 * float64(withDefence+1)
			if d := *tot.Defence - want.defence; math.Abs(d) > rounding {
				t.Errorf("%s %d: defence_musd %.0f, NATO's %s %.0f (off by %.0f, more than the rounding of %d figures)",
					g.id, year, *tot.Defence, g.nato, want.defence, d, withDefence)
			}

			// NATO's GDP total less what natospend adds up.
			missing := want.gdp - *tot.GDP
			if year < 2021 {
				if islGDP == nil || islSource != "nato-2024-06" || *islGDP != islJune2024[year] {
					t.Fatalf("%s %d: Iceland's GDP %v from %q, want NATO's June 2024 figure %.2f from nato-2024-06", g.id, year, islGDP, islSource, islJune2024[year])
				}
				// What NATO's 2026 total counts for Iceland, less its June
				// 2024 figure: NATO's revision, within 3% of it.
				if math.Abs(missing) > 0.03*islJune2024[year] {
					t.Errorf("%s %d: gdp_musd is %.0f from NATO's total; want within 3%% of Iceland's June 2024 GDP %.2f",
						g.id, year, missing, islJune2024[year])
				}
				continue
			}
			if islGDP == nil || islSource != "imf-weo-2025-10" || math.Abs(*islGDP-islIMF[year]) > 0.5 {
				t.Fatalf("%s %d: Iceland's GDP %v from %q, want the IMF's %.0f from imf-weo-2025-10", g.id, year, islGDP, islSource, islIMF[year])
			}
			// What NATO counts for Iceland, less the IMF's figure that
			// natospend counts: at most 1% of Iceland's GDP.
			if math.Abs(missing) > 0.01*islIMF[year] {
				t.Errorf("%s %d: gdp_musd %.0f is %.0f from NATO's total %.0f; want at most 1%% of Iceland's GDP (%.0f), the difference between NATO's and the IMF's Iceland GDP",
					g.id, year, *tot.GDP, missing, want.gdp, islIMF[year])
			}
			// And that is all: NATO's Iceland GDP is within 3% of its June
			// 2024 figure where that release has one.
			if j, ok := islJune2024[year]; ok {
				if ratio := (missing + islIMF[year]) / j; ratio < 0.97 || ratio > 1.03 {
					t.Errorf("%s %d: NATO's total implies an Iceland GDP of %.0f, not within 3%% of its June 2024 figure %.2f",
						g.id, year, missing+islIMF[year], j)
				}
			}
		}
	}
}
