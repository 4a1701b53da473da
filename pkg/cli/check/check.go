// Package check is the `natospend check` command: a gate for pipelines.
package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/targets"
	"github.com/spf13/cobra"
)

// Options of a check run: the gap options plus the gate's own.
type Options struct {
	Query        query.Options
	AllowMissing bool
	OnTrack      bool
	Format       string
}

// Formats of check's output.
const (
	// FormatTable (the default) is one tab-separated line per country
	// that does not pass: check's table, called table as in every other
	// command (it was called text: FormatText stays an alias).
	FormatTable = cmdutil.FormatTable
	FormatText  = "text" // the old name of FormatTable, still accepted
	FormatJSON  = "json"
	FormatTSV   = "tsv"
	FormatCSV   = "csv"
	FormatXLSX  = "xlsx" // a workbook: to a pipe or a file (> verdicts.xlsx), never a terminal
	// The CI formats (ci.go): a GitHub job summary, JUnit XML and GitHub
	// workflow commands (annotations).
	FormatMarkdown = "markdown"
	FormatJUnit    = "junit"
	FormatGitHub   = "github"
)

var formats = []string{FormatTable, FormatJSON, FormatTSV, FormatCSV, FormatXLSX, FormatMarkdown, FormatJUnit, FormatGitHub}

// NewCmd builds the check command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Query: query.Options{F: f}}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit non-zero when a selected country falls short of a target (for CI)",
		Long: strings.TrimSpace(`
Check is a gate for pipelines. It prints each selected country that falls
short of the target, or has no verdict, and exits:

  0  every selected country meets the target
  3  at least one selected country falls short (with --on-track: is off track)
  4  none falls short, but a selected country has no verdict: no data for the
     year, or (Hague 5%) a core share between 3.5% and 5% with the resilience
     spending unknown (unless --allow-missing); a country that publishes no
     defence figure, such as Iceland, is never counted as missing
  2  a usage error, including a selection that holds no country

The verdict is the one gap prints, for the same flags: a country meets a
target when its share of GDP is at or above it (NATO's published share; with
--method usd, current-USD defence / GDP); with --measure equipment, when
its equipment share of defence spending is (NATO's 20% guideline). A
deadline (--by, or a named target's own) does not change the verdict: gap
shows what spending must be by then. A named target agreed on one
definition of defence expenditure (Wales's 2% classic, The Hague's 3.5%
core) checked on a release of the other gets a note on stderr naming a
release of its own definition.

--on-track asks another question: is the country on track for the target by
the deadline? It is when it meets the target already, or when the straight
line through its published shares of the last --trend-years years reaches the
target by the deadline. This is a trend of published figures, not a forecast
of policy. It needs a deadline.

--format table (the default; text is the same) prints one tab-separated
line per failing country; json, tsv/csv and xlsx print every verdict as
data (xlsx: a workbook with the verdicts and a Sources sheet, to a file or
a pipe, never a terminal). For CI: markdown prints a job summary (for
$GITHUB_STEP_SUMMARY: the verdict counts, a table of the countries short
or without a verdict, the rest folded), junit a JUnit XML report (one
testsuite per target, one testcase per country: a failure when short, a
skip when without a verdict) and github GitHub workflow commands (an
error annotation per country short, a warning per country without a
verdict, at most 10 of each). Every format exits with the same code.`),
		Example: cmdutil.Examples(`
  natospend check --target 2 --group europe
  natospend check --target uk-2027 --country GBR --quiet && echo "meets 2.5%"
  natospend check --target hague-core --on-track --group nato
  natospend check --target 2 --format json | jq '.verdicts[] | select(.outcome != "pass")'
  natospend check --target 2 --group europe --format markdown >> "$GITHUB_STEP_SUMMARY"`),
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
	query.AddTrendFlag(cmd, &opts.Query)
	fl := cmd.Flags()
	fl.BoolVar(&opts.AllowMissing, "allow-missing", false, "do not fail (exit 4) for countries without a verdict")
	fl.BoolVar(&opts.OnTrack, "on-track", false, "gate on the trend instead: exit 3 when a country is off track for the target by its deadline")
	// table is the default, as in every other command; text, its old
	// name, is an alias.
	cmdutil.EnumFlag{Name: "format", Short: "f", Default: FormatTable, Values: formats, Aliases: map[string]string{FormatText: FormatTable}, Usage: "output format (text: the same as table)"}.Register(cmd, &opts.Format)
	g := &opts.Query
	g.Sort = "gap"
	g.DecimalCommaIsError = true // a wrong gate is worse than a stopped one
	return cmd
}

