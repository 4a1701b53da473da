// Package htmlreport writes natospend's briefing page (natospend report):
// one self-contained HTML document, built with html/template, whose every
// string is escaped for its context. It takes a Page of plain values (the
// report command works them out with the code of gap, chart and aid) and
// knows nothing about defence spending.
//
// The page loads nothing: its style sheet is inline and allowed by hash in
// a Content-Security-Policy of default-src 'none'; it has no script. The
// charts are the project's own SVG (pkg/chart), inserted as trusted
// markup: pkg/chart escapes every text it writes.
package htmlreport

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/natospend/natospend/pkg/chart"
	"github.com/natospend/natospend/pkg/render"
)

// Page is everything the page shows, in order.
type Page struct {
	// Title is the page's <title> and its one <h1>.
	Title string
	// Lede is the paragraph under the title: the release and its date.
	Lede string
	// Caveats are said at the top: estimates, definition, price basis,
	// currency.
	Caveats []string
	// Summary is the table of how many allies meet each target, with the
	// money totals; SummaryLines gap's summary sentences.
	Summary      *Table
	SummaryLines []Line
	// Gap is gap's table, its total row carrying the JSON totals' hooks.
	Gap *Table
	// Charts are drawn in order, each with a table of its figures.
	Charts []Chart
	// Aid is the Ukraine aid context (--aid); nil: none.
	Aid      *Table
	AidNotes []string
	// Method is how the figures are worked out (the method, definitions);
	// Notes every note the tables carry.
	Method []string
	Notes  []string
	// Sources are the releases read, with their addresses.
	Sources []Source
	// Version is natospend's version; Releases the ids of the data
	// releases used.
	Version  string
	Releases []string
}

// Line is a sentence of a list, with the sentences that qualify it.
type Line struct {
	Text string
	Sub  []string
}

// Table is a table of the page: a caption, a header row, body rows and
// total rows. ID names it (letters, digits and '-'): the scroll container
// is labelled by its caption, whose id is ID + "-caption".
type Table struct {
	ID      string
	Caption string
	Head    []Head
	Rows    [][]Cell
	Foot    [][]Cell
}

// Head is a column header; Num right-aligns the column.
type Head struct {
	Text string
	Num  bool
}

// Cell is one cell: its text as printed, right-aligned in tabular figures
// when Num; a row header (<th scope="row">) when RowHeader. Hook, when its
// Field is set, are the hooks of a total cell (data-field, data-target,
// data-total, data-value).
//
// A cell with Parts prints them joined by Sep instead of its Text, each in
// a <span> with its own hooks (a range: "397.1 to 1,344.2").
type Cell struct {
	Parts     []Cell
	Sep       string
	Text      string
	Num       bool
	RowHeader bool
	Hook
}

// Chart is one figure: its title (a heading, id ID + "-title", that names
// the figure and its SVG), an inline SVG (from pkg/chart, InlineSVG
// labelled by ID + "-title"), the notes it carries and the table of its
// figures.
type Chart struct {
	ID    string
	Title string
	SVG   []byte
	Notes []string
	Table *Table
}

// Source is one release read: its source line (publisher, title, id,
// dates), the publisher's address and the copy read where it is not the
// publisher's file.
type Source struct {
	Line string
	URL  string
	Via  []string
}

// once holds what the first page builds: the style sheet, its hash and
// the parsed template. A zero value: nothing runs at start-up, in a
// binary whose other commands never write a page.
var once assets

type assets struct {
	sync.Once
	style, hash string
	page        *template.Template
	err         error
}

