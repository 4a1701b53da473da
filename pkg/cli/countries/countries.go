// Package countries is the `natospend countries` command.
package countries

import (
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
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
		sel := cmdutil.SelectFlags{Groups: o.Groups}
		if codes, err = sel.Resolve(ds, 0, false); err != nil {
			return err
		}
	}
	rels := ds.ReleasesNewestFirst(defence.SeriesDefence)
	cols := []render.Column{
		{Key: "code", Title: "Code", Kind: render.String}, {Key: "name", Title: "Country", Kind: render.String},
		{Key: "nato_since", Title: "NATO since", Kind: render.Int}, {Key: "defence_reported", Title: "Reports", Kind: render.Bool, TrueText: "yes"},
		{Key: "groups", Title: "Groups", Kind: render.String},
	}
	for _, r := range rels {
		cols = append(cols, render.Column{Key: "latest_" + r.ID, Title: r.ID, Kind: render.Int})
	}
	table := &render.Table{Title: "Countries in the data", Columns: cols}
	rows := []Row{}
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
		cells := []render.Cell{render.T(code), render.T(c.Name), render.Opt(float64(c.NATOSince), c.NATOSince > 0),
			render.B(c.DefenceReported), render.T(strings.Join(row.Groups, " "))}
		for _, r := range rels {
			y := r.LatestYearFor(code, 0)
			if y > 0 {
				row.LatestYears[r.ID] = y
			}
			cells = append(cells, render.Opt(float64(y), y > 0))
		}
		table.Rows = append(table.Rows, cells)
		rows = append(rows, row)
	}
	for _, code := range codes {
		if c := ds.Countries[code]; c.Note != "" {
			table.Notes = append(table.Notes, c.Name+": "+c.Note)
		}
	}
	return o.Out.Emit(o.F, cmdutil.Output{Human: table, Machine: table, JSON: map[string]any{"countries": rows}})
}
