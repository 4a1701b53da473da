package render

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzCSVCells renders a row of one text cell and one number cell through
// CSV, in each delimiter and decimal mode, and reads it back with
// encoding/csv: the text comes back as GuardText made it, never starting
// with a formula character, and the number comes back exactly as
// FormatMachine prints it, never guarded, and within the 6-decimal
// rounding of the value. A NaN or infinite number is refused.
func FuzzCSVCells(f *testing.F) {
	for _, s := range []string{`=HYPERLINK("http://x","y")`, "-1+2", "+1", "@SUM(1)", "\t=1", "\r\n=1", "\x00", "Türkiye", "", `a,"b"`, "1;2"} {
		for _, v := range []float64{-12.5, 0, 1e21, 0.1 + 0.2, -5e-324, 1474399.48} {
			f.Add(s, v, false)
		}
	}
	f.Add("x", math.NaN(), false)
	f.Add("-5", -5.0, true)
	f.Fuzz(func(t *testing.T, s string, v float64, decimalComma bool) {
		tb := &Table{
			Columns: []Column{{Key: "name"}, {Key: "gap_musd", Kind: Money}},
			Rows:    [][]Cell{{T(s), N(v)}},
		}
		for _, comma := range []rune{',', ';', '\t'} {
			if decimalComma && comma == ',' {
				continue // refused by the CLI: every number would be quoted text
			}
			var buf bytes.Buffer
			err := CSV(&buf, tb, CSVOptions{Comma: comma, DecimalComma: decimalComma})
			if math.IsNaN(v) || math.IsInf(v, 0) {
				if err == nil || buf.Len() != 0 {
					t.Fatalf("CSV with %v: err %v, wrote %q; want an error and nothing written", v, err, buf.String())
				}
				return
			}
			if err != nil {
				t.Fatalf("CSV(%q, %v): %v", s, v, err)
			}
			r := csv.NewReader(&buf)
			r.Comma = comma
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatalf("CSV(%q, %v) does not read back: %v", s, v, err)
			}
			if len(recs) != 2 || len(recs[1]) != 2 {
				t.Fatalf("CSV(%q, %v): records %q", s, v, recs)
			}
			text, num := recs[1][0], recs[1][1]
			// encoding/csv's reader turns \r\n inside quotes into \n.
			if want := strings.ReplaceAll(GuardText(s), "\r\n", "\n"); text != want {
				t.Fatalf("text %q came back as %q, want %q", s, text, want)
			}
			if isFormulaStart(text) {
				t.Fatalf("text %q came back as %q, which starts with a formula character", s, text)
			}
			if want := FormatMachine(v, decimalComma); num != want {
				t.Fatalf("number %v came back as %q, want %q", v, num, want)
			}
			if strings.HasPrefix(num, "'") || strings.HasPrefix(num, "+") {
				t.Fatalf("number %v came back guarded: %q", v, num)
			}
			got, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64)
			if err != nil {
				t.Fatalf("number %v came back as %q, not a number: %v", v, num, err)
			}
			if d := math.Abs(got - v); d > 5e-7+1e-15*math.Abs(v) {
				t.Fatalf("number %v came back as %q, %v away", v, num, d)
			}
		}
	})
}
