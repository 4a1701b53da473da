// Command importshared converts the project's shared reference tables
// (shared/data/*.csv, read-only, beside the checkout) into natospend's
// embedded release files (data/*.yaml):
//
//	go run ./scripts/importshared -shared ../shared/data -out data
//
// Every figure is copied as text, exactly as the shared table writes it: no
// number goes through a float64, nothing is rounded, computed or filled in.
// The one transformation is the IMF's GDP unit, billions of USD, which
// becomes millions by moving the decimal point three places in the text (the
// IMF's population is in millions already and is copied as it is). A cell that
// is empty in the table is left out of the YAML (absent means unknown, never
// zero).
//
// The output is deterministic: countries sorted by code, years ascending, one
// flow mapping per country-year with keys in the order gdp_musd, defence_musd,
// share_pct, equipment_pct, population_m, estimate, note.
//
// It also writes the support to Ukraine (aid.go): kiel-ust-28.yaml from
// kiel_ukraine_support.csv and aid-packages.yaml from aid_packages.csv.
//
// The hand-written files of data/ (countries, groups, targets) are not
// touched by this program.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/natospend/natospend/pkg/dataset"
)

// Shared tables read by this program.
const (
	natoCSV = "nato_defence_expenditure.csv"
	aggCSV  = "nato_aggregates.csv"
	imfCSV  = "imf_weo_gdp.csv"
	popCSV  = "imf_weo_population_2025_10.csv"
	// natoWorkbook is NATO's own workbook of the June 2024 release, which
	// pkg/importnato (natospend import nato) reads.
	natoWorkbook = "workbooks/240617-def-exp-2024-TABLES-en.xlsx"
)

// The command line, for the header of every generated file.
const regenerate = "go run ./scripts/importshared -shared ../shared/data -out data"

// blankCell is a cell that a release publishes as blank (no figures at all)
// and that has no row in the shared table; it is written explicitly so that
// the gap is explained where a reader meets it.
type blankCell struct {
	Code     string
	Year     int
	Estimate bool
	Note     string
}

// cellNote is a note attached to a cell that does have a row in the table.
type cellNote struct {
	Code string
	Year int
	Note string
}

// releaseSpec describes one release file: which rows of which shared table it
// holds, and the provenance the table itself does not carry.
type releaseSpec struct {
	File    string // output file name in data/
	Source  string // shared CSV file name, or NATO's workbook (natoWorkbook)
	Vintage string // value of the CSV's vintage column (the rows a workbook's release must reproduce)

	// URL and Via, for a release read from a workbook: a CSV gives them in
	// its rows.
	URL, Via string

	ID         string
	Series     string
	Title      string
	Publisher  string
	Published  string // YYYY-MM-DD, or YYYY-MM where the sources give no day
	Cutoff     string
	PriceBasis string
	Definition string
	// ConstantYear is the base year of the figures at constant prices.
	ConstantYear int
	Notes        []string

	// Sanity checks on what the table holds for this vintage.
	FirstYear, LastYear int
	Countries           int
	// LastActual, for an IMF vintage, is the last year of actual data that
	// every row must give (the notes say so); 0 for none. LastActualExcept
	// gives the countries whose rows give another year (the notes name
	// them too).
	LastActual       int
	LastActualExcept map[string]int

	Blank     []blankCell
	CellNotes []cellNote
}

const fiscalYears = "Fiscal years are assigned to the calendar year holding most of their months (US fiscal year October-September: the later year; UK and Canada April-March: the earlier year)."

