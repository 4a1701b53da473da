package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// commonMark renders Markdown as GitHub does: CommonMark with GFM tables,
// raw HTML (the <details> block) kept.
func commonMark(t *testing.T, md []byte) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func summaryTable(prefix string, n int) *Table {
	pad := ""
	if n > 100 {
		pad = strings.Repeat(" x", 100) // fewer, longer rows: a faster test
	}
	t := &Table{Columns: []Column{{Title: "Country"}, {Title: "Share %", Kind: Percent}}}
	for i := 0; i < n; i++ {
		t.Rows = append(t.Rows, []Cell{T(fmt.Sprintf("%s %d%s", prefix, i, pad)), N(1.5)})
	}
	return t
}

func TestJobSummaryMarkdown(t *testing.T) {
	main := summaryTable("Short", 2)
	main.Title = "Short"
	main.Rows[0][0] = T("A|B <script>") // a name with table and HTML syntax
	s := &JobSummary{
		Heading: "natospend check: 2 short", Main: main,
		Rest: summaryTable("Meets", 3), RestSummary: "The other 3 <verdicts>",
		Notes: []string{"# not a heading", "Source: NATO, https://example.org/x"},
	}
	var buf bytes.Buffer
	if err := JobSummaryMarkdown(&buf, s); err != nil {
		t.Fatal(err)
	}
	got := commonMark(t, buf.Bytes())
	for _, want := range []string{
		"<h3>natospend check: 2 short</h3>",
		`<td style="text-align:left">A|B &lt;script&gt;</td>`,
		"<details><summary>The other 3 &lt;verdicts&gt;</summary>",
		`<td style="text-align:left">Meets 2</td>`,
		"<p># not a heading</p>",
		`<a href="https://example.org/x">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the HTML lacks %q:\n%s\n--- from\n%s", want, got, buf.String())
		}
	}
	// Two tables: the main one open, the rest inside <details>.
	if n := strings.Count(got, "<table>"); n != 2 {
		t.Errorf("%d tables, want 2:\n%s", n, got)
	}
	if i, j := strings.Index(got, "<details>"), strings.LastIndex(got, "<table>"); i < 0 || j < i || !strings.Contains(got[j:], "</details>") {
		t.Errorf("the second table is not inside <details>:\n%s", got)
	}
	if n := strings.Count(got, "<tr>"); n != 2+5 {
		t.Errorf("%d table rows, want 2 headers and 5 rows", n)
	}
}

// A selection too big for GitHub's 1 MiB: rows are left out, the rest's
// first, and a note says how many; the result fits the limit and still
// parses as two tables... or one, when the rest is all gone.
func TestJobSummaryMarkdownLimit(t *testing.T) {
	s := &JobSummary{Heading: "h", Main: summaryTable("Short", 3000), Rest: summaryTable("Meets", 3000),
		RestSummary: "rest", Notes: []string{"note", "Source: here"}}
	var full bytes.Buffer
	if err := JobSummaryMarkdown(&full, &JobSummary{Heading: s.Heading, Main: s.Main, Rest: s.Rest, RestSummary: s.RestSummary, Notes: s.Notes, Limit: 1 << 30}); err != nil {
		t.Fatal(err)
	}
	if full.Len() <= MaxJobSummary {
		t.Fatalf("the test's summary is %d bytes whole: it must be over %d to test the limit", full.Len(), MaxJobSummary)
	}
	var buf bytes.Buffer
	if err := JobSummaryMarkdown(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if buf.Len() > MaxJobSummary {
		t.Fatalf("%d bytes, over %d", buf.Len(), MaxJobSummary)
	}
	kept := strings.Count(out, "| Short ") + strings.Count(out, "| Meets ")
	if !strings.Contains(out, fmt.Sprintf("%d rows left out to keep this summary under %d bytes.", 6000-kept, MaxJobSummary)) {
		t.Errorf("no note of the %d rows left out: ...%s", 6000-kept, out[len(out)-300:])
	}
	// Main's rows go last: it is the table that matters.
	if strings.Count(out, "| Meets ") > 0 && strings.Count(out, "| Short ") < 3000 {
		t.Errorf("rest rows kept while main rows were left out")
	}
	// Nearly full: one more row of some 230 bytes would not fit.
	if buf.Len() < MaxJobSummary-300 {
		t.Errorf("%d bytes: rows left out that would have fitted", buf.Len())
	}
	if !strings.HasSuffix(out, "\nSource: here\n") || !strings.HasPrefix(out, "### h\n") {
		t.Errorf("heading or source line lost")
	}
	// Just over the limit (the summary is rendered whole first): the same.
	near := *s
	near.Limit = full.Len() * 9 / 10
	buf.Reset()
	if err := JobSummaryMarkdown(&buf, &near); err != nil || buf.Len() > near.Limit || buf.Len() < near.Limit-300 || !strings.Contains(buf.String(), " rows left out to keep this summary under ") {
		t.Errorf("a limit of %d: %v, %d bytes", near.Limit, err, buf.Len())
	}
	// Even the notes give way, but for the last.
	buf.Reset()
	err := JobSummaryMarkdown(&buf, &JobSummary{Heading: "h", Main: summaryTable("Short", 10), Notes: []string{strings.Repeat("n", 500), "Source: here"}, Limit: 300})
	if err != nil || buf.Len() > 300 || !strings.Contains(buf.String(), "Source: here") || strings.Contains(buf.String(), "nnnn") {
		t.Errorf("notes over the limit: %v\n%s", err, buf.String())
	}
	buf.Reset()
	if err := JobSummaryMarkdown(&buf, &JobSummary{Heading: strings.Repeat("h", 400), Limit: 300}); err == nil || buf.Len() != 0 {
		t.Errorf("a heading over the limit: err %v, wrote %d bytes", err, buf.Len())
	}
}
