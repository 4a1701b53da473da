// Package importcmd is the `natospend import` command: a publisher's own
// file turned into a release file of natospend's data, the day it is out.
// `import nato` reads NATO's defence expenditure workbook.
package importcmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/importnato"
	"github.com/natospend/natospend/pkg/termesc"
	"github.com/natospend/natospend/pkg/xlsx"
	"github.com/spf13/cobra"
)

// NewCmd builds the import command and its subcommands. A test may pass
// runF to capture the options of import nato instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*NATOOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Turn a publisher's own file into a release file (import nato: NATO's workbook)",
		Long: strings.TrimSpace(`
Import reads a file as its publisher puts it out and writes one release file
in natospend's YAML format, with the provenance of every figure, so that you
can use a new release the day it is published, with --data, before natospend
embeds it.`),
		Example: cmdutil.Examples(`
  natospend import nato 240617-def-exp-2024-TABLES-en.xlsx --id nato-2024-06 --output nato-2024-06.yaml`),
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newNATOCmd(f, runF))
	return cmd
}

// NATOOptions of an import nato run.
type NATOOptions struct {
	F          *cmdutil.Factory
	Path       string
	ID         string
	Output     string
	Title      string
	Published  string
	Cutoff     string
	URL        string
	Via        string
	Definition string
	// AcceptDifferences imports a workbook whose tables differ from each
	// other beyond rounding, writing the differences into the notes.
	AcceptDifferences bool
}

func newNATOCmd(f *cmdutil.Factory, runF func(*NATOOptions) error) *cobra.Command {
	opts := &NATOOptions{F: f}
	cmd := &cobra.Command{
		Use:   "nato FILE.xlsx --id ID",
		Short: "NATO's defence expenditure workbook into a release file",
		Long: strings.TrimSpace(`
Import nato reads the Excel workbook of tables NATO publishes with each
release of defence expenditure figures, and writes a release file that
--data and validate read: defence in national currency and in US dollars at
current and constant prices, GDP, the share of GDP and its annual real
change, GDP and defence per capita, military personnel and the distribution
by category (docs/data.md names each key and its unit).

Tables are found by their titles, units, year headers and section headings,
not by position; countries by their names, through the countries of the data
(names and aliases). A table, section or country that cannot be placed is an
error naming the sheet and cell, and nothing is written. Years NATO's
headers mark e (2024e) are estimates; blanks stay blank (unknown); figures
are rounded to the decimals docs/data.md gives.

What is read is verified: each table's unit row gives the scale (thousand,
million, billion) and currency of its figures, converted to millions (a
table in another currency than its measure's is refused); a figure with a
percent format is a fraction (x 100), one with a date or scaling format is
refused; a year header that is not a year (2019p, Year 2019, a date) is an
error naming the cell; a currency a row names (Albania (Leks)) must be the
one the data gives the country. Then the tables are checked against each
other: the published share of GDP against 100 x defence / GDP at constant
prices and per capita (within 0.015 points), the annual real change against
defence at constant prices, one exchange rate for the euro-area allies of
each year (and 1 for the US dollar), one rate for each ally's constant
prices, current = constant prices in the base year, the four categories
adding up to 100%, the figures Table 4 repeats,
and NATO's aggregates (NATO Europe and Canada, NATO Total) against the sum
of the allies of each year, their shares and real change against their
figures. A difference beyond rounding fails the
import (exit 1, nothing written) naming the cells; --accept-differences
imports anyway and writes the differences into the file's notes. NATO's
aggregates are kept as NATO prints them, in the release's aggregates (by
group: europe-canada, nato), which gap shows beside its own totals.

The file's notes say where every series came from (sheet, table, section,
cells); source_file and source_sha256 give the workbook's name and SHA-256,
which every Source line then cites. The workbook prints no
date: --published defaults to the date in NATO's file name (YYMMDD-...).
A summary goes to stderr (not with --quiet); without --output the release
goes to stdout.`),
		Example: cmdutil.Examples(`
  natospend import nato 240617-def-exp-2024-TABLES-en.xlsx --id my-2024 --output my.yaml
  natospend validate my.yaml
  natospend gap --data my.yaml --release my-2024 --year 2024`),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.UsageErrorf("import nato takes one workbook (FILE.xlsx), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if runF != nil {
				return runF(opts)
			}
			return RunNATO(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.ID, "id", "", "the release `ID` to write: lower-case letters, digits and - (required)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write the release to `FILE` (.yaml or .yml) instead of stdout, atomically: a failed run leaves an earlier file untouched")
	fl.StringVar(&opts.Title, "title", "", "the release's title (default: one naming NATO's tables, their years and the workbook)")
	fl.StringVar(&opts.Published, "published", "", "the date of publication, YYYY-MM-DD (default: the date in the file's name, as NATO names its files: 240617-... is 2024-06-17)")
	fl.StringVar(&opts.Cutoff, "cutoff", "", "the data cut-off date NATO gives, YYYY-MM-DD (optional)")
	fl.StringVar(&opts.URL, "url", "", "where NATO publishes the workbook (default: the workbook's file name)")
	fl.StringVar(&opts.Via, "via", "", "the copy that was read, when it is not NATO's own (optional)")
	fl.StringVar(&opts.Definition, "definition", "", "NATO's definition of defence expenditure: classic, core (optional)")
	fl.BoolVar(&opts.AcceptDifferences, "accept-differences", false, "import even when NATO's tables differ from each other beyond rounding, writing the differences into the release's notes (default: refuse, exit 1, nothing written)")
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

// isID reports whether s is a release id: lower-case letters and digits,
// in words joined by single dashes.
func isID(s string) bool {
	for _, w := range strings.Split(s, "-") {
		if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			return false
		}
	}
	return true
}

// isDate reports whether s has the shape YYYY-MM-DD (the loader checks the
// date itself).
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == ""
}

