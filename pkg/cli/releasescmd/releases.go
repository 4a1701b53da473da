// Package releasescmd is the `natospend releases` command: every release
// in the data, with its provenance and coverage.
package releasescmd

import (
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/render"
	"github.com/spf13/cobra"
)

// Options of a releases run.
type Options struct {
	F   *cmdutil.Factory
	Out cmdutil.OutputFlags
}

// NewCmd builds the releases command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "releases",
		Short: "The releases in the data: defence, GDP, population and aid, with their sources",
		Long: strings.TrimSpace(`
Releases lists every release natospend knows, embedded and from your --data
files: NATO's defence expenditure releases, the IMF World Economic Outlook's
GDP and population, and the Kiel Institute's aid tracker. For each: its id
(what --release takes), kind, title, publisher, publication date, cut-off,
definition of defence expenditure (classic or core), price basis, what it
covers (countries x years), its URL and, where they apply, the publisher's
file its figures come from (with its SHA-256) and the copy that was read
(via) when it is not the publisher's own file. A defence release whose
cut-off no source gives says so.`),
		Example: cmdutil.Examples(`
  natospend releases
  natospend releases --format csv`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	return cmd
}

func text(get func(calc.ReleaseInfo) string) func(calc.ReleaseInfo) render.Cell {
	return func(r calc.ReleaseInfo) render.Cell { return render.T(get(r)) }
}

func count(get func(calc.ReleaseInfo) int) func(calc.ReleaseInfo) render.Cell {
	return func(r calc.ReleaseInfo) render.Cell { v := get(r); return render.Opt(float64(v), v != 0) }
}

// fields of a release row, declared once: the table, the CSV/TSV and the
// JSON rows derive from them (keys: a contract, only ever added to). A
// function, not a package-level variable: the closures are built when
// releases runs, not at every run's start (issue 21, item 11).
func fields() []render.Spec[calc.ReleaseInfo] {
	return []render.Spec[calc.ReleaseInfo]{
		{Key: "id", Title: "Release", Get: text(func(r calc.ReleaseInfo) string { return r.ID })},
		{Key: "kind", Title: "Kind", Get: text(func(r calc.ReleaseInfo) string { return r.Kind })},
		{Key: "title", Title: "Title", Get: text(func(r calc.ReleaseInfo) string { return r.Title })},
		{Key: "publisher", Title: "Publisher", Get: text(func(r calc.ReleaseInfo) string { return r.Publisher })},
		{Key: "published", Title: "Published", Get: text(func(r calc.ReleaseInfo) string { return r.Published })},
		{Key: "cutoff", Title: "Cut-off", Get: text(func(r calc.ReleaseInfo) string { return r.Cutoff })},
		{Key: "definition", Title: "Definition", Get: text(func(r calc.ReleaseInfo) string { return r.Definition })},
		{Key: "price_basis", Get: text(func(r calc.ReleaseInfo) string { return r.PriceBasis })},
		{Key: "measure", Get: text(func(r calc.ReleaseInfo) string { return r.Measure })},
		{Key: "countries", Kind: render.Int, Get: count(func(r calc.ReleaseInfo) int { return r.Countries })},
		{Key: "first_year", Kind: render.Int, Get: count(func(r calc.ReleaseInfo) int { return r.FirstYear })},
		{Key: "last_year", Kind: render.Int, Get: count(func(r calc.ReleaseInfo) int { return r.LastYear })},
		{Key: "cells", Kind: render.Int, Get: count(func(r calc.ReleaseInfo) int { return r.Cells })},
		{Title: "Covers", Get: text(calc.ReleaseInfo.Coverage)},
		{Key: "period_start", Get: text(func(r calc.ReleaseInfo) string { return r.PeriodStart })},
		{Key: "url", Get: text(func(r calc.ReleaseInfo) string { return r.URL })},
		{Key: "via", Get: text(func(r calc.ReleaseInfo) string { return r.Via })},
		{Key: "embedded", Kind: render.Bool, Get: func(r calc.ReleaseInfo) render.Cell { return render.B(r.Embedded) }},
		{Key: "replaces_embedded", Kind: render.Bool, Get: func(r calc.ReleaseInfo) render.Cell { return render.B(r.Replaces) }},
		{Key: "file", Get: text(func(r calc.ReleaseInfo) string { return r.File })},
		// added with the provenance of issue 19: the publisher's file the
		// figures come from, where the url is another document
		{Key: "source_file", Get: text(func(r calc.ReleaseInfo) string { return r.SourceFile })},
		{Key: "source_sha256", Get: text(func(r calc.ReleaseInfo) string { return r.SourceSHA256 })},
	}
}

// Run lists the releases.
func Run(o *Options) error {
	if err := o.Out.Validate(); err != nil {
		return err
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	rows := calc.ReleaseList(ds)
	var notes []string
	for _, r := range rows {
		line := r.ID + ": " + r.URL
		if r.SourceFile != "" {
			line += ", figures from " + r.SourceFile
			if r.SourceSHA256 != "" {
				line += " (SHA-256 " + r.SourceSHA256 + ")"
			}
		}
		if r.Via != "" {
			line += ", read via " + r.Via
		}
		if r.Cutoff == "" && r.Kind == calc.KindDefence {
			line += "; " + calc.CutoffNotGiven
		}
		switch {
		case r.Replaces:
			line += " (your file " + r.File + ", replacing the embedded release of that id)"
		case !r.Embedded:
			line += " (your file " + r.File + ")"
		}
		notes = append(notes, line)
	}
	return o.Out.Emit(o.F, cmdutil.Output{
		Human:   func() *render.Table { return render.HumanTable("Releases in the data", fields(), rows, nil, notes) },
		Machine: func() *render.Table { return render.MachineTable(fields(), rows) },
		JSON: func() any {
			return render.Object{
				{Key: "schema_version", Value: 1},
				{Key: "releases", Value: append([]render.Object{}, render.Objects(fields(), rows)...)},
			}
		},
	})
}