// releases lists the release files, in output order.
var releases = []releaseSpec{
	{
		File:         "nato-2026-07.yaml",
		Source:       viaCSV,
		Vintage:      "NATO-2026-07-core",
		URL:          "https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx",
		Via:          "https://github.com/aiutononesistonousername/leave-the-gun-take-the-cannoli/blob/366dedbbf761c480cfe91ca2da7c28a3a079810d/data/processed/nato_defence.csv",
		ID:           "nato-2026-07",
		Series:       "defence",
		Title:        "Defence Expenditure of NATO Countries (2014-2026)",
		Publisher:    "NATO",
		Published:    "2026-06", // as the copy read dates it; no source read gives the day or the cut-off
		PriceBasis:   "defence_musd and gdp_musd in million US dollars at current prices and exchange rates; share_pct as published by NATO, computed from real (constant-price) figures; *_const_* at constant 2021 prices and exchange rates; defence_ncu_m and defence_const_ncu_m in national currency (currencies)",
		Definition:   "core",
		ConstantYear: 2021,
		Notes: []string{
			"Core defence expenditure: the basis of the 3.5% core-defence part of the commitment made at The Hague summit (25 June 2025). The classic definition of NATO's earlier releases differs, so compare releases with care.",
			"Title and date as the copy read gives them: the project that exported NATO's workbook calls it \"Defence Expenditure of NATO Countries (2014-2026)\" and dates it June 2026. No source read gives the day of publication or the data cut-off: the cut-off is not given here (unknown). The id nato-2026-07 is natospend's name for the release.",
			"Read from a third-party tidy export of every table of NATO's workbook (via), not from NATO's file itself: 15 measures of Tables 1-3 and 5-8b, the allies and NATO's aggregates, 2014-2026.",
			"NATO's workbook gives money in whole millions (defence per head in whole US dollars), shares and real change to 2 decimals, GDP per head (thousand USD) and personnel (thousands) to 1 decimal; the export writes them with one decimal or two (13314.0, 1.34), copied here as text.",
			"share_pct is NATO's published share of GDP (Table 3, share of real GDP, 2021 prices); it can differ from defence_musd / gdp_musd at current prices. Example: the Netherlands 2026 is published at 2.58%, while 32900 / 1436621 at current prices is 2.29%.",
			"aggregates: NATO's own rows NATO Europe and Canada (europe-canada) and NATO Total (nato), as published in Tables 2, 3, 5, 6 and 7. They count the allies of each year (Montenegro from 2017, North Macedonia from 2020, Finland from 2023, Sweden from 2024) and Iceland's GDP, and their share_pct is NATO's share of real GDP (constant 2021 prices): they are not the sums and ratios natospend computes from the allies' rows, which it shows beside them.",
			"2025 and 2026 are estimates.",
			"Iceland is not in these tables: it has no armed forces and NATO publishes no defence figure for it, and the export read has no row for it at all. NATO's GDP aggregates of this release count Iceland's GDP: natospend's group totals take it from the IMF (imf-weo-2025-10, 2021 on) and, before that, from NATO's June 2024 release (nato-2024-06, Table 5, 2014-2020), and name the source in their notes; NATO's later figure for Iceland, in these totals, is not given by the sources read.",
			"The Netherlands and Portugal have no 2026 personnel, infrastructure or other share in the export read (their 2026 equipment share is there): absent here (unknown, not zero).",
			fiscalYears,
		},
		FirstYear: 2014, LastYear: 2026, Countries: 31,
	},
	{
		File:       "nato-2025-08.yaml",
		Source:     natoCSV,
		Vintage:    "NATO-2025-08",
		ID:         "nato-2025-08",
		Series:     "defence",
		Title:      "Defence Expenditure of NATO Countries (2014-2025)",
		Publisher:  "NATO",
		Published:  "2025-08-28",
		Cutoff:     "2025-06-03",
		PriceBasis: "shares only: share_pct as published by NATO, computed from real (constant-price) figures; equipment_pct as a share of defence expenditure",
		Definition: "classic",
		Notes: []string{
			"Classic NATO definition of defence expenditure.",
			"Share of GDP and equipment share only: the USD and GDP tables of this release were not obtained, so defence_musd and gdp_musd are absent (unknown, not zero). Use another release for amounts.",
			"Germany 2025 is blank in this release: the 2025 budget had not been adopted by the cut-off (3 June 2025).",
			"Denmark's 2025 equipment share is blank in this release and is left out.",
			"2024 and 2025 are estimates.",
			"Iceland is not in these tables: it has no armed forces and NATO publishes no defence figure for it.",
			"Figures are revised between releases, sometimes a lot: Poland's 2024 share is 3.79% here and 4.12% in the June 2024 release.",
			fiscalYears,
			"Read from third-party copies of NATO's tables (via), not from NATO's file itself.",
		},
		FirstYear: 2014, LastYear: 2025, Countries: 31,
		Blank: []blankCell{{
			Code: "DEU", Year: 2025, Estimate: true,
			Note: "NATO left Germany's 2025 figures blank in this release: the 2025 budget had not been adopted by the cut-off (3 June 2025).",
		}},
		CellNotes: []cellNote{{
			Code: "DNK", Year: 2025,
			Note: "NATO left Denmark's 2025 equipment share blank in this release.",
		}},
	},
	{
		File:    "nato-2024-06.yaml",
		Source:  natoWorkbook,
		Vintage: "NATO-2024-06",
		URL:     "https://www.nato.int/content/dam/nato/legacy-wcm/media_pdf/2024/6/pdf/240617-def-exp-2024-en.pdf",
		// The copy with NATO's own file metadata (last saved by NATO on
		// 2024-06-17); the repository's next commit (4214f08) re-saved
		// it with identical values.
		Via:        "https://github.com/jacobvoss/geopolitical-dashboard/blob/4318b07168142bf24b3eef25dc7f463534820388/data/240617-def-exp-2024-TABLES-en.xlsx",
		ID:         "nato-2024-06",
		Series:     "defence",
		Title:      "Defence Expenditure of NATO Countries (2014-2024)",
		Publisher:  "NATO",
		Published:  "2024-06-17",
		Cutoff:     "2024-06-12",
		PriceBasis: "defence_musd and gdp_musd in million US dollars at current prices and exchange rates; share_pct as published by NATO, computed from real (constant-price) figures; *_const_* at constant 2015 prices and exchange rates; defence_ncu_m and defence_const_ncu_m in national currency (currencies)",
		Definition: "classic",
		Notes: []string{
			"Classic NATO definition of defence expenditure.",
			"share_pct is NATO's published share of GDP (Table 3), computed from real (constant-price) figures; it can differ from defence_musd / gdp_musd at current prices. Example: the Netherlands 2024 is published at 2.05%, while the current-price ratio is 1.85%; also Italy 2016-2017 and the United States 2019-2024 (up to 0.07 points).",
			"The figures come from NATO's workbook of the release, 240617-def-exp-2024-TABLES-en.xlsx (source_file, with its SHA-256), read in a copy that keeps NATO's own file metadata (via); url is NATO's press PDF of the release, which prints the same tables. No source read gives the workbook's own address on NATO's site.",
			"Amounts to 2 decimals and percentages to 4 decimals, rounded from NATO's workbook, which holds more digits; gdp_musd, defence_musd, share_pct and equipment_pct equal, cell for cell, those the project read earlier from the same workbook (a copy re-saved by a third party, identical in value).",
			"Iceland: GDP only. It has no armed forces and NATO publishes no defence figure for it.",
			"Luxembourg's GDP drops from 81969 (2022) to 57529 (2023e) million USD and its share doubles, probably a switch to GNI as the denominator; NATO does not say. Kept as published.",
			"2023 and 2024 are estimates.",
			fiscalYears,
		},
		FirstYear: 2014, LastYear: 2024, Countries: 32,
	},
	{
		File:       "imf-weo-2025-10.yaml",
		Source:     imfCSV,
		Vintage:    "IMF WEO October 2025",
		ID:         "imf-weo-2025-10",
		Series:     "gdp",
		Title:      "World Economic Outlook, October 2025",
		Publisher:  "IMF",
		Published:  "2025-10", // the sources give the month, not the day
		PriceBasis: "nominal GDP in million US dollars at current prices and exchange rates",
		Notes: []string{
			"The IMF publishes GDP in billions of US dollars; converted here to millions by moving the decimal point three places in the published text (no rounding, no arithmetic).",
			"Years after the IMF's last year of actual data for a country are projections (estimate: true). In this vintage the last actual year is 2024 for every country.",
			"NATO's GDP (from DG ECFIN and the OECD) differs from the IMF's: use NATO's GDP where a NATO release has it. natospend uses the IMF's growth rates, not its levels, to project GDP forward.",
		},
		FirstYear: 2021, LastYear: 2030, Countries: 32, LastActual: 2024,
	},
	{
		File:       "imf-weo-2025-10-population.yaml",
		Source:     popCSV,
		Vintage:    "IMF WEO October 2025",
		ID:         "imf-weo-2025-10-population",
		Series:     "population",
		Title:      "World Economic Outlook, October 2025 (population)",
		Publisher:  "IMF",
		Published:  "2025-10", // the sources give the month, not the day
		PriceBasis: "population in millions of people (no prices involved)",
		Notes: []string{
			"Population in millions of people, as the IMF publishes it (to 3 decimals), copied as text.",
			"The same vintage as the GDP of imf-weo-2025-10, so that figures per head divide the IMF's GDP by the IMF's population of one vintage.",
			"Years after the IMF's last year of actual data for a country are projections (estimate: true). In this vintage the last actual year is 2024 for every country but the United Kingdom (2023).",
			"natospend uses these figures for values per head only (million USD / million people = USD per person), never as GDP or defence figures. NATO's own figures per head (Table 6, defence_per_capita_const_usd and gdp_per_capita_const_kusd of its releases) divide by the population NATO uses (its tables do not print it), at constant prices: they differ from these.",
		},
		FirstYear: 2014, LastYear: 2030, Countries: 32, LastActual: 2024,
		LastActualExcept: map[string]int{"GBR": 2023},
	},
}

