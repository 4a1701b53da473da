package cmdutil

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/natospend/natospend/pkg/atomicfile"
	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/termesc"
	"github.com/spf13/cobra"
)

// Output formats.
const (
	FormatTable    = "table"
	FormatCSV      = "csv"
	FormatTSV      = "tsv"
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
	FormatXLSX     = "xlsx" // a workbook (xlsx.go): only to a file or a pipe
	FormatBars     = "bars" // horizontal bars for a terminal (render.Bars): where Output.Bars is set
)

// AllFormats lists every output format, in the order help shows them.
var AllFormats = []string{FormatTable, FormatCSV, FormatTSV, FormatJSON, FormatMarkdown, FormatXLSX, FormatBars}

// CommonFormats are the formats of every command that prints data; a
// command adds the others it draws (FormatBars) to AddOutputFlags.
var CommonFormats = []string{FormatTable, FormatCSV, FormatTSV, FormatJSON, FormatMarkdown, FormatXLSX}

// ChartExtensions are the extensions of the files `natospend chart`
// writes: an --output with one of them on any other command is a usage
// error pointing to chart (formatFromExtension), never a table in a file
// named like an image.
var ChartExtensions = []string{".png", ".svg", ".pdf"}

// OutputFlags are the flags of every command that prints data.
type OutputFlags struct {
	Format       string
	Output       string
	BOM          bool
	Delimiter    string
	DecimalComma bool
	NoHeader     bool
	// Layout is --layout (AddLayoutFlag, gap only): long (the default) or
	// wide, for csv, tsv and xlsx.
	Layout string

	// changed reports whether a flag was set (on the command line, in the
	// environment or in the config file); set by AddOutputFlags.
	changed func(name string) bool
	// formats are the formats the command takes (AddOutputFlags): the
	// list its help shows and Validate accepts. nil (OutputFlags built by
	// hand) is AllFormats.
	formats []string
}

// AddOutputFlags registers the output flags on cmd, which takes the
// CommonFormats and the extra ones given (FormatBars for a command whose
// Output has Bars). The help of --format, its completion and Validate all
// use that one list.
func AddOutputFlags(cmd *cobra.Command, o *OutputFlags, extra ...string) {
	fl := cmd.Flags()
	o.changed = fl.Changed
	o.formats = append(slices.Clone(CommonFormats), extra...)
	// The extension decides the format once the flags, the environment
	// and the config file are read (the root's PersistentPreRunE applies
	// those first), before the command runs: a command that copies its
	// options (gap, one copy per release and year) copies the format the
	// extension set.
	pre := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if pre != nil {
			if err := pre(c, args); err != nil {
				return err
			}
		}
		return o.formatFromExtension()
	}
	fl.StringVarP(&o.Format, "format", "f", FormatTable, "output format: "+strings.Join(o.formats, ", ")+" (with --output and no --format: from the file's extension)")
	fl.StringVarP(&o.Output, "output", "o", "", "write to `FILE` instead of stdout, atomically: a failed run leaves an earlier file untouched, and a replaced file keeps its permissions. "+
		"Its extension (.csv, .tsv, .json, .md, .xlsx) sets the format unless --format is given; a chart's (.png, .svg, .pdf) is refused: charts are drawn by natospend chart. "+
		"- or /dev/stdout: stdout. A FIFO or character device (/dev/null) is written to, never replaced; a symbolic link is followed only to one of those (/dev/fd/N); a directory, a socket, a link to a file and the run's --data and config files are refused")
	fl.BoolVar(&o.BOM, "bom", false, "csv/tsv: start with a UTF-8 byte-order mark, so that Excel reads non-ASCII names right")
	fl.StringVar(&o.Delimiter, "delimiter", "", "csv: field delimiter, one printable character other than a letter, digit, quote, '.' or '-' (default \",\"; \";\" with --decimal-comma)")
	fl.BoolVar(&o.DecimalComma, "decimal-comma", false, "csv/tsv: write numbers with a decimal comma, for spreadsheets that import with a decimal-comma locale (de, fr, ...)")
	fl.BoolVar(&o.NoHeader, "no-header", false, "csv/tsv: leave out the header row")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(o.formats, cobra.ShellCompDirectiveNoFileComp))
}

