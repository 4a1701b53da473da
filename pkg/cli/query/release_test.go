package query

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/defence"
)

func share(v float64) defence.Figure { return defence.Figure{Share: defence.N(v)} }

// releaseData holds two embedded defence releases (old, new), a GDP
// release and the given user releases.
func releaseData(user ...*defence.Release) *defence.Dataset {
	ds := defence.NewDataset()
	ds.Releases["old"] = (&defence.Release{ID: "old", Series: defence.SeriesDefence, Published: "2024-06-17", Source: "embedded:old.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2023: share(1.5), 2024: share(2.1)}})
	ds.Releases["new"] = (&defence.Release{ID: "new", Series: defence.SeriesDefence, Published: "2026-07", Source: "embedded:new.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2025: share(2.4), 2026: {Note: "no figures yet"}}})
	ds.Releases["weo"] = (&defence.Release{ID: "weo", Series: defence.SeriesGDP, Published: "2026-10", Source: "embedded:weo.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2030: {GDP: defence.N(1)}}})
	for _, r := range user {
		if old := ds.Releases[r.ID]; old != nil {
			r.Replaced = old // as pkg/dataset.Load does
		}
		ds.Releases[r.ID] = r
	}
	return ds
}

// mine is a user's release published after every embedded one.
func mine() *defence.Release {
	return (&defence.Release{ID: "mine", Series: defence.SeriesDefence, Published: "2027-01-01", Source: "my.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2024: share(2), 2027: share(3)}})
}

type releaseCase struct {
	release string
	year    int
	wantRel string
	wantY   int
	note    string // the note with from = "--release"
	err     string
}

func checkReleaseCases(t *testing.T, ds *defence.Dataset, tests []releaseCase) {
	t.Helper()
	for _, tt := range tests {
		c, err := ResolveReleaseYear(ds, tt.release, tt.year)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !cmdutil.IsUsage(err) {
				t.Errorf("%q %d: error %v, want usage error %q", tt.release, tt.year, err, tt.err)
			}
			continue
		}
		if err != nil || c.Release.ID != tt.wantRel || c.Year != tt.wantY {
			t.Errorf("%q %d: %v %d %v; want %s %d", tt.release, tt.year, c.Release, c.Year, err, tt.wantRel, tt.wantY)
			continue
		}
		if got := c.Note("--release"); got != tt.note {
			t.Errorf("%q %d: note\n %q\nwant\n %q", tt.release, tt.year, got, tt.note)
		}
	}
}

// TestResolveReleaseYear: without --release, the newest embedded release
// is the default, whatever the dates of the user's releases; a user's
// release is used when named, with a note.
func TestResolveReleaseYear(t *testing.T) {
	checkReleaseCases(t, releaseData(mine()), []releaseCase{
		// The newest embedded release and its latest year with figures
		// (2026 holds only a note, so 2025), not the later "mine".
		{"", 0, "new", 2025, "", ""},
		{"new", 0, "new", 2025, "", ""},
		{"", 2025, "new", 2025, "", ""},
		// The newest embedded release that has the year.
		{"", 2024, "old", 2024, "using release old (--year 2024: the newest embedded release with figures for 2024), not the default new", ""},
		{"old", 0, "old", 2024, "using release old (from --release), not the default new", ""},
		{"mine", 0, "mine", 2027, "using release mine (from --release; file my.yaml), not the default new", ""},
		{"mine", 2024, "mine", 2024, "using release mine (from --release; file my.yaml), not the default new", ""},
		// Only "mine" has 2027: it is used only when named.
		{"", 2027, "", 0, "", "--year 2027: no embedded release publishes figures for 2027 (new: 2025-2026; old: 2023-2024); the releases of your --data files are used only when named with --release (mine: 2024-2027)"},
		{"old", 2025, "", 0, "", "release old publishes no figures for 2025 (it covers 2023-2024)"},
		{"weo", 0, "", 0, "", "publishes GDP only"},
		{"nope", 0, "", 0, "", `unknown release "nope" (expected one of: mine, new, old)`},
		{"nwe", 0, "", 0, "", `--release: unknown release "nwe": did you mean new?`},
		{"", 1900, "", 0, "", "out of range"},
	})
	// Without user releases, the error does not speak of them.
	checkReleaseCases(t, releaseData(), []releaseCase{
		{"", 2022, "", 0, "", "--year 2022: no embedded release publishes figures for 2022 (new: 2025-2026; old: 2023-2024)"},
	})
	if _, err := ResolveReleaseYear(releaseData(), "", 2022); strings.Contains(err.Error(), "--data") {
		t.Errorf("error %q speaks of --data files, and there are none", err)
	}
}

// TestResolveReleaseReplaced: a user's release with the id of an embedded
// one replaces it, under that id only: it is the default when it replaces
// the default (with a note), and its own publication date does not move
// the default.
func TestResolveReleaseReplaced(t *testing.T) {
	repl := (&defence.Release{ID: "new", Series: defence.SeriesDefence, Published: "2020-01-01", Source: "repl.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2026: share(2.9)}})
	replOld := (&defence.Release{ID: "old", Series: defence.SeriesDefence, Published: "2030-01-01", Source: "repl-old.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2024: share(2.2)}})
	checkReleaseCases(t, releaseData(repl, replOld), []releaseCase{
		{"", 0, "new", 2026, "using release new (file repl.yaml, which replaces the embedded release of that id)", ""},
		{"new", 0, "new", 2026, "using release new (from --release; file repl.yaml, which replaces the embedded release of that id)", ""},
		{"", 2024, "old", 2024, "using release old (file repl-old.yaml, which replaces the embedded release of that id; --year 2024: the newest embedded release with figures for 2024), not the default new", ""},
	})
}

// TestResolveReleaseNoDefaultData: with no embedded release loaded, the
// newest of the user's releases (that has the year) is used, with a note.
func TestResolveReleaseNoDefaultData(t *testing.T) {
	ds := defence.NewDataset()
	older := (&defence.Release{ID: "older", Series: defence.SeriesDefence, Published: "2025-01-01", Source: "older.yaml"}).SetFigures(map[string]map[int]defence.Figure{"DEU": {2020: share(1.2)}})
	ds.Releases["mine"], ds.Releases["older"] = mine(), older
	checkReleaseCases(t, ds, []releaseCase{
		{"", 0, "mine", 2027, "using release mine (file my.yaml; the newest of the --data releases: --no-default-data loads no embedded release)", ""},
		{"", 2020, "older", 2020, "using release older (file older.yaml; the newest of the --data releases with figures for 2020: --no-default-data loads no embedded release)", ""},
		{"older", 0, "older", 2020, "", ""}, // named, and nothing is the default
		{"", 2019, "", 0, "", "--year 2019: no release publishes figures for 2019 (mine: 2024-2027; older: 2020)"},
	})
}

func TestReleasePrintNote(t *testing.T) {
	ds := releaseData(mine())
	c, err := ResolveReleaseYear(ds, "mine", 0)
	if err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios}
	c.PrintNote(f)
	if want := "natospend: using release mine (from --release; file my.yaml), not the default new\n"; errOut.String() != want || out.Len() != 0 {
		t.Errorf("stderr %q, stdout %q; want stderr %q", errOut, out, want)
	}
	errOut.Reset()
	f.SettingOrigin = func(flag string) string {
		if flag == "release" {
			return "NATOSPEND_RELEASE=mine"
		}
		return ""
	}
	c.PrintNote(f)
	if want := "natospend: using release mine (from NATOSPEND_RELEASE=mine; file my.yaml), not the default new\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	errOut.Reset()
	ios.Quiet = true
	c.PrintNote(f)
	if errOut.Len() != 0 {
		t.Errorf("--quiet: stderr %q", errOut)
	}
	// The default release as embedded: nothing to say.
	ios.Quiet = false
	if c, err = ResolveReleaseYear(ds, "", 0); err != nil {
		t.Fatal(err)
	}
	c.PrintNote(f)
	c.PrintNote(nil)
	if errOut.Len() != 0 {
		t.Errorf("default release: stderr %q", errOut)
	}
}