// Validate checks the options that need no file.
func (o *NATOOptions) Validate() error {
	if o.ID == "" {
		return cmdutil.FlagErrorf("id", "--id is required: the id of the release to write, such as nato-2024-06")
	}
	if !isID(o.ID) {
		return cmdutil.FlagErrorf("id", "--id %q is not a release id (expected lower-case letters, digits and -, such as nato-2024-06)", o.ID)
	}
	for _, d := range []struct{ flag, v string }{{"published", o.Published}, {"cutoff", o.Cutoff}} {
		if d.v != "" && !isDate(d.v) {
			return cmdutil.FlagErrorf(d.flag, "--%s %q is not a date (expected YYYY-MM-DD)", d.flag, d.v)
		}
	}
	if o.Output != "" && o.Output != "-" && o.Output != "/dev/stdout" {
		switch strings.ToLower(filepath.Ext(o.Output)) {
		case ".yaml", ".yml":
		default:
			return cmdutil.FlagErrorf("output", "--output %s: a release file is YAML (expected a name ending in .yaml or .yml)", termesc.String(o.Output))
		}
		if in, err := os.Stat(o.Path); err == nil {
			if out, err := os.Stat(o.Output); err == nil && os.SameFile(in, out) {
				return cmdutil.FlagErrorf("output", "--output %s is the workbook read: natospend does not write over its own input", termesc.String(o.Output))
			}
		}
	}
	return nil
}

// RunNATO imports the workbook and writes the release.
func RunNATO(o *NATOOptions) error {
	if err := o.Validate(); err != nil {
		return err
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	wb, err := xlsx.Open(o.Path, xlsx.DefaultLimits())
	if err != nil {
		return err
	}
	book, err := importnato.Read(wb)
	if err != nil {
		return err
	}
	res, err := importnato.Import(book, ds, importnato.Options{
		ID: o.ID, Title: o.Title, Published: o.Published, Cutoff: o.Cutoff,
		URL: o.URL, Via: o.Via, Definition: o.Definition, AcceptDifferences: o.AcceptDifferences,
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	comment := fmt.Sprintf("Written by natospend import nato from %s (SHA-256 %s).\nThe notes say where each series came from; docs/data.md gives the keys and units.", book.Name, book.SHA256)
	if err := res.Encode(&buf, comment); err != nil {
		return err
	}
	if err := cmdutil.WriteOut(o.F, o.Output, buf.Bytes()); err != nil {
		return err
	}
	var sum bytes.Buffer
	res.Summary(&sum)
	_, err = o.F.IO.ErrOut.Write([]byte(termesc.Text(sum.String())))
	return err
}
