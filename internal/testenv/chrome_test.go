package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

func runChrome(tb *fakeTB) (path string) {
	defer func() {
		if r := recover(); r != nil && r != tb {
			panic(r)
		}
	}()
	return Chrome(tb)
}

func TestChrome(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "my-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// $NATOSPEND_CHROME wins over the search.
	t.Setenv(ChromeEnv, fake)
	if got := runChrome(&fakeTB{TB: t}); got != fake {
		t.Errorf("$%s=%s: %q", ChromeEnv, fake, got)
	}
	// Set but wrong: always a failure, CI or not.
	t.Setenv("CI", "")
	t.Setenv(ChromeEnv, filepath.Join(dir, "absent"))
	if tb := (&fakeTB{TB: t}); runChrome(tb) != "" || !tb.failed {
		t.Errorf("$%s naming no file: %+v, want a failure", ChromeEnv, tb)
	}
	// Not set: the first of the list found, else skipped (failed in CI).
	t.Setenv(ChromeEnv, "")
	t.Setenv("PATH", dir)
	saved := chromeBinaries
	t.Cleanup(func() { chromeBinaries = saved })
	chromeBinaries = []string{filepath.Join(dir, "absent"), "my-chrome"}
	if got := runChrome(&fakeTB{TB: t}); got != fake {
		t.Errorf("searched %v on PATH=%s: %q, want %q", chromeBinaries, dir, got, fake)
	}
	chromeBinaries = []string{filepath.Join(dir, "absent")}
	if tb := (&fakeTB{TB: t}); runChrome(tb) != "" || !tb.skipped || tb.failed {
		t.Errorf("none found, CI unset: %+v, want a skip", tb)
	}
	t.Setenv("CI", "true")
	if tb := (&fakeTB{TB: t}); runChrome(tb) != "" || !tb.failed || tb.skipped {
		t.Errorf("none found, CI set: %+v, want a failure", tb)
	}
}
