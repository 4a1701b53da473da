// Command libs is the second baseline of scripts/bench.sh: the least a
// program built like natospend does, linking the same libraries: a cobra
// command whose --target flag may come from an environment variable, and
// a tablewriter table of one row. (natospend reads its settings with its
// own strict reader since issue 11, not viper: the baseline follows.) natospend's
// start-up cost is measured against it: what these libraries cost to load
// and initialise is not natospend's to save.
//
//	libs gap --target 3.7
package main

import (
	"fmt"
	"os"

	"github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "libs", SilenceUsage: true}
	gap := &cobra.Command{
		Use: "gap",
		RunE: func(cmd *cobra.Command, args []string) error {
			t := tablewriter.NewWriter(os.Stdout)
			t.Header("Target", "Gap")
			target, _ := cmd.Flags().GetString("target")
			if env := os.Getenv("BASELINE_TARGET"); env != "" && !cmd.Flags().Changed("target") {
				target = env
			}
			if err := t.Append([]string{target, "0"}); err != nil {
				return err
			}
			return t.Render()
		},
	}
	gap.Flags().String("target", "2", "target")
	root.AddCommand(gap)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
