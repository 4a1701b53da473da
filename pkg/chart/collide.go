package chart

import (
	"fmt"
	"math"
)

// box is the extent of a text on the canvas: its advance across, the
// font's ascent above the baseline and descent below, in the Go font the
// PNG is drawn with (a vertical text's box turned with it).
type box struct{ x0, y0, x1, y1 float64 }

func (fs *faces) box(t text) box {
	w := fs.width(t.s, t.size, t.bold)
	m := fs.face(t.size, t.bold).Metrics()
	asc, desc := fixedToFloat(m.Ascent), fixedToFloat(m.Descent)
	shift := t.shift(w)
	if t.vertical { // read upwards: the ascent to the left of x
		return box{t.x - asc, t.y + shift - w, t.x + desc, t.y + shift}
	}
	return box{t.x - shift, t.y - asc, t.x - shift + w, t.y + desc}
}

// overlaps says whether two boxes share more than a hairline.
func (a box) overlaps(b box) bool {
	const eps = 0.5
	return math.Min(a.x1, b.x1)-math.Max(a.x0, b.x0) > eps && math.Min(a.y1, b.y1)-math.Max(a.y0, b.y0) > eps
}

// Collisions lists the texts of the bar chart, as laid out, that overlap
// another text or cross a target line: none in a chart drawn as it should
// be (the tests check the embedded data's charts).
func (c *BarChart) Collisions() ([]string, error) {
	cv, fs, err := c.laidOut()
	if err != nil {
		return nil, err
	}
	return collisions(cv, fs), nil
}

// Collisions lists the texts of the line chart, as laid out, that
// overlap another text or cross a target line (see BarChart.Collisions).
func (c *LineChart) Collisions() ([]string, error) {
	cv, fs, err := c.laidOut()
	if err != nil {
		return nil, err
	}
	return collisions(cv, fs), nil
}

func collisions(cv *canvas, fs *faces) []string {
	var texts []text
	var boxes []box
	var targets []line
	for _, it := range cv.items {
		switch v := it.(type) {
		case text:
			texts = append(texts, v)
			boxes = append(boxes, fs.box(v))
		case line:
			if v.target {
				targets = append(targets, v)
			}
		}
	}
	var out []string
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if boxes[i].overlaps(boxes[j]) {
				out = append(out, fmt.Sprintf("%q overlaps %q", texts[i].s, texts[j].s))
			}
		}
		for _, l := range targets {
			for k := 1; k < len(l.pts); k++ {
				a, b := l.pts[k-1], l.pts[k]
				hw := l.width / 2
				seg := box{math.Min(a.x, b.x) - hw, math.Min(a.y, b.y) - hw, math.Max(a.x, b.x) + hw, math.Max(a.y, b.y) + hw}
				if boxes[i].overlaps(seg) {
					out = append(out, fmt.Sprintf("%q crosses a target line", texts[i].s))
				}
			}
		}
	}
	return out
}
