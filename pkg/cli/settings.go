package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/guardedfile"
	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// The settings model. Every flag of a command is a setting, declared once,
// by the flag itself (its name, type, usage and the commands that have
// it); the environment, the config file and `help environment` are
// derived from the flags. A value comes from, in this order: the command
// line; the environment, NATOSPEND_<FLAG>; the config file, where the
// section of the command (gap:, aid: packages:) overrides the sections
// around it, up to the top level; the flag's default.
//
// A setting applies to every command that has the flag and is irrelevant
// to the others: a key valid for one command never breaks another, and a
// bad value is an error only in a command that has the flag. A key that is
// no flag of any command in its section's reach is an error for the
// commands the section applies to (a typo at the top level: every command;
// in gap:, gap), with the nearest keys as a hint; every other command
// warns once on stderr and runs (see sectionProblem).

// EnvPrefix prefixes every environment variable natospend reads.
const EnvPrefix = "NATOSPEND"

// MaxConfigSize is the largest config file accepted, in bytes.
const MaxConfigSize = 1 << 20

// EnvName is the environment variable of a flag: NATOSPEND_<FLAG>, with
// dashes as underscores (--no-header: NATOSPEND_NO_HEADER).
func EnvName(flag string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// notSettings are the flags that cannot come from env or config.
var notSettings = map[string]bool{"help": true, "version": true, "config": true}

// applySettings fills every flag of cmd that the command line did not give
// from the environment or else the config file (the one g.ConfigFile
// names, else the default), records in g where each value came from
// (g.SetOrigin), and returns the path of the config file read ("" when
// none was). A bad value is a usage error, a *cmdutil.FlagError (several
// joined) that names where it came from; a config file that cannot be
// read is an I/O error (exit 1). Notes (a default config location that
// cannot be looked at) go to ios.ErrOut unless the run is quiet.
func applySettings(cmd *cobra.Command, ios *iostreams.IOStreams, g *cmdutil.GlobalOptions) (string, error) {
	configFlag := g.ConfigFile
	getenv := ios.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	loc := locateConfig(configFlag, getenv)
	var cfg *configFile
	var note string
	var warnings []string
	if loc.path != "" {
		data, found, err := readConfig(loc)
		var unseen *unseenConfig
		switch {
		case errors.As(err, &unseen):
			// The default location cannot be looked at (an unreadable
			// $HOME, say): run without a config file, and say so.
			note = unseen.Error() + "; running without a config file"
		case err != nil:
			return "", err
		case found:
			if cfg, err = parseConfig(cmd.Root(), loc.path, data); err != nil {
				return "", err
			}
			if warnings, err = cfg.sectionProblems(cmd); err != nil {
				return "", err
			}
		}
	}

	var errs []error
	chain := cfg.sectionsFor(cmd)
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if notSettings[fl.Name] || fl.Changed {
			return
		}
		var items []string
		var from string
		var outer, env bool
		if s := getenv(EnvName(fl.Name)); s != "" {
			from = EnvName(fl.Name) + "=" + showValue(s)
			env = true
			if isList(fl) && !cmdutil.IsListFlag(fl) {
				items = splitList(s)
			} else { // a list flag of cmdutil splits its values itself, where used
				items = []string{s}
			}
		} else if e, ok := chain.lookup(fl.Name); ok {
			from = fmt.Sprintf("config file %s: line %d: %s", showText(cfg.path), e.node.Line, e.path)
			outer = e.outer
			var err error
			if items, err = e.items(isList(fl)); err != nil {
				errs = append(errs, &cmdutil.FlagError{Flag: fl.Name, Origin: from, Err: fmt.Errorf("--%s: %w", fl.Name, err)})
				return
			}
		}
		if len(items) == 0 {
			return
		}
		for _, it := range items {
			if err := cmd.Flags().Set(fl.Name, it); err != nil {
				if (outer || env) && !errors.Is(err, cmdutil.ErrTooManyItems) && (cmdutil.ForElsewhere(fl, it) || validElsewhere(cmd, fl, it)) {
					// A top-level or environment value meant for another
					// command that has a flag of that name (sort: gap;
					// NATOSPEND_FORMAT=csv, which chart's --format does not
					// take): it never breaks this one.
					return
				}
				fe := cmdutil.Named(fl.Name, it, err)
				fe.Origin = from
				if outer {
					fe.Err = fmt.Errorf("%w (a setting outside the %s: section applies to every command with --%s: to set it for one command, put it in that command's section)", fe.Err, commandKey(cmd), fl.Name)
				}
				errs = append(errs, fe)
				return
			}
		}
		g.SetOrigin(fl.Name, from)
	})
	if len(errs) > 0 {
		return "", &cmdutil.UsageError{Err: errors.Join(errs...)}
	}
	if note != "" && !ios.Quiet {
		fmt.Fprintf(ios.ErrOut, "natospend: %s\n", note)
	}
	if !ios.Quiet { // read once every setting is applied: quiet: true too
		for _, w := range warnings {
			cmdutil.Warn(ios, "%s", w)
		}
	}
	if cfg == nil {
		return "", nil
	}
	return cfg.path, nil
}

