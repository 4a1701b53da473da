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
	// Measure (added later): share (a percentage of GDP) or equipment (a
	// percentage of defence expenditure spent on major equipment).
	Measure string `json:"measure"`
	// Definition (added later): the definition of defence expenditure the
	// target was agreed on (classic, core); null when the data names none.
	Definition *string `json:"definition"`
}

// fields are the targets table's fields, declared once: the human table
// and the CSV/TSV derive from them (keys: a contract, only ever added to).
var fields = []render.Spec[row]{
	{Key: "id", Title: "Target", Get: func(r row) render.Cell { return render.T(r.ID) }},
	{Key: "target_pct", Title: "%", Kind: render.Percent, Get: func(r row) render.Cell { return render.N(r.Pct) }},
	{Title: "Of", Get: func(r row) render.Cell {
		if r.Measure == "equipment" {
			return render.T("defence (equipment)")
		}
		return render.T("GDP")
	}},
	{Key: "deadline", Title: "By", Kind: render.Int, Get: func(r row) render.Cell {
		if r.Deadline == nil {
			return render.U()
		}
		return render.N(float64(*r.Deadline))
	}},
	{Key: "name", Title: "Name", Get: func(r row) render.Cell { return render.T(r.Name) }},
	{Key: "components", Title: "Parts", Get: func(r row) render.Cell {
		var parts []string
		for _, c := range r.Components {
			parts = append(parts, fmt.Sprintf("%s %g%%", c.ID, c.Pct))
		}
		return render.T(strings.Join(parts, " + "))
	}},
	{Key: "agreed", Get: func(r row) render.Cell { return render.T(r.Agreed) }},
	{Key: "citation", Get: func(r row) render.Cell { return render.T(r.Citation) }},
	{Key: "url", Get: func(r row) render.Cell { return render.T(r.URL) }},
	{Key: "note", Get: func(r row) render.Cell { return render.T(r.Note) }},
	{Key: "measure", Get: func(r row) render.Cell { return render.T(r.Measure) }},
	{Key: "definition", Get: func(r row) render.Cell {
		if r.Definition == nil {
			return render.U()
		}
		return render.T(*r.Definition)
	}},
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
	ids := ds.TargetIDs()
	rows := []row{}
	var notes []string
	for _, id := range ids {
		t := ds.Targets[id]
		r := row{ID: id, Name: t.Name, Pct: t.Pct, Agreed: t.Agreed, Citation: t.Citation, URL: t.URL, Note: t.Note, Components: []component{}, Measure: "share"}
		if t.OfDefence() {
			r.Measure = "equipment"
		}
		if t.Definition != "" {
			d := t.Definition
			r.Definition = &d
		}
		if t.Deadline > 0 {
			d := t.Deadline
			r.Deadline = &d
		}
		for _, c := range t.Components {
			r.Components = append(r.Components, component{ID: c.ID, Name: c.Name, Pct: c.Pct, Basis: c.Basis})
		}
		notes = append(notes, fmt.Sprintf("%s: %s", id, t.Citation))
		rows = append(rows, r)
	}
	human := func() *render.Table {
		return render.HumanTable("Named targets (use with --target; a target of defence spending with --measure equipment)", fields, rows, nil, notes)
	}
	machine := func() *render.Table { return render.MachineTable(fields, rows) }
	// The JSON keeps a target's parts as a list (components), see docs/json.md.
	return o.Out.Emit(o.F, cmdutil.Output{
		Human:   human,
		Machine: machine,
		JSON:    func() any { return map[string]any{"targets": rows} },
	})
}
