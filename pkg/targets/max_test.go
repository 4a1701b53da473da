package targets

import (
	"fmt"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// ParseMeasure takes at most Max (100) targets, counted as given (before
// duplicates are dropped): 100 parse, 101 are refused.
func TestParseMeasureMax(t *testing.T) {
	list := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%d.%02d", 1+i/100, i%100)
		}
		return out
	}
	ts, err := ParseMeasure(list(Max), nil, defence.MeasureShare)
	if err != nil || len(ts) != 100 {
		t.Fatalf("100 targets: %d, %v", len(ts), err)
	}
	if _, err := ParseMeasure(list(Max+1), nil, defence.MeasureShare); err == nil || err.Error() != "101 targets given (expected at most 100)" {
		t.Fatalf("101 targets: err = %v", err)
	}
}
