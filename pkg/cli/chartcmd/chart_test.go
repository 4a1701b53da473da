package chartcmd_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/chartcmd"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

var update = flag.Bool("update", false, "rewrite testdata/*.svg from the current output")

// run runs natospend in process in dir and returns the exit code, stderr
// and the bytes of the file it wrote (nil when none).
func run(t *testing.T, dir, file string, args ...string) (int, string, []byte) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	path := filepath.Join(dir, file)
	code := cli.Main(append(args, "--output", path), ios)
	if out.Len() != 0 {
		t.Errorf("%v: wrote to stdout: %q", args, out.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		data = nil
	}
	return code, errOut.String(), data
}

func draw(t *testing.T, file string, args ...string) []byte {
	t.Helper()
	code, errOut, data := run(t, t.TempDir(), file, append([]string{"chart"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return data
}

// texts returns the content of each <text> of an SVG, unescaped; the SVG
// must be well-formed XML without scripts or event attributes.
func texts(t *testing.T, svg []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var out []string
	var cur *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if v.Name.Local == "script" || v.Name.Local == "foreignObject" {
				t.Fatalf("a <%s> element", v.Name.Local)
			}
			for _, a := range v.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || strings.Contains(a.Value, "javascript:") {
					t.Fatalf("attribute %s=%q", a.Name.Local, a.Value)
				}
			}
			if v.Name.Local == "text" {
				cur = &strings.Builder{}
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(v)
			}
		case xml.EndElement:
			if v.Name.Local == "text" && cur != nil {
				out = append(out, cur.String())
				cur = nil
			}
		}
	}
}

var number = regexp.MustCompile(`^-?[0-9][0-9,]*(\.[0-9]+)?%?( e)?$`)

// countryNames are the names of the embedded countries.
func countryNames(t *testing.T) []string {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	ds, err := cli.NewFactory(ios, &cmdutil.GlobalOptions{}).Dataset()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range ds.Countries {
		names = append(names, c.Name)
	}
	return names
}

// classify sorts the texts of a chart into country names (alone, or
// followed by a number: a line's end label), numbers, and the rest, in
// order.
func classify(t *testing.T, svg []byte) (names, numbers, rest []string) {
	all := countryNames(t)
	for _, s := range texts(t, svg) {
		switch {
		case slices.Contains(all, s):
			names = append(names, s)
		case number.MatchString(s):
			numbers = append(numbers, s)
		default:
			name, num, ok := cutLast(s)
			if ok && slices.Contains(all, name) && number.MatchString(num) {
				names = append(names, name)
				continue
			}
			rest = append(rest, s)
		}
	}
	return
}

