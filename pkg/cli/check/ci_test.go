package check_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// run runs natospend in process with the given environment.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return clitest.Run(t, 0, env, args...)
}

// jsonVerdicts is what check --format json says, the reference the other
// formats are checked against.
type jsonVerdicts struct {
	Targets  []string `json:"targets"`
	Verdicts []struct {
		Code    string `json:"code"`
		Name    string `json:"name"`
		Status  string `json:"status"`
		Trend   string `json:"trend"`
		Outcome string `json:"outcome"`
		Reason  string `json:"reason"`
	} `json:"verdicts"`
	ExitCode int `json:"exit_code"`
}

func checkJSON(t *testing.T, env map[string]string, args ...string) jsonVerdicts {
	t.Helper()
	code, out, errOut := run(t, env, append(append([]string{"check"}, args...), "--format", "json")...)
	var v jsonVerdicts
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("check %v --format json: exit %d, %v\n%s", args, code, err, errOut)
	}
	if v.ExitCode != code {
		t.Fatalf("check %v --format json: exit %d, document says %d", args, code, v.ExitCode)
	}
	return v
}

// flagSets cover every exit code and outcome: short (3), missing (4),
// allowed missing (0), all meet (0), skip (Iceland), two targets, the
// trend.
var flagSets = [][]string{
	{"--target", "2", "--group", "europe"},
	{"--target", "2", "--country", "ISL,POL"},
	{"--target", "2", "--release", "nato-2025-08", "--country", "DEU,POL"},
	{"--target", "2", "--release", "nato-2025-08", "--country", "DEU,POL", "--allow-missing"},
	{"--target", "2,hague", "--country", "SVN,POL,ISL,DEU"},
	{"--target", "3.5", "--by", "2030", "--country", "DEU,GBR,POL", "--on-track"},
	{"--target", "3.5", "--group", "nato"},
}

// Every format exits with the code check --format json reports.
func TestCIFormatsExitCodes(t *testing.T) {
	for _, flags := range flagSets {
		want := checkJSON(t, nil, flags...).ExitCode
		for _, f := range []string{"markdown", "junit", "github", "text", "tsv"} {
			if code, _, errOut := run(t, nil, append(append([]string{"check"}, flags...), "--format", f)...); code != want {
				t.Errorf("check %v --format %s: exit %d, json says %d\n%s", flags, f, code, want, errOut)
			}
		}
	}
}

// The acceptance example: exit 3 and a table. nato-2026-07: Slovenia 1.61%
// of GDP in 2026, (2 - 1.61) / 100 x 86,525 = 337.4 USD million short,
// $0.3 bn; the only European ally below 2%.
func TestMarkdownEurope(t *testing.T) {
	code, out, errOut := run(t, nil, "check", "--target", "2", "--group", "europe", "--format", "markdown")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, errOut)
	}
	if !strings.HasPrefix(out, "### ❌ natospend check: 1 short, 0 without a verdict, of 29 countries checked against 2%; 1 of the 30 selected publishes no defence figure\n") {
		t.Errorf("heading:\n%s", out)
	}
	page := commonMark(t, out)
	tables := regexp.MustCompile(`(?s)<table>.*?</table>`).FindAllString(page, -1)
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2 (short; the rest in <details>):\n%s", len(tables), page)
	}
	row := `<tr>
<td style="text-align:left">SVN</td>
<td style="text-align:left">Slovenia</td>
<td style="text-align:left">2%</td>
<td style="text-align:right">2026</td>
<td style="text-align:right">1.61</td>
<td style="text-align:right">0.3</td>
<td style="text-align:left">short</td>
<td style="text-align:left">2%: 1.61% of GDP in 2026, $0.3 bn short</td>
</tr>`
	if strings.Count(tables[0], "<tr>") != 2 || !strings.Contains(tables[0], row) {
		t.Errorf("the first table is not a header and Slovenia's row:\n%s", tables[0])
	}
	v := checkJSON(t, nil, "--target", "2", "--group", "europe")
	if n := strings.Count(tables[1], "<tr>") - 1; n != len(v.Verdicts)-1 {
		t.Errorf("%d rows folded, want the %d other verdicts", n, len(v.Verdicts)-1)
	}
	if !strings.Contains(page, "<details><summary>The other 29 verdicts: 28 meet the target, 1 for a country that publishes no defence figure</summary>") ||
		!strings.Contains(page, `<td style="text-align:left">ISL</td>`) {
		t.Errorf("no <details> with the 28 that meet and Iceland:\n%s", page)
	}
	if !strings.Contains(page, "<p>Source: NATO, Defence Expenditure of NATO Countries (2014-2026) (nato-2026-07), published 2026-06, cut-off not given by the sources read") {
		t.Errorf("no Source line:\n%s", page)
	}

	// Without Slovenia every ally meets 2%: exit 0, no open table.
	code, out, _ = run(t, nil, "check", "--target", "2", "--group", "europe", "--exclude", "SVN", "--format", "markdown")
	page = commonMark(t, out)
	if code != 0 || !strings.HasPrefix(out, "### ✅ natospend check: 0 short, 0 without a verdict, of 28 countries checked against 2%") ||
		strings.Count(page, "<table>") != 1 || strings.Contains(page, "<strong>Short") ||
		!strings.Contains(page, "<details><summary>All 29 verdicts: 28 meet the target, 1 for a country that publishes no defence figure</summary>") {
		t.Errorf("all meet: exit %d\n%s", code, out)
	}
}

