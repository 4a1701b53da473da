package defence

import (
	"strconv"
	"strings"
)

// Place is where a data file defines something: the file's name
// ("embedded:countries.yaml" for an embedded file, else its path) and the
// line, from 1; Line is 0 when unknown (a value built by hand).
type Place struct {
	File string
	Line int
}

// String returns "file:line", or the file alone when the line is unknown:
// the form messages print.
func (p Place) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// EmbeddedPrefix starts the name of every data file compiled into
// natospend ("embedded:nato-2026-07.yaml"), and so the Source of what they
// define; a user's file is named by its path.
const EmbeddedPrefix = "embedded:"

// Embedded reports whether the release is one of natospend's embedded
// files, not a user's --data file (a user's replacement of an embedded
// release is not embedded: see Replaced).
func (r *Release) Embedded() bool { return strings.HasPrefix(r.Source, EmbeddedPrefix) }

// Origin returns the embedded release whose id r holds: r itself when it
// is embedded, the release it replaced when it is a user's replacement of
// an embedded one, and nil for a user's release of its own id.
func (r *Release) Origin() *Release {
	switch {
	case r.Embedded():
		return r
	case r.Replaced != nil:
		return r.Replaced
	}
	return nil
}

// HasFiguresIn reports whether the release has figures for the year for
// any country: a share or a defence figure (a defence release), a GDP (a
// GDP release).
func (r *Release) HasFiguresIn(year int) bool {
	found := false
	r.each(false, "", func(_ string, y int, f Figure) bool {
		found = y == year && r.has(f)
		return !found
	})
	return found
}
