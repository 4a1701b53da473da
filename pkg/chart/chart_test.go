package chart

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/xml"
	"flag"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
	"golang.org/x/image/math/fixed"
)

var update = flag.Bool("update", false, "rewrite testdata/*.svg from the current output")

// hostile is a name as a user's data file may hold it.
const hostile = `<script>alert("x")</script> & Co's`

func sampleBars() *BarChart {
	return &BarChart{
		Title:    "Defence expenditure as a share of GDP in 2026",
		Subtitle: "4 countries with figures, highest first, against 2% and 3.5%",
		Axis:     Axis{Label: "Defence expenditure, % of GDP", Unit: "%"},
		Classes: []Class{
			{Name: "below 2%", Color: Vermillion},
			{Name: "2% to 3.5%", Color: Orange},
			{Name: "3.5% or more", Color: Blue},
		},
		Refs: []Ref{{Value: 2, Label: "2%"}, {Value: 3.5, Label: "3.5%"}},
		Bars: []Bar{
			{Label: "Poland", Value: 4.68, Class: 2, ValueLabel: "4.68"},
			{Label: "Germany", Value: 2.69, Class: 1, Estimate: true, ValueLabel: "2.69 e"},
			{Label: hostile, Value: 2.1, Class: 1, ValueLabel: "2.10"},
			{Label: "Slovenia", Value: 1.61, Class: 0, Estimate: true, ValueLabel: "1.61 e"},
		},
		EstimateLegend: "e: estimate",
		RefLegend:      "target",
		Notes:          []string{"Not drawn, no figure for 2026: Iceland (not reported)."},
		Source:         "Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07), published 2026-06, https://www.nato.int/x.xlsx",
	}
}

func sampleGaps() *BarChart {
	return &BarChart{
		Title:   "Gap to 3.5% of GDP in 2026, $bn",
		Axis:    Axis{Label: "Gap to 3.5%, $bn (current USD)", Thousands: true},
		Classes: []Class{{Name: "shortfall", Color: Vermillion}, {Name: "surplus", Color: Blue}},
		Bars: []Bar{
			{Label: "United States", Value: 1107.4, Class: 0, ValueLabel: "1,107.4"},
			{Label: "Germany", Value: 44.2, Class: 0, Estimate: true, ValueLabel: "44.2 e"},
			{Label: "Poland", Value: -13.4, Class: 1, ValueLabel: "-13.4"},
		},
		EstimateLegend: "e: estimate",
		Source:         "Source: NATO",
	}
}

func sampleLines() *LineChart {
	return &LineChart{
		Title: "Defence expenditure as a share of GDP, 2014-2026",
		X:     Axis{Label: "Year", Years: true},
		Y:     Axis{Label: "Defence expenditure, % of GDP", Unit: "%"},
		Refs:  []Ref{{Value: 2, Label: "2%"}},
		Marks: []Ref{{Value: 2020, Label: "2020: mark"}},
		Series: []Series{
			{Label: "Germany 2.69 e", Points: []Point{{2014, 1.19, true, false}, {2015, 1.19, true, false}, {2016, 0, false, false}, {2017, 1.23, true, false}, {2024, 2.12, true, true}, {2026, 2.69, true, true}}},
			{Label: hostile + " 2.70", Points: []Point{{2014, 1.8, true, false}, {2026, 2.7, true, false}}},
		},
		YFromZero:    true,
		HollowLegend: "e: estimate",
		RefLegend:    "target",
		Source:       "Source: NATO",
	}
}

func render(t *testing.T, c interface{ Render(Format) ([]byte, error) }, f Format) []byte {
	t.Helper()
	b, err := c.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The SVGs match the files in testdata (go test ./pkg/chart -update
// rewrites them; look at them before committing).
func TestGoldenSVG(t *testing.T) {
	for name, c := range map[string]interface{ Render(Format) ([]byte, error) }{
		"bars.svg": sampleBars(), "gaps.svg": sampleGaps(), "lines.svg": sampleLines(),
	} {
		got := render(t, c, SVG)
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file (rerun with -update and look at it)", name)
		}
	}
}

// The same chart gives the same bytes, in every format.
func TestDeterministic(t *testing.T) {
	for _, f := range []Format{SVG, PNG, PDF} {
		a, b := render(t, sampleBars(), f), render(t, sampleBars(), f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", f)
		}
		a, b = render(t, sampleLines(), f), render(t, sampleLines(), f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s lines: two renderings differ", f)
		}
	}
}

// svgTexts parses the SVG as XML (it must parse) and returns the content
// of each <text> and <title>, unescaped.
func svgTexts(t *testing.T, svg []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var out []string
	var in string
	var cur strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if v.Name.Local == "script" || v.Name.Local == "foreignObject" {
				t.Fatalf("the SVG has a <%s> element", v.Name.Local)
			}
			for _, a := range v.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Fatalf("the SVG has an event attribute %s", a.Name.Local)
				}
			}
			if v.Name.Local == "text" || v.Name.Local == "title" {
				in = v.Name.Local
				cur.Reset()
			}
		case xml.CharData:
			if in != "" {
				cur.Write(v)
			}
		case xml.EndElement:
			if in != "" && v.Name.Local == in {
				out = append(out, cur.String())
				in = ""
			}
		}
	}
}

