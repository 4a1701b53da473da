package check

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/render"
)

// verdicts is what the CI formats are built from: the verdict lines, the
// exit code and the summary line that counts them.
type verdicts struct {
	o                      *Options
	rep                    *calc.Report
	q                      *calc.Query
	lines                  []calc.Line
	code                   int
	summary                string // the line check prints on stderr
	failWord, failSentence string // "short", "short of" / "off track", "off track for"
	// definitionNotes say which targets are measured on a release of
	// another definition than their own (calc.DefinitionNotes).
	definitionNotes []string
}

// writeCI renders the CI formats (markdown, junit, github) into memory and
// writes them to stdout in one call.
func writeCI(v *verdicts, format string) error {
	var buf bytes.Buffer
	var err error
	switch format {
	case FormatMarkdown:
		err = render.JobSummaryMarkdown(&buf, v.jobSummary())
	case FormatJUnit:
		var r *render.JUnitReport
		r, err = v.junit()
		if err == nil {
			err = render.JUnit(&buf, r)
		}
	case FormatGitHub:
		err = render.GitHubCommands(&buf, v.annotations(), render.GitHubOptions{LeftOut: v.leftOut})
	default:
		err = cmdutil.FlagErrorf("format", "--format %q is not a format", format)
	}
	if err != nil {
		return err
	}
	_, err = v.o.Query.F.IO.Out.Write(buf.Bytes())
	return err
}

func newVerdicts(o *Options, rep *calc.Report, q *calc.Query, lines []calc.Line, code int, summary string, definitionNotes []string) *verdicts {
	v := &verdicts{o: o, rep: rep, q: q, lines: lines, code: code, summary: summary, definitionNotes: definitionNotes,
		failWord: "short", failSentence: "short of"}
	if o.OnTrack {
		v.failWord, v.failSentence = "off track", "off track for"
	}
	return v
}

// passSentence says what n verdicts that pass do.
func (v *verdicts) passSentence(n int) string {
	switch {
	case v.o.OnTrack && n == 1:
		return "is on track for the target"
	case v.o.OnTrack:
		return "are on track for the target"
	case n == 1:
		return "meets the target"
	}
	return "meet the target"
}

// jobSummary is the Markdown job summary: the counts as the heading, the
// verdicts that fail (then those without a verdict) in a table, the rest
// folded, the notes and the Source line.
func (v *verdicts) jobSummary() *render.JobSummary {
	var failing, missing, rest []calc.Line
	pass, skip := 0, 0
	for _, ln := range v.lines {
		switch ln.Outcome(v.o.OnTrack) {
		case calc.OutcomeFail:
			failing = append(failing, ln)
		case calc.OutcomeMissing:
			missing = append(missing, ln)
		case calc.OutcomePass:
			pass++
			rest = append(rest, ln)
		default:
			skip++
			rest = append(rest, ln)
		}
	}
	fs := fields(v.q, v.o.OnTrack)
	mark := map[int]string{cmdutil.ExitOK: "✅", cmdutil.ExitShort: "❌", cmdutil.ExitMissing: "⚠️"}[v.code]
	s := &render.JobSummary{
		Heading: strings.TrimSpace(mark + " natospend " + v.summary),
		Notes: append(append([]string{"Share %: the share the target is measured on, in the year shown (the reason names it); " +
			"Gap $bn: what it would have to add to reach the target, in billion current US dollars, as natospend gap computes it; " +
			"negative: a surplus; -: unknown (the reason says why)."}, checkNotes(v.rep)...), calc.SourceOf(v.rep.Release).Line()),
		LeftOut: func(n int) string {
			return fmt.Sprintf("%s left out, to keep this summary under GitHub's limit of 1 MiB: check --format json lists every verdict.", plural(n, "row", "rows"))
		},
	}
	if len(failing)+len(missing) > 0 {
		title := fmt.Sprintf("%s, then without a verdict", strings.ToUpper(v.failWord[:1])+v.failWord[1:])
		s.Main = render.HumanTable(title, fs, append(failing, missing...), nil, nil)
	}
	if len(rest) > 0 {
		s.Rest = render.HumanTable("", fs, rest, nil, nil)
		var parts []string
		if pass > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", pass, v.passSentence(pass)))
		}
		if skip > 0 {
			parts = append(parts, fmt.Sprintf("%d for a country that publishes no defence figure", skip))
		}
		what := plural(len(rest), "verdict", "verdicts")
		switch {
		case s.Main != nil:
			what = "The other " + what
		case len(rest) > 1:
			what = "All " + what
		default:
			what = "The verdict"
		}
		s.RestSummary = what + ": " + strings.Join(parts, ", ")
	}
	return s
}

