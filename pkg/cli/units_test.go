package cli

import (
	"strings"
	"testing"
)

// TestUnitsInWords: every sentence names the unit of the figure it
// quotes, and a missing figure's reason names what is missing (issue 19,
// item 6).
func TestUnitsInWords(t *testing.T) {
	// Norway 2026 (data/nato-2026-07.yaml): equipment 17.95% of defence
	// spending, share of GDP 3.17%; gap to 20% = (20 - 17.95) / 100 x
	// 19,247 million USD = $0.39 bn.
	code, out, _ := runArgs(t, "check", "--measure", "equipment")
	want := "short\tNOR\tNorway\tnato-equipment-20 20%: 17.95% of defence spending on equipment in 2026, $0.4 bn short\n"
	if code != 3 || out != want {
		t.Errorf("check --measure equipment: exit %d\n%q\nwant %q", code, out, want)
	}
	if strings.Contains(out, "of GDP") {
		t.Errorf("an equipment share called a share of GDP: %q", out)
	}
	// The share of GDP is still said so.
	if _, out, _ = runArgs(t, "check", "--target", "3.5", "--country", "NOR"); out != "short\tNOR\tNorway\t3.5%: 3.17% of GDP in 2026, $2.0 bn short\n" {
		t.Errorf("check --target 3.5 --country NOR: %q", out)
	}

	// Germany 2025 in nato-2025-08: NATO left the share blank (budget not
	// adopted by the cut-off); the IMF's GDP is there. What is missing is
	// NATO's share, not the GDP.
	code, out, _ = runArgs(t, "check", "--release", "nato-2025-08", "--year", "2025", "--country", "DEU")
	if want := "no-data\tDEU\tGermany\t2%: no published share of GDP for 2025 in release nato-2025-08\n"; code != 4 || out != want {
		t.Errorf("check DEU 2025: exit %d %q, want %q", code, out, want)
	}
	_, out, _ = runArgs(t, "gap", "--country", "DEU", "--year", "2025", "--release", "nato-2025-08")
	if want := "2%: 0 of 0 countries with data meet it (no country selected has a published share of GDP for the year: no verdict, no money).\n"; !strings.Contains(out, want) || strings.Contains(out, "no GDP for the year") {
		t.Errorf("gap DEU 2025 lacks %q:\n%s", want, out)
	}
	// Poland 2015 in nato-2025-08: a share (2.2111), but no GDP in that
	// release and none in the IMF's (from 2021): verdict, no money.
	_, out, _ = runArgs(t, "gap", "--country", "POL", "--year", "2015", "--release", "nato-2025-08")
	if want := "2%: 1 of 1 country with data meets it (no GDP for the year: verdicts from the published shares of GDP, no money).\n"; !strings.Contains(out, want) {
		t.Errorf("gap POL 2015 lacks %q:\n%s", want, out)
	}
	_, out, _ = runArgs(t, "gap", "--country", "POL", "--year", "2015", "--release", "nato-2025-08", "--measure", "equipment")
	if want := "(no defence spending in USD for the year: verdicts from the published equipment shares, no money).\n"; !strings.Contains(out, want) {
		t.Errorf("gap --measure equipment POL 2015 lacks %q:\n%s", want, out)
	}
	// Denmark 2025 in nato-2025-08: equipment share left blank.
	_, out, _ = runArgs(t, "gap", "--country", "DNK", "--year", "2025", "--release", "nato-2025-08", "--measure", "equipment")
	if want := "(no country selected has a published equipment share of defence spending for the year: no verdict, no money).\n"; !strings.Contains(out, want) {
		t.Errorf("gap --measure equipment DNK 2025 lacks %q:\n%s", want, out)
	}

	// Germany 2026: core share 2.69% of GDP, below the 3.5% core part of the
	// Hague 5%.
	_, out, _ = runArgs(t, "gap", "--target", "hague", "--country", "DEU")
	if want := "hague 5%: 0 of 1 country with data meet it on core spending alone, 1 falls short (core share below 3.5% of GDP), 0 undetermined;"; !strings.Contains(out, want) {
		t.Errorf("gap --target hague lacks %q:\n%s", want, out)
	}
	// nato-2025-08 has no USD figures: the equipment guideline's base is
	// the published share of GDP x the IMF's GDP, and the note says which
	// share.
	_, out, _ = runArgs(t, "gap", "--measure", "equipment", "--release", "nato-2025-08", "--year", "2024", "--country", "POL")
	if want := "Defence expenditure the equipment share applies to: defence at share, published share of GDP x GDP (from imf-weo-2025-10), where release nato-2025-08 publishes no USD figure: Poland.\n"; !strings.Contains(out, want) {
		t.Errorf("gap --measure equipment on nato-2025-08 lacks %q:\n%s", want, out)
	}

	// history: the change in points is of the share of GDP.
	if _, out, _ = runArgs(t, "history", "--country", "NOR"); !strings.Contains(out, "Change pts: share of GDP minus the year before's, in percentage points; Change %: defence spending against the year before's, in current USD") {
		t.Errorf("history notes:\n%s", out)
	}
}