var numberRe = regexp.MustCompile(`^-?[0-9][0-9,]*(\.[0-9]+)?%?( e)?$`)

// Every text of the SVG is one the chart was given (a label, a value, a
// title, a note or the source, whole or as a wrapped line of it) or a
// number on an axis: nothing else, and the hostile name comes out as
// itself, escaped, never as markup.
func TestSVGTextsAreTheChartsOwn(t *testing.T) {
	b := sampleBars()
	svg := render(t, b, SVG)
	given := []string{b.Title, b.Subtitle, b.Axis.Label, b.EstimateLegend, b.RefLegend, b.Source}
	given = append(given, b.Notes...)
	for _, c := range b.Classes {
		given = append(given, c.Name)
	}
	for _, r := range b.Refs {
		given = append(given, r.Label)
	}
	for _, bar := range b.Bars {
		given = append(given, bar.Label, bar.ValueLabel)
	}
	texts := svgTexts(t, svg)
	if len(texts) < 20 {
		t.Fatalf("only %d texts", len(texts))
	}
	sawHostile := false
	for _, s := range texts {
		if s == hostile {
			sawHostile = true
		}
		if numberRe.MatchString(s) {
			continue
		}
		ok := false
		for _, g := range given {
			if s == g || (len(s) > 10 && strings.Contains(g, s)) { // a wrapped line
				ok = true
			}
		}
		if !ok {
			t.Errorf("text %q is not one the chart was given", s)
		}
	}
	if !sawHostile {
		t.Errorf("the hostile name is not a text of its own")
	}
	if bytes.Contains(svg, []byte("<script")) || bytes.Contains(svg, []byte("& Co")) {
		t.Errorf("the hostile name reached the SVG unescaped")
	}
	if !bytes.Contains(svg, []byte("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co&#39;s")) {
		t.Errorf("the hostile name is not escaped as expected")
	}
}

// The PNG is 1200 x 800, white in its corners, and has ink in the plot:
// the bars' colours where the bars are.
func TestPNG(t *testing.T) {
	for name, c := range map[string]interface{ Render(Format) ([]byte, error) }{"bars": sampleBars(), "lines": sampleLines()} {
		img, err := png.Decode(bytes.NewReader(render(t, c, PNG)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
			t.Fatalf("%s: size %v, want 1200x800", name, b)
		}
		r, g, bl, _ := img.At(2, 2).RGBA()
		if r>>8 != 255 || g>>8 != 255 || bl>>8 != 255 {
			t.Errorf("%s: the corner is not white", name)
		}
		// The plot area (between the header and the footer, right of the
		// labels): a good share of its pixels are not white.
		ink := 0
		for y := 200; y < 600; y++ {
			for x := 300; x < 1000; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if r>>8 < 250 || g>>8 < 250 || b>>8 < 250 {
					ink++
				}
			}
		}
		if ink < 700*400/50 {
			t.Errorf("%s: only %d pixels of ink in the plot area", name, ink)
		}
	}
	// Poland's bar, the first, is solid blue at its middle.
	img, _ := png.Decode(bytes.NewReader(render(t, sampleBars(), PNG)))
	found := false
	for y := 150; y < 300 && !found; y++ {
		r, g, b, _ := img.At(600, y).RGBA()
		found = uint8(r>>8) == Blue.R && uint8(g>>8) == Blue.G && uint8(b>>8) == Blue.B
	}
	if !found {
		t.Errorf("no pixel of Poland's blue bar at x=600")
	}
}

