package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// names lists a directory's entries, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestWriteFileReplacesWholeKeepingMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(p, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "new\n" {
		t.Fatalf("content %q", b)
	}
	// A private file stays private (it used to become 0644).
	if fi, _ := os.Stat(p); fi.Mode() != 0o600 {
		t.Fatalf("mode %v, want -rw-------", fi.Mode())
	}
	if got := names(t, dir); len(got) != 1 {
		t.Fatalf("left %q, want only out.csv", got)
	}
}

func TestWriteFileFailureLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(p, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(filepath.Join(dir, "missing", "f"), []byte("x"))
	if err == nil || err.Error() != filepath.Join(dir, "missing", "f")+": the directory "+filepath.Join(dir, "missing")+" does not exist" {
		t.Fatalf("missing directory: %v", err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "old\n" {
		t.Fatalf("old file changed: %q", b)
	}
	if got := names(t, dir); len(got) != 1 {
		t.Fatalf("left %q, want only out.csv", got)
	}
}

// A directory, even an empty one, is refused, not replaced (an empty
// directory used to be replaced by the file).
func TestWriteFileRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(sub, []byte("new\n"))
	if !errors.Is(err, ErrRefused) || err.Error() != sub+": is a directory, not a file" {
		t.Fatalf("err = %v", err)
	}
	if fi, err := os.Stat(sub); err != nil || !fi.IsDir() {
		t.Fatalf("the directory was replaced: %v, %v", fi, err)
	}
	if got := names(t, dir); len(got) != 1 {
		t.Fatalf("left %q, want only sub", got)
	}
}

// A symbolic link to a regular file is refused; the link and its target
// stay as they were (the link used to be replaced by a regular file).
func TestWriteFileRefusesLinkToFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.csv")
	if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("target.csv", link); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(link, []byte("new\n"))
	if !errors.Is(err, ErrRefused) || err.Error() != link+": is a symbolic link to a regular file: it is not followed; name the file itself" {
		t.Fatalf("err = %v", err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi, err)
	}
	if b, _ := os.ReadFile(target); string(b) != "old\n" {
		t.Fatalf("target changed: %q", b)
	}
	// A link to nothing is refused too: nothing is created at its target.
	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink("nothing", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("new\n")); !errors.Is(err, ErrRefused) {
		t.Fatalf("dangling link: %v", err)
	}
	if got := names(t, dir); strings.Join(got, " ") != "dangling link.csv target.csv" {
		t.Fatalf("entries %q", got)
	}
}

// /dev/null is written to, never replaced (as root, the rename used to
// replace the device; as another user, it failed).
func TestWriteFileDevNull(t *testing.T) {
	fi, err := os.Lstat("/dev/null")
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no /dev/null character device here")
	}
	if err := WriteFile("/dev/null", []byte("data\n")); err != nil {
		t.Fatal(err)
	}
	after, err := os.Lstat("/dev/null")
	if err != nil || after.Mode() != fi.Mode() || !os.SameFile(fi, after) {
		t.Fatalf("/dev/null changed: %v -> %v (%v)", fi.Mode(), after, err)
	}
}
