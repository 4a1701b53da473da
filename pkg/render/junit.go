package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// JUnit XML, the test report format that Jenkins, GitLab and the GitHub
// test-reporter actions read: a <testsuites> root, one <testsuite> per
// suite with its counts, one <testcase> per case, holding a <failure> or
// a <skipped> element, or nothing for a case that passed. See
// pkg/render/testdata/junit.xsd for the structure it keeps to.

// JUnitReport is a JUnit document.
type JUnitReport struct {
	Name   string
	Suites []JUnitSuite
	// Timestamp, when not zero, is written on every suite (UTC, to the
	// second, xs:dateTime without a zone as Ant writes it); zero writes
	// none, so that the same input gives the same bytes.
	Timestamp time.Time
}

// JUnitSuite is one test suite.
type JUnitSuite struct {
	Name       string
	Properties []JUnitProperty
	Cases      []JUnitCase
}

// JUnitProperty is a name and value of a suite's <properties>.
type JUnitProperty struct {
	Name, Value string
}

// JUnitCase is one test case: passed when Failure and Skipped are nil.
// Setting both is an error.
type JUnitCase struct {
	Name      string
	ClassName string
	Failure   *JUnitResult
	Skipped   *JUnitResult
}

// JUnitResult is a failure or a skip: a short message (an attribute), a
// type (failures only) and a longer text (the element's content).
type JUnitResult struct {
	Message string
	Type    string
	Text    string
}

type xmlSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Name     string     `xml:"name,attr,omitempty"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Errors   int        `xml:"errors,attr"`
	Skipped  int        `xml:"skipped,attr"`
	Suites   []xmlSuite `xml:"testsuite"`
}

type xmlSuite struct {
	Name       string         `xml:"name,attr"`
	Tests      int            `xml:"tests,attr"`
	Failures   int            `xml:"failures,attr"`
	Errors     int            `xml:"errors,attr"`
	Skipped    int            `xml:"skipped,attr"`
	Timestamp  string         `xml:"timestamp,attr,omitempty"`
	Properties *xmlProperties `xml:"properties"`
	Cases      []xmlCase      `xml:"testcase"`
}

type xmlProperties struct {
	Props []xmlProperty `xml:"property"`
}

type xmlProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type xmlCase struct {
	Name      string     `xml:"name,attr"`
	ClassName string     `xml:"classname,attr,omitempty"`
	Failure   *xmlResult `xml:"failure"`
	Skipped   *xmlResult `xml:"skipped"`
}

type xmlResult struct {
	Message string `xml:"message,attr,omitempty"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// JUnit writes r as JUnit XML, indented, in the order given. Counts are
// worked out from the cases (errors is always 0: a case is a verdict, not
// a run that could crash). Text that XML cannot hold (control characters
// other than tab and line breaks) is replaced with U+FFFD by the encoder;
// everything else is escaped. Nothing is written on an error.
func JUnit(w io.Writer, r *JUnitReport) error {
	doc := xmlSuites{Name: r.Name}
	ts := ""
	if !r.Timestamp.IsZero() {
		ts = r.Timestamp.UTC().Format("2006-01-02T15:04:05")
	}
	for _, s := range r.Suites {
		xs := xmlSuite{Name: s.Name, Tests: len(s.Cases), Timestamp: ts}
		if len(s.Properties) > 0 {
			xs.Properties = &xmlProperties{}
			for _, p := range s.Properties {
				xs.Properties.Props = append(xs.Properties.Props, xmlProperty(p))
			}
		}
		for _, c := range s.Cases {
			if c.Failure != nil && c.Skipped != nil {
				return fmt.Errorf("render: JUnit case %q of suite %q both failed and skipped", c.Name, s.Name)
			}
			xc := xmlCase{Name: c.Name, ClassName: c.ClassName}
			if c.Failure != nil {
				xs.Failures++
				xc.Failure = &xmlResult{Message: c.Failure.Message, Type: c.Failure.Type, Text: c.Failure.Text}
			}
			if c.Skipped != nil {
				xs.Skipped++
				xc.Skipped = &xmlResult{Message: c.Skipped.Message, Text: c.Skipped.Text}
			}
			xs.Cases = append(xs.Cases, xc)
		}
		doc.Tests += xs.Tests
		doc.Failures += xs.Failures
		doc.Skipped += xs.Skipped
		doc.Suites = append(doc.Suites, xs)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}
