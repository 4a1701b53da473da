package cmdutil

import (
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/pflag"
)

// FlagHint returns "did you mean --target?" for the flags of fs nearest
// to name (a flag's name as typed, without dashes: "traget"), or "". fs is
// the command's own flag set, its inherited flags included (cobra merges
// them in before parsing), so that a hint never names a flag the command
// does not take; hidden flags are never offered.
func FlagHint(fs *pflag.FlagSet, name string) string {
	if fs == nil || name == "" {
		return ""
	}
	set := &suggest.Set{}
	fs.VisitAll(func(fl *pflag.Flag) {
		if !fl.Hidden {
			set.Add(fl.Name, fl.Name, "--"+fl.Name)
		}
	})
	return suggest.DidYouMean(set.Nearest(name))
}
