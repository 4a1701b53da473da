package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// ExitCodesHelp is the exit-code table, the same in `natospend help
// exit-codes` and docs/scripting.md.
const ExitCodesHelp = `natospend exits with one of these codes. Scripts may rely on them; new
codes may be added, and any code not listed here must be treated as a failure.

  0   success
  1   a data or runtime error: a bad data file (the message names file, line
      and field), an unreadable file, a failed write
  2   a usage error: unknown command or flag, a bad flag value, an unknown
      country, group, target or release, a bad value in NATOSPEND_* or the
      config file
  3   check: at least one selected country falls short of the target (with
      --on-track: is off track for it by the deadline)
  4   check: none falls short, but a selected country has no verdict: no
      data for the year, or an undetermined Hague 5% (without
      --allow-missing); a country that publishes no defence figure, such as
      Iceland, is never counted as missing
  70  internal error: a bug in natospend (please report it)
`

// ExampleConfig is the example config file of `help environment` and the
// docs/scripting.md (a test keeps them the same and checks that every command takes
// it).
const ExampleConfig = `# natospend's config file: ~/.config/natospend/config.yaml on Linux.
# The top level applies to every command that has the flag.
group: europe
release: nato-2026-07
# A command's section applies to it (and to the commands under it),
# and overrides the top level.
gap:
  target: [2, 3.5]
  sort: gap
check:
  target: 2
  format: json
aid:
  sort: pct-gdp
  kind: military
  packages:
    from: 2025-01
`

// environmentIntro is the part of `help environment` before the list of
// settings.
const environmentIntro = `Every flag is a setting (but --config, --help and --version). A setting
takes the first value it finds in:

  1. the command line             --target 3.5
  2. the environment              NATOSPEND_TARGET=3.5
  3. the config file              target: 3.5
  4. the flag's default

A setting applies to every command that has the flag and means nothing to
the others: NATOSPEND_SORT=name sorts gap, path and aid by name, and
countries ignores it. A bad value is an error (exit 2) in a command that
has the flag, and the message names where the value came from; a value
only another command's flag of that name takes is left to it
(NATOSPEND_FORMAT=csv: chart draws svg, png or pdf, and ignores it).

ENVIRONMENT

  NATOSPEND_<FLAG>   the flag's value; the name is the flag's in upper case,
                     dashes as underscores (--no-header: NATOSPEND_NO_HEADER).
                     A list takes items separated by commas, tabs or line
                     breaks (NATOSPEND_DATA=a.yaml,b.yaml), blank items
                     ignored. An empty variable counts as unset.
  NATOSPEND_CONFIG   the config file to read (as --config); it must exist.
  XDG_CONFIG_HOME, HOME (AppData on Windows)
                     locate the user config directory; without one,
                     natospend runs without a config file.
  NO_COLOR           natospend prints no colour at all; it honours NO_COLOR
                     should that ever change.

CONFIG FILE

It is read from --config FILE, else $NATOSPEND_CONFIG, else
natospend/config.yaml in the user config directory ($XDG_CONFIG_HOME or
~/.config on Linux, ~/Library/Application Support on macOS, %AppData% on
Windows); a missing file at that default place is fine. It must be a regular
file of at most 1 MiB holding one YAML document (a named pipe, a device or a
directory is refused, exit 1).

Its keys are flag names without dashes. A key at the top level applies to
every command that has the flag; a section named after a command (gap:,
check:, aid:; aid: packages: for aid packages) applies to that command and
the commands under it, and overrides the keys around it. A list gives the
flag once per item, as repeating it on the command line does (data: [a.yaml,
b.yaml]); a value means what it means on the command line (target: 010 is
10). A key that no command in its section's reach has is an error (exit 2)
naming the file, the line, the key and the nearest keys, for the commands
its section applies to (at the top level: every command); any other
command warns once on stderr and runs. For example:

`

