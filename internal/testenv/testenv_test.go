package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "0": false, "false": false, "true": true, "1": true, "yes": true} {
		t.Setenv("CI", v)
		if got := CI(); got != want {
			t.Errorf("CI=%q: %v, want %v", v, got, want)
		}
	}
}

// fakeTB records what SharedDir does with the test.
type fakeTB struct {
	testing.TB
	skipped, failed bool
	msg             string
}

func (f *fakeTB) Helper()           {}
func (f *fakeTB) Fatal(args ...any) { f.failed, f.msg = true, fmt.Sprint(args...); panic(f) }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed, f.msg = true, fmt.Sprintf(format, args...)
	panic(f)
}
func (f *fakeTB) Skip(args ...any) { f.skipped, f.msg = true, fmt.Sprint(args...); panic(f) }
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped, f.msg = true, fmt.Sprintf(format, args...)
	panic(f)
}

func run(tb *fakeTB, files ...string) (dir string) {
	defer func() {
		if r := recover(); r != nil && r != tb {
			panic(r)
		}
	}()
	return SharedDir(tb, files...)
}

func TestSharedDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.csv"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(SharedEnv, dir)
	if got := run(&fakeTB{TB: t}, "a.csv"); got != dir {
		t.Errorf("$%s with the file: %q, want %q", SharedEnv, got, dir)
	}
	// Set but wrong: always a failure, CI or not.
	t.Setenv("CI", "")
	if tb := (&fakeTB{TB: t}); run(tb, "b.csv") != "" || !tb.failed {
		t.Errorf("$%s without the file: %+v, want a failure", SharedEnv, tb)
	}
	// Not set and not found beside the clone: skipped, or failed in CI.
	t.Setenv(SharedEnv, "")
	const absent = "no-such-table-ever.csv"
	if tb := (&fakeTB{TB: t}); run(tb, absent) != "" || !tb.skipped || tb.failed {
		t.Errorf("not found, CI unset: %+v, want a skip", tb)
	}
	t.Setenv("CI", "true")
	if tb := (&fakeTB{TB: t}); run(tb, absent) != "" || !tb.failed || tb.skipped {
		t.Errorf("not found, CI set: %+v, want a failure", tb)
	}
}
