// Command gen writes pkg/snapshot/dataset_gen.go from the embedded YAML
// data. It is run by go generate in pkg/snapshot:
//
//	go generate ./...
package main

import (
	"fmt"
	"os"

	"github.com/natospend/natospend/pkg/snapshot/snapgen"
)

func main() {
	ds, err := snapgen.Load()
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: the embedded data does not load:\n%v\n", err)
		os.Exit(1)
	}
	src, err := snapgen.Generate(ds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(snapgen.File, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
