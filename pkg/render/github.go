package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
)

// GitHub Actions workflow commands (annotations), as documented in
// "Workflow commands for GitHub Actions"
// (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions):
//
//	::error title=TITLE::MESSAGE
//	::warning title=TITLE::MESSAGE
//	::notice::MESSAGE
//
// GitHub shows at most 10 annotations of each level per step, and drops the
// rest without a word: GitHubCommands writes at most GitHubAnnotationLimit
// of each level, then one notice with the count it left out.

// Annotation levels.
const (
	AnnotationError   = "error"
	AnnotationWarning = "warning"
	AnnotationNotice  = "notice"
)

// GitHubAnnotationLimit is how many annotations of one level GitHub shows
// for a step.
const GitHubAnnotationLimit = 10

// Annotation is one workflow command: its level (AnnotationError, ...), a
// title (a property: may be empty) and the message.
type Annotation struct {
	Level   string
	Title   string
	Message string
}

// GitHubOptions tunes GitHubCommands.
type GitHubOptions struct {
	// LeftOut is the message of the notice that ends the annotations of a
	// level of which n were left out (over GitHubAnnotationLimit). Nil:
	// "N more LEVELs left out (GitHub shows at most 10 per step)".
	LeftOut func(level string, n int) string
}

// GitHubCommands writes the annotations as workflow commands, one a line,
// in order, at most GitHubAnnotationLimit of each level; for each level
// that had more, one ::notice:: line saying how many were left out (after
// the annotations). Titles are escaped as properties and messages as data
// (EscapeGitHubProperty, EscapeGitHubData), so that no value can end its
// command or start another. An unknown level is an error, and nothing is
// written.
func GitHubCommands(w io.Writer, anns []Annotation, o GitHubOptions) error {
	var buf bytes.Buffer
	count := map[string]int{}
	var levels []string // in order of first appearance
	for _, a := range anns {
		switch a.Level {
		case AnnotationError, AnnotationWarning, AnnotationNotice:
		default:
			return fmt.Errorf("render: unknown annotation level %q (expected error, warning or notice)", a.Level)
		}
		if count[a.Level] == 0 {
			levels = append(levels, a.Level)
		}
		count[a.Level]++
		if count[a.Level] > GitHubAnnotationLimit {
			continue
		}
		writeCommand(&buf, a)
	}
	for _, level := range levels {
		n := count[level] - GitHubAnnotationLimit
		if n <= 0 {
			continue
		}
		msg := fmt.Sprintf("%d more %ss left out (GitHub shows at most %d per step)", n, level, GitHubAnnotationLimit)
		if o.LeftOut != nil {
			msg = o.LeftOut(level, n)
		}
		writeCommand(&buf, Annotation{Level: AnnotationNotice, Message: msg})
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func writeCommand(buf *bytes.Buffer, a Annotation) {
	buf.WriteString("::" + a.Level)
	if a.Title != "" {
		buf.WriteString(" title=" + EscapeGitHubProperty(a.Title))
	}
	buf.WriteString("::" + EscapeGitHubData(a.Message) + "\n")
}

// EscapeGitHubData escapes a workflow command's message as GitHub's
// runner unescapes it (actions/toolkit, escapeData): '%' as %25, CR as
// %0D, LF as %0A.
func EscapeGitHubData(s string) string {
	return githubData().Replace(s)
}

// EscapeGitHubProperty escapes a workflow command's property value
// (actions/toolkit, escapeProperty): as data, and ':' as %3A, ',' as %2C,
// which would otherwise end the property.
func EscapeGitHubProperty(s string) string {
	return githubProperty().Replace(s)
}

var (
	// Built on first use, not at start-up (sync.OnceValue).
	githubData     = sync.OnceValue(func() *strings.Replacer { return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A") })
	githubProperty = sync.OnceValue(func() *strings.Replacer {
		return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	})
)
