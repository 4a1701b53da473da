package chart

import (
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
	fc, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil { // only for a size out of range: none of ours
		panic("chart: " + err.Error())
	}
	f.cache[k] = fc
	return fc
}

// width is the advance of s in pixels.
func (f *faces) width(s string, size float64, bold bool) float64 {
	return fixedToFloat(font.MeasureString(f.face(size, bold), s))
}

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// wrap breaks s into lines no wider than max pixels, at spaces; a word
// wider than max (a URL) stands alone on its line, whole.
func (f *faces) wrap(s string, size, max float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && f.width(try, size, false) > max {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
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
