//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO is written through, never replaced by a regular file (no root
// needed: mkfifo).
func TestOutputFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A reader that does not block, so that the writer can open the FIFO;
	// the CSV (under 1 KiB) fits the pipe's buffer.
	fd, err := syscall.Open(fifo, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	code, _, errOut := mainEnv(nil, gapArgs("-o", fifo)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	buf := make([]byte, 64<<10)
	n, _ := syscall.Read(fd, buf)
	_, want, _ := mainEnv(nil, gapArgs("--format", "csv")...)
	if n < 0 || string(buf[:max(n, 0)]) != want {
		t.Errorf("the reader got %q, want %q", buf[:max(n, 0)], want)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", fi, err)
	}
}
