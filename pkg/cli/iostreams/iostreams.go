// Package iostreams holds the streams a command reads and writes, and what
// is known about the terminal behind them.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"github.com/natospend/natospend/pkg/termesc"
	"golang.org/x/term"
)

// IOStreams are a command's standard streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// OutTTY is true when Out is a terminal.
	OutTTY bool
	// Width is the terminal width in columns, 0 when unknown.
	Width int
	// NoColor is true when colour must not be used (NO_COLOR is set, or
	// Out is not a terminal). natospend prints no colour at all today;
	// the field records the decision for any future use.
	NoColor bool
	// Quiet silences everything but data and errors.
	Quiet bool
	// Getenv reads the environment (os.Getenv by default; tests replace it).
	// The settings read the environment only through it, the location of
	// the user's config file included: a test's environment is its own.
	Getenv func(string) string
}

// System returns the process's streams.
//
// Nothing raw reaches a terminal: ErrOut (messages, notes and errors, read
// by a person) always escapes control characters, escape sequences and
// bidirectional overrides (termesc.NewWriter: "\x1b", "\u202e";
// line breaks and tabs kept), wherever stderr goes. Out does the same when
// it is a terminal, whatever the format: a table is escaped already, JSON
// has such characters as \u escapes already (render.JSON), and CSV/TSV on
// a terminal is for eyes. Out to a pipe or a file gets the data unchanged.
func System() *IOStreams {
	ios := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: termesc.NewWriter(os.Stderr), Getenv: os.Getenv}
	fd := int(os.Stdout.Fd())
	if term.IsTerminal(fd) {
		w, _, err := term.GetSize(fd)
		if err != nil || w <= 0 {
			w, _ = strconv.Atoi(os.Getenv("COLUMNS"))
		}
		ios.SetTerminal(max(w, 0))
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	ios.NoColor = noColor || !ios.OutTTY
	return ios
}

// SetTerminal marks Out as a terminal width columns wide (0: unknown) and
// escapes what is written to it, as System does for a real terminal.
// Tests call it to get the terminal's layout and escaping in process.
func (s *IOStreams) SetTerminal(width int) {
	s.OutTTY = true
	s.Width = width
	if _, ok := s.Out.(terminalWriter); !ok {
		s.Out = terminalWriter{termesc.NewWriter(s.Out)}
	}
}

// terminalWriter marks a writer that escapes for the terminal already.
type terminalWriter struct{ io.Writer }

// Test returns streams backed by buffers: no terminal, no colour, an empty
// environment. ErrOut escapes for the terminal as System's does, so that
// tests see the messages a person would; call SetTerminal to make Out a
// terminal.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: termesc.NewWriter(errOut), NoColor: true, Getenv: func(string) string { return "" }}, in, out, errOut
}
