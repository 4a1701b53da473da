package cmdutil

import (
	"testing"

	"github.com/spf13/cobra"
)

// TestEnumDidYouMean: an enumerated flag's unknown value gets the nearest
// values (or aliases), else the list alone.
func TestEnumDidYouMean(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"jsno", `invalid argument "jsno" for "--format" flag: "jsno" is not a format: did you mean json? (expected one of: table, csv, tsv, json, markdown)`},
		{"mdd", `invalid argument "mdd" for "--format" flag: "mdd" is not a format: did you mean markdown? (expected one of: table, csv, tsv, json, markdown)`},
		{"xml", `invalid argument "xml" for "--format" flag: "xml" is not a format (expected one of: table, csv, tsv, json, markdown)`},
	} {
		var format string
		cmd := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
		EnumFlag{Name: "format", Default: "table", Values: []string{"table", "csv", "tsv", "json", "markdown"},
			Aliases: map[string]string{"md": "markdown"}}.Register(cmd, &format)
		cmd.SetArgs([]string{"--format", tt.value})
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		if err := cmd.Execute(); err == nil || err.Error() != tt.want {
			t.Errorf("--format %s: %v\nwant %s", tt.value, err, tt.want)
		}
	}
}