func cutLast(s string) (string, string, bool) {
	s = strings.TrimSuffix(s, " e")
	i := strings.LastIndex(s, " ")
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// The share chart of the done-when: every text is a country name, a
// number, or one of the chart's own texts below, written out by hand
// (31 allies have a 2026 share: all 32 less Iceland, which publishes
// none); the bars are ordered by share (Lithuania 5.33 first, Slovenia
// 1.61 last, nato-2026-07); the SVG matches testdata/share.svg.
func TestShareSVG(t *testing.T) {
	svg := draw(t, "share.svg", "--kind", "share", "--target", "2,3.5")
	names, numbers, rest := classify(t, svg)
	want := []string{
		"Defence expenditure as a share of GDP in 2026",
		"31 countries with figures, highest first, against 2% and 3.5%; release nato-2026-07 (core definition)",
		"below 2%", "2% to 3.5%", "3.5% or more", "e: estimate", "target",
		"Shares of GDP as the release publishes them (NATO computes its own from constant-price figures); e: estimate.",
		"Not drawn, no figure for 2026: Iceland (not reported).",
		// Three lines: the copy read ("read via") makes it longer than the
		// 1152 pixels one line fits in the Go font and in Helvetica.
		"Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07), published 2026-06, cut-off not given by the sources read,",
		"https://www.nato.int/content/dam/nato/webready/documents/finance/def-exp-2026-en.xlsx, read via",
		"https://github.com/aiutononesistonousername/leave-the-gun-take-the-cannoli/blob/366dedbbf761c480cfe91ca2da7c28a3a079810d/data/processed/nato_defence.csv",
		"Defence expenditure, % of GDP",
	}
	if !slices.Equal(rest, want) {
		t.Errorf("texts other than names and numbers:\n%q\nwant\n%q", rest, want)
	}
	if len(names) != 31 || names[0] != "Lithuania" || names[30] != "Slovenia" || slices.Contains(names, "Iceland") {
		t.Errorf("bars: %d %q", len(names), names)
	}
	for _, n := range []string{"5.33 e", "1.61 e", "2%", "3.5%", "0%", "6%"} {
		if !slices.Contains(numbers, n) {
			t.Errorf("number %q missing from %q", n, numbers)
		}
	}
	golden := filepath.Join("testdata", "share.svg")
	if *update {
		if err := os.WriteFile(golden, svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want2, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, want2) {
		t.Errorf("share.svg differs from %s (rerun with -update, and look at it)", golden)
	}
}

// The same command writes the same bytes, in every format.
func TestDeterministic(t *testing.T) {
	for _, file := range []string{"a.svg", "a.png", "a.pdf"} {
		for _, kind := range [][]string{
			{"--kind", "share", "--target", "2,3.5"},
			{"--kind", "history", "--country", "DEU,POL", "--target", "2"},
		} {
			a, b := draw(t, file, kind...), draw(t, file, kind...)
			if !bytes.Equal(a, b) {
				t.Errorf("%s %v: two runs differ", file, kind)
			}
		}
	}
}

// The PNG is 1200 x 800 and has the bars in its plot area: Lithuania's,
// the first, hatched blue (3.5% or more, an estimate).
func TestSharePNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(draw(t, "share.png", "--kind", "share", "--target", "2,3.5")))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 800 {
		t.Fatalf("size %v", b)
	}
	ink, blue := 0, 0
	for y := 130; y < 660; y++ {
		for x := 200; x < 1100; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 < 250 || g>>8 < 250 || b>>8 < 250 {
				ink++
			}
			if r>>8 == 0x00 && g>>8 == 0x72 && b>>8 == 0xB2 && y < 160 {
				blue++
			}
		}
	}
	if ink < 900*530/5 {
		t.Errorf("only %d pixels of ink in the plot area", ink)
	}
	if blue < 500 {
		t.Errorf("only %d blue pixels where Lithuania's bar is", blue)
	}
}

// Gap, history and path charts: their texts are names, numbers and their
// own labels; what has no figure is named in a note, not drawn.
func TestOtherKinds(t *testing.T) {
	tests := []struct {
		args      []string
		names     []string // the names drawn, in order
		wantTexts []string // among the other texts
	}{
		{[]string{"--kind", "gap", "--target", "3.5", "--country", "USA,POL,ISL,SVN"},
			// USA (3.5 - 3.17)% of GDP, POL (3.5 - 4.68)%: a surplus, last.
			[]string{"United States", "Slovenia", "Poland"},
			[]string{"Gap to 3.5% of GDP in 2026, $bn", "shortfall", "meets (surplus)", "Not drawn, no gap for 2026: Iceland (not reported)."}},
		// Belgium's 2.00% meets 2% with a gap of 0: counted and coloured as
		// meeting; Slovenia (2 - 1.61)% of GDP short, $337.4 m; Poland
		// $30,413.7 m above (the figures of check.txtar's TSV).
		{[]string{"--kind", "gap", "--target", "2", "--country", "BEL,SVN,POL"},
			[]string{"Slovenia", "Belgium", "Poland"},
			[]string{"1 short by $0.3 bn in all, 2 meet it with $30.4 bn to spare; release nato-2026-07 (core definition), method share", "0.3 e", "0.0 e", "-30.4 e"}},
		// Germany 2025 in nato-2025-08: NATO left the share blank, the
		// IMF's GDP is there: the note names what is missing, the share.
		{[]string{"--kind", "gap", "--target", "2", "--release", "nato-2025-08", "--year", "2025", "--country", "DEU,POL"},
			[]string{"Poland"},
			[]string{"Not drawn, no gap for 2025: Germany (no published share of GDP)."}},
		{[]string{"--kind", "history", "--country", "DEU,ISL,POL", "--target", "2", "--year", "2020-2026"},
			// End labels from top to bottom: Poland's 4.68 above Germany's 2.69.
			[]string{"Poland", "Germany"},
			[]string{"Defence expenditure as a share of GDP, 2020-2026", "Year", "Not drawn: Iceland (not reported).", "2%", "2020"}},
		{[]string{"--kind", "path", "--target", "hague-core", "--country", "DEU,FRA"},
			[]string{"Germany", "France"},
			[]string{"Spending path to hague-core 3.5% of GDP by 2035 (linear)", "2029: review", "projected or estimate"}},
	}
	for _, tt := range tests {
		names, numbers, rest := classify(t, draw(t, "c.svg", tt.args...))
		if !slices.Equal(names, tt.names) {
			t.Errorf("%v: names %q, want %q", tt.args, names, tt.names)
		}
		for _, w := range tt.wantTexts {
			if !slices.Contains(rest, w) && !slices.Contains(numbers, w) {
				t.Errorf("%v: text %q missing from %q", tt.args, w, rest)
			}
		}
	}
}

