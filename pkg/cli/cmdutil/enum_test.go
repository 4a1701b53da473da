package cmdutil

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func TestStringEnumFlag(t *testing.T) {
	cmd := &cobra.Command{Use: "x", Run: func(*cobra.Command, []string) {}}
	var format, sort string
	fl := StringEnumFlag(cmd, &format, "format", "f", "table", []string{"table", "csv"}, "output format")
	EnumFlag{Name: "sort", Default: "gap", Values: []string{"gap", "name"}, Aliases: map[string]string{"by-name": "name"}, Noun: "a sort order", Usage: "sort by"}.Register(cmd, &sort)
	if format != "table" || sort != "gap" || fl.DefValue != "table" {
		t.Fatalf("defaults %q %q %q", format, sort, fl.DefValue)
	}
	if fl.Usage != "output format {table|csv}" || strings.Join(enumValues(fl), ",") != "table,csv" || enumValues(cmd.Flags().Lookup("sort")) == nil {
		t.Fatalf("usage %q, values %q", fl.Usage, enumValues(fl))
	}
	// Case does not matter; the value is stored as listed.
	for in, want := range map[string]string{"CSV": "csv", " Table ": "table", "csv": "csv"} {
		if err := cmd.Flags().Set("format", in); err != nil || format != want {
			t.Errorf("Set(%q): %q, %v; want %q", in, format, err, want)
		}
	}
	if err := cmd.Flags().Set("sort", "By-Name"); err != nil || sort != "name" {
		t.Errorf("alias: %q, %v", sort, err)
	}
	err := fl.Value.Set("xml")
	if err == nil || err.Error() != `"xml" is not a format (expected one of: table, csv)` {
		t.Errorf("Set(xml): %v", err)
	}
	err = cmd.Flags().Lookup("sort").Value.Set("size")
	if err == nil || err.Error() != `"size" is not a sort order (expected one of: gap, name)` {
		t.Errorf("Set(size): %v", err)
	}
	// Completion offers the values.
	complete, ok := cmd.GetFlagCompletionFunc("format")
	if !ok {
		t.Fatal("no completion for --format")
	}
	got, dir := complete(cmd, nil, "")
	if strings.Join(got, ",") != "table,csv" || dir != cobra.ShellCompDirectiveNoFileComp {
		t.Errorf("completion %q %v", got, dir)
	}
}

// enumValues returns an enumerated flag's values, or nil for any other flag.
func enumValues(fl *pflag.Flag) []string {
	if fl == nil {
		return nil
	}
	return fl.Annotations[EnumAnnotation]
}
