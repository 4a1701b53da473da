// Package guardedfile reads the files natospend takes as input (data
// files, workbooks, the config file) with one set of guards and one
// wording for what it refuses:
//
//   - a regular file only: a named pipe, a device, a socket or a directory
//     is refused ("cannot read: is a named pipe (expected a regular
//     file)"), before it is opened when os.Stat already says so, and in
//     any case after: the file is opened without blocking (O_NONBLOCK on
//     Unix), and what was opened is checked again (fstat), so that a named
//     pipe swapped in after the first look neither blocks the open nor is
//     read;
//   - a size bound: a file larger than the bound is refused before it is
//     read when fstat says so, and a file that grows while it is read is
//     cut off one byte past the bound and refused ("file is too large:
//     more than 64 MiB (expected at most 64 MiB)").
//
// Every refusal is an *Error naming the file and the step that failed.
package guardedfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular and ErrTooLarge are wrapped by the *Error of a file that
// is not a regular file and of one larger than the bound.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file is too large")
)

// Error is a file that was refused or could not be read.
type Error struct {
	Path string
	// Op is the step that failed: "stat" (looking at the path), "open",
	// "fstat" (looking at what was opened) or "read".
	Op string
	// Reason says what is wrong, without the path, in the one wording of
	// every input file: "cannot read: no such file or directory", "cannot
	// read: is a directory (expected a regular file)", "file is too large:
	// 70000000 bytes (expected at most 64 MiB)".
	Reason string
	// Err is ErrNotRegular, ErrTooLarge or the operating system's error.
	Err error
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }
func (e *Error) Unwrap() error { return e.Err }

// Read returns the bytes of the regular file at path, of at most max
// bytes, or an *Error.
func Read(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, osError(path, "stat", err)
	}
	if err := Check(path, fi, max); err != nil {
		return nil, err
	}
	afterStat(path)
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, osError(path, "open", err)
	}
	defer f.Close()
	// The path may have been replaced since os.Stat: check what was opened.
	if fi, err = f.Stat(); err != nil {
		return nil, osError(path, "fstat", err)
	}
	if err := check(path, "fstat", fi, max); err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, osError(path, "read", err)
	}
	if int64(buf.Len()) > max {
		return nil, &Error{Path: path, Op: "read", Err: ErrTooLarge,
			Reason: fmt.Sprintf("file is too large: more than %s (expected at most %s)", Size(max), Size(max))}
	}
	return buf.Bytes(), nil
}

// afterStat is called between the first look and the open: a test swaps
// the file there.
var afterStat = func(string) {}

// Check refuses, as Read would, a file that os.Stat described as fi: one
// that is not a regular file or is larger than max bytes. It returns nil
// for a file Read would go on to open.
func Check(path string, fi fs.FileInfo, max int64) error { return check(path, "stat", fi, max) }

func check(path, op string, fi fs.FileInfo, max int64) error {
	if what := special(fi.Mode()); what != "" {
		return &Error{Path: path, Op: op, Err: ErrNotRegular,
			Reason: "cannot read: is " + what + " (expected a regular file)"}
	}
	if fi.Size() > max {
		e := TooLarge(path, fi.Size(), max)
		e.Op = op
		return e
	}
	return nil
}

// TooLarge is the error of a file of n bytes, over the bound max: for a
// reader given bytes read elsewhere, in the wording of Read.
func TooLarge(path string, n, max int64) *Error {
	return &Error{Path: path, Op: "stat", Err: ErrTooLarge,
		Reason: fmt.Sprintf("file is too large: %d bytes (expected at most %s)", n, Size(max))}
}

// special names what a file that is not a regular file is, or "" for a
// regular file.
func special(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "a special file"
}

// Size says a bound in the words of the messages: "64 MiB" for a whole
// number of mebibytes, else "100 bytes".
func Size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// osError is an error of the operating system as an *Error: its reason
// without the path the message already names.
func osError(path, op string, err error) *Error {
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
		err = pe.Err
	}
	return &Error{Path: path, Op: op, Err: err, Reason: "cannot read: " + reason}
}
