package cmdutil

import (
	"fmt"

	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// Warn prints a one-line warning on stderr, unless --quiet: for a flag
// that has no effect in the run, or a value read in a way the user may not
// have meant.
func Warn(ios *iostreams.IOStreams, format string, a ...any) {
	if ios.Quiet {
		return
	}
	fmt.Fprintf(ios.ErrOut, "natospend: warning: "+format+"\n", a...)
}
