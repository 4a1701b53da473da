// Command natospend computes NATO allies' gaps to defence spending targets.
package main

import (
	"os"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], iostreams.System()))
}
