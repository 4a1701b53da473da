// Package cli wires natospend's commands together: the root command, the
// settings from flags, environment and config file, and the mapping of
// errors to exit codes.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/natospend/natospend/data"
	"github.com/natospend/natospend/pkg/cli/aid"
	"github.com/natospend/natospend/pkg/cli/chartcmd"
	"github.com/natospend/natospend/pkg/cli/check"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/countries"
	"github.com/natospend/natospend/pkg/cli/gap"
	"github.com/natospend/natospend/pkg/cli/historycmd"
	"github.com/natospend/natospend/pkg/cli/importcmd"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/cli/pathcmd"
	"github.com/natospend/natospend/pkg/cli/releasescmd"
	"github.com/natospend/natospend/pkg/cli/reportcmd"
	"github.com/natospend/natospend/pkg/cli/revisionscmd"
	"github.com/natospend/natospend/pkg/cli/targetscmd"
	"github.com/natospend/natospend/pkg/cli/validate"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/spf13/cobra"
)

// Main runs natospend with the given arguments and returns the exit code.
// It is the one place that decides what an error prints and how the
// process ends; a panic becomes a short "internal error" and exit code 70.
func Main(args []string, ios *iostreams.IOStreams) int {
	g := &cmdutil.GlobalOptions{}
	return run(args, NewFactory(ios, g), g)
}

// run executes a command tree built on f and g; Main's body, with the
// factory and the options injectable for tests.
func run(args []string, f *cmdutil.Factory, g *cmdutil.GlobalOptions) int {
	return runTree(args, f, g, onlyCommand(args, f.IO.Getenv))
}

// runTree is run with the tree built for only (see newRoot).
func runTree(args []string, f *cmdutil.Factory, g *cmdutil.GlobalOptions, only string) (code int) {
	ios := f.IO
	// --quiet silences the notes of every command by taking their stream
	// away (see quieten); errors still reach the real one.
	errOut := ios.ErrOut
	defer func() {
		ios.ErrOut = errOut
		if r := recover(); r != nil {
			fmt.Fprintf(errOut, "natospend: internal error: %v\nThis is a bug in natospend; please report it with the command you ran.\n", r)
			code = cmdutil.ExitInternal
		}
	}()
	root := newRoot(f, g, only)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	ios.ErrOut = errOut
	return exitCode(ios, cmd, g, err)
}

// NewFactory returns the factory for a real run whose root flags and
// state are g, with the embedded data.
func NewFactory(ios *iostreams.IOStreams, g *cmdutil.GlobalOptions) *cmdutil.Factory {
	return cmdutil.NewFactory(ios, Version(), EmbeddedData, g)
}

// EmbeddedData is the embedded data: its files, and what the loader makes
// of them, compiled in (pkg/snapshot).
var EmbeddedData = cmdutil.DataSources{Embedded: EmbeddedSources, EmbeddedLoaded: snapshot.Lazy}

// EmbeddedSources returns the embedded data files as loader sources.
func EmbeddedSources() []dataset.Source {
	files := data.Files()
	out := make([]dataset.Source, len(files))
	for i, f := range files {
		out[i] = dataset.Source{Name: "embedded:" + f.Name, Data: f.Data}
	}
	return out
}

// NewRootCmd builds a fresh command tree on f and g: every command and
// help topic.
func NewRootCmd(f *cmdutil.Factory, g *cmdutil.GlobalOptions) *cobra.Command {
	return newRoot(f, g, "")
}

// newRoot builds the root command with every command under it, or, when
// only names one (see onlyCommand), with that command alone: a run of
// `gap` does not pay for building the flags of the eleven others.
func newRoot(f *cmdutil.Factory, g *cmdutil.GlobalOptions, only string) *cobra.Command {
	root := &cobra.Command{
		Use:   "natospend",
		Short: "NATO allies' defence spending against the 2%, 2.5%, 3.5%, 3.7% and 5% targets",
		Long: strings.TrimSpace(`
natospend answers, from NATO's published figures: who falls short of which
defence spending target, by how much money, and what it would take by the
deadline. Its data (NATO's defence expenditure releases, the IMF World
Economic Outlook) is embedded and cited; add your own with --data.`),
		Example: cmdutil.Examples(`
  natospend gap --target 3.7
  natospend gap --target 2.5 --format csv > gaps.csv
  natospend targets
  natospend validate mydata.yaml`),
		Version:           f.Version,
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if !takesSettings(cmd) {
				return nil
			}
			path, err := applySettings(cmd, f.IO, g)
			if err != nil {
				return err
			}
			g.ConfigPath = path
			quieten(f.IO)
			g.Started = true
			return nil
		},
	}
	root.SetVersionTemplate("natospend {{.Version}}\n")
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &cmdutil.UsageError{Err: flagError(cmd, err)}
	})
	pf := root.PersistentFlags()
	pf.StringArrayVar(&g.DataPaths, "data", nil, "add a data `PATH`: a YAML file or a directory of them (repeatable)")
	pf.BoolVar(&g.NoDefaultData, "no-default-data", false, "use only the --data files, not the embedded data")
	pf.StringVar(&g.ConfigFile, "config", "", "read settings from this YAML `FILE` (default $NATOSPEND_CONFIG, else natospend/config.yaml in the user config directory)")
	pf.BoolVarP(&f.IO.Quiet, "quiet", "q", false, "print only data and errors: a table without its title, notes and Source lines, and no notes or warnings on stderr (JSON, CSV, TSV and xlsx are printed whole: JSON keeps its notes)")
	_ = root.RegisterFlagCompletionFunc("data", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})

	if only != "" {
		// Help and shell completion never run in such a tree (onlyCommand
		// sends them to the whole one): leave out cobra's completion command.
		root.CompletionOptions.DisableDefaultCmd = true
	}
	for _, c := range commands {
		if only == "" || c.name == only {
			root.AddCommand(c.new(f))
		}
	}
	cmdutil.StrictNumbers(root)
	if only == "" {
		addHelpTopics(root)
	}
	return root
}