// validElsewhere reports whether another command of the tree has its own
// flag of fl's name that accepts value, as its declaration says
// (cmdutil.Accepts): a top-level config key valid for one command must
// not break another.
func validElsewhere(cmd *cobra.Command, fl *pflag.Flag, value string) bool {
	var found bool
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if found {
			return
		}
		if c != cmd {
			if other := c.Flags().Lookup(fl.Name); other != nil && other != fl && cmdutil.Accepts(other, value) {
				found = true
				return
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(cmd.Root())
	return found
}

// isList reports whether a flag takes a list (each item as one use of the
// flag on the command line).
func isList(fl *pflag.Flag) bool {
	if _, ok := fl.Value.(pflag.SliceValue); ok {
		return true
	}
	t := fl.Value.Type()
	return strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array")
}

// splitList splits an environment value into list items, by the rule of
// every list (package lists): commas, tabs and line breaks separate them,
// blank items are ignored.
func splitList(s string) []string { return lists.Split([]string{s}) }

// configLocation says which config file a run reads.
type configLocation struct {
	path     string
	origin   string // how it was named, for messages: "--config F", "NATOSPEND_CONFIG=F", "config file F"
	explicit bool   // named by --config or NATOSPEND_CONFIG: it must exist
}

// locateConfig finds the config file: --config, else $NATOSPEND_CONFIG,
// else natospend/config.yaml in the user config directory, if there is
// one.
func locateConfig(configFlag string, getenv func(string) string) configLocation {
	if configFlag != "" {
		return configLocation{configFlag, "--config " + showText(configFlag), true}
	}
	if p := getenv(EnvPrefix + "_CONFIG"); p != "" {
		return configLocation{p, EnvPrefix + "_CONFIG=" + showText(p), true}
	}
	if dir, err := userConfigDir(getenv); err == nil && dir != "" {
		p := filepath.Join(dir, "natospend", "config.yaml")
		return configLocation{p, "config file " + showText(p), false}
	}
	return configLocation{}
}

// readConfig reads the config file with the guards of every input file
// (package guardedfile): a regular file only (a named pipe, a device or a
// directory is refused, and the file is opened without blocking), at most
// MaxConfigSize bytes. A missing file at the default location is no config
// (found false, no error), one that cannot be looked at an *unseenConfig;
// any other failure is an I/O error (exit 1) naming the file.
func readConfig(loc configLocation) (data []byte, found bool, err error) {
	data, err = guardedfile.Read(loc.path, MaxConfigSize)
	if err == nil {
		return data, true, nil
	}
	var ge *guardedfile.Error
	if !errors.As(err, &ge) {
		return nil, false, err
	}
	if !loc.explicit && ge.Op == "stat" && !errors.Is(err, guardedfile.ErrNotRegular) && !errors.Is(err, guardedfile.ErrTooLarge) {
		if errors.Is(err, fs.ErrNotExist) || isNotDir(err) {
			return nil, false, nil
		}
		return nil, false, &unseenConfig{loc.origin + ": " + ge.Reason}
	}
	return nil, false, &cmdutil.ExitError{Code: cmdutil.ExitFailure, Err: fmt.Errorf("%s: %s", loc.origin, ge.Reason)}
}

// unseenConfig is a default config location that cannot be looked at:
// whether a config file is there is unknown.
type unseenConfig struct{ msg string }

func (e *unseenConfig) Error() string { return e.msg }

// userConfigDir is os.UserConfigDir, reading the environment through
// getenv (IOStreams.Getenv) as every setting does: a test's environment,
// empty by default (iostreams.Test), holds no user config directory, so
// that no config file of the machine's user changes what a test sees.
// Without one (no $HOME), natospend runs without a config file.
func userConfigDir(getenv func(string) string) (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = getenv("AppData")
		if dir == "" {
			return "", errors.New("%AppData% is not defined")
		}
	case "darwin", "ios":
		dir = getenv("HOME")
		if dir == "" {
			return "", errors.New("$HOME is not defined")
		}
		dir = filepath.Join(dir, "Library", "Application Support")
	case "plan9":
		dir = getenv("home")
		if dir == "" {
			return "", errors.New("$home is not defined")
		}
		dir = filepath.Join(dir, "lib")
	default: // Unix
		dir = getenv("XDG_CONFIG_HOME")
		if dir == "" {
			dir = getenv("HOME")
			if dir == "" {
				return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME are defined")
			}
			dir = filepath.Join(dir, ".config")
		} else if !filepath.IsAbs(dir) {
			return "", errors.New("path in $XDG_CONFIG_HOME is relative")
		}
	}
	return dir, nil
}

// configFile is a parsed config file: the top level and the sections of
// the commands, each holding the YAML value nodes of its settings.
type configFile struct {
	path string
	top  *configSection
	// problems are those found in the sections of commands (gap:, aid:
	// packages:): each is an error only for the commands its section
	// applies to (sectionProblems).
	problems []sectionProblem
}

// sectionProblem is a problem in a command's section of the config file
// (an unknown key, say).
type sectionProblem struct {
	section *cobra.Command // the command whose section holds it
	msg     string         // "line 3: unknown setting traget in section gap (...)"
}

// sectionProblems returns the problems of the sections that apply to cmd
// (its own and those around it) as one usage error naming the file, and
// those of the other sections, which do not stop cmd, as warnings (one
// line each, printed once by ApplySettings unless the run is quiet).
func (c *configFile) sectionProblems(cmd *cobra.Command) (warnings []string, err error) {
	var mine, others []string
	for _, p := range c.problems {
		applies := false
		for a := cmd; a != nil; a = a.Parent() {
			applies = applies || a == p.section
		}
		if applies {
			mine = append(mine, p.msg)
		} else {
			others = append(others, p.msg+"; ignored by "+cmd.CommandPath()+", an error for "+p.section.CommandPath())
		}
	}
	prefix := "config file " + showText(c.path) + ": "
	if len(mine) > 0 {
		return nil, cmdutil.UsageErrorf("%s%s", prefix, strings.Join(mine, "\n"+prefix))
	}
	for _, o := range others {
		warnings = append(warnings, prefix+o)
	}
	return warnings, nil
}

type configSection struct {
	entries map[string]configEntry
	subs    map[string]*configSection
}

// configEntry is one setting as the file gives it.
type configEntry struct {
	path  string // the key with its sections, for messages: "gap: sort: gap"
	node  *yaml.Node
	outer bool // (set by lookup) from a section around the command's own
}

// items returns the entry's value as the text of each use of the flag: a
// scalar is one use, as written (010 stays 010, read as 10 like on the
// command line), a list one use per item (for a list flag only); null is
// no value.
func (e configEntry) items(list bool) ([]string, error) {
	n := e.node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, nil
		}
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		if !list {
			return nil, errors.New("expected one value, not a list")
		}
		var out []string
		for _, it := range n.Content {
			if it.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: expected a list of values, not of %s", it.Line, kindName(it))
			}
			if it.Tag != "!!null" && strings.TrimSpace(it.Value) != "" {
				out = append(out, it.Value)
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a value, not %s", kindName(n))
}

// sectionChain is the sections that apply to a command, innermost first;
// own is the command's own section, if the file has one.
type sectionChain struct {
	sections []*configSection
	own      *configSection
}

// sectionsFor returns the sections of cmd and those around it.
func (c *configFile) sectionsFor(cmd *cobra.Command) sectionChain {
	if c == nil {
		return sectionChain{}
	}
	var names []string
	for p := cmd; p != nil && p.HasParent(); p = p.Parent() {
		names = append([]string{p.Name()}, names...)
	}
	chain := sectionChain{sections: []*configSection{c.top}}
	s := c.top
	for i, n := range names {
		if s = s.subs[n]; s == nil {
			break
		}
		chain.sections = append([]*configSection{s}, chain.sections...)
		if i == len(names)-1 {
			chain.own = s
		}
	}
	if len(names) == 0 {
		chain.own = c.top
	}
	return chain
}

// lookup finds the innermost setting of a flag.
func (ch sectionChain) lookup(flag string) (configEntry, bool) {
	for _, s := range ch.sections {
		if e, ok := s.entries[flag]; ok {
			e.outer = s != ch.own
			return e, true
		}
	}
	return configEntry{}, false
}

// commandKey is a command's section path: "gap", "aid: packages".
func commandKey(cmd *cobra.Command) string {
	var names []string
	for p := cmd; p != nil && p.HasParent(); p = p.Parent() {
		names = append([]string{p.Name()}, names...)
	}
	return strings.Join(names, ": ")
}

// settingCommands are the subcommands of c that take settings: not help,
// completion, help topics or hidden commands.
func settingCommands(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range c.Commands() {
		if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" || !(sub.Runnable() || sub.HasSubCommands()) {
			continue
		}
		out = append(out, sub)
	}
	return out
}

