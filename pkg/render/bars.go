package render

import (
	"bytes"
	"io"
	"math"
	"strings"

	"github.com/natospend/natospend/pkg/termesc"
)

// BarChart is a chart of horizontal bars for the terminal: one row per
// item, its value drawn as a bar from zero, with the targets marked.
type BarChart struct {
	Title string
	Rows  []BarRow
	// Targets are marked by a vertical line at their position in every
	// row (│, or | in ASCII), named in a line above the bars.
	Targets []BarTarget
	// Unit follows the scale's numbers ("%").
	Unit string
	// Decimals of the values printed after the bars.
	Decimals int
	// Legend entries ("e: estimate") follow the target mark's own entry
	// on one line under the scale.
	Legend []string
	Notes  []string
}

// BarRow is one bar. A row whose value is unknown shows Missing ("no
// data") instead of a bar: never a bar of zero. A negative value draws no
// bar (the chart is for shares).
type BarRow struct {
	Label   string
	Value   float64
	Known   bool
	Mark    string // after the value: "e" for an estimate
	Missing string
}

// BarTarget is a value marked on every row, and its name.
type BarTarget struct {
	Value float64
	Label string
}

// BarOptions say how to draw: Width in columns (0: 80), ASCII for "#"
// bars and "|" marks instead of Unicode blocks.
type BarOptions struct {
	Width int
	ASCII bool
}

// DefaultBarWidth is the width of bars drawn for a terminal of unknown
// width, a pipe or a file.
const DefaultBarWidth = 80

// PlainBars reports whether bars must be drawn in plain ASCII: when
// NO_COLOR is set (to anything but ""), or when the locale that governs
// the character set (LC_ALL, else LC_CTYPE, else LANG; "C" when none is
// set) is not UTF-8.
func PlainBars(getenv func(string) string) bool {
	if getenv == nil {
		return true
	}
	if getenv("NO_COLOR") != "" {
		return true
	}
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if loc = getenv(k); loc != "" {
			break
		}
	}
	l := strings.ToLower(loc)
	return !strings.Contains(l, "utf-8") && !strings.Contains(l, "utf8")
}

// eighths are the Unicode blocks of 1/8 to 7/8 of a cell, left-aligned.
var eighths = [8]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// Bars draws the chart: the title, a line naming the targets above their
// marks, one line per row (label, bar, value), a scale line and the notes,
// every line at most o.Width columns. It renders into memory and writes
// once.
func Bars(w io.Writer, c *BarChart, o BarOptions) error {
	width := o.Width
	if width <= 0 {
		width = DefaultBarWidth
	}
	width = max(width, 30)
	full, mark := "█", "│"
	if o.ASCII {
		full, mark = "#", "|"
	}

	values := make([]string, len(c.Rows))
	labels := make([]string, len(c.Rows))
	labelW, valueW := 0, 0
	top := 0.0
	for i, r := range c.Rows {
		labels[i] = termesc.String(r.Label)
		labelW = max(labelW, displayWidth(labels[i]))
		if r.Known {
			values[i] = FormatNumber(r.Value, c.Decimals) + termesc.String(r.Mark)
			valueW = max(valueW, displayWidth(values[i]))
			top = math.Max(top, r.Value)
		}
	}
	for _, t := range c.Targets {
		top = math.Max(top, t.Value)
	}
	if top <= 0 {
		top = 1
	}
	// The label column gives way first, down to 8 columns, so that a
	// bar keeps at least 20.
	labelW = max(min(labelW, width-2-valueW-20), min(labelW, 8))
	barW := max(width-labelW-2-valueW, 1)
	cell := func(v float64) float64 { return v / top * float64(barW) } // in cells

	var buf bytes.Buffer
	if c.Title != "" {
		writeWrapped(&buf, termesc.String(c.Title), width)
	}
	// Target marks and their names, staggered over as many lines as needed.
	cols := make([]int, len(c.Targets))
	for i, t := range c.Targets {
		cols[i] = min(int(cell(t.Value)), barW-1)
	}
	var head [][]rune
	for i, t := range c.Targets {
		name := []rune(termesc.String(t.Label))
		at := labelW + 1 + cols[i] - len(name)/2
		at = max(0, min(at, width-displayWidth(string(name))))
		placed := false
		for _, line := range head {
			if fits(line, at, len(name)) {
				copy(line[at:], name)
				placed = true
				break
			}
		}
		if !placed {
			line := []rune(strings.Repeat(" ", width))
			copy(line[at:], name)
			head = append(head, line)
		}
	}
	for _, line := range head {
		buf.WriteString(strings.TrimRight(string(line), " ") + "\n")
	}

	for i, r := range c.Rows {
		label := labels[i]
		if displayWidth(label) > labelW {
			label = truncate(label, labelW)
		}
		buf.WriteString(label + strings.Repeat(" ", labelW-displayWidth(label)) + " ")
		row := make([]string, barW)
		for k := range row {
			row[k] = " "
		}
		if r.Known && r.Value > 0 {
			n := cell(r.Value)
			if o.ASCII {
				for k := 0; k < min(int(math.Round(n)), barW); k++ {
					row[k] = full
				}
			} else {
				e := int(math.Round(n * 8))
				for k := 0; k < min(e/8, barW); k++ {
					row[k] = full
				}
				if e/8 < barW && e%8 != 0 {
					row[e/8] = eighths[e%8]
				}
			}
		}
		for _, col := range cols {
			row[col] = mark
		}
		line := strings.Join(row, "")
		if r.Known {
			line = strings.TrimRight(line, " ")
			line += strings.Repeat(" ", barW-displayWidth(line)+1+valueW-displayWidth(values[i])) + values[i]
		} else {
			miss := termesc.String(r.Missing)
			if miss == "" {
				miss = "-"
			}
			// The marks stay; the words go in the space before the first.
			room := barW
			if len(cols) > 0 {
				room = slicesMin(cols)
			}
			if displayWidth(miss)+1 <= room {
				line = miss + strings.Join(row[displayWidth(miss):], "")
			} else {
				line = truncate(miss, barW)
			}
			line = strings.TrimRight(line, " ")
		}
		buf.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	// The scale: 0 under the start of the bars, the top value at their end.
	zero := "0" + c.Unit
	topS := FormatNumber(top, c.Decimals) + c.Unit
	gap := barW - len(zero) - len(topS)
	if gap >= 1 {
		buf.WriteString(strings.Repeat(" ", labelW+1) + zero + strings.Repeat(" ", gap) + topS + "\n")
	}
	legend := c.Legend
	if len(c.Targets) > 0 {
		legend = append([]string{mark + " target"}, legend...)
	}
	if len(legend) > 0 {
		writeWrapped(&buf, termesc.String(strings.Join(legend, "; ")), width)
	}
	for _, n := range c.Notes {
		writeWrapped(&buf, termesc.String(n), width)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// fits reports whether n columns from at are blank in line, with a blank
// column on either side.
func fits(line []rune, at, n int) bool {
	for k := max(at-1, 0); k < min(at+n+1, len(line)); k++ {
		if line[k] != ' ' {
			return false
		}
	}
	return at+n <= len(line)
}

// truncate cuts s to at most w columns, ending it with "…".
func truncate(s string, w int) string {
	if displayWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && displayWidth(string(r))+1 > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func slicesMin(v []int) int {
	m := v[0]
	for _, x := range v[1:] {
		m = min(m, x)
	}
	return m
}