// A user's names and sources reach the chart as text: escaped in the SVG,
// as escaped string literals in the PDF, never as markup.
func TestHostileNames(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "hostile.yaml")
	rel := filepath.Join(dir, "release.yaml")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(data, "kind: countries\ncountries:\n  QHX: {name: \"<script>alert(1)</script> & Co (x)\", nato_since: 1949}\n")
	write(rel, `kind: release
id: my-evil
series: defence
title: "Budget <b>&</b> more"
publisher: "Ministry & <i>Co</i>"
published: 2026-03-01
url: https://example.org/a?b=1&c=<2>
price_basis: current prices and exchange rates
definition: classic
figures:
  QHX:
    2026: {gdp_musd: 1000, defence_musd: 30, share_pct: 3}
  DEU:
    2026: {gdp_musd: 5000000, defence_musd: 100000, share_pct: 2}
`)
	args := []string{"chart", "--data", data, "--data", rel, "--release", "my-evil", "--country", "QHX,DEU", "--target", "2,3.5"}
	code, errOut, svg := run(t, dir, "h.svg", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ts := texts(t, svg)
	for _, want := range []string{"<script>alert(1)</script> & Co (x)", "Source: Ministry & <i>Co</i>, Budget <b>&</b> more (my-evil), published 2026-03-01, cut-off not given by the sources read, https://example.org/a?b=1&c=<2>"} {
		if !slices.Contains(ts, want) {
			t.Errorf("text %q missing from %q", want, ts)
		}
	}
	for _, raw := range []string{"<script", "<b>", "<i>", "& Co", "&c="} {
		if bytes.Contains(svg, []byte(raw)) {
			t.Errorf("%q reached the SVG unescaped", raw)
		}
	}
	if !bytes.Contains(svg, []byte("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co (x)")) {
		t.Errorf("the name is not escaped as expected")
	}
	code, errOut, pdf := run(t, dir, "h.pdf", args...)
	if code != 0 {
		t.Fatalf("pdf: exit %d: %s", code, errOut)
	}
	if !bytes.Contains(pdf, []byte(`(<script>alert\(1\)</script> & Co \(x\)) Tj`)) {
		t.Errorf("the PDF does not hold the name as an escaped string")
	}
	if code, errOut, _ := run(t, dir, "h.png", args...); code != 0 {
		t.Fatalf("png: exit %d: %s", code, errOut)
	}
}

// What cannot be drawn is a usage error (exit 2) that says why, and no
// file is written.
// A target agreed on another definition than the release's: the chart's
// notes say so, as gap's do (nato-2014 is classic, nato-2026-07 core).
func TestDefinitionNote(t *testing.T) {
	for _, kind := range []string{"gap", "share"} {
		all := strings.Join(texts(t, draw(t, "c.svg", "--kind", kind, "--target", "nato-2014", "--country", "POL,DEU")), " ")
		if !strings.Contains(all, "nato-2014 (NATO 2% guideline (Wales 2014)) was agreed on NATO's classic definition of defence expenditure; release nato-2026-07 counts defence on the core definition") ||
			!strings.Contains(all, "use --release nato-2025-08 with a year of 2014-2025") {
			t.Errorf("--kind %s: no definition note in %q", kind, all)
		}
		all = strings.Join(texts(t, draw(t, "c.svg", "--kind", kind, "--target", "nato-2014", "--country", "POL,DEU", "--release", "nato-2025-08", "--year", "2024")), " ")
		if strings.Contains(all, "was agreed on") {
			t.Errorf("--kind %s on a classic release: a definition note in %q", kind, all)
		}
	}
}

