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
	// DataPaths and NoDefaultData are set by the root's --data and
	// --no-default-data flags.
	DataPaths     []string
	NoDefaultData bool
	// Version is printed by --version.
	Version string

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
	var embedded []dataset.Source
	if !f.NoDefaultData && f.Embedded != nil {
		embedded = f.Embedded()
	}
	user, err := dataset.ReadPaths(f.DataPaths)
	if err != nil {
		f.dsErr = err
		return nil, err
	}
	if len(embedded) == 0 && len(user) == 0 {
		f.dsErr = UsageErrorf("no data: --no-default-data needs at least one --data PATH")
		return nil, f.dsErr
	}
	f.ds, f.dsErr = dataset.Load(embedded, user)
	return f.ds, f.dsErr
}
