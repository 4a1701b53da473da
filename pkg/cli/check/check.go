// Package check is the `natospend check` command: a gate for pipelines.
package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/gap"
	"github.com/natospend/natospend/pkg/render"
	"github.com/spf13/cobra"
)

// Options of a check run: the gap options plus --allow-missing.
type Options struct {
	Gap          gap.Options
	AllowMissing bool
}

// NewCmd builds the check command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Gap: gap.Options{F: f}}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit non-zero when a selected country falls short of a target (for CI)",
		Long: strings.TrimSpace(`
Check is a gate for pipelines. It prints each selected country that falls
short of the target (nothing with --quiet) and exits:

  0  every selected country with data meets the target
  3  at least one selected country falls short
  4  none falls short, but a selected country has no data for the year
     (unless --allow-missing); a country that publishes no defence figure,
     such as Iceland, is never counted as missing

Meeting a target follows NATO's published share of GDP (or, with --method
usd, current-USD defence against GDP). With a deadline (--by, or a named
target's own), a country falls short when its base-year spending is below
what the target requires in the deadline year, with GDP grown as in gap.`),
		Example: cmdutil.Examples(`
  natospend check --target 2 --group europe
  natospend check --target uk-2027 --country GBR --quiet || echo "not yet"`),
		Args: cmdutil.NoArgsTargetHint,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	gap.AddQueryFlags(cmd, &opts.Gap, []string{"2"})
	cmd.Flags().BoolVar(&opts.AllowMissing, "allow-missing", false, "do not fail (exit 4) for countries without data")
	g := &opts.Gap
	g.Sort = "gap"
	g.Out.Format = cmdutil.FormatTable
	return cmd
}

// Run checks and returns an ExitError with code 3 or 4 when the gate fails.
func Run(o *Options) error {
	ios := o.Gap.F.IO
	ds, err := o.Gap.F.Dataset()
	if err != nil {
		return err
	}
	q, err := o.Gap.Resolve(ds)
	if err != nil {
		return err
	}
	rep, err := gap.Compute(ds, q)
	if err != nil {
		return cmdutil.UsageErrorf("%v", err)
	}
	var out bytes.Buffer
	short, missing, checked := 0, 0, 0
	for _, ln := range rep.Lines {
		if ln.Measure.Part == gap.PartResilience {
			continue // its spending is never in NATO's tables
		}
		label := ln.Measure.Label()
		switch {
		case ln.Status == calc.StatusNotReported:
			continue
		case ln.Deadline.Set && ln.Deadline.Increase.Known:
			checked++
			if ln.Deadline.Increase.V > 0 {
				short++
				fmt.Fprintf(&out, "short\t%s\t%s\t%s by %d: needs $%s bn more than its %d spending\n",
					ln.Code, ln.Name, label, ln.Deadline.Year, render.FormatBillions(ln.Deadline.Increase.V), ln.Deadline.BaseYear)
			}
		case ln.Status == calc.StatusShort:
			checked++
			short++
			fmt.Fprintf(&out, "short\t%s\t%s\t%s: %s%% of GDP in %d, $%s bn short\n",
				ln.Code, ln.Name, label, shareText(ln), ln.Year, gapText(ln))
		case ln.Status == calc.StatusMeets:
			checked++
		default:
			missing++
			fmt.Fprintf(&out, "no-data\t%s\t%s\t%s: no figures for %d in %s\n", ln.Code, ln.Name, label, q.Year, q.Release.ID)
		}
	}
	if !ios.Quiet {
		if _, err := ios.Out.Write(out.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(ios.ErrOut, "check: %d short, %d without data, of %d checked against %s\n", short, missing, checked+missing, targetsText(rep))
	}
	switch {
	case short > 0:
		return &cmdutil.ExitError{Code: cmdutil.ExitShort}
	case missing > 0 && !o.AllowMissing:
		return &cmdutil.ExitError{Code: cmdutil.ExitMissing}
	}
	return nil
}

func shareText(ln gap.Line) string {
	if !ln.Share.Known {
		return "?"
	}
	return fmt.Sprintf("%.2f", ln.Share.V)
}

func gapText(ln gap.Line) string {
	switch {
	case ln.Gap.Known:
		return render.FormatBillions(ln.Gap.V)
	case ln.GapMin.Known:
		return render.FormatBillions(ln.GapMin.V) + " or more"
	}
	return "?"
}

func targetsText(rep *gap.Report) string {
	var s []string
	for _, m := range rep.Measures {
		if m.Part == gap.PartResilience {
			continue
		}
		s = append(s, m.Label())
	}
	return strings.Join(s, ", ")
}
