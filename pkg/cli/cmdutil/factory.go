package cmdutil

import (
	"sync"

	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

// Factory holds what commands depend on, and only that: the IO streams
// and, as functions resolved only when a command needs them, the data
// loaders and the lookups into the run's settings. The root's flags and
// the state of a run are in GlobalOptions, which NewFactory's functions
// read.
type Factory struct {
	IO *iostreams.IOStreams
	// Version is printed by --version.
	Version string
	// Dataset loads the run's data, once: the embedded data (unless
	// --no-default-data) and the --data files.
	Dataset func() (*defence.Dataset, error)
	// CheckDataset loads the run's data and the data files at extra,
	// parsing and checking the embedded YAML itself rather than taking
	// its compiled-in snapshot (validate: checking the files is its job).
	CheckDataset func(extra []string) (*defence.Dataset, error)
	// SettingOrigin says where a flag's value came from when it was not
	// given on the command line ("NATOSPEND_RELEASE=x", "config file F:
	// line 1: release: x"), or "".
	SettingOrigin func(flag string) string
	// Inputs returns the files the run reads settings and data from: the
	// config file ("" when none) and the --data paths (an --output must be
	// none of them).
	Inputs func() (config string, data []string)
}

// DataSources are where a run's data comes from.
type DataSources struct {
	// Embedded returns the embedded default data files.
	Embedded func() []dataset.Source
	// EmbeddedLoaded, when set, returns what dataset.Load makes of the
	// Embedded files (pkg/snapshot, compiled in): Load merges the user's
	// files onto it instead of parsing the embedded YAML again, unless
	// told to parse it.
	EmbeddedLoaded func() *defence.Dataset
}

// NewFactory returns the factory of a run whose root flags and state are
// g, with the data of src.
func NewFactory(ios *iostreams.IOStreams, version string, src DataSources, g *GlobalOptions) *Factory {
	return &Factory{
		IO:      ios,
		Version: version,
		// Read when first called, once the flags are parsed.
		Dataset: sync.OnceValues(func() (*defence.Dataset, error) {
			return src.Load(g.DataPaths, g.NoDefaultData, false)
		}),
		CheckDataset: func(extra []string) (*defence.Dataset, error) {
			paths := append(append([]string(nil), g.DataPaths...), extra...)
			return src.Load(paths, g.NoDefaultData, true)
		},
		SettingOrigin: g.Origin,
		Inputs:        func() (string, []string) { return g.ConfigPath, g.DataPaths },
	}
}

// Load loads the embedded data (unless noDefault) and the data files at
// paths. The snapshot (EmbeddedLoaded) spares parsing the embedded files,
// unless parseEmbedded.
func (src DataSources) Load(paths []string, noDefault, parseEmbedded bool) (*defence.Dataset, error) {
	snapshot := !noDefault && src.EmbeddedLoaded != nil && !parseEmbedded
	var embedded []dataset.Source
	if !noDefault && src.Embedded != nil && !snapshot {
		embedded = src.Embedded()
	}
	// Listed, not read: the loader reads each file as it parses it.
	user, err := dataset.ListPaths(paths)
	if err != nil {
		return nil, err
	}
	if snapshot {
		if len(user) == 0 {
			// Nothing to merge: LoadOnto would return the snapshot as it is.
			return src.EmbeddedLoaded(), nil
		}
		return dataset.LoadOnto(src.EmbeddedLoaded(), user)
	}
	if len(embedded) == 0 && len(user) == 0 {
		return nil, UsageErrorf("no data: --no-default-data needs at least one --data PATH")
	}
	return dataset.Load(embedded, user)
}
