package render

import (
	"math"
	"strings"
	"testing"
)

func TestFormatMachine(t *testing.T) {
	tests := []struct {
		name         string
		v            float64
		decimalComma bool
		want         string
	}{
		{"plain", 2.58, false, "2.58"},
		{"negative", -12.5, false, "-12.5"},
		{"no exponent", 1e21, false, "1000000000000000000000"},
		{"float noise removed", 0.1 + 0.2, false, "0.3"},
		{"negative zero", math.Copysign(0, -1), false, "0"},
		{"tiny negative rounds to 0, unsigned", -1e-9, false, "0"},
		{"rounded to 6 decimals", 0.0000006, false, "0.000001"},
		{"below 6 decimals", 0.0000004, false, "0"},
		{"integer", 2025, false, "2025"},
		{"millions of USD", 1474399.48, false, "1474399.48"},
		{"large, exact half", 1e10 + 0.5, false, "10000000000.5"},
		{"2^53", 9007199254740992, false, "9007199254740992"},
		{"large negative", -1e15, false, "-1000000000000000"},
		{"decimal comma", 2.58, true, "2,58"},
		{"decimal comma negative", -12.5, true, "-12,5"},
		{"decimal comma integer", 1e21, true, "1000000000000000000000"},
		{"decimal comma large", 1e10 + 0.5, true, "10000000000,5"},
		{"NaN is never printed", math.NaN(), false, ""},
		{"+Inf is never printed", math.Inf(1), false, ""},
		{"-Inf is never printed", math.Inf(-1), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatMachine(tt.v, tt.decimalComma); got != tt.want {
				t.Errorf("FormatMachine(%v, %v) = %q, want %q", tt.v, tt.decimalComma, got, tt.want)
			}
		})
	}
}

func TestFormatMachineHuge(t *testing.T) {
	// MaxFloat64 * 1e6 would overflow to +Inf; the exact integer is printed.
	got := FormatMachine(-math.MaxFloat64, false)
	if len(got) != 310 || got[:18] != "-17976931348623157" || strings.ContainsAny(got, "eE.+") {
		t.Errorf("FormatMachine(-MaxFloat64) = %q, want 309 digits, no exponent", got)
	}
}

func TestTableValue(t *testing.T) {
	money := Column{Kind: Money}
	pct := Column{Kind: Percent}
	year := Column{Kind: Int}
	num := func(d int) Column { return Column{Kind: Number, Decimals: d} }
	flag := Column{Kind: Bool, TrueText: "e"}
	tests := []struct {
		name string
		col  Column
		cell Cell
		want string
	}{
		// Money: millions in, billions with one decimal out.
		{"money thousands separator", money, N(1474399.48), "1,474.4"}, // 1474.39948
		{"money negative keeps sign", money, N(-15700), "-15.7"},
		{"money small is not zero", money, N(0.04), "<0.1"},                        // 0.00004
		{"money small negative keeps its sign", money, N(-0.04), "-<0.1"},          // -0.00004
		{"money just below half a tenth", money, N(49.99), "<0.1"},                 // 0.04999
		{"money half a tenth rounds up", money, N(50), "0.1"},                      // 0.05
		{"money just below minus half a tenth", money, N(-49.99), "-<0.1"},         // -0.04999
		{"money zero", money, N(0), "0.0"},                                         //
		{"money half rounds away from zero", money, N(1250), "1.3"},                // 1.25
		{"money negative half", money, N(-1250), "-1.3"},                           // -1.25
		{"money carry into new group", money, N(999950), "1,000.0"},                // 999.95
		{"money negative thousands", money, N(-1234567), "-1,234.6"},               // -1234.567
		{"money big", money, N(123456789012), "123,456,789.0"},                     // 123456789.012
		{"money below a million", money, N(949.9), "0.9"},                          // 0.9499
		{"money exactly one billion", money, N(1000), "1.0"},                       //
		{"money unknown", money, U(), "-"},                                         //
		{"money huge, no exponent", money, N(1e21), "1,000,000,000,000,000,000.0"}, // 1e18
		// Percent: two decimals, no % sign.
		{"percent", pct, N(2.58), "2.58"},
		{"percent half up on decimal text", pct, N(2.575), "2.58"}, // binary 2.57499999...
		{"percent pads", pct, N(2), "2.00"},
		{"percent float noise", pct, N(0.1 + 0.2), "0.30"},
		{"percent small negative has no sign", pct, N(-0.004), "0.00"},
		{"percent negative half", pct, N(-0.005), "-0.01"},
		{"percent unknown", pct, U(), "-"},
		// Int: no thousands separators (years), whole numbers.
		{"year", year, N(2025), "2025"},
		{"int no separators", year, N(12345), "12345"},
		{"int rounds half away", year, N(2024.5), "2025"},
		{"int unknown", year, U(), "-"},
		// Number: Column.Decimals digits.
		{"number 1 decimal", num(1), N(3.14159), "3.1"},
		{"number 0 decimals", num(0), N(2.5), "3"},
		{"number pads", num(3), N(2), "2.000"},
		{"number negative decimals count as 0", num(-1), N(2.4), "2"},
		{"number thousands separators", num(0), N(1234567), "1,234,567"},
		{"number separators and a decimal", num(1), N(115380.6), "115,380.6"}, // aid's EUR m, as gap's $bn
		{"number negative separators", num(1), N(-1234.56), "-1,234.6"},
		// Bool.
		{"bool true", flag, B(true), "e"},
		{"bool false", flag, B(false), ""},
		{"bool unknown", flag, U(), "-"},
		// Text.
		{"text", Column{}, T("Türkiye"), "Türkiye"},
		{"text ignores Known", Column{}, Cell{Text: "x"}, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tableValue(tt.col, tt.cell); got != tt.want {
				t.Errorf("tableValue(%v, %+v) = %q, want %q", tt.col.Kind, tt.cell, got, tt.want)
			}
		})
	}
}

func TestTableRowMarks(t *testing.T) {
	cols := []Column{{}, {Kind: Int}, {Kind: Money}, {Kind: Bool, TrueText: "e"}}
	year := N(2024)
	year.Mark = "*"
	gdp := U()
	gdp.Mark = "*"
	name := T("Iceland")
	name.Mark = "e"
	got := tableRow(cols, []Cell{name, year, gdp, B(true)}, cleanCell)
	want := []string{"Icelande", "2024*", "-*", "e"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestConstructors(t *testing.T) {
	tests := []struct {
		name string
		got  Cell
		want Cell
	}{
		{"T", T("x"), Cell{Text: "x"}},
		{"N", N(1.5), Cell{Num: 1.5, Known: true}},
		{"U", U(), Cell{}},
		{"B true", B(true), Cell{Num: 1, Known: true}},
		{"B false", B(false), Cell{Num: 0, Known: true}},
		{"Opt ok", Opt(2, true), Cell{Num: 2, Known: true}},
		{"Opt not ok", Opt(2, false), Cell{}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
}

func TestBillionsText(t *testing.T) {
	for _, c := range []struct {
		musd float64
		want string
	}{
		{1474399.48, "$1,474.4 bn"}, {43, "less than $0.1 bn"}, {0, "$0.0 bn"}, {-17, "-less than $0.1 bn"}, {337.4475, "$0.3 bn"},
	} {
		if got := BillionsText(c.musd); got != c.want {
			t.Errorf("BillionsText(%v) = %q, want %q", c.musd, got, c.want)
		}
	}
}