// cell is one country-year of a release, figures kept as text.
type cell struct {
	GDP, Defence, Share, Equipment string
	Population                     string // million people
	// More holds the figures of NATO's other tables, by cell key
	// (defence_ncu_m ...).
	More     map[string]string
	Estimate bool
	Note     string
}

// get returns the figure of a cell key as text, "" when absent.
func (c *cell) get(key string) string {
	switch key {
	case "gdp_musd":
		return c.GDP
	case "defence_musd":
		return c.Defence
	case "share_pct":
		return c.Share
	case "equipment_pct":
		return c.Equipment
	case "population_m":
		return c.Population
	}
	return c.More[key]
}

// set stores the figure of a cell key as text.
func (c *cell) set(key, v string) {
	switch key {
	case "gdp_musd":
		c.GDP = v
	case "defence_musd":
		c.Defence = v
	case "share_pct":
		c.Share = v
	case "equipment_pct":
		c.Equipment = v
	case "population_m":
		c.Population = v
	default:
		if c.More == nil {
			c.More = map[string]string{}
		}
		c.More[key] = v
	}
}

// table is what one release holds.
type table struct {
	URL, Via string
	Cells    map[string]map[int]*cell
	// Aggregates holds the publisher's aggregate rows, by group id.
	Aggregates map[string]map[int]*cell
	// Currencies names the currency of each country's figures in
	// national currency; CurrencyNote says how they were established.
	Currencies   map[string]string
	CurrencyNote string
	// LastActual holds each country's last_actual_year in an IMF vintage
	// (all rows of a country must give the same).
	LastActual map[string]int
}

