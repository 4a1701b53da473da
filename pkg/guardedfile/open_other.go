//go:build !unix

package guardedfile

import "os"

// openNonBlocking opens a file for reading (named pipes that block on
// opening are a Unix matter).
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
