package chart

import (
	"math"
	"sort"
)

// Sizes of the frame, in pixels.
const (
	margin      = 24.0
	titleSize   = 24.0
	subSize     = 15.0
	legendSize  = 14.0
	axisSize    = 14.0
	tickSize    = 13.0
	labelSize   = 13.0
	valueSize   = 12.0
	noteSize    = 12.0
	noteLeading = 16.0
	maxNoteRows = 7 // note lines at most; the source line comes on top
	// fallbackSlack widens the room kept for labels: an SVG viewer
	// without the Go font falls back to a sans serif up to 10% wider
	// (DejaVu Sans).
	fallbackSlack = 1.12
)

// legend entry kinds.
const (
	swatch = iota
	hatched
	dashed
	hollowMarker
)

type legendItem struct {
	kind  int
	color Color
	label string
}

// header draws the title, the subtitle and the legend, and returns the y
// below them.
func header(cv *canvas, fs *faces, title, subtitle string, legend []legendItem) float64 {
	maxW := Width - 2*margin
	y := margin + titleSize - 4
	cv.add(text{x: margin, y: y, s: fs.ellipsis(title, titleSize, maxW, true), size: titleSize, bold: true, color: ink})
	if subtitle != "" {
		for _, l := range fs.wrap(subtitle, subSize, maxW) {
			y += subSize + 8
			cv.add(text{x: margin, y: y, s: l, size: subSize, color: softInk})
		}
	}
	if len(legend) == 0 {
		return y + 12
	}
	y += legendSize + 14
	x := margin
	for _, it := range legend {
		w := 16.0 + 6 + fs.width(it.label, legendSize, false)
		if x > margin && x+w > Width-margin { // next legend line
			x = margin
			y += legendSize + 8
		}
		top := y - legendSize + 2
		switch it.kind {
		case swatch:
			cv.add(rect{x: x, y: top, w: 16, h: 14, fill: it.color})
		case hatched:
			cv.add(rect{x: x, y: top, w: 16, h: 14, fill: it.color, hatch: true})
		case dashed:
			cv.add(line{pts: []pt{{x, top + 7}, {x + 16, top + 7}}, color: it.color, width: 2, dash: []float64{5, 3}})
		case hollowMarker:
			cv.add(circle{x: x + 8, y: top + 7, r: 4.5, fill: white, stroke: it.color, width: 2})
		}
		cv.add(text{x: x + 22, y: y, s: it.label, size: legendSize, color: ink})
		x += w + 22
	}
	return y + 10
}

// footer draws the notes and the source line at the bottom, and returns
// the y above them.
func footer(cv *canvas, fs *faces, notes []string, source string) float64 {
	maxW := Width - 2*margin
	var lines []string
	for _, n := range notes {
		lines = append(lines, fs.wrap(n, noteSize, maxW)...)
	}
	if len(lines) > maxNoteRows {
		lines = append(lines[:maxNoteRows-1], fs.ellipsis(lines[maxNoteRows-1]+" …", noteSize, maxW, false))
	}
	src := fs.wrap(source, noteSize, maxW)
	all := append(lines, src...)
	y := Height - 14 - float64(len(all)-1)*noteLeading
	top := y - noteSize - 4
	for i, l := range all {
		t := text{x: margin, y: y + float64(i)*noteLeading, s: l, size: noteSize, color: softInk}
		if i >= len(lines) {
			t.color = ink
		}
		cv.add(t)
	}
	return top
}