// Run checks and returns an ExitError with code 3 or 4 when the gate fails.
func Run(o *Options) error {
	ios := o.Query.F.IO
	format := o.Format // one of formats: the flag takes no other
	ds, err := o.Query.F.Dataset()
	if err != nil {
		return err
	}
	q, err := o.Query.Resolve(ds)
	if err != nil {
		return err
	}
	if len(q.Codes) == 0 {
		return cmdutil.UsageErrorf("nothing to check: the selection holds no country (check --country, --group and --exclude)")
	}
	rep, err := calc.Compute(ds, q)
	if err != nil {
		return cmdutil.QueryError(err)
	}
	if o.OnTrack {
		for _, m := range rep.Measures {
			if m.Verdict() && m.Deadline == 0 {
				return cmdutil.FlagErrorf("on-track", "--on-track needs a deadline for %s: give --by YEAR, or a named target with a deadline still ahead (uk-2027, hague-core, hague)", m.Label())
			}
		}
	}
	lines := rep.VerdictLines()
	var fail, missing, checked int
	for _, ln := range lines {
		switch ln.Outcome(o.OnTrack) {
		case calc.OutcomeFail:
			fail++
		case calc.OutcomeMissing:
			missing++
		}
		if ln.Outcome(o.OnTrack) != calc.OutcomeSkip {
			checked++
		}
	}
	code := cmdutil.ExitOK
	switch {
	case fail > 0:
		code = cmdutil.ExitShort
	case missing > 0 && !o.AllowMissing:
		code = cmdutil.ExitMissing
	}

	sum := summary(rep, len(q.Codes), checked, fail, missing, o.OnTrack)
	// The one note that decides whether a verdict answers the question
	// asked: a target measured on another definition than its own.
	definitionNotes := calc.DefinitionNotes(ds, rep.Release, rep.Query.Year, rep.Query.Targets)

	switch format {
	case FormatMarkdown, FormatJUnit, FormatGitHub:
		if err := writeCI(newVerdicts(o, rep, q, lines, code, sum, definitionNotes), format); err != nil {
			return err
		}
	case FormatTable:
		var out bytes.Buffer
		if !ios.Quiet {
			for _, ln := range lines {
				oc := ln.Outcome(o.OnTrack)
				if oc == calc.OutcomePass || oc == calc.OutcomeSkip {
					continue
				}
				fmt.Fprintf(&out, "%s\t%s\t%s\t%s\n", word(ln, o.OnTrack), ln.Code, ln.Name, Reason(ln, q, o.OnTrack))
			}
		}
		if _, err := ios.Out.Write(out.Bytes()); err != nil {
			return err
		}
	default:
		// Verdicts as data: the same one output path as every report.
		fs := fields(q, o.OnTrack)
		emit := cmdutil.OutputFlags{Format: format}
		err := emit.Emit(o.Query.F, cmdutil.Output{
			Machine: func() *render.Table { return render.MachineTable(fs, lines) },
			Sources: func() []calc.Source {
				return calc.UsedSources(ds, []*defence.Release{rep.Release}, lines, false)
			},
			JSON: func() any {
				return jsonDoc(rep, render.Objects(fs, lines), o, code, checked, fail, missing)
			},
		})
		if err != nil {
			return err
		}
	}
	if !ios.Quiet {
		fmt.Fprintln(ios.ErrOut, sum)
		for _, n := range definitionNotes {
			fmt.Fprintln(ios.ErrOut, "check: "+n)
		}
	}
	if code != cmdutil.ExitOK {
		return &cmdutil.ExitError{Code: code}
	}
	return nil
}

// word is the first field of a text line: the status, or the trend.
func word(ln calc.Line, onTrack bool) string {
	if onTrack {
		return string(ln.Trend.Status)
	}
	return string(ln.Status)
}

