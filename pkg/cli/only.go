package cli

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// onlyCommand returns the name of the one command a run needs built, or
// "" when the run needs the whole command tree.
//
// A run of one command (natospend gap --target 3.7) needs only the root
// and that command: building the eleven others, their flags and the help
// topics was a third of a run's time before the command itself started.
// Whatever needs the whole tree gets it: help (help, --help, -h), shell
// completion (completion, __complete), --version, a run without a command
// or with one that is unknown (cobra's suggestions), and any run that may
// read a config file, whose keys are checked against every command's
// flags (--config, NATOSPEND_CONFIG, or a file, even an unreadable one, at
// the default location). Any argument this scan does not fully understand
// also gets the whole tree: it is never wrong, only slower.
func onlyCommand(args []string, getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	name := ""
	i := 0
	// The root's flags may come before the command.
	for ; i < len(args) && name == ""; i++ {
		a := args[i]
		switch {
		case a == "--data":
			i++ // its value
		case strings.HasPrefix(a, "--data="), a == "--no-default-data", a == "--quiet", a == "-q":
		case strings.HasPrefix(a, "-"):
			return "" // --help, --version, --config, "--", "-", or unknown
		default:
			name = a
		}
	}
	known := false
	for _, c := range commands {
		known = known || c.name == name
	}
	if !known {
		return ""
	}
	for _, a := range args[i:] {
		if a == "--" {
			break // what follows are arguments
		}
		if a == "--help" || strings.HasPrefix(a, "--help=") || a == "--config" || strings.HasPrefix(a, "--config=") ||
			(strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.ContainsRune(a, 'h')) {
			return ""
		}
	}
	if getenv(EnvPrefix+"_CONFIG") != "" {
		return ""
	}
	if loc := locateConfig("", getenv); loc.path != "" {
		if _, err := os.Stat(loc.path); err == nil || !(errors.Is(err, fs.ErrNotExist) || isNotDir(err)) {
			return ""
		}
	}
	return name
}
