package chart

import (
	"math"
	"strconv"
	"strings"
)

// ticks returns round tick values covering [lo, hi], about n of them, and
// the range they span (which contains [lo, hi]). The step is 1, 2, 2.5 or
// 5 times a power of ten.
func ticks(lo, hi float64, n int) (vals []float64, min, max, step float64) {
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		if hi == 0 {
			hi = 1
		} else {
			lo, hi = lo-math.Abs(lo)/2, hi+math.Abs(hi)/2
		}
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	min = math.Floor(lo/step+1e-9) * step
	max = math.Ceil(hi/step-1e-9) * step
	for i := 0; ; i++ {
		v := min + float64(i)*step
		if v > max+step/1e6 {
			break
		}
		if math.Abs(v) < step/1e6 {
			v = 0
		}
		vals = append(vals, v)
	}
	return vals, min, max, step
}

// tickDecimals is the decimals that print every multiple of step exactly.
func tickDecimals(step float64) int {
	for d := 0; d < 6; d++ {
		s := step * math.Pow(10, float64(d))
		if math.Abs(s-math.Round(s)) < 1e-6 {
			return d
		}
	}
	return 6
}

// tickLabel prints a tick value on the axis.
func (a Axis) tickLabel(v, step float64) string {
	if a.Years {
		return strconv.Itoa(int(math.Round(v)))
	}
	s := strconv.FormatFloat(v, 'f', tickDecimals(step), 64)
	if a.Thousands {
		s = thousands(s)
	}
	if s == "-0" {
		s = "0"
	}
	return s + a.Unit
}

// thousands puts commas between the thousands of a plain decimal.
func thousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
