package testenv

import (
	"os/exec"
	"testing"
)

// tool returns the path of the program name on PATH; without it the test
// is skipped, or fails when CI is set (CI must run it). pkg is the Debian
// package that provides it and script the .ci script that installs it.
func tool(t testing.TB, name, pkg, script string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if CI() {
			t.Fatalf("%s not found, and CI is set: CI must run this test; install Debian's %s (%s)", name, pkg, script)
		}
		t.Skipf("%s not found: install Debian's %s", name, pkg)
	}
	return p
}
