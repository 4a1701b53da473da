package testenv

import "testing"

// Tmux returns the path of tmux, in which the tests measure tables in a
// real terminal of a given width (CI installs it with .ci/install-tmux);
// without it the test is skipped, or fails when CI is set (CI must run it).
func Tmux(t testing.TB) string {
	t.Helper()
	return tool(t, "tmux", "tmux", ".ci/install-tmux")
}
