//go:build unix

package dataset

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadPathsUnreadable: a directory holding a file that cannot be read
// is an error naming that file. chmod 000 does not stop root, so the
// dangling symlink and the named pipe cases (which fail for root too)
// always run, and the chmod case is skipped when it does not apply.
func TestReadPathsUnreadable(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string) // makes dir/x.yaml unreadable
		want string                          // the message after "path: "
	}{
		{"chmod 000", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("kind: countries\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, 0); err != nil {
				t.Fatal(err)
			}
			if f, err := os.Open(path); err == nil {
				f.Close()
				t.Skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reading; the other cases cover unreadable files")
			}
		}, "cannot read: permission denied"},
		{"dangling symlink", func(t *testing.T, path string) {
			if err := os.Symlink("gone.yaml", path); err != nil {
				t.Fatal(err)
			}
		}, `cannot read: is a symbolic link to gone.yaml, which does not exist`},
		{"named pipe", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "cannot read: is a named pipe (expected a regular file)"},
		{"symlink loop", func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Base(path), path); err != nil {
				t.Fatal(err)
			}
		}, "cannot read: too many levels of symbolic links"},
		{"device", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
		}, "cannot read: is a device (expected a regular file)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("kind: countries\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "x.yaml")
			tc.make(t, path)
			done := make(chan error, 1)
			go func() { _, err := ReadPaths([]string{dir}); done <- err }()
			select {
			case err := <-done:
				if want := path + ": " + tc.want; err == nil || err.Error() != want {
					t.Errorf("got %v\nwant %s", err, want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("ReadPaths blocked")
			}
		})
	}
	t.Run("unreadable directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "d")
		if err := os.Mkdir(dir, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := os.ReadDir(dir); err == nil {
			t.Skip("running as root: chmod 000 does not stop reading a directory")
		}
		_, err := ReadPaths([]string{dir})
		if want := dir + ": cannot read the directory: permission denied"; err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
	})
}
