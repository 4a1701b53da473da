package cmdutil

// GlobalOptions are the root command's flags and the state of a run (as
// restic's GlobalOptions): what the root parses and sets, apart from the
// Factory's dependencies. --quiet is the IO streams' mode
// (IOStreams.Quiet), read by everything that prints.
type GlobalOptions struct {
	DataPaths     []string // --data
	NoDefaultData bool     // --no-default-data
	ConfigFile    string   // --config

	// The state of the run, set by the root's PersistentPreRunE once the
	// settings are applied.

	// ConfigPath is the config file the run read settings from, "" when
	// none.
	ConfigPath string
	// Started is set once the command got past its arguments and
	// settings: an error after that is not taken for a usage error.
	Started bool
	origins map[string]string
}

// SetOrigin records where a flag's value came from when the command line
// did not give it ("NATOSPEND_YEAR=2024", "config file F: line 1: year:
// 2024").
func (g *GlobalOptions) SetOrigin(flag, from string) {
	if g.origins == nil {
		g.origins = map[string]string{}
	}
	g.origins[flag] = from
}

// Origin returns where a flag's value came from (see SetOrigin), or ""
// for the command line or the default.
func (g *GlobalOptions) Origin(flag string) string { return g.origins[flag] }
