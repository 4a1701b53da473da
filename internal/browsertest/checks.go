package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"

	"github.com/natospend/natospend/internal/testenv"
)

// Layout is what the page's layout gives at the current viewport.
type Layout struct {
	Viewport    int      `json:"viewport"`    // the layout viewport's width, CSS px (documentElement.clientWidth)
	ScrollWidth int      `json:"scrollWidth"` // the document's width: more than Viewport is a horizontal page scroll
	Wide        []string `json:"wide"`        // elements reaching past the viewport, outside a scroll container
	Unscrolling []string `json:"unscrolling"` // .scroll containers whose overflow-x is neither auto nor scroll
	Clipped     []string `json:"clipped"`     // SVG text reaching past its <svg>, which cuts it off
}

// layoutJS measures every element of the body. The descendants of a
// .scroll container are skipped (the container scrolls them; only it must
// fit), as are those of an <svg> that clips them (as an <svg> in a page
// does by default: they cannot widen the page; a text of theirs that
// reaches past the <svg> is cut off, and listed in clipped), and elements
// with no box.
const layoutJS = `(() => {
  const vw = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const clips = el => ['hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const wide = [], unscrolling = [], clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    const svg = el.parentElement && el.parentElement.closest('svg');
    if (svg && clips(svg)) {
      const s = svg.getBoundingClientRect();
      if (el.tagName.toLowerCase() === 'text' && (r.left < s.left - 0.5 || r.right > s.right + 0.5))
        clipped.push((svg.getAttribute('aria-label') || name(svg)).slice(0, 60) + ': ' + JSON.stringify(el.textContent.slice(0, 80)) +
          ' from x=' + Math.round(r.left) + ' to x=' + Math.round(r.right) + ', the svg from x=' + Math.round(s.left) + ' to x=' + Math.round(s.right));
      continue;
    }
    if (el.parentElement && el.parentElement.closest('.scroll')) continue;
    if (el.classList.contains('scroll') && !['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      unscrolling.push(name(el));
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -0.5 || r.right > vw + 0.5)
      wide.push(name(el) + ' from x=' + Math.round(r.left) + ' to x=' + Math.round(r.right));
  }
  return {viewport: vw, scrollWidth: document.documentElement.scrollWidth, wide, unscrolling, clipped};
})()`

// Layout measures the page at its current viewport.
func (p *Page) Layout() Layout {
	p.t.Helper()
	return Eval[Layout](p, layoutJS)
}

// CheckNoClippedText fails the test for each SVG text that its <svg> cuts
// off at the current viewport (a chart's label or note longer than the
// chart).
func (p *Page) CheckNoClippedText() {
	p.t.Helper()
	for _, c := range p.Layout().Clipped {
		p.t.Errorf("%s: cut off by its chart: %s", p.URL, c)
	}
}

// CheckFits fails the test unless the page, laid out on a phone width CSS
// pixels wide (SetViewport with mobile), has that layout width, no
// horizontal page scroll, and no element wider than the viewport except
// inside a .scroll container that scrolls.
func (p *Page) CheckFits(width int64) {
	p.t.Helper()
	p.SetViewport(width, 812, 1, true)
	l := p.Layout()
	if l.Viewport != int(width) {
		p.t.Errorf("%s at %d px: the layout viewport is %d px wide (a <meta name=viewport content=\"width=device-width\"> makes it the phone's)", p.URL, width, l.Viewport)
	}
	if l.ScrollWidth > l.Viewport {
		p.t.Errorf("%s at %d px: the page scrolls sideways: %d px wide", p.URL, width, l.ScrollWidth)
	}
	for _, w := range l.Wide {
		p.t.Errorf("%s at %d px: wider than the viewport, outside a .scroll container: %s", p.URL, width, w)
	}
	for _, u := range l.Unscrolling {
		p.t.Errorf("%s: a .scroll container that does not scroll (overflow-x neither auto nor scroll): %s", p.URL, u)
	}
}

// AXNode is a node of the accessibility tree as a screen reader gets it
// (the nodes Chrome ignores left out, their children kept in their
// place).
type AXNode struct {
	Role     string
	Name     string
	Level    int // a heading's level, else 0
	Children []*AXNode
}

// Walk calls f on the node and its descendants in document order.
func (n *AXNode) Walk(f func(*AXNode)) {
	f(n)
	for _, c := range n.Children {
		c.Walk(f)
	}
}

// Find returns the descendants of n (n included) with the role, in
// document order.
func (n *AXNode) Find(role string) []*AXNode {
	var out []*AXNode
	n.Walk(func(c *AXNode) {
		if c.Role == role {
			out = append(out, c)
		}
	})
	return out
}

