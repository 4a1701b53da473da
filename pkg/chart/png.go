package chart

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// encodePNG rasterises the canvas and writes it as a PNG (see writePNG).
func encodePNG(cv *canvas, fs *faces) ([]byte, error) {
	var b bytes.Buffer
	if err := writePNG(&b, rasterise(cv, fs)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// rasterise draws the canvas: rectangles and axis-parallel lines on the
// pixel grid (crisp), other lines and markers anti-aliased with
// golang.org/x/image/vector, text with the Go fonts. The canvas starts
// with an opaque background and everything is painted over it: every
// pixel is opaque.
func rasterise(cv *canvas, fs *faces) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, int(cv.w), int(cv.h)))
	for _, it := range cv.items {
		switch v := it.(type) {
		case rect:
			fillRect(img, v)
		case line:
			strokeLine(img, v)
		case circle:
			if v.width > 0 {
				fillPolygon(img, circlePts(v.x, v.y, v.r+v.width/2), v.stroke)
				fillPolygon(img, circlePts(v.x, v.y, v.r-v.width/2), v.fill)
			} else {
				fillPolygon(img, circlePts(v.x, v.y, v.r), v.fill)
			}
		case text:
			drawText(img, fs, v)
		}
	}
	return img
}

func rgba(c Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xFF} }

func fillRect(img *image.RGBA, r rect) {
	x0, y0 := int(math.Round(r.x)), int(math.Round(r.y))
	x1, y1 := int(math.Round(r.x+r.w)), int(math.Round(r.y+r.h))
	if x1 == x0 && r.w > 0 {
		x1 = x0 + 1 // a bar too short to see still shows
	}
	box := image.Rect(x0, y0, x1, y1).Intersect(img.Bounds())
	if !r.hatch {
		draw.Draw(img, box, image.NewUniform(rgba(r.fill)), image.Point{}, draw.Src)
		return
	}
	light, dark := rgba(lighter(r.fill)), rgba(r.fill)
	for py := box.Min.Y; py < box.Max.Y; py++ {
		for px := box.Min.X; px < box.Max.X; px++ {
			if (px+py)%8 < 3 {
				img.SetRGBA(px, py, dark)
			} else {
				img.SetRGBA(px, py, light)
			}
		}
	}
}

// strokeLine draws a polyline, dashed if it says so.
func strokeLine(img *image.RGBA, l line) {
	for _, seg := range dashes(l.pts, l.dash) {
		if len(seg) == 2 && (seg[0].x == seg[1].x || seg[0].y == seg[1].y) {
			// Axis-parallel: a rectangle on the pixel grid.
			a, b := seg[0], seg[1]
			w := math.Max(1, math.Round(l.width))
			if a.x == b.x {
				x0 := math.Round(a.x - w/2)
				fillRect(img, rect{x: x0, y: math.Min(a.y, b.y), w: w, h: math.Abs(b.y - a.y), fill: l.color})
			} else {
				y0 := math.Round(a.y - w/2)
				fillRect(img, rect{x: math.Min(a.x, b.x), y: y0, w: math.Abs(b.x - a.x), h: w, fill: l.color})
			}
			continue
		}
		hw := l.width / 2
		for i := 1; i < len(seg); i++ {
			a, b := seg[i-1], seg[i]
			dx, dy := b.x-a.x, b.y-a.y
			n := math.Hypot(dx, dy)
			if n == 0 {
				continue
			}
			nx, ny := -dy/n*hw, dx/n*hw
			fillPolygon(img, []pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, l.color)
			if i < len(seg)-1 { // a round join
				fillPolygon(img, circlePts(b.x, b.y, hw), l.color)
			}
		}
	}
}

