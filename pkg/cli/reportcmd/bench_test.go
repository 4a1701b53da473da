package reportcmd_test

import (
	"io"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// BenchmarkReport runs `natospend report --aid` for all allies in the
// process: the command tree, settings, the snapshot, gap's report, the
// four charts and the page (issue 24, item 4: under 0.5 s; go test -bench
// Report -benchtime 5x -run '^$' ./pkg/cli/reportcmd).
func BenchmarkReport(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, errOut := iostreams.Test()
		ios.Out = io.Discard
		if code := cli.Main([]string{"report", "--aid"}, ios); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut)
		}
	}
}