// commandFlags returns the settings of a command: its flags, inherited
// ones included, but --help, --version and --config.
func commandFlags(c *cobra.Command) map[string]*pflag.Flag {
	out := map[string]*pflag.Flag{}
	add := func(fl *pflag.Flag) {
		if !notSettings[fl.Name] {
			out[fl.Name] = fl
		}
	}
	c.LocalFlags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	return out
}

// reach returns the settings valid in the section of c: the flags of c
// and of the commands below it.
func reach(c *cobra.Command) map[string]bool {
	out := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name := range commandFlags(c) {
			out[name] = true
		}
		for _, sub := range settingCommands(c) {
			walk(sub)
		}
	}
	walk(c)
	return out
}

// parseConfig reads a config file's YAML: one document, a mapping whose
// keys are settings (flag names) or sections named after commands. Any
// other key, a second document, an alias or a mapping where a value is
// wanted is a usage error naming the file, the line and the key.
func parseConfig(root *cobra.Command, path string, data []byte) (*configFile, error) {
	bad := func(format string, a ...any) error {
		return cmdutil.UsageErrorf("config file %s: %s", showText(path), fmt.Sprintf(format, a...))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &configFile{path: path, top: &configSection{}}, nil
		}
		return nil, bad("%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, bad("line %d: a second YAML document (expected one document)", extra.Line)
	} else if !errors.Is(err, io.EOF) {
		return nil, bad("%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	cfg := &configFile{path: path, top: &configSection{}}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return cfg, nil
	}
	if top.Kind != yaml.MappingNode {
		return nil, bad("line %d: expected settings as key: value pairs, not %s", top.Line, kindName(top))
	}
	var problems []string
	parseSection(root, top, "", cfg.top, &problems, &cfg.problems)
	if len(problems) > 0 {
		return nil, bad("%s", strings.Join(problems, "\nconfig file "+showText(path)+": "))
	}
	return cfg, nil
}

// parseSection reads the mapping m, the section of command c (prefix: the
// keys of the sections around it, "" at the top level). The problems of
// the top level go to top, those of a command's section to scoped.
func parseSection(c *cobra.Command, m *yaml.Node, prefix string, s *configSection, top *[]string, scoped *[]sectionProblem) {
	var problems *[]string
	var mine []string
	if c.HasParent() {
		problems = &mine
		defer func() {
			for _, msg := range mine {
				*scoped = append(*scoped, sectionProblem{section: c, msg: msg})
			}
		}()
	} else {
		problems = top
	}
	valid := reach(c)
	subs := map[string]*cobra.Command{}
	for _, sub := range settingCommands(c) {
		subs[sub.Name()] = sub
	}
	where := ""
	if prefix != "" {
		where = " in section " + strings.TrimSuffix(prefix, ": ")
	}
	s.entries = map[string]configEntry{}
	s.subs = map[string]*configSection{}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			*problems = append(*problems, fmt.Sprintf("line %d: expected a setting's name as a key, not %s", k.Line, kindName(k)))
			continue
		}
		key := k.Value
		if seen[key] {
			*problems = append(*problems, fmt.Sprintf("line %d: %s is given twice%s", k.Line, showText(key), where))
			continue
		}
		seen[key] = true
		if v.Kind == yaml.AliasNode || hasAlias(v) {
			*problems = append(*problems, fmt.Sprintf("line %d: %s%s: aliases (*name) are not supported", v.Line, prefix, showText(key)))
			continue
		}
		if sub := subs[key]; sub != nil && (v.Kind == yaml.MappingNode || !valid[key]) {
			if v.Kind != yaml.MappingNode {
				if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
					continue // an empty section
				}
				*problems = append(*problems, fmt.Sprintf("line %d: %s%s is the section of the command %s: expected its settings as key: value pairs, such as %s: {format: csv}, not %s", v.Line, prefix, key, sub.CommandPath(), key, kindName(v)))
				continue
			}
			child := &configSection{}
			parseSection(sub, v, prefix+key+": ", child, top, scoped)
			s.subs[key] = child
			continue
		}
		if !valid[key] {
			if h := keyHint(key, valid, subs); h != "" {
				*problems = append(*problems, fmt.Sprintf("line %d: unknown setting %s%s: %s (natospend help environment lists the settings)", k.Line, showText(key), where, h))
			} else {
				*problems = append(*problems, fmt.Sprintf("line %d: unknown setting %s%s (%s)", k.Line, showText(key), where, expectedKeys(c)))
			}
			continue
		}
		if v.Kind == yaml.MappingNode {
			*problems = append(*problems, fmt.Sprintf("line %d: %s%s: expected a value or a list, not key: value pairs", v.Line, prefix, key))
			continue
		}
		s.entries[key] = configEntry{path: prefix + key + ": " + showValue(nodeText(v)), node: v}
	}
}

