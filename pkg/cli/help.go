package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// ExitCodesHelp is the exit-code table, the same in `natospend help
// exit-codes` and the README.
const ExitCodesHelp = `natospend exits with one of these codes. Scripts may rely on them; new
codes may be added, and any code not listed here must be treated as a failure.

  0   success
  1   a data or runtime error: a bad data file (the message names file, line
      and field), an unreadable file, a failed write
  2   a usage error: unknown command or flag, a bad flag value, an unknown
      country, group, target or release, a bad value in NATOSPEND_* or the
      config file
  3   check: at least one selected country falls short of the target
  4   check: a selected country has no data for the year (without
      --allow-missing); a country that publishes no defence figure, such as
      Iceland, is never counted as missing
  70  internal error: a bug in natospend (please report it)
`

// EnvironmentHelp is the environment table.
const EnvironmentHelp = `Every flag can also be set in the environment or in a config file.
Precedence: the command-line flag, then the environment, then the config
file, then the flag's default.

  NATOSPEND_<FLAG>   the value of --<flag>, upper case, dashes as underscores:
                     NATOSPEND_TARGET=3.5, NATOSPEND_FORMAT=csv,
                     NATOSPEND_NO_HEADER=true, NATOSPEND_GROUP=europe.
                     Lists are comma-separated: NATOSPEND_TARGET=2,3.5
                     An empty variable counts as unset.
  NATOSPEND_CONFIG   the config file to read (as --config). If it does not
                     exist, that is an error.
  NO_COLOR           natospend prints no colour at all; it honours NO_COLOR
                     should that ever change.

The config file is YAML, with flag names as keys, for example:

  target: [2, 3.5]
  group: europe
  format: csv

It is read from --config FILE, else $NATOSPEND_CONFIG, else
natospend/config.yaml in the user config directory ($XDG_CONFIG_HOME or
~/.config on Linux, ~/Library/Application Support on macOS, %AppData% on
Windows); a missing file at that default place is fine. A key that is no
flag name is an error, and so is a bad value, naming where it came from.
`

func addHelpTopics(root *cobra.Command) {
	for _, t := range []struct{ name, short, long string }{
		{"exit-codes", "Exit codes and what they mean", ExitCodesHelp},
		{"environment", "Environment variables and the config file", EnvironmentHelp},
	} {
		root.AddCommand(&cobra.Command{
			Use:   t.name,
			Short: t.short,
			Long:  strings.TrimRight(t.long, "\n"),
		})
	}
}