// FormatForPath returns the format an output file's extension names
// (.csv, .tsv, .json, .md or .markdown, .xlsx, in any case), or "" for any
// other.
func FormatForPath(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return FormatCSV
	case ".tsv":
		return FormatTSV
	case ".json":
		return FormatJSON
	case ".md", ".markdown":
		return FormatMarkdown
	case ".xlsx":
		return FormatXLSX
	}
	return ""
}

// formatGiven reports whether --format was set explicitly: on the command
// line, in the environment or in the config file. OutputFlags built by
// hand (tests) count a non-empty Format as given.
func (o *OutputFlags) formatGiven() bool {
	if o.changed != nil {
		return o.changed("format")
	}
	return o.Format != ""
}

// takes returns the formats the command takes.
func (o *OutputFlags) takes() []string {
	if o.formats == nil {
		return AllFormats
	}
	return o.formats
}

// toFile reports whether the output goes to a file rather than stdout.
func (o *OutputFlags) toFile() bool { return !isStdout(o.Output) }

// isStdout reports whether an --output path means stdout: none, "-" or
// /dev/stdout (written as stdout itself, whatever it is: a terminal, a
// pipe or a file the shell redirected it to).
func isStdout(path string) bool { return path == "" || path == "-" || path == "/dev/stdout" }

// formatFromExtension is the one place where the --output file's
// extension decides the format: when --format was not given, the format is
// the extension's; a --format that contradicts it is a usage error. Run
// before the command (AddOutputFlags) and again by Validate, for options
// built by hand; a second run changes nothing.
func (o *OutputFlags) formatFromExtension() error {
	if o.toFile() && slices.Contains(ChartExtensions, strings.ToLower(filepath.Ext(o.Output))) {
		return FlagErrorf("output", "--output %s names a chart (%s), and this command writes tables (%s): draw charts with natospend chart, for example natospend chart --output %s",
			termesc.String(o.Output), strings.Join(ChartExtensions, ", "), strings.Join(o.takes(), ", "), termesc.String(o.Output))
	}
	if o.toFile() {
		if ext := FormatForPath(o.Output); ext != "" {
			switch {
			case !o.formatGiven():
				o.Format = ext
			case strings.ToLower(o.Format) != ext:
				return FlagErrorf("format", "--format %s contradicts --output %s, whose extension says %s (leave out --format, or give the file another name)", termesc.String(o.Format), termesc.String(o.Output), ext)
			}
		}
	}
	o.Format = strings.ToLower(o.Format) // enumerated values match without regard to case
	return nil
}

// Validate checks the output flags, and takes the format from the
// --output file's extension when --format was not given
// (formatFromExtension).
func (o *OutputFlags) Validate() error {
	if err := o.formatFromExtension(); err != nil {
		return err
	}
	if formats := o.takes(); !slices.Contains(formats, o.Format) {
		if slices.Contains(AllFormats, o.Format) {
			return FlagErrorf("format", "--format %s is not available for this command (expected one of: %s)", o.Format, strings.Join(formats, ", "))
		}
		return FlagErrorf("format", "--format %q is not a format%s (expected one of: %s)", o.Format, didYouMean(o.Format, formats), strings.Join(formats, ", "))
	}
	if err := o.validateLayout(); err != nil {
		return err
	}
	if o.Delimiter != "" {
		r, err := checkDelimiter(o.Delimiter)
		if err != nil {
			return err
		}
		if o.Format == FormatTSV {
			return FlagErrorf("delimiter", "--delimiter only applies to --format csv (tsv is always tab-separated)")
		}
		if o.Format == FormatCSV && o.DecimalComma && r == ',' {
			return FlagErrorf("decimal-comma", "--decimal-comma with --delimiter ',' would make every number a quoted text cell: use --delimiter ';'")
		}
	}
	return nil
}

