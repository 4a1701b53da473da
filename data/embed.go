// Package data holds natospend's embedded default data: the YAML files of
// this folder (countries, groups, targets and the published releases),
// compiled into the binary. See README.md here and docs/data.md for the
// format. Nothing but pkg/dataset is meant to read them, through Files.
package data

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.yaml
var files embed.FS

// File is one embedded data file.
type File struct {
	Name string // file name, such as "nato-2026-07.yaml"
	Data []byte // its contents
}

// Files returns the embedded data files sorted by name. The byte slices are
// fresh copies: callers may keep or change them.
func Files() []File {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic("data: reading embedded files: " + err.Error())
	}
	out := make([]File, 0, len(entries))
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := files.ReadFile(e.Name())
		if err != nil {
			panic("data: reading embedded " + e.Name() + ": " + err.Error())
		}
		out = append(out, File{Name: e.Name(), Data: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
