package chart

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
)

// fontFamily is the SVG's font list: the Go font the layout was measured
// with, then sans-serif fonts of similar width.
const fontFamily = "Go, 'Helvetica Neue', Helvetica, Arial, sans-serif"

// inline is how an SVG is written into an HTML page (InlineSVG): the ids
// of its patterns prefixed, so that several charts share a page, and the
// root labelled by an element of the page. The zero value: a standalone
// SVG document.
type inline struct {
	idPrefix, labelledBy string
}

// encodeSVG writes the canvas as an SVG document. Every text is escaped
// with xml.EscapeText; no caller's text ever goes into an attribute.
func encodeSVG(cv *canvas) []byte { return encodeSVGAs(cv, inline{}) }

// encodeSVGAs is encodeSVG, inline in an HTML page when in is set: no XML
// declaration, role="img" and aria-labelledby on the root.
func encodeSVGAs(cv *canvas, in inline) []byte {
	var b bytes.Buffer
	if in.labelledBy == "" {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="`)
	} else {
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="` + in.labelledBy + `" width="`)
	}
	b.WriteString(num(cv.w) + `" height="` + num(cv.h) + `" viewBox="0 0 ` + num(cv.w) + " " + num(cv.h) + `" font-family="` + fontFamily + `">` + "\n")
	if cv.title != "" {
		b.WriteString("<title>")
		escape(&b, cv.title)
		b.WriteString("</title>\n")
	}
	// A hatching pattern per colour of hatched rectangles, in a stable order.
	hatches := map[Color]bool{}
	for _, it := range cv.items {
		if r, ok := it.(rect); ok && r.hatch {
			hatches[r.fill] = true
		}
	}
	if len(hatches) > 0 {
		cols := make([]Color, 0, len(hatches))
		for c := range hatches {
			cols = append(cols, c)
		}
		sort.Slice(cols, func(i, j int) bool { return cols[i].hex() < cols[j].hex() })
		b.WriteString("<defs>\n")
		for _, c := range cols {
			b.WriteString(`<pattern id="` + in.idPrefix + `hatch-` + c.hex()[1:] + `" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`)
			b.WriteString(`<rect width="6" height="6" fill="` + lighter(c).hex() + `"/>`)
			b.WriteString(`<rect width="2.5" height="6" fill="` + c.hex() + `"/></pattern>` + "\n")
		}
		b.WriteString("</defs>\n")
	}
	for _, it := range cv.items {
		switch v := it.(type) {
		case rect:
			fill := v.fill.hex()
			if v.hatch {
				fill = "url(#" + in.idPrefix + "hatch-" + v.fill.hex()[1:] + ")"
			}
			b.WriteString(`<rect x="` + num(v.x) + `" y="` + num(v.y) + `" width="` + num(v.w) + `" height="` + num(v.h) + `" fill="` + fill + `"/>` + "\n")
		case line:
			if len(v.pts) == 2 {
				b.WriteString(`<line x1="` + num(v.pts[0].x) + `" y1="` + num(v.pts[0].y) + `" x2="` + num(v.pts[1].x) + `" y2="` + num(v.pts[1].y) + `"`)
			} else {
				b.WriteString(`<polyline fill="none" stroke-linejoin="round" points="`)
				for i, p := range v.pts {
					if i > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(num(p.x) + "," + num(p.y))
				}
				b.WriteString(`"`)
			}
			b.WriteString(` stroke="` + v.color.hex() + `" stroke-width="` + num(v.width) + `"`)
			if len(v.dash) > 0 {
				ds := make([]string, len(v.dash))
				for i, d := range v.dash {
					ds[i] = num(d)
				}
				b.WriteString(` stroke-dasharray="` + strings.Join(ds, " ") + `"`)
			}
			b.WriteString("/>\n")
		case circle:
			b.WriteString(`<circle cx="` + num(v.x) + `" cy="` + num(v.y) + `" r="` + num(v.r) + `" fill="` + v.fill.hex() + `"`)
			if v.width > 0 {
				b.WriteString(` stroke="` + v.stroke.hex() + `" stroke-width="` + num(v.width) + `"`)
			}
			b.WriteString("/>\n")
		case text:
			b.WriteString(`<text x="` + num(v.x) + `" y="` + num(v.y) + `" font-size="` + num(v.size) + `"`)
			if v.bold {
				b.WriteString(` font-weight="bold"`)
			}
			switch v.anchor {
			case middle:
				b.WriteString(` text-anchor="middle"`)
			case end:
				b.WriteString(` text-anchor="end"`)
			}
			if v.vertical {
				b.WriteString(` transform="rotate(-90 ` + num(v.x) + " " + num(v.y) + `)"`)
			}
			if v.color != Black {
				b.WriteString(` fill="` + v.color.hex() + `"`)
			}
			b.WriteString(">")
			escape(&b, v.s)
			b.WriteString("</text>\n")
		}
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer never fails
}
