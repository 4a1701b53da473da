package reportcmd_test

import (
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parse(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// all are the elements under n, in document order.
func all(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func byID(doc *html.Node, id string) *html.Node {
	for _, n := range all(doc) {
		if v, ok := attr(n, "id"); ok && v == id {
			return n
		}
	}
	return nil
}

type hook struct {
	table, field, target, value string
	total                       int
}

// hooks are the data-field cells of the page's tables.
func hooks(doc *html.Node) []hook {
	var out []hook
	for _, tbl := range all(doc) {
		if tbl.DataAtom != atom.Table {
			continue
		}
		id, _ := attr(tbl, "id")
		for _, n := range all(tbl) {
			f, ok := attr(n, "data-field")
			if !ok {
				continue
			}
			tg, _ := attr(n, "data-target")
			v, _ := attr(n, "data-value")
			i, _ := attr(n, "data-total")
			k, err := strconv.Atoi(i)
			if err != nil {
				k = -1
			}
			out = append(out, hook{id, f, tg, v, k})
		}
	}
	return out
}

func hookValue(t *testing.T, doc *html.Node, table, field, target string) string {
	t.Helper()
	for _, h := range hooks(doc) {
		if h.table == table && h.field == field && h.target == target {
			return h.value
		}
	}
	t.Errorf("table %s: no cell with data-field %s data-target %q", table, field, target)
	return ""
}

// rowOf is the cells' texts of the row of a table whose row header is name.
func rowOf(t *testing.T, doc *html.Node, table, name string) []string {
	t.Helper()
	tbl := byID(doc, table)
	if tbl == nil {
		t.Fatalf("no table %s", table)
	}
	for _, tr := range all(tbl) {
		if tr.DataAtom != atom.Tr {
			continue
		}
		var cells []string
		found := false
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			cells = append(cells, text(c))
			if s, _ := attr(c, "scope"); s == "row" && text(c) == name {
				found = true
			}
		}
		if found {
			return cells
		}
	}
	t.Fatalf("table %s: no row %s", table, name)
	return nil
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// The page's structure (issue 24, items 2 and 3): lang, one title, one
// h1, headings in order without a skipped level, tables with a caption
// and scoped headers inside a labelled, focusable scroll container,
// charts as labelled <svg role="img"> with a table nearby, numbers
// right-aligned; a Content-Security-Policy of default-src 'none' whose
// style hash is that of the one inline style sheet; no script, no
// element that loads anything, no style attribute.
func TestPageStructure(t *testing.T) {
	code, page, errOut := clitest.Run(t, 0, nil, "report", "--aid")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := parse(t, page)
	els := all(doc)
	count := map[atom.Atom]int{}
	for _, n := range els {
		count[n.DataAtom]++
	}
	if count[atom.H1] != 1 || count[atom.Title] < 1 || count[atom.Style] != 1 {
		t.Errorf("h1 %d, title %d, style %d: want one h1, a title, one style", count[atom.H1], count[atom.Title], count[atom.Style])
	}
	if lang, _ := attr(els[0], "lang"); els[0].DataAtom != atom.Html || lang != "en" {
		t.Errorf("root %s lang %q", els[0].Data, lang)
	}
	level := 0
	for _, n := range els {
		if l := map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4}[n.DataAtom]; l > 0 {
			if l > level+1 {
				t.Errorf("heading %q (h%d) after h%d: a level skipped", text(n), l, level)
			}
			level = l
		}
	}
	for _, bad := range []atom.Atom{atom.Script, atom.Img, atom.Link, atom.Iframe, atom.Object, atom.Embed, atom.Base, atom.Form} {
		if count[bad] != 0 {
			t.Errorf("%d <%s> elements", count[bad], bad)
		}
	}
	var csp, style string
	for _, n := range els {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" || a.Key == "srcset" {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") {
				t.Errorf("<%s href=%q>: a link to a source is an absolute web address", n.Data, a.Val)
			}
			if a.Key == "fill" && strings.HasPrefix(a.Val, "url(") && !strings.HasPrefix(a.Val, "url(#") {
				t.Errorf("<%s fill=%q>: not a fragment of the page", n.Data, a.Val)
			}
		}
		if v, _ := attr(n, "http-equiv"); v == "Content-Security-Policy" {
			csp, _ = attr(n, "content")
		}
		if n.DataAtom == atom.Style {
			style = text(n)
		}
	}
	sum := sha256.Sum256([]byte(style))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if !strings.HasPrefix(csp, "default-src 'none';") || !strings.Contains(csp, "style-src "+hash+";") || strings.Contains(csp, "unsafe") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q, want default-src 'none' and style-src %s", csp, hash)
	}
	for _, want := range []string{"font-variant-numeric:tabular-nums", "text-align:right", "@media print", "overflow-x:auto"} {
		if !strings.Contains(style, want) {
			t.Errorf("style sheet lacks %s", want)
		}
	}
	tables, svgs := 0, 0
	for _, n := range els {
		switch n.DataAtom {
		case atom.Table:
			tables++
			id, _ := attr(n, "id")
			box := n.Parent
			if cls, _ := attr(box, "class"); cls != "scroll" || box.DataAtom != atom.Div {
				t.Errorf("table %s is not in a scroll container", id)
			}
			role, _ := attr(box, "role")
			tab, _ := attr(box, "tabindex")
			lab, _ := attr(box, "aria-labelledby")
			if c := byID(doc, lab); role != "region" || tab != "0" || c == nil || c.DataAtom != atom.Caption || c.Parent != n || text(c) == "" {
				t.Errorf("table %s: container role %q tabindex %q labelled by %q (want its caption)", id, role, tab, lab)
			}
			for _, th := range all(n) {
				if th.DataAtom == atom.Th {
					if s, _ := attr(th, "scope"); s != "col" && s != "row" {
						t.Errorf("table %s: <th> %q without scope", id, text(th))
					}
				}
			}
		case atom.Svg:
			svgs++
			role, _ := attr(n, "role")
			lab, _ := attr(n, "aria-labelledby")
			name := byID(doc, lab)
			if role != "img" || name == nil || text(name) == "" || n.Parent.DataAtom != atom.Figure {
				t.Errorf("svg labelled by %q (role %q): want role img, named by an element of the page, in a figure", lab, role)
			}
			next := n.Parent.NextSibling
			for next != nil && next.Type != html.ElementNode || next != nil && next.DataAtom == atom.Ul {
				next = next.NextSibling
			}
			if next == nil || next.DataAtom != atom.Div || next.FirstChild == nil {
				t.Errorf("svg %q: no table of its figures after it", lab)
			}
		}
	}
	if svgs != 4 || tables < 6 {
		t.Errorf("%d charts, %d tables: want 4 charts, and the summary, gap and 4 chart tables", svgs, tables)
	}
	for _, n := range els {
		if n.DataAtom == atom.Td {
			s := strings.TrimSpace(text(n))
			cls, _ := attr(n, "class")
			if s != "" && strings.Trim(s, "0123456789.,-") == "" && strings.ContainsAny(s, "0123456789") && cls != "num" {
				t.Errorf("number %q not right-aligned (class %q)", s, cls)
			}
		}
	}
	ids := map[string]bool{}
	for _, n := range els {
		if id, ok := attr(n, "id"); ok {
			if ids[id] {
				t.Errorf("id %q twice", id)
			}
			ids[id] = true
		}
	}
}

