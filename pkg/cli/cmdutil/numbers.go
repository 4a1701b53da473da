package cmdutil

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// decimalInt makes an int flag read decimal digits only, the same from
// the command line, the environment and the config file: 010 is 10 (not
// octal 8 as pflag would read it), and a bad value says what was
// expected instead of strconv's words.
type decimalInt struct {
	pflag.Value
	noun string
}

// decimalDigits is compiled on first use, not on every run.
var decimalDigits = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([-+]?)0*([0-9]+)$`) })

func (d *decimalInt) Set(s string) error {
	n, ok := decimal(s)
	if !ok {
		return valueError(s, "%q is not %s", s, d.noun)
	}
	return d.Value.Set(strconv.FormatInt(n, 10))
}

// decimal reads s as decimal digits (leading zeros, a sign and spaces
// around allowed).
func decimal(s string) (int64, bool) {
	m := decimalDigits().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(m[1]+m[2], 10, 64)
	return n, err == nil
}

// strictBool makes a bool flag's error say what was expected.
type strictBool struct{ pflag.Value }

func (b *strictBool) Set(s string) error {
	t := strings.ToLower(strings.TrimSpace(s))
	if _, err := strconv.ParseBool(t); err != nil {
		return valueError(s, "%q is not true or false", s)
	}
	return b.Value.Set(t)
}

func (b *strictBool) IsBoolFlag() bool { return true }

// StrictNumbers wraps the int and bool flags of every command in c's tree
// in decimalInt and strictBool.
func StrictNumbers(c *cobra.Command) {
	// The command's own flags (Flags before cobra merges the inherited
	// ones in, and PersistentFlags), visited in the order defined: the
	// order does not matter here, and sorting them (LocalFlags, VisitAll)
	// was a tenth of building a command.
	for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
		sorted := fs.SortFlags
		fs.SortFlags = false
		fs.VisitAll(strictFlag)
		fs.SortFlags = sorted
	}
	for _, sub := range c.Commands() {
		StrictNumbers(sub)
	}
}

// strictFlag wraps an int or bool flag in decimalInt or strictBool.
func strictFlag(fl *pflag.Flag) {
	switch fl.Value.Type() {
	case "int":
		if _, done := fl.Value.(*decimalInt); done {
			return
		}
		noun := "a whole number (expected digits, such as 10)"
		name, _ := pflag.UnquoteUsage(fl)
		if fl.Name == "year" || strings.HasSuffix(fl.Name, "-year") || name == "YEAR" {
			noun = "a year (expected one year in digits, such as 2030)"
		}
		fl.Value = &decimalInt{Value: fl.Value, noun: noun}
	case "bool":
		if _, done := fl.Value.(*strictBool); done {
			return
		}
		fl.Value = &strictBool{Value: fl.Value}
	}
}
