package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// notesOf runs a report command with --format json and returns its notes.
func notesOf(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, errOut := runArgs(t, append(args, "--format", "json")...)
	if code != 0 && code != 3 && code != 4 { // check's gate may fail: its JSON is still written
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var d struct {
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return d.Notes
}

func withPrefix(notes []string, prefix string) []string {
	var out []string
	for _, n := range notes {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// TestTargetDefinitionNote: a target measured on a release of another
// definition than the one it was agreed on (data/targets.yaml: nato-2014,
// nato-equipment-20 and uk-2027 classic, hague-core and hague core; the
// releases: nato-2026-07 core, nato-2025-08 and nato-2024-06 classic) gets
// a note naming a release of its own definition, in gap, check and path,
// in the table and the JSON.
func TestTargetDefinitionNote(t *testing.T) {
	wales := "nato-2014 (NATO 2% guideline (Wales 2014)) was agreed on NATO's classic definition of defence expenditure; release nato-2026-07 counts defence on the core definition, not the one the target was agreed on: for the classic definition, use --release nato-2025-08."
	for _, args := range [][]string{
		{"gap", "--target", "nato-2014", "--year", "2024"},
		{"check", "--target", "nato-2014", "--year", "2024"},
		{"path", "--target", "nato-2014", "--year", "2024", "--by", "2030", "--country", "DEU"},
	} {
		if got := withPrefix(notesOf(t, args...), "nato-2014 (NATO 2% guideline"); len(got) != 1 || got[0] != wales {
			t.Errorf("%v: notes %q, want %q", args, got, wales)
		}
	}
	// The table says it too; check's text output on stderr.
	if _, out, _ := runArgs(t, "gap", "--target", "nato-2014", "--year", "2024"); !strings.Contains(out, "\n"+wales+"\n") {
		t.Errorf("gap table lacks the note:\n%s", out)
	}
	if _, _, errOut := runArgs(t, "check", "--target", "nato-2014", "--year", "2024"); !strings.Contains(errOut, "\ncheck: "+wales+"\n") {
		t.Errorf("check stderr lacks the note:\n%s", errOut)
	}

	// check's CI formats: a notice among GitHub's workflow commands, a
	// paragraph in the Markdown job summary.
	if _, out, _ := runArgs(t, "check", "--target", "nato-2014", "--year", "2024", "--country", "DEU,BEL", "--format", "github"); !strings.Contains(out,
		"\n::notice title=Target on another definition::nato-2014 (NATO 2%25 guideline (Wales 2014)) was agreed on NATO's classic definition of defence expenditure;") {
		t.Errorf("check --format github lacks the notice:\n%s", out)
	}
	if _, out, _ := runArgs(t, "check", "--target", "nato-2014", "--year", "2024", "--country", "DEU,BEL", "--format", "markdown"); !strings.Contains(out, "\n"+wales+"\n") {
		t.Errorf("check --format markdown lacks the note:\n%s", out)
	}
	if _, out, _ := runArgs(t, "check", "--target", "nato-2014", "--year", "2024", "--release", "nato-2025-08", "--country", "DEU,BEL", "--format", "github"); strings.Contains(out, "::notice") {
		t.Errorf("check --format github on a classic release: a notice\n%s", out)
	}

	// On the classic releases the Wales 2% is on its own definition: no
	// note. The counts of allies meeting it in 2024 differ by definition
	// and release (shares >= 2 in data/nato-2026-07.yaml: 17;
	// nato-2025-08.yaml: 18; nato-2024-06.yaml: 23), which is why the
	// note matters.
	for release, meeting := range map[string]float64{"nato-2026-07": 17, "nato-2025-08": 18, "nato-2024-06": 23} {
		code, out, errOut := runArgs(t, "gap", "--target", "nato-2014", "--year", "2024", "--release", release, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", release, code, errOut)
		}
		var d struct {
			Notes  []string         `json:"notes"`
			Totals []map[string]any `json:"totals"`
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		if len(d.Totals) != 1 || d.Totals[0]["meeting"] != meeting {
			t.Errorf("%s: totals %v, want %v meeting", release, d.Totals, meeting)
		}
		if got := withPrefix(d.Notes, "nato-2014 ("); (release == "nato-2026-07") != (len(got) == 1) {
			t.Errorf("%s: definition notes %q", release, got)
		}
	}

	// The Hague's core 3.5% on a classic release: use the core one.
	want := "hague-core (Hague core defence 3.5%) was agreed on NATO's core definition of defence expenditure; release nato-2024-06 counts defence on the classic definition, not the one the target was agreed on: for the core definition, use --release nato-2026-07."
	if got := withPrefix(notesOf(t, "gap", "--target", "hague-core", "--release", "nato-2024-06", "--year", "2024"), "hague-core ("); len(got) != 1 || got[0] != want {
		t.Errorf("hague-core on nato-2024-06: %q, want %q", got, want)
	}
	// uk-2027 in 2026 (the default year): no classic release has 2026.
	want = "uk-2027 (UK 2.5% from 2027) was agreed on NATO's classic definition of defence expenditure; release nato-2026-07 counts defence on the core definition, not the one the target was agreed on: for the classic definition, use --release nato-2025-08 with a year of 2014-2025 (it has no figures for 2026)."
	if got := withPrefix(notesOf(t, "path", "--target", "uk-2027", "--country", "GBR"), "uk-2027 ("); len(got) != 1 || got[0] != want {
		t.Errorf("uk-2027 on nato-2026-07: %q, want %q", got, want)
	}
	// The equipment guideline, agreed with the 2% at Wales.
	if got := withPrefix(notesOf(t, "check", "--measure", "equipment", "--year", "2024"), "nato-equipment-20 ("); len(got) != 1 || !strings.Contains(got[0], "use --release nato-2025-08.") {
		t.Errorf("nato-equipment-20: %q", got)
	}
	// A percentage typed on the command line names no definition, and
	// rutte-3.7 (floated, not agreed) none either: no note.
	for _, target := range []string{"2", "rutte-3.7"} {
		for _, n := range notesOf(t, "gap", "--target", target, "--year", "2024") {
			if strings.Contains(n, "was agreed on NATO's") {
				t.Errorf("--target %s: %q", target, n)
			}
		}
	}
}
