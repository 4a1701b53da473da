package cmdutil

import (
	"github.com/natospend/natospend/pkg/defence"
	"github.com/spf13/cobra"
)

// RegisterDataCompletion completes a flag with what items says of the
// loaded data ("id\tdescription" each); the data is loaded only when the
// shell asks, and an error loading it completes nothing.
func RegisterDataCompletion(cmd *cobra.Command, flag string, f *Factory, items func(ds *defence.Dataset) []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return items(ds), cobra.ShellCompDirectiveNoFileComp
	})
}
