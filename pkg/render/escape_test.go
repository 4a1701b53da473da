package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/termesc"
)

// JSON keeps the value (decoding gives the original string back) but holds
// no character a terminal would act on.
func TestJSONEscapesTerminalCharacters(t *testing.T) {
	name := "Evil\u202eland \x1b[31m\x07\x7f\u009b\u2066 <b>&"
	var buf bytes.Buffer
	if err := JSON(&buf, map[string]string{"name": name}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsFunc(out, func(r rune) bool { return r != '\n' && termesc.String(string(r)) != string(r) }) {
		t.Errorf("raw terminal characters in %q", out)
	}
	for _, want := range []string{`\u202e`, `\u001b[31m`, `\u0007`, `\u007f`, `\u009b`, `\u2066`, `<b>&`} {
		if !strings.Contains(out, want) {
			t.Errorf("%s missing from %s", want, out)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["name"] != name {
		t.Errorf("decoded %q (%v), want %q", back["name"], err, name)
	}
}

// Markdown output never turns a name into HTML, a link, an image or
// emphasis, and a note never becomes a heading, list or quote.
func TestMarkdownInert(t *testing.T) {
	tb := &Table{
		Title:   "Gap <b>bold</b>",
		Columns: []Column{{Key: "name", Title: "Name_x"}, {Key: "v", Title: "V", Kind: Money}},
		Rows: [][]Cell{
			{T("<script>alert(1)</script>"), N(1)},
			{T("[x](http://e)"), N(2)},
			{T("![img](x.png) *em* _u_ `code` ~~s~~ &amp;"), N(3)},
			{T("see http://evil.example or www.evil.example or a@b.example"), N(4)},
		},
		Notes: []string{"Source: https://example.org/a_b (www.example.org)", "# heading", "- item", "+ item", "1. item", "> quote", "    code block", "=", "two\nlines # x"},
	}
	out := render(t, tb, TextOptions{Markdown: true})
	for _, want := range []string{
		`**Gap \<b\>bold\</b\>**`,
		`| Name\_x `,
		`| \<script\>alert(1)\</script\> `,
		`| \[x\](http&#58;//e) `,
		`| \!\[img\](x.png) \*em\* \_u\_ \` + "`code\\`" + ` \~\~s\~\~ \&amp; `,
		`| see http&#58;//evil.example or www&#46;evil.example or a&#64;b.example `,
		"\nSource: https://example.org/a\\_b (www.example.org)\n", // a source's address stays a link in a note
		"\n\\# heading\n", "\n\\- item\n", "\n\\+ item\n", "\n1\\. item\n", "\n\\> quote\n", "\ncode block\n", "\n\\=\n",
		"\ntwo lines # x\n", // a line break in a note is a space (a paragraph of one line)
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
	// No unescaped HTML or link syntax is left (after the title's "**").
	for i := strings.Index(out, "\n"); i < len(out); i++ {
		switch out[i] {
		case '\\':
			i++
		case '<', '>', '[', ']', '*', '_', '`', '~', '!':
			t.Errorf("unescaped %q at %d in\n%s", out[i], i, out)
		}
	}
}
