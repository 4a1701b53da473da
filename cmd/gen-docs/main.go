// Command gen-docs writes natospend's man pages and Markdown reference:
//
//	go run ./cmd/gen-docs --man share/man/man1 --markdown docs/cli
//
// It lives outside the natospend binary so that the man-page libraries
// (cobra/doc, go-md2man, blackfriday) do not add to every run's start-up.
package main

import (
	"fmt"
	"os"

	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/docscmd"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/spf13/cobra"
)

func main() {
	ios := iostreams.System()
	cmd := docscmd.NewCmd(func() *cobra.Command {
		g := &cmdutil.GlobalOptions{}
		return cli.NewRootCmd(cli.NewFactory(ios, g), g)
	})
	cmd.Use = "gen-docs"
	cmd.Hidden = false
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	if err := cmd.Execute(); err != nil {
		fmt.Fprintf(os.Stderr, "gen-docs: %v\n", err)
		if cmdutil.IsUsage(err) {
			os.Exit(cmdutil.ExitUsage)
		}
		os.Exit(cmdutil.ExitFailure)
	}
}
