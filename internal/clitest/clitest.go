// Package clitest is for the command packages' tests only: it runs
// natospend in process, builds the Factory of a run over test streams and
// the embedded data, and parses a command's argv into its options through
// the command's runF seam, without running it. A command package's test
// imports it from its external test package (package x_test): clitest
// imports pkg/cli, which imports every command.
package clitest

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

// Run runs natospend with args in process (cli.Main) and returns its exit
// code, standard output and standard error. width > 0 makes standard
// output a terminal that wide; env is the whole environment the run sees
// (nil: none).
func Run(t testing.TB, width int, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string { return env[k] }
	if width > 0 {
		ios.SetTerminal(width)
	}
	code := cli.Main(args, ios)
	return code, out.String(), errOut.String()
}

// Factory is the Factory of a run without flags, environment or config
// file (the embedded data), writing to buffers it returns: standard
// output and standard error. For Run tests on hand-built options.
func Factory(t testing.TB) (f *cmdutil.Factory, out, errOut *bytes.Buffer) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(string) string { return "" }
	return cli.NewFactory(ios, &cmdutil.GlobalOptions{}), out, errOut
}

// Parse builds a command with newCmd, its runF capturing the options, and
// executes it with args: the options as the command line sets them,
// nothing run. The error is the command's (a flag it refuses); the
// options are nil when runF was not reached.
func Parse[O any](t testing.TB, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	t.Helper()
	f, _, _ := Factory(t)
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return got, err
}

// MustParse is Parse, failing the test on an error.
func MustParse[O any](t testing.TB, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args ...string) *O {
	t.Helper()
	o, err := Parse(t, newCmd, args...)
	if err != nil || o == nil {
		t.Fatalf("%v: %v (options %v)", args, err, o)
	}
	return o
}

// CSVRows reads CSV with a header line: one map of header -> value a row.
func CSVRows(t testing.TB, s string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("CSV: %v\n%s", err, s)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, k := range recs[0] {
			m[k] = r[i]
		}
		out = append(out, m)
	}
	return out
}
