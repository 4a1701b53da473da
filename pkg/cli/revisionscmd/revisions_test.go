package revisionscmd_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/natospend/natospend/internal/clitest"
)

// run runs natospend in process; width > 0 makes stdout a terminal that wide.
func run(t *testing.T, width int, args ...string) (int, string, string) {
	t.Helper()
	return clitest.Run(t, width, nil, args...)
}

func csvRows(t *testing.T, s string) []map[string]string {
	t.Helper()
	return clitest.CSVRows(t, s)
}

type doc struct {
	SchemaVersion     int              `json:"schema_version"`
	From              string           `json:"from"`
	To                string           `json:"to"`
	FromDefinition    string           `json:"from_definition"`
	ToDefinition      string           `json:"to_definition"`
	DefinitionChanged bool             `json:"definition_changed"`
	Backwards         bool             `json:"backwards"`
	Compared          int              `json:"compared"`
	Unchanged         int              `json:"unchanged"`
	Revised           int              `json:"revised"`
	Rounding          int              `json:"rounding"`
	FromDecimals      map[string]int   `json:"from_decimals"`
	ToDecimals        map[string]int   `json:"to_decimals"`
	DefinitionFigure  *string          `json:"definition_figure"`
	DefinitionYears   []map[string]int `json:"definition_years"`
	NotCompared       []string         `json:"not_compared"`
	Rows              []map[string]any `json:"rows"`
	Notes             []string         `json:"notes"`
	FromSource        map[string]any   `json:"from_source"`
	ToSource          map[string]any   `json:"to_source"`
}

