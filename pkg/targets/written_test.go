package targets

import (
	"regexp"
	"testing"
)

// The expressions that isPlainNumber and decimalComma write out (they are
// no longer compiled on every run of natospend): the oracles here.
var (
	plainNumberRE  = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$|^\.[0-9]+$`)
	decimalCommaRE = regexp.MustCompile(`^([0-9]+),([0-9]{1,2})(%?)$`)
)

// FuzzWrittenOutExpressions: isPlainNumber and decimalComma accept exactly
// what their regular expressions match, and decimalComma returns the
// expression's groups.
func FuzzWrittenOutExpressions(f *testing.F) {
	for _, s := range append(pctSeeds, "3,7", "3,75", "3,750", "3,7%", "3,7%%", ",7", "3,", "3,,7", "3,7,5", "03,05%", "3.7", "%3,7", "3,7 ", "３,7") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isPlainNumber(s), plainNumberRE.MatchString(s); got != want {
			t.Errorf("isPlainNumber(%q) = %v, the expression says %v", s, got, want)
		}
		whole, frac, ok := decimalComma(s)
		m := decimalCommaRE.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (whole != m[1] || frac != m[2]) {
			t.Errorf("decimalComma(%q) = %q, %q, %v; the expression says %q", s, whole, frac, ok, m)
		}
	})
}

func TestWrittenOutExpressions(t *testing.T) {
	for s, want := range map[string]bool{"3": true, "3.5": true, ".5": true, "3.": false, ".": false, "": false, "3.5.1": false, "+3": false, "３": false} {
		if got := isPlainNumber(s); got != want {
			t.Errorf("isPlainNumber(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string][2]string{"3,7": {"3", "7"}, "3,75%": {"3", "75"}, "3,750": {}, "3,7%%": {}, ",7": {}, "3,": {}, "3,7,5": {}} {
		whole, frac, ok := decimalComma(s)
		if ok != (want[0] != "") || whole != want[0] || frac != want[1] {
			t.Errorf("decimalComma(%q) = %q, %q, %v; want %q", s, whole, frac, ok, want)
		}
	}
}