// A gap chart with no gap to draw says why, country by country: in 2015
// nato-2025-08 has shares but no GDP, and the IMF's GDP starts in 2021.
func TestNoGapToDraw(t *testing.T) {
	code, errOut, data := run(t, t.TempDir(), "c.svg", "chart", "--kind", "gap", "--release", "nato-2025-08", "--year", "2015", "--country", "DEU,POL")
	if want := "chart: no selected country has a gap for 2015 in nato-2025-08: Germany (no GDP), Poland (no GDP)\n"; code != 1 || !strings.HasSuffix(errOut, want) || data != nil {
		t.Errorf("exit %d, stderr %q, file %v; want 1 and %q", code, errOut, data != nil, want)
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		file string
		args []string
		want string
	}{
		{"c.gif", nil, "the extension says the format: .svg, .png or .pdf"},
		{"c", nil, "the extension says the format"},
		{"c.svg", []string{"--kind", "gap", "--target", "2,3.5"}, "--kind gap draws the gap to one target, got 2"},
		{"c.svg", []string{"--kind", "share", "--target", "2,2.5,3,3.5,5"}, "a share chart marks at most 4 targets, got 5"},
		{"c.svg", []string{"--kind", "history"}, "--kind history draws at most 6 countries, and the selection has 32: name them with --country"},
		{"c.svg", []string{"--kind", "history", "--country", "DEU", "--measure", "equipment"}, "--measure equipment: --kind history draws shares of GDP"},
		{"c.svg", []string{"--kind", "history", "--country", "DEU", "--method", "usd"}, "--method usd: --kind history draws the shares of GDP as published"},
		{"c.svg", []string{"--kind", "path", "--target", "3.5", "--country", "DEU"}, "--kind path needs a deadline: give --by YEAR"},
		{"c.svg", []string{"--kind", "pie"}, `--kind "pie" is not`},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		code, errOut, data := run(t, dir, tt.file, append([]string{"chart"}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tt.args, code, errOut, tt.want)
		}
		if data != nil {
			t.Errorf("%v: a file was written", tt.args)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "chart draws a picture, not for a terminal: give --output FILE.svg, FILE.png or FILE.pdf, or pipe it"},
		{[]string{"--output", "-"}, "give --output FILE.svg, FILE.png or FILE.pdf"},
		{[]string{"--format", "png"}, "png is a binary file: give --output FILE.png, or pipe it"},
		{[]string{"--output", "-", "--format", "pdf"}, "pdf is a binary file: give --output FILE.pdf"},
	} {
		ios, _, out, errOut := iostreams.Test()
		ios.SetTerminal(80)
		if code := cli.Main(append([]string{"chart"}, tt.args...), ios); code != 2 || !strings.Contains(errOut.String(), tt.want) || out.Len() != 0 {
			t.Errorf("%v on a terminal: exit %d, %d bytes out, stderr %q, want 2, none and %q", tt.args, code, out.Len(), errOut, tt.want)
		}
	}
	// --format and the file's extension must agree.
	dir := t.TempDir()
	code, errOut, data := run(t, dir, "c.svg", "chart", "--format", "png")
	if code != 2 || !strings.Contains(errOut, "--format png contradicts --output") || data != nil {
		t.Errorf("--format png --output c.svg: exit %d, stderr %q, wrote %d bytes", code, errOut, len(data))
	}
}

// Without --output (or with -) a chart goes to standard output when it is
// not a terminal (issue 22, item 6): SVG by default, the bytes the same
// command writes to a file; PNG and PDF with --format, with their own
// signatures; on a terminal only an SVG asked for with --format svg.
func TestStdout(t *testing.T) {
	file := draw(t, "c.svg", "--kind", "history", "--country", "DEU,FRA")
	for _, tt := range []struct {
		args  []string
		tty   bool
		start []byte
	}{
		{nil, false, file},
		{[]string{"--output", "-"}, false, file},
		{[]string{"--format", "svg"}, true, file},
		{[]string{"--output", "-", "--format", "png"}, false, []byte("\x89PNG\r\n\x1a\n")},
		{[]string{"--format", "pdf"}, false, []byte("%PDF-")},
	} {
		ios, _, out, errOut := iostreams.Test()
		if tt.tty {
			ios.SetTerminal(80)
		}
		args := append([]string{"chart", "--kind", "history", "--country", "DEU,FRA"}, tt.args...)
		if code := cli.Main(args, ios); code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errOut)
		}
		if !bytes.HasPrefix(out.Bytes(), tt.start) {
			t.Errorf("%v: stdout starts %q, want %q", tt.args, out.Bytes()[:min(out.Len(), 16)], tt.start[:min(len(tt.start), 16)])
		}
	}
}