// checkDelimiter accepts a CSV delimiter: one printable character that
// cannot be part of a value's syntax. Control characters (ESC, tab, line
// breaks), format characters (bidirectional overrides), spaces other than
// the ASCII space, letters, digits, marks, quotes, '.' and '-' (a number's
// point and sign) are refused.
func checkDelimiter(s string) (rune, error) {
	r, size := utf8.DecodeRuneInString(s)
	ok := size == len(s) && r != utf8.RuneError && unicode.IsPrint(r) &&
		!unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) && !strings.ContainsRune("\"'.-", r)
	if ok {
		return r, nil
	}
	hint := ""
	if s == "\t" {
		hint = "; for tab-separated values, use --format tsv"
	}
	return 0, FlagErrorf("delimiter", "--delimiter %+q must be one printable character other than a letter, a digit, a quote, '.' or '-' (for example \",\" or \";\")%s", s, hint)
}

// Output is what a command prints, built only for the format asked: a
// table for people (table, Markdown), a table for machines (CSV, TSV) and
// a value for JSON. A report derives all three from one declaration of its
// fields (render.Spec).
//
// The optional builders serve the formats that hold more than one table
// (xlsx, see xlsx.go) and the wide layout:
//   - Totals: the report's totals as a machine table (keys as in the
//     JSON's totals), a sheet "Totals";
//   - Sources: the releases the report uses, with the notes of the Human
//     table, a sheet "Sources";
//   - Wide: the machine table in the wide layout (--layout wide), one row
//     per country; only commands that register --layout set it.
type Output struct {
	Human   func() *render.Table
	Machine func() *render.Table
	JSON    func() any
	Totals  func() *render.Table
	Sources func() []calc.Source
	Wide    func() *render.Table
	// Bars draws the report as terminal bars (--format bars); a command
	// without it refuses that format.
	Bars func() *render.BarChart
}

// Emit renders the output in the chosen format into memory, then writes it
// to stdout or, with --output, to the file (see WriteOut). Nothing is
// written when rendering fails. A CSV flag that has no effect in the
// chosen format gets a one-line warning on stderr (unless --quiet).
//
// With --quiet a table (table, markdown, bars) is printed without its
// title and notes, the source lines among them: data only. CSV and TSV
// have neither anyway; JSON and xlsx are data whole, their notes and
// sources included (a reader of JSON picks the fields it wants).
func (o *OutputFlags) Emit(f *Factory, out Output) error {
	o.warnUnused(f)
	o.warnLayout(f)
	if f != nil && f.IO != nil && f.IO.Quiet {
		out = dataOnly(out)
	}
	machine := out.Machine
	if o.Layout == LayoutWide && out.Wide != nil {
		machine = out.Wide
	}
	var buf bytes.Buffer
	var err error
	switch o.Format {
	case FormatJSON:
		err = render.JSON(&buf, out.JSON())
	case FormatCSV, FormatTSV:
		co := render.CSVOptions{BOM: o.BOM, DecimalComma: o.DecimalComma, NoHeader: o.NoHeader}
		if o.Format == FormatTSV {
			co.Comma = '\t'
		} else if o.Delimiter != "" {
			co.Comma, _ = utf8.DecodeRuneInString(o.Delimiter)
		} else if o.DecimalComma {
			co.Comma = ';'
		}
		err = render.CSV(&buf, machine(), co)
	case FormatMarkdown:
		err = render.Text(&buf, out.Human(), render.TextOptions{Markdown: true})
	case FormatTable:
		width := 0 // a file gets the full table; only a terminal is fitted
		if isStdout(o.Output) {
			width = f.IO.Width
		}
		err = render.Text(&buf, out.Human(), render.TextOptions{Width: width, Quiet: f != nil && f.IO != nil && f.IO.Quiet})
	case FormatBars:
		if out.Bars == nil {
			return FlagErrorf("format", "--format bars is not available for this command (gap draws bars)")
		}
		width := 0 // a file or a pipe gets render.DefaultBarWidth
		if isStdout(o.Output) {
			width = f.IO.Width
		}
		err = render.Bars(&buf, out.Bars(), render.BarOptions{Width: width, ASCII: render.PlainBars(f.IO.Getenv)})
	case FormatXLSX:
		if err := o.xlsxDestination(f); err != nil {
			return err
		}
		err = writeWorkbook(&buf, out, machine)
	default:
		err = FlagErrorf("format", "--format %q is not a format", o.Format)
	}
	if err != nil {
		return err
	}
	return WriteOut(f, o.Output, buf.Bytes())
}

