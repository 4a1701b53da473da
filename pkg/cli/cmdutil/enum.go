package cmdutil

import (
	"maps"
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// EnumAnnotation is the flag annotation that holds an enumerated flag's
// values (help environment lists them).
const EnumAnnotation = "natospend/enum"

// ElsewhereAnnotation is the flag annotation that lists values other
// commands' flags of the same name take and this one does not (chart's
// --format: csv, json...): a setting from the environment or outside the
// command's config section with one of them is meant for those commands,
// and is ignored here rather than an error (see SetElsewhere).
const ElsewhereAnnotation = "natospend/elsewhere"

// SetElsewhere records on fl the values other commands' flags of its name
// take (ElsewhereAnnotation).
func SetElsewhere(fl *pflag.Flag, values []string) {
	if fl.Annotations == nil {
		fl.Annotations = map[string][]string{}
	}
	fl.Annotations[ElsewhereAnnotation] = values
}

// ForElsewhere reports whether value is one that fl leaves to other
// commands (SetElsewhere), matched without regard to case.
func ForElsewhere(fl *pflag.Flag, value string) bool {
	for _, v := range fl.Annotations[ElsewhereAnnotation] {
		if strings.EqualFold(v, strings.TrimSpace(value)) {
			return true
		}
	}
	return false
}

// StringEnumFlag registers a string flag that takes one of values (lower
// case), in one place: the help lists the values, the shell completes them,
// a value is matched without regard to case (--format CSV is csv) and
// stored as listed, and any other value fails when it is set, from the
// command line, the environment or the config file alike, with
// `"xml" is not a format (expected one of: table, csv, ...)` (the noun is
// the flag's name; see EnumFlag for another noun or aliases).
func StringEnumFlag(cmd *cobra.Command, p *string, name, short, def string, values []string, usage string) *pflag.Flag {
	return EnumFlag{Name: name, Short: short, Default: def, Values: values, Usage: usage}.Register(cmd, p)
}

// EnumFlag describes an enumerated string flag.
type EnumFlag struct {
	Name, Short string
	Default     string
	// Values are the accepted values, in the order help shows them.
	Values []string
	// Aliases map other accepted (lower-case) spellings to a value.
	Aliases map[string]string
	// Noun names what a value is in messages ("a sort order"); default
	// "a " + Name.
	Noun  string
	Usage string
}

// Register defines the flag on cmd, storing into p, and registers its
// completion.
func (e EnumFlag) Register(cmd *cobra.Command, p *string) *pflag.Flag {
	noun := e.Noun
	if noun == "" {
		noun = "a " + e.Name
	}
	*p = e.Default
	v := &enumValue{p: p, values: e.Values, aliases: e.Aliases, noun: noun}
	usage := strings.TrimSpace(e.Usage + " {" + strings.Join(e.Values, "|") + "}")
	fl := cmd.Flags().VarPF(v, e.Name, e.Short, usage)
	fl.DefValue = e.Default
	if fl.Annotations == nil {
		fl.Annotations = map[string][]string{}
	}
	fl.Annotations[EnumAnnotation] = e.Values
	_ = cmd.RegisterFlagCompletionFunc(e.Name, cobra.FixedCompletions(e.Values, cobra.ShellCompDirectiveNoFileComp))
	return fl
}

// enumValue is the pflag.Value of an enumerated flag.
type enumValue struct {
	p       *string
	values  []string
	aliases map[string]string
	noun    string
}

func (v *enumValue) String() string { return *v.p }
func (v *enumValue) Type() string   { return "string" }

func (v *enumValue) Set(s string) error {
	t, ok := v.match(s)
	if !ok {
		return valueError(s, "%q is not %s%s (expected one of: %s)", s, v.noun, v.didYouMean(s), strings.Join(v.values, ", "))
	}
	*v.p = t
	return nil
}

// match returns the value s stands for (without regard to case, or by an
// alias), and whether it is one.
func (v *enumValue) match(s string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	if a, ok := v.aliases[t]; ok {
		t = a
	}
	return t, slices.Contains(v.values, t)
}

// didYouMean returns ": did you mean json?" for the values (or aliases)
// nearest to s, or "".
func (v *enumValue) didYouMean(s string) string {
	set := suggest.Words(v.values...)
	for _, a := range slices.Sorted(maps.Keys(v.aliases)) {
		set.Add(v.aliases[a], a, v.aliases[a])
	}
	if h := suggest.DidYouMean(set.Nearest(s)); h != "" {
		return ": " + h
	}
	return ""
}
