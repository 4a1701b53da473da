package render

import (
	"math"
	"strconv"
	"strings"
)

// machineRoundLimit bounds the values that FormatMachine rounds with
// math.Round(v*1e6)/1e6. Below it v*1e6 < 1e15 is an exact integer after
// rounding and the quotient prints as at most 6 decimals; above it the
// product may overflow or lose digits, so FormatMachine rounds the decimal
// text instead (strconv 'f' with 6 digits), which is exact at any size.
const machineRoundLimit = 1e9

// FormatMachine formats v for machine formats (CSV/TSV): rounded to 6
// decimals to drop float noise (0.1+0.2 -> "0.3"), no exponent
// (1e21 -> "1000000000000000000000"), no thousands separators, no leading
// '+', "-0" printed as "0", and '.' as the decimal separator (',' when
// decimalComma is set).
//
// NaN and ±Inf have no machine form: FormatMachine returns "" for them, and
// CSV and Text refuse tables that hold them. Numbers never go through
// GuardText: a leading '-' is a sign, not a formula.
func FormatMachine(v float64, decimalComma bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	var s string
	if math.Abs(v) < machineRoundLimit {
		s = strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(v, 'f', 6, 64)
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	if decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// formatFixed formats v divided by 10^shift with exactly decimals digits
// after the point, rounding half away from zero, optionally grouping the
// integer part in thousands with ','. A result that rounds to zero carries
// no sign ("0.0", never "-0.0").
//
// It works on the shortest decimal text of v (what strconv prints), not on
// the binary value, so the rounding is the one a reader does by hand:
// 2.575 -> "2.58" and 1250 millions -> "1.3" billions, where rounding the
// binary value (2.57499999...) or dividing first (1.25 rounds to even)
// would give "2.57" and "1.2". v must be finite.
func formatFixed(v float64, shift, decimals int, thousands bool) string {
	if decimals < 0 {
		decimals = 0
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64) // no exponent with 'f'
	intPart, fracPart, _ := strings.Cut(s, ".")
	digits := []byte(intPart + fracPart)
	point := len(intPart) - shift // digits[:point] is the integer part
	if point < 1 {
		pad := make([]byte, 1-point, 1-point+len(digits))
		for i := range pad {
			pad[i] = '0'
		}
		digits = append(pad, digits...)
		point = 1
	}
	end := point + decimals
	for len(digits) < end {
		digits = append(digits, '0')
	}
	roundUp := len(digits) > end && digits[end] >= '5'
	digits = digits[:end]
	if roundUp {
		i := end - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
			point++
		}
	}
	ip := strings.TrimLeft(string(digits[:point]), "0")
	if ip == "" {
		ip = "0"
	}
	fp := string(digits[point:])

	var b strings.Builder
	b.Grow(len(ip) + len(ip)/3 + len(fp) + 2)
	if v < 0 && strings.Trim(ip+fp, "0") != "" {
		b.WriteByte('-')
	}
	if thousands {
		for i := 0; i < len(ip); i++ {
			if i > 0 && (len(ip)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(ip[i])
		}
	} else {
		b.WriteString(ip)
	}
	if fp != "" {
		b.WriteByte('.')
		b.WriteString(fp)
	}
	return b.String()
}

// maxTableDecimals caps Column.Decimals for Number columns.
const maxTableDecimals = 17

// tableValue formats the value of c for the terminal/Markdown table,
// without the mark. c must have passed validate.
func tableValue(col Column, c Cell) string {
	if col.Kind == String {
		return c.Text
	}
	if !c.Known {
		return "-"
	}
	switch col.Kind {
	case Int:
		return formatFixed(c.Num, 0, 0, false)
	case Money:
		if col.fewer > 0 {
			return formatFixed(c.Num, 3, 0, true)
		}
		return FormatBillions(c.Num)
	case Percent:
		return formatFixed(c.Num, 0, 2, false)
	case Number:
		return FormatNumber(c.Num, col.Decimals-col.fewer)
	case Bool:
		if c.Num != 0 {
			return col.TrueText
		}
		return ""
	}
	return ""
}

// machineValue formats c for CSV/TSV. Text is guarded against formula
// injection; numbers are not (they are produced here and never start with
// anything but a digit or '-'). c must have passed validate.
func machineValue(col Column, c Cell, decimalComma bool) string {
	if col.Kind == String {
		return GuardText(c.Text)
	}
	if !c.Known {
		return ""
	}
	if col.Kind == Bool {
		if c.Num != 0 {
			return "true"
		}
		return "false"
	}
	return FormatMachine(c.Num, decimalComma)
}

// FormatBillions prints million USD as the table does: USD billions with
// one decimal and thousands separators (1474399.48 -> "1,474.4"), for
// messages and notes. A value that is not zero but would round to 0.0 is
// printed "<0.1" (or "-<0.1" below zero: less than $0.1 bn, i.e. $50 m),
// so that a small gap never reads as none; exactly zero is "0.0". Both
// keep the ".1" in the decimal column, so a right-aligned column stays
// aligned. v must be finite.
func FormatBillions(musd float64) string {
	s := formatFixed(musd, 3, 1, true)
	if s == "0.0" && musd != 0 {
		if musd < 0 {
			return "-<0.1"
		}
		return "<0.1"
	}
	return s
}

// FormatNumber prints v as the table prints a Number column: decimals
// digits after the point (negative counts as 0, at most 17) and the
// integer part grouped in thousands with ',' (115380.6 -> "115,380.6"),
// as for money. v must be finite.
func FormatNumber(v float64, decimals int) string {
	return formatFixed(v, 0, min(decimals, maxTableDecimals), true)
}

// BillionsText says million USD as USD billions for a sentence: "$1,474.4
// bn", and "less than $0.1 bn" for a non-zero amount that rounds to 0.0.
func BillionsText(musd float64) string { return BillionsTextIn("$", musd) }

// BillionsTextIn is BillionsText in another currency: unit is its sign as
// written before the amount ("€", or a code and a space, "PLN ").
func BillionsTextIn(unit string, m float64) string {
	if m < 0 {
		return "-" + BillionsTextIn(unit, -m)
	}
	if s := FormatBillions(m); s != "<0.1" {
		return unit + s + " bn"
	}
	return "less than " + unit + "0.1 bn"
}

// Agree picks the form of a word that agrees with the number n: one for
// 1, many otherwise ("meets"/"meet", "was"/"were").
func Agree(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// CellText is a cell as the terminal and Markdown tables print it: its
// value in the column's format (FormatBillions for money, two decimals for
// a percentage, "-" for an unknown) and its mark ("e", "*", "~").
func CellText(col Column, c Cell) string { return tableValue(col, c) + c.Mark }
