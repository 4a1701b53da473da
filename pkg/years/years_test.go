package years

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   []string
		want []int
	}{
		{[]string{"2024"}, []int{2024}},
		{[]string{"02024"}, []int{2024}}, // leading zeros: decimal, never octal
		{[]string{"2014-2026"}, []int{2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}},
		{[]string{"2014,2019,2024"}, []int{2014, 2019, 2024}},
		{[]string{"2014-2016,2020"}, []int{2014, 2015, 2016, 2020}},
		// Sorted and merged, whatever the order or overlap written.
		{[]string{"2024,2014-2016,2015,2014"}, []int{2014, 2015, 2016, 2024}},
		{[]string{"2020", "2016-2017", "2020"}, []int{2016, 2017, 2020}},
		// The list rule of pkg/lists: line breaks and tabs separate,
		// blanks are ignored, items are trimmed.
		{[]string{"2014\n2019\r\n2024\t2025"}, []int{2014, 2019, 2024, 2025}},
		{[]string{" 2014 , ,2019,"}, []int{2014, 2019}},
		{[]string{"2014 - 2016"}, []int{2014, 2015, 2016}},
		// A range of one year; the bounds themselves.
		{[]string{"2024-2024"}, []int{2024}},
		{[]string{"1949,2100"}, []int{1949, 2100}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	all, err := Parse([]string{"1949-2100"})
	if err != nil || len(all) != 152 || all[0] != 1949 || all[151] != 2100 {
		t.Errorf("Parse(1949-2100) = %d years, %v", len(all), err)
	}
}

func TestParseErrors(t *testing.T) {
	const exp = " (expected 2024, 2014-2026 or 2014,2019,2024)"
	tests := []struct {
		in   string
		want string
	}{
		{"2014-20x", `"2014-20x" is not a year or a range of years` + exp},
		{"", "no year given" + exp},
		{" ,\n", "no year given" + exp},
		{"2026-2014", `"2026-2014" is not a range of years: 2026 is after 2014 (write 2014-2026)`},
		{"1948", `"1948" is out of range (expected years from 1949 to 2100)`},
		{"2101", `"2101" is out of range (expected years from 1949 to 2100)`},
		{"1900-2024", `"1900-2024" is out of range (expected years from 1949 to 2100)`},
		{"020240", `"020240" is out of range (expected years from 1949 to 2100)`},
		{"99999999999999999999999", `"99999999999999999999999" is out of range (expected years from 1949 to 2100)`},
		{"2014-", `"2014-" is not a year or a range of years` + exp},
		{"-2014", `"-2014" is not a year or a range of years` + exp},
		{"2014-2016-2018", `"2014-2016-2018" is not a year or a range of years` + exp},
		{"2014..2016", `"2014..2016" is not a year or a range of years` + exp},
		{"2014–2016", `"2014–2016" is not a year or a range of years` + exp}, // an en dash
		{"+2024", `"+2024" is not a year or a range of years` + exp},
		{"2024.0", `"2024.0" is not a year or a range of years` + exp},
		{"２０２４", `"２０２４" is not a year or a range of years` + exp},
		{"0x7e8", `"0x7e8" is not a year or a range of years` + exp},
		{"20 24", `"20 24" is not a year or a range of years` + exp},
		{"latest", `"latest" is not a year or a range of years` + exp},
		// The first bad item is named, even after good ones.
		{"2014,2019,20x4,x", `"20x4" is not a year or a range of years` + exp},
		// Control characters are escaped, long items cut.
		{"\x1b[31m", `"\x1b[31m" is not a year or a range of years` + exp},
		{strings.Repeat("é", 30), strconv.Quote(strings.Repeat("é", 20)) + `... is not a year or a range of years` + exp},
	}
	for _, tt := range tests {
		got, err := Parse([]string{tt.in})
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %q", tt.in, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Parse(%q):\n got %s\nwant %s", tt.in, err, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{2024}, "2024"},
		{[]int{2023, 2024}, "2023,2024"},
		{[]int{2014, 2015, 2016, 2020}, "2014-2016,2020"},
		{[]int{2014, 2019, 2020, 2021, 2022, 2024, 2025}, "2014,2019-2022,2024,2025"},
	}
	for _, tt := range tests {
		if got := Format(tt.in); got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// yearItem reports whether s, trimmed, is digits making a year Parse
// accepts: four digits after any leading zeros.
func yearItem(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if !digits(s) {
		return 0, false
	}
	if t := strings.TrimLeft(s, "0"); t != "" {
		s = t
	}
	if len(s) != 4 {
		return 0, false
	}
	v, _ := strconv.Atoi(s)
	return v, v >= Min && v <= Max
}

// FuzzParseYears: Parse returns years in range, ascending, each once, and
// Format gives text that parses to the same years; the years are exactly
// those the items name (checked independently for items that are plain
// years and simple ranges); a refusal names the item at fault or says
// that no year was given.
func FuzzParseYears(f *testing.F) {
	for _, s := range []string{
		"2024", "2014-2026", "2014,2019,2024", "2014-2016,2020", "2026-2014", "2014-20x", "",
		" , ", "1948", "2101", "02024", "2014-", "-2014", "2014--2016", "2014 - 2016", "２０２４",
		"2014\n2015", "1949-2100", strings.Repeat("2024,", 50), "\x00", "9999999999999999999999",
	} {
		f.Add(s, "2020")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		values := []string{a, b}
		got, err := Parse(values)
		if err != nil {
			msg := err.Error()
			if strings.HasPrefix(msg, "no year given") {
				if len(splitItems(values)) != 0 {
					t.Fatalf("Parse(%q): %q, but there are items", values, msg)
				}
				return
			}
			if !strings.HasPrefix(msg, `"`) {
				t.Fatalf("Parse(%q): the error %q quotes no item", values, msg)
			}
			for _, item := range splitItems(values) {
				if strings.HasPrefix(msg, quote(item)) {
					return
				}
			}
			t.Fatalf("Parse(%q): the error %q quotes none of the items", values, msg)
		}
		if len(got) == 0 {
			t.Fatalf("Parse(%q) = no years and no error", values)
		}
		for i, y := range got {
			if y < Min || y > Max || (i > 0 && y <= got[i-1]) {
				t.Fatalf("Parse(%q) = %v: out of range or not ascending", values, got)
			}
		}
		want := map[int]bool{}
		simple := true
		for _, item := range splitItems(values) {
			from, to, isRange := strings.Cut(item, "-")
			x, ok1 := yearItem(from)
			if !isRange {
				if !ok1 {
					t.Fatalf("Parse(%q) = %v: accepted %q", values, got, item)
				}
				want[x] = true
				continue
			}
			y, ok2 := yearItem(to)
			if !ok1 || !ok2 || x > y {
				simple = false
				continue
			}
			for v := x; v <= y; v++ {
				want[v] = true
			}
		}
		if simple && len(want) != len(got) {
			t.Fatalf("Parse(%q) = %v, want the %d years %v", values, got, len(want), want)
		}
		for _, y := range got {
			if simple && !want[y] {
				t.Fatalf("Parse(%q) = %v: %d not named", values, got, y)
			}
		}
		again, err := Parse([]string{Format(got)})
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("Parse(Format(%v)) = %v, %v", got, again, err)
		}
	})
}

// splitItems splits as pkg/lists does, written here again so that the
// fuzz target does not check Parse against its own helper.
func splitItems(values []string) []string {
	var out []string
	for _, v := range values {
		for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '\n' || r == '\r' || r == '\t' }) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
