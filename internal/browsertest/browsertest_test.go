package browsertest

// The harness on small fixture pages (testdata/): each check passes on
// clean.html and fails on the page made to break it, so that a check that
// cannot fail shows here.

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// recorder is the test, with the errors a check reports kept rather than
// failing it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	msg := strings.TrimSpace(fmt.Sprintf(format, args...))
	r.Logf("reported: %s", msg)
	r.errs = append(r.errs, msg)
}

// contains reports whether one of the lines holds every part.
func contains(lines []string, parts ...string) bool {
	return slices.ContainsFunc(lines, func(l string) bool {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				return false
			}
		}
		return true
	})
}

func TestCleanPagePassesEveryCheck(t *testing.T) {
	p := OpenFile(t, "testdata/clean.html")
	p.CheckClean()
	p.CheckFits(375)
	p.CheckNoClippedText()
	ax := p.AXTree()
	if probs := Outline(ax); len(probs) > 0 {
		t.Errorf("outline: %q", probs)
	}
	if probs := Tables(ax); len(probs) > 0 {
		t.Errorf("tables: %q", probs)
	}
	tables := ax.Find("table")
	if len(tables) != 1 || tables[0].Name != "Defence spending, a fixture" {
		t.Fatalf("tables: %+v, want the one captioned \"Defence spending, a fixture\"", tables)
	}
	if got, want := ColumnHeaders(tables[0]), []string{"Country", "Share %"}; !slices.Equal(got, want) {
		t.Errorf("column headers %q, want %q", got, want)
	}
	var hs []string
	for _, h := range ax.Find("heading") {
		hs = append(hs, fmt.Sprintf("h%d %s", h.Level, h.Name))
	}
	if want := []string{"h1 A clean page", "h2 A table", "h3 A chart", "h2 Notes"}; !slices.Equal(hs, want) {
		t.Errorf("headings %q, want %q", hs, want)
	}
	imgs := ax.Find("image")
	if len(imgs) != 1 || imgs[0].Name != "A bar of 600 by 100 units" {
		t.Errorf("images: %+v, want the svg named \"A bar of 600 by 100 units\"", imgs)
	}
	if v := Eval[string](p, `document.querySelector('[data-field="share_pct"]').dataset.value`); v != "2.5" {
		t.Errorf("data-value %q, want 2.5", v)
	}
	if text := PDFText(t, p.PDF()); !strings.Contains(text, "A clean page") || !strings.Contains(text, "Defence spending, a fixture") {
		t.Errorf("the PDF's text lacks the title or the caption:\n%s", text)
	}
	p.SetViewport(400, 300, 1, false)
	img, err := png.Decode(bytes.NewReader(p.Screenshot()))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 300 {
		t.Errorf("screenshot %v, want 400x300", b)
	}
}

func TestRequestsAreCaught(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{"image.html", "attempted a request other than its own: Image request file:///"}, // an <img>, during the load
		{"csp-image.html", "violates the following Content Security Policy"},             // refused by the page's policy: a log entry
	} {
		t.Run(tc.page, func(t *testing.T) {
			r := &recorder{TB: t}
			p := OpenFile(r, "testdata/"+tc.page)
			p.CheckClean()
			if !contains(r.errs, tc.want) {
				t.Errorf("CheckClean reported %q, want a line with %q", r.errs, tc.want)
			}
		})
	}
}

// A page that reaches a server (a local one: nothing leaves the machine)
// with a style sheet during the load, then a fetch and a beacon after it.
func TestRequestsToAServerAreCaught(t *testing.T) {
	var mu sync.Mutex
	var served []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		mu.Lock()
		served = append(served, req.URL.Path)
		mu.Unlock()
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}))
	defer srv.Close()
	page := filepath.Join(t.TempDir(), "remote.html")
	html := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reaches a server</title>
<link rel="stylesheet" href="` + srv.URL + `/style.css"></head>
<body><h1>Reaches a server</h1><script>
addEventListener("load", () => setTimeout(() => {
  fetch("` + srv.URL + `/data.json").catch(() => {});
  navigator.sendBeacon("` + srv.URL + `/beacon");
}, 0));
</script></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	p := OpenFile(t, page)
	// The fetch and the beacon leave after the load: wait until the
	// server has seen all three (the browser reports a request before it
	// sends it).
	for deadline := time.Now().Add(Timeout); ; time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		n := len(served)
		mu.Unlock()
		if n >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server saw %q, want 3 requests", served)
		}
	}
	got := p.Requests()
	for _, want := range []string{
		"Stylesheet request " + srv.URL + "/style.css",
		"Fetch request " + srv.URL + "/data.json",
		"Ping request " + srv.URL + "/beacon",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("requests %q lack %q", got, want)
		}
	}
}

