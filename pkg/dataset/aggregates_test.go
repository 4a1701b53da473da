package dataset

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/pkg/defence"
)

func embeddedSources() []Source {
	var srcs []Source
	for _, f := range data.Files() {
		srcs = append(srcs, Source{Name: "embedded:" + f.Name, Data: f.Data})
	}
	return srcs
}

// userRelease is a user's release with the aggregates given, between its
// notes and its figures.
func userRelease(aggregates ...string) []Source {
	lines := []string{"kind: release", "id: user-test", "series: defence", "title: Test", "publisher: Nobody",
		"published: 2026-01-01", "url: https://example.org/test"}
	lines = append(lines, aggregates...)
	lines = append(lines, "figures:", "  DEU:", "    2024: {gdp_musd: 4000, defence_musd: 80}")
	return []Source{{Name: "u.yaml", Data: []byte(strings.Join(lines, "\n") + "\n")}}
}

// TestAggregatesLoad: a release's aggregates load by group id and year,
// with their source line; a group no groups file defines, and a cell
// that is not one, are errors naming the file, line and field.
func TestAggregatesLoad(t *testing.T) {
	ds := mustLoad(t, embeddedSources(), userRelease("aggregates:", "  nato:", "    2024: {gdp_musd: 55000000, defence_musd: 1400000, share_pct: 2.71, estimate: true}"))
	f, ok := ds.Releases["user-test"].Aggregate("nato", 2024)
	if !ok || f.GDP.V != 55000000 || f.Defence.V != 1400000 || f.Share.V != 2.71 || !f.Estimate || f.Source != (defence.Place{File: "u.yaml", Line: 10}) {
		t.Fatalf("nato 2024: %+v (found %v)", f, ok)
	}
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"unknown group", []string{"aggregates:", "  natoo:", "    2024: {gdp_musd: 1}"},
			"u.yaml:9: aggregates.natoo: the release's aggregates use the group natoo, which no groups file defines"},
		{"not a group id", []string{"aggregates:", "  NATO total:", "    2024: {gdp_musd: 1}"},
			`u.yaml:9: aggregates."NATO total": "NATO total" is not a group id`},
		{"defence above GDP", []string{"aggregates:", "  nato:", "    2024: {gdp_musd: 1, defence_musd: 2}"},
			"u.yaml:10: aggregates.nato.2024.defence_musd: 2 is more than gdp_musd 1"},
	} {
		errs := loadErrs(t, embeddedSources(), userRelease(tc.lines...))
		if errs == nil || !strings.Contains(errs.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, errs, tc.want)
		}
	}
}

// TestSourceFileKeys: source_file and source_sha256 load; a SHA-256 that
// is not 64 lower-case hex digits is an error naming the line and field.
func TestSourceFileKeys(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	ds := mustLoad(t, embeddedSources(), userRelease("source_file: t.xlsx", "source_sha256: "+sha))
	if r := ds.Releases["user-test"]; r.SourceFile != "t.xlsx" || r.SourceSHA256 != sha {
		t.Errorf("source_file %q, source_sha256 %q", r.SourceFile, r.SourceSHA256)
	}
	for _, bad := range []string{"abc", strings.ToUpper(sha), sha + "0"} {
		errs := loadErrs(t, embeddedSources(), userRelease("source_sha256: "+bad))
		if want := "u.yaml:8: source_sha256: "; errs == nil || !strings.Contains(errs.Error(), want) || !strings.Contains(errs.Error(), "is not a SHA-256") {
			t.Errorf("%q: got %v, want an error at %q", bad, errs, want)
		}
	}
}
