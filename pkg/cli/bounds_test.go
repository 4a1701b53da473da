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
