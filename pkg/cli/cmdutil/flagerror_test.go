package cmdutil

import (
	"errors"
	"strconv"
	"testing"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagsCmd is a command with a flag of each value type of this package,
// and pflag's own string and float flags.
func flagsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "x", Run: func(*cobra.Command, []string) {}}
	var format, sort, name string
	var list []string
	var year int
	var header bool
	var rate float64
	StringEnumFlag(cmd, &format, "format", "", "table", []string{"table", "csv"}, "output format")
	EnumFlag{Name: "sort", Default: "gap", Values: []string{"gap", "name"}, Aliases: map[string]string{"by-name": "name"}, Noun: "a sort order"}.Register(cmd, &sort)
	ListVar(cmd.Flags(), &list, "country", nil, "countries")
	LimitList(cmd.Flags(), "country", 2, "countries")
	cmd.Flags().IntVar(&year, "year", 0, "a `YEAR`")
	cmd.Flags().BoolVar(&header, "header", true, "header")
	cmd.Flags().StringVar(&name, "name", "", "name")
	cmd.Flags().Float64Var(&rate, "rate", 0, "rate")
	StrictNumbers(cmd)
	return cmd
}

// The flag value types return a *FlagError holding the value; Named puts
// the flag's name before it, in the words the command line, the
// environment and the config file share.
func TestFlagValueTypesReturnFlagErrors(t *testing.T) {
	cmd := flagsCmd()
	tests := []struct{ flag, value, want string }{
		{"format", "xml", `--format "xml" is not a format (expected one of: table, csv)`},
		{"sort", "size", `--sort "size" is not a sort order (expected one of: gap, name)`},
		{"year", "twenty", `--year "twenty" is not a year (expected one year in digits, such as 2030)`},
		{"header", "maybe", `--header "maybe" is not true or false`},
		{"country", "DEU,FRA,POL", `--country "DEU,FRA,POL" brings the list to 3 countries (expected at most 2, however given: command line, environment or config file)`},
	}
	for _, tt := range tests {
		err := cmd.Flags().Lookup(tt.flag).Value.Set(tt.value)
		var fe *FlagError
		if !errors.As(err, &fe) || fe.Value != tt.value || fe.Flag != "" {
			t.Errorf("Set(%s, %q) = %#v, want an unnamed *FlagError with the value", tt.flag, tt.value, err)
			continue
		}
		named := Named(tt.flag, tt.value, err)
		if named.Flag != tt.flag || named.Value != tt.value || named.Origin != "" || named.Error() != tt.want {
			t.Errorf("Named(%s, %q) = {%q %q %q} %q, want %q", tt.flag, tt.value, named.Flag, named.Value, named.Origin, named.Error(), tt.want)
		}
		// Naming twice changes nothing.
		if again := Named("other", "v", named); again != named {
			t.Errorf("Named of a named error: %v", again)
		}
		named.Origin = "NATOSPEND_" + tt.flag
		if named.Error() != named.Origin+": "+tt.want {
			t.Errorf("with an origin: %q", named.Error())
		}
	}
	// The list cap stays recognisable whatever wraps it.
	err := cmd.Flags().Set("country", "A,B,C")
	if !errors.Is(err, ErrTooManyItems) || !errors.Is(Named("country", "A,B,C", err), ErrTooManyItems) {
		t.Errorf("too many items: %v does not wrap ErrTooManyItems", err)
	}
	// pflag's own value types: the value quoted, then the reason.
	err = cmd.Flags().Set("rate", "fast")
	fe := Named("rate", "fast", err)
	var num *strconv.NumError
	if fe.Flag != "rate" || !errors.As(fe, &num) || fe.Error() != `--rate "fast": strconv.ParseFloat: parsing "fast": invalid syntax` {
		t.Errorf("pflag's float: %q", fe.Error())
	}
	// Through pflag's InvalidValueError, as the command line gives it.
	ive := &pflag.InvalidValueError{}
	if cmd.ParseFlags([]string{"--format", "xml"}) == nil || !errors.As(cmd.ParseFlags([]string{"--format", "xml"}), &ive) {
		t.Fatal("no InvalidValueError")
	}
	if got := Named(ive.GetFlag().Name, ive.GetValue(), ive).Error(); got != `--format "xml" is not a format (expected one of: table, csv)` {
		t.Errorf("from the command line: %q", got)
	}
}

// FlagErrorf is a usage error about a flag; the origin goes before it.
func TestFlagErrorf(t *testing.T) {
	err := FlagErrorf("year", "--year %d is out of range", 1900)
	var fe *FlagError
	if !IsUsage(err) || !errors.As(err, &fe) || fe.Flag != "year" || err.Error() != "--year 1900 is out of range" {
		t.Fatalf("FlagErrorf: %#v %q", err, err)
	}
	fe.Origin = "NATOSPEND_YEAR=1900"
	if err.Error() != "NATOSPEND_YEAR=1900: --year 1900 is out of range" {
		t.Errorf("with its origin: %q", err)
	}
}

// Accepts reads a flag's declaration, and sets nothing.
func TestAccepts(t *testing.T) {
	cmd := flagsCmd()
	fs := cmd.Flags()
	tests := []struct {
		flag, value string
		want        bool
	}{
		{"format", "CSV", true}, {"format", "xml", false},
		{"sort", "by-name", true}, {"sort", "size", false},
		{"year", "010", true}, {"year", "2024.5", false},
		{"header", "FALSE", true}, {"header", "maybe", false},
		{"country", "anything", true},
		{"name", "anything", true},
		{"rate", "1.5", false}, // a value type Accepts does not know: nothing
	}
	for _, tt := range tests {
		if got := Accepts(fs.Lookup(tt.flag), tt.value); got != tt.want {
			t.Errorf("Accepts(%s, %q) = %v, want %v", tt.flag, tt.value, got, tt.want)
		}
	}
	for _, name := range []string{"format", "sort", "year", "header", "country", "name"} {
		if fs.Lookup(name).Changed {
			t.Errorf("Accepts set --%s", name)
		}
	}
	if v, _ := fs.GetString("format"); v != "table" {
		t.Errorf("--format is %q after Accepts, want the default table", v)
	}
}

// calc.Compute's refusal names the Query's field; QueryError makes it an
// error of the flag that sets the field.
func TestQueryError(t *testing.T) {
	inner := errors.New("--by: the equipment guideline is measured in the year asked")
	err := QueryError(&calc.QueryError{Field: "By", Err: inner})
	var fe *FlagError
	if !IsUsage(err) || !errors.As(err, &fe) || fe.Flag != "by" || !errors.Is(err, inner) || err.Error() != inner.Error() {
		t.Errorf("QueryError(By) = %#v", err)
	}
	if err := QueryError(&calc.QueryError{Field: "Targets", Err: inner}); !errors.As(err, &fe) || fe.Flag != "target" {
		t.Errorf("QueryError(Targets) = %#v", err)
	}
	other := errors.New("no figures")
	if err := QueryError(other); !IsUsage(err) || errors.As(err, &fe) || err.Error() != "no figures" {
		t.Errorf("QueryError(other) = %#v", err)
	}
}
