// Package chartcmd is the `natospend chart` command: a chart of the shares
// of GDP, the gaps, a few countries' history or their spending paths, as
// an SVG, PNG or PDF file or on standard output.
package chartcmd

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/chart"
	"github.com/natospend/natospend/pkg/cli/charts"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/termesc"
	"github.com/spf13/cobra"
)

// Options of a chart run (charts.Options): the gap command's query plus
// the kind, the path's shape and the output file.
type Options = charts.Options

// The kinds of chart.
const (
	KindShare   = charts.KindShare
	KindGap     = charts.KindGap
	KindHistory = charts.KindHistory
	KindPath    = charts.KindPath
)

// Formats are the chart formats --format takes.
var Formats = []string{string(chart.SVG), string(chart.PNG), string(chart.PDF)}

// NewCmd builds the chart command. A test may pass runF to capture the
// options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Query: query.Options{F: f, TrendYears: calc.DefaultTrendYears, Sort: "name"}}
	cmd := &cobra.Command{
		Use:   "chart",
		Short: "A chart of shares, gaps, history or a spending path, as SVG, PNG or PDF",
		Long: strings.TrimSpace(`
Chart draws the figures of gap, history and path as a picture to publish,
1200 x 800, with a title, axis labels with their units, the notes and the
source line naming the release and its date. The format is the --output
file's extension (.svg, .png or .pdf) or --format. Without --output (or
with --output -) the chart goes to standard output when it is not a
terminal: SVG by default, PNG or PDF with --format; a terminal gets only
an SVG asked for with --format svg. The same command writes the same bytes.

--kind share (the default): each selected country's share of GDP, highest
first, as horizontal bars coloured by the targets they reach, with a
dashed line per target (--target 2,3.5: at most 4).
--kind gap: each country's gap to one target in $bn: shortfalls and
surpluses in two colours, largest shortfall first.
--kind history: the share of GDP over the years of the release (--year
2014-2026: a range; default every year) for at most 6 countries, with the
target lines; a line that ends before the last year is labelled with its
own last year (and joined to its label by a dotted leader), and a note
names the years without a figure.
--kind path: the year-by-year spending path to the target by its deadline
(--by, or a named target's own), as natospend path computes it (--shape),
for at most 6 countries.
--aggregate: the whole selection's aggregate, for a selection of any
size: --kind history draws one line, its aggregate share of GDP each year
(total published defence / total GDP x 100, current USD, of the allies
the selection has that year, as gap's Total row computes it) and, where
the release publishes the selection's own aggregate (NATO Total, NATO
Europe and Canada), that too as printed; --kind path one line, the sum of
the countries' paths (natospend path's total row); --kind share adds one
bar, the aggregate share of the year. Not with --kind gap.

Money (--kind gap and path) is in $bn of current USD; --currency eur draws
it in EUR bn at the rate NATO's own figures imply for the year (a path at
its base year's rate), as gap --currency eur converts it (a release with
national-currency figures); --per-capita draws each gap per
head (--kind gap, as gap --per-capita's Gap/head) or the spending path per
head (--kind path, with the IMF WEO's population of each year, where it
has one), in USD per person. A chart of shares (share, history) takes
neither.

Estimates are drawn hatched (bars) or hollow (points), with a legend entry.
No label overlaps another or crosses a target line (a value label is moved
past the line); a URL too long for its line breaks only after a "/".
A country without a figure is left out, never drawn as zero, and named in
a note. Colours are from the Okabe-Ito palette, told apart with any common
colour blindness. Texts come from the data as they are, escaped for the
format; the PDF uses the standard Helvetica font, which writes a letter
outside Western European alphabets as its base letter, or "?".

The selection flags are those of gap: --country, --group, --exclude,
--year, --release, --method, --latest, --measure (share and gap only).`),
		Example: cmdutil.Examples(`
  natospend chart --kind share --target 2,3.5 --output share.svg
  natospend chart --kind share --target 2,3.5 --output share.png
  natospend chart --kind share --format png > share.png
  natospend chart --kind gap --target 3.5 --group europe --output gap.pdf
  natospend chart --kind history --country DEU,FRA,POL,GBR --target 2,3.5 --output history.png
  natospend chart --kind path --target hague-core --country DEU,FRA,ITA --output path.svg
  natospend chart --kind history --group europe --aggregate --output europe.svg`),
		Args: cmdutil.NoArgsTargetHint,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query.TargetsSet = cmd.Flags().Changed("target")
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	query.AddFlags(cmd, &opts.Query, []string{"2"})
	cmdutil.StringEnumFlag(cmd, &opts.Kind, "kind", "k", KindShare, charts.Kinds, "share: shares of GDP as bars; gap: gaps to one target in $bn; history: shares over the years; path: the spending path to a deadline")
	cmdutil.StringEnumFlag(cmd, &opts.Shape, "shape", "", string(calc.ShapeLinear), []string{string(calc.ShapeLinear), string(calc.ShapeGrowth)}, "--kind path: linear: the share rises by equal steps; growth: spending grows at a constant rate")
	cmd.Flags().BoolVar(&opts.Aggregate, "aggregate", false, "the whole selection's aggregate (e.g. --group europe), as gap's and path's Total rows compute it: --kind history and path, one line instead of one per country; --kind share, one more bar")
	cmd.Flags().BoolVar(&opts.PerCapita, "per-capita", false, "--kind gap: each gap per head, as gap --per-capita's Gap/head; --kind path: spending per head; in USD per person (population: the IMF WEO)")
	cmdutil.StringEnumFlag(cmd, &opts.Currency, "currency", "", calc.CurrencyUSD, []string{calc.CurrencyUSD, calc.CurrencyEUR}, "--kind gap and path: money in usd, or eur at the EUR/USD rate NATO's figures imply for the euro-area allies (as gap --currency eur; a chart has one currency, so no national)")
	query.AddPricesFlag(cmd, &opts.Prices, "--kind gap: gaps at current prices and exchange rates, or at the release's constant prices, as gap --prices constant (its base year on the axis); shares of GDP need none: NATO's are of real GDP")
	format := cmdutil.StringEnumFlag(cmd, &opts.Format, "format", "f", "", Formats, "the chart's format (default: the --output file's extension; svg on standard output)")
	// NATOSPEND_FORMAT=csv (or format: csv outside chart: in the config
	// file) is meant for the commands that print tables, never an error here.
	cmdutil.SetElsewhere(format, append(append([]string{}, cmdutil.CommonFormats...), "text", "bars"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the chart to `FILE`, atomically (its extension sets the format: .svg, .png or .pdf); - or none: standard output when it is not a terminal")
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"svg", "png", "pdf"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

// chartFormat is the format to draw: --format, else the --output file's
// extension (.svg, .png, .pdf; a --format that contradicts it is a usage
// error). Standard output (no --output, or -) takes SVG by default when it
// is not a terminal; a terminal gets a chart only when --format svg asks
// for its text, never a PNG or PDF (binary files, refused as xlsx is).
func chartFormat(o *Options) (chart.Format, error) {
	given := chart.Format(strings.ToLower(o.Format))
	if cmdutil.IsStdout(o.Output) {
		tty := o.Query.F != nil && o.Query.F.IO != nil && o.Query.F.IO.OutTTY
		switch {
		case given == "" && tty:
			return "", cmdutil.UsageErrorf("chart draws a picture, not for a terminal: give --output FILE.svg, FILE.png or FILE.pdf, or pipe it (--format svg, png or pdf)")
		case given == "":
			return chart.SVG, nil
		case given != chart.SVG:
			if err := cmdutil.BinaryDestination(o.Query.F, o.Output, fmt.Sprintf("%s is a binary file: give --output FILE.%s, or pipe it", given, given)); err != nil {
				return "", err
			}
		}
		return given, nil
	}
	var ext chart.Format
	switch strings.ToLower(filepath.Ext(o.Output)) {
	case ".svg":
		ext = chart.SVG
	case ".png":
		ext = chart.PNG
	case ".pdf":
		ext = chart.PDF
	case "":
		if given != "" {
			ext = given
		}
	}
	switch {
	case ext == "":
		return "", cmdutil.FlagErrorf("output", "--output %s: the extension says the format: .svg, .png or .pdf", termesc.String(o.Output))
	case given != "" && given != ext:
		return "", cmdutil.FlagErrorf("format", "--format %s contradicts --output %s, whose extension says %s (leave out --format, or give the file another name)", given, termesc.String(o.Output), ext)
	}
	if ext != chart.SVG {
		if err := cmdutil.BinaryDestination(o.Query.F, o.Output, fmt.Sprintf("%s is a binary file: give --output FILE.%s", ext, ext)); err != nil {
			return "", err
		}
	}
	return ext, nil
}

type drawable = charts.Drawable

// inspect, when set (by a test: export_test.go), is given each chart
// before it is drawn.
var inspect func(drawable)

// Run draws the chart and writes it.
func Run(o *Options) error {
	format, err := chartFormat(o)
	if err != nil {
		return err
	}
	ds, err := o.Query.F.Dataset()
	if err != nil {
		return err
	}
	c, err := o.Build(ds)
	if err != nil {
		return err
	}
	if inspect != nil {
		inspect(c)
	}
	data, err := c.Render(format)
	if err != nil {
		return fmt.Errorf("chart: %v", err)
	}
	return cmdutil.WriteOut(o.Query.F, o.Output, data)
}