func TestConsoleErrorsAreCaught(t *testing.T) {
	r := &recorder{TB: t}
	p := OpenFile(r, "testdata/console.html")
	if got, want := p.Console(), []string{"log: fine", "error: boom 42"}; !slices.Equal(got, want) {
		t.Errorf("console %q, want %q", got, want)
	}
	p.CheckClean()
	if len(r.errs) != 1 || !contains(r.errs, "console.error: boom 42") {
		t.Errorf("CheckClean reported %q, want the one console.error", r.errs)
	}

	r = &recorder{TB: t}
	OpenFile(r, "testdata/exception.html").CheckClean()
	if !contains(r.errs, "uncaught exception", "TypeError: thrown on purpose") {
		t.Errorf("CheckClean reported %q, want the uncaught TypeError", r.errs)
	}
}

func TestDialogsAreCaughtAndDismissed(t *testing.T) {
	r := &recorder{TB: t}
	p := OpenFile(r, "testdata/alert.html")
	if got := p.Dialogs(); !slices.Equal(got, []string{`alert("hi")`}) {
		t.Errorf("dialogs %q, want alert(\"hi\")", got)
	}
	// Dismissed: the script went on after the alert.
	if after := Eval[string](p, `document.body.dataset.after || ""`); after != "yes" {
		t.Errorf("the script after the alert did not run: %q", after)
	}
	p.CheckClean()
	if !contains(r.errs, "dialog", `alert("hi")`) {
		t.Errorf("CheckClean reported %q, want the alert", r.errs)
	}
}

func TestWideElementsAreCaught(t *testing.T) {
	r := &recorder{TB: t}
	p := OpenFile(r, "testdata/wide.html")
	p.CheckFits(375)
	if !contains(r.errs, "div#outside from x=") {
		t.Errorf("CheckFits reported %q, want div#outside", r.errs)
	}
	if contains(r.errs, "div#inside") {
		t.Errorf("CheckFits reported %q: div#inside scrolls in its container", r.errs)
	}
	if !contains(r.errs, "scrolls sideways") {
		t.Errorf("CheckFits reported %q, want the page's sideways scroll", r.errs)
	}

	// A chart's text that reaches past its <svg> is cut off, not wide:
	// the page fits, and CheckNoClippedText reports the text.
	r = &recorder{TB: t}
	p = OpenFile(r, "testdata/clipped.html")
	p.CheckFits(375)
	if len(r.errs) != 0 {
		t.Errorf("CheckFits reported %q on a page whose chart clips its text", r.errs)
	}
	p.CheckNoClippedText()
	if len(r.errs) != 1 || !contains(r.errs, `A chart: "a note far too long`) {
		t.Errorf("CheckNoClippedText reported %q, want the one long note", r.errs)
	}

	r = &recorder{TB: t}
	OpenFile(r, "testdata/unscrolling.html").CheckFits(375)
	if !contains(r.errs, "does not scroll", "div.scroll") {
		t.Errorf("CheckFits reported %q, want the .scroll container that does not scroll", r.errs)
	}

	r = &recorder{TB: t}
	OpenFile(r, "testdata/noviewport.html").CheckFits(375)
	if !contains(r.errs, "layout viewport is 980 px") {
		t.Errorf("CheckFits reported %q, want the 980 px layout of a page with no viewport meta", r.errs)
	}
}

func TestOutlineAndTablesProblemsAreCaught(t *testing.T) {
	ax := OpenFile(t, "testdata/outline.html").AXTree()
	want := []string{
		`the first heading "Starts at level 2" is of level 2, not 1`,
		`heading "Skips level 2" of level 3 follows a heading of level 1 (level 2 skipped)`,
		`2 headings of level 1, want exactly 1`,
	}
	if got := Outline(ax); !slices.Equal(got, want) {
		t.Errorf("Outline:\n got %q\nwant %q", got, want)
	}
	want = []string{
		`table 1 ("No header") has no column header`,
		`table 2 has no name (no caption)`,
	}
	if got := Tables(ax); !slices.Equal(got, want) {
		t.Errorf("Tables:\n got %q\nwant %q", got, want)
	}
}

// The page's policy blocks its inline script (a log entry, no dialog);
// with the policy bypassed the script runs (a dialog): BypassCSP tests
// what escaping alone holds.
func TestBypassCSP(t *testing.T) {
	r := &recorder{TB: t}
	OpenFile(r, "testdata/script.html").CheckClean()
	if !contains(r.errs, "Content Security Policy", "inline script") || contains(r.errs, "dialog") {
		t.Errorf("with the policy, CheckClean reported %q, want the inline script refused and no dialog", r.errs)
	}
	r = &recorder{TB: t}
	OpenFile(r, "testdata/script.html", BypassCSP()).CheckClean()
	if !slices.Equal(r.errs, []string{"file://" + mustAbs(t, "testdata/script.html") + `: a script opened a dialog: alert("ran")`}) {
		t.Errorf("with the policy bypassed, CheckClean reported %q, want only the dialog", r.errs)
	}
}

func mustAbs(t *testing.T, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
