package main

import (
	"strings"
	"testing"
)

func TestCheckPct(t *testing.T) {
	// Spain: 2227.735 / (1206.842 x 1000) x 100 = 0.184592..., written 0.1846.
	if err := checkPct("2227.735", "1206.842", "0.1846"); err != nil {
		t.Error(err)
	}
	// China: 2.345 / 14,994,046 x 100 = 0.0000156..., written 0.0000.
	if err := checkPct("2.345", "14994.046", "0.0000"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"0.1847", "0.1845", "18.4592"} {
		if err := checkPct("2227.735", "1206.842", bad); err == nil {
			t.Errorf("pct %s accepted for Spain", bad)
		}
	}
	if err := checkPct("1", "0", "0"); err == nil {
		t.Error("a GDP of 0 accepted")
	}
}

// TestAidFiles checks what the aid files hold against the shared tables:
// 42 donors, the EU's row as XEU, 5 packages, USD only where printed.
func TestAidFiles(t *testing.T) {
	files, err := convertAid(sharedDir(t))
	if err != nil {
		t.Fatal(err)
	}
	kiel, pk := string(files[0].Data), string(files[1].Data)
	if n := strings.Count(kiel, "\n  ") - strings.Count(kiel, "\n  - "); n != 42 {
		t.Errorf("%d donors, want 42", n)
	}
	for _, want := range []string{
		"\n  ESP: {military_meur: 1441.722, financial_meur: 470.700, humanitarian_meur: 315.312, total_meur: 2227.735, total_commitment_meur: 3488.035, gdp_beur: 1206.842}\n",
		"\n  XEU: {military_meur: 0.000, financial_meur: 81213.801,",
		"\ncutoff: 2026-02-28\n",
	} {
		if !strings.Contains(kiel, want) {
			t.Errorf("%s lacks %q", files[0].Name, want)
		}
	}
	if strings.Contains(kiel, "pct_donor_gdp:") || strings.Contains(kiel, "0.1846") {
		t.Errorf("%s copies Kiel's computed pct_donor_gdp", files[0].Name)
	}
	if n := strings.Count(pk, "\n  - donor: "); n != 5 {
		t.Errorf("%d packages, want 5", n)
	}
	if n := strings.Count(pk, "\n    amount_usd_m: "); n != 2 {
		t.Errorf("%d USD figures, want 2 (Spain, Japan)", n)
	}
	for _, bad := range []string{"691", "207"} {
		if strings.Contains(pk, "amount_usd_m: "+bad) {
			t.Errorf("a USD figure no source printed: %s", bad)
		}
	}
}
