package cli

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// The field lists below are spelled out by hand, on purpose not shared with
// the code: renaming or removing a field must fail this test. Fields are
// only ever added, at the end (and then added here and in docs/json.md).

var gapRowFields = []string{
	"code", "name", "year", "release", "estimate", "gdp_musd", "gdp_source",
	"defence_musd", "share_pct", "target_pct", "required_musd", "gap_musd", "status",
	"target", "part", "approximate", "gap_min_musd", "gap_max_musd",
	"defence_published_musd", "year_is_earlier", "base_year", "deadline", "years_left",
	"gdp_deadline_musd", "gdp_deadline_source", "required_deadline_musd", "increase_musd",
	"annual_growth_pct", "trend", "trend_share_pct", "measure", "equipment_pct", "equipment_musd",
	// schema 2: defence_musd is the published figure; share x GDP has its own name
	"defence_at_share_musd",
}

var gapTotalsFields = []string{
	"target_pct", "countries", "countries_with_data", "meeting", "gdp_musd", "defence_musd",
	"share_pct", "gap_musd", "shortfall_musd", "target", "part", "not_reported", "bounded",
	"gap_min_musd", "gap_max_musd", "deadline", "gdp_deadline_musd", "required_deadline_musd",
	"increase_musd", "annual_growth_pct", "short", "undetermined", "required_musd",
	"aggregate_gap_musd", "on_track", "off_track", "year", "release", "measure", "equipment_musd",
	"published_aggregate", "published_gdp_musd", "published_defence_musd", "published_share_pct",
	"defence_at_share_musd", // schema 2
}

var pathRowFields = []string{
	"code", "name", "year", "gdp_musd", "gdp_source", "share_pct", "spending_musd",
	"increase_musd", "target_pct", "target", "base_year", "deadline", "review_year", "shape",
}