// keyHint returns "did you mean target?" for the settings and sections
// (gap:) of a section nearest to an unknown key, or "".
func keyHint(key string, valid map[string]bool, subs map[string]*cobra.Command) string {
	set := &suggest.Set{}
	for _, name := range slices.Sorted(maps.Keys(valid)) {
		set.Add(name, name, name)
	}
	for _, name := range slices.Sorted(maps.Keys(subs)) {
		set.Add(name+":", name, name+":")
	}
	return suggest.DidYouMean(set.Nearest(key))
}

// expectedKeys says what keys a section takes.
func expectedKeys(c *cobra.Command) string {
	var names []string
	for _, sub := range settingCommands(c) {
		names = append(names, sub.Name()+":")
	}
	msg := "expected a flag name without dashes, such as format or target"
	if !c.HasParent() {
		msg = "expected a flag name without dashes, such as format, target or group"
	}
	if len(names) > 0 {
		sort.Strings(names)
		msg += ", or a command's section: " + strings.Join(names, ", ")
	} else {
		msg = "expected a flag of " + c.CommandPath() + " without dashes"
	}
	return msg + "; see natospend help environment"
}

func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	if n.Kind == yaml.MappingNode {
		return false // a section: its entries are checked one by one
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// nodeText is a value as messages show it.
func nodeText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = nodeText(c)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return "{...}"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "key: value pairs"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a single value"
}