// dashes cuts a polyline into its dashes (the whole line when dash is nil).
func dashes(pts []pt, dash []float64) [][]pt {
	if len(dash) == 0 {
		return [][]pt{pts}
	}
	var out [][]pt
	var cur []pt
	i, left, on := 0, dash[0], true
	for k := 1; k < len(pts); k++ {
		a, b := pts[k-1], pts[k]
		segLen := math.Hypot(b.x-a.x, b.y-a.y)
		pos := 0.0
		for pos < segLen {
			step := math.Min(left, segLen-pos)
			p0 := lerp(a, b, pos/segLen)
			p1 := lerp(a, b, (pos+step)/segLen)
			if on {
				if len(cur) == 0 {
					cur = append(cur, p0)
				}
				cur = append(cur, p1)
			}
			pos += step
			left -= step
			if left <= 1e-9 {
				if on && len(cur) > 1 {
					out = append(out, cur)
				}
				cur = nil
				on = !on
				i = (i + 1) % len(dash)
				left = dash[i]
			}
		}
	}
	if on && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

func lerp(a, b pt, t float64) pt { return pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }

func circlePts(cx, cy, r float64) []pt {
	const n = 32
	pts := make([]pt, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		pts[i] = pt{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return pts
}

// fillPolygon fills a polygon, anti-aliased, with a rasteriser the size of
// its bounding box.
func fillPolygon(img *image.RGBA, pts []pt, c Color) {
	if len(pts) < 3 {
		return
	}
	minX, minY, maxX, maxY := pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, p := range pts[1:] {
		minX, maxX = math.Min(minX, p.x), math.Max(maxX, p.x)
		minY, maxY = math.Min(minY, p.y), math.Max(maxY, p.y)
	}
	x0, y0 := int(math.Floor(minX)), int(math.Floor(minY))
	x1, y1 := int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1
	box := image.Rect(x0, y0, x1, y1)
	if box.Empty() || !box.Overlaps(img.Bounds()) {
		return
	}
	z := vector.NewRasterizer(x1-x0, y1-y0)
	z.DrawOp = draw.Over
	z.MoveTo(float32(pts[0].x-float64(x0)), float32(pts[0].y-float64(y0)))
	for _, p := range pts[1:] {
		z.LineTo(float32(p.x-float64(x0)), float32(p.y-float64(y0)))
	}
	z.ClosePath()
	z.Draw(img, box, image.NewUniform(rgba(c)), image.Point{})
}

// drawText draws one line of text; vertical text is drawn flat on a
// scratch image and turned a quarter to the left.
func drawText(img *image.RGBA, fs *faces, t text) {
	face := fs.face(t.size, t.bold)
	w := fixedToFloat(font.MeasureString(face, t.s))
	shift := t.shift(w)
	src := image.NewUniform(rgba(t.color))
	if !t.vertical {
		d := font.Drawer{Dst: img, Src: src, Face: face, Dot: fixed.Point26_6{X: toFixed(t.x - shift), Y: toFixed(t.y)}}
		d.DrawString(t.s)
		return
	}
	m := face.Metrics()
	asc, desc := m.Ascent.Ceil(), m.Descent.Ceil()
	flat := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w))+2, asc+desc))
	d := font.Drawer{Dst: flat, Src: src, Face: face, Dot: fixed.Point26_6{X: toFixed(1), Y: fixed.I(asc)}}
	d.DrawString(t.s)
	// Turned left: the flat image's (fx, fy) lands at (x0 + fy, y0 - fx),
	// with the baseline (fy = asc) on t.x and the text's start (fx = 1)
	// shift below t.y, as it reads upwards.
	x0 := int(math.Round(t.x)) - asc
	y0 := int(math.Round(t.y + shift + 1))
	fb := flat.Bounds()
	for fy := 0; fy < fb.Dy(); fy++ {
		for fx := 0; fx < fb.Dx(); fx++ {
			c := flat.RGBAAt(fx, fy)
			if c.A == 0 {
				continue
			}
			px, py := x0+fy, y0-fx
			if !(image.Point{px, py}).In(img.Bounds()) {
				continue
			}
			blendOver(img, px, py, c)
		}
	}
}

// blendOver paints a premultiplied colour over the pixel.
func blendOver(img *image.RGBA, x, y int, c color.RGBA) {
	d := img.RGBAAt(x, y)
	a := 255 - uint32(c.A)
	d.R = uint8(uint32(c.R) + uint32(d.R)*a/255)
	d.G = uint8(uint32(c.G) + uint32(d.G)*a/255)
	d.B = uint8(uint32(c.B) + uint32(d.B)*a/255)
	d.A = uint8(uint32(c.A) + uint32(d.A)*a/255)
	img.SetRGBA(x, y, d)
}

func toFixed(v float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(v * 64)) }

