package targets

import (
	"strings"
)

// decimalComma is a value that reads as a number with a decimal comma, as
// much of Europe writes one: digits, one comma, one or two digits, and
// nothing else but an optional "%" ("3,7", "2,5", "3,75%"). Two digits
// count too: 3,75 is 3.75% to a reader with a decimal comma, while 75% of
// GDP is a target nobody sets. Three digits ("3,750") read as a thousands
// separator, and anything else ("2,3.5,5", "3, 7", "2,hague") as a list.
//
// It is the regular expression ^([0-9]+),([0-9]{1,2})(%?)$, written out so
// that no expression is compiled on every run: whole and frac are its
// first two groups.
func decimalComma(v string) (whole, frac string, ok bool) {
	whole, frac, ok = strings.Cut(strings.TrimSuffix(v, "%"), ",")
	if !ok || whole == "" || frac == "" || len(frac) > 2 || !allDigits(whole) || !allDigits(frac) {
		return "", "", false
	}
	return whole, frac, true
}

// DecimalComma is a --target value that may be a decimal comma.
type DecimalComma struct {
	Value string // as given, trimmed
	// Read is how it is read: the list of two targets.
	Read [2]string
	// Meant is the percentage with a decimal point ("3.7").
	Meant string
}

// DecimalCommas returns the values (each as given, before splitting into
// a list) that look like a percentage with a decimal comma: "3,7" is read
// as the two targets 3% and 7%, but may mean 3.7%.
func DecimalCommas(values []string) []DecimalComma {
	var out []DecimalComma
	for _, v := range values {
		v = strings.TrimSpace(v)
		whole, frac, ok := decimalComma(v)
		if !ok {
			continue
		}
		out = append(out, DecimalComma{Value: v, Read: [2]string{whole + "%", frac + "%"}, Meant: whole + "." + frac})
	}
	return out
}

// Warning says how the value was read and how to write the other reading,
// for a warning: `"3,7" is read as two targets, 3% and 7%: for 3.7% of GDP,
// write 3.7 (a decimal point)`.
func (d DecimalComma) Warning() string {
	return `"` + d.Value + `" is read as two targets, ` + d.Read[0] + " and " + d.Read[1] + ": for " + d.Meant + "% of GDP, write " + d.Meant + " (with a decimal point)"
}

// Refusal says why a gate refuses the value and how to write either
// reading: `"3,7" may have a decimal comma: write 3.7 for 3.7% of GDP, or
// 3 and 7 as separate --target values for two targets`.
func (d DecimalComma) Refusal() string {
	a, b := strings.TrimSuffix(d.Read[0], "%"), strings.TrimSuffix(d.Read[1], "%")
	return `"` + d.Value + `" may have a decimal comma: write --target ` + d.Meant + " for " + d.Meant + "% of GDP, or --target " + a + " --target " + b + " for two targets"
}