// The PDF is well-formed enough for a reader: its cross-reference table
// points at its objects, its text is escaped as PDF strings, and letters
// outside Latin-1 become their base letter.
func TestPDF(t *testing.T) {
	b := sampleBars()
	b.Bars[0].Label = `Ro(ma)nia \ Șerbia`
	pdf := render(t, b, PDF)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %q", pdf[:20])
	}
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	xref, err := strconv.Atoi(strings.Fields(string(pdf[i+10:]))[0])
	if err != nil || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 7\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	lines := strings.Split(string(pdf[xref:]), "\n")
	for n := 1; n <= 6; n++ {
		off, _ := strconv.Atoi(lines[2+n][:10])
		if want := strconv.Itoa(n) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n, pdf[off:off+10])
		}
	}
	for _, want := range []string{`(Ro\(ma\)nia \\ Serbia) Tj`, `(<script>alert\("x"\)</script> & Co's) Tj`, "/BaseFont /Helvetica "} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// A value that is not a finite number, or a bar without a class, is an
// error, not a broken file; so is a chart with nothing on it.
func TestRefusals(t *testing.T) {
	b := sampleBars()
	b.Bars[1].Value = 1 / zero()
	if _, err := b.Render(SVG); err == nil {
		t.Error("an infinite value was drawn")
	}
	b = sampleBars()
	b.Bars[1].Class = 7
	if _, err := b.Render(SVG); err == nil {
		t.Error("a bar of no class was drawn")
	}
	if _, err := (&BarChart{}).Render(SVG); err != ErrEmpty {
		t.Errorf("an empty chart: %v", err)
	}
	// Collisions refuses what Render refuses.
	if _, err := (&BarChart{}).Collisions(); err != ErrEmpty {
		t.Errorf("Collisions of an empty bar chart: %v", err)
	}
	if _, err := (&LineChart{Series: []Series{{Label: "x", Points: []Point{{X: 2020}}}}}).Collisions(); err != ErrEmpty {
		t.Errorf("Collisions of a line chart with no known point: %v", err)
	}
	l := sampleLines()
	for len(l.Series) <= MaxSeries {
		l.Series = append(l.Series, l.Series[0])
	}
	if _, err := l.Render(PNG); err == nil {
		t.Error("more series than colours were drawn")
	}
	if _, err := sampleBars().Render("gif"); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func zero() float64 { return 0 }

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi     float64
		n          int
		want       string
		min, max   float64
		wantLabels string
	}{
		{0, 5.33, 8, "0 1 2 3 4 5 6", 0, 6, "0% 1% 2% 3% 4% 5% 6%"},
		{-13.4, 1107.4, 8, "-200 0 200 400 600 800 1000 1200", -200, 1200, "-200 0 200 400 600 800 1,000 1,200"},
		{0, 2.7, 6, "0 0.5 1 1.5 2 2.5 3", 0, 3, "0.0% 0.5% 1.0% 1.5% 2.0% 2.5% 3.0%"},
	}
	for _, tt := range tests {
		vals, min, max, step := ticks(tt.lo, tt.hi, tt.n)
		var got, labels []string
		a := Axis{Unit: "%"}
		if tt.lo < 0 {
			a = Axis{Thousands: true}
		}
		for _, v := range vals {
			got = append(got, strconv.FormatFloat(v, 'f', -1, 64))
			labels = append(labels, a.tickLabel(v, step))
		}
		if strings.Join(got, " ") != tt.want || min != tt.min || max != tt.max {
			t.Errorf("ticks(%g, %g) = %v [%g, %g], want %s [%g, %g]", tt.lo, tt.hi, got, min, max, tt.want, tt.min, tt.max)
		}
		if strings.Join(labels, " ") != tt.wantLabels {
			t.Errorf("labels %v, want %s", labels, tt.wantLabels)
		}
	}
}

// The PNG holds exactly the pixels drawn: decoded by image/png, every
// pixel is the rasterised canvas's, in the bar chart (at most 256
// colours: written with a palette) and in the line chart (more: RGB).
// The header says which (byte 25 of the file: colour type 3 or 2).
func TestPNGPixels(t *testing.T) {
	fs, err := newFaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		c     interface{ layout(*faces) *canvas }
		ctype byte
	}{{"bars", sampleBars(), 3}, {"lines", sampleLines(), 2}} {
		cv := tc.c.layout(fs)
		want := rasterise(cv, fs)
		b, err := encodePNG(cv, fs)
		if err != nil {
			t.Fatal(err)
		}
		if b[25] != tc.ctype {
			t.Errorf("%s: colour type %d, want %d", tc.name, b[25], tc.ctype)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		diff := 0
		for y := 0; y < Height; y++ {
			for x := 0; x < Width; x++ {
				r, g, bl, a := img.At(x, y).RGBA()
				w := want.RGBAAt(x, y)
				if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(bl>>8) != w.B || a != 0xFFFF || w.A != 0xFF {
					diff++
				}
			}
		}
		if diff != 0 {
			t.Errorf("%s: %d pixels differ from the drawing", tc.name, diff)
		}
	}
}

