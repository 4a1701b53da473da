package cmdutil

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/lists"
	"github.com/spf13/pflag"
)

// MaxListItems is the most items a list flag takes (LimitList sets a
// lower cap for one flag), however they are given: on the command line,
// in the environment or in the config file, so that a config file cannot
// expand into more than the command line takes. It is far above any real
// list (countries, years, files) and bounds the work a run does before it
// starts.
const MaxListItems = 1000

// listValue is the value of every list flag (--country, --target, ...):
// each value given is kept as written, to be split by SplitList where it
// is used. Unlike pflag's StringSlice, which parses a value as a CSV
// record and so keeps only the first line of "DEU\nSVN", it never drops a
// thing. The first value given replaces the default; later ones add to it.
type listValue struct {
	p       *[]string
	changed bool
	n       int    // items given so far (as SplitList counts them)
	max     int    // the most items (0: MaxListItems)
	noun    string // what an item is, for the error: "targets"
}

func newListValue(p *[]string, def []string) *listValue {
	*p = append([]string(nil), def...)
	return &listValue{p: p}
}

func (l *listValue) Set(s string) error {
	if !l.changed {
		*l.p = nil
		l.n = 0
		l.changed = true
	}
	return l.add(s)
}

// ErrTooManyItems is wrapped by the error of a list flag given more items
// than its cap: the same for every command, so that a top-level config
// setting is refused for it even where another command takes the value.
var ErrTooManyItems = errors.New("too many items")

type tooManyItems struct{ msg string }

func (e *tooManyItems) Error() string { return e.msg }
func (e *tooManyItems) Unwrap() error { return ErrTooManyItems }

// add appends a value, unless it brings the list past its cap.
func (l *listValue) add(s string) error {
	max, noun := l.max, l.noun
	if max == 0 {
		max, noun = MaxListItems, "items"
	}
	k := len(lists.Split([]string{s}))
	if l.n+k > max {
		shown := s
		if len(shown) > 40 {
			shown = shown[:40]
		}
		q := strconv.Quote(shown)
		if len(shown) < len(s) {
			q += "..."
		}
		return &FlagError{Value: s, Err: &unnamed{&tooManyItems{fmt.Sprintf("%s brings the list to %d %s (expected at most %d, however given: command line, environment or config file)", q, l.n+k, noun, max)}}}
	}
	l.n += k
	*l.p = append(*l.p, s)
	return nil
}

// Type is pflag's name for a list of strings: help shows "strings", and
// shell completion offers the flag again after it was given once.
func (l *listValue) Type() string { return "stringSlice" }

func (l *listValue) String() string {
	if len(*l.p) == 0 {
		return ""
	}
	return "[" + strings.Join(*l.p, ",") + "]"
}

// Append, Replace and GetSlice make it a pflag.SliceValue, so that a
// setting from the environment or a config file can set it item by item.
func (l *listValue) Append(s string) error {
	l.changed = true
	return l.add(s)
}

func (l *listValue) Replace(items []string) error {
	l.changed = true
	*l.p, l.n = nil, 0
	for _, s := range items {
		if err := l.add(s); err != nil {
			return err
		}
	}
	return nil
}

func (l *listValue) GetSlice() []string { return append([]string(nil), *l.p...) }

// ListVarP defines a list flag: it may be repeated, and each value is a
// list whose items are separated by commas, line breaks or tabs (see
// SplitList); the environment and config forms take the same lists.
func ListVarP(fl *pflag.FlagSet, p *[]string, name, shorthand string, def []string, usage string) {
	fl.VarP(newListValue(p, def), name, shorthand, usage)
}

// LimitList caps the list flag name of fl at max items, called noun in
// the error ("targets"), instead of MaxListItems.
func LimitList(fl *pflag.FlagSet, name string, max int, noun string) {
	if f := fl.Lookup(name); f != nil {
		if l, ok := f.Value.(*listValue); ok {
			l.max, l.noun = max, noun
		}
	}
}

// ListVar is ListVarP without a shorthand.
func ListVar(fl *pflag.FlagSet, p *[]string, name string, def []string, usage string) {
	ListVarP(fl, p, name, "", def, usage)
}

// IsListFlag reports whether fl is a list flag defined by ListVar or
// ListVarP. Such a flag takes a whole list in one value and keeps each
// value as given, so that the settings can hand it an environment value
// unsplit, and a value such as NATOSPEND_TARGET=3,7 can still be noticed
// as a possible decimal comma.
func IsListFlag(fl *pflag.Flag) bool {
	_, ok := fl.Value.(*listValue)
	return ok
}
