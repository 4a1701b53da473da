package cmdutil

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]string{
		"gaps.csv": "csv", "GAPS.CSV": "csv", "dir.x/gaps.tsv": "tsv", "a.json": "json", "a.md": "markdown",
		"a.markdown": "markdown", "a.txt": "", "csv": "", "a.csv.bak": "", "/dev/stdout": "",
	} {
		if got := FormatForPath(path); got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", path, got, want)
		}
	}
}

// The format comes from the extension unless --format was given (on the
// command line, in the environment or the config file: the flag changed).
func TestValidateFormatFromExtension(t *testing.T) {
	newFlags := func(args ...string) *OutputFlags {
		o := &OutputFlags{}
		cmd := &cobra.Command{Use: "x"}
		AddOutputFlags(cmd, o)
		if err := cmd.ParseFlags(args); err != nil {
			t.Fatal(err)
		}
		return o
	}
	o := newFlags("-o", "r.json")
	if err := o.Validate(); err != nil || o.Format != "json" {
		t.Errorf("-o r.json: %q, %v", o.Format, err)
	}
	o = newFlags("-o", "r.txt")
	if err := o.Validate(); err != nil || o.Format != "table" {
		t.Errorf("-o r.txt: %q, %v", o.Format, err)
	}
	o = newFlags("-o", "-")
	if err := o.Validate(); err != nil || o.Format != "table" {
		t.Errorf("-o -: %q, %v", o.Format, err)
	}
	o = newFlags("-o", "r.md", "--format", "markdown")
	if err := o.Validate(); err != nil || o.Format != "markdown" {
		t.Errorf("-o r.md --format markdown: %q, %v", o.Format, err)
	}
	// Explicitly the default is still explicit.
	o = newFlags("-o", "r.csv", "--format", "table")
	if err := o.Validate(); !IsUsage(err) || err.Error() != "--format table contradicts --output r.csv, whose extension says csv (leave out --format, or give the file another name)" {
		t.Errorf("-o r.csv --format table: %v", err)
	}
	// Built by hand, a Format is given.
	o = &OutputFlags{Format: "json", Output: "r.csv"}
	if err := o.Validate(); !IsUsage(err) {
		t.Errorf("by hand: %v", err)
	}
	// A chart's extension is refused, whatever the format (issue 22: gap
	// -o out.png wrote a text table); stdout and other names are not.
	for _, args := range [][]string{{"-o", "out.png"}, {"-o", "dir/OUT.Svg"}, {"-o", "out.pdf", "--format", "csv"}} {
		o = newFlags(args...)
		if err := o.Validate(); !IsUsage(err) || !strings.Contains(err.Error(), "draw charts with natospend chart") {
			t.Errorf("%q: %v, want a usage error pointing to natospend chart", args, err)
		}
	}
	for _, args := range [][]string{{"-o", "png"}, {"-o", "out.png.csv"}, {"-o", "-"}} {
		if err := newFlags(args...).Validate(); err != nil {
			t.Errorf("%q: %v", args, err)
		}
	}
}

func TestCheckDelimiter(t *testing.T) {
	for _, ok := range []string{",", ";", "|", " ", ":", "§", "#"} {
		if _, err := checkDelimiter(ok); err != nil {
			t.Errorf("%+q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", ";;", "\x1b", "\x00", "\x7f", "\u009b", "\u202e", "\u2066", "\u200f", "\t", "\n", "\r", "\u00a0", "\u2028",
		"a", "Z", "ж", "7", "٣", "\"", "'", ".", "-", "\u0301", "\xff", "\ufffd"} {
		_, err := checkDelimiter(bad)
		if err == nil || !IsUsage(err) {
			t.Errorf("%+q: %v, want a usage error", bad, err)
			continue
		}
		if strings.ContainsAny(err.Error(), "\x1b\u202e\u2066\u200f\t\n\r\u009b\u2028") {
			t.Errorf("%+q: the message holds the raw character: %q", bad, err)
		}
	}
	if _, err := checkDelimiter("\t"); err == nil || !strings.HasSuffix(err.Error(), "; for tab-separated values, use --format tsv") {
		t.Errorf("tab: %v", err)
	}
}

// A list flag keeps each value as given (a line break included), replaces
// its default on first use, and shows as "strings" in help.
func TestListFlag(t *testing.T) {
	var v []string
	cmd := &cobra.Command{Use: "x"}
	ListVarP(cmd.Flags(), &v, "target", "t", []string{"2"}, "targets")
	if len(v) != 1 || v[0] != "2" {
		t.Fatalf("default %q", v)
	}
	if err := cmd.ParseFlags([]string{"-t", "3\n4", "--target", "5,6"}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(v, "|") != "3\n4|5,6" {
		t.Errorf("values %q", v)
	}
	if got := SplitList(v); strings.Join(got, " ") != "3 4 5 6" {
		t.Errorf("SplitList = %q", got)
	}
	if !IsListFlag(cmd.Flags().Lookup("target")) {
		t.Error("IsListFlag = false")
	}
	if usage := cmd.Flags().FlagUsages(); !strings.Contains(usage, "-t, --target strings   targets (default [2])") {
		t.Errorf("usage %q", usage)
	}
}

// "-" and /dev/stdout are stdout itself, whatever it is (the test's
// buffer here); nothing is opened or replaced.
func TestWriteOutStdout(t *testing.T) {
	for _, p := range []string{"", "-", "/dev/stdout"} {
		ios, _, out, _ := iostreams.Test()
		if err := WriteOut(&Factory{IO: ios}, p, []byte("a,b\n")); err != nil || out.String() != "a,b\n" {
			t.Errorf("%q: %v, stdout %q", p, err, out)
		}
	}
}