// natoURL is the source of NATO's 2026 release as the data names it.
const natoURL = "https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx"

// A URL too wide for its line breaks only after a "/": each line but the
// last ends with one, "//" and the names between slashes stay whole, and
// the lines join back to the URL. A URL that fits on a line of its own
// stands there whole.
func TestWrapURL(t *testing.T) {
	fs, err := newFaces()
	if err != nil {
		t.Fatal(err)
	}
	lines := fs.wrap("Source: NATO (nato-2026-07), "+natoURL, noteSize, 200)
	if lines[0] != "Source: NATO (nato-2026-07)," {
		t.Fatalf("lines %q", lines)
	}
	url := lines[1:]
	if len(url) < 3 {
		t.Fatalf("the URL is not broken: %q", url)
	}
	for i, l := range url {
		if i < len(url)-1 && !strings.HasSuffix(l, "/") {
			t.Errorf("line %q does not end at a /", l)
		}
		if w := fs.width(l, noteSize, false); w > 200 {
			t.Errorf("line %q is %.0f pixels wide, more than 200", l, w)
		}
	}
	if strings.Join(url, "") != natoURL || !strings.HasPrefix(url[0], "https://") || url[len(url)-1] != "def-exp-2026-en.xlsx" {
		t.Errorf("the URL's lines %q", url)
	}
	lines = fs.wrap("Source: NATO, Defence Expenditure of NATO Countries (2014-2025) (nato-2025-08), published 2025-08-28, cut-off 2025-06-03, "+natoURL, noteSize, 1000)
	if len(lines) != 2 || lines[1] != natoURL {
		t.Errorf("a URL that fits a line is not whole on its own: %q", lines)
	}
}

// The PNG's font draws a hyphen-minus with the font's hyphen (the glyph
// of U+00AD), not its own, as wide as a minus sign: "nato-2026-07" is
// not drawn "nato−2026−07". The text measured and drawn is still "-".
func TestHyphenGlyph(t *testing.T) {
	fs, err := newFaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, bold := range []bool{false, true} {
		f := fs.face(noteSize, bold)
		h, _ := f.GlyphAdvance('-')
		soft, _ := f.GlyphAdvance('\u00AD')
		minus, _ := f.GlyphAdvance('\u2212')
		if h != soft || h*3 > minus*2 {
			t.Errorf("bold %v: '-' advances %v, U+00AD %v, a minus %v", bold, h, soft, minus)
		}
		_, m1, _, _, _ := f.Glyph(fixed.P(10, 20), '-')
		b1 := append([]byte{}, m1.(*image.Alpha).Pix...)
		_, m2, _, _, _ := f.Glyph(fixed.P(10, 20), '\u00AD')
		if !bytes.Equal(b1, m2.(*image.Alpha).Pix) {
			t.Errorf("bold %v: '-' is not drawn with the hyphen's glyph", bold)
		}
	}
}

// copySource is a source line whose ids and URL must survive copy and
// paste: too long for one line, it puts the URL on a line of its own.
const copySource = "Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07), published 2026-07-03, cut-off 2026-06-03, read via def-exp-2026-en.xlsx, " + natoURL

// Ids and URLs survive copy and paste: the PDF writes the source line's
// text as it is, hyphens as byte 0x2D of WinAnsiEncoding (which names it
// "hyphen"), each line in one string, with no soft hyphen (0xAD)
// anywhere; the SVG has the URL as one text.
func TestTextCopies(t *testing.T) {
	b := sampleBars()
	b.Source = copySource
	pdf := render(t, b, PDF)
	if !bytes.Contains(pdf, []byte("(Source: NATO, Defence Expenditure of NATO Countries \\(2014-2026\\) \\(nato-2026-07\\), published 2026-07-03, cut-off 2026-06-03, read via def-exp-2026-en.xlsx,) Tj")) ||
		!bytes.Contains(pdf, []byte("("+natoURL+") Tj")) {
		t.Errorf("the PDF lacks the source line as it is")
	}
	if bytes.Contains(pdf, []byte{0xAD}) || bytes.Contains(pdf, []byte(`\255`)) {
		t.Errorf("the PDF has a soft hyphen")
	}
	if !bytes.Contains(pdf, []byte("/Encoding /WinAnsiEncoding")) {
		t.Errorf("the PDF's fonts are not WinAnsiEncoding")
	}
	texts := svgTexts(t, render(t, b, SVG))
	if !slices.Contains(texts, natoURL) {
		t.Errorf("the SVG has no text %q", natoURL)
	}
}

