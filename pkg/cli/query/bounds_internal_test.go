package query

import (
	"fmt"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
)

// checkRows at its boundary: calc.MaxRows rows (two queries, years or
// releases, of one target x 50,000 countries each) pass; one more row is
// refused, a usage error (exit 2) saying how the rows add up.
func TestCheckRowsBoundary(t *testing.T) {
	codes := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("C%05d", i)
		}
		return out
	}
	r1, r2 := &defence.Release{ID: "a"}, &defence.Release{ID: "b"}
	target := []defence.Target{{Pct: 2}}
	half := calc.MaxRows / 2
	at := []*calc.Query{{Targets: target, Codes: codes(half), Year: 2024, Release: r1}, {Targets: target, Codes: codes(half), Year: 2024, Release: r2}}
	if err := checkRows(at); err != nil {
		t.Fatalf("%d rows refused: %v", calc.MaxRows, err)
	}
	over := []*calc.Query{{Targets: target, Codes: codes(half + 1), Year: 2024, Release: r1}, {Targets: target, Codes: codes(half), Year: 2024, Release: r2}}
	err := checkRows(over)
	if err == nil || !cmdutil.IsUsage(err) {
		t.Fatalf("%d rows: err = %v, want a usage error", calc.MaxRows+1, err)
	}
	want := fmt.Sprintf("this query gives %d rows (1 targets x the countries selected x 1 years x 2 releases; a target with a resilience part counts three times), more than the %d a run may give", calc.MaxRows+1, calc.MaxRows)
	if !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v\nwant it to start %q", err, want)
	}
}