func jsonDoc(t *testing.T, args ...string) doc {
	t.Helper()
	code, out, errOut := run(t, 0, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var d doc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// Poland's 2024 share of GDP in three releases, as data/*.yaml write it:
// 4.1202 (June 2024), 3.7890 (August 2025), 3.75 (July 2026, the core
// definition).
func TestPoland2024(t *testing.T) {
	// June 2024 -> August 2025: 3.7890 - 4.1202 = -0.3312 pts, -0.3312 /
	// 4.1202 = -8.038445 %; the same classic definition; August 2025 has
	// no USD or GDP figures, so those are not compared.
	code, out, errOut := run(t, 0, "revisions", "--from", "nato-2024-06", "--to", "nato-2025-08", "--country", "POL", "--year", "2024", "--figure", "share", "--format", "csv")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := csvRows(t, out)
	want := map[string]string{"code": "POL", "name": "Poland", "year": "2024", "figure": "share_pct", "kind": "revised",
		"old": "4.1202", "new": "3.789", "change": "-0.3312", "change_pct": "-8.038445", "old_estimate": "true", "new_estimate": "true"}
	if len(rows) != 1 || !equal(rows[0], want) {
		t.Fatalf("rows %v, want %v", rows, want)
	}
	d := jsonDoc(t, "revisions", "--from", "nato-2024-06", "--to", "nato-2025-08", "--country", "POL", "--year", "2024", "--figure", "share")
	if d.DefinitionChanged || d.FromDefinition != "classic" || d.ToDefinition != "classic" || strings.Join(d.NotCompared, ",") != "" {
		t.Errorf("June 2024 -> August 2025, share only: %+v", d)
	}
	d = jsonDoc(t, "revisions", "--from", "nato-2024-06", "--to", "nato-2025-08", "--country", "POL", "--year", "2024")
	if strings.Join(d.NotCompared, ",") != "defence_musd,gdp_musd" || !hasNote(d.Notes, "Not compared: defence in USD (defence_musd): release nato-2025-08 publishes none.") {
		t.Errorf("not compared %v, notes %v", d.NotCompared, d.Notes)
	}
	// Equipment 51.1276 -> 42.9021 is -16.09 %: a larger change, first.
	if len(d.Rows) != 2 || d.Rows[0]["figure"] != "equipment_pct" || d.Rows[1]["figure"] != "share_pct" {
		t.Errorf("rows %v", d.Rows)
	}

	// August 2025 -> July 2026, the defaults of --from and --to: 3.75 -
	// 3.7890 = -0.039 pts, -0.039 / 3.789 = -1.029295 %; classic -> core
	// is flagged.
	d = jsonDoc(t, "revisions", "--country", "Poland", "--year", "2024", "--figure", "share_pct")
	if d.SchemaVersion != 1 || d.From != "nato-2025-08" || d.To != "nato-2026-07" || !d.DefinitionChanged || d.Backwards ||
		d.Compared != 1 || d.Unchanged != 0 || d.FromSource["id"] != "nato-2025-08" || d.ToSource["id"] != "nato-2026-07" {
		t.Fatalf("defaults: %+v", d)
	}
	r := d.Rows[0]
	if len(d.Rows) != 1 || r["old"] != 3.789 || r["new"] != 3.75 || r["change"] != -0.039 || r["change_pct"] != -1.029295 || r["old_estimate"] != true || r["new_estimate"] != false {
		t.Errorf("row %v", r)
	}
	// Poland's 2024 share differs (0.039 > 0.005): 0 of 1.
	if !hasNote(d.Notes, "Definitions differ: nato-2025-08 counts defence on NATO's classic definition, nato-2026-07 on the core definition. Countries whose share of GDP is the same in both (at the coarser precision), by year: 2024 0 of 1. Where it is the same, the new definition changed nothing visible; where it differs, a change may be the new definition, a revision, or both: the releases do not separate them.") {
		t.Errorf("no definition note in %v", d.Notes)
	}
	// August 2025 has no amounts: a note points to the classic release
	// that has them.
	if !hasNote(d.Notes, "Release nato-2025-08 publishes no defence in USD: to see what the core definition changed in the amounts (the share of GDP also moves with revisions of GDP), compare with --from nato-2024-06.") {
		t.Errorf("no hint to compare amounts in %v", d.Notes)
	}

	// The table: the same figures, estimates marked, both sources cited.
	code, out, _ = run(t, 0, "revisions", "--country", "POL", "--year", "2024", "--figure", "share")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{
		"Revisions from release nato-2025-08 (classic definition) to nato-2026-07 (core definition): 1 figure revised, 0 differ only by rounding\n",
		"| POL  | Poland  | 2024 | share % | 3.7890e | 3.7500 | -0.0390 |    -1.03 |\n",
		"1 figure published in both releases: 0 unchanged, 1 revised, 0 differ only by rounding; 0 only in nato-2026-07 (added), 0 only in nato-2025-08 (dropped).\n",
		"Precision: nato-2025-08 writes share of GDP and equipment share to 4 decimals (%); nato-2026-07 writes share of GDP and equipment share to 2 decimals (%). A difference within half a unit of the coarser of the two last decimals is rounding, not a revision.\n",
		"Definitions differ:",
		"Source (--from): NATO, Defence Expenditure of NATO Countries (2014-2025) (nato-2025-08)",
		"Source (--to): NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func hasNote(notes []string, want string) bool {
	for _, n := range notes {
		if n == want {
			return true
		}
	}
	return false
}

// Money is in million USD in CSV and JSON, billions in the table; figures
// in one release only are added or dropped, listed last, and
// --revised-only leaves them out.
func TestMoneyAddedDropped(t *testing.T) {
	// Germany 2024 defence: 97,685.59 (June 2024, estimate) -> 93,747
	// (July 2026): -3,938.59, -3938.59 / 97685.59 = -4.031905 %.
	code, out, _ := run(t, 0, "revisions", "--from", "nato-2024-06", "--country", "DEU", "--year", "2024", "--figure", "defence", "--format", "tsv")
	if code != 0 {
		t.Fatal(code)
	}
	if want := "DEU\tGermany\t2024\tdefence_musd\trevised\t97685.59\t93747\t-3938.59\t-4.031905\ttrue\tfalse\n"; !strings.HasSuffix(out, want) {
		t.Errorf("tsv:\n%s\nwant the row %q", out, want)
	}
	code, out, _ = run(t, 0, "revisions", "--from", "nato-2024-06", "--country", "DEU", "--year", "2024", "--figure", "defence")
	if code != 0 || !strings.Contains(out, "| DEU  | Germany | 2024 | defence $bn | 97.6856e | 93.7470 | -3.9386 |    -4.03 |\n") {
		t.Errorf("table:\n%s", out)
	}

	// Denmark 2025 equipment: blank in August 2025, 37.15 in July 2026.
	d := jsonDoc(t, "revisions", "--country", "DNK", "--year", "2025", "--figure", "equipment")
	if len(d.Rows) != 1 || d.Rows[0]["kind"] != "added" || d.Rows[0]["old"] != nil || d.Rows[0]["new"] != 37.15 || d.Rows[0]["change"] != nil || d.Compared != 0 {
		t.Errorf("Denmark 2025: %+v", d)
	}
	if d = jsonDoc(t, "revisions", "--country", "DNK", "--year", "2025", "--figure", "equipment", "--revised-only"); len(d.Rows) != 0 {
		t.Errorf("--revised-only: %v", d.Rows)
	}
	// Poland's shares June 2024 -> July 2026: 2014-2024 in both (11): 10
	// revised, 2023 (3.2602 -> 3.26) only by rounding, not listed; 2025
	// and 2026 added, last.
	d = jsonDoc(t, "revisions", "--from", "nato-2024-06", "--to", "nato-2026-07", "--country", "POL", "--figure", "share")
	if len(d.Rows) != 12 || d.Compared != 11 || d.Revised != 10 || d.Rounding != 1 || d.Rows[10]["kind"] != "added" || d.Rows[11]["year"] != float64(2026) || d.Rows[0]["year"] != float64(2024) {
		t.Errorf("Poland shares: compared %d, revised %d, rounding %d, %d rows", d.Compared, d.Revised, d.Rounding, len(d.Rows))
	}
	// Backwards: Old is the newer figure, and the notes say so.
	d = jsonDoc(t, "revisions", "--from", "nato-2026-07", "--to", "nato-2024-06", "--country", "ISL", "--year", "2024")
	if !d.Backwards || len(d.Rows) != 1 || d.Rows[0]["kind"] != "added" || d.Rows[0]["new"] != 32894.49 ||
		!hasNote(d.Notes, "--from nato-2026-07 was published after --to nato-2024-06: Old is the newer figure.") {
		t.Errorf("backwards: %+v", d)
	}
	// Everything excluded: no rows, not every country.
	if d = jsonDoc(t, "revisions", "--country", "DEU", "--exclude", "Germany"); len(d.Rows) != 0 || d.Compared != 0 {
		t.Errorf("all excluded: %d rows, %d compared", len(d.Rows), d.Compared)
	}
}

func TestEveryFormat(t *testing.T) {
	args := []string{"revisions", "--from", "nato-2024-06", "--to", "nato-2025-08", "--country", "POL", "--year", "2024"}
	for _, c := range []struct {
		format, want string
	}{
		{"table", "| POL  | Poland  | 2024 | share %     |  4.1202e |  3.7890e | -0.3312 |    -8.04 |"},
		{"markdown", "| POL  | Poland  | 2024 | share %     |  4.1202e |  3.7890e | -0.3312 |    -8.04 |"},
		{"csv", "POL,Poland,2024,share_pct,revised,4.1202,3.789,-0.3312,-8.038445,true,true"},
		{"tsv", "POL\tPoland\t2024\tshare_pct\trevised\t4.1202\t3.789\t-0.3312\t-8.038445\ttrue\ttrue"},
		{"json", `"change_pct": -8.038445,`},
	} {
		code, out, errOut := run(t, 0, append(args, "--format", c.format)...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%s: exit %d, %s\n%s\nwant %q", c.format, code, errOut, out, c.want)
		}
	}
}

// The table fits an 80-column terminal.
func TestFitsTheTerminal(t *testing.T) {
	for _, args := range [][]string{
		{"revisions"},
		{"revisions", "--from", "nato-2024-06", "--country", "USA,UK", "--year", "2024"},
	} {
		code, out, errOut := run(t, 80, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, l := range strings.Split(out, "\n") {
			if w := runewidth.StringWidth(l); w > 80 {
				t.Errorf("%v: a line is %d wide: %q", args, w, l)
			}
		}
		if !strings.Contains(out, "Source (--to): NATO") {
			t.Errorf("%v: no source line:\n%s", args, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"revisions", "--from", "nato-2026-07"}, "natospend: --from and --to are both nato-2026-07: name two different releases\n"},
		{[]string{"revisions", "--to", "nato-2024-06"}, "natospend: --from: no defence release was published before nato-2024-06 (2024-06-17): name one with --from\n"},
		{[]string{"revisions", "--from", "nato-2025"}, `natospend: --from: unknown release "nato-2025": did you mean nato-2025-08?` + "\n"},
		{[]string{"revisions", "--to", "imf-weo-2025-10"}, "natospend: --to imf-weo-2025-10 is not a defence release (expected one of: nato-2026-07, nato-2025-08, nato-2024-06)\n"},
		{[]string{"revisions", "--figure", "usd"}, `natospend: --figure "usd" is not a figure (expected one of: all, share, defence, gdp, equipment)` + "\n"},
		{[]string{"revisions", "--year", "2030"}, "natospend: --year 2030: neither nato-2025-08 (2014-2025) nor nato-2026-07 (2014-2026) has figures for it\n"},
		{[]string{"revisions", "--year", "2026-2024"}, `natospend: --year: "2026-2024" is not a range of years: 2026 is after 2024 (write 2024-2026)` + "\n"},
	} {
		code, out, errOut := run(t, 0, c.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

// Luxembourg's 2015 share: 0.4145 in nato-2025-08 (4 decimals), 0.41 in
// nato-2026-07 (2 decimals): 0.0045 is within half a unit of the second
// decimal, rounding, not a revision; counted, and listed only with
// --include-rounding, marked r in the table.
func TestRounding(t *testing.T) {
	d := jsonDoc(t, "revisions", "--country", "LUX", "--year", "2015", "--figure", "share")
	if len(d.Rows) != 0 || d.Compared != 1 || d.Revised != 0 || d.Rounding != 1 ||
		d.FromDecimals["share_pct"] != 4 || d.ToDecimals["share_pct"] != 2 {
		t.Errorf("Luxembourg 2015: %+v", d)
	}
	if !hasNote(d.Notes, "1 figure published in both releases: 0 unchanged, 0 revised, 1 differs only by rounding (not listed: --include-rounding lists them); 0 only in nato-2026-07 (added), 0 only in nato-2025-08 (dropped).") {
		t.Errorf("notes %v", d.Notes)
	}
	d = jsonDoc(t, "revisions", "--country", "LUX", "--year", "2015", "--figure", "share", "--include-rounding")
	if len(d.Rows) != 1 || d.Rows[0]["kind"] != "rounding" || d.Rows[0]["old"] != 0.4145 || d.Rows[0]["new"] != 0.41 || d.Rounding != 1 {
		t.Errorf("--include-rounding: %+v", d)
	}
	code, out, _ := run(t, 0, "revisions", "--country", "LUX", "--year", "2015", "--figure", "share", "--include-rounding")
	for _, want := range []string{
		": 0 figures revised, 1 differs only by rounding\n",
		"| LUX  | Luxembourg | 2015 | share % | 0.4145 | 0.4100 | -0.0045r |    -1.09 |\n",
		"; r: differs only by rounding.\n",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	// Every figure, August 2025 -> July 2026 (the defaults): 734 differ,
	// 522 only by rounding, 212 revised (counted in pkg/calc's
	// TestRevisionsRounding); only added ones are listed beside them.
	d = jsonDoc(t, "revisions")
	if d.Revised != 212 || d.Rounding != 522 || len(d.Rows) != 212+65 {
		t.Errorf("defaults: revised %d, rounding %d, %d rows", d.Revised, d.Rounding, len(d.Rows))
	}
	for _, r := range d.Rows {
		if r["kind"] == "rounding" {
			t.Fatalf("a rounding row without --include-rounding: %v", r)
		}
	}
}

// The definition note counts, year by year, the allies whose defence in
// USD is the same in June 2024 (classic) and July 2026 (core): 27-30 of
// 31 for 2014-2022 (issue 19), 13 in 2023, 1 in 2024.
func TestDefinitionNote(t *testing.T) {
	d := jsonDoc(t, "revisions", "--from", "nato-2024-06", "--figure", "defence")
	if d.DefinitionFigure == nil || *d.DefinitionFigure != "defence_musd" || len(d.DefinitionYears) != 11 {
		t.Fatalf("definition %v %v", d.DefinitionFigure, d.DefinitionYears)
	}
	for i, want := range []int{27, 28, 29, 27, 28, 28, 30, 29, 30, 13, 1} {
		if y := d.DefinitionYears[i]; y["year"] != 2014+i || y["equal"] != want || y["compared"] != 31 {
			t.Errorf("definition year %v, want %d: %d of 31", y, 2014+i, want)
		}
	}
	want := "Definitions differ: nato-2024-06 counts defence on NATO's classic definition, nato-2026-07 on the core definition. Countries whose defence in USD is the same in both (at the coarser precision), by year: 2014 27 of 31, 2015 28 of 31, 2016 29 of 31, 2017 27 of 31, 2018 28 of 31, 2019 28 of 31, 2020 30 of 31, 2021 29 of 31, 2022 30 of 31, 2023 13 of 31, 2024 1 of 31."
	found := false
	for _, n := range d.Notes {
		found = found || strings.HasPrefix(n, want)
	}
	if !found {
		t.Errorf("notes %v lack %q", d.Notes, want)
	}
	for _, n := range d.Notes {
		if strings.HasPrefix(n, "Release nato-2024-06 publishes no defence") {
			t.Errorf("a hint to compare amounts when they are compared: %q", n)
		}
	}
	// The same definition: no note, no counts.
	d = jsonDoc(t, "revisions", "--from", "nato-2024-06", "--to", "nato-2025-08")
	if d.DefinitionFigure != nil || len(d.DefinitionYears) != 0 {
		t.Errorf("classic -> classic: %v %v", d.DefinitionFigure, d.DefinitionYears)
	}
	for _, n := range d.Notes {
		if strings.HasPrefix(n, "Definitions differ") {
			t.Errorf("classic -> classic: %q", n)
		}
	}
}