// layout lays out a bar chart.
func (c *BarChart) layout(fs *faces) *canvas {
	cv := &canvas{w: Width, h: Height, title: c.Title}
	cv.add(rect{x: 0, y: 0, w: Width, h: Height, fill: white})
	var legend []legendItem
	for _, cl := range c.Classes {
		legend = append(legend, legendItem{swatch, cl.Color, cl.Name})
	}
	anyEstimate := false
	for _, b := range c.Bars {
		anyEstimate = anyEstimate || b.Estimate
	}
	if anyEstimate && c.EstimateLegend != "" {
		col := axisGrey
		if len(c.Classes) > 0 {
			col = c.Classes[0].Color
		}
		legend = append(legend, legendItem{hatched, col, c.EstimateLegend})
	}
	if len(c.Refs) > 0 && c.RefLegend != "" {
		legend = append(legend, legendItem{dashed, Black, c.RefLegend})
	}
	top := header(cv, fs, c.Title, c.Subtitle, legend)
	bottom := footer(cv, fs, c.Notes, c.Source)

	// Rows: the label size shrinks only for a great many bars.
	n := float64(len(c.Bars))
	size := labelSize
	if est := (bottom - top - 80) / n; est*0.85 < size {
		size = math.Max(8, math.Floor(est*0.85))
	}
	labelW := 0.0
	for _, b := range c.Bars {
		labelW = math.Max(labelW, fs.width(b.Label, size, false))
	}
	// Room for a viewer's fallback font, wider than the Go font (an SVG
	// shown without it).
	labelW = math.Min(labelW*fallbackSlack, 280)
	valueW := 0.0
	lo, hi := 0.0, 0.0
	for _, b := range c.Bars {
		valueW = math.Max(valueW, fs.width(b.ValueLabel, valueSize, false)*fallbackSlack)
		lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
	}
	for _, r := range c.Refs {
		lo, hi = math.Min(lo, r.Value), math.Max(hi, r.Value)
	}
	left := margin + labelW + 12
	right := Width - margin - valueW - 8
	if lo < 0 { // room for the labels of negative bars inside the plot
		span := hi - lo
		if span == 0 {
			span = 1
		}
		lo -= span * (valueW + 8) / (right - left - valueW - 8)
	}
	tv, tmin, tmax, step := ticks(lo, hi, 8)
	x := func(v float64) float64 { return left + (v-tmin)/(tmax-tmin)*(right-left) }

	// Reference labels above the plot, staggered where they would overlap.
	type placed struct{ x0, x1 float64 }
	var rowsUsed [][]placed
	refRow := make([]int, len(c.Refs))
	order := make([]int, len(c.Refs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return c.Refs[order[a]].Value < c.Refs[order[b]].Value })
	for _, i := range order {
		w := fs.width(c.Refs[i].Label, tickSize, true)
		cx := clamp(x(c.Refs[i].Value), left+w/2, Width-margin-w/2)
		p := placed{cx - w/2 - 4, cx + w/2 + 4}
		row := 0
		for ; row < len(rowsUsed); row++ {
			free := true
			for _, q := range rowsUsed[row] {
				if p.x0 < q.x1 && q.x0 < p.x1 {
					free = false
				}
			}
			if free {
				break
			}
		}
		if row == len(rowsUsed) {
			rowsUsed = append(rowsUsed, nil)
		}
		rowsUsed[row] = append(rowsUsed[row], p)
		refRow[i] = row
	}
	plotTop := top + float64(len(rowsUsed))*(tickSize+5) + 8
	plotBottom := bottom - 2*axisSize - 26

	// Grid and axis.
	for _, v := range tv {
		cv.add(line{pts: []pt{{x(v), plotTop}, {x(v), plotBottom}}, color: gridGrey, width: 1})
		cv.add(text{x: x(v), y: plotBottom + tickSize + 6, s: c.Axis.tickLabel(v, step), size: tickSize, anchor: middle, color: ink})
	}
	cv.add(text{x: (left + right) / 2, y: plotBottom + tickSize + axisSize + 16, s: c.Axis.Label, size: axisSize, anchor: middle, color: ink})

	rowH := (plotBottom - plotTop) / n
	barH := math.Min(rowH*0.72, 28)
	refX := make([]float64, len(c.Refs)) // the target lines, left to right
	for i, r := range c.Refs {
		refX[i] = x(r.Value)
	}
	sort.Float64s(refX)
	var values []any // drawn last, over the target lines
	for i, b := range c.Bars {
		yc := plotTop + (float64(i)+0.5)*rowH
		x0, x1 := x(math.Min(0, b.Value)), x(math.Max(0, b.Value))
		cv.add(rect{x: x0, y: yc - barH/2, w: x1 - x0, h: barH, fill: c.Classes[b.Class].Color, hatch: b.Estimate})
		cv.add(text{x: left - 8, y: yc + size*0.35, s: fs.ellipsis(b.Label, size, labelW, false), size: size, anchor: end, color: ink})
		if b.ValueLabel != "" {
			vs := math.Min(valueSize, size)
			t := text{x: x1 + 5, y: yc + vs*0.35, s: b.ValueLabel, size: vs, color: ink}
			if b.Value < 0 {
				t.x, t.anchor = x0-5, end
			}
			values = append(values, offTargets(t, fs.width(t.s, vs, false)*fallbackSlack, refX))
		}
	}
	if tmin < 0 && tmax > 0 {
		cv.add(line{pts: []pt{{x(0), plotTop}, {x(0), plotBottom}}, color: axisGrey, width: 1.5})
	} else {
		cv.add(line{pts: []pt{{left, plotTop}, {left, plotBottom}}, color: axisGrey, width: 1.5})
	}
	for i, r := range c.Refs {
		xr := x(r.Value)
		cv.add(line{pts: []pt{{xr, plotTop - 4}, {xr, plotBottom}}, color: Black, width: 1.5, dash: []float64{6, 4}, target: true})
		w := fs.width(r.Label, tickSize, true)
		cx := clamp(xr, left+w/2, Width-margin-w/2)
		ty := plotTop - 8 - float64(len(rowsUsed)-1-refRow[i])*(tickSize+5)
		cv.add(text{x: cx, y: ty, s: r.Label, size: tickSize, bold: true, anchor: middle, color: Black})
	}
	cv.add(values...)
	return cv
}

