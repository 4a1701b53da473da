package chart

import (
	"fmt"
	"math"
	"strconv"
)

// Color is an opaque RGB colour.
type Color struct{ R, G, B uint8 }

// The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008):
// eight colours told apart by readers with any common form of colour
// blindness. Yellow is too pale for lines and text on white; the charts
// use it nowhere.
var (
	Black         = Color{0x00, 0x00, 0x00}
	Orange        = Color{0xE6, 0x9F, 0x00}
	SkyBlue       = Color{0x56, 0xB4, 0xE9}
	BluishGreen   = Color{0x00, 0x9E, 0x73}
	Yellow        = Color{0xF0, 0xE4, 0x42}
	Blue          = Color{0x00, 0x72, 0xB2}
	Vermillion    = Color{0xD5, 0x5E, 0x00}
	ReddishPurple = Color{0xCC, 0x79, 0xA7}
)

// SeriesColors are the colours of a line chart's series, in order: the
// Okabe-Ito palette without yellow (pale on white) and black (the colour
// of the axes and target lines). MaxSeries is their number.
var SeriesColors = []Color{Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue}

// MaxSeries is the most series a line chart draws.
const MaxSeries = 6

// Neutral colours of the frame.
var (
	white    = Color{0xFF, 0xFF, 0xFF}
	ink      = Color{0x1A, 0x1A, 0x1A} // titles, labels
	softInk  = Color{0x4D, 0x4D, 0x4D} // subtitle, notes, source
	gridGrey = Color{0xDD, 0xDD, 0xDD}
	axisGrey = Color{0x66, 0x66, 0x66}
)

// lighter mixes c with white: what an estimate's bar is filled with under
// its hatching.
func lighter(c Color) Color {
	mix := func(v uint8) uint8 { return uint8((int(v) + 2*255 + 1) / 3) }
	return Color{mix(c.R), mix(c.G), mix(c.B)}
}

func (c Color) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// The drawing model: what a layout produces and each format encodes. All
// coordinates are pixels of a Width x Height canvas, origin at the top
// left, y down (as in SVG).

type anchor int

const (
	start anchor = iota
	middle
	end
)

type pt struct{ x, y float64 }

// rect is a filled rectangle; hatch fills it with a lighter colour under
// diagonal stripes of fill (an estimate).
type rect struct {
	x, y, w, h float64
	fill       Color
	hatch      bool
}

// line is a polyline; dash is the on/off lengths of a dashed line (nil:
// solid).
type line struct {
	pts   []pt
	color Color
	width float64
	dash  []float64
	// target marks a target's reference line, which no text may cross
	// (Collisions); it changes nothing in the drawing.
	target bool
}

// circle is a marker: filled, with an outline of width in stroke.
type circle struct {
	x, y, r float64
	fill    Color
	stroke  Color
	width   float64
}

// text is one line of text whose baseline starts, is centred or ends at
// (x, y); vertical text reads from bottom to top, (x, y) on its baseline.
type text struct {
	x, y     float64
	s        string
	size     float64
	bold     bool
	anchor   anchor
	vertical bool
	color    Color
}

// shift is how far the text's start lies before (x, y) along its
// baseline, for a text w wide: none, half or all of w by its anchor.
func (t text) shift(w float64) float64 {
	switch t.anchor {
	case middle:
		return w / 2
	case end:
		return w
	}
	return 0
}

// canvas is a chart drawn: items in painting order.
type canvas struct {
	w, h  float64
	title string // the document's title (SVG <title>, PDF /Title is left out)
	items []any
}

func (c *canvas) add(items ...any) { c.items = append(c.items, items...) }

// num prints a coordinate: at most two decimals, no trailing zeros, never
// "-0", the same on every machine.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