func built() *assets {
	once.Do(func() {
		hex := func(c chart.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
		once.style = strings.NewReplacer("BLUE", hex(chart.Blue), "VERMILLION", hex(chart.Vermillion)).Replace(css)
		sum := sha256.Sum256([]byte(once.style))
		once.hash = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		once.page, once.err = template.New("page").Funcs(template.FuncMap{"svg": svg}).Parse(pageTemplate)
	})
	return &once
}

// css is the style sheet; BLUE and VERMILLION are the colours of the
// charts' colour-blind-safe palette (pkg/chart, Okabe-Ito).
const css = `
:root{--ink:#1a1a1a;--muted:#4d4d4d;--rule:#cccccc;--accent:BLUE;--short:VERMILLION}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:75rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2.5rem 0 .75rem;padding-bottom:.2rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.1rem;margin:2rem 0 .5rem}
p,li{max-width:50rem;overflow-wrap:anywhere}
.lede{font-size:1.125rem}
.caveats{border-left:4px solid var(--accent);padding:.25rem 1rem;margin:1rem 0}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0 1rem}
.scroll:focus{outline:2px solid var(--accent);outline-offset:2px}
table{border-collapse:collapse;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem;caption-side:top;max-width:50rem}
th,td{padding:.25rem .5rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{vertical-align:bottom;border-bottom:2px solid var(--ink)}
tbody th{font-weight:normal}
.num{text-align:right;font-variant-numeric:tabular-nums}
tbody td,tbody th,tfoot td,tfoot th{white-space:nowrap}
tfoot th,tfoot td{font-weight:600;border-top:2px solid var(--ink)}
figure{margin:1rem 0}
figure svg{display:block;max-width:100%;height:auto}
figcaption{font-weight:600;margin-bottom:.5rem}
.notes{font-size:.9rem;color:var(--muted)}
a{color:#005a8c}
footer{max-width:75rem;margin:3rem auto 0;padding:.5rem 1rem 1rem;border-top:1px solid var(--rule);font-size:.875rem;color:var(--muted)}
@media screen and (max-width:50rem){caption{position:sticky;left:0;width:calc(100vw - 2.5rem);box-sizing:border-box}}
@page{size:A4 landscape;margin:10mm}
@media print{
body{font-size:10pt}
main,footer{max-width:none;padding:0}
.scroll{overflow:visible}
table{font-size:5.5pt}
th,td{padding:.05rem .15rem}
thead th{white-space:normal}
figure svg{width:auto;max-height:140mm}
h2,h3,caption,figcaption{break-after:avoid}
figure,tr{break-inside:avoid}
a{color:inherit}
.scroll:focus{outline:none}
}
`

// Write writes the page to w: rendered into memory first, then written in
// one call, so that a failed run writes nothing.
func Write(w io.Writer, p *Page) error {
	b := built()
	if b.err != nil {
		return b.err
	}
	var buf bytes.Buffer
	data := struct {
		*Page
		Style template.CSS
		CSP   string
	}{p, template.CSS(b.style), "default-src 'none'; style-src " + b.hash + "; img-src 'none'; base-uri 'none'; form-action 'none'"}
	if err := b.page.Execute(&buf, data); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// svg marks a chart's SVG as trusted markup: pkg/chart wrote it, escaping
// every text (no data string reaches an attribute).
func svg(b []byte) template.HTML { return template.HTML(b) } //nolint:gosec // see the package doc

const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="natospend {{.Version}}">
<title>{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p class="lede">{{.Lede}}</p>
{{- if .Caveats}}
<div class="caveats">
{{- range .Caveats}}
<p>{{.}}</p>
{{- end}}
</div>
{{- end}}

<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
{{- with .Summary}}{{template "table" .}}{{end}}
{{- if .SummaryLines}}
<ul>
{{- range .SummaryLines}}
<li>{{.Text}}{{if .Sub}}
<ul>
{{- range .Sub}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}</li>
{{- end}}
</ul>
{{- end}}
</section>

<section aria-labelledby="gaps">
<h2 id="gaps">Gap to each target, country by country</h2>
{{- with .Gap}}{{template "table" .}}{{end}}
</section>

{{- if .Charts}}

<section aria-labelledby="charts">
<h2 id="charts">Charts</h2>
{{- range .Charts}}
<h3 id="{{.ID}}-title">{{.Title}}</h3>
{{- if .SVG}}
<figure aria-labelledby="{{.ID}}-title">
{{svg .SVG}}
</figure>
{{- end}}
{{- if .Notes}}
<ul class="notes">
{{- range .Notes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- with .Table}}{{template "table" .}}{{end}}
{{- end}}
</section>
{{- end}}

{{- if .Aid}}

<section aria-labelledby="aid">
<h2 id="aid">Support to Ukraine, for context</h2>
{{- with .Aid}}{{template "table" .}}{{end}}
{{- if .AidNotes}}
<ul class="notes">
{{- range .AidNotes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</section>
{{- end}}

<section aria-labelledby="method">
<h2 id="method">Method, definitions and notes</h2>
{{- range .Method}}
<p>{{.}}</p>
{{- end}}
{{- if .Notes}}
<h3 id="notes">Notes the tables carry</h3>
<ul>
{{- range .Notes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</section>

<section aria-labelledby="sources">
<h2 id="sources">Sources</h2>
<ul>
{{- range .Sources}}
<li>{{.Line}}{{if .URL}}: <a href="{{.URL}}">{{.URL}}</a>{{end}}
{{- range $i, $v := .Via}}{{if eq $i 0}}; read via {{else}} and {{end}}<a href="{{$v}}">{{$v}}</a>{{end}}</li>
{{- end}}
</ul>
</section>
</main>
<footer>
<p>Made with natospend {{.Version}} (natospend report) from the data releases {{range $i, $r := .Releases}}{{if $i}}, {{end}}{{$r}}{{end}}. The same command on the same data gives the same page.</p>
</footer>
</body>
</html>
{{define "table"}}
<div class="scroll" role="region" tabindex="0" aria-labelledby="{{.ID}}-caption">
<table id="{{.ID}}">
<caption id="{{.ID}}-caption">{{.Caption}}</caption>
<thead>
<tr>
{{- range .Head}}
<th scope="col"{{if .Num}} class="num"{{end}}>{{.Text}}</th>
{{- end}}
</tr>
</thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}{{template "cell" .}}{{end}}</tr>
{{- end}}
</tbody>
{{- if .Foot}}
<tfoot>
{{- range .Foot}}
<tr>{{range .}}{{template "cell" .}}{{end}}</tr>
{{- end}}
</tfoot>
{{- end}}
</table>
</div>
{{- end}}
{{define "cell"}}{{if .RowHeader}}<th scope="row"{{if .Num}} class="num"{{end}}>{{.Text}}</th>{{else}}<td{{if .Num}} class="num"{{end}}{{template "hooks" .}}>{{if .Parts}}{{$sep := .Sep}}{{range $i, $p := .Parts}}{{if $i}}{{$sep}}{{end}}<span{{template "hooks" $p}}>{{$p.Text}}</span>{{end}}{{else}}{{.Text}}{{end}}</td>{{end}}{{end}}
{{define "hooks"}}{{if .Field}} data-field="{{.Field}}"{{if .Target}} data-target="{{.Target}}"{{end}} data-total="{{.Total}}" data-value="{{.Value}}"{{end}}{{end}}
`

// FromTable is a table of the page from a render.Table as the terminal
// prints it (render.CellText: the same figures, formats and marks):
// rowHeader is the index of the column that names a row (-1: none); hooks,
// when not nil, are the hooks of the first total row, one per column.
func FromTable(id string, t *render.Table, rowHeader int, hooks []Hook) *Table {
	out := &Table{ID: id, Caption: t.Title}
	for _, c := range t.Columns {
		out.Head = append(out.Head, Head{Text: c.Title, Num: c.Kind != render.String})
	}
	row := func(cells []render.Cell) []Cell {
		r := make([]Cell, len(cells))
		for j, c := range cells {
			col := t.Columns[j]
			r[j] = Cell{Text: render.CellText(col, c), Num: col.Kind != render.String, RowHeader: j == rowHeader}
		}
		return r
	}
	for _, cells := range t.Rows {
		out.Rows = append(out.Rows, row(cells))
	}
	if len(t.Footer) > 0 {
		f := row(t.Footer)
		for j := range f {
			if j < len(hooks) && hooks[j].Field != "" {
				f[j].Hook = hooks[j]
				f[j].RowHeader = false
			}
		}
		out.Foot = append(out.Foot, f)
		for _, more := range t.MoreFooters {
			out.Foot = append(out.Foot, row(more))
		}
	}
	return out
}

// Hook is what a total cell says of the JSON totals it is from: Field
// (data-field) the JSON field of the value; Target (data-target) the
// target it is of, "" for a per-country column; Value (data-value) the
// value exactly as the JSON prints it; Total (data-total) the index of the
// JSON's totals object it is from. Its fields are those of
// gapreport.TotalHook, which converts to it.
type Hook struct {
	Field, Target, Value string
	Total                int
}