func keysInOrder(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func jsonOf(t *testing.T, args ...string) map[string]json.RawMessage {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if code := Main(append(args, "--format", "json"), ios); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func firstOf(t *testing.T, raw json.RawMessage) json.RawMessage {
	t.Helper()
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
		t.Fatalf("not a non-empty list: %s", raw)
	}
	return list[0]
}

func TestJSONContractGap(t *testing.T) {
	doc := jsonOf(t, "gap", "--target", "3.5", "--country", "DEU")
	top := []string{"schema_version", "year", "release", "definition", "method", "deadline", "targets", "rows", "totals", "notes", "source", "years", "releases", "sources"}
	for _, k := range top {
		if _, ok := doc[k]; !ok {
			t.Errorf("gap JSON lacks %q", k)
		}
	}
	if got := keysInOrder(t, firstOf(t, doc["rows"])); !reflect.DeepEqual(got, gapRowFields) {
		t.Errorf("gap row fields:\n got %v\nwant %v", got, gapRowFields)
	}
	if got := keysInOrder(t, firstOf(t, doc["totals"])); !reflect.DeepEqual(got, gapTotalsFields) {
		t.Errorf("gap totals fields:\n got %v\nwant %v", got, gapTotalsFields)
	}
}

func TestCSVHeaderIsTheJSONRow(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if code := Main([]string{"gap", "--country", "DEU", "--format", "csv"}, ios); code != 0 {
		t.Fatal(code)
	}
	header := strings.SplitN(out.String(), "\n", 2)[0]
	if header != strings.Join(gapRowFields, ",") {
		t.Errorf("gap CSV header:\n got %s\nwant %s", header, strings.Join(gapRowFields, ","))
	}
}

func TestJSONContractPath(t *testing.T) {
	doc := jsonOf(t, "path", "--target", "uk-2027", "--country", "GBR")
	if got := keysInOrder(t, firstOf(t, doc["rows"])); !reflect.DeepEqual(got, pathRowFields) {
		t.Errorf("path row fields:\n got %v\nwant %v", got, pathRowFields)
	}
}

func TestJSONContractLists(t *testing.T) {
	doc := jsonOf(t, "countries")
	want := []string{"code", "name", "nato_since", "defence_reported", "groups", "latest_years", "note"}
	if got := keysInOrder(t, firstOf(t, doc["countries"])); !reflect.DeepEqual(got, want) {
		t.Errorf("countries fields: got %v want %v", got, want)
	}
	doc = jsonOf(t, "releases")
	want = []string{"id", "kind", "title", "publisher", "published", "cutoff", "definition", "price_basis", "measure",
		"countries", "first_year", "last_year", "cells", "period_start", "url", "via", "embedded", "replaces_embedded", "file",
		"source_file", "source_sha256"}
	if got := keysInOrder(t, firstOf(t, doc["releases"])); !reflect.DeepEqual(got, want) {
		t.Errorf("releases fields: got %v want %v", got, want)
	}
	doc = jsonOf(t, "targets")
	want = []string{"id", "name", "target_pct", "deadline", "agreed", "components", "citation", "url", "note", "measure", "definition"}
	if got := keysInOrder(t, firstOf(t, doc["targets"])); !reflect.DeepEqual(got, want) {
		t.Errorf("targets fields: got %v want %v", got, want)
	}
}

func TestEmptySelectionIsEmptyList(t *testing.T) {
	// Every ally is excluded: rows is [], not null.
	doc := jsonOf(t, "gap", "--country", "DEU", "--exclude", "DEU")
	if string(doc["rows"]) != "[]" {
		t.Errorf("rows = %s, want []", doc["rows"])
	}
}

var aidRowFields = []string{
	"code", "name", "military_meur", "financial_meur", "humanitarian_meur", "total_meur",
	"share_of_total_pct", "pct_gdp", "gdp_basis", "cutoff", "release",
}

var aidTotalsFields = []string{
	"kind", "donors", "donors_with_data", "military_meur", "financial_meur", "humanitarian_meur",
	"total_meur", "share_of_total_pct", "all_donors_meur", "pct_gdp", "gdp_beur", "gdp_donors",
}

var aidPackageRowFields = []string{
	"code", "name", "date", "amount", "currency", "amount_usd_m", "purpose", "source",
}

var aidPackageTotalsFields = []string{
	"currency", "packages", "donors", "packages_with_usd", "first_date", "last_date",
}

func TestJSONContractAid(t *testing.T) {
	doc := jsonOf(t, "aid", "--group", "nato", "--kind", "military")
	for _, k := range []string{"schema_version", "release", "title", "publisher", "published", "period_start", "cutoff", "url", "kind", "currency", "gdp_basis", "rows", "totals", "notes"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("aid JSON lacks %q", k)
		}
	}
	if got := keysInOrder(t, firstOf(t, doc["rows"])); !reflect.DeepEqual(got, aidRowFields) {
		t.Errorf("aid row fields:\n got %v\nwant %v", got, aidRowFields)
	}
	if got := keysInOrder(t, firstOf(t, doc["totals"])); !reflect.DeepEqual(got, aidTotalsFields) {
		t.Errorf("aid totals fields:\n got %v\nwant %v", got, aidTotalsFields)
	}
	doc = jsonOf(t, "aid", "packages", "--donor", "ESP")
	for _, k := range []string{"schema_version", "from", "to", "rows", "totals", "notes"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("aid packages JSON lacks %q", k)
		}
	}
	if got := keysInOrder(t, firstOf(t, doc["rows"])); !reflect.DeepEqual(got, aidPackageRowFields) {
		t.Errorf("aid packages row fields:\n got %v\nwant %v", got, aidPackageRowFields)
	}
	if got := keysInOrder(t, firstOf(t, doc["totals"])); !reflect.DeepEqual(got, aidPackageTotalsFields) {
		t.Errorf("aid packages totals fields:\n got %v\nwant %v", got, aidPackageTotalsFields)
	}
	// --show-aid adds its fields at the end of a gap row, and only then.
	doc = jsonOf(t, "gap", "--target", "3.5", "--country", "DEU", "--show-aid")
	want := append(append([]string{}, gapRowFields...), "aid_military_meur", "aid_cutoff")
	if got := keysInOrder(t, firstOf(t, doc["rows"])); !reflect.DeepEqual(got, want) {
		t.Errorf("gap --show-aid row fields:\n got %v\nwant %v", got, want)
	}
}

