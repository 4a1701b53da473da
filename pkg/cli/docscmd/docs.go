// Package docscmd is the docs generator run by cmd/gen-docs: it writes the
// man pages and the Markdown reference of natospend's whole command tree,
// byte for byte the same from one run to the next.
package docscmd

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// DefaultDate is the date in the man pages' header when SOURCE_DATE_EPOCH
// is not set. It is fixed, not today's date, so that the pages are
// reproducible; only its month and year are shown.
var DefaultDate = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// Options are the docs command's flags.
type Options struct {
	// Man is the directory for the man pages (section 1), "" for none.
	Man string
	// Markdown is the directory for the Markdown reference, "" for none.
	Markdown string
}

// NewCmd builds the hidden docs command. root returns a fresh root command
// of the tree to document (not the one being run, whose flags the run has
// already parsed): the docs describe every available command of that tree,
// not just `docs`. Hidden commands (docs itself among them) and help topics
// get no page.
func NewCmd(root func() *cobra.Command) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:    "docs",
		Short:  "Write man pages and Markdown reference docs",
		Hidden: true,
		Long: strings.TrimSpace(`
Docs writes a man page (section 1) and/or a Markdown file for natospend and
each of its commands into the given directories, creating them. The output is
the same byte for byte from run to run: the man pages are dated from
SOURCE_DATE_EPOCH when it is set, else from a fixed date, and no page carries
a generation date.`),
		Example: cmdutil.Examples(`
  go run ./cmd/gen-docs --man share/man/man1
  go run ./cmd/gen-docs --markdown docs/cli --man share/man/man1`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Man == "" && opts.Markdown == "" {
				return cmdutil.UsageErrorf("docs needs --man DIR, --markdown DIR or both")
			}
			date, err := manDate(os.Getenv)
			if err != nil {
				return err
			}
			return Generate(root(), *opts, date)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Man, "man", "", "write man pages (section 1) into `DIR`")
	fl.StringVar(&opts.Markdown, "markdown", "", "write Markdown reference docs into `DIR`")
	_ = cmd.MarkFlagDirname("man")
	_ = cmd.MarkFlagDirname("markdown")
	return cmd
}

// Generate writes the docs of the tree under root into the directories of
// opts, creating them; date goes into the man pages' header. It turns off
// cobra's "Auto generated ... on DATE" tag on every command of the tree.
func Generate(root *cobra.Command, opts Options, date time.Time) error {
	disableAutoGenTag(root)
	if opts.Man != "" {
		if err := os.MkdirAll(opts.Man, 0o755); err != nil {
			return fmt.Errorf("docs: --man: %w", err)
		}
		header := &doc.GenManHeader{
			// Title is left empty: cobra then titles each page after its
			// command (NATOSPEND-GAP).
			Section: "1",
			Date:    &date,
			Source:  "natospend",
			Manual:  "natospend manual",
		}
		if err := doc.GenManTree(root, header, opts.Man); err != nil {
			return fmt.Errorf("docs: --man: %w", err)
		}
	}
	if opts.Markdown != "" {
		if err := os.MkdirAll(opts.Markdown, 0o755); err != nil {
			return fmt.Errorf("docs: --markdown: %w", err)
		}
		if err := doc.GenMarkdownTree(root, opts.Markdown); err != nil {
			return fmt.Errorf("docs: --markdown: %w", err)
		}
	}
	return nil
}

func disableAutoGenTag(cmd *cobra.Command) {
	cmd.DisableAutoGenTag = true
	for _, c := range cmd.Commands() {
		disableAutoGenTag(c)
	}
}

// manDate is SOURCE_DATE_EPOCH (seconds since 1970, in UTC) when it is set,
// else DefaultDate. A malformed value is an error, as the reproducible
// builds specification asks, rather than being silently ignored.
func manDate(getenv func(string) string) (time.Time, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return DefaultDate, nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < 0 {
		return time.Time{}, fmt.Errorf("docs: SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01 (expected, e.g., 1767225600)", s)
	}
	return time.Unix(sec, 0).UTC(), nil
}