// layout lays out a line chart.
func (c *LineChart) layout(fs *faces) *canvas {
	cv := &canvas{w: Width, h: Height, title: c.Title}
	cv.add(rect{x: 0, y: 0, w: Width, h: Height, fill: white})
	var legend []legendItem
	anyHollow := false
	for _, s := range c.Series {
		for _, p := range s.Points {
			anyHollow = anyHollow || (p.Known && p.Hollow)
		}
	}
	if anyHollow && c.HollowLegend != "" {
		legend = append(legend, legendItem{hollowMarker, axisGrey, c.HollowLegend})
	}
	if len(c.Refs) > 0 && c.RefLegend != "" {
		legend = append(legend, legendItem{dashed, Black, c.RefLegend})
	}
	top := header(cv, fs, c.Title, c.Subtitle, legend)
	bottom := footer(cv, fs, c.Notes, c.Source)

	// Value ranges.
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, p := range s.Points {
			if p.Known {
				xlo, xhi = math.Min(xlo, p.X), math.Max(xhi, p.X)
				ylo, yhi = math.Min(ylo, p.Y), math.Max(yhi, p.Y)
			}
		}
	}
	for _, r := range c.Refs {
		ylo, yhi = math.Min(ylo, r.Value), math.Max(yhi, r.Value)
	}
	if c.YFromZero {
		ylo = math.Min(0, ylo)
	}
	lastX := xhi // the last known point's X, before the axis rounds xhi
	ytv, ymin, ymax, ystep := ticks(ylo, yhi, 6)
	var xtv []float64
	xstep := 1.0
	if c.X.Years {
		span := xhi - xlo
		for _, s := range []float64{1, 2, 5, 10, 20, 50} {
			xstep = s
			if span/s <= 12 {
				break
			}
		}
		for v := math.Ceil(xlo/xstep) * xstep; v <= xhi; v += xstep {
			xtv = append(xtv, v)
		}
	} else {
		xtv, xlo, xhi, xstep = ticks(xlo, xhi, 8)
	}

	tickW := 0.0
	for _, v := range ytv {
		tickW = math.Max(tickW, fs.width(c.Y.tickLabel(v, ystep), tickSize, false)*fallbackSlack)
	}
	endW := 0.0
	for _, s := range c.Series {
		endW = math.Max(endW, fs.width(s.Label, labelSize, true)*fallbackSlack)
	}
	for _, r := range c.Refs {
		endW = math.Max(endW, fs.width(r.Label, labelSize, true)*fallbackSlack)
	}
	left := margin + axisSize + 12 + tickW + 8
	right := Width - margin - endW - 16
	plotTop := top + 14
	if len(c.Marks) > 0 {
		plotTop += tickSize + 4
	}
	plotBottom := bottom - 2*axisSize - 26
	pad := 12.0 // the first and last years off the plot's edges
	x := func(v float64) float64 {
		if xhi == xlo {
			return (left + right) / 2
		}
		return left + pad + (v-xlo)/(xhi-xlo)*(right-left-2*pad)
	}
	y := func(v float64) float64 { return plotBottom - (v-ymin)/(ymax-ymin)*(plotBottom-plotTop) }

	for _, v := range ytv {
		cv.add(line{pts: []pt{{left, y(v)}, {right, y(v)}}, color: gridGrey, width: 1})
		cv.add(text{x: left - 8, y: y(v) + tickSize*0.35, s: c.Y.tickLabel(v, ystep), size: tickSize, anchor: end, color: ink})
	}
	cv.add(line{pts: []pt{{left, plotBottom}, {right, plotBottom}}, color: axisGrey, width: 1.5})
	for _, v := range xtv {
		cv.add(line{pts: []pt{{x(v), plotBottom}, {x(v), plotBottom + 5}}, color: axisGrey, width: 1})
		cv.add(text{x: x(v), y: plotBottom + tickSize + 8, s: c.X.tickLabel(v, xstep), size: tickSize, anchor: middle, color: ink})
	}
	cv.add(text{x: (left + right) / 2, y: plotBottom + tickSize + axisSize + 18, s: c.X.Label, size: axisSize, anchor: middle, color: ink})
	cv.add(text{x: margin + axisSize, y: (plotTop + plotBottom) / 2, s: c.Y.Label, size: axisSize, anchor: middle, vertical: true, color: ink})

	for _, m := range c.Marks {
		xm := x(m.Value)
		cv.add(line{pts: []pt{{xm, plotTop - 2}, {xm, plotBottom}}, color: axisGrey, width: 1.5, dash: []float64{2, 3}})
		cv.add(text{x: xm, y: plotTop - 6, s: m.Label, size: tickSize, anchor: middle, color: softInk})
	}
	for _, r := range c.Refs {
		yr := y(r.Value)
		cv.add(line{pts: []pt{{left, yr}, {right, yr}}, color: Black, width: 1.5, dash: []float64{6, 4}, target: true})
	}

	// The series: lines broken at unknown points, markers, end labels.
	type endLabel struct {
		y     float64
		s     string
		color Color
		// lead: the series' last point, when it is before the chart's
		// last year: a leader line joins it to the label.
		lead *pt
	}
	// The targets are named at the right, among the series' labels.
	var ends []endLabel
	for _, r := range c.Refs {
		ends = append(ends, endLabel{y: y(r.Value) + labelSize*0.35, s: r.Label, color: Black})
	}
	for i, s := range c.Series {
		col := SeriesColors[i%len(SeriesColors)]
		var run []pt
		flush := func() {
			if len(run) > 1 {
				cv.add(line{pts: run, color: col, width: 2.5})
			}
			run = nil
		}
		last := -1
		for j, p := range s.Points {
			if !p.Known {
				flush()
				continue
			}
			run = append(run, pt{x(p.X), y(p.Y)})
			last = j
		}
		flush()
		for _, p := range s.Points {
			if !p.Known {
				continue
			}
			m := circle{x: x(p.X), y: y(p.Y), r: 4, fill: col}
			if p.Hollow {
				m.fill, m.stroke, m.width = white, col, 2
			}
			cv.add(m)
		}
		if last >= 0 && s.Label != "" {
			p := s.Points[last]
			e := endLabel{y: y(p.Y) + labelSize*0.35, s: s.Label, color: col}
			if p.X < lastX {
				e.lead = &pt{x(p.X), y(p.Y)}
			}
			ends = append(ends, e)
		}
	}
	// Spread the end labels apart vertically, keeping their order: a
	// label's box is the font's ascent and descent, and no two touch.
	m := fs.face(labelSize, true).Metrics()
	gap := math.Max(labelSize+3, fixedToFloat(m.Ascent+m.Descent)+2)
	sort.SliceStable(ends, func(a, b int) bool { return ends[a].y < ends[b].y })
	for i := 1; i < len(ends); i++ {
		if ends[i].y < ends[i-1].y+gap {
			ends[i].y = ends[i-1].y + gap
		}
	}
	for i := len(ends) - 1; i >= 0; i-- {
		limit := plotBottom + labelSize*0.35
		if i < len(ends)-1 {
			limit = ends[i+1].y - gap
		}
		ends[i].y = math.Min(ends[i].y, limit)
	}
	for _, e := range ends {
		if e.lead != nil { // a dotted leader from the line's own last point
			cv.add(line{pts: []pt{{e.lead.x + 6, e.lead.y}, {right + 6, e.y - labelSize*0.35}}, color: e.color, width: 1, dash: []float64{1.5, 2.5}})
		}
		cv.add(text{x: right + 10, y: e.y, s: e.s, size: labelSize, bold: true, color: e.color})
	}
	return cv
}

// offTargets moves a value label of width w off the target lines at xs
// (ascending): past a line it would cross, to its right (a label that
// starts at t.x) or its left (one that ends there), as many lines as it
// takes.
func offTargets(t text, w float64, xs []float64) text {
	const room = 5.0 // between a line and a label
	if t.anchor == end {
		for i := len(xs) - 1; i >= 0; i-- {
			if xs[i] > t.x-w-room && xs[i] < t.x+room {
				t.x = xs[i] - room
			}
		}
		return t
	}
	for _, xr := range xs {
		if xr > t.x-room && xr < t.x+w+room {
			t.x = xr + room
		}
	}
	return t
}

func clamp(v, lo, hi float64) float64 {
	if hi < lo {
		return lo
	}
	return math.Max(lo, math.Min(hi, v))
}