// isNotDir reports a path through a file that is no directory: as good as
// missing.
func isNotDir(err error) bool { return errors.Is(err, syscall.ENOTDIR) }

// showText returns s as is when it is plain printable text, else quoted
// with Go's escapes, so that no control character or escape sequence from
// the environment or a config file reaches the terminal.
func showText(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) || r == '"' {
			return strconv.Quote(s)
		}
	}
	return s
}

// showValue is showText for a value that may be long (a list of
// thousands of items in the environment): at most its first 80 bytes (cut
// at a character), then "...", so that an error says where a value came
// from without printing all of it.
func showValue(s string) string {
	const most = 80
	if len(s) <= most {
		return showText(s)
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return showText(s[:cut]) + "..."
}

// flagError rewrites a command-line flag error: a bad value as a
// *cmdutil.FlagError naming the flag, an unknown flag with the nearest
// flags of cmd ("unknown flag: --traget: did you mean --target?").
func flagError(cmd *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) && ive.GetFlag() != nil {
		return cmdutil.Named(ive.GetFlag().Name, ive.GetValue(), ive)
	}
	var ne *pflag.NotExistError
	if errors.As(err, &ne) && cmd != nil && ne.GetSpecifiedShortnames() == "" { // a shorthand is one letter: no guess
		if h := cmdutil.FlagHint(cmd.Flags(), ne.GetSpecifiedName()); h != "" {
			return fmt.Errorf("%w: %s", err, h)
		}
	}
	return err
}
