package query

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// signedPlain is the text ParseGrowth accepts: an optional sign, digits
// with at most one '.', and at least one digit.
func signedPlain(t string) bool {
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "+")
	if len(t) > 0 && (t[0] == '-' || t[0] == '+') {
		return false
	}
	dot, digits := false, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// FuzzParseGrowth: ParseGrowth accepts exactly the signed plain decimals
// above -100 and at most 1000 (with an optional "%" and surrounding
// space), returns what strconv reads, and reads its own shortest form
// back to the same value; a rejection quotes the value, or names it with
// the range expected.
func FuzzParseGrowth(f *testing.F) {
	for _, s := range []string{
		"3", "-1.5", "+2", "2%", " 2.5 % ", "5.", ".5", "-.5", "0", "-0", "-99.999", "-100", "1000", "1000.0001",
		"1e3", "0x10", "NaN", "Inf", "", "%", "--1", "+-1", "1_0", "٣", "２", strings.Repeat("9", 400),
		"-" + strings.Repeat("0", 300) + "1", "\x00", "1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseGrowth(s)
		text := strings.TrimSuffix(strings.TrimSpace(s), "%")
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, strconv.Quote(s)) &&
				!strings.HasPrefix(msg, text+"% is out of range (expected above -100 and at most 1000)") {
				t.Fatalf("ParseGrowth(%q): the error %q names neither the value nor the range", s, msg)
			}
			if signedPlain(text) {
				if x, perr := strconv.ParseFloat(text, 64); perr == nil && x > -100 && x <= 1000 {
					t.Fatalf("ParseGrowth(%q) refused %v: %v", s, x, err)
				}
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= -100 || v > 1000 {
			t.Fatalf("ParseGrowth(%q) = %v, out of range", s, v)
		}
		if !signedPlain(text) {
			t.Fatalf("ParseGrowth(%q) = %v: accepted text that is not a plain decimal", s, v)
		}
		if x, _ := strconv.ParseFloat(text, 64); x != v {
			t.Fatalf("ParseGrowth(%q) = %v, strconv reads %v", s, v, x)
		}
		again := strconv.FormatFloat(v, 'f', -1, 64)
		if w, err := ParseGrowth(again); err != nil || w != v {
			t.Fatalf("ParseGrowth(%q) = %v; ParseGrowth(%q) = %v, %v", s, v, again, w, err)
		}
	})
}
