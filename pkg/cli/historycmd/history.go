// Package historycmd is the `natospend history` command: one or more
// countries' figures over the years of one defence release.
package historycmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/render"
	"github.com/natospend/natospend/pkg/years"
	"github.com/spf13/cobra"
)

// SchemaVersion of the JSON output. Fields are only ever added.
const SchemaVersion = 1

// Options of a history run.
type Options struct {
	F         *cmdutil.Factory
	Release   string
	Years     []string // --year as given: a year, a range or a list
	Countries []string
	Groups    []string
	Exclude   []string
	Out       cmdutil.OutputFlags
}

// NewCmd builds the history command. A test may pass runF to capture the
// options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "A country's share of GDP, defence, GDP and equipment share over the years of a release",
		Long: strings.TrimSpace(`
History shows, for each selected country and each year of one defence
release, the figures as the release publishes them: defence as a share of
GDP, defence and GDP in million current US dollars, and the share of defence
spent on major equipment (NATO's guideline: 20%). Change pts is the share
minus the year before's, in percentage points; Change % is defence against
the year before's, in current US dollars (so exchange rates move it too).
A change is unknown, never zero, where either year's figure is unknown.

Rows come by country, then year. Years NATO marks as estimates show an e
(estimate: true in CSV and JSON). Where the release publishes no GDP (NATO's
August 2025 release), GDP comes from the newest GDP release that has it, as
in gap, marked ^ and named in the notes (gdp_source in CSV and JSON).

The release is the newest embedded NATO release unless --release names
another; --year takes a year, a range or a list (default: every year of the
release). All figures of one run come from one release: to see how a figure
changed between releases, use natospend revisions.`),
		Example: cmdutil.Examples(`
  natospend history --country DEU
  natospend history --country Germany,France --year 2020-2026
  natospend history --country DEU --release nato-2024-06 --year 2014-2024 --format csv
  natospend history --group europe --year 2026 --format json`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	cmdutil.ListVarP(fl, &opts.Countries, "country", "c", nil, "countries by ISO code or name (repeatable; a list separated by commas, line breaks or tabs)")
	cmdutil.ListVarP(fl, &opts.Groups, "group", "g", nil, "groups of countries, e.g. nato, europe, eu: the allies among today's members (repeatable or a list)")
	cmdutil.ListVar(fl, &opts.Exclude, "exclude", nil, "countries to leave out, by code or name (repeatable or a list)")
	cmdutil.ListVarP(fl, &opts.Years, "year", "y", nil, "years: 2024, a range 2014-2024 or a list 2014,2019,2024 (default: every year of the release)")
	fl.StringVarP(&opts.Release, "release", "r", "", "defence release id (default: the newest embedded NATO release; a --data release only when named)")
	query.RegisterCountryCompletion(cmd, "country", f)
	query.RegisterCountryCompletion(cmd, "exclude", f)
	query.RegisterGroupCompletion(cmd, "group", f)
	query.RegisterReleaseCompletion(cmd, "release", f)
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	return cmd
}

// row is one country and year.
type row struct {
	h *calc.History
	calc.HistoryYear
}

func num(n defence.Num) render.Cell { return render.Opt(n.V, n.Known) }

// fields are the history report's fields, declared once: the human table,
// the CSV/TSV and the JSON rows derive from them (keys: a contract, only
// ever added to, at the end). With one country the table leaves out the
// code and name, which the title gives.
func fields(rel *defence.Release, several bool) []render.Spec[row] {
	who := func(title string) string {
		if several {
			return title
		}
		return ""
	}
	return []render.Spec[row]{
		{Key: "code", Title: who("Code"), Get: func(r row) render.Cell { return render.T(r.h.Code) }},
		{Key: "name", Title: who("Country"), Get: func(r row) render.Cell { return render.T(r.h.Name) }},
		{Key: "year", Title: "Year", Kind: render.Int, Get: func(r row) render.Cell { return render.N(float64(r.Year)) },
			Show: func(r row) render.Cell {
				c := render.N(float64(r.Year))
				if r.Estimate {
					c.Mark = "e"
				}
				return c
			}},
		{Key: "release", Get: func(r row) render.Cell { return render.T(r.h.Release.ID) }},
		{Key: "estimate", Kind: render.Bool, Get: func(r row) render.Cell { return render.B(r.Estimate) }},
		{Key: "share_pct", Title: "Share %", Kind: render.Percent, Get: func(r row) render.Cell { return num(r.Share) }},
		{Key: "share_change_pts", Title: "Change pts", Kind: render.Percent, Get: func(r row) render.Cell { return num(r.ShareChange) }},
		{Key: "defence_musd", Title: "Defence $bn", Kind: render.Money, Get: func(r row) render.Cell { return num(r.Defence) }},
		{Key: "defence_change_pct", Title: "Change %", Kind: render.Percent, Get: func(r row) render.Cell { return num(r.DefenceChangePct) }},
		{Key: "gdp_musd", Title: "GDP $bn", Kind: render.Money, Get: func(r row) render.Cell { return num(r.GDP) },
			Show: func(r row) render.Cell {
				c := num(r.GDP)
				if r.GDP.Known && r.GDPSource != rel.ID {
					c.Mark = "^"
				}
				if r.GDPEstimate {
					c.Mark += "e"
				}
				return c
			}},
		{Key: "gdp_source", Get: func(r row) render.Cell { return render.T(r.GDPSource) }},
		{Key: "gdp_estimate", Kind: render.Bool, Get: func(r row) render.Cell { return render.B(r.GDPEstimate) }},
		{Key: "equipment_pct", Title: "Equipment %", Kind: render.Percent, Get: func(r row) render.Cell { return num(r.Equipment) }},
		{Key: "note", Get: func(r row) render.Cell { return render.T(r.Note) }},
	}
}

