// Package countries is the `natospend countries` command.
package countries

import (
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/query"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/spf13/cobra"
)

// Options of a countries run.
type Options struct {
	F      *cmdutil.Factory
	Groups []string
	Out    cmdutil.OutputFlags
}

// NewCmd builds the countries command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "countries",
		Short: "List the countries in the data, their groups and latest years",
		Long: strings.TrimSpace(`
Countries lists every country in the data (allies, and non-allies such as
aid donors): ISO code, name, year of accession to NATO (empty for a country
that is not an ally), the groups it is a member of today (the United Kingdom
is not in eu, which it left in 2020; gap, check, path and aid count each
group's members of the year they report on), and for each defence release
the latest year for which it publishes figures for the country.`),
		Example: cmdutil.Examples(`
  natospend countries
  natospend countries --group eu --format csv`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmdutil.ListVarP(cmd.Flags(), &opts.Groups, "group", "g", nil, "only today's members of these groups (repeatable or a list)")
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	return cmd
}

// Row is one country of the listing.
type Row struct {
	Code            string         `json:"code"`
	Name            string         `json:"name"`
	NATOSince       *int           `json:"nato_since"`
	DefenceReported bool           `json:"defence_reported"`
	Groups          []string       `json:"groups"`
	LatestYears     map[string]int `json:"latest_years"`
	Note            string         `json:"note"`
}

// countryFields are the countries table's fields, declared once: the human
// table and the CSV/TSV derive from them, a latest_<release> column per
// defence release (keys: a contract, only ever added to).
func countryFields(rels []*defence.Release) []render.Spec[Row] {
	fields := []render.Spec[Row]{
		{Key: "code", Title: "Code", Get: func(r Row) render.Cell { return render.T(r.Code) }},
		{Key: "name", Title: "Country", Get: func(r Row) render.Cell { return render.T(r.Name) }},
		{Key: "nato_since", Title: "NATO since", Kind: render.Int, Get: func(r Row) render.Cell {
			if r.NATOSince == nil {
				return render.U()
			}
			return render.N(float64(*r.NATOSince))
		}},
		{Key: "defence_reported", Title: "Reports", Kind: render.Bool, TrueText: "yes", Get: func(r Row) render.Cell { return render.B(r.DefenceReported) }},
		{Key: "groups", Title: "Groups", Get: func(r Row) render.Cell { return render.T(strings.Join(r.Groups, " ")) }},
	}
	for _, rel := range rels {
		id := rel.ID
		fields = append(fields, render.Spec[Row]{Key: "latest_" + id, Title: id, Kind: render.Int, Get: func(r Row) render.Cell {
			y, ok := r.LatestYears[id]
			return render.Opt(float64(y), ok)
		}})
	}
	return fields
}

// Run lists the countries.
func Run(o *Options) error {
	if err := o.Out.Validate(); err != nil {
		return err
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	codes := ds.CountryCodes()
	if len(cmdutil.SplitList(o.Groups)) > 0 {
		sel := query.SelectFlags{Groups: o.Groups}
		if codes, err = sel.Resolve(ds, 0, false); err != nil {
			return err
		}
	}
	rels := ds.ReleasesNewestFirst(defence.SeriesDefence)
	rows := []Row{}
	var notes []string
	for _, code := range codes {
		c := ds.Countries[code]
		row := Row{Code: code, Name: c.Name, DefenceReported: c.DefenceReported, Groups: ds.GroupsIn(code, 0), LatestYears: map[string]int{}, Note: c.Note}
		if row.Groups == nil {
			row.Groups = []string{}
		}
		if c.NATOSince > 0 {
			y := c.NATOSince
			row.NATOSince = &y
		}
		for _, r := range rels {
			if y := r.LatestYearFor(code, 0); y > 0 {
				row.LatestYears[r.ID] = y
			}
		}
		rows = append(rows, row)
		if c.Note != "" {
			notes = append(notes, c.Name+": "+c.Note)
		}
	}
	fields := countryFields(rels)
	// One table for people and spreadsheets (the same columns); the JSON
	// keeps lists as lists (groups, latest_years), see docs/json.md.
	return o.Out.Emit(o.F, cmdutil.Output{
		Human:   func() *render.Table { return render.HumanTable("Countries in the data", fields, rows, nil, notes) },
		Machine: func() *render.Table { return render.MachineTable(fields, rows) },
		JSON:    func() any { return map[string]any{"countries": rows} },
		Sources: func() []calc.Source { // the releases of the latest_year columns
			var src []calc.Source
			for _, r := range rels {
				src = append(src, calc.SourceOf(r))
			}
			return src
		},
	})
}
