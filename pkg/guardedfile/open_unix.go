//go:build unix

package guardedfile

import (
	"os"
	"syscall"
)

// openNonBlocking opens a file for reading without blocking: should the
// path have become a named pipe since it was looked at, opening it does
// not wait for a writer (Read then refuses what it opened).
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
