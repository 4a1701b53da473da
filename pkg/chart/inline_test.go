package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// InlineSVG (for natospend report's page, which inserts it as trusted
// markup): no XML declaration; the root labelled by the page's element and
// role="img"; pattern ids prefixed, and the fills pointing at them; every
// string the chart is given, the hostile one in each of them, escaped:
// the SVG parses as XML, and only the renderer's own elements and
// attributes appear.
func TestInlineSVG(t *testing.T) {
	const evil = `"><img src=x onerror=alert(1)><script>alert(1)</script>`
	b := sampleBars()
	b.Title, b.Subtitle, b.Axis.Label, b.EstimateLegend, b.RefLegend, b.Source = evil, evil, evil, evil, evil, evil
	b.Notes = []string{evil}
	b.Classes[0].Name = evil
	b.Refs[0].Label = evil
	b.Bars[0].Label, b.Bars[0].ValueLabel = evil, evil
	l := sampleLines()
	l.Title, l.Subtitle, l.X.Label, l.Y.Label, l.HollowLegend, l.RefLegend, l.Source = evil, evil, evil, evil, evil, evil, evil
	l.Series[0].Label, l.Marks[0].Label, l.Refs[0].Label = evil, evil, evil
	l.Notes = []string{evil}
	for name, c := range map[string]interface {
		InlineSVG(idPrefix, labelledBy string) ([]byte, error)
	}{"bars": b, "lines": l} {
		svg, err := c.InlineSVG("c1-", "c1-title")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(svg, []byte(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="c1-title" `)) {
			t.Errorf("%s: root %.120s", name, svg)
		}
		if bytes.Contains(svg, []byte("<?xml")) || bytes.Contains(svg, []byte(`id="hatch-`)) || bytes.Contains(svg, []byte("url(#hatch-")) {
			t.Errorf("%s: an XML declaration or an id without the prefix", name)
		}
		allowed := map[string]bool{"svg": true, "title": true, "defs": true, "pattern": true, "rect": true, "line": true, "polyline": true, "circle": true, "text": true}
		d := xml.NewDecoder(bytes.NewReader(svg))
		texts := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			switch v := tok.(type) {
			case xml.StartElement:
				if !allowed[v.Name.Local] {
					t.Errorf("%s: element <%s>", name, v.Name.Local)
				}
				for _, a := range v.Attr {
					if strings.HasPrefix(a.Name.Local, "on") || strings.Contains(a.Value, "alert") {
						t.Errorf("%s: attribute %s=%q", name, a.Name.Local, a.Value)
					}
				}
			case xml.CharData:
				if strings.Contains(string(v), "alert(1)") {
					texts++
				}
			}
		}
		if texts == 0 {
			t.Errorf("%s: the hostile string is not among the texts", name)
		}
	}
	if _, err := b.InlineSVG(`x" onload="`, "t"); err == nil {
		t.Errorf("an id prefix with a quote was accepted")
	}
	if _, err := b.InlineSVG("x-", ""); err == nil {
		t.Errorf("no label id was accepted")
	}
}