// commands are natospend's commands, in the order of the help's list,
// by the name each is run by (TestCommandsTable checks the names).
var commands = []struct {
	name string
	new  func(*cmdutil.Factory) *cobra.Command
}{
	{"gap", func(f *cmdutil.Factory) *cobra.Command { return gap.NewCmd(f, nil) }},
	{"check", func(f *cmdutil.Factory) *cobra.Command { return check.NewCmd(f, nil) }},
	{"path", func(f *cmdutil.Factory) *cobra.Command { return pathcmd.NewCmd(f, nil) }},
	{"validate", func(f *cmdutil.Factory) *cobra.Command { return validate.NewCmd(f, nil) }},
	{"countries", func(f *cmdutil.Factory) *cobra.Command { return countries.NewCmd(f, nil) }},
	{"targets", func(f *cmdutil.Factory) *cobra.Command { return targetscmd.NewCmd(f, nil) }},
	{"releases", func(f *cmdutil.Factory) *cobra.Command { return releasescmd.NewCmd(f, nil) }},
	{"aid", func(f *cmdutil.Factory) *cobra.Command { return aid.NewCmd(f, nil) }},
	{"history", func(f *cmdutil.Factory) *cobra.Command { return historycmd.NewCmd(f, nil) }},
	{"revisions", func(f *cmdutil.Factory) *cobra.Command { return revisionscmd.NewCmd(f, nil) }},
	{"import", func(f *cmdutil.Factory) *cobra.Command { return importcmd.NewCmd(f, nil) }},
	{"chart", func(f *cmdutil.Factory) *cobra.Command { return chartcmd.NewCmd(f, nil) }},
	{"report", func(f *cmdutil.Factory) *cobra.Command { return reportcmd.NewCmd(f, nil) }},
}

// takesSettings reports whether a command reads the environment and the
// config file: help and shell completion never do, so that they work
// whatever the settings hold.
func takesSettings(cmd *cobra.Command) bool {
	for c := cmd; c != nil && c.HasParent(); c = c.Parent() {
		switch c.Name() {
		case "help", "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return false
		}
	}
	return true
}

// quieten makes --quiet (or NATOSPEND_QUIET, or quiet: in the config file)
// hold for every note and warning a command prints on stderr, whoever
// prints it: the command's error stream is discarded for the run, while
// run prints errors on the real one. Data on stdout is unchanged.
func quieten(ios *iostreams.IOStreams) {
	if ios.Quiet {
		ios.ErrOut = io.Discard
	}
}

func exitCode(ios *iostreams.IOStreams, cmd *cobra.Command, g *cmdutil.GlobalOptions, err error) int {
	if err == nil {
		return cmdutil.ExitOK
	}
	var exit *cmdutil.ExitError
	if errors.As(err, &exit) {
		if exit.Err != nil {
			fmt.Fprintf(ios.ErrOut, "natospend: %v\n", exit.Err)
		}
		return exit.Code
	}
	var dataErrs dataset.Errors
	if errors.As(err, &dataErrs) {
		fmt.Fprintln(ios.ErrOut, dataErrs.Error())
		noun := "errors"
		if len(dataErrs) == 1 {
			noun = "error"
		}
		fmt.Fprintf(ios.ErrOut, "natospend: %d %s in the data files\n", len(dataErrs), noun)
		return cmdutil.ExitFailure
	}
	usage := cmdutil.IsUsage(err) || cmd == nil || !g.Started
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) && fe.Origin == "" {
		// An error a command found in a value the command line did not give.
		fe.Origin = g.Origin(fe.Flag)
	}
	fmt.Fprintf(ios.ErrOut, "natospend: %s\n", err)
	if usage {
		name := "natospend"
		if cmd != nil {
			name = cmd.CommandPath()
		}
		fmt.Fprintf(ios.ErrOut, "Run '%s --help' for usage.\n", name)
		return cmdutil.ExitUsage
	}
	return cmdutil.ExitFailure
}

// version and commit are stamped at link time by release builds
// (scripts/release):
//
//	-ldflags "-X github.com/natospend/natospend/pkg/cli.version=v1.2.3 -X github.com/natospend/natospend/pkg/cli.commit=SHA"
//
// Empty (go build, go install, go test): Version takes them from the
// build info.
var version, commit string

// Version is the version and commit natospend was built from: the stamped
// version, else the module version of the build info (v1.2.3 for go
// install ...@v1.2.3, "(devel)" for a build in a clone); the stamped
// commit, else the build info's VCS revision (with "+dirty" for a build of
// modified files), its first 12 hex digits. A build with neither (go
// install from the module proxy records no revision) prints the version
// alone.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	v := version
	if v == "" && ok {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	rev, modified, _ := strings.Cut(commit, "+") // a stamped "SHA+dirty"
	if modified != "" {
		modified = "+" + modified
	}
	if rev == "" && ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = "+dirty"
				}
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (commit " + rev + modified + ")"
	}
	return v
}
