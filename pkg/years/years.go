// Package years turns what a user writes after --year into years: a
// single year (2024), a range (2014-2026), a list (2014,2019,2024) or a
// mix of them (2014-2016,2020). Items are split by the one list rule of
// pkg/lists (commas, line breaks, tabs; blank items ignored).
package years

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/lists"
)

// The years a user may ask for: from NATO's founding year to the end of
// the century. They also bound how many years one value can select (152).
const (
	Min = 1949
	Max = 2100
)

// expected is what every error message ends with.
const expected = "(expected 2024, 2014-2026 or 2014,2019,2024)"

// Parse reads the years the values name, each value holding one or more
// items separated as pkg/lists says: a year of plain decimal digits or a
// range from-to of two such years (from at most to; spaces around the
// hyphen are allowed), each year from Min to Max. It returns the years
// in ascending order, each once: a year named twice (2014-2016,2015) is
// simply selected. No year at all, an item that is not a year or a range,
// a year out of bounds or a range running backwards is an error that
// quotes the item at fault; the caller adds the flag's name.
func Parse(values []string) ([]int, error) {
	var set [Max - Min + 1]bool
	for _, item := range lists.Split(values) {
		from, to, err := parseItem(item)
		if err != nil {
			return nil, err
		}
		for y := from; y <= to; y++ {
			set[y-Min] = true
		}
	}
	var out []int
	for i, ok := range set {
		if ok {
			out = append(out, Min+i)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no year given %s", expected)
	}
	return out, nil
}

// parseItem reads one item: a year or a range of years.
func parseItem(item string) (from, to int, err error) {
	a, b, isRange := strings.Cut(item, "-")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !digits(a) || (isRange && !digits(b)) {
		return 0, 0, fmt.Errorf("%s is not a year or a range of years %s", quote(item), expected)
	}
	if from, err = year(a, item); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return from, from, nil
	}
	if to, err = year(b, item); err != nil {
		return 0, 0, err
	}
	if from > to {
		return 0, 0, fmt.Errorf("%s is not a range of years: %d is after %d (write %d-%d)", quote(item), from, to, to, from)
	}
	return from, to, nil
}

// year reads a run of digits as a year from Min to Max.
func year(s, item string) (int, error) {
	// Leading zeros are a number's, as on the rest of the command line
	// (02024 is 2024, never octal); then more than four digits is out of
	// range whatever its value (and never overflows strconv).
	if t := strings.TrimLeft(s, "0"); t != "" {
		s = t
	}
	v, err := strconv.Atoi(s)
	if len(s) > 4 || err != nil || v < Min || v > Max {
		return 0, fmt.Errorf("%s is out of range (expected years from %d to %d)", quote(item), Min, Max)
	}
	return v, nil
}

// digits reports whether s is a non-empty run of ASCII decimal digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxQuoted is how many bytes of an item an error message shows.
const maxQuoted = 40

// quote quotes an item for a message, Go-escaped (so that no control
// character reaches a terminal) and cut after maxQuoted bytes, at a rune
// boundary, with "..." after the quote.
func quote(item string) string {
	if len(item) <= maxQuoted {
		return strconv.Quote(item)
	}
	cut := maxQuoted
	for cut > 0 && !isRuneStart(item[cut]) {
		cut--
	}
	return strconv.Quote(item[:cut]) + "..."
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Format writes ascending, distinct years as Parse reads them, with runs
// of three or more consecutive years as a range: [2014 2015 2016 2020]
// gives "2014-2016,2020", [2023 2024] gives "2023,2024". Parse(Format(ys))
// gives ys back.
func Format(ys []int) string {
	var b strings.Builder
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		switch {
		case j-i >= 2:
			fmt.Fprintf(&b, "%d-%d", ys[i], ys[j])
		case j > i:
			fmt.Fprintf(&b, "%d,%d", ys[i], ys[j])
		default:
			b.WriteString(strconv.Itoa(ys[i]))
		}
		i = j + 1
	}
	return b.String()
}
