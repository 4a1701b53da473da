package testenv

import (
	"os/exec"
	"testing"
)

// Tmux returns the path of tmux, in which the tests measure tables in a
// real terminal of a given width (CI installs it with .ci/install-tmux);
// without it the test is skipped, or fails when CI is set (CI must run it).
func Tmux(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("tmux")
	if err != nil {
		if CI() {
			t.Fatal("tmux not found, and CI is set: CI must run this test; install Debian's tmux (.ci/install-tmux)")
		}
		t.Skip("tmux not found: install Debian's tmux")
	}
	return p
}