// A user's --data file whose country, group, release and note texts are
// markup gives a page where they are text only: no script or img element,
// no on* attribute, no link but to http(s) (issue 24, item 2).
func TestHostileNames(t *testing.T) {
	dir := t.TempDir()
	const script, img = `<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	files := map[string]string{
		"countries.yaml": "kind: countries\ncountries:\n" +
			"  QMA: {name: " + q(script) + ", note: " + q(img) + ", nato_since: 1949}\n" +
			"  QMB: {name: " + q(img) + ", note: " + q(script) + ", nato_since: 1949}\n",
		"groups.yaml": "kind: groups\ngroups:\n  evil:\n    name: " + q(script) + "\n    note: " + q(img) + "\n    members: [QMA, QMB]\n",
		"release.yaml": "kind: release\nid: evil-2026\nseries: defence\ntitle: " + q(script) + "\npublisher: " + q(img) +
			"\npublished: 2026-01-01\nurl: " + q("https://example.org/"+img) + "\nvia: " + q(img) + "\ndefinition: " + q(script) +
			"\nnotes: [" + q(script) + "]\nfigures:\n" +
			"  QMA:\n    2025: {gdp_musd: 1000, defence_musd: 20, share_pct: 2.0}\n    2026: {gdp_musd: 1000, defence_musd: 20, share_pct: 2.0, note: " + q(script) + "}\n" +
			"  QMB:\n    2025: {gdp_musd: 2000, defence_musd: 30, share_pct: 1.5}\n    2026: {gdp_musd: 2000, defence_musd: 30, share_pct: 1.5, note: " + q(img) + "}\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, page, errOut := clitest.Run(t, 0, nil, "report", "--data", dir, "--release", "evil-2026", "--group", "evil", "--target", "2,3.5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := parse(t, page)
	for _, n := range all(doc) {
		switch n.DataAtom {
		case atom.Script, atom.Img:
			t.Errorf("a <%s> element came from the data", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "src" {
				t.Errorf("<%s %s=%q> came from the data", n.Data, a.Key, a.Val)
			}
		}
	}
	body := text(doc)
	for _, want := range []string{script, img} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if strings.Count(page, "<svg") < 2 {
		t.Errorf("%d charts drawn for the hostile selection; want the share and gap charts at least", strings.Count(page, "<svg"))
	}
}
