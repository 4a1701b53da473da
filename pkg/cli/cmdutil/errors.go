// Package cmdutil holds what natospend's commands share: the factory of
// dependencies, error types and exit codes, the common flags and the way
// output reaches stdout or a file.
package cmdutil

import (
	"errors"
	"fmt"
	"strings"
)

// Exit codes. They are a contract with scripts: documented in
// `natospend help exit-codes` and docs/scripting.md, only ever added to.
const (
	ExitOK       = 0  // success
	ExitFailure  = 1  // a data or runtime error (bad data file, unreadable file, failed write)
	ExitUsage    = 2  // a usage error (unknown flag or command, bad value, unknown country or group)
	ExitShort    = 3  // check: at least one selected country falls short of the target
	ExitMissing  = 4  // check: a selected country has no data for the year
	ExitInternal = 70 // an internal error (a bug): natospend caught a panic
)

// UsageError is an error in how natospend was called. It exits with code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// UsageErrorf returns a UsageError with a formatted message.
func UsageErrorf(format string, a ...any) error {
	return &UsageError{Err: fmt.Errorf(format, a...)}
}

// ExitError ends a run with a given code. A nil Err prints nothing.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit code %d", e.Code)
	}
	return e.Err.Error()
}
func (e *ExitError) Unwrap() error { return e.Err }

// IsUsage reports whether err is a usage error.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

// Examples trims the blank lines around a command's examples, keeping the
// indentation of each line (cobra prints them as given).
func Examples(s string) string { return strings.Trim(s, "\n") }
