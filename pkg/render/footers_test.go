package render

import (
	"bytes"
	"strings"
	"testing"
)

// Several total rows (a total per year) are drawn below the rows, one
// line each, in the table, Markdown and the vertical list alike.
func TestMoreFooters(t *testing.T) {
	tb := &Table{
		Columns:     []Column{{Title: "Country"}, {Title: "Year", Kind: Int}, {Title: "GDP $bn", Kind: Money}},
		Rows:        [][]Cell{{T("France"), N(2024), N(3161000)}, {T("France"), N(2025), N(3370200)}},
		Footer:      []Cell{T("Total 2024"), U(), N(3161000)},
		MoreFooters: [][]Cell{{T("Total 2025"), U(), N(3370200)}},
	}
	var buf bytes.Buffer
	if err := Text(&buf, tb, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `+------------+------+---------+
| Country    | Year | GDP $bn |
+------------+------+---------+
| France     | 2024 | 3,161.0 |
| France     | 2025 | 3,370.2 |
+------------+------+---------+
| Total 2024 |    - | 3,161.0 |
| Total 2025 |    - | 3,370.2 |
+------------+------+---------+
`
	if buf.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := Text(&buf, tb, TextOptions{Markdown: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Total 2024") || !strings.Contains(buf.String(), "Total 2025") || strings.Contains(buf.String(), "<br>") {
		t.Errorf("markdown:\n%s", buf.String())
	}
	buf.Reset()
	if err := Text(&buf, tb, TextOptions{Width: 12}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Total 2024") || !strings.Contains(buf.String(), "Total 2025") {
		t.Errorf("vertical:\n%s", buf.String())
	}
}
