package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// germanyOnly is a user's release with Germany alone, published after
// every embedded release.
func germanyOnly(id string) string {
	return strings.Join([]string{
		"kind: release", "id: " + id, "series: defence", "title: Germany only", "publisher: a user",
		"published: 2027-01-01", "url: https://example.org/de", "definition: core", "figures:",
		"  DEU:", "    2026: {gdp_musd: 5000000, share_pct: 3.1}", ""}, "\n")
}

type gapDoc struct {
	Release string `json:"release"`
	Rows    []struct {
		Code   string `json:"code"`
		Status string `json:"status"`
	} `json:"rows"`
}

func runGapJSON(t *testing.T, env map[string]string, args ...string) (gapDoc, string) {
	t.Helper()
	code, out, errOut := runEnv(t, env, append([]string{"gap", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var d gapDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return d, errOut
}

// TestUserReleaseIsNotTheDefault: a user's Germany-only release with a
// later publication date does not become the default release: the 32
// allies keep their figures, check passes as it does without it, and no
// note is printed. Named, it is used, with a note.
func TestUserReleaseIsNotTheDefault(t *testing.T) {
	de := writeFile(t, "my.yaml", germanyOnly("my-de"))
	d, errOut := runGapJSON(t, nil, "--data", de)
	if d.Release != "nato-2026-07" || errOut != "" {
		t.Fatalf("release %s, stderr %q; want the default nato-2026-07 and no note", d.Release, errOut)
	}
	if len(d.Rows) != 32 {
		t.Errorf("%d rows, want the 32 allies", len(d.Rows))
	}
	for _, r := range d.Rows {
		if r.Status == "no-data" {
			t.Errorf("%s: no-data: the user's release became the default", r.Code)
		}
	}
	if code, _, errOut := runEnv(t, nil, "check", "--data", de, "--target", "1", "--group", "europe"); code != 0 {
		t.Errorf("check --data my.yaml: exit %d, want 0 (stderr %q)", code, errOut)
	}

	// Named by --release, by the environment or by the config file.
	want := "natospend: using release my-de (from --release; file " + de + "), not the default nato-2026-07\n"
	d, errOut = runGapJSON(t, nil, "--data", de, "--release", "my-de", "--country", "DEU")
	if d.Release != "my-de" || len(d.Rows) != 1 || d.Rows[0].Status == "no-data" || errOut != want {
		t.Errorf("--release my-de: %+v, stderr %q; want my-de and stderr %q", d, errOut, want)
	}
	want = "natospend: using release my-de (from NATOSPEND_RELEASE=my-de; file " + de + "), not the default nato-2026-07\n"
	if d, errOut = runGapJSON(t, map[string]string{"NATOSPEND_RELEASE": "my-de"}, "--data", de, "--country", "DEU"); d.Release != "my-de" || errOut != want {
		t.Errorf("NATOSPEND_RELEASE=my-de: release %s, stderr %q; want %q", d.Release, errOut, want)
	}
	cfg := writeFile(t, "config.yaml", "release: my-de\n")
	want = "natospend: using release my-de (from config file " + cfg + ": line 1: release: my-de; file " + de + "), not the default nato-2026-07\n"
	if d, errOut = runGapJSON(t, map[string]string{"NATOSPEND_CONFIG": cfg}, "--data", de, "--country", "DEU"); d.Release != "my-de" || errOut != want {
		t.Errorf("config release: my-de: release %s, stderr %q; want %q", d.Release, errOut, want)
	}
	// --quiet: the data only.
	if d, errOut = runGapJSON(t, nil, "--data", de, "--release", "my-de", "--country", "DEU", "--quiet"); d.Release != "my-de" || errOut != "" {
		t.Errorf("--quiet: release %s, stderr %q", d.Release, errOut)
	}
	// check and path print the same note.
	for _, args := range [][]string{
		{"check", "--data", de, "--release", "my-de", "--country", "DEU", "--target", "2"},
		{"path", "--data", de, "--release", "my-de", "--country", "DEU", "--target", "3.5", "--by", "2030"},
	} {
		_, _, errOut := runEnv(t, nil, args...)
		if !strings.HasPrefix(errOut, "natospend: using release my-de (from --release; file ") || strings.Count(errOut, "using release") != 1 {
			t.Errorf("%s: stderr %q, want one note on the release", args[0], errOut)
		}
	}
	// An embedded release other than the default, named: a note too.
	want = "natospend: using release nato-2024-06 (from --release), not the default nato-2026-07\n"
	if d, errOut = runGapJSON(t, nil, "--release", "nato-2024-06", "--country", "DEU"); errOut != want {
		t.Errorf("--release nato-2024-06: stderr %q, want %q", errOut, want)
	}
	// A year that only the user's release has: a usage error that says how
	// to use it.
	de27 := writeFile(t, "my27.yaml", strings.Replace(germanyOnly("my-27"), "2026:", "2027:", 1))
	code, out, errOut := runEnv(t, nil, "gap", "--data", de27, "--year", "2027")
	if code != 2 || out != "" || !strings.Contains(errOut, "--year 2027: no embedded release publishes figures for 2027 (nato-2026-07: 2014-2026; ") ||
		!strings.Contains(errOut, "; the releases of your --data files are used only when named with --release (my-27: 2027)") {
		t.Errorf("--year 2027: exit %d, stderr %q", code, errOut)
	}
}

// TestUserReleaseReplacesEmbedded: a user's release with the id of an
// embedded one replaces it, under that id: it is what the default id
// gives, and the note says so.
func TestUserReleaseReplacesEmbedded(t *testing.T) {
	de := writeFile(t, "my.yaml", germanyOnly("nato-2026-07"))
	d, errOut := runGapJSON(t, nil, "--data", de, "--country", "DEU,FRA", "--target", "3.5")
	want := "natospend: using release nato-2026-07 (file " + de + ", which replaces the embedded release of that id)\n"
	if d.Release != "nato-2026-07" || errOut != want {
		t.Fatalf("release %s, stderr %q; want nato-2026-07 and %q", d.Release, errOut, want)
	}
	status := map[string]string{}
	for _, r := range d.Rows {
		status[r.Code] = r.Status
	}
	if status["DEU"] != "short" || status["FRA"] != "no-data" { // 3.1% < 3.5%
		t.Errorf("statuses %v: want Germany's figures from my.yaml and no France", status)
	}
}

// TestNoDefaultDataUsesNewestUserRelease: with --no-default-data there is
// no embedded release: the newest of the user's releases is used, and the
// note says why.
func TestNoDefaultDataUsesNewestUserRelease(t *testing.T) {
	dir := t.TempDir()
	older := strings.Replace(strings.Replace(germanyOnly("older"), "2027-01-01", "2025-01-01", 1), "2026:", "2024:", 1)
	for name, content := range map[string]string{
		"countries.yaml": "kind: countries\ncitation: a test\ncountries:\n  DEU: {name: Germany}\n",
		"newer.yaml":     germanyOnly("newer"),
		"older.yaml":     older,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, errOut := runGapJSON(t, nil, "--no-default-data", "--data", dir, "--country", "DEU", "--target", "2")
	want := "natospend: using release newer (file " + filepath.Join(dir, "newer.yaml") + "; the newest of the --data releases: --no-default-data loads no embedded release)\n"
	if d.Release != "newer" || errOut != want {
		t.Errorf("release %s, stderr %q; want newer and %q", d.Release, errOut, want)
	}
	if d, errOut = runGapJSON(t, nil, "--no-default-data", "--data", dir, "--country", "DEU", "--target", "2", "--release", "older"); d.Release != "older" || errOut != "" {
		t.Errorf("--release older: release %s, stderr %q; want older and no note", d.Release, errOut)
	}
}