// No text of a chart overlaps another or crosses a target line (item 10
// of issue 22: "Germany 2.69" was drawn over "United Kingdom 2.56", and
// dashed target lines ran through value labels), on the embedded data:
// the README's four charts, the share chart of every ally against four
// targets (31 bars, the densest chart), the gaps of Europe, and a history
// whose line ends early.
func TestNoCollisions(t *testing.T) {
	defer chartcmd.Inspect(nil)
	for _, args := range [][]string{
		{"--kind", "share", "--target", "2,3.5"},
		{"--kind", "share", "--target", "2,2.5,3,3.5"},
		{"--kind", "share", "--target", "2,3.5", "--year", "2024"},
		{"--kind", "gap", "--target", "3.5"},
		{"--kind", "gap", "--target", "2", "--group", "europe"},
		{"--kind", "history", "--country", "DEU,FRA,GBR,POL,USA,ITA", "--target", "2,3.5"},
		{"--kind", "history", "--country", "DEU,FRA", "--release", "nato-2025-08"},
		{"--kind", "path", "--target", "hague-core", "--country", "DEU,FRA,ITA,ESP"},
	} {
		var got []string
		calls := 0
		chartcmd.Inspect(func(collisions func() ([]string, error)) {
			calls++
			var err error
			if got, err = collisions(); err != nil {
				t.Errorf("%v: %v", args, err)
			}
		})
		draw(t, "c.svg", args...)
		if calls != 1 {
			t.Fatalf("%v: %d charts inspected, want 1", args, calls)
		}
		for _, g := range got {
			t.Errorf("%v: %s", args, g)
		}
	}
}

// A history line that ends before the chart's last year is labelled with
// its own last year, and a note names the year it lacks (issue 22, item
// 6). NATO's August 2025 release (nato-2025-08, "Defence Expenditure of
// NATO Countries (2014-2025)", data/nato-2025-08.yaml) leaves Germany's
// 2025 blank; its 2024 share is 2.0037 (an estimate), France's 2025 share
// 2.0538 (an estimate).
func TestHistoryEndsEarly(t *testing.T) {
	svg := draw(t, "h.svg", "--kind", "history", "--country", "DEU,FRA", "--release", "nato-2025-08")
	all := texts(t, svg)
	for _, want := range []string{
		"Germany 2.00 e (2024)",
		"France 2.05 e",
		"No share of GDP in nato-2025-08: Germany 2025. A line that ends before 2025 is labelled with its own last year.",
	} {
		if !slices.Contains(all, want) {
			t.Errorf("no text %q in %q", want, all)
		}
	}
	if slices.Contains(all, "Germany 2.00 e") {
		t.Errorf("Germany is labelled as if its line reached 2025")
	}
	// A dotted leader joins Germany's last point to its label: the one
	// dashed line of Germany's colour (#0072b2, the first series').
	if n := bytes.Count(svg, []byte(`stroke="#0072b2" stroke-width="1" stroke-dasharray="1.5 2.5"`)); n != 1 {
		t.Errorf("%d leader lines, want 1", n)
	}
	// Both lines reach the last year in the 2026 release: no year in
	// brackets, no note on missing years.
	all = texts(t, draw(t, "h.svg", "--kind", "history", "--country", "DEU,FRA"))
	for _, s := range all {
		if strings.HasPrefix(s, "No share of GDP") || strings.HasSuffix(s, ")") && strings.HasPrefix(s, "Germany") {
			t.Errorf("text %q", s)
		}
	}
}

// A format meant for the commands that print tables (NATOSPEND_FORMAT=csv)
// never breaks chart, whose --format takes svg, png and pdf; one that no
// command takes is still an error, and a chart format from the
// environment is used.
func TestFormatFromEnvironment(t *testing.T) {
	for _, tt := range []struct {
		env   string
		code  int
		start string
	}{
		{"csv", 0, "<?xml"},
		{"json", 0, "<?xml"},
		{"png", 0, "\x89PNG"},
		{"cvs", 2, ""},
	} {
		ios, _, out, errOut := iostreams.Test()
		ios.Getenv = func(k string) string {
			if k == "NATOSPEND_FORMAT" {
				return tt.env
			}
			return ""
		}
		code := cli.Main([]string{"chart", "--country", "DEU"}, ios)
		if code != tt.code || !strings.HasPrefix(out.String(), tt.start) {
			t.Errorf("NATOSPEND_FORMAT=%s: exit %d, stdout %q..., stderr %q; want %d and %q", tt.env, code, out.String()[:min(out.Len(), 8)], errOut, tt.code, tt.start)
		}
	}
}
