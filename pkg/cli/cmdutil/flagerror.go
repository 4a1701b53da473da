package cmdutil

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/spf13/pflag"
)

// FlagError is a bad value of a flag: returned by the flag value types of
// this package (enumerated, list and number flags) when a value is set,
// given the flag's name by the layer that set it (the command line's flag
// error function, the settings), and its origin by the settings or, for
// an error a command finds later (FlagErrorf), when the error is printed.
type FlagError struct {
	Flag  string // the flag's name, without dashes: "year"
	Value string // the value as given, "" when the error is about no one value
	// Origin says where the value came from when the command line did not
	// give it: "NATOSPEND_YEAR=1900", "config file F: line 3: year: 1900";
	// "" for the command line.
	Origin string
	// Err says what is wrong: from a flag value type, its text starts
	// with the value ("\"xml\" is not a format (...)") and Named puts the
	// flag before it; once named (and from FlagErrorf), it is the whole
	// message after the origin ("--year 1900 is out of range (...)").
	Err error
}

func (e *FlagError) Error() string {
	if e.Origin == "" {
		return e.Err.Error()
	}
	return e.Origin + ": " + e.Err.Error()
}

func (e *FlagError) Unwrap() error { return e.Err }

// valueError is the error of a flag value type for the value s: the flag
// is not known yet (see Named).
func valueError(s string, format string, a ...any) error {
	return &FlagError{Value: s, Err: &unnamed{fmt.Errorf(format, a...)}}
}

// unnamed marks the Err of a FlagError that does not name its flag yet.
type unnamed struct{ error }

func (u *unnamed) Unwrap() error { return u.error }

// Named returns the error of setting the flag name to value as a
// *FlagError naming the flag, in natospend's words: a value type's error
// after the flag (`--format "xml" is not a format (...)`), any other
// error (pflag's own value types) after the flag and the value quoted
// (`--name "x": reason`). An error that already names its flag is
// returned as it is.
func Named(name, value string, err error) *FlagError {
	var fe *FlagError
	if errors.As(err, &fe) {
		var u *unnamed
		if !errors.As(fe.Err, &u) {
			return fe
		}
		return &FlagError{Flag: name, Value: fe.Value, Origin: fe.Origin, Err: fmt.Errorf("--%s %w", name, u.error)}
	}
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) {
		err = ive.Unwrap()
	}
	return &FlagError{Flag: name, Value: value, Err: fmt.Errorf("--%s %s: %w", name, strconv.Quote(value), err)}
}

// FlagErrorf returns a usage error about the flag's value, found by a
// command after the flags were set: the message names the flag itself
// ("--year %d is out of range ..."), and the origin of the flag's value,
// when the command line did not give it, is put before it when the error
// is printed.
func FlagErrorf(flag, format string, a ...any) error {
	return &UsageError{Err: &FlagError{Flag: flag, Err: fmt.Errorf(format, a...)}}
}

// queryFlag returns the flag that sets a field of a calc.Query that
// calc.Compute can refuse, or "".
func queryFlag(field string) string {
	switch field {
	case "Targets":
		return "target"
	case "By":
		return "by"
	case "Prices":
		return "prices"
	}
	return ""
}

// QueryError returns calc.Compute's refusal of a query as a usage error:
// a FlagError for the flag that set the field at fault (so that it gets
// the flag's origin when printed).
func QueryError(err error) error {
	var qe *calc.QueryError
	if errors.As(err, &qe) && queryFlag(qe.Field) != "" {
		return &UsageError{Err: &FlagError{Flag: queryFlag(qe.Field), Err: err}}
	}
	return &UsageError{Err: err}
}

// Accepts reports whether the flag would take the value s, read from the
// flag's declaration (an enumerated flag's values and aliases, a number's
// digits), without setting it: a flag of any value type but those of this
// package and pflag's strings accepts nothing.
func Accepts(fl *pflag.Flag, s string) bool {
	switch v := fl.Value.(type) {
	case *enumValue:
		_, ok := v.match(s)
		return ok
	case *listValue:
		return true // items are checked where used
	case *decimalInt:
		_, ok := decimal(s)
		return ok
	case *strictBool:
		_, err := strconv.ParseBool(strings.ToLower(strings.TrimSpace(s)))
		return err == nil
	}
	return slices.Contains([]string{"string", "stringArray"}, fl.Value.Type())
}
