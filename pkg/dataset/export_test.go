package dataset

// ReadPaths finds the data files as ListPaths does and reads them at once
// (with the guards of every input file, package guardedfile): the tests
// compare files' bytes and provoke read errors with it. The commands list
// the files and let Load read each in turn.
func ReadPaths(paths []string) ([]Source, error) { return findPaths(paths, true) }
