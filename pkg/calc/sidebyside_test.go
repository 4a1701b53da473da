package calc

import (
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

func computeFor(t *testing.T, ds *defence.Dataset, rel string, year int, codes []string, tg ...defence.Target) *Report {
	t.Helper()
	rep, err := Compute(ds, &Query{Targets: tg, Release: ds.Releases[rel], Year: year, Method: MethodShare, Codes: codes, Sort: "name"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestSideBySidePoland2024: Poland's 2024 gap to 2% in the three NATO
// releases, each computed on its own:
//
//	June 2024:   (2 - 4.1202) / 100 x 848,856.96 (NATO's GDP)  = -17,997.4653
//	August 2025: (2 - 3.7890) / 100 x 914,553 (IMF: no GDP in the release) = -16,361.3532
//	July 2026:   (2 - 3.7500) / 100 x 919,155 (NATO's GDP)     = -16,085.2125
func TestSideBySidePoland2024(t *testing.T) {
	ds := snapshot.Dataset()
	two := defence.Target{Pct: 2}
	codes := []string{"POL", "DEU"}
	reps := []*Report{
		computeFor(t, ds, "nato-2024-06", 2024, codes, two),
		computeFor(t, ds, "nato-2025-08", 2024, codes, two),
		computeFor(t, ds, "nato-2026-07", 2024, codes, two),
	}
	got, err := SideBySide(reps)
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by name: Germany, then Poland.
	if len(got) != 2 || got[0].Code != "DEU" || got[1].Code != "POL" || got[1].Name != "Poland" || got[1].Year != 2024 {
		t.Fatalf("got %+v", got)
	}
	pol := got[1]
	want := []struct {
		share, gap float64
		gdpFrom    string
	}{
		{4.1202, -17997.46526592, "nato-2024-06"},
		{3.7890, -16361.35317, "imf-weo-2025-10"},
		{3.7500, -16085.2125, "nato-2026-07"},
	}
	for i, w := range want {
		ln := pol.Lines[i]
		if len(ln) != 1 || ln[0].Release != reps[i].Release.ID || ln[0].Share.V != w.share || ln[0].GDPSource != w.gdpFrom || ln[0].Status != StatusMeets {
			t.Fatalf("release %d: %+v", i, ln)
		}
		near(t, reps[i].Release.ID+" gap", ln[0].Gap, w.gap)
	}

	// Years side by side: 2024 and 2025 in the July 2026 release, 2024 in
	// June 2024's (which has no 2025): Poland 2024 has both, 2025 only
	// the July 2026 lines.
	got, err = SideBySide([]*Report{
		computeFor(t, ds, "nato-2024-06", 2024, []string{"POL"}, two),
		computeFor(t, ds, "nato-2026-07", 2025, []string{"POL"}, two),
		computeFor(t, ds, "nato-2026-07", 2024, []string{"POL"}, two),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Year != 2024 || got[1].Year != 2025 {
		t.Fatalf("years: %+v", got)
	}
	if got[0].Lines[0] == nil || got[0].Lines[1] != nil || got[0].Lines[2] == nil || got[1].Lines[1] == nil || got[1].Lines[0] != nil {
		t.Errorf("lines by report: 2024 %v, 2025 %v", got[0].Lines, got[1].Lines)
	}
	if got[1].Lines[1][0].Share.V != 4.25 {
		t.Errorf("Poland 2025 in July 2026: share %v, want 4.25", got[1].Lines[1][0].Share)
	}

	// Different targets cannot be lined up.
	if _, err := SideBySide([]*Report{reps[0], computeFor(t, ds, "nato-2026-07", 2024, codes, defence.Target{Pct: 3.5})}); err == nil {
		t.Error("2% beside 3.5%: no error")
	}
}