// Every named target at once, on every ally, stays far under GitHub's
// 1 MiB (MaxJobSummary is below it).
func TestMarkdownEveryTarget(t *testing.T) {
	_, out, _ := run(t, nil, "targets", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 || recs[0][0] != "id" || !slices.Contains(recs[0], "measure") {
		t.Fatalf("targets --format csv: %v\n%s", err, out)
	}
	col := slices.Index(recs[0], "measure")
	byMeasure := map[string][]string{}
	for _, r := range recs[1:] {
		byMeasure[r[col]] = append(byMeasure[r[col]], r[0])
	}
	if len(byMeasure["share"]) < 5 {
		t.Fatalf("named targets of GDP: %v", byMeasure["share"])
	}
	for measure, ids := range byMeasure {
		args := []string{"check", "--target", strings.Join(ids, ",") + ",2,3.5", "--group", "nato", "--format", "markdown"}
		if measure != "share" {
			args = []string{"check", "--target", strings.Join(ids, ","), "--measure", measure, "--group", "nato", "--format", "markdown"}
		}
		code, out, errOut := run(t, nil, args...)
		if code != 3 && code != 4 && code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut)
		}
		if len(out) > render.MaxJobSummary || render.MaxJobSummary >= 1<<20 {
			t.Errorf("%v: %d bytes, over %d (GitHub takes 1 MiB, %d bytes)", args, len(out), render.MaxJobSummary, 1<<20)
		}
		if strings.Count(commonMark(t, out), "<table>") < 1 {
			t.Errorf("%v: no table", args)
		}
	}
}

