package cmdutil

import (
	"strings"

	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/natospend/natospend/pkg/targets"
	"github.com/spf13/cobra"
)

// HintOr returns ": did you mean x?" for the names of set nearest to
// input, or " (expected one of: a, b, c)" listing valid when none is
// close: the tail of an "unknown ..." message.
func HintOr(set *suggest.Set, input string, valid []string) string {
	if h := suggest.DidYouMean(set.Nearest(input)); h != "" {
		return ": " + h
	}
	return " (expected one of: " + strings.Join(valid, ", ") + ")"
}

// didYouMean returns ": did you mean json?" for the words nearest to
// input, or "": for a message that lists the words anyway.
func didYouMean(input string, words []string) string {
	if h := suggest.DidYouMean(suggest.Words(words...).Nearest(input)); h != "" {
		return ": " + h
	}
	return ""
}

// SplitList splits the values of a list flag (each as given on the
// command line, in the environment or in the config file) into trimmed,
// non-blank items: a comma, a line break or a tab separates items
// (pkg/lists, the one rule for every list).
func SplitList(values []string) []string { return lists.Split(values) }

// NoArgsTargetHint rejects positional arguments, suggesting --target for
// what reads as a percentage (natospend gap 3.7).
func NoArgsTargetHint(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if _, err := targets.ParsePct(args[0]); err == nil {
		return UsageErrorf("unexpected argument %q: did you mean --target %s?", args[0], args[0])
	}
	return UsageErrorf("unexpected argument %q: %s takes flags only (a target goes after --target; `natospend targets` lists the named ones)", args[0], cmd.CommandPath())
}
