package guardedfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadRegular(t *testing.T) {
	p := write(t, "a.yaml", "abc\n")
	got, err := Read(p, 4)
	if err != nil || string(got) != "abc\n" {
		t.Fatalf("Read = %q, %v; want \"abc\\n\"", got, err)
	}
}

// wantRefusal checks that err is an *Error for path, wrapping target,
// with reason as its message after the path.
func wantRefusal(t *testing.T, err error, path, op, reason string, target error) {
	t.Helper()
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("error %v (%T), want an *Error", err, err)
	}
	if ge.Path != path || ge.Op != op || ge.Reason != reason || err.Error() != path+": "+reason {
		t.Errorf("error {Path %q, Op %q, Reason %q}, want {%q, %q, %q}", ge.Path, ge.Op, ge.Reason, path, op, reason)
	}
	if !errors.Is(err, target) {
		t.Errorf("error %v does not wrap %v", err, target)
	}
}

func TestReadOversize(t *testing.T) {
	p := write(t, "big.yaml", "12345")
	_, err := Read(p, 4)
	wantRefusal(t, err, p, "stat", "file is too large: 5 bytes (expected at most 4 bytes)", ErrTooLarge)
	// Exactly at the bound is accepted.
	if got, err := Read(p, 5); err != nil || string(got) != "12345" {
		t.Fatalf("Read at the bound = %q, %v", got, err)
	}
	// The bound in mebibytes, as the data files' 64 MiB.
	f, err := os.Create(filepath.Join(t.TempDir(), "sparse.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(64<<20 + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = Read(f.Name(), 64<<20)
	wantRefusal(t, err, f.Name(), "stat", "file is too large: 67108865 bytes (expected at most 64 MiB)", ErrTooLarge)
}

func TestReadDirectory(t *testing.T) {
	d := t.TempDir()
	_, err := Read(d, 1<<20)
	wantRefusal(t, err, d, "stat", "cannot read: is a directory (expected a regular file)", ErrNotRegular)
}

func TestReadMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "none.yaml")
	_, err := Read(p, 1<<20)
	wantRefusal(t, err, p, "stat", "cannot read: no such file or directory", fs.ErrNotExist)
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{1: "1 byte", 100: "100 bytes", 1 << 20: "1 MiB", 64 << 20: "64 MiB", 32<<20 + 1: "33554433 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	p := write(t, "a.yaml", "abc")
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(p, fi, 3); err != nil {
		t.Fatalf("Check at the bound: %v", err)
	}
	wantRefusal(t, Check(p, fi, 2), p, "stat", "file is too large: 3 bytes (expected at most 2 bytes)", ErrTooLarge)
	if !strings.Contains(TooLarge("x", 9, 1<<20).Error(), "x: file is too large: 9 bytes (expected at most 1 MiB)") {
		t.Errorf("TooLarge: %v", TooLarge("x", 9, 1<<20))
	}
}
