package calc

import (
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// TestSourceLines: a release read from a copy says so ("read via"); the
// June 2024 release names NATO's workbook and its SHA-256 beside the press
// PDF it cites; a defence release without a cut-off says none is given; a
// GDP release, whose kind has no cut-off, says nothing of one.
func TestSourceLines(t *testing.T) {
	ds := snapshot.Dataset()
	for id, want := range map[string]string{
		"nato-2024-06": "Source: NATO, Defence Expenditure of NATO Countries (2014-2024) (nato-2024-06), published 2024-06-17, cut-off 2024-06-12, " +
			"https://www.nato.int/content/dam/nato/legacy-wcm/media_pdf/2024/6/pdf/240617-def-exp-2024-en.pdf, " +
			"figures from 240617-def-exp-2024-TABLES-en.xlsx (SHA-256 94f4de63de124dd323cb6729ddf66b66a3e024b9984d21abc6cb5624773b375e), " +
			"read via https://github.com/jacobvoss/geopolitical-dashboard/blob/4318b07168142bf24b3eef25dc7f463534820388/data/240617-def-exp-2024-TABLES-en.xlsx",
		"nato-2026-07": "Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07), published 2026-06, cut-off not given by the sources read, " +
			"https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx, " +
			"read via https://github.com/aiutononesistonousername/leave-the-gun-take-the-cannoli/blob/366dedbbf761c480cfe91ca2da7c28a3a079810d/data/processed/nato_defence.csv",
		"imf-weo-2025-10": "Source: IMF, World Economic Outlook, October 2025 (imf-weo-2025-10), published 2025-10, https://data.imf.org/en/datasets/IMF.RES:WEO, " +
			"read via https://github.com/mitsuoxv/imf-weo/blob/03b77af3bd6505ea93e5f3f7b342ccdb0a4c3433/data/data_2510.rda",
	} {
		if got := SourceOf(ds.Releases[id]).Line(); got != want {
			t.Errorf("%s:\n got %s\nwant %s", id, got, want)
		}
	}
	// A publisher's own file, read as published: no via, nothing added.
	own := &defence.Release{ID: "x", Series: defence.SeriesDefence, Publisher: "P", Title: "T", Published: "2026-01-01", Cutoff: "2025-12-31", URL: "https://example.org/t.xlsx"}
	if got := SourceOf(own).Line(); got != "Source: P, T (x), published 2026-01-01, cut-off 2025-12-31, https://example.org/t.xlsx" {
		t.Errorf("own file: %s", got)
	}
	if c := SourceOf(ds.Releases["nato-2026-07"]).CutoffText(); c != CutoffNotGiven {
		t.Errorf("cut-off text %q", c)
	}
	if c := SourceOf(ds.Releases["imf-weo-2025-10"]).CutoffText(); c != "" {
		t.Errorf("a GDP release's cut-off text %q, want none", c)
	}
}
