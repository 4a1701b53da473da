package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
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