func summary(rep *calc.Report, countries, checked, fail, missing int, onTrack bool) string {
	var labels []string
	for _, m := range rep.Measures {
		if m.Verdict() {
			labels = append(labels, m.Label())
		}
	}
	failWord := "short"
	if onTrack {
		failWord = "off track"
	}
	of := fmt.Sprintf("%s checked", plural(checked, "country", "countries"))
	if len(labels) > 1 {
		of = fmt.Sprintf("%s checked (%s x %d targets)", plural(checked, "verdict", "verdicts"), plural(countries, "country", "countries"), len(labels))
	}
	s := fmt.Sprintf("check: %d %s, %d without a verdict, of %s against %s", fail, failWord, missing, of, strings.Join(labels, ", "))
	if skipped := countries*len(labels) - checked; skipped > 0 {
		s += fmt.Sprintf("; %d of the %d selected publishes no defence figure", skipped/len(labels), countries)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Reason says in words what is known of a verdict and what is not.
func Reason(ln calc.Line, q *calc.Query, onTrack bool) string {
	label := targetLabel(ln.Measure)
	share := func() string {
		if ln.OfDefence { // the equipment share of defence spending, not of GDP
			return fmt.Sprintf("%s%% of defence spending on equipment in %d", pctText(ln.Measured), ln.Year)
		}
		core, usd := "", ""
		if ln.Measure.Bounded {
			core = "core "
		}
		if q.Method == calc.MethodUSD {
			usd = " (current USD)"
		}
		return fmt.Sprintf("%s%s%% of GDP%s in %d", core, pctText(ln.Measured), usd, ln.Year)
	}
	switch ln.Status {
	case calc.StatusNotReported:
		return label + ": publishes no defence figure"
	case calc.StatusNoData:
		if ln.Year == 0 {
			return fmt.Sprintf("%s: no figures for %d in release %s", label, q.Year, q.Release.ID)
		}
		return fmt.Sprintf("%s: no %s for %d in release %s", label, ln.Missing(q.Method), ln.Year, q.Release.ID)
	}
	var s string
	switch {
	case ln.Status == calc.StatusUndetermined:
		s = fmt.Sprintf("%s: %s, between %s%% and %s%%: resilience spending (up to %s%% of GDP) is not in NATO's tables, so the whole target cannot be decided",
			label, share(), targets.FormatPct(ln.Measure.Pct-ln.Measure.ResilPct), targets.FormatPct(ln.Measure.Pct), targets.FormatPct(ln.Measure.ResilPct))
	case ln.Status == calc.StatusShort && ln.Measure.Bounded && !ln.Gap.Known:
		s = fmt.Sprintf("%s: %s, below %s%%: short even with the resilience part fully met", label, share(), targets.FormatPct(ln.Measure.Pct-ln.Measure.ResilPct))
		if ln.GapMin.Known {
			s += fmt.Sprintf(" (%s or more)", render.BillionsText(ln.GapMin.V))
		}
	case ln.Status == calc.StatusShort:
		if ln.Gap.Known {
			s = fmt.Sprintf("%s: %s, %s short", label, share(), render.BillionsText(ln.Gap.V))
		} else {
			s = fmt.Sprintf("%s: %s, below %s%%", label, share(), targets.FormatPct(ln.Measure.Pct))
		}
	default:
		s = fmt.Sprintf("%s: %s, meets %s%%", label, share(), targets.FormatPct(ln.Measure.Pct))
	}
	if onTrack && ln.HasTrend {
		t := ln.Trend
		switch {
		case t.Status == calc.TrendOnTrack && ln.Status == calc.StatusMeets:
		case t.Share.Known:
			of := "shares of GDP"
			if ln.OfDefence {
				of = "equipment shares of defence spending"
			}
			s += fmt.Sprintf("; the straight line through its %d-%d %s reaches %s%% in %d", t.From, t.To, of, pctText(t.Share), ln.Measure.Deadline)
		case t.Err != "":
			s += "; no trend: " + t.Err
		}
	}
	return s
}

// targetLabel names a target as the verdicts do: its label, and its
// deadline if it has one ("hague 5% by 2035").
func targetLabel(m calc.Measure) string {
	if m.Deadline != 0 {
		return fmt.Sprintf("%s by %d", m.Label(), m.Deadline)
	}
	return m.Label()
}

func pctText(n defence.Num) string {
	if !n.Known {
		return "?"
	}
	return fmt.Sprintf("%.2f", n.V)
}

// fields of check's verdicts, declared once: as data (tsv, csv, json) the
// fields with a Key, a contract, only ever added to, at the end; in the
// Markdown job summary the fields with a Title.
func fields(q *calc.Query, onTrack bool) []render.Spec[calc.Line] {
	return []render.Spec[calc.Line]{
		{Key: "code", Title: "Code", Get: func(ln calc.Line) render.Cell { return render.T(ln.Code) }},
		{Key: "name", Title: "Country", Get: func(ln calc.Line) render.Cell { return render.T(ln.Name) }},
		{Key: "target", Get: func(ln calc.Line) render.Cell { return render.T(ln.Measure.Target.ID) }},
		{Title: "Target", Get: func(ln calc.Line) render.Cell { return render.T(targetLabel(ln.Measure)) }},
		{Key: "target_pct", Kind: render.Percent, Get: func(ln calc.Line) render.Cell { return render.N(ln.Measure.Pct) }},
		{Key: "deadline", Kind: render.Int, Get: func(ln calc.Line) render.Cell {
			return render.Opt(float64(ln.Measure.Deadline), ln.Measure.Deadline != 0)
		}},
		{Key: "year", Title: "Year", Kind: render.Int, Get: func(ln calc.Line) render.Cell { return render.Opt(float64(ln.Year), ln.Year != 0) }},
		{Key: "share_pct", Title: "Share %", Kind: render.Percent, Get: func(ln calc.Line) render.Cell { return render.Opt(ln.Measured.V, ln.Measured.Known) }},
		{Key: "gap_musd", Title: "Gap $bn", Kind: render.Money, Get: func(ln calc.Line) render.Cell { return render.Opt(ln.Gap.V, ln.Gap.Known) }},
		{Key: "status", Title: "Verdict", Get: func(ln calc.Line) render.Cell { return render.T(string(ln.Status)) },
			Show: func(ln calc.Line) render.Cell { return render.T(word(ln, onTrack)) }},
		{Key: "trend", Get: func(ln calc.Line) render.Cell {
			if ln.HasTrend {
				return render.T(string(ln.Trend.Status))
			}
			return render.T("")
		}},
		{Key: "trend_share_pct", Kind: render.Percent, Get: func(ln calc.Line) render.Cell {
			if ln.HasTrend {
				return render.Opt(ln.Trend.Share.V, ln.Trend.Share.Known)
			}
			return render.U()
		}},
		{Key: "outcome", Get: func(ln calc.Line) render.Cell { return render.T(string(ln.Outcome(onTrack))) }},
		{Key: "reason", Title: "Reason", Get: func(ln calc.Line) render.Cell { return render.T(Reason(ln, q, onTrack)) }},
	}
}

func jsonDoc(rep *calc.Report, rows []render.Object, o *Options, code, checked, fail, missing int) render.Object {
	var labels []string
	for _, m := range rep.Measures {
		if m.Verdict() {
			labels = append(labels, m.Label())
		}
	}
	return render.Object{
		{Key: "schema_version", Value: 1},
		{Key: "release", Value: rep.Release.ID},
		{Key: "year", Value: rep.Query.Year},
		{Key: "method", Value: string(rep.Query.Method)},
		{Key: "on_track", Value: o.OnTrack},
		{Key: "targets", Value: labels},
		{Key: "verdicts", Value: append([]render.Object{}, rows...)},
		{Key: "summary", Value: render.Object{
			{Key: "checked", Value: checked},
			{Key: "failed", Value: fail},
			{Key: "missing", Value: missing},
			{Key: "allow_missing", Value: o.AllowMissing},
		}},
		{Key: "exit_code", Value: code},
		{Key: "notes", Value: checkNotes(rep)},
		{Key: "source", Value: calc.SourceOf(rep.Release)},
	}
}

// checkNotes are the report's notes, with what the trend is when it shows.
func checkNotes(rep *calc.Report) []string {
	notes := append([]string{}, rep.Notes...)
	if rep.TrendNote != "" {
		notes = append(notes, rep.TrendNote)
	}
	return notes
}
