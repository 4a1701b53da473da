package cmdutil

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/natospend/natospend/pkg/atomicfile"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/render"
	"github.com/spf13/cobra"
)

// Output formats.
const (
	FormatTable    = "table"
	FormatCSV      = "csv"
	FormatTSV      = "tsv"
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
)

// AllFormats lists every output format, in the order help shows them.
var AllFormats = []string{FormatTable, FormatCSV, FormatTSV, FormatJSON, FormatMarkdown}

// OutputFlags are the flags of every command that prints data.
type OutputFlags struct {
	Format       string
	Output       string
	BOM          bool
	Delimiter    string
	DecimalComma bool
	NoHeader     bool
}

// AddOutputFlags registers the output flags on cmd.
func AddOutputFlags(cmd *cobra.Command, o *OutputFlags) {
	fl := cmd.Flags()
	fl.StringVarP(&o.Format, "format", "f", FormatTable, "output format: "+strings.Join(AllFormats, ", "))
	fl.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (atomically: a failed run leaves any earlier file untouched) instead of stdout")
	fl.BoolVar(&o.BOM, "bom", false, "csv/tsv: start with a UTF-8 byte-order mark, so that Excel reads non-ASCII names right")
	fl.StringVar(&o.Delimiter, "delimiter", "", "csv: field delimiter, one character (default \",\"; \";\" with --decimal-comma)")
	fl.BoolVar(&o.DecimalComma, "decimal-comma", false, "csv/tsv: write numbers with a decimal comma, for spreadsheets that import with a decimal-comma locale (de, fr, ...)")
	fl.BoolVar(&o.NoHeader, "no-header", false, "csv/tsv: leave out the header row")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(AllFormats, cobra.ShellCompDirectiveNoFileComp))
}

// Validate checks the output flags.
func (o *OutputFlags) Validate() error {
	switch o.Format {
	case FormatTable, FormatCSV, FormatTSV, FormatJSON, FormatMarkdown:
	default:
		return UsageErrorf("--format %q is not a format (expected one of: %s)", o.Format, strings.Join(AllFormats, ", "))
	}
	if o.Delimiter != "" {
		r, size := utf8.DecodeRuneInString(o.Delimiter)
		if size != len(o.Delimiter) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' || r == '.' || (r >= '0' && r <= '9') {
			return UsageErrorf("--delimiter %q must be one character other than a digit, '.', '\"' or a line break (for example \",\" or \";\")", o.Delimiter)
		}
		if o.Format != FormatCSV {
			return UsageErrorf("--delimiter only applies to --format csv (tsv is always tab-separated)")
		}
		if o.DecimalComma && r == ',' {
			return UsageErrorf("--decimal-comma with --delimiter ',' would make every number a quoted text cell: use --delimiter ';'")
		}
	}
	return nil
}

// Output is what a command prints: a table for people, a table for
// machines (CSV/TSV), and a value for JSON.
type Output struct {
	Human   *render.Table
	Machine *render.Table
	JSON    any
}

// Emit renders the output in the chosen format into memory, then writes it
// to stdout or, with --output, atomically to the file. Nothing is written
// when rendering fails.
func (o *OutputFlags) Emit(ios *iostreams.IOStreams, out Output) error {
	var buf bytes.Buffer
	var err error
	switch o.Format {
	case FormatJSON:
		err = render.JSON(&buf, out.JSON)
	case FormatCSV, FormatTSV:
		co := render.CSVOptions{BOM: o.BOM, DecimalComma: o.DecimalComma, NoHeader: o.NoHeader}
		if o.Format == FormatTSV {
			co.Comma = '\t'
		} else if o.Delimiter != "" {
			co.Comma, _ = utf8.DecodeRuneInString(o.Delimiter)
		} else if o.DecimalComma {
			co.Comma = ';'
		}
		err = render.CSV(&buf, out.Machine, co)
	case FormatMarkdown:
		err = render.Text(&buf, out.Human, render.TextOptions{Markdown: true})
	case FormatTable:
		err = render.Text(&buf, out.Human, render.TextOptions{Width: ios.Width})
	default:
		err = UsageErrorf("--format %q is not a format", o.Format)
	}
	if err != nil {
		return err
	}
	return WriteOut(ios, o.Output, buf.Bytes())
}

// WriteOut writes data to stdout, or atomically to path when it is set.
func WriteOut(ios *iostreams.IOStreams, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := ios.Out.Write(data)
		return err
	}
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	return nil
}