// annotations are the GitHub workflow commands: an error per verdict that
// fails, a warning per verdict missing.
func (v *verdicts) annotations() []render.Annotation {
	var errs, warns []render.Annotation
	for _, ln := range v.lines {
		who := fmt.Sprintf("%s (%s)", ln.Name, ln.Code)
		switch ln.Outcome(v.o.OnTrack) {
		case calc.OutcomeFail:
			errs = append(errs, render.Annotation{Level: render.AnnotationError,
				Title: fmt.Sprintf("%s %s %s", who, v.failSentence, targetLabel(ln.Measure)), Message: Reason(ln, v.q, v.o.OnTrack)})
		case calc.OutcomeMissing:
			warns = append(warns, render.Annotation{Level: render.AnnotationWarning,
				Title: fmt.Sprintf("%s without a verdict on %s", who, targetLabel(ln.Measure)), Message: Reason(ln, v.q, v.o.OnTrack)})
		}
	}
	// A target measured on another definition than the one it was agreed
	// on: a notice, so that the caveat is where the verdicts are read.
	var notices []render.Annotation
	for _, n := range v.definitionNotes {
		notices = append(notices, render.Annotation{Level: render.AnnotationNotice, Title: "Target on another definition", Message: n})
	}
	return append(append(errs, warns...), notices...)
}

// leftOut is the notice after the first 10 annotations of a level.
func (v *verdicts) leftOut(level string, n int) string {
	what := "short verdicts"
	switch {
	case level == render.AnnotationWarning:
		what = "verdicts missing"
	case v.o.OnTrack:
		what = "off-track verdicts"
	}
	return fmt.Sprintf("%d more %s not shown: GitHub shows at most %d %s annotations per step (check --format markdown or json lists every verdict)",
		n, what, render.GitHubAnnotationLimit, level)
}

// junit is the JUnit report: a suite per target, a case per country.
func (v *verdicts) junit() (*render.JUnitReport, error) {
	r := &render.JUnitReport{Name: "natospend check"}
	if s := v.o.Query.F.IO.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil || sec < 0 {
			return nil, cmdutil.UsageErrorf("SOURCE_DATE_EPOCH=%q is not a time: expected a whole number of seconds since 1970-01-01 UTC", s)
		}
		r.Timestamp = time.Unix(sec, 0)
	}
	props := []render.JUnitProperty{
		{Name: "release", Value: v.rep.Release.ID},
		{Name: "year", Value: strconv.Itoa(v.rep.Query.Year)},
		{Name: "method", Value: string(v.rep.Query.Method)},
		{Name: "on_track", Value: strconv.FormatBool(v.o.OnTrack)},
		{Name: "allow_missing", Value: strconv.FormatBool(v.o.AllowMissing)},
	}
	index := map[string]int{}
	for _, m := range v.rep.Measures {
		if m.Verdict() {
			index[targetLabel(m)] = len(r.Suites)
			r.Suites = append(r.Suites, render.JUnitSuite{Name: targetLabel(m), Properties: props})
		}
	}
	for _, ln := range v.lines {
		i, ok := index[targetLabel(ln.Measure)]
		if !ok {
			return nil, fmt.Errorf("check: a verdict on %s, a target not in the report", targetLabel(ln.Measure))
		}
		s := &r.Suites[i]
		c := render.JUnitCase{Name: fmt.Sprintf("%s (%s)", ln.Name, ln.Code), ClassName: s.Name}
		reason := Reason(ln, v.q, v.o.OnTrack)
		switch ln.Outcome(v.o.OnTrack) {
		case calc.OutcomeFail:
			c.Failure = &render.JUnitResult{Message: reason, Type: word(ln, v.o.OnTrack), Text: reason}
		case calc.OutcomeMissing, calc.OutcomeSkip:
			c.Skipped = &render.JUnitResult{Message: reason}
		}
		s.Cases = append(s.Cases, c)
	}
	return r, nil
}
