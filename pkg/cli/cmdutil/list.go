package cmdutil

import (
	"strings"

	"github.com/spf13/pflag"
)

// listValue is the value of every list flag (--country, --target, ...):
// each value given is kept as written, to be split by SplitList where it
// is used. Unlike pflag's StringSlice, which parses a value as a CSV
// record and so keeps only the first line of "DEU\nSVN", it never drops a
// thing. The first value given replaces the default; later ones add to it.
type listValue struct {
	p       *[]string
	changed bool
}

func newListValue(p *[]string, def []string) *listValue {
	*p = append([]string(nil), def...)
	return &listValue{p: p}
}

func (l *listValue) Set(s string) error {
	if !l.changed {
		*l.p = nil
		l.changed = true
	}
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
	*l.p = append(*l.p, s)
	return nil
}

func (l *listValue) Replace(items []string) error {
	l.changed = true
	*l.p = append([]string(nil), items...)
	return nil
}

func (l *listValue) GetSlice() []string { return append([]string(nil), *l.p...) }

// ListVarP defines a list flag: it may be repeated, and each value is a
// list whose items are separated by commas, line breaks or tabs (see
// SplitList); the environment and config forms take the same lists.
func ListVarP(fl *pflag.FlagSet, p *[]string, name, shorthand string, def []string, usage string) {
	fl.VarP(newListValue(p, def), name, shorthand, usage)
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
