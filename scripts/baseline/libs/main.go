// Command libs is the second baseline of scripts/bench.sh: the least a
// program built like natospend does, linking the same libraries: a cobra
// command whose --target flag is bound to a viper instance (with
// environment variables), and a tablewriter table of one row. natospend's
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
	"github.com/spf13/viper"
)

func main() {
	v := viper.New()
	v.SetEnvPrefix("BASELINE")
	v.AutomaticEnv()
	root := &cobra.Command{Use: "libs", SilenceUsage: true}
	gap := &cobra.Command{
		Use: "gap",
		RunE: func(cmd *cobra.Command, args []string) error {
			t := tablewriter.NewWriter(os.Stdout)
			t.Header("Target", "Gap")
			if err := t.Append([]string{v.GetString("target"), "0"}); err != nil {
				return err
			}
			return t.Render()
		},
	}
	gap.Flags().String("target", "2", "target")
	if err := v.BindPFlag("target", gap.Flags().Lookup("target")); err != nil {
		panic(err)
	}
	root.AddCommand(gap)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
