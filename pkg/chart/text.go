package chart

import (
	"image"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The Go fonts (a humanist sans serif under a BSD licence, embedded in
// golang.org/x/image) measure every text of a layout and draw the PNG's.
// They are parsed on first use, never at start-up: a run that draws no
// chart pays nothing for them.
var goFonts struct {
	once          sync.Once
	regular, bold *opentype.Font
	err           error
}

func parsedFonts() (*opentype.Font, *opentype.Font, error) {
	goFonts.once.Do(func() {
		goFonts.regular, goFonts.err = opentype.Parse(goregular.TTF)
		if goFonts.err == nil {
			goFonts.bold, goFonts.err = opentype.Parse(gobold.TTF)
		}
	})
	return goFonts.regular, goFonts.bold, goFonts.err
}

type faceKey struct {
	size float64
	bold bool
}

// faces hands out font faces by size and weight. A face is not safe for
// concurrent use: each rendering has its own faces.
type faces struct {
	regular, bold *opentype.Font
	cache         map[faceKey]font.Face
}

func newFaces() (*faces, error) {
	r, b, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	return &faces{regular: r, bold: b, cache: map[faceKey]font.Face{}}, nil
}

func (f *faces) face(size float64, bold bool) font.Face {
	k := faceKey{size, bold}
	if fc, ok := f.cache[k]; ok {
		return fc
	}
	src := f.regular
	if bold {
		src = f.bold
	}
	of, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil { // only for a size out of range: none of ours
		panic("chart: " + err.Error())
	}
	fc := hyphenFace{of}
	f.cache[k] = fc
	return fc
}

// hyphenFace draws and measures a hyphen-minus (U+002D) with the Go
// fonts' hyphen glyph (the one of U+00AD, soft hyphen, 0.33 em), not with
// their own glyph for U+002D, which is as wide as a minus sign (0.58 em,
// for code): "nato-2026-07" and "def-exp-2026-en.xlsx" read as ids, not
// as "nato−2026−07". Only the glyph changes: the SVG and the PDF keep
// the character U+002D, which is what a reader copies.
type hyphenFace struct{ font.Face }

func hyphen(r rune) rune {
	if r == '-' {
		return '\u00AD'
	}
	return r
}

func (f hyphenFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return f.Face.Glyph(dot, hyphen(r))
}

func (f hyphenFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	return f.Face.GlyphBounds(hyphen(r))
}

func (f hyphenFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	return f.Face.GlyphAdvance(hyphen(r))
}

func (f hyphenFace) Kern(r0, r1 rune) fixed.Int26_6 {
	return f.Face.Kern(hyphen(r0), hyphen(r1))
}

// width is the advance of s in pixels.
func (f *faces) width(s string, size float64, bold bool) float64 {
	return fixedToFloat(font.MeasureString(f.face(size, bold), s))
}

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// wrap breaks s into lines no wider than max pixels, at spaces. A word
// that does not fit after the line's words (a URL) starts a line of its
// own, whole if it fits there (what a reader copies), else broken after
// a "/" (never inside a name such as "def-exp-2026-en.xlsx", nor inside
// "//"); a word with no "/" to break at stands whole, however wide.
//
// A line's width is the larger of its widths in the Go font (the PNG's)
// and in Helvetica (the PDF's, and close to the SVG's fallback fonts), so
// that it fits in every format.
func (f *faces) wrap(s string, size, max float64) []string {
	width := func(s string) float64 {
		return math.Max(f.width(s, size, false), helveticaWidth(winAnsi(s), false)*size/1000)
	}
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if width(try) <= max {
			cur = try
			continue
		}
		// The word does not fit on the current line: on a line of its
		// own, whole if it fits there, else cut after a "/".
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
		pieces := slashPieces(w)
		for len(pieces) > 0 {
			n := 1
			for n < len(pieces) && width(strings.Join(pieces[:n+1], "")) <= max {
				n++
			}
			line := strings.Join(pieces[:n], "")
			pieces = pieces[n:]
			if len(pieces) == 0 {
				cur = line
			} else {
				lines = append(lines, line)
			}
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// slashPieces cuts a word after each "/" not followed by another
// ("https://a/b.xlsx": "https://", "a/", "b.xlsx"); the pieces join back
// to the word.
func slashPieces(w string) []string {
	var out []string
	start := 0
	for i := 0; i < len(w)-1; i++ {
		if w[i] == '/' && w[i+1] != '/' {
			out = append(out, w[start:i+1])
			start = i + 1
		}
	}
	return append(out, w[start:])
}

// ellipsis shortens s to fit max pixels, ending it with "…".
func (f *faces) ellipsis(s string, size, max float64, bold bool) string {
	if f.width(s, size, bold) <= max {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if t := strings.TrimSpace(string(r)) + "…"; f.width(t, size, bold) <= max {
			return t
		}
	}
	return "…"
}