func TestCSVHeaderIsTheJSONRowAid(t *testing.T) {
	for _, c := range []struct {
		args   []string
		fields []string
	}{
		{[]string{"aid", "--group", "nato", "--kind", "military"}, aidRowFields},
		{[]string{"aid", "packages", "--donor", "ESP"}, aidPackageRowFields},
		{[]string{"gap", "--country", "DEU", "--show-aid"}, append(append([]string{}, gapRowFields...), "aid_military_meur", "aid_cutoff")},
	} {
		ios, _, out, _ := iostreams.Test()
		if code := Main(append(c.args, "--format", "csv"), ios); code != 0 {
			t.Fatalf("%v: exit %d", c.args, code)
		}
		header := strings.SplitN(out.String(), "\n", 2)[0]
		if header != strings.Join(c.fields, ",") {
			t.Errorf("%v CSV header:\n got %s\nwant %s", c.args, header, strings.Join(c.fields, ","))
		}
	}
}

func TestEmptySelectionIsEmptyListAid(t *testing.T) {
	doc := jsonOf(t, "aid", "packages", "--donor", "DEU")
	if string(doc["rows"]) != "[]" || string(doc["totals"]) != "[]" {
		t.Errorf("rows = %s, totals = %s, want [] and []", doc["rows"], doc["totals"])
	}
}

var historyRowFields = []string{
	"code", "name", "year", "release", "estimate", "share_pct", "share_change_pts",
	"defence_musd", "defence_change_pct", "gdp_musd", "gdp_source", "gdp_estimate",
	"equipment_pct", "note",
}

var revisionsRowFields = []string{
	"code", "name", "year", "figure", "kind", "old", "new", "change", "change_pct",
	"old_estimate", "new_estimate",
}

func TestJSONContractHistoryRevisions(t *testing.T) {
	for _, c := range []struct {
		args      []string
		top, rows []string
	}{
		{[]string{"history", "--country", "DEU"},
			[]string{"schema_version", "release", "definition", "years", "countries", "rows", "notes", "source", "prices"}, historyRowFields},
		{[]string{"revisions", "--country", "POL"},
			[]string{"schema_version", "from", "to", "from_definition", "to_definition", "definition_changed", "backwards",
				"compared", "unchanged", "not_compared", "rows", "notes", "from_source", "to_source",
				"revised", "rounding", "from_decimals", "to_decimals", "definition_figure", "definition_years"}, revisionsRowFields},
	} {
		ios, _, out, errOut := iostreams.Test()
		if code := Main(append(c.args, "--format", "json"), ios); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		if got := keysInOrder(t, out.Bytes()); !reflect.DeepEqual(got, c.top) {
			t.Errorf("%v top-level keys:\n got %v\nwant %v", c.args, got, c.top)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if got := keysInOrder(t, firstOf(t, doc["rows"])); !reflect.DeepEqual(got, c.rows) {
			t.Errorf("%v row fields:\n got %v\nwant %v", c.args, got, c.rows)
		}
		ios, _, out, _ = iostreams.Test()
		if code := Main(append(c.args, "--format", "csv"), ios); code != 0 {
			t.Fatalf("%v csv: exit %d", c.args, code)
		}
		if header := strings.SplitN(out.String(), "\n", 2)[0]; header != strings.Join(c.rows, ",") {
			t.Errorf("%v CSV header:\n got %s\nwant %s", c.args, header, strings.Join(c.rows, ","))
		}
	}
}
