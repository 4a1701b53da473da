package query

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// signedDecimal is compiled on first use, not on every run.
var signedDecimal = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
})

// ParseGrowth parses a yearly growth rate in percent: a plain decimal
// (negative allowed, "%" optional) above -100 and at most 1000.
func ParseGrowth(s string) (float64, error) {
	t := strings.TrimSuffix(strings.TrimSpace(s), "%")
	if !signedDecimal().MatchString(t) {
		return 0, fmt.Errorf("%q is not a number (expected a growth rate in percent a year, such as 3 or -1.5)", s)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number (expected a growth rate in percent a year, such as 3 or -1.5)", s)
	}
	if v <= -100 || v > 1000 {
		return 0, fmt.Errorf("%s%% is out of range (expected above -100 and at most 1000)", t)
	}
	return v, nil
}
