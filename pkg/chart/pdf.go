package chart

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// encodePDF writes the canvas as a one-page PDF 1.4: vector drawing
// operators in one uncompressed content stream, text in the standard
// Helvetica fonts (not embedded: every PDF reader has them) with
// WinAnsiEncoding. A character outside that encoding is written as its
// base letter when it has one (Ș as S), else as "?". No dates, no IDs:
// the same canvas gives the same bytes.
func encodePDF(cv *canvas) []byte {
	var c bytes.Buffer
	// y down, as the canvas: flip the page once.
	fmt.Fprintf(&c, "1 0 0 -1 0 %s cm\n", num(cv.h))
	for _, it := range cv.items {
		switch v := it.(type) {
		case rect:
			if !v.hatch {
				fmt.Fprintf(&c, "%s rg %s %s %s %s re f\n", pdfColor(v.fill), num(v.x), num(v.y), num(v.w), num(v.h))
				continue
			}
			fmt.Fprintf(&c, "q %s rg %s %s %s %s re f\n", pdfColor(lighter(v.fill)), num(v.x), num(v.y), num(v.w), num(v.h))
			fmt.Fprintf(&c, "%s %s %s %s re W n %s RG 2.5 w\n", num(v.x), num(v.y), num(v.w), num(v.h), pdfColor(v.fill))
			// Stripes x + y = k, every 8.5 units, across the rectangle.
			for k := v.x + v.y - v.h; k < v.x+v.w+v.y+v.h; k += 8.5 {
				fmt.Fprintf(&c, "%s %s m %s %s l ", num(k-v.y+2), num(v.y-2), num(k-v.y-v.h-2), num(v.y+v.h+2))
			}
			c.WriteString("S Q\n")
		case line:
			fmt.Fprintf(&c, "%s RG %s w ", pdfColor(v.color), num(v.width))
			if len(v.dash) > 0 {
				ds := make([]string, len(v.dash))
				for i, d := range v.dash {
					ds[i] = num(d)
				}
				fmt.Fprintf(&c, "[%s] 0 d 0 J 0 j ", strings.Join(ds, " "))
			} else {
				c.WriteString("[] 0 d 1 J 1 j ")
			}
			for i, p := range v.pts {
				op := "l"
				if i == 0 {
					op = "m"
				}
				fmt.Fprintf(&c, "%s %s %s ", num(p.x), num(p.y), op)
			}
			c.WriteString("S\n")
		case circle:
			r := v.r
			if v.width > 0 {
				r = v.r + v.width/2
				pdfCircle(&c, v.x, v.y, r, v.stroke)
				r = v.r - v.width/2
			}
			pdfCircle(&c, v.x, v.y, r, v.fill)
		case text:
			s := winAnsi(v.s)
			w := helveticaWidth(s, v.bold) * v.size / 1000
			shift := v.shift(w)
			f := "F1"
			if v.bold {
				f = "F2"
			}
			// The text matrix flips the glyphs back upright in the flipped page.
			if v.vertical {
				fmt.Fprintf(&c, "BT /%s %s Tf %s rg 0 -1 -1 0 %s %s Tm (%s) Tj ET\n", f, num(v.size), pdfColor(v.color), num(v.x), num(v.y+shift), pdfString(s))
			} else {
				fmt.Fprintf(&c, "BT /%s %s Tf %s rg 1 0 0 -1 %s %s Tm (%s) Tj ET\n", f, num(v.size), pdfColor(v.color), num(v.x-shift), num(v.y), pdfString(s))
			}
		}
	}

	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>", num(cv.w), num(cv.h)),
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func pdfColor(c Color) string {
	f := func(v uint8) string { return num(float64(v) / 255) }
	return f(c.R) + " " + f(c.G) + " " + f(c.B)
}

// pdfCircle fills a circle drawn with four Bézier curves.
func pdfCircle(b *bytes.Buffer, x, y, r float64, c Color) {
	k := 0.5523 * r
	fmt.Fprintf(b, "%s rg %s %s m %s %s %s %s %s %s c %s %s %s %s %s %s c %s %s %s %s %s %s c %s %s %s %s %s %s c f\n", pdfColor(c),
		num(x+r), num(y),
		num(x+r), num(y+k), num(x+k), num(y+r), num(x), num(y+r),
		num(x-k), num(y+r), num(x-r), num(y+k), num(x-r), num(y),
		num(x-r), num(y-k), num(x-k), num(y-r), num(x), num(y-r),
		num(x+k), num(y-r), num(x+r), num(y-k), num(x+r), num(y))
}

// winAnsiHigh maps the characters of WinAnsiEncoding's 0x80-0x9F range
// to their byte (0: none). A switch, not a map: nothing to build at
// start-up.
func winAnsiHigh(r rune) byte {
	switch r {
	case '€':
		return 0x80
	case '‚':
		return 0x82
	case 'ƒ':
		return 0x83
	case '„':
		return 0x84
	case '…':
		return 0x85
	case '†':
		return 0x86
	case '‡':
		return 0x87
	case 'ˆ':
		return 0x88
	case '‰':
		return 0x89
	case 'Š':
		return 0x8A
	case '‹':
		return 0x8B
	case 'Œ':
		return 0x8C
	case 'Ž':
		return 0x8E
	case '‘':
		return 0x91
	case '’':
		return 0x92
	case '“':
		return 0x93
	case '”':
		return 0x94
	case '•':
		return 0x95
	case '–':
		return 0x96
	case '—':
		return 0x97
	case '˜':
		return 0x98
	case '™':
		return 0x99
	case 'š':
		return 0x9A
	case '›':
		return 0x9B
	case 'œ':
		return 0x9C
	case 'ž':
		return 0x9E
	case 'Ÿ':
		return 0x9F
	}
	return 0
}

// winAnsi encodes s in WinAnsiEncoding (see encodePDF).
func winAnsi(s string) []byte {
	var out []byte
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7F, r >= 0xA0 && r <= 0xFF:
			out = append(out, byte(r))
		case winAnsiHigh(r) != 0:
			out = append(out, winAnsiHigh(r))
		default:
			base := []rune(norm.NFD.String(string(r)))
			if len(base) > 0 && base[0] != r && base[0] >= 0x20 && base[0] < 0x7F {
				out = append(out, byte(base[0]))
			} else {
				out = append(out, '?')
			}
		}
	}
	return out
}

