package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The escapes are those of GitHub's runner (actions/toolkit, command.ts:
// escapeData and escapeProperty).
func TestEscapeGitHub(t *testing.T) {
	in := "100% a:b, c\r\nd"
	if got, want := EscapeGitHubData(in), "100%25 a:b, c%0D%0Ad"; got != want {
		t.Errorf("EscapeGitHubData(%q) = %q, want %q", in, got, want)
	}
	if got, want := EscapeGitHubProperty(in), "100%25 a%3Ab%2C c%0D%0Ad"; got != want {
		t.Errorf("EscapeGitHubProperty(%q) = %q, want %q", in, got, want)
	}
	// '%' first: an escape already in the text is escaped again, never
	// read back as a character.
	if got, want := EscapeGitHubData("%0A"), "%250A"; got != want {
		t.Errorf("EscapeGitHubData(%%0A) = %q, want %q", got, want)
	}
}

func TestGitHubCommandsLines(t *testing.T) {
	var buf bytes.Buffer
	err := GitHubCommands(&buf, []Annotation{
		{Level: AnnotationError, Title: "Land: North, 5%", Message: "short\nby 5%: $1 bn"},
		{Level: AnnotationWarning, Message: "no data\r\n::error::injected"},
		{Level: AnnotationNotice, Title: "t", Message: "m"},
	}, GitHubOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"::error title=Land%3A North%2C 5%25::short%0Aby 5%25: $1 bn",
		"::warning::no data%0D%0A::error::injected",
		"::notice title=t::m",
	}
	if got := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// GitHub shows 10 annotations of a level per step: 12 errors and 11
// warnings give 10 of each, then one notice per level with what is left.
func TestGitHubCommandsLimit(t *testing.T) {
	var anns []Annotation
	for i := 1; i <= 12; i++ {
		anns = append(anns, Annotation{Level: AnnotationError, Message: fmt.Sprintf("e%d", i)})
	}
	for i := 1; i <= 11; i++ {
		anns = append(anns, Annotation{Level: AnnotationWarning, Message: fmt.Sprintf("w%d", i)})
	}
	var buf bytes.Buffer
	if err := GitHubCommands(&buf, anns, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 22 {
		t.Fatalf("%d lines, want 10 errors, 10 warnings and 2 notices:\n%s", len(lines), buf.String())
	}
	if lines[9] != "::error::e10" || lines[10] != "::warning::w1" || lines[19] != "::warning::w10" {
		t.Errorf("lines 10, 11, 20: %q %q %q", lines[9], lines[10], lines[19])
	}
	if lines[20] != "::notice::2 more errors left out (GitHub shows at most 10 per step)" ||
		lines[21] != "::notice::1 more warnings left out (GitHub shows at most 10 per step)" {
		t.Errorf("notices: %q, %q", lines[20], lines[21])
	}
	buf.Reset()
	err := GitHubCommands(&buf, anns[:10], GitHubOptions{LeftOut: func(string, int) string { return "never" }})
	if err != nil || strings.Count(buf.String(), "\n") != 10 || strings.Contains(buf.String(), "never") {
		t.Errorf("10 errors: %v\n%s", err, buf.String())
	}
}

func TestGitHubCommandsBadLevel(t *testing.T) {
	var buf bytes.Buffer
	err := GitHubCommands(&buf, []Annotation{{Level: AnnotationError, Message: "a"}, {Level: "debug", Message: "b"}}, GitHubOptions{})
	if err == nil || buf.Len() != 0 {
		t.Errorf("a level GitHub has no annotation for: err %v, wrote %q", err, buf.String())
	}
}

// unescapeGitHub undoes the escapes as GitHub's runner does (a property
// also has %3A and %2C).
var unescapeGitHub = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

// Whatever the text, each annotation is one line, starts its own command,
// and its title and message come back as they were.
func FuzzGitHubCommands(f *testing.F) {
	f.Add("Land: North, 5%", "short\nby 5%: $1 bn")
	f.Add("%0A", "\r\n::error::x")
	f.Add("", "%%25%3A")
	f.Fuzz(func(t *testing.T, title, msg string) {
		var buf bytes.Buffer
		if err := GitHubCommands(&buf, []Annotation{{Level: AnnotationError, Title: title, Message: msg}, {Level: AnnotationWarning, Message: msg}}, GitHubOptions{}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "::error") || !strings.HasPrefix(lines[1], "::warning::") {
			t.Fatalf("lines %q", lines)
		}
		rest := strings.TrimPrefix(lines[0], "::error")
		prop := ""
		if title != "" {
			if !strings.HasPrefix(rest, " title=") {
				t.Fatalf("line %q has no title", lines[0])
			}
			// A property holds no ':' once escaped: the first "::" ends it.
			i := strings.Index(rest, "::")
			prop, rest = strings.TrimPrefix(rest[:i], " title="), rest[i:]
			if strings.ContainsAny(prop, ":,\r\n") || unescapeGitHub.Replace(prop) != title {
				t.Errorf("title %q written %q", title, prop)
			}
		}
		if rest != "::"+EscapeGitHubData(msg) {
			t.Errorf("line %q: after the title %q, want %q", lines[0], rest, "::"+EscapeGitHubData(msg))
		}
		if got := unescapeGitHub.Replace(strings.TrimPrefix(lines[1], "::warning::")); got != msg && !strings.Contains(msg, "%3A") && !strings.Contains(msg, "%2C") {
			t.Errorf("message %q came back %q", msg, got)
		}
	})
}