// dataOnly returns out with the title and notes taken out of its human
// table and its bars (--quiet).
func dataOnly(out Output) Output {
	if human := out.Human; human != nil {
		out.Human = func() *render.Table {
			t := human()
			if t == nil {
				return nil
			}
			q := *t
			q.Title, q.Notes = "", nil
			return &q
		}
	}
	if bars := out.Bars; bars != nil {
		out.Bars = func() *render.BarChart {
			b := bars()
			if b == nil {
				return nil
			}
			q := *b
			q.Title, q.Notes = "", nil
			return &q
		}
	}
	return out
}

// warnUnused warns about the CSV flags given with a format they do not
// apply to (table, json, markdown), in one line.
func (o *OutputFlags) warnUnused(f *Factory) {
	if f == nil || f.IO == nil || o.Format == FormatCSV || o.Format == FormatTSV {
		return
	}
	// xlsx has typed cells and a header always: the CSV flags do nothing.
	var unused []string
	if o.BOM {
		unused = append(unused, "--bom")
	}
	if o.Delimiter != "" {
		unused = append(unused, "--delimiter")
	}
	if o.DecimalComma {
		unused = append(unused, "--decimal-comma")
	}
	if o.NoHeader {
		unused = append(unused, "--no-header")
	}
	switch len(unused) {
	case 0:
	case 1:
		Warn(f.IO, "%s has no effect with --format %s (only with csv and tsv)", unused[0], o.Format)
	default:
		Warn(f.IO, "%s have no effect with --format %s (only with csv and tsv)", strings.Join(unused, ", "), o.Format)
	}
}

// WriteOut writes data to stdout (path "", "-" or /dev/stdout), or else
// to the file at path with atomicfile.WriteFile: a regular file is replaced
// atomically keeping its permissions, a FIFO or character device written
// to, anything else refused (exit 1). A path that is one of the run's
// inputs (a --data file, a YAML file of a --data directory, the config
// file) is a usage error (exit 2). Messages name the path, never a
// temporary file.
func WriteOut(f *Factory, path string, data []byte) error {
	if isStdout(path) {
		_, err := f.IO.Out.Write(data)
		return err
	}
	if what := inputAt(f, path); what != "" {
		return FlagErrorf("output", "--output %s is %s: natospend does not write over its own input (choose another file)", termesc.String(path), what)
	}
	if err := atomicfile.WriteFile(path, data); err != nil {
		msg := err.Error()
		if ae := (*atomicfile.Error)(nil); !errors.As(err, &ae) {
			msg = path + ": write failed"
		}
		return &FlagError{Flag: "output", Err: errors.New("--output " + termesc.String(msg))}
	}
	return nil
}

// inputAt says which of the run's inputs path is ("the --data file
// x.yaml"), or "" when it is none: the config file, a --data file, or a
// .yaml or .yml file of a --data directory (the files the loader reads),
// compared by identity (os.SameFile), so that another name of the same
// file (a link, a relative path) is caught too.
func inputAt(f *Factory, path string) string {
	if f == nil || f.Inputs == nil {
		return ""
	}
	configPath, dataPaths := f.Inputs()
	out, err := os.Stat(path)
	if err != nil {
		return ""
	}
	same := func(p string) bool {
		fi, err := os.Stat(p)
		return err == nil && os.SameFile(out, fi)
	}
	if configPath != "" && same(configPath) {
		return "the config file " + termesc.String(configPath)
	}
	for _, d := range dataPaths {
		di, err := os.Stat(d)
		if err != nil {
			continue
		}
		if os.SameFile(out, di) {
			return "the --data path " + termesc.String(d)
		}
		if !di.IsDir() {
			continue
		}
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); ext != ".yaml" && ext != ".yml" {
				continue
			}
			if full := filepath.Join(d, e.Name()); same(full) {
				return "the data file " + termesc.String(full) + " of --data " + termesc.String(d)
			}
		}
	}
	return ""
}
