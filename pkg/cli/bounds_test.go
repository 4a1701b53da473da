package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A 2 MiB aid-package purpose or release title is refused by validate and
// by the loader of every command, naming the file, the line and the field
// (both were accepted, and cost gigabytes in aid packages and releases).
// The cap itself loads (a title of 1000 characters).
func TestValidateRefusesLongTexts(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("x", 2<<20)
	release := func(title string) string {
		return "kind: release\nid: mine\nseries: defence\ntitle: " + title + "\npublisher: Me\npublished: 2026-01-01\nurl: https://example.org\nfigures:\n  DEU:\n    2024: {share_pct: 2}\n"
	}
	pkgs := func(purpose string) string {
		return "kind: aid-packages\nid: mine\ntitle: T\npackages:\n  - donor: FIN\n    date: 2025-02-26\n    amount_m: 660\n    currency: EUR\n    purpose: " + purpose + "\n    url: https://example.org\n"
	}
	msg := func(file string, line int, field string, n int, what string, max int) string {
		return fmt.Sprintf("%s:%d: %s: \"%s\"... is %d characters long (expected %s of at most %d)\n", file, line, field, strings.Repeat("x", 40), n, what, max)
	}
	for _, c := range []struct {
		name, content string
		args          []string
		want          string
	}{
		{"release.yaml", release(big), []string{"validate"}, msg("release.yaml", 4, "title", 2<<20, "a title", 1000)},
		{"release.yaml", release(big), []string{"releases", "--data"}, msg("release.yaml", 4, "title", 2<<20, "a title", 1000)},
		{"packages.yaml", pkgs(big), []string{"validate"}, msg("packages.yaml", 9, "packages[0].purpose", 2<<20, "a title", 1000)},
		{"packages.yaml", pkgs(big), []string{"aid", "packages", "--data"}, msg("packages.yaml", 9, "packages[0].purpose", 2<<20, "a title", 1000)},
	} {
		p := filepath.Join(dir, c.name)
		writeText(t, p, c.content)
		code, out, errOut := mainEnv(nil, append(c.args, p)...)
		if code != 1 || out != "" || !strings.HasPrefix(errOut, p[:len(p)-len(c.name)]+c.want) {
			t.Errorf("%v %s: exit %d, stdout %.100q, stderr %.400q; want exit 1 and %q", c.args, c.name, code, out, errOut, c.want)
		}
		// The cap loads.
		ok := strings.Replace(c.content, big, strings.Repeat("x", 1000), 1)
		writeText(t, p, ok)
		if code, _, errOut := mainEnv(nil, "validate", p); code != 0 {
			t.Errorf("%s with a text of 1000 characters: exit %d, %s", c.name, code, errOut)
		}
	}
}

// targetList is n distinct percentage targets, 1.00, 1.01, ...
func targetList(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%d.%02d", 1+i/100, i%100)
	}
	return strings.Join(items, ",")
}

// --target takes at most 100 targets however given: the command line, the
// environment, the config file (a config file of 120,000 targets, within
// its 1 MiB, used to run out of memory at 5.8 GB). 100 run; 101 are a
// usage error (exit 2) naming where they came from, and the message does
// not repeat the list.
func TestTargetCap(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := mainEnv(nil, "gap", "--country", "DEU", "--format", "csv", "--target", targetList(100)); code != 0 {
		t.Fatalf("100 targets: exit %d, %.300s", code, errOut)
	}
	cfg := filepath.Join(dir, "config.yaml")
	big := filepath.Join(dir, "big.yaml")
	writeText(t, cfg, "gap:\n  target: ["+targetList(101)+"]\n")
	writeText(t, big, "target: ["+strings.Repeat("2, ", 120000)+"2]\n")
	const capMsg = "targets (expected at most 100, however given: command line, environment or config file)"
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"command line", nil, []string{"gap", "--target", targetList(101)}, `natospend: --target "1.00,1.01,1.02,1.03,1.04,1.05,1.06,1.07,"... brings the list to 101 ` + capMsg},
		{"repeated flag", nil, []string{"gap", "--target", targetList(100), "--target", "7"}, `natospend: --target "7" brings the list to 101 ` + capMsg},
		{"environment", map[string]string{"NATOSPEND_TARGET": targetList(101)}, []string{"gap"}, "natospend: NATOSPEND_TARGET=1.00,1.01,"},
		{"config file", nil, []string{"gap", "--config", cfg}, "natospend: config file " + cfg + ": line 2: gap: target: [1.00, 1.01,"},
		{"config file of 120,001 targets", nil, []string{"check", "--config", big}, `--target "2" brings the list to 101 ` + capMsg},
		{"5,000 targets x 13 years", nil, []string{"gap", "--target", targetList(5000), "--year", "2014-2026", "--format", "csv"}, "brings the list to 5000 " + capMsg},
	} {
		code, out, errOut := mainEnv(c.env, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, capMsg) || len(errOut) > 600 {
			t.Errorf("%s: exit %d, stdout %.100q, stderr (%d bytes) %.700q; want exit 2 and %q", c.name, code, out, len(errOut), errOut, c.want)
		}
	}
}

// A query of more than calc.MaxRows rows is refused (exit 2) before
// anything is computed: here a release of the user's that publishes
// 1949-2100, asked for every year, 100 targets x the allies of each year
// (12 in 1949, ... 32 today: about 3,700 country-years).
func TestRowsCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: release\nid: long\nseries: defence\ntitle: Long\npublisher: Me\npublished: 2026-01-01\nurl: https://example.org\nfigures:\n  DEU:\n")
	for y := 1949; y <= 2100; y++ {
		fmt.Fprintf(&b, "    %d: {share_pct: 2}\n", y)
	}
	p := filepath.Join(t.TempDir(), "long.yaml")
	writeText(t, p, b.String())
	code, out, errOut := mainEnv(nil, "gap", "--data", p, "--release", "long", "--year", "1949-2100", "--target", targetList(100), "--format", "csv")
	want := "x 152 years x 1 releases; a target with a resilience part counts three times), more than the 100000 a run may give (every row is held in memory before any is written)"
	if code != 2 || out != "" || !strings.Contains(errOut, "natospend: this query gives ") || !strings.Contains(errOut, want) {
		t.Fatalf("exit %d, stdout %.100q, stderr %.500q; want exit 2 and %q", code, out, errOut, want)
	}
}
