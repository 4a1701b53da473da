package main

// Support to Ukraine: the Kiel Institute's per-donor allocations
// (kiel_ukraine_support.csv) become an aid file, the announced packages
// (aid_packages.csv) an aid-packages file. As for the releases, every
// figure is copied as text; nothing is converted, rounded or filled in.

import (
	"bytes"
	"fmt"
	"math/big"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Shared tables about support to Ukraine.
const (
	kielCSV     = "kiel_ukraine_support.csv"
	packagesCSV = "aid_packages.csv"
)

// aidSpec describes the aid file: the provenance the table does not carry,
// and what the table must hold.
type aidSpec struct {
	File        string
	ID          string
	Title       string
	Publisher   string
	Published   string
	PeriodStart string
	Cutoff      string // must equal every row's as_of
	Release     string // must equal every row's release column
	Measure     string
	GDPYear     int
	Notes       []string
	Donors      int
	// Institutions maps the donor name of a row without an ISO code to the
	// code countries.yaml gives it (from ISO 3166-1's user-assigned range).
	Institutions map[string]string
}

var kielSpec = aidSpec{
	File:        "kiel-ust-28.yaml",
	ID:          "kiel-ust-28",
	Title:       "Ukraine Support Tracker, release 28",
	Publisher:   "Kiel Institute for the World Economy",
	Published:   "2026-04-22", // the date of the file of release 28 that was read
	PeriodStart: "2022-01-24",
	Cutoff:      "2026-02-28",
	Release:     "Kiel Ukraine Support Tracker Release 28 (file dated 2026-04-22)",
	Measure:     "bilateral allocations, cumulative, million EUR",
	GDPYear:     2021,
	Notes: []string{
		"Bilateral allocations to Ukraine, cumulative from 24 January 2022 to the cut-off (28 February 2026), in million euros: military, financial, humanitarian and their total.",
		"published is the date of the data file of release 28 that was read (2026-04-22).",
		"gdp_beur is the donor's 2021 GDP in billion euros, as Kiel gives it. The shared table's pct_donor_gdp is not copied: it was computed in the copy read (total allocations / 2021 GDP), not printed by Kiel; natospend computes total_meur / (gdp_beur x 1000) x 100 itself.",
		"EU (Commission and Council) is a donor that is not a country and has no ISO 3166 code: it is listed as XEU, a code from ISO 3166-1's user-assigned range, flagged as an institution in countries.yaml. Member states' rows exclude their share of EU aid.",
		"total_meur can differ from the sum of the three parts by 0.001 (rounding in the source).",
		"total_commitment_meur is the shared table's total_commitment_meur, copied as it is; natospend does not use it.",
		"Military aid is shown for context beside defence spending, never added to it: NATO's defence figures already include what each ally reports, so adding it would count it twice.",
	},
	Donors:       42,
	Institutions: map[string]string{"EU (Commission and Council)": "XEU"},
}

// packagesSpec describes the aid-packages file.
var packagesSpec = struct {
	File, ID, Title string
	Notes           []string
	Packages        int
}{
	File:  "aid-packages.yaml",
	ID:    "aid-packages-2025",
	Title: "Aid packages to Ukraine announced in February and March 2025 (Finland, Poland, Spain, Japan), from news reports of government statements",
	Notes: []string{
		"Amounts are in millions of the currency announced (Japan's JPY 8.8 billion is amount_m 8800, currency JPY). amount_usd_m is given only where a source printed a USD figure: natospend never converts.",
		"Finland's \"$691 million\" and Poland's \"$207 million\" of a March 2025 article are conversions of EUR 660 million and EUR 200 million that no source read prints: they are left out.",
		"Japan's JPY 8.8 billion grant funds demining, energy, water supply, public health and education, not energy alone.",
		"Packages can overlap (reports of Finland's 28th package refer to its EUR 660 million programme) and are in different currencies: natospend does not add them up.",
		"url is the report read; quote what it says, for the reader to check.",
	},
	Packages: 5,
}

var currencyRe = regexp.MustCompile(`^([A-Z]{3}) million$`)

// kielDonor is one row of the Kiel table, figures as text.
type kielDonor struct {
	Military, Financial, Humanitarian, Total, Commitment, GDP string
	Note                                                      string
}

// convertAid renders the aid and aid-packages files.
func convertAid(sharedDir string) ([]outFile, error) {
	kiel, err := renderKiel(filepath.Join(sharedDir, kielCSV), &kielSpec)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", kielSpec.File, err)
	}
	pk, err := renderPackages(filepath.Join(sharedDir, packagesCSV))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", packagesSpec.File, err)
	}
	return []outFile{{Name: kielSpec.File, Data: kiel}, {Name: packagesSpec.File, Data: pk}}, nil
}

