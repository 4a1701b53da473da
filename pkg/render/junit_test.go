package render

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/natospend/natospend/internal/testenv"
)

func junitSample() *JUnitReport {
	return &JUnitReport{Name: "natospend check", Suites: []JUnitSuite{
		{Name: "2%", Properties: []JUnitProperty{{Name: "release", Value: "r<1>"}}, Cases: []JUnitCase{
			{Name: "A & B (XAB)", ClassName: "2%", Failure: &JUnitResult{Message: `short "by" <1>`, Type: "short", Text: "line1\nline2 \x1b"}},
			{Name: "C (XC)", ClassName: "2%"},
			{Name: "D (XD)", ClassName: "2%", Skipped: &JUnitResult{Message: "no data"}},
		}},
		{Name: "3.5%", Cases: []JUnitCase{{Name: "C (XC)", Failure: &JUnitResult{Message: "m"}}}},
	}}
}

// parsed is what a JUnit reader takes from the document.
type parsed struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
	Suites   []struct {
		Name      string `xml:"name,attr"`
		Tests     int    `xml:"tests,attr"`
		Failures  int    `xml:"failures,attr"`
		Skipped   int    `xml:"skipped,attr"`
		Timestamp string `xml:"timestamp,attr"`
		Props     []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Name    string `xml:"name,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnit(t *testing.T) {
	var a, b bytes.Buffer
	if err := JUnit(&a, junitSample()); err != nil {
		t.Fatal(err)
	}
	if err := JUnit(&b, junitSample()); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || strings.Contains(a.String(), "timestamp") {
		t.Errorf("not deterministic, or a timestamp without one asked:\n%s", a.String())
	}
	var p parsed
	if err := xml.Unmarshal(a.Bytes(), &p); err != nil {
		t.Fatalf("%v\n%s", err, a.String())
	}
	if p.Tests != 4 || p.Failures != 2 || p.Skipped != 1 || len(p.Suites) != 2 {
		t.Fatalf("root counts %d/%d/%d, %d suites; want 4 tests, 2 failures, 1 skipped, 2 suites", p.Tests, p.Failures, p.Skipped, len(p.Suites))
	}
	s := p.Suites[0]
	if s.Name != "2%" || s.Tests != 3 || s.Failures != 1 || s.Skipped != 1 || len(s.Props) != 1 || s.Props[0].Value != "r<1>" {
		t.Errorf("suite 1: %+v", s)
	}
	c := s.Cases[0]
	// Text is escaped and comes back as written; ESC, which XML 1.0 cannot
	// hold, comes back as U+FFFD.
	if c.Name != "A & B (XAB)" || c.Failure == nil || c.Failure.Message != `short "by" <1>` || c.Failure.Type != "short" || c.Failure.Text != "line1\nline2 \uFFFD" {
		t.Errorf("case 1: %+v %+v", c, c.Failure)
	}
	if s.Cases[1].Failure != nil || s.Cases[1].Skipped != nil || s.Cases[2].Skipped == nil || s.Cases[2].Skipped.Message != "no data" {
		t.Errorf("cases 2, 3: %+v", s.Cases[1:])
	}
	if p.Suites[1].Tests != 1 || p.Suites[1].Failures != 1 {
		t.Errorf("suite 2: %+v", p.Suites[1])
	}
	file := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(file, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	testenv.ValidateJUnit(t, file)
}

func TestJUnitTimestamp(t *testing.T) {
	r := junitSample()
	r.Timestamp = time.Unix(1700000000, 0) // 2023-11-14 22:13:20 UTC
	var buf bytes.Buffer
	if err := JUnit(&buf, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), ` timestamp="2023-11-14T22:13:20"`); n != 2 {
		t.Errorf("%d suites with the timestamp, want 2:\n%s", n, buf.String())
	}
}

func TestJUnitFailedAndSkipped(t *testing.T) {
	r := junitSample()
	r.Suites[0].Cases[0].Skipped = &JUnitResult{}
	var buf bytes.Buffer
	if err := JUnit(&buf, r); err == nil || buf.Len() != 0 {
		t.Errorf("a case both failed and skipped: err %v, wrote %d bytes", err, buf.Len())
	}
}
