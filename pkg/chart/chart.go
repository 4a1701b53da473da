// Package chart draws natospend's charts: horizontal bar charts (a value
// per country, with reference lines for the targets) and line charts (a
// value over the years, a few series), as SVG, PNG or PDF.
//
// It is pure: a chart's description in, the file's bytes out, and the same
// bytes for the same description on every run (no timestamps, sorted
// iteration, coordinates printed with at most two decimals). It knows
// nothing about defence spending: callers format their own labels.
//
// Each chart is laid out once into a small drawing model (rectangles,
// polylines, circles, lines of text); each format encodes that model: SVG
// as text, PNG by rasterising it (image/draw, golang.org/x/image/vector and
// the Go fonts), PDF with vector operators and the standard Helvetica
// font. Every text from the caller is escaped for the format (SVG with
// encoding/xml's EscapeText, PDF as a string literal), never interpreted.
//
// The package has no package-level initialisation of its own, and parses
// its fonts on first use: linking it costs a program nothing at start-up.
package chart

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Width and Height of every chart, in pixels (SVG user units, PNG pixels,
// PDF points).
const (
	Width  = 1200
	Height = 800
)

// Format is an output format.
type Format string

// The formats.
const (
	SVG Format = "svg"
	PNG Format = "png"
	PDF Format = "pdf"
)

// Axis describes a value axis.
type Axis struct {
	// Label names the quantity and its unit: "Defence expenditure, % of GDP".
	Label string
	// Unit is appended to each tick label: "%" or "".
	Unit string
	// Thousands puts thousands separators in tick labels (1,000).
	Thousands bool
	// Years makes the ticks whole numbers without separators (2026).
	Years bool
}

// Ref is a reference line: a target at Value, named Label ("3.5%").
type Ref struct {
	Value float64
	Label string
}

// Class is a legend entry for bars: a name and its colour.
type Class struct {
	Name  string
	Color Color
}

// Bar is one bar of a bar chart.
type Bar struct {
	Label string  // the category: a country's name
	Value float64 // may be negative (a surplus)
	Class int     // index into BarChart.Classes: the bar's colour
	// Estimate draws the bar hatched, with a lighter fill.
	Estimate bool
	// ValueLabel is printed at the bar's end ("2.69", "172.5 e").
	ValueLabel string
}

// BarChart is a horizontal bar chart: one bar per category, top to bottom
// in the order given, and vertical reference lines.
type BarChart struct {
	Title    string
	Subtitle string
	Axis     Axis
	Bars     []Bar
	Classes  []Class
	Refs     []Ref
	// EstimateLegend is the legend entry of hatched bars ("e: estimate");
	// shown only when a bar is an estimate.
	EstimateLegend string
	// RefLegend is the legend entry of the reference lines ("target").
	RefLegend string
	// Notes are printed under the chart (what is left out and why).
	Notes []string
	// Source is the source line, printed last.
	Source string
}

// Point is one point of a series; an unknown point breaks the line.
type Point struct {
	X, Y  float64
	Known bool
	// Hollow draws the point's marker hollow (an estimate, a projection).
	Hollow bool
}

// Series is one line of a line chart.
type Series struct {
	// Label is printed at the line's last known point ("Germany 2.69").
	Label  string
	Points []Point
}

// LineChart is a chart of a few series over the years, with horizontal
// reference lines (targets) and vertical marks (a review year).
type LineChart struct {
	Title    string
	Subtitle string
	X, Y     Axis
	Series   []Series
	Refs     []Ref // horizontal: targets
	Marks    []Ref // vertical: years of note
	// YFromZero starts the value axis at zero.
	YFromZero bool
	// HollowLegend is the legend entry of hollow markers ("e: estimate");
	// shown only when a point is hollow.
	HollowLegend string
	RefLegend    string
	Notes        []string
	Source       string
}

// ErrEmpty is returned for a chart with nothing to draw.
var ErrEmpty = errors.New("nothing to draw")

// Render draws the bar chart in the format.
func (c *BarChart) Render(f Format) ([]byte, error) {
	cv, fs, err := c.laidOut()
	if err != nil {
		return nil, err
	}
	return encode(cv, fs, f)
}

// InlineSVG draws the bar chart as an <svg> element for an HTML page: no
// XML declaration, role="img" and aria-labelledby="labelledBy" on the
// root (the id of the page's element that names the chart), the ids of
// its patterns prefixed with idPrefix so that several charts share a page.
// Both must be HTML ids of letters, digits, '-' and '_'. Every text is
// escaped as in Render's SVG.
func (c *BarChart) InlineSVG(idPrefix, labelledBy string) ([]byte, error) {
	return inlineSVG(c.laidOut, idPrefix, labelledBy)
}

// InlineSVG draws the line chart as an <svg> element for an HTML page, as
// BarChart.InlineSVG.
func (c *LineChart) InlineSVG(idPrefix, labelledBy string) ([]byte, error) {
	return inlineSVG(c.laidOut, idPrefix, labelledBy)
}

// inlineSVG checks the ids, lays the chart out and encodes it as an
// inline <svg> element: the body of both InlineSVG methods.
func inlineSVG(laidOut func() (*canvas, *faces, error), idPrefix, labelledBy string) ([]byte, error) {
	if err := checkIDs(idPrefix, labelledBy); err != nil {
		return nil, err
	}
	cv, _, err := laidOut()
	if err != nil {
		return nil, err
	}
	return encodeSVGAs(cv, inline{idPrefix: idPrefix, labelledBy: labelledBy}), nil
}

// checkIDs refuses an id prefix or label id that is not plain letters,
// digits, '-' and '_' (the label id not empty): they go into attributes
// unescaped.
func checkIDs(idPrefix, labelledBy string) error {
	if labelledBy == "" {
		return errors.New("inline SVG: no id of the element naming the chart")
	}
	for _, r := range idPrefix + labelledBy {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return fmt.Errorf("inline SVG: id %q: only letters, digits, - and _", idPrefix+labelledBy)
		}
	}
	return nil
}