// outFile is one generated file.
type outFile struct {
	Name string
	Data []byte
}

func main() {
	shared := flag.String("shared", "../shared/data", "folder of the shared reference tables (the CSV files)")
	out := flag.String("out", "data", "folder to write the release YAML files into")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "importshared: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	files, err := convert(*shared)
	if err != nil {
		fmt.Fprintln(os.Stderr, "importshared:", err)
		os.Exit(1)
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(*out, f.Name), f.Data); err != nil {
			fmt.Fprintln(os.Stderr, "importshared:", err)
			os.Exit(1)
		}
		fmt.Println("wrote", filepath.Join(*out, f.Name))
	}
}

// writeFile writes through a temporary file so that a failed run never
// leaves a half-written data file behind.
func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// convert reads the shared tables and renders every release file.
func convert(sharedDir string) ([]outFile, error) {
	var files []outFile
	for _, spec := range releases {
		path := filepath.Join(sharedDir, spec.Source)
		if spec.Source == natoWorkbook {
			data, err := importWorkbook(&spec, path)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", spec.File, err)
			}
			files = append(files, outFile{Name: spec.File, Data: data})
			continue
		}
		var t *table
		var err error
		switch spec.Source {
		case viaCSV:
			t, err = convertVia(sharedDir, &spec)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", spec.File, err)
			}
		case natoCSV:
			t, err = readNATO(path, spec.Vintage)
		case imfCSV:
			t, err = readIMF(path, spec.Vintage, imfGDP)
		case popCSV:
			t, err = readIMF(path, spec.Vintage, imfPopulation)
		default:
			err = fmt.Errorf("no reader for %s", spec.Source)
		}
		if err != nil {
			return nil, err
		}
		if err := apply(&spec, t); err != nil {
			return nil, fmt.Errorf("%s: %v", spec.File, err)
		}
		files = append(files, outFile{Name: spec.File, Data: render(&spec, t)})
	}
	aid, err := convertAid(sharedDir)
	if err != nil {
		return nil, err
	}
	return append(files, aid...), nil
}

