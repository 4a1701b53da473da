package cmdutil

import (
	"io"
	"os"
	"strconv"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/termesc"
	"github.com/natospend/natospend/pkg/xlsx"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Layouts of the machine formats (--layout).
const (
	LayoutLong = "long" // one row per country and measure (the default)
	LayoutWide = "wide" // one row per country, a group of columns per measure
)

// AddLayoutFlag registers --layout on a command whose Output has a Wide
// builder (gap).
func AddLayoutFlag(cmd *cobra.Command, o *OutputFlags) {
	EnumFlag{Name: "layout", Default: LayoutLong, Values: []string{LayoutLong, LayoutWide}, Noun: "a layout",
		Usage: "csv, tsv, xlsx: long, one row per country and target; wide, one row per country with a group of columns per target (keys such as gap_musd_3_5) and, with several years, per year (gap_musd_3_5_2026), so that a SUM over GDP counts each country once"}.Register(cmd, &o.Layout)
}

// validateLayout checks --layout (empty: long, for commands without it).
func (o *OutputFlags) validateLayout() error {
	switch o.Layout {
	case "", LayoutLong, LayoutWide:
		return nil
	}
	return FlagErrorf("layout", "--layout %q is not a layout (expected long or wide)", o.Layout)
}

// warnLayout warns that --layout, when given, does nothing in a format for
// people or JSON (one line on stderr, unless --quiet).
func (o *OutputFlags) warnLayout(f *Factory) {
	// Layout "" is a command that declares a --layout of its own, for
	// every format (history), not this one.
	if f == nil || f.IO == nil || o.changed == nil || o.Layout == "" || !o.changed("layout") {
		return
	}
	switch o.Format {
	case FormatCSV, FormatTSV, FormatXLSX:
		return
	}
	Warn(f.IO, "--layout has no effect with --format %s (only with csv, tsv and xlsx)", o.Format)
}

// xlsxMessage is the usage error for a workbook bound for a terminal.
const xlsxMessage = "xlsx is a binary file: give --output FILE.xlsx"

// xlsxDestination refuses to write a workbook to a terminal: stdout when
// it is one, or an --output that is one (/dev/tty). A pipe, a file and
// /dev/null are fine.
func (o *OutputFlags) xlsxDestination(f *Factory) error {
	return BinaryDestination(f, o.Output, xlsxMessage)
}

// BinaryDestination refuses to write a binary file (a workbook, a PNG or
// PDF chart) to a terminal: stdout (output "", "-" or /dev/stdout) when it
// is one, or an output that is one (/dev/tty); message says what to do. A
// pipe, a file and /dev/null are fine.
func BinaryDestination(f *Factory, output, message string) error {
	if isStdout(output) {
		if f != nil && f.IO != nil && f.IO.OutTTY {
			return UsageErrorf("%s", message)
		}
		return nil
	}
	if isTerminal(output) {
		return FlagErrorf("output", "--output %s is a terminal: %s", termesc.String(output), message)
	}
	return nil
}

// IsStdout reports whether an --output value means standard output: none,
// "-" or /dev/stdout.
func IsStdout(output string) bool { return isStdout(output) }

// isTerminal reports whether path is a terminal device. Only a character
// device is opened to ask (never a FIFO, whose opening would wait for a
// reader).
func isTerminal(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	defer fh.Close()
	return term.IsTerminal(int(fh.Fd()))
}

// Sheet names of a workbook.
const (
	SheetData    = "Data"
	SheetTotals  = "Totals"
	SheetSources = "Sources"
)

// writeWorkbook writes the workbook of a report: the machine table (long
// or wide) as the sheet Data, the totals (when the report has them) as
// Totals, and the releases used and the table's notes as Sources.
func writeWorkbook(w io.Writer, out Output, machine func() *render.Table) error {
	sheets := []xlsx.Sheet{sheetOf(SheetData, machine())}
	if out.Totals != nil {
		if t := out.Totals(); t != nil && len(t.Rows) > 0 {
			sheets = append(sheets, sheetOf(SheetTotals, t))
		}
	}
	var sources []calc.Source
	if out.Sources != nil {
		sources = out.Sources()
	}
	var notes []string
	if out.Human != nil {
		notes = out.Human().Notes
	}
	if len(sources) > 0 || len(notes) > 0 {
		sheets = append(sheets, sourcesSheet(sources, notes))
	}
	return xlsx.Write(w, sheets)
}

// sheetOf turns a machine table into a sheet: the keys as the header,
// frozen, with a filter; typed cells with the number CSV prints (full
// machine precision, FormatMachine), shown as the table shows them: money
// (million USD) and numbers with thousands separators and one decimal (a
// Number column: its own decimals), percentages as numbers with two
// decimals (2.58, not 0.0258), years without separators. Text is always
// text, never guarded with an apostrophe: an xlsx string cell is never a
// formula.
func sheetOf(name string, t *render.Table) xlsx.Sheet {
	s := xlsx.Sheet{Name: name, FreezeHeader: true, AutoFilter: true}
	for _, c := range t.Columns {
		col := xlsx.Column{Title: c.Key}
		switch c.Kind {
		case render.String:
			col.Kind = xlsx.KindText
		case render.Int:
			col.Kind = xlsx.KindInt
		case render.Money:
			col.Kind, col.Decimals = xlsx.KindNumber, 1
		case render.Percent:
			col.Kind, col.Decimals = xlsx.KindPercent, 2
		case render.Number:
			col.Kind, col.Decimals = xlsx.KindNumber, min(max(c.Decimals, 0), xlsx.MaxDecimals)
		case render.Bool:
			col.Kind = xlsx.KindBool
		}
		s.Columns = append(s.Columns, col)
	}
	for _, row := range t.Rows {
		vals := make([]xlsx.Value, len(row))
		for j, c := range row {
			switch {
			case t.Columns[j].Kind == render.String:
				vals[j] = xlsx.Value{Text: c.Text}
			case c.Known:
				vals[j] = xlsx.Value{Num: machineNumber(c.Num), Known: true}
			}
		}
		s.Rows = append(s.Rows, vals)
	}
	return s
}

// machineNumber is v as CSV and JSON print it (rounded to 6 decimals, no
// float noise), as a number again. A non-finite v is kept, for the writer
// to refuse.
func machineNumber(v float64) float64 {
	if m, err := strconv.ParseFloat(render.FormatMachine(v, false), 64); err == nil {
		return m
	}
	return v
}

// sourcesSheet lists the releases (id, title, publisher, dates, URL, the
// publisher's file and its SHA-256, the copy read), then,
// after an empty row, the notes the table prints, one a row in column A.
func sourcesSheet(sources []calc.Source, notes []string) xlsx.Sheet {
	text := func(k string) xlsx.Column { return xlsx.Column{Title: k, Kind: xlsx.KindText} }
	s := xlsx.Sheet{Name: SheetSources, FreezeHeader: true,
		Columns: []xlsx.Column{text("release"), text("title"), text("publisher"), text("published"), text("cutoff"), text("url"),
			text("source_file"), text("source_sha256"), text("via")}}
	// Column A fits the release ids, not the notes, which spill over the
	// empty cells to their right.
	width := len("release")
	for _, src := range sources {
		s.Rows = append(s.Rows, []xlsx.Value{{Text: src.ID}, {Text: src.Title}, {Text: src.Publisher}, {Text: src.Published}, {Text: src.CutoffText()}, {Text: src.URL},
			{Text: src.SourceFile}, {Text: src.SourceSHA256}, {Text: src.Via}})
		width = max(width, len([]rune(src.ID)))
	}
	s.Columns[0].Width = float64(min(width+2, xlsx.MaxWidth))
	if len(notes) > 0 {
		empty := func() []xlsx.Value { return make([]xlsx.Value, len(s.Columns)) }
		s.Rows = append(s.Rows, empty())
		label := empty()
		label[0].Text = "Notes"
		s.Rows = append(s.Rows, label)
		for _, n := range notes {
			row := empty()
			row[0].Text = n
			s.Rows = append(s.Rows, row)
		}
	}
	return s
}
