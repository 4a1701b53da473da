package cmdutil

import (
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

// Factory holds what commands depend on. Expensive things are functions,
// resolved only when a command needs them.
type Factory struct {
	IO *iostreams.IOStreams
	// Embedded returns the embedded default data files.
	Embedded func() []dataset.Source
	// EmbeddedLoaded, when set, returns what dataset.Load makes of the
	// Embedded files (pkg/snapshot, compiled in): Dataset merges the user's
	// files onto it instead of parsing the embedded YAML again, unless
	// ParseEmbedded is set.
	EmbeddedLoaded func() *defence.Dataset
	// ParseEmbedded makes Dataset parse and check the embedded YAML itself
	// (validate sets it: checking the files is its job).
	ParseEmbedded bool
	// DataPaths and NoDefaultData are set by the root's --data and
	// --no-default-data flags.
	DataPaths     []string
	NoDefaultData bool
	// Version is printed by --version.
	Version string
	// SettingOrigin, when set, says where a flag's value came from when
	// it was not given on the command line ("NATOSPEND_RELEASE=x", "config
	// file F: release: x"), or "" (set by the root command).
	SettingOrigin func(flag string) string
	// ConfigPath is the config file this run read settings from, "" when
	// none (set by the root command).
	ConfigPath string

	ds    *defence.Dataset
	dsErr error
	done  bool
}

// Dataset loads the embedded data (unless --no-default-data) and the
// user's --data files, once.
func (f *Factory) Dataset() (*defence.Dataset, error) {
	if f.done {
		return f.ds, f.dsErr
	}
	f.done = true
	// The snapshot spares parsing the embedded files, and even copying them.
	snapshot := !f.NoDefaultData && f.EmbeddedLoaded != nil && !f.ParseEmbedded
	var embedded []dataset.Source
	if !f.NoDefaultData && f.Embedded != nil && !snapshot {
		embedded = f.Embedded()
	}
	// Listed, not read: the loader reads each file as it parses it.
	user, err := dataset.ListPaths(f.DataPaths)
	if err != nil {
		f.dsErr = err
		return nil, err
	}
	if snapshot {
		if len(user) == 0 {
			// Nothing to merge: LoadOnto would return the snapshot as it is.
			f.ds = f.EmbeddedLoaded()
			return f.ds, nil
		}
		f.ds, f.dsErr = dataset.LoadOnto(f.EmbeddedLoaded(), user)
		return f.ds, f.dsErr
	}
	if len(embedded) == 0 && len(user) == 0 {
		f.dsErr = UsageErrorf("no data: --no-default-data needs at least one --data PATH")
		return nil, f.dsErr
	}
	f.ds, f.dsErr = dataset.Load(embedded, user)
	return f.ds, f.dsErr
}
