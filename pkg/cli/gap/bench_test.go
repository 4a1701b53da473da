package gap_test

import (
	"io"
	"testing"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/gapreport"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/targets"
)

// allTargets is every named target of the data and a plain percentage.
func allTargets(ds *defence.Dataset) []string {
	return append(targets.NamesOf(ds.Targets, defence.MeasureShare), "3.7")
}

func benchQuery(b *testing.B, ds *defence.Dataset, targets []string, by int) *calc.Query {
	o := &query.Options{Targets: targets, Method: "share", Sort: "gap", By: by, TrendYears: calc.DefaultTrendYears}
	q, err := o.Resolve(ds)
	if err != nil {
		b.Fatal(err)
	}
	return q
}

// BenchmarkGapAllTargets computes the gaps of all the allies (the default
// selection) to all the named targets (and 3.7%), today and by 2035, on
// the embedded data.
func BenchmarkGapAllTargets(b *testing.B) {
	ds := snapshot.Dataset()
	for _, c := range []struct {
		name string
		by   int
	}{{"today", 0}, {"by2035", 2035}} {
		b.Run(c.name, func(b *testing.B) {
			q := benchQuery(b, ds, allTargets(ds), c.by)
			b.ReportAllocs()
			for b.Loop() {
				rep, err := calc.Compute(ds, q)
				if err != nil {
					b.Fatal(err)
				}
				if len(rep.Order) < 32 {
					b.Fatalf("%d countries", len(rep.Order))
				}
			}
		})
	}
}

// BenchmarkGapRender renders the report of all allies and all targets in
// each output format: it builds what the format prints (the table, the
// machine table or the JSON document) and renders it, as gap.Run does.
func BenchmarkGapRender(b *testing.B) {
	ds := snapshot.Dataset()
	q := benchQuery(b, ds, allTargets(ds), 0)
	c, err := calc.Compute(ds, q)
	if err != nil {
		b.Fatal(err)
	}
	rep := &gapreport.Report{Report: c}
	for _, format := range cmdutil.AllFormats {
		b.Run(format, func(b *testing.B) {
			ios, _, _, _ := iostreams.Test()
			ios.Out = io.Discard
			out := cmdutil.OutputFlags{Format: format}
			b.ReportAllocs()
			for b.Loop() {
				o := cmdutil.Output{Human: rep.HumanTable, Machine: rep.MachineTable, JSON: rep.JSON, Bars: rep.Bars, Totals: rep.TotalsTable, Wide: rep.WideTable}
				if err := out.Emit(&cmdutil.Factory{IO: ios}, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGapCommand runs `natospend gap --target 3.7 --format csv` in
// the process: the command tree, settings, the snapshot, the gaps and
// the CSV (what scripts/bench.sh times as a process, less the start-up).
func BenchmarkGapCommand(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, errOut := iostreams.Test()
		ios.Out = io.Discard
		if code := cli.Main([]string{"gap", "--target", "3.7", "--format", "csv"}, ios); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut)
		}
	}
}
