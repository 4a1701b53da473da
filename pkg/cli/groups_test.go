package cli

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// codesOf runs a command with --format json and returns the codes of its
// rows, sorted.
func codesOf(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, errOut := runNoUserConfig(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
	}
	var doc struct {
		Rows []struct {
			Code string `json:"code"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	var codes []string
	for _, r := range doc.Rows {
		codes = append(codes, r.Code)
	}
	slices.Sort(codes)
	return codes
}

// TestGapGroupEUByYear: in gap, where only allies have figures, --group eu
// is the allies among the EU's members of the year. Hand-counted: in 2016
// the EU had 28 members (the United Kingdom among them); Austria, Cyprus,
// Ireland and Malta are not allies, nor were Finland (until 2023) and
// Sweden (until 2024): 22 countries. In 2024: the 27 members less the four
// that are not allies: 23, Finland and Sweden in, the United Kingdom out.
func TestGapGroupEUByYear(t *testing.T) {
	tests := []struct {
		year int
		want []string
	}{
		{2016, []string{"BEL", "BGR", "CZE", "DEU", "DNK", "ESP", "EST", "FRA", "GBR", "GRC", "HRV", "HUN",
			"ITA", "LTU", "LUX", "LVA", "NLD", "POL", "PRT", "ROU", "SVK", "SVN"}},
		{2023, []string{"BEL", "BGR", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN",
			"ITA", "LTU", "LUX", "LVA", "NLD", "POL", "PRT", "ROU", "SVK", "SVN"}},
		{2024, []string{"BEL", "BGR", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN",
			"ITA", "LTU", "LUX", "LVA", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"}},
	}
	for _, tt := range tests {
		got := codesOf(t, "gap", "--release", "nato-2024-06", "--year", strconv.Itoa(tt.year), "--group", "eu", "--target", "2")
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("gap --group eu --year %d: %d countries %v\nwant %d %v", tt.year, len(got), got, len(tt.want), tt.want)
		}
	}
	// A country named with --country stays, ally of the year or not.
	got := codesOf(t, "gap", "--release", "nato-2024-06", "--year", "2016", "--group", "eu", "--country", "FIN", "--target", "2")
	if !slices.Contains(got, "FIN") || len(got) != 23 {
		t.Errorf("gap --group eu --country FIN --year 2016: %v, want the 22 and Finland", got)
	}
}

// TestAidGroupEU: in aid, whose donors need not be allies, --group eu is the
// EU's member states in the year of the release's cut-off (Kiel release
// 28: 28 February 2026): all 27, Austria, Cyprus, Ireland and Malta
// included, the United Kingdom (out since 2020) not.
func TestAidGroupEU(t *testing.T) {
	got := codesOf(t, "aid", "--group", "eu")
	want := []string{"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN",
		"IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aid --group eu: %d donors %v\nwant %d %v", len(got), got, len(want), want)
	}
	// nato in 2026: all 32 allies, whether the tracker lists them or not.
	if got := codesOf(t, "aid", "--group", "nato"); len(got) != 32 || !slices.Contains(got, "SWE") || slices.Contains(got, "AUT") {
		t.Errorf("aid --group nato: %d donors %v, want the 32 allies", len(got), got)
	}
}