// writePNG writes an opaque image as an 8-bit PNG: with a palette when
// it has at most 256 colours (a bar chart: one byte a pixel), else RGB
// (three); every row with filter None, the rows deflated at zlib's best
// speed, in one IDAT chunk.
//
// image/png's encoder tries the five filters on every row of a truecolour
// image and keeps the best (its own heuristic), then deflates at the
// level asked: on a 1200 x 800 chart that cost some 30 times the whole
// SVG at BestCompression (issue 22, item 7; docs/performance.md), most
// of it in deflate. A chart is mostly flat colour, which deflate's
// matches take in without a filter, and few colours, which a palette
// writes in a third of the bytes: the file is about as small, for a
// fraction of the time. The pixels are the same; any PNG reader reads
// them back (TestPNGPixels).
func writePNG(w io.Writer, img *image.RGBA) error {
	width, height := img.Rect.Dx(), img.Rect.Dy()
	palette, indexed := paletteOf(img)
	if _, err := io.WriteString(w, "\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(width))
	binary.BigEndian.PutUint32(hdr[4:], uint32(height))
	hdr[8] = 8 // bits per sample (per index with a palette)
	hdr[9] = 2 // colour type: RGB
	bpp := 3
	if indexed != nil {
		hdr[9], bpp = 3, 1 // indexed colour
	}
	// hdr[10:13]: deflate, adaptive filtering (each row names its
	// filter), no interlace: all 0.
	if err := pngChunk(w, "IHDR", hdr[:]); err != nil {
		return err
	}
	if indexed != nil {
		if err := pngChunk(w, "PLTE", palette); err != nil {
			return err
		}
	}
	var data bytes.Buffer
	z, err := zlib.NewWriterLevel(&data, zlib.BestSpeed)
	if err != nil {
		return err
	}
	// row[0] = 0: filter None; one byte of slack for the RGB copy's
	// four-byte stores.
	buf := make([]byte, 1+bpp*width+1)
	row := buf[:1+bpp*width]
	var prev []byte
	for y := 0; y < height; y++ {
		px := img.Pix[y*img.Stride : y*img.Stride+4*width]
		switch {
		case indexed != nil:
			copy(row[1:], indexed[y*width:(y+1)*width])
		case prev != nil && bytes.Equal(px, prev):
			// The same pixels as the row above (most rows of a chart):
			// the same bytes.
		default:
			// RGBA to RGB, four bytes at a time: each store's fourth
			// byte (alpha) is overwritten by the next pixel's red, the
			// last one's by the slack.
			for x, o := 0, 1; x < width; x, o = x+1, o+3 {
				binary.LittleEndian.PutUint32(buf[o:o+4], binary.LittleEndian.Uint32(px[4*x:4*x+4]))
			}
		}
		prev = px
		if _, err := z.Write(row); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := pngChunk(w, "IDAT", data.Bytes()); err != nil {
		return err
	}
	return pngChunk(w, "IEND", nil)
}

// paletteOf returns the image's colours in the order they first appear
// (RGB triples, a PLTE chunk's data) and each pixel's index in it, row
// by row; nil, nil when it has more than 256 colours.
func paletteOf(img *image.RGBA) ([]byte, []byte) {
	width, height := img.Rect.Dx(), img.Rect.Dy()
	// An open-addressed table of RGB values (+1, so that 0 is empty) to
	// their index: 1024 slots for at most 256 colours.
	var keys [1024]uint32
	var vals [1024]byte
	palette := make([]byte, 0, 3*256)
	indexed := make([]byte, width*height)
	// Pixels are compared as their four bytes (alpha is always 0xFF);
	// a run of one colour costs a comparison a pixel.
	last, lastIndex := uint32(0), byte(0)
	for y := 0; y < height; y++ {
		px := img.Pix[y*img.Stride : y*img.Stride+4*width]
		out := indexed[y*width : (y+1)*width]
		for x := range out {
			v := binary.LittleEndian.Uint32(px[4*x:])
			if v == last {
				out[x] = lastIndex
				continue
			}
			k := v&0xFFFFFF + 1         // R, G, B; +1 so that no key is 0
			h := (k * 2654435761) >> 22 // Fibonacci hashing to 10 bits
			for keys[h] != 0 && keys[h] != k {
				h = (h + 1) & 1023
			}
			if keys[h] == 0 {
				if len(palette) == 3*256 {
					return nil, nil
				}
				keys[h], vals[h] = k, byte(len(palette)/3)
				palette = append(palette, px[4*x], px[4*x+1], px[4*x+2])
			}
			last, lastIndex = v, vals[h]
			out[x] = lastIndex
		}
	}
	return palette, indexed
}

// pngChunk writes one chunk: length, type, data, CRC-32 of type and data.
func pngChunk(w io.Writer, typ string, data []byte) error {
	var b [8]byte
	binary.BigEndian.PutUint32(b[:4], uint32(len(data)))
	copy(b[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(b[4:])
	crc.Write(data)
	if _, err := w.Write(b[:]); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	binary.BigEndian.PutUint32(b[:4], crc.Sum32())
	_, err := w.Write(b[:4])
	return err
}