// apply checks the table against the spec and adds the spec's explicit blank
// cells and cell notes.
func apply(spec *releaseSpec, t *table) error {
	if len(t.Cells) != spec.Countries {
		return fmt.Errorf("vintage %q has %d countries, expected %d", spec.Vintage, len(t.Cells), spec.Countries)
	}
	for code, years := range t.Cells {
		for y := range years {
			if y < spec.FirstYear || y > spec.LastYear {
				return fmt.Errorf("vintage %q: %s %d is outside %d-%d", spec.Vintage, code, y, spec.FirstYear, spec.LastYear)
			}
		}
	}
	if err := checkLastActual(spec, t); err != nil {
		return err
	}
	for _, b := range spec.Blank {
		if _, ok := t.Cells[b.Code][b.Year]; ok {
			return fmt.Errorf("%s %d is declared blank but the table now has a row for it", b.Code, b.Year)
		}
		if t.Cells[b.Code] == nil {
			return fmt.Errorf("%s %d is declared blank but the table has no %s at all", b.Code, b.Year, b.Code)
		}
		t.Cells[b.Code][b.Year] = &cell{Estimate: b.Estimate, Note: b.Note}
	}
	for _, n := range spec.CellNotes {
		c, ok := t.Cells[n.Code][n.Year]
		if !ok {
			return fmt.Errorf("note for %s %d: no such cell", n.Code, n.Year)
		}
		c.Note = n.Note
	}
	return nil
}

// checkLastActual checks that each country's last_actual_year is the one
// the spec (and so the release notes) gives it.
func checkLastActual(spec *releaseSpec, t *table) error {
	if spec.LastActual == 0 {
		return nil
	}
	codes := make([]string, 0, len(t.LastActual))
	for code := range t.LastActual {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		want, except := spec.LastActualExcept[code]
		if !except {
			want = spec.LastActual
		}
		if got := t.LastActual[code]; got != want {
			return fmt.Errorf("vintage %q: last_actual_year of %s is %d, expected %d (update the spec and its notes)", spec.Vintage, code, got, want)
		}
	}
	for code := range spec.LastActualExcept {
		if _, ok := t.LastActual[code]; !ok {
			return fmt.Errorf("vintage %q: no rows for %s, which the spec gives its own last_actual_year", spec.Vintage, code)
		}
	}
	return nil
}