// AXTree returns the page's accessibility tree (Accessibility.getFullAXTree).
func (p *Page) AXTree() *AXNode {
	p.t.Helper()
	res := Call(p, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	root, err := buildAXTree(res.Nodes)
	if err != nil {
		p.t.Fatalf("%s: %v", p.URL, err)
	}
	return root
}

// buildAXTree builds the tree from Chrome's flat list of nodes.
func buildAXTree(nodes []*accessibility.Node) (*AXNode, error) {
	byID := map[accessibility.NodeID]*accessibility.Node{}
	var rootID accessibility.NodeID
	for _, n := range nodes {
		byID[n.NodeID] = n
		if n.ParentID == "" && rootID == "" {
			rootID = n.NodeID
		}
	}
	if rootID == "" {
		return nil, fmt.Errorf("the accessibility tree has no root among its %d nodes", len(nodes))
	}
	top := &AXNode{}
	var add func(parent *AXNode, id accessibility.NodeID)
	add = func(parent *AXNode, id accessibility.NodeID) {
		n := byID[id]
		if n == nil {
			return
		}
		here := parent
		if !n.Ignored {
			here = &AXNode{Role: axString(n.Role), Name: axString(n.Name)}
			for _, prop := range n.Properties {
				if prop.Name == accessibility.PropertyNameLevel && prop.Value != nil {
					_ = json.Unmarshal(prop.Value.Value, &here.Level)
				}
			}
			parent.Children = append(parent.Children, here)
		}
		for _, c := range n.ChildIDs {
			add(here, c)
		}
	}
	add(top, rootID)
	if len(top.Children) == 1 {
		return top.Children[0], nil
	}
	return top, nil
}

// axString is an accessibility value as text ("" when absent).
func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(v.Value, &s) != nil {
		return string(v.Value)
	}
	return s
}

// Outline returns the problems of the headings of the tree: not exactly
// one heading of level 1, a first heading that is not the level 1, a
// level skipped on the way down (an h2 followed by an h4), a heading with
// no name.
func Outline(root *AXNode) []string {
	var problems []string
	hs := root.Find("heading")
	ones := 0
	prev := 0
	for i, h := range hs {
		if h.Level == 1 {
			ones++
		}
		if i == 0 && h.Level != 1 {
			problems = append(problems, fmt.Sprintf("the first heading %q is of level %d, not 1", h.Name, h.Level))
		}
		if prev > 0 && h.Level > prev+1 {
			problems = append(problems, fmt.Sprintf("heading %q of level %d follows a heading of level %d (level %d skipped)", h.Name, h.Level, prev, prev+1))
		}
		if strings.TrimSpace(h.Name) == "" {
			problems = append(problems, fmt.Sprintf("heading %d (level %d) has no name", i+1, h.Level))
		}
		prev = h.Level
	}
	if ones != 1 {
		problems = append(problems, fmt.Sprintf("%d headings of level 1, want exactly 1", ones))
	}
	return problems
}

// Tables returns the problems of the tables of the tree: a table with no
// name (a <caption> gives it one) or no column header (<th scope=col>).
func Tables(root *AXNode) []string {
	var problems []string
	for i, tb := range root.Find("table") {
		if strings.TrimSpace(tb.Name) == "" {
			problems = append(problems, fmt.Sprintf("table %d has no name (no caption)", i+1))
		}
		if len(tb.Find("columnheader")) == 0 {
			problems = append(problems, fmt.Sprintf("table %d (%q) has no column header", i+1, tb.Name))
		}
	}
	return problems
}

// ColumnHeaders returns the names of a table's column headers, in order.
func ColumnHeaders(table *AXNode) []string {
	var names []string
	for _, h := range table.Find("columnheader") {
		names = append(names, h.Name)
	}
	return names
}

// PDF prints the page to PDF (as "Print to PDF" does, with the print
// stylesheet) and fails the test unless the bytes are a PDF file.
func (p *Page) PDF() []byte {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		p.t.Fatalf("%s: print to PDF: %v", p.URL, err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		p.t.Fatalf("%s: print to PDF gave %d bytes that are not a PDF file: %.20q", p.URL, len(b), b)
	}
	return b
}

// PDFText returns the text of a PDF as poppler's pdftotext reads it (a
// reader's copy and paste); without pdftotext the test is skipped, or
// fails when CI is set.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin := testenv.Pdftotext(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, in, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// Screenshot returns a PNG of the viewport (the top of the page).
func (p *Page) Screenshot() []byte {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("%s: screenshot: %v", p.URL, err)
	}
	return b
}
