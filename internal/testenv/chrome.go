package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// ChromeEnv names the variable that points at the Chromium (or Chrome)
// binary the browser tests drive; it overrides the search.
const ChromeEnv = "NATOSPEND_CHROME"

// chromeBinaries are the browsers Chrome looks for, in order, after
// $NATOSPEND_CHROME: first the program behind Debian's
// /usr/bin/chromium-headless-shell (a shell script that runs it: the
// program itself is what the tests start and stop, so no wrapper shell
// outlives a stop), then the names of headless and full builds on PATH.
var chromeBinaries = []string{
	"/usr/lib/chromium/chromium-headless-shell",
	"chromium-headless-shell",
	"headless_shell",
	"headless-shell",
	"chromium",
	"chromium-browser",
	"google-chrome-stable",
	"google-chrome",
}

// Chrome returns the path of a Chromium for the browser tests (Debian's
// chromium-headless-shell; CI installs it with .ci/install-browser):
// $NATOSPEND_CHROME when set (a path or a name on PATH; when it is not
// found the test fails, set or not in CI), else the first of
// chromeBinaries found. Without one the test is skipped, or fails when CI
// is set (CI must run it).
func Chrome(t testing.TB) string {
	t.Helper()
	if v := os.Getenv(ChromeEnv); v != "" {
		p, err := exec.LookPath(v)
		if err != nil {
			t.Fatalf("$%s=%s: %v", ChromeEnv, v, err)
		}
		return p
	}
	for _, name := range chromeBinaries {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return tool(t, "chromium-headless-shell", "chromium-headless-shell", ".ci/install-browser")
}
