// Package targetscmd is the `natospend targets` command.
package targetscmd

import (
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/render"
	"github.com/spf13/cobra"
)

// Options of a targets run.
type Options struct {
	F   *cmdutil.Factory
	Out cmdutil.OutputFlags
}

// NewCmd builds the targets command.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "targets",
		Short: "List the named spending targets with their deadlines and sources",
		Long: strings.TrimSpace(`
Targets lists the named targets that --target accepts, with the share of GDP,
the deadline and where each comes from. Add your own in a targets file with
--data (see docs/data.md).`),
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

type component struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Pct   float64 `json:"target_pct"`
	Basis string  `json:"basis"`
}

type row struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Pct        float64     `json:"target_pct"`
	Deadline   *int        `json:"deadline"`
	Agreed     string      `json:"agreed"`
	Components []component `json:"components"`
	Citation   string      `json:"citation"`
	URL        string      `json:"url"`
	Note       string      `json:"note"`
}

// Run lists the targets.
func Run(o *Options) error {
	if err := o.Out.Validate(); err != nil {
		return err
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	cols := []render.Column{
		{Key: "id", Title: "Target", Kind: render.String}, {Key: "target_pct", Title: "% GDP", Kind: render.Percent},
		{Key: "deadline", Title: "By", Kind: render.Int}, {Key: "name", Title: "Name", Kind: render.String},
		{Key: "components", Title: "Parts", Kind: render.String},
	}
	human := &render.Table{Title: "Named targets (use with --target)", Columns: cols}
	machine := &render.Table{Columns: append(append([]render.Column{}, cols...),
		render.Column{Key: "agreed", Kind: render.String}, render.Column{Key: "citation", Kind: render.String},
		render.Column{Key: "url", Kind: render.String}, render.Column{Key: "note", Kind: render.String})}
	rows := []row{}
	for _, id := range ds.TargetIDs() {
		t := ds.Targets[id]
		r := row{ID: id, Name: t.Name, Pct: t.Pct, Agreed: t.Agreed, Citation: t.Citation, URL: t.URL, Note: t.Note, Components: []component{}}
		if t.Deadline > 0 {
			d := t.Deadline
			r.Deadline = &d
		}
		var parts []string
		for _, c := range t.Components {
			r.Components = append(r.Components, component{ID: c.ID, Name: c.Name, Pct: c.Pct, Basis: c.Basis})
			parts = append(parts, fmt.Sprintf("%s %g%%", c.ID, c.Pct))
		}
		cells := []render.Cell{render.T(id), render.N(t.Pct), render.Opt(float64(t.Deadline), t.Deadline > 0), render.T(t.Name), render.T(strings.Join(parts, " + "))}
		human.Rows = append(human.Rows, cells)
		machine.Rows = append(machine.Rows, append(append([]render.Cell{}, cells...),
			render.T(t.Agreed), render.T(t.Citation), render.T(t.URL), render.T(t.Note)))
		human.Notes = append(human.Notes, fmt.Sprintf("%s: %s", id, t.Citation))
		rows = append(rows, r)
	}
	return o.Out.Emit(o.F, cmdutil.Output{Human: human, Machine: machine, JSON: map[string]any{"targets": rows}})
}
