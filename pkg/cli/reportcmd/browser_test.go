package reportcmd_test

// natospend report's page in a real headless Chromium (issue 24, item 5):
// it loads from a file:// URL with no console error and no request, its
// gap totals are gap --format json's, its headings and tables are found by
// role, it fits a 375 px phone but for its tables' scroll containers, it
// prints to PDF, and a data file of hostile names runs no script. One
// browser for the test binary (browsertest.Main), a tab per page.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/browsertest"
	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/reportcmd"
)

func TestMain(m *testing.M) { os.Exit(browsertest.Main(m)) }

// writeReport runs natospend report with args (cli.Main, as the command
// line does) into a file of the test's and returns its path.
func writeReport(t *testing.T, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	args = append([]string{"report", "--output", path}, args...)
	if code, _, errOut := clitest.Run(t, 0, nil, args...); code != 0 {
		t.Fatalf("natospend %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return path
}

// totalCell is a cell of the page that carries a JSON total: the field,
// the index of gap's totals object, its target and the value as gap's
// JSON prints it.
type totalCell struct {
	Table  string `json:"table"`  // the id of its table
	Field  string `json:"field"`  // data-field
	Total  string `json:"total"`  // data-total: the index in gap's "totals"
	Target string `json:"target"` // data-target: the target's id or percentage ("" without)
	Value  string `json:"value"`  // data-value
	Text   string `json:"text"`   // the text the reader sees
}

const totalCellsJS = `[...document.querySelectorAll('[data-field]')].map(c => ({
  table: (c.closest('table') || {}).id || '',
  field: c.dataset.field, total: c.dataset.total ?? '', target: c.dataset.target ?? '',
  value: c.dataset.value ?? '', text: c.textContent.trim()}))`

// gapTotals runs gap --format json with args and returns its totals, each
// a field's JSON text by key.
func gapTotals(t *testing.T, args ...string) []map[string]json.RawMessage {
	t.Helper()
	args = append([]string{"gap", "--format", "json"}, args...)
	code, out, errOut := clitest.Run(t, 0, nil, args...)
	if code != 0 {
		t.Fatalf("natospend %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	var doc struct {
		Totals []map[string]json.RawMessage `json:"totals"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("gap --format json: %v", err)
	}
	if len(doc.Totals) == 0 {
		t.Fatalf("natospend %s: no totals", strings.Join(args, " "))
	}
	return doc.Totals
}

// jsonString is a JSON string field's value ("" when absent).
func jsonString(raw json.RawMessage) string {
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// compactJSON is a JSON value's text without spaces (a number as its
// digits, null as null), as data-value holds it.
func compactJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The gap totals in the page equal gap --format json's for the same flags,
// field by field, as the browser reads them from the DOM: each cell with
// data-field holds the value of that field of gap's totals object
// data-total (whose target is data-target), and every target has its
// count of allies meeting it and its gap in the page.
func TestReportTotalsAreGapJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string // the flags given to both commands
		gap  []string // gap's flags for the report's default targets
	}{
		{"europe-3.5", []string{"--group", "europe", "--target", "3.5"}, nil},
		{"defaults", nil, []string{"--target", strings.Join(reportcmd.DefaultTargets, ",")}},
		{"one-country-two-plain-targets", []string{"--country", "DEU", "--target", "2,3.5"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := browsertest.OpenFile(t, writeReport(t, tc.args...))
			cells := browsertest.Eval[[]totalCell](p, totalCellsJS)
			totals := gapTotals(t, append(slices.Clone(tc.args), tc.gap...)...)
			checkTotals(t, cells, totals)
			t.Logf("%d cells with data-field compared with gap --format json's %d totals", len(cells), len(totals))
		})
	}
}

func checkTotals(t *testing.T, cells []totalCell, totals []map[string]json.RawMessage) {
	t.Helper()
	if len(cells) == 0 {
		t.Fatal("no cell with data-field in the page")
	}
	seen := map[string]bool{} // index + "/" + field
	for _, c := range cells {
		where := fmt.Sprintf("table %s, cell %q (data-field=%s data-total=%s data-target=%s)", c.Table, c.Text, c.Field, c.Total, c.Target)
		i, err := strconv.Atoi(c.Total)
		if err != nil || i < 0 || i >= len(totals) {
			t.Errorf("%s: data-total is not an index of gap's %d totals", where, len(totals))
			continue
		}
		tot := totals[i]
		if c.Target != "" && c.Target != jsonString(tot["target"]) && c.Target != compactJSON(t, tot["target_pct"]) {
			t.Errorf("%s: gap's totals %d are of target %s (%s%%)", where, i, tot["target"], tot["target_pct"])
		}
		raw, ok := tot[c.Field]
		if !ok {
			t.Errorf("%s: gap's totals %d have no field %s", where, i, c.Field)
			continue
		}
		if want := compactJSON(t, raw); c.Value != want {
			t.Errorf("%s: data-value %s, gap --format json says %s", where, c.Value, want)
		}
		if c.Text == "" {
			t.Errorf("%s: the cell shows nothing", where)
		}
		seen[c.Total+"/"+c.Field] = true
	}
	for i, tot := range totals {
		if jsonString(tot["part"]) != "" {
			continue // a part of the Hague 5%: in the page where a column shows it
		}
		fields := []string{"meeting", "gap_musd"}
		if string(tot["gap_musd"]) == "null" && string(tot["gap_min_musd"]) != "null" && tot["gap_min_musd"] != nil {
			// An undetermined gap (the Hague 5%): the page shows the range
			// of gap_min_musd and gap_max_musd, each with its hook.
			fields = []string{"meeting", "gap_min_musd", "gap_max_musd"}
		}
		for _, field := range fields {
			if !seen[strconv.Itoa(i)+"/"+field] {
				t.Errorf("no cell of the page has gap's totals %d (target %s, %s%%) field %s", i, tot["target"], tot["target_pct"], field)
			}
		}
	}
}

// openEurope opens the report of the European allies on the embedded
// data, with the default targets.
func openEurope(t *testing.T) *browsertest.Page {
	t.Helper()
	return browsertest.OpenFile(t, writeReport(t, "--group", "europe"))
}

// The page loads from a file:// URL with no console error, no CSP
// violation, no exception, no request of any kind and no dialog.
func TestReportLoadsSelfContained(t *testing.T) {
	for _, args := range [][]string{nil, {"--group", "europe", "--aid"}} {
		t.Run(strings.Join(append([]string{"report"}, args...), " "), func(t *testing.T) {
			p := browsertest.OpenFile(t, writeReport(t, args...))
			p.CheckClean()
			if n := browsertest.Eval[int](p, `document.scripts.length + document.querySelectorAll('img,link,iframe,object,embed').length`); n != 0 {
				t.Errorf("%d script, img, link, iframe, object or embed elements: the page loads nothing", n)
			}
		})
	}
}

// Headings and tables by role, in the accessibility tree a screen reader
// gets: one heading of level 1, levels in order, every table named by its
// caption with column headers, the gap table with a row header for each
// country and its total, every chart an image with a name, every table in
// a named region that scrolls.
func TestReportHeadingsAndTablesByRole(t *testing.T) {
	p := openEurope(t)
	ax := p.AXTree()
	for _, prob := range browsertest.Outline(ax) {
		t.Error(prob)
	}
	for _, prob := range browsertest.Tables(ax) {
		t.Error(prob)
	}
	hs := ax.Find("heading")
	if len(hs) == 0 || hs[0].Level != 1 || hs[0].Name != "NATO defence spending against its targets in 2026: European allies" {
		t.Errorf("the first heading %+v, want the level-1 title of 2026's report on the European allies", hs)
	}
	var h2 []string
	for _, h := range hs {
		if h.Level == 2 {
			h2 = append(h2, h.Name)
		}
	}
	for _, want := range []string{"Summary", "Charts", "Sources"} {
		if !slices.Contains(h2, want) {
			t.Errorf("the sections (level 2) %q lack %q", h2, want)
		}
	}
	// The gap table: gap's columns, a row header for each European ally
	// and one for the total row.
	var gapTable *browsertest.AXNode
	for _, tb := range ax.Find("table") {
		if slices.Contains(browsertest.ColumnHeaders(tb), "Country") && strings.HasPrefix(tb.Name, "Gap to ") {
			gapTable = tb
			break
		}
	}
	if gapTable == nil {
		t.Fatal("no table named \"Gap to ...\" with a column header \"Country\"")
	}
	cols := browsertest.ColumnHeaders(gapTable)
	for _, want := range []string{"Code", "Country", "Share %", "Gap hague-core 3.5% $bn", "Status hague 5%"} {
		if !slices.Contains(cols, want) {
			t.Errorf("the gap table %q: column headers %q lack %q", gapTable.Name, cols, want)
		}
	}
	code, out, errOut := clitest.Run(t, 0, nil, "countries", "--group", "europe", "--format", "json")
	if code != 0 {
		t.Fatalf("countries --group europe: exit %d: %s", code, errOut)
	}
	var countries struct{ Countries []json.RawMessage }
	if err := json.Unmarshal([]byte(out), &countries); err != nil || len(countries.Countries) == 0 {
		t.Fatalf("countries --group europe --format json: %v\n%s", err, out)
	}
	if got, want := len(gapTable.Find("rowheader")), len(countries.Countries)+1; got != want {
		t.Errorf("the gap table has %d row headers, want %d: one per European ally, and the total", got, want)
	}
	images := ax.Find("image")
	if len(images) != 4 {
		t.Errorf("%d images (svg role=img), want the 4 charts", len(images))
	}
	for i, img := range images {
		if strings.TrimSpace(img.Name) == "" {
			t.Errorf("chart %d has no accessible name", i+1)
		}
	}
	// Each table scrolls in a region a keyboard can reach, named.
	regions := browsertest.Eval[[]string](p, `[...document.querySelectorAll('table')].filter(t => {
	  const s = t.closest('.scroll');
	  return !s || s.getAttribute('role') !== 'region' || s.tabIndex < 0 || !(s.getAttribute('aria-label') || s.getAttribute('aria-labelledby'));
	}).map(t => t.id || t.querySelector('caption')?.textContent || '?')`)
	for _, r := range regions {
		t.Errorf("table %q is not in a named .scroll region a keyboard can reach (tabindex=0)", r)
	}
}

// At 375 px the page does not scroll sideways: nothing is wider than the
// screen but inside a table's scroll container. No chart cuts off a text
// of its own, on a phone or a desktop.
func TestReportFitsAPhone(t *testing.T) {
	for _, args := range [][]string{nil, {"--group", "europe", "--aid"}} {
		t.Run(strings.Join(append([]string{"report"}, args...), " "), func(t *testing.T) {
			p := browsertest.OpenFile(t, writeReport(t, args...))
			p.CheckFits(375)
			p.CheckNoClippedText()
			// A caption scrolls with its table, but its text stays on the
			// screen: a wide table's caption wraps within the phone's width
			// instead of running off it.
			if off := browsertest.Eval[[]string](p, `[...document.querySelectorAll('caption')].filter(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(c => c.textContent.slice(0, 60))`); len(off) > 0 {
				t.Errorf("captions run off a 375 px screen: %q", off)
			}
			p.SetViewport(1280, 800, 1, false)
			p.CheckNoClippedText()
		})
	}
}

// Printing to PDF succeeds, and the PDF's text (as pdftotext reads it)
// holds the title, the gap table's caption and the sources.
func TestReportPrintsToPDF(t *testing.T) {
	p := openEurope(t)
	text := browsertest.PDFText(t, p.PDF())
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		browsertest.Eval[string](p, `document.title`),
		browsertest.Eval[string](p, `document.querySelector('h1').textContent`),
		"Gap to nato-2014 2%, uk-2027 2.5%, hague-core 3.5%",
		"Sources",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}

// hostileData writes data files whose names and notes are HTML and
// script: two countries, a group of them, and a release of their
// figures; it returns the folder.
func hostileData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"countries.yaml": `kind: countries
countries:
  QMA:
    name: "<script>alert(1)</script>"
    nato_since: 2000
  QMB:
    name: "\"><img src=x onerror=alert(4)>"
    nato_since: 2000
  QMC:
    name: "<b onmouseover=alert(11)>Q</b>"
    nato_since: 2000
    defence_reported: false
    note: "see [javascript:alert(2)](javascript:alert(2)) and <a href=javascript:alert(3)>this</a>"
`,
		"groups.yaml": `kind: groups
groups:
  hostile:
    name: "</title><script>alert(5)</script>"
    membership: nato
    members: [QMA, QMB, QMC]
`,
		"release.yaml": `kind: release
id: hostile-2026
series: defence
title: "<svg onload=alert(6)>"
publisher: "<iframe src=javascript:alert(7)>"
published: 2026-01-01
url: https://example.org/a?b=<script>alert(8)</script>
notes:
  - "'><script>alert(9)</script> [click](javascript:alert(10))"
figures:
  QMA:
    2026: {gdp_musd: 1000, defence_musd: 20, share_pct: 2, note: "<style>body{display:none}</style>"}
  QMB:
    2026: {gdp_musd: 2000, defence_musd: 30, share_pct: 1.5}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A --data file of hostile names runs no script, loads nothing and shows
// the names as text: with the page's Content-Security-Policy, and without
// it (the escaping alone).
func TestReportHostileNamesRunNoScript(t *testing.T) {
	path := writeReport(t, "--data", hostileData(t), "--release", "hostile-2026", "--year", "2026", "--group", "hostile", "--target", "nato-2014")
	for _, opts := range [][]browsertest.Option{nil, {browsertest.BypassCSP()}} {
		name := "with its policy"
		if opts != nil {
			name = "policy bypassed"
		}
		t.Run(name, func(t *testing.T) {
			p := browsertest.OpenFile(t, path, opts...)
			p.CheckClean() // no dialog (alert), no request (img src=x, iframe), no error
			counts := browsertest.Eval[map[string]int](p, `({
			  script: document.scripts.length,
			  img: document.images.length,
			  iframe: document.querySelectorAll('iframe').length,
			  jslink: [...document.querySelectorAll('[href],[src]')].filter(e => /^\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src'))).length,
			  onattr: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
			  hiddenBody: getComputedStyle(document.body).display === 'none' ? 1 : 0,
			})`)
			for what, n := range counts {
				if n != 0 {
					t.Errorf("%d %s in the page built from hostile names", n, what)
				}
			}
			text := browsertest.Eval[string](p, `document.body.innerText`)
			for _, want := range []string{"<script>alert(1)</script>", `"><img src=x onerror=alert(4)>`, "<b onmouseover=alert(11)>Q</b>",
				"see [javascript:alert(2)](javascript:alert(2)) and <a href=javascript:alert(3)>this</a>"} {
				if !strings.Contains(text, want) {
					t.Errorf("the page's text lacks the name %q as text", want)
				}
			}
			// The charts drew the names too (as SVG text).
			if n := browsertest.Eval[int](p, `[...document.querySelectorAll('svg text')].filter(e => e.textContent.includes('<script>alert(1)</script>')).length`); n == 0 {
				t.Errorf("no chart shows the name <script>alert(1)</script> as text")
			}
			if title := browsertest.Eval[string](p, `document.title`); !strings.Contains(title, "</title><script>alert(5)</script>") {
				t.Errorf("the title %q lacks the group's name as text", title)
			}
		})
	}
}

// The README's screenshot, docs/img/report.png: the top of the report on
// the embedded data, 1000x1400 CSS pixels at scale 1. UPDATE_SCREENSHOT=1
// rewrites it (when its pixels changed); otherwise the test checks that
// the file is a PNG of that size (no bytes compared: fonts differ from
// machine to machine).
func TestScreenshot(t *testing.T) {
	const width, height = 1000, 1400
	const file = "../../../docs/img/report.png"
	p := browsertest.OpenFile(t, writeReport(t))
	p.SetViewport(width, height, 1, false)
	shot := p.Screenshot()
	checkPNG(t, "the screenshot", shot, width, height)
	old, err := os.ReadFile(file)
	if os.Getenv("UPDATE_SCREENSHOT") != "" {
		if err == nil && samePixels(t, old, shot) {
			t.Logf("%s: the same pixels, left as it is", file)
			return
		}
		if err := os.WriteFile(file, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", file, len(shot))
		return
	}
	if err != nil {
		t.Fatalf("%v (regenerate it: UPDATE_SCREENSHOT=1 go test ./pkg/cli/reportcmd -run TestScreenshot)", err)
	}
	checkPNG(t, file, old, width, height)
}

func checkPNG(t *testing.T, what string, b []byte, width, height int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if r := img.Bounds(); r.Dx() != width || r.Dy() != height {
		t.Errorf("%s: %dx%d pixels, want %dx%d", what, r.Dx(), r.Dy(), width, height)
	}
}

// samePixels reports whether two PNGs hold the same image.
func samePixels(t *testing.T, a, b []byte) bool {
	t.Helper()
	ia, err1 := png.Decode(bytes.NewReader(a))
	ib, err2 := png.Decode(bytes.NewReader(b))
	if err1 != nil || err2 != nil || ia.Bounds() != ib.Bounds() {
		return false
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if ia.At(x, y) != ib.At(x, y) {
				return false
			}
		}
	}
	return true
}
