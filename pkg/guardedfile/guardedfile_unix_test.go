//go:build unix

package guardedfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// readWithin runs Read in a goroutine and fails the test if it blocks.
func readWithin(t *testing.T, path string, max int64) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Read(path, max)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		// Unblock the open by opening the other end, so that the goroutine ends.
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatalf("Read(%s) blocked", path)
		return nil
	}
}

func TestReadFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.yaml")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	err := readWithin(t, p, 1<<20)
	wantRefusal(t, err, p, "stat", "cannot read: is a named pipe (expected a regular file)", ErrNotRegular)
}

// TestReadFIFOSwappedIn replaces a regular file by a named pipe after Read
// looked at it: the open must not wait for a writer, and what was opened
// is refused.
func TestReadFIFOSwappedIn(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(p, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	swapped := false
	afterStat = func(path string) {
		if path != p {
			return
		}
		if err := os.Remove(p); err != nil {
			t.Error(err)
		}
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Error(err)
		}
		swapped = true
	}
	defer func() { afterStat = func(string) {} }()
	err := readWithin(t, p, 1<<20)
	if !swapped {
		t.Fatal("the hook did not run")
	}
	wantRefusal(t, err, p, "fstat", "cannot read: is a named pipe (expected a regular file)", ErrNotRegular)
}

func TestReadDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	err := readWithin(t, "/dev/zero", 1<<20)
	wantRefusal(t, err, "/dev/zero", "stat", "cannot read: is a device (expected a regular file)", ErrNotRegular)
}

// TestReadGrownAfterStat replaces the file by a larger one after Read
// looked at it: fstat sees the new size, refused before reading.
func TestReadGrownAfterStat(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(p, []byte("12"), 0o644); err != nil {
		t.Fatal(err)
	}
	afterStat = func(path string) {
		if err := os.WriteFile(path, []byte("123456"), 0o644); err != nil {
			t.Error(err)
		}
	}
	defer func() { afterStat = func(string) {} }()
	_, err := Read(p, 4)
	wantRefusal(t, err, p, "fstat", "file is too large: 6 bytes (expected at most 4 bytes)", ErrTooLarge)
}

// TestReadPastTheBound reads a regular file whose size says 0 but which
// holds more than the bound (a file of /proc): the bound holds while
// reading, not only on the size fstat gives.
func TestReadPastTheBound(t *testing.T) {
	const p = "/proc/self/status"
	fi, err := os.Stat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != 0 {
		t.Skip("no /proc/self/status of size 0")
	}
	_, err = Read(p, 4)
	wantRefusal(t, err, p, "read", "file is too large: more than 4 bytes (expected at most 4 bytes)", ErrTooLarge)
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	p := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(p, []byte("a"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := Read(p, 10)
	wantRefusal(t, err, p, "open", "cannot read: permission denied", os.ErrPermission)
}