func renderKiel(path string, spec *aidSpec) ([]byte, error) {
	cols := []string{"donor", "iso3", "military_meur", "financial_meur", "humanitarian_meur", "total_meur",
		"pct_donor_gdp", "as_of", "source_url", "via", "release", "total_commitment_meur", "gdp2021_beur", "note"}
	rows, lines, err := csvRows(path, cols)
	if err != nil {
		return nil, err
	}
	var url, via, release, asOf, tableNote string
	donors := map[string]*kielDonor{}
	for i, row := range rows {
		d, code, err := kielRow(row, spec, &url, &via, &release, &asOf, &tableNote)
		if err == nil {
			if _, dup := donors[code]; dup {
				err = fmt.Errorf("donor %s appears twice", code)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, lines[i], err)
		}
		donors[code] = d
	}
	if len(donors) != spec.Donors {
		return nil, fmt.Errorf("%s has %d donors, expected %d", path, len(donors), spec.Donors)
	}
	if asOf != spec.Cutoff || release != spec.Release {
		return nil, fmt.Errorf("%s: as_of %q and release %q, expected %q and %q", path, asOf, release, spec.Cutoff, spec.Release)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# Generated by scripts/importshared from shared/data/%s.\n", kielCSV)
	fmt.Fprintf(&b, "# DO NOT EDIT BY HAND: change the converter or the shared table and regenerate with\n")
	fmt.Fprintf(&b, "#   %s\n", regenerate)
	fmt.Fprintf(&b, "# Figures are copied as text from the table; pct_donor_gdp is not copied (natospend\n")
	fmt.Fprintf(&b, "# computes it from total_meur and gdp_beur).\n")
	b.WriteString("kind: aid\n")
	field(&b, "id", spec.ID)
	field(&b, "title", spec.Title)
	field(&b, "publisher", spec.Publisher)
	field(&b, "published", spec.Published)
	field(&b, "period_start", spec.PeriodStart)
	field(&b, "cutoff", spec.Cutoff)
	field(&b, "url", url)
	field(&b, "via", via)
	field(&b, "measure", spec.Measure)
	fmt.Fprintf(&b, "gdp_year: %d\n", spec.GDPYear)
	b.WriteString("notes:\n")
	for _, n := range append(append([]string{}, spec.Notes...), "The shared table's note: "+tableNote) {
		fmt.Fprintf(&b, "  - %s\n", quote(n))
	}
	b.WriteString("donors:\n")
	codes := make([]string, 0, len(donors))
	for code := range donors {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		d := donors[code]
		parts := []string{}
		for _, kv := range []struct{ k, v string }{
			{"military_meur", d.Military}, {"financial_meur", d.Financial}, {"humanitarian_meur", d.Humanitarian},
			{"total_meur", d.Total}, {"total_commitment_meur", d.Commitment}, {"gdp_beur", d.GDP},
		} {
			if kv.v != "" {
				parts = append(parts, kv.k+": "+kv.v)
			}
		}
		if d.Note != "" {
			parts = append(parts, "note: "+quote(d.Note))
		}
		fmt.Fprintf(&b, "  %s: {%s}\n", code, strings.Join(parts, ", "))
	}
	return b.Bytes(), nil
}

func kielRow(row map[string]string, spec *aidSpec, url, via, release, asOf, note *string) (*kielDonor, string, error) {
	code := row["iso3"]
	d := &kielDonor{
		Military: row["military_meur"], Financial: row["financial_meur"], Humanitarian: row["humanitarian_meur"],
		Total: row["total_meur"], Commitment: row["total_commitment_meur"], GDP: row["gdp2021_beur"],
	}
	if code == "" {
		c, ok := spec.Institutions[row["donor"]]
		if !ok {
			return nil, "", fmt.Errorf("donor %q has no iso3 and is not a known institution", row["donor"])
		}
		code = c
		d.Note = "Kiel's row " + row["donor"] + ", which has no ISO 3166 code."
	} else if !codeRe.MatchString(code) {
		return nil, "", fmt.Errorf("iso3 %q is not an upper-case ISO 3166-1 alpha-3 code", code)
	}
	for _, c := range []struct {
		dst *string
		col string
	}{
		{url, "source_url"}, {via, "via"}, {release, "release"}, {asOf, "as_of"}, {note, "note"},
	} {
		if err := sameForAll(c.dst, c.col, row[c.col]); err != nil {
			return nil, "", err
		}
	}
	for _, f := range []struct{ col, v string }{
		{"military_meur", d.Military}, {"financial_meur", d.Financial}, {"humanitarian_meur", d.Humanitarian},
		{"total_meur", d.Total}, {"total_commitment_meur", d.Commitment}, {"gdp2021_beur", d.GDP},
		{"pct_donor_gdp", row["pct_donor_gdp"]},
	} {
		if f.v == "" || !decimalRe.MatchString(f.v) {
			return nil, "", fmt.Errorf("%s %q is not a plain non-negative decimal", f.col, f.v)
		}
	}
	// pct_donor_gdp is not copied, but it must be what total_meur and
	// gdp2021_beur give, rounded as the table writes it; otherwise one of
	// the copied figures is not the one the table's author used.
	if err := checkPct(d.Total, d.GDP, row["pct_donor_gdp"]); err != nil {
		return nil, "", err
	}
	return d, code, nil
}

// checkPct checks that pct (a decimal with n decimals) is total / (gdp x
// 1000) x 100 rounded to n decimals, in exact rational arithmetic.
func checkPct(total, gdp, pct string) error {
	t, _ := new(big.Rat).SetString(total)
	g, _ := new(big.Rat).SetString(gdp)
	p, _ := new(big.Rat).SetString(pct)
	if g.Sign() == 0 {
		return fmt.Errorf("gdp2021_beur is 0")
	}
	want := new(big.Rat).Quo(t, g)
	want.Quo(want, big.NewRat(10, 1)) // / 1000 x 100
	decimals := 0
	if i := strings.IndexByte(pct, '.'); i >= 0 {
		decimals = len(pct) - i - 1
	}
	half := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(big.NewInt(2), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
	diff := new(big.Rat).Sub(want, p)
	if diff.Abs(diff).Cmp(half) > 0 {
		return fmt.Errorf("pct_donor_gdp %s is not total_meur / (gdp2021_beur x 1000) x 100 = %s", pct, want.FloatString(decimals+2))
	}
	return nil
}

func renderPackages(path string) ([]byte, error) {
	cols := []string{"donor", "iso3", "date_announced", "amount", "currency", "amount_usd_m", "purpose", "source_url", "quote"}
	rows, lines, err := csvRows(path, cols)
	if err != nil {
		return nil, err
	}
	if len(rows) != packagesSpec.Packages {
		return nil, fmt.Errorf("%s has %d packages, expected %d", path, len(rows), packagesSpec.Packages)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Generated by scripts/importshared from shared/data/%s.\n", packagesCSV)
	fmt.Fprintf(&b, "# DO NOT EDIT BY HAND: change the converter or the shared table and regenerate with\n")
	fmt.Fprintf(&b, "#   %s\n", regenerate)
	fmt.Fprintf(&b, "# Figures and texts are copied from the table; a USD figure it leaves empty is absent here.\n")
	b.WriteString("kind: aid-packages\n")
	field(&b, "id", packagesSpec.ID)
	field(&b, "title", packagesSpec.Title)
	b.WriteString("notes:\n")
	for _, n := range packagesSpec.Notes {
		fmt.Fprintf(&b, "  - %s\n", quote(n))
	}
	b.WriteString("packages:\n")
	for i, row := range rows {
		if err := packageRow(&b, row); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, lines[i], err)
		}
	}
	return b.Bytes(), nil
}

func packageRow(b *bytes.Buffer, row map[string]string) error {
	if !codeRe.MatchString(row["iso3"]) {
		return fmt.Errorf("iso3 %q is not an upper-case ISO 3166-1 alpha-3 code", row["iso3"])
	}
	if !dateRe.MatchString(row["date_announced"]) || len(row["date_announced"]) != 10 {
		return fmt.Errorf("date_announced %q is not YYYY-MM-DD", row["date_announced"])
	}
	m := currencyRe.FindStringSubmatch(row["currency"])
	if m == nil {
		return fmt.Errorf("currency %q is not \"XXX million\" (an ISO 4217 code and million)", row["currency"])
	}
	for _, f := range []struct{ col, v string }{{"amount", row["amount"]}, {"amount_usd_m", row["amount_usd_m"]}} {
		if f.v != "" && !decimalRe.MatchString(f.v) {
			return fmt.Errorf("%s %q is not a plain non-negative decimal", f.col, f.v)
		}
	}
	if row["amount"] == "" || row["purpose"] == "" || row["source_url"] == "" {
		return fmt.Errorf("amount, purpose and source_url are required")
	}
	fmt.Fprintf(b, "  - donor: %s\n", row["iso3"])
	fmt.Fprintf(b, "    date: %s\n", row["date_announced"])
	fmt.Fprintf(b, "    amount_m: %s\n", row["amount"])
	fmt.Fprintf(b, "    currency: %s\n", m[1])
	if row["amount_usd_m"] != "" {
		fmt.Fprintf(b, "    amount_usd_m: %s\n", row["amount_usd_m"])
	}
	fmt.Fprintf(b, "    purpose: %s\n", scalar(row["purpose"]))
	fmt.Fprintf(b, "    url: %s\n", scalar(row["source_url"]))
	if row["quote"] != "" {
		fmt.Fprintf(b, "    quote: %s\n", quote(row["quote"]))
	}
	return nil
}
