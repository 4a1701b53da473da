package htmlreport

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/render"
)

// Every string of a page is escaped for its context: a hostile string in
// each field of the model (title, lede, caveats, table captions, headers,
// cells and hooks, notes, sources and their addresses, version, releases)
// appears as text only; a javascript: address is neutralised by
// html/template. The CSP's style hash is that of the style element's
// exact text.
func TestWriteEscapesEveryField(t *testing.T) {
	const evil = `"><img src=x onerror=alert(1)><script>alert(1)</script>`
	tbl := &Table{ID: "t", Caption: evil, Head: []Head{{Text: evil}, {Text: evil, Num: true}},
		Rows: [][]Cell{{{Text: evil, RowHeader: true}, {Text: evil, Num: true}}},
		Foot: [][]Cell{{{Text: evil}, {Text: evil, Num: true, Hook: Hook{Field: evil, Target: evil, Value: evil}}}}}
	p := &Page{Title: evil, Lede: evil, Caveats: []string{evil}, Summary: tbl, SummaryLines: []Line{{Text: evil, Sub: []string{evil}}},
		Gap: tbl, Charts: []Chart{{ID: "c", Title: evil, Notes: []string{evil}, Table: tbl}}, Aid: tbl, AidNotes: []string{evil},
		Method: []string{evil}, Notes: []string{evil}, Sources: []Source{{Line: evil, URL: "javascript:alert(1)", Via: []string{evil}}},
		Version: evil, Releases: []string{evil}}
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<img", `href="javascript:`, `"><`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if n := strings.Count(page, "&lt;script&gt;alert(1)&lt;/script&gt;"); n < 20 {
		t.Errorf("the hostile string escaped %d times; want every field", n)
	}
	sum := sha256.Sum256([]byte(style()))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if styleHash() != hash || !strings.Contains(page, "<style>"+style()+"</style>") || !strings.Contains(html.UnescapeString(page), "style-src "+hash+";") {
		t.Errorf("style hash %s: not the hash of the page's style element, or not in its CSP", styleHash())
	}
}

// FromTable keeps the terminal table's figures and marks, right-aligns
// numbers, names rows by the row-header column and puts the hooks on the
// first total row only.
func TestFromTable(t *testing.T) {
	rt := &render.Table{Title: "T", Columns: []render.Column{{Title: "Country"}, {Title: "GDP $bn", Kind: render.Money}, {Title: "Share %", Kind: render.Percent}},
		Rows:   [][]render.Cell{{render.T("Germany"), render.N(5455980), {Num: 2.69, Known: true, Mark: "e"}}},
		Footer: []render.Cell{render.T("Total"), render.N(5455980), render.U()}}
	got := FromTable("x", rt, 0, []Hook{{}, {Field: "gdp_musd", Value: "5455980", Total: 0}})
	if got.Rows[0][1].Text != "5,456.0" || got.Rows[0][2].Text != "2.69e" || !got.Rows[0][0].RowHeader || got.Rows[0][0].Num || !got.Rows[0][1].Num {
		t.Errorf("row %+v", got.Rows[0])
	}
	if f := got.Foot[0]; f[1].Field != "gdp_musd" || f[1].Value != "5455980" || f[2].Field != "" || f[2].Text != "-" {
		t.Errorf("total row %+v", f)
	}
}

// style is the page's style sheet, exactly as written inside its <style>
// element: the Content-Security-Policy allows it by its SHA-256 hash
// (styleHash).
func style() string { return built().style }

// styleHash is the CSP source of the style sheet: 'sha256-<base64>'.
func styleHash() string { return built().hash }