// pdftotext (poppler-utils) reads the ids and the URL of a PDF chart back
// as they were given.
func TestPDFTextReadsBack(t *testing.T) {
	bin := testenv.Pdftotext(t)
	b := sampleBars()
	b.Source = copySource
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(path, render(t, b, PDF), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(nato-2026-07)", "def-exp-2026-en.xlsx", natoURL, "Germany", "2.69 e"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("pdftotext does not read %q back:\n%s", want, out)
		}
	}
}

// A value label that would cross a target line is moved past it: Spain's
// 1.95 ends a few pixels short of the 2% line, and its label is drawn
// right of the line; Collisions finds nothing.
func TestValueLabelOffTarget(t *testing.T) {
	b := sampleBars()
	b.Bars = append(b.Bars, Bar{Label: "Spain", Value: 1.95, Class: 0, ValueLabel: "1.95"})
	got, err := b.Collisions()
	if err != nil || len(got) != 0 {
		t.Fatalf("collisions %q, %v", got, err)
	}
	fs, _ := newFaces()
	cv := b.layout(fs)
	var line2, label float64
	for _, it := range cv.items {
		switch v := it.(type) {
		case line:
			if v.target && line2 == 0 {
				line2 = v.pts[0].x // the 2% line comes first
			}
		case text:
			if v.s == "1.95" {
				label = v.x
			}
		}
	}
	if label <= line2 {
		t.Errorf("the label of 1.95 starts at %.1f, left of the 2%% line at %.1f", label, line2)
	}
}

// The PNG's image data is one zlib stream that zlib reads to its end,
// checksum included, with a filter byte and three bytes a pixel per row
// (the line chart has more than 256 colours: RGB).
func TestPNGStream(t *testing.T) {
	b := render(t, sampleLines(), PNG)
	i := bytes.Index(b, []byte("IDAT"))
	n := binary.BigEndian.Uint32(b[i-4 : i])
	if crc := crc32.ChecksumIEEE(b[i : i+4+int(n)]); crc != binary.BigEndian.Uint32(b[i+4+int(n):]) {
		t.Errorf("the IDAT chunk's CRC is wrong")
	}
	zr, err := zlib.NewReader(bytes.NewReader(b[i+4 : i+4+int(n)]))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("the image data does not read to its end: %v", err)
	}
	if len(raw) != Height*(1+3*Width) {
		t.Errorf("%d bytes of image data, want %d", len(raw), Height*(1+3*Width))
	}
	if !bytes.HasSuffix(b, []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82")) {
		t.Errorf("the PNG does not end with IEND")
	}
}

// A series that ends before the chart's last X gets a dotted leader from
// its last point to its label, one that reaches it none, on an axis of
// years and on one whose ticks round past the last X alike.
func TestLeaderLine(t *testing.T) {
	for _, years := range []bool{true, false} {
		end := 2022.0
		if !years {
			end = 2022.3 // the axis's ticks end at 2022.5
		}
		c := &LineChart{
			X: Axis{Label: "x", Years: years}, Y: Axis{Label: "y"},
			Series: []Series{
				{Label: "ends early", Points: []Point{{2020, 1, true, false}, {2021, 2, true, false}, {end, 0, false, false}}},
				{Label: "reaches the end", Points: []Point{{2020, 2, true, false}, {2021, 2.5, true, false}, {end, 3, true, false}}},
			},
		}
		fs, _ := newFaces()
		leaders := 0
		for _, it := range c.layout(fs).items {
			if l, ok := it.(line); ok && len(l.dash) == 2 && l.dash[0] == 1.5 {
				leaders++
				if l.color != SeriesColors[0] {
					t.Errorf("years %v: a leader of colour %v, want the first series'", years, l.color)
				}
			}
		}
		if leaders != 1 {
			t.Errorf("years %v: %d leader lines, want 1", years, leaders)
		}
	}
}