var (
	codeRe = regexp.MustCompile(`^[A-Z]{3}$`)
	// A plain, non-negative decimal, as docs/data.md accepts it and without
	// leading zeros.
	decimalRe = regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]+)?$`)
)

// csvRows reads a CSV file with a header line and returns its rows as maps
// from column name to text, with the line number of each row.
func csvRows(path string, want []string) ([]map[string]string, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: reading header: %v", path, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	index := map[string]int{}
	for i, h := range header {
		index[h] = i
	}
	for _, w := range want {
		if _, ok := index[w]; !ok {
			return nil, nil, fmt.Errorf("%s: no column %q", path, w)
		}
	}
	var rows []map[string]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", path, err)
		}
		line, _ := r.FieldPos(0)
		m := map[string]string{}
		for _, w := range want {
			m[w] = rec[index[w]]
		}
		rows = append(rows, m)
		lines = append(lines, line)
	}
	return rows, lines, nil
}

// rowKey checks and returns a row's country code and year.
func rowKey(row map[string]string) (string, int, error) {
	code := row["iso3"]
	if !codeRe.MatchString(code) {
		return "", 0, fmt.Errorf("iso3 %q is not an upper-case ISO 3166-1 alpha-3 code", code)
	}
	year, err := strconv.Atoi(row["year"])
	if err != nil || year < 1949 || year > 2100 || strconv.Itoa(year) != row["year"] {
		return "", 0, fmt.Errorf("year %q is not a year from 1949 to 2100", row["year"])
	}
	return code, year, nil
}

// sameForAll records a column that must hold one value for a whole vintage.
func sameForAll(dst *string, col, v string) error {
	if v == "" {
		return fmt.Errorf("%s is empty", col)
	}
	if *dst == "" {
		*dst = v
	} else if *dst != v {
		return fmt.Errorf("%s %q differs from %q of earlier rows of the vintage", col, v, *dst)
	}
	return nil
}

func (t *table) add(code string, year int, c *cell) error {
	if t.Cells[code] == nil {
		t.Cells[code] = map[int]*cell{}
	}
	if _, dup := t.Cells[code][year]; dup {
		return fmt.Errorf("%s %d appears twice", code, year)
	}
	t.Cells[code][year] = c
	return nil
}

// readNATO reads the rows of one vintage of nato_defence_expenditure.csv.
func readNATO(path, vintage string) (*table, error) {
	cols := []string{"iso3", "country", "year", "gdp_musd", "defence_musd", "defence_pct_gdp",
		"equipment_pct", "population_thousands", "estimate", "source_url", "vintage", "via"}
	rows, lines, err := csvRows(path, cols)
	if err != nil {
		return nil, err
	}
	t := &table{Cells: map[string]map[int]*cell{}}
	for i, row := range rows {
		if row["vintage"] != vintage {
			continue
		}
		if err := natoRow(t, row); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, lines[i], err)
		}
	}
	if len(t.Cells) == 0 {
		return nil, fmt.Errorf("%s: no rows with vintage %q", path, vintage)
	}
	return t, nil
}

func natoRow(t *table, row map[string]string) error {
	code, year, err := rowKey(row)
	if err != nil {
		return err
	}
	if err := sameForAll(&t.URL, "source_url", row["source_url"]); err != nil {
		return err
	}
	if err := sameForAll(&t.Via, "via", row["via"]); err != nil {
		return err
	}
	if row["population_thousands"] != "" {
		// A defence release holds no population (population is a release
		// series of its own): refuse rather than drop it.
		return fmt.Errorf("population_thousands %q has no place in a defence release file", row["population_thousands"])
	}
	c := &cell{
		GDP:       row["gdp_musd"],
		Defence:   row["defence_musd"],
		Share:     row["defence_pct_gdp"],
		Equipment: row["equipment_pct"],
	}
	for _, f := range []struct{ col, v string }{
		{"gdp_musd", c.GDP}, {"defence_musd", c.Defence},
		{"defence_pct_gdp", c.Share}, {"equipment_pct", c.Equipment},
	} {
		if f.v != "" && !decimalRe.MatchString(f.v) {
			return fmt.Errorf("%s %q is not a plain non-negative decimal", f.col, f.v)
		}
	}
	if c.GDP == "" && c.Defence == "" && c.Share == "" && c.Equipment == "" {
		return fmt.Errorf("%s %d has no figure at all", code, year)
	}
	switch row["estimate"] {
	case "true":
		c.Estimate = true
	case "false":
	default:
		return fmt.Errorf("estimate %q is neither true nor false", row["estimate"])
	}
	return t.add(code, year, c)
}

// imfTable says which IMF table a reader reads: its value column.
type imfTable string

const (
	imfGDP        imfTable = "gdp_busd"            // imf_weo_gdp.csv, billion USD
	imfPopulation imfTable = "population_millions" // imf_weo_population.csv, million people
)

// readIMF reads the rows of one vintage of imf_weo_gdp.csv or
// imf_weo_population.csv (the same layout but for the value column).
func readIMF(path, vintage string, what imfTable) (*table, error) {
	cols := []string{"iso3", "year", string(what), "vintage", "source_url", "last_actual_year", "via"}
	rows, lines, err := csvRows(path, cols)
	if err != nil {
		return nil, err
	}
	t := &table{Cells: map[string]map[int]*cell{}}
	for i, row := range rows {
		if row["vintage"] != vintage {
			continue
		}
		if err := imfRow(t, row, what); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, lines[i], err)
		}
	}
	if len(t.Cells) == 0 {
		return nil, fmt.Errorf("%s: no rows with vintage %q", path, vintage)
	}
	return t, nil
}

func imfRow(t *table, row map[string]string, what imfTable) error {
	code, year, err := rowKey(row)
	if err != nil {
		return err
	}
	if err := sameForAll(&t.URL, "source_url", row["source_url"]); err != nil {
		return err
	}
	if err := sameForAll(&t.Via, "via", row["via"]); err != nil {
		return err
	}
	last, err := strconv.Atoi(row["last_actual_year"])
	if err != nil {
		return fmt.Errorf("last_actual_year %q is not a year", row["last_actual_year"])
	}
	if t.LastActual == nil {
		t.LastActual = map[string]int{}
	}
	if prev, ok := t.LastActual[code]; ok && prev != last {
		return fmt.Errorf("last_actual_year %d of %s differs from %d of its earlier rows", last, code, prev)
	}
	t.LastActual[code] = last
	v := row[string(what)]
	if v == "" {
		// Absent stays absent: a row without a figure is not written.
		return nil
	}
	c := &cell{Estimate: year > last}
	switch what {
	case imfGDP:
		if c.GDP, err = billionsToMillions(v); err != nil {
			return fmt.Errorf("gdp_busd: %v", err)
		}
	case imfPopulation:
		if c.Population, err = population(v); err != nil {
			return fmt.Errorf("population_millions: %v", err)
		}
	}
	return t.add(code, year, c)
}

// population checks a population in millions and returns it as written: a
// plain decimal greater than zero (no country has none; a zero is a gap in
// the table written as 0).
func population(s string) (string, error) {
	if !decimalRe.MatchString(s) {
		return "", fmt.Errorf("%q is not a plain non-negative decimal", s)
	}
	if strings.Trim(s, "0.") == "" {
		return "", fmt.Errorf("%q is zero (expected a population greater than zero)", s)
	}
	return s, nil
}

// billionsToMillions multiplies a plain decimal by 1000 by moving its decimal
// point three places to the right, in the text: "4358.147" -> "4358147",
// "18.086" -> "18086", "0.5" -> "500", "1.23456" -> "1234.56". The result is
// exact; no float is involved.
func billionsToMillions(s string) (string, error) {
	if !decimalRe.MatchString(s) {
		return "", fmt.Errorf("%q is not a plain non-negative decimal", s)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for len(frac) < 3 {
		frac += "0"
	}
	digits := strings.TrimLeft(intPart+frac[:3], "0")
	if digits == "" {
		digits = "0"
	}
	if rest := frac[3:]; rest != "" {
		return digits + "." + rest, nil
	}
	return digits, nil
}

// render writes one release file.
func render(spec *releaseSpec, t *table) []byte {
	var b bytes.Buffer
	if spec.Source == viaCSV {
		fmt.Fprintf(&b, "# Generated by scripts/importshared from shared/data/%s (every row),\n", spec.Source)
		fmt.Fprintf(&b, "# checked against the rows with vintage %q of %s and %s.\n", spec.Vintage, natoCSV, aggCSV)
	} else {
		fmt.Fprintf(&b, "# Generated by scripts/importshared from shared/data/%s,\n", spec.Source)
		fmt.Fprintf(&b, "# the rows with vintage %q.\n", spec.Vintage)
	}
	fmt.Fprintf(&b, "# DO NOT EDIT BY HAND: change the converter or the shared table and regenerate with\n")
	fmt.Fprintf(&b, "#   %s\n", regenerate)
	fmt.Fprintf(&b, "# Figures are copied as text from the table; a figure it leaves empty is absent here.\n")
	b.WriteString("kind: release\n")
	field(&b, "id", spec.ID)
	field(&b, "series", spec.Series)
	field(&b, "title", spec.Title)
	field(&b, "publisher", spec.Publisher)
	field(&b, "published", spec.Published)
	field(&b, "cutoff", spec.Cutoff)
	field(&b, "url", firstOf(t.URL, spec.URL))
	field(&b, "via", firstOf(t.Via, spec.Via))
	field(&b, "price_basis", spec.PriceBasis)
	field(&b, "definition", spec.Definition)
	if spec.ConstantYear != 0 {
		fmt.Fprintf(&b, "constant_year: %d\n", spec.ConstantYear)
	}
	if len(t.Currencies) > 0 {
		b.WriteString("currencies:\n")
		for _, code := range slices.Sorted(maps.Keys(t.Currencies)) {
			fmt.Fprintf(&b, "  %s: %s\n", code, t.Currencies[code])
		}
	}
	notes := spec.Notes
	if t.CurrencyNote != "" {
		notes = append(append([]string(nil), notes...), t.CurrencyNote)
	}
	if len(notes) > 0 {
		b.WriteString("notes:\n")
		for _, n := range notes {
			fmt.Fprintf(&b, "  - %s\n", quote(n))
		}
	}
	if len(t.Aggregates) > 0 {
		b.WriteString("aggregates:\n")
		cells(&b, t.Aggregates)
	}
	b.WriteString("figures:\n")
	cells(&b, t.Cells)
	return b.Bytes()
}

// cells writes cells by code (or group id), then year.
func cells(b *bytes.Buffer, m map[string]map[int]*cell) {
	for _, code := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(b, "  %s:\n", code)
		years := make([]int, 0, len(m[code]))
		for y := range m[code] {
			years = append(years, y)
		}
		sort.Ints(years)
		for _, y := range years {
			fmt.Fprintf(b, "    %d: {%s}\n", y, flow(m[code][y]))
		}
	}
}

// flow renders a cell as the inside of a YAML flow mapping, its keys in
// the order of the loader's cell keys.
func flow(c *cell) string {
	var parts []string
	for _, k := range dataset.CellKeyNames() {
		if v := c.get(k); v != "" {
			parts = append(parts, k+": "+v)
		}
	}
	if c.Estimate {
		parts = append(parts, "estimate: true")
	}
	if c.Note != "" {
		parts = append(parts, "note: "+quote(c.Note))
	}
	return strings.Join(parts, ", ")
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// field writes a top-level "key: value" line; an empty value is left out.
func field(b *bytes.Buffer, key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(b, "%s: %s\n", key, scalar(value))
}

// plainRe matches text that YAML reads back unchanged as a plain string in
// block context: it starts with a letter or digit and holds no character that
// could start a comment, a flow collection, an anchor or a quoted string.
var plainRe = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} ().,;:/%'+_=?&~-]*$`)

// scalar writes text plainly where that is safe and unambiguous, and double
// quoted otherwise. Dates (YYYY-MM-DD, YYYY-MM) stay plain on purpose.
func scalar(s string) string {
	if plainRe.MatchString(s) && !strings.Contains(s, ": ") && !strings.HasSuffix(s, ":") &&
		!strings.HasSuffix(s, " ") && !ambiguous(s) {
		return s
	}
	return quote(s)
}

var dateRe = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$`)

// ambiguous reports whether a plain scalar would be read as something other
// than a string (a number or a boolean); dates are meant to be plain.
func ambiguous(s string) bool {
	if dateRe.MatchString(s) {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
		return true
	}
	return unicode.IsDigit(rune(s[0]))
}

// quote writes text as a YAML double-quoted string.
func quote(s string) string {
	if !utf8.ValidString(s) {
		panic(errors.New("importshared: text is not UTF-8: " + strconv.Quote(s)))
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r):
			panic(errors.New("importshared: control character in text: " + strconv.Quote(s)))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