type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
	Suites   []struct {
		Name      string `xml:"name,attr"`
		Tests     int    `xml:"tests,attr"`
		Failures  int    `xml:"failures,attr"`
		Skipped   int    `xml:"skipped,attr"`
		Timestamp string `xml:"timestamp,attr"`
		Cases     []struct {
			Name    string `xml:"name,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// JUnit against the JSON's verdicts, for the same flags: a suite per
// target in the JSON's order, a case per verdict (the targets' verdicts in
// turn), a failure exactly where the outcome is fail, a skip where it is
// missing or skip, with the reason as the message; valid against the
// schema; the same bytes twice.
func TestJUnitMatchesJSON(t *testing.T) {
	dir := t.TempDir()
	for i, flags := range flagSets {
		want := checkJSON(t, nil, flags...)
		args := append(append([]string{"check"}, flags...), "--format", "junit")
		_, out, _ := run(t, nil, args...)
		if _, again, _ := run(t, nil, args...); again != out {
			t.Errorf("%v: two runs differ", flags)
		}
		if strings.Contains(out, "timestamp") {
			t.Errorf("%v: a timestamp without SOURCE_DATE_EPOCH", flags)
		}
		file := filepath.Join(dir, fmt.Sprintf("junit%d.xml", i))
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		testenv.ValidateJUnit(t, file)
		var doc junitDoc
		if err := xml.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v: %v\n%s", flags, err, out)
		}
		if len(doc.Suites) != len(want.Targets) {
			t.Fatalf("%v: %d suites, want one per target %v", flags, len(doc.Suites), want.Targets)
		}
		// The JSON lists verdicts country by country, targets inside.
		var fails, skips, n int
		for si, s := range doc.Suites {
			if !strings.HasPrefix(s.Name, want.Targets[si]) {
				t.Errorf("%v: suite %d is %q, want target %q", flags, si, s.Name, want.Targets[si])
			}
			var sf, ss int
			for ci, c := range s.Cases {
				v := want.Verdicts[ci*len(doc.Suites)+si]
				if c.Name != v.Name+" ("+v.Code+")" {
					t.Errorf("%v: case %q, want %s (%s)", flags, c.Name, v.Name, v.Code)
				}
				switch v.Outcome {
				case "fail":
					sf++
					if c.Failure == nil || c.Skipped != nil || c.Failure.Message != v.Reason || (c.Failure.Type != v.Status && c.Failure.Type != v.Trend) {
						t.Errorf("%v: %s: want a failure %q, got %+v %+v", flags, v.Code, v.Reason, c.Failure, c.Skipped)
					}
				case "missing", "skip":
					ss++
					if c.Skipped == nil || c.Failure != nil || c.Skipped.Message != v.Reason {
						t.Errorf("%v: %s: want a skip %q, got %+v %+v", flags, v.Code, v.Reason, c.Failure, c.Skipped)
					}
				case "pass":
					if c.Failure != nil || c.Skipped != nil {
						t.Errorf("%v: %s passes, got %+v %+v", flags, v.Code, c.Failure, c.Skipped)
					}
				default:
					t.Errorf("%v: outcome %q", flags, v.Outcome)
				}
				n++
			}
			if s.Tests != len(s.Cases) || s.Failures != sf || s.Skipped != ss {
				t.Errorf("%v: suite %q counts %d/%d/%d, want %d/%d/%d", flags, s.Name, s.Tests, s.Failures, s.Skipped, len(s.Cases), sf, ss)
			}
			fails += sf
			skips += ss
		}
		if n != len(want.Verdicts) || doc.Tests != n || doc.Failures != fails || doc.Skipped != skips {
			t.Errorf("%v: %d cases (root %d tests, %d failures, %d skipped), want %d verdicts", flags, n, doc.Tests, doc.Failures, doc.Skipped, len(want.Verdicts))
		}
	}
}

func TestJUnitSourceDateEpoch(t *testing.T) {
	env := map[string]string{"SOURCE_DATE_EPOCH": "1780000000"} // 2026-05-28 20:26:40 UTC
	_, out, _ := run(t, env, "check", "--target", "2,3.5", "--country", "POL", "--format", "junit")
	if n := strings.Count(out, ` timestamp="2026-05-28T20:26:40"`); n != 2 {
		t.Errorf("%d suites stamped 2026-05-28T20:26:40, want 2:\n%s", n, out)
	}
	code, out, errOut := run(t, map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, "check", "--country", "POL", "--format", "junit")
	if code != 2 || out != "" || !strings.Contains(errOut, `SOURCE_DATE_EPOCH="yesterday" is not a time`) {
		t.Errorf("a bad SOURCE_DATE_EPOCH: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// writeOddData writes a user data directory of two made-up countries whose
// names hold what workflow commands must escape.
func writeOddData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"countries.yaml": "kind: countries\ncitation: natospend test fixture, not real countries\ncountries:\n" +
			"  XPC: {name: \"100% Land: North, South\"}\n  XND: {name: \"Nodata, Inc: 5%\"}\n",
		"groups.yaml": "kind: groups\ncitation: natospend test fixture\ngroups:\n  odd:\n    name: Odd names\n    members: [XPC, XND]\n",
		"release.yaml": "kind: release\nid: test-ci-2026\nseries: defence\ntitle: Odd names (test fixture)\npublisher: natospend tests\n" +
			"published: 2026-01-01\nurl: https://example.org/natospend-ci-test\nfigures:\n" +
			"  XPC:\n    2026: {gdp_musd: 1000, share_pct: 1.5, defence_musd: 15}\n" +
			"  XND:\n    2025: {gdp_musd: 1000, share_pct: 2.5, defence_musd: 25}\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Workflow commands, line by line. XPC: 1.5% of a GDP of 1,000 USD
// million, (2 - 1.5) / 100 x 1000 = 5 USD million short ("less than
// $0.1 bn"); XND has figures for 2025 only: no verdict for 2026.
func TestGitHubCommandsOddNames(t *testing.T) {
	dir := writeOddData(t)
	code, out, errOut := run(t, nil, "check", "--data", dir, "--group", "odd", "--release", "test-ci-2026", "--year", "2026", "--format", "github")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, errOut)
	}
	want := []string{
		"::error title=100%25 Land%3A North%2C South (XPC) short of 2%25::2%25: 1.50%25 of GDP in 2026, less than $0.1 bn short",
		"::warning title=Nodata%2C Inc%3A 5%25 (XND) without a verdict on 2%25::2%25: no figures for 2026 in release test-ci-2026",
	}
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
	// A newline cannot reach a command from a data file: the loader
	// refuses control characters in every text (so the escapes of CR and
	// LF are tested on render.GitHubCommands alone).
	bad := filepath.Join(t.TempDir(), "countries.yaml")
	if err := os.WriteFile(bad, []byte("kind: countries\ncitation: test\ncountries:\n  XNL: {name: \"a\\n::error::b\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, nil, "check", "--data", bad, "--country", "XNL", "--format", "github"); code != 1 || out != "" || !strings.Contains(errOut, "U+000A") {
		t.Errorf("a name with a newline: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// At most 10 errors, then a notice with the count left out: the count is
// the JSON's failures less 10.
func TestGitHubCommandsLimit(t *testing.T) {
	v := checkJSON(t, nil, "--target", "3.5", "--group", "nato")
	fails := 0
	for _, x := range v.Verdicts {
		if x.Outcome == "fail" {
			fails++
		}
	}
	if fails <= 10 {
		t.Fatalf("%d allies short of 3.5%%: the test needs more than 10", fails)
	}
	_, out, _ := run(t, nil, "check", "--target", "3.5", "--group", "nato", "--format", "github")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 11 {
		t.Fatalf("%d lines, want 10 errors and a notice:\n%s", len(lines), out)
	}
	for i, l := range lines[:10] {
		if !strings.HasPrefix(l, "::error title=") {
			t.Errorf("line %d: %q", i+1, l)
		}
	}
	wantNotice := fmt.Sprintf("::notice::%d more short verdicts not shown: GitHub shows at most 10 error annotations per step (check --format markdown or json lists every verdict)", fails-10)
	if lines[10] != wantNotice {
		t.Errorf("last line %q, want %q", lines[10], wantNotice)
	}
}

func commonMark(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