// laidOut checks the bar chart and lays it out in the fonts it is drawn
// with (for Render and Collisions).
func (c *BarChart) laidOut() (*canvas, *faces, error) {
	if len(c.Bars) == 0 {
		return nil, nil, ErrEmpty
	}
	if err := finite(c.barValues()...); err != nil {
		return nil, nil, err
	}
	fs, err := newFaces()
	if err != nil {
		return nil, nil, err
	}
	return c.layout(fs), fs, nil
}

// Render draws the line chart in the format.
func (c *LineChart) Render(f Format) ([]byte, error) {
	cv, fs, err := c.laidOut()
	if err != nil {
		return nil, err
	}
	return encode(cv, fs, f)
}

// laidOut checks the line chart and lays it out in the fonts it is drawn
// with (for Render and Collisions).
func (c *LineChart) laidOut() (*canvas, *faces, error) {
	if err := c.check(); err != nil {
		return nil, nil, err
	}
	fs, err := newFaces()
	if err != nil {
		return nil, nil, err
	}
	return c.layout(fs), fs, nil
}

// check refuses a line chart that cannot be drawn: too many series,
// nothing known, a value that is not a finite number.
func (c *LineChart) check() error {
	if len(c.Series) > MaxSeries {
		return fmt.Errorf("%d series: a line chart draws at most %d", len(c.Series), MaxSeries)
	}
	var vs []float64
	for _, s := range c.Series {
		for _, p := range s.Points {
			if p.Known {
				vs = append(vs, p.X, p.Y)
			}
		}
	}
	if len(vs) == 0 {
		return ErrEmpty
	}
	for _, r := range append(append([]Ref{}, c.Refs...), c.Marks...) {
		vs = append(vs, r.Value)
	}
	return finite(vs...)
}

func (c *BarChart) barValues() []float64 {
	var vs []float64
	for _, b := range c.Bars {
		vs = append(vs, b.Value)
		if b.Class < 0 || b.Class >= len(c.Classes) {
			vs = append(vs, math.NaN())
		}
	}
	for _, r := range c.Refs {
		vs = append(vs, r.Value)
	}
	return vs
}

func finite(vs ...float64) error {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errors.New("a value to draw is not a finite number, or a bar has no class")
		}
	}
	return nil
}

func encode(cv *canvas, fs *faces, f Format) ([]byte, error) {
	switch Format(strings.ToLower(string(f))) {
	case SVG:
		return encodeSVG(cv), nil
	case PNG:
		return encodePNG(cv, fs)
	case PDF:
		return encodePDF(cv), nil
	}
	return nil, fmt.Errorf("unknown chart format %q (expected svg, png or pdf)", string(f))
}