// pdfString escapes WinAnsi bytes for a PDF string literal: backslash and
// parentheses escaped, every byte outside printable ASCII in octal.
func pdfString(s []byte) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\\' || c == '(' || c == ')':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7F:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Advance widths of printable ASCII (0x20-0x7E) in the standard Helvetica
// and Helvetica-Bold fonts, in thousandths of the size (Adobe's AFM files;
// 0x27 and 0x60 as WinAnsiEncoding has them: quotesingle, grave).
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
}

var helveticaBold = [95]uint16{
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
	975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
	333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
	611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
}

// helveticaWidth is the advance of WinAnsi text in thousandths of the
// size. A letter beyond ASCII counts as its base letter (ü as u); other
// characters as a digit.
func helveticaWidth(s []byte, bold bool) float64 {
	tab := &helvetica
	if bold {
		tab = &helveticaBold
	}
	w := 0.0
	for _, c := range s {
		switch {
		case c >= 0x20 && c < 0x7F:
			w += float64(tab[c-0x20])
		case c >= 0xC0:
			base := []rune(norm.NFD.String(string(rune(c))))
			if len(base) > 0 && base[0] < 0x7F && base[0] >= 0x20 {
				w += float64(tab[base[0]-0x20])
			} else {
				w += 667
			}
		case c == 0x97 || c == 0x85:
			w += 1000
		default:
			w += 556
		}
	}
	return w
}