// Run prints the history.
func Run(o *Options) error {
	if err := o.Out.Validate(); err != nil {
		return err
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	var ys []int
	if len(lists.Split(o.Years)) > 0 {
		if ys, err = years.Parse(o.Years); err != nil {
			return cmdutil.FlagErrorf("year", "--year: %v", err)
		}
	}
	rc, err := query.ResolveReleaseYear(ds, o.Release, 0)
	if err != nil {
		return err
	}
	rel := rc.Release
	if ys != nil {
		var missing []int
		for _, y := range ys {
			if !rel.HasFiguresIn(y) {
				missing = append(missing, y)
			}
		}
		if len(missing) > 0 {
			return cmdutil.FlagErrorf("year", "--year %s: release %s publishes no figures for %s (it covers %s; give --release, or other years)", years.Format(ys), rel.ID, years.Format(missing), years.Format(rel.Years()))
		}
	} else {
		ys = rel.Years()
	}
	codes, named, err := query.Select(ds, "--country", o.Countries, o.Groups, o.Exclude, 0, true)
	if err != nil {
		return err
	}
	if !named {
		return cmdutil.UsageErrorf("history needs --country or --group (for example --country DEU, or --group nato)")
	}
	rc.PrintNote(o.F)

	hs := make([]calc.History, len(codes))
	rows := []row{}
	for i, code := range codes {
		hs[i] = calc.CountryHistory(ds, rel, code, ys)
		for _, y := range hs[i].Years {
			rows = append(rows, row{h: &hs[i], HistoryYear: y})
		}
	}
	fs := fields(rel, len(codes) != 1)
	return o.Out.Emit(o.F, cmdutil.Output{
		Human: func() *render.Table {
			notes := append(historyNotes(ds, rel, hs, true), calc.SourceOf(rel).Line())
			return render.HumanTable(title(ds, rel, codes, ys), fs, rows, nil, notes)
		},
		Machine: func() *render.Table { return render.MachineTable(fs, rows) },
		Sources: func() []calc.Source { return []calc.Source{calc.SourceOf(rel)} },
		JSON: func() any {
			return render.Object{
				{Key: "schema_version", Value: SchemaVersion},
				{Key: "release", Value: rel.ID},
				{Key: "definition", Value: rel.Definition},
				{Key: "years", Value: ys},
				{Key: "countries", Value: codes},
				{Key: "rows", Value: render.Objects(fs, rows)},
				{Key: "notes", Value: historyNotes(ds, rel, hs, false)},
				{Key: "source", Value: calc.SourceOf(rel)},
			}
		},
	})
}

// title names the release, its definition, the years and, for one
// country, the country.
func title(ds *defence.Dataset, rel *defence.Release, codes []string, ys []int) string {
	def := rel.Definition
	if def == "" {
		def = "unstated"
	}
	who := fmt.Sprintf("%d countries", len(codes))
	if len(codes) == 1 {
		who = ds.Countries[codes[0]].Name + " (" + codes[0] + ")"
	}
	return fmt.Sprintf("History of %s, %s: release %s (%s definition)", who, years.Format(ys), rel.ID, def)
}

// historyNotes name every source other than the release, with the
// countries and years it gives; a cell's own note and a country without
// figures are said too. The table's (human) notes first explain its
// columns and marks.
func historyNotes(ds *defence.Dataset, rel *defence.Release, hs []calc.History, human bool) []string {
	out := []string{}
	mark := ""
	if human {
		out = append(out,
			"Change pts: share minus the year before's, in percentage points; Change %: defence against the year before's, in current USD (exchange rates move it too).",
			"Equipment %: major equipment as a share of defence spending (NATO's guideline: 20%). - unknown; e: estimate.")
		mark = "^: "
	}
	// GDP from another release: per source, who and which years.
	var srcs []string
	bySrc := map[string][]string{}
	for _, h := range hs {
		got := map[string][]int{}
		for _, y := range h.Years {
			if y.GDP.Known && y.GDPSource != rel.ID {
				if _, ok := got[y.GDPSource]; !ok && !slices.Contains(srcs, y.GDPSource) {
					srcs = append(srcs, y.GDPSource)
				}
				got[y.GDPSource] = append(got[y.GDPSource], y.Year)
			}
		}
		for src, ys := range got {
			bySrc[src] = append(bySrc[src], h.Name+" "+strings.ReplaceAll(years.Format(ys), ",", ", "))
		}
	}
	for _, src := range srcs {
		out = append(out, fmt.Sprintf("%sGDP from %s where release %s publishes none: %s.", mark, describe(ds, src), rel.ID, strings.Join(bySrc[src], ", ")))
	}
	for _, h := range hs {
		c := ds.Countries[h.Code]
		switch {
		case h.NotReported && c.Note != "":
			out = append(out, fmt.Sprintf("%s (not reported): %s", h.Name, c.Note))
		case len(rel.Cells()[h.Code]) == 0:
			out = append(out, fmt.Sprintf("%s: release %s has no figures for it.", h.Name, rel.ID))
		}
		for _, y := range h.Years {
			if y.Note != "" {
				out = append(out, fmt.Sprintf("%s %d: %s", h.Name, y.Year, y.Note))
			}
		}
	}
	return out
}

// describe names a release with its publisher and title.
func describe(ds *defence.Dataset, id string) string {
	r, ok := ds.Releases[id]
	if !ok || (r.Publisher == "" && r.Title == "") {
		return id
	}
	var what []string
	for _, s := range []string{r.Publisher, r.Title} {
		if s != "" {
			what = append(what, s)
		}
	}
	return id + " (" + strings.Join(what, ", ") + ")"
}
