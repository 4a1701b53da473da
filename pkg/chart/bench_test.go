package chart_test

import (
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// benchCharts are the README's four charts (docs/img) on the embedded data:
// the share chart of every ally (31 bars, two targets) is the densest.
var benchCharts = []struct {
	name string
	args []string
}{
	{"share", []string{"--kind", "share", "--target", "2,3.5"}},
	{"gap", []string{"--kind", "gap", "--target", "3.5"}},
	{"history", []string{"--kind", "history", "--country", "DEU,FRA,GBR,POL,USA,ITA", "--target", "2,3.5"}},
	{"path", []string{"--kind", "path", "--target", "hague-core", "--country", "DEU,FRA,ITA,ESP"}},
}

// benchChart runs `natospend chart` in process (the embedded data
// loaded, the chart laid out, encoded and written to a file), for each
// chart in the format of the extension. BenchmarkPNG / BenchmarkSVG is
// the cost of a PNG against the same chart as SVG, less the start-up of
// a process, which both share; BenchmarkProcessPNG / BenchmarkProcessSVG
// is the measure (issue 22, item 7: at most 5x), the command run
// as a user runs it, as scripts/bench.sh part (c) does.
func benchChart(b *testing.B, ext string) {
	for _, c := range benchCharts {
		b.Run(c.name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "c."+ext)
			args := append(append([]string{"chart"}, c.args...), "--output", out)
			cpu0 := cpuTime(syscall.RUSAGE_SELF)
			for i := 0; i < b.N; i++ {
				ios, _, _, errOut := iostreams.Test()
				if code := cli.Main(args, ios); code != 0 {
					b.Fatalf("%v: exit %d: %s", args, code, errOut)
				}
			}
			// CPU time (user + system) per chart: steadier than wall time
			// on a shared machine.
			b.ReportMetric(float64(cpuTime(syscall.RUSAGE_SELF)-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the CPU time used, user and system, in nanoseconds, by
// the process (syscall.RUSAGE_SELF) or its waited-for children
// (syscall.RUSAGE_CHILDREN).
func cpuTime(who int) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func BenchmarkSVG(b *testing.B) { benchChart(b, "svg") }
func BenchmarkPNG(b *testing.B) { benchChart(b, "png") }

// benchProcess builds natospend and runs `natospend chart` as a process
// for each chart in the format of the extension, reporting the CPU time
// (user + system) of the processes as well.
func benchProcess(b *testing.B, ext string) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command to build natospend with")
	}
	bin := filepath.Join(b.TempDir(), "natospend")
	if out, err := exec.Command(goCmd, "build", "-o", bin, "github.com/natospend/natospend/cmd/natospend").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, c := range benchCharts {
		b.Run(c.name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "c."+ext)
			args := append(append([]string{"chart"}, c.args...), "--output", out)
			cpu0 := cpuTime(syscall.RUSAGE_CHILDREN)
			for i := 0; i < b.N; i++ {
				if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", args, err, out)
				}
			}
			b.ReportMetric(float64(cpuTime(syscall.RUSAGE_CHILDREN)-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

func BenchmarkProcessSVG(b *testing.B) { benchProcess(b, "svg") }
func BenchmarkProcessPNG(b *testing.B) { benchProcess(b, "png") }
