// Package iostreams holds the streams a command reads and writes, and what
// is known about the terminal behind them.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

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
func System() *IOStreams {
	ios := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv}
	fd := int(os.Stdout.Fd())
	ios.OutTTY = term.IsTerminal(fd)
	if ios.OutTTY {
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			ios.Width = w
		}
	}
	if ios.Width == 0 && ios.OutTTY {
		if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
			ios.Width = w
		}
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	ios.NoColor = noColor || !ios.OutTTY
	return ios
}

// Test returns streams backed by buffers: no terminal, no colour, an empty
// environment.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, NoColor: true, Getenv: func(string) string { return "" }}, in, out, errOut
}