// EnvironmentHelp is the text of `natospend help environment`: how settings
// work, an example config file, and every setting of every command,
// generated from the flags of root's command tree.
func EnvironmentHelp(root *cobra.Command) string {
	var b strings.Builder
	b.WriteString(environmentIntro)
	for _, line := range strings.SplitAfter(strings.TrimRight(ExampleConfig, "\n"), "\n") {
		b.WriteString("  " + line)
	}
	b.WriteString("\n\nSETTINGS\n\nEach setting: its config key, its environment variable, what it takes and\nthe commands that have it (with the section for them in the config file).\n")
	for _, s := range collectSettings(root) {
		b.WriteString("\n")
		fmt.Fprintf(&b, "  %s   %s", s.name, EnvName(s.name))
		if s.kind != "" {
			fmt.Fprintf(&b, "   (%s)", s.kind)
		}
		b.WriteString("\n")
		for _, u := range s.uses {
			text := u.usage
			if len(s.uses) > 1 || !s.global {
				text = strings.Join(u.commands, ", ") + ": " + text
			} else {
				text = "every command: " + text
			}
			b.WriteString(wrapIndent(text, 6, 78))
		}
	}
	return b.String()
}

// setting is one flag name across the commands that have it.
type setting struct {
	name   string
	kind   string // list, true or false, whole number; "" for text
	global bool   // a flag of the root: every command has it
	uses   []settingUse
}

// settingUse is a flag's usage, with the commands that share it.
type settingUse struct {
	usage    string
	commands []string
}

// collectSettings walks the command tree: the root's flags first, then
// every other flag by name.
func collectSettings(root *cobra.Command) []setting {
	byName := map[string]*setting{}
	var order []string
	add := func(c *cobra.Command, fl *pflag.Flag) {
		if notSettings[fl.Name] || fl.Hidden {
			return
		}
		s := byName[fl.Name]
		if s == nil {
			s = &setting{name: fl.Name, kind: settingKind(fl), global: !c.HasParent()}
			byName[fl.Name] = s
			order = append(order, fl.Name)
		}
		_, usage := pflag.UnquoteUsage(fl)
		if d := strings.TrimSuffix(strings.TrimPrefix(fl.DefValue, "["), "]"); d != "" && d != "false" && d != "0" && !strings.Contains(usage, "default") {
			usage += " (default " + d + ")"
		}
		where := commandKey(c)
		if !c.HasParent() {
			where = "every command"
		}
		for i := range s.uses {
			if s.uses[i].usage == usage {
				s.uses[i].commands = append(s.uses[i].commands, where)
				return
			}
		}
		s.uses = append(s.uses, settingUse{usage: usage, commands: []string{where}})
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) { add(c, fl) })
		for _, sub := range settingCommands(c) {
			walk(sub)
		}
	}
	walk(root)
	global := map[string]bool{}
	root.LocalFlags().VisitAll(func(fl *pflag.Flag) { global[fl.Name] = true })
	sort.SliceStable(order, func(i, j int) bool {
		gi, gj := global[order[i]], global[order[j]]
		if gi != gj {
			return gi
		}
		return !gi && order[i] < order[j]
	})
	out := make([]setting, len(order))
	for i, name := range order {
		out[i] = *byName[name]
		for j := range out[i].uses {
			sort.Strings(out[i].uses[j].commands)
		}
	}
	return out
}

func settingKind(fl *pflag.Flag) string {
	switch {
	case isList(fl):
		return "list"
	case fl.Value.Type() == "bool":
		return "true or false"
	case fl.Value.Type() == "int":
		return "whole number"
	}
	return "" // text; an enumerated flag's usage lists its values
}

// wrapIndent wraps text into lines of at most width columns, each indented
// by indent spaces (a word longer than a line keeps a line to itself).
func wrapIndent(text string, indent, width int) string {
	var b strings.Builder
	pad := strings.Repeat(" ", indent)
	line := pad
	for _, w := range strings.Fields(text) {
		if len(line) > indent && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = pad
		}
		if len(line) > indent {
			line += " "
		}
		line += w
	}
	b.WriteString(line + "\n")
	return b.String()
}

func addHelpTopics(root *cobra.Command) {
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "Exit codes and what they mean",
		Long:  strings.TrimRight(ExitCodesHelp, "\n"),
	})
	// The settings list walks every flag of the tree: it is written when
	// the topic is shown, not on every run.
	env := &cobra.Command{
		Use:   "environment",
		Short: "Settings: environment variables and the config file",
	}
	env.SetHelpFunc(func(c *cobra.Command, args []string) {
		if c.Long == "" {
			c.Long = strings.TrimRight(EnvironmentHelp(c.Root()), "\n")
		}
		c.Parent().HelpFunc()(c, args)
	})
	root.AddCommand(env)
}
