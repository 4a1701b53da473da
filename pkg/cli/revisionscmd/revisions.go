// Package revisionscmd is the `natospend revisions` command: every figure
// that differs between two defence releases.
package revisionscmd

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
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/natospend/natospend/pkg/years"
	"github.com/spf13/cobra"
)

// SchemaVersion of the JSON output. Fields are only ever added.
const SchemaVersion = 1

// Options of a revisions run.
type Options struct {
	F           *cmdutil.Factory
	From, To    string
	Years       []string // --year as given: a year, a range or a list
	Figure      string   // all, share, defence, gdp or equipment
	RevisedOnly bool
	// IncludeRounding lists the figures that differ only by rounding.
	IncludeRounding bool
	Countries       []string
	Groups          []string
	Exclude         []string
	Out             cmdutil.OutputFlags
}

// FigureAll is --figure's default: every figure.
const FigureAll = "all"

// figureWords are --figure's values, each the short word of a calc figure.
var figureWords = []string{FigureAll, "share", "defence", "gdp", "equipment"}

// NewCmd builds the revisions command. A test may pass runF to capture
// the options instead of running.
func NewCmd(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "revisions",
		Short: "Every figure that changed between two releases: old, new, change",
		Long: strings.TrimSpace(`
Revisions lists, per country and year, every figure that differs between two
defence releases: the share of GDP, defence and GDP in million current US
dollars, and the equipment share of defence. Each row shows the old value
(--from), the new one (--to), the change (new - old, in the figure's unit:
percentage points for the shares) and the change in % of the old value.

Two values are compared at the coarser precision of the two releases: a
release's precision for a figure is the number of decimals it writes it
with (the number most of its cells need, trailing zeros adding none; a
cell that needs more, filled in from another source, keeps its own). A
difference within half a unit of the coarser last decimal is rounding, not
a revision: 0.4145 (4 decimals) and 0.41 (2 decimals) differ only by
rounding, 4.1202 and 3.7890 are revised. Such figures are counted in the
notes and listed (kind rounding) only with --include-rounding.

Rows come largest change in % first; then changes from an old value of 0;
then figures published in only one of the two releases (added: only in
--to; dropped: only in --from), which --revised-only leaves out. Figures
equal in both are counted in the notes, not listed.

--to defaults to the newest embedded NATO release, --from to the newest
embedded release published before --to. When the two count defence on
different definitions (classic up to 2025, core from July 2026), a note
counts year by year the countries whose figure is the same in both (defence
in USD where both publish it, else the share of GDP): where it differs,
a change may be the new definition, a revision, or both. Another note names
the figures one release does not publish at all (NATO's August 2025
release has shares only), which are not compared.

The table shows money in US$ billions; CSV and JSON in million US$.`),
		Example: cmdutil.Examples(`
  natospend revisions
  natospend revisions --from nato-2024-06 --to nato-2026-07 --country POL --year 2024
  natospend revisions --from nato-2024-06 --to nato-2025-08 --figure share --revised-only
  natospend revisions --country DEU --format csv --output revisions.csv`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.From, "from", "", "the older release `ID`, whose figures are the old values (default: the newest embedded release published before --to)")
	fl.StringVar(&opts.To, "to", "", "the newer release `ID`, whose figures are the new values (default: the newest embedded NATO release)")
	cmdutil.ListVarP(fl, &opts.Countries, "country", "c", nil, "only these countries, by ISO code or name (repeatable; a list separated by commas, line breaks or tabs; default: every country of either release)")
	cmdutil.ListVarP(fl, &opts.Groups, "group", "g", nil, "only these groups' countries, e.g. nato, europe, eu: the allies among today's members (repeatable or a list)")
	cmdutil.ListVar(fl, &opts.Exclude, "exclude", nil, "countries to leave out, by code or name (repeatable or a list)")
	cmdutil.ListVarP(fl, &opts.Years, "year", "y", nil, "only these years: 2024, a range 2014-2024 or a list 2014,2019,2024 (default: every year of either release)")
	cmdutil.EnumFlag{Name: "figure", Default: FigureAll, Values: figureWords, Noun: "a figure",
		Aliases: map[string]string{
			calc.FigureShare: "share", calc.FigureDefence: "defence", calc.FigureGDP: "gdp", calc.FigureEquipment: "equipment",
			"defense": "defence",
		},
		Usage: "only this figure: share of GDP, defence USD, GDP USD or equipment share of defence"}.Register(cmd, &opts.Figure)
	fl.BoolVar(&opts.RevisedOnly, "revised-only", false, "list only figures published in both releases with different values (leave out added and dropped ones)")
	fl.BoolVar(&opts.IncludeRounding, "include-rounding", false, "list the figures that differ only by rounding too (within half a unit of the coarser release's last decimal; always counted in the notes)")
	query.RegisterCountryCompletion(cmd, "country", f)
	query.RegisterCountryCompletion(cmd, "exclude", f)
	query.RegisterGroupCompletion(cmd, "group", f)
	query.RegisterReleaseCompletion(cmd, "from", f)
	query.RegisterReleaseCompletion(cmd, "to", f)
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	return cmd
}

// figureLabels name the figures in the table, with the table's unit.
var figureLabels = map[string]string{
	calc.FigureShare:     "share %",
	calc.FigureDefence:   "defence $bn",
	calc.FigureGDP:       "GDP $bn",
	calc.FigureEquipment: "equipment %",
}

// figureNames name the figures in sentences.
var figureNames = map[string]string{
	calc.FigureShare:     "share of GDP",
	calc.FigureDefence:   "defence in USD",
	calc.FigureGDP:       "GDP in USD",
	calc.FigureEquipment: "equipment share",
}

func isMoney(figure string) bool { return figure == calc.FigureDefence || figure == calc.FigureGDP }

// humanValue is a value as the table shows it: money in billions (to 4
// decimals: $0.1 m), shares in percent; marked e for an estimate.
func humanValue(figure string, n defence.Num, estimate bool) render.Cell {
	c := render.Opt(n.V, n.Known)
	if c.Known && isMoney(figure) {
		c.Num /= 1000
	}
	if estimate && n.Known {
		c.Mark = "e"
	}
	return c
}

func num(n defence.Num) render.Cell { return render.Opt(n.V, n.Known) }

// fields are the revisions report's fields, declared once: the human
// table, the CSV/TSV and the JSON rows derive from them (keys: a contract,
// only ever added to, at the end). In a narrow terminal the code, the
// change in % and the change go first (Drop); the values keep every
// decimal (Exact): a revision may be in the last one.
var fields = []render.Spec[calc.Revision]{
	{Key: "code", Title: "Code", Drop: 1, Get: func(r calc.Revision) render.Cell { return render.T(r.Code) }},
	{Key: "name", Title: "Country", Get: func(r calc.Revision) render.Cell { return render.T(r.Name) }},
	{Key: "year", Title: "Year", Kind: render.Int, Get: func(r calc.Revision) render.Cell { return render.N(float64(r.Year)) }},
	{Key: "figure", Title: "Figure", Get: func(r calc.Revision) render.Cell { return render.T(r.Figure) },
		Show: func(r calc.Revision) render.Cell { return render.T(figureLabels[r.Figure]) }},
	{Key: "kind", Get: func(r calc.Revision) render.Cell { return render.T(string(r.Kind)) }},
	{Key: "old", Title: "Old", Kind: render.Number, Decimals: 4, Exact: true, Get: func(r calc.Revision) render.Cell { return num(r.Old) },
		Show: func(r calc.Revision) render.Cell { return humanValue(r.Figure, r.Old, r.OldEstimate) }},
	{Key: "new", Title: "New", Kind: render.Number, Decimals: 4, Exact: true, Get: func(r calc.Revision) render.Cell { return num(r.New) },
		Show: func(r calc.Revision) render.Cell { return humanValue(r.Figure, r.New, r.NewEstimate) }},
	{Key: "change", Title: "Change", Kind: render.Number, Decimals: 4, Exact: true, Drop: 3, Get: func(r calc.Revision) render.Cell { return num(r.Change) },
		Show: func(r calc.Revision) render.Cell {
			c := humanValue(r.Figure, r.Change, false)
			if r.Kind == calc.RevisionRounding {
				c.Mark = "r"
			}
			return c
		}},
	{Key: "change_pct", Title: "Change %", Kind: render.Percent, Drop: 2, Get: func(r calc.Revision) render.Cell { return num(r.ChangePct) }},
	{Key: "old_estimate", Kind: render.Bool, Get: func(r calc.Revision) render.Cell { return render.B(r.OldEstimate) }},
	{Key: "new_estimate", Kind: render.Bool, Get: func(r calc.Revision) render.Cell { return render.B(r.NewEstimate) }},
}

// Run lists the revisions.
func Run(o *Options) error {
	if err := o.Out.Validate(); err != nil {
		return err
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	from, to, err := o.releases(ds)
	if err != nil {
		return err
	}
	q := calc.RevisionQuery{From: from, To: to, RevisedOnly: o.RevisedOnly, IncludeRounding: o.IncludeRounding}
	if len(lists.Split(o.Years)) > 0 {
		if q.Years, err = years.Parse(o.Years); err != nil {
			return cmdutil.FlagErrorf("year", "--year: %v", err)
		}
		if !anyYear(q.Years, from, to) {
			return cmdutil.FlagErrorf("year", "--year %s: neither %s (%s) nor %s (%s) has figures for it", years.Format(q.Years), from.ID, years.Format(from.Years()), to.ID, years.Format(to.Years()))
		}
	}
	codes, named, err := query.Select(ds, "--country", o.Countries, o.Groups, o.Exclude, 0, true)
	if err != nil {
		return err
	}
	if named || len(lists.Split(o.Exclude)) > 0 {
		q.Codes = codes
		if !named { // --exclude alone: every country of either release, less those
			q.Codes = nil
			for _, c := range calc.UnionCodes(from, to) {
				if !excluded(ds, o.Exclude, c) {
					q.Codes = append(q.Codes, c)
				}
			}
		}
		if q.Codes == nil {
			q.Codes = []string{} // all excluded: nothing, not everything
		}
	}
	if o.Figure != "" && o.Figure != FigureAll {
		q.Figures = []string{o.Figure}
	}
	res, err := calc.CompareReleases(ds, q)
	if err != nil {
		return cmdutil.UsageErrorf("%v", err)
	}
	rows := append([]calc.Revision{}, res.Rows...)
	notes := revisionNotes(ds, res, o.RevisedOnly, o.IncludeRounding)
	fromSrc, toSrc := calc.SourceOf(from), calc.SourceOf(to)
	return o.Out.Emit(o.F, cmdutil.Output{
		Human: func() *render.Table {
			n := append(append([]string{}, notes...),
				"Largest change in % of the old value first; Change = New - Old (percentage points for shares); money in US$ bn. - unknown (not published); e: estimate"+roundingLegend(o.IncludeRounding)+".",
				"Source (--from): "+strings.TrimPrefix(fromSrc.Line(), "Source: "),
				"Source (--to): "+strings.TrimPrefix(toSrc.Line(), "Source: "))
			return render.HumanTable(title(res), fields, rows, nil, n)
		},
		Machine: func() *render.Table { return render.MachineTable(fields, rows) },
		Sources: func() []calc.Source { return []calc.Source{fromSrc, toSrc} },
		JSON: func() any {
			notCompared := append([]string{}, res.NotCompared...)
			return render.Object{
				{Key: "schema_version", Value: SchemaVersion},
				{Key: "from", Value: from.ID},
				{Key: "to", Value: to.ID},
				{Key: "from_definition", Value: from.Definition},
				{Key: "to_definition", Value: to.Definition},
				{Key: "definition_changed", Value: res.DefinitionChanged},
				{Key: "backwards", Value: res.Backwards},
				{Key: "compared", Value: res.Compared},
				{Key: "unchanged", Value: res.Unchanged},
				{Key: "not_compared", Value: notCompared},
				{Key: "rows", Value: render.Objects(fields, rows)},
				{Key: "notes", Value: notes},
				{Key: "from_source", Value: fromSrc},
				{Key: "to_source", Value: toSrc},
				{Key: "revised", Value: res.Revised},
				{Key: "rounding", Value: res.Rounding},
				{Key: "from_decimals", Value: decimalsObject(res.FromDecimals)},
				{Key: "to_decimals", Value: decimalsObject(res.ToDecimals)},
				{Key: "definition_figure", Value: definitionFigure(res)},
				{Key: "definition_years", Value: definitionYears(res)},
			}
		},
	})
}

// releases resolves --from and --to: a named release must be a defence
// release; --to defaults to the default release, --from to the newest
// embedded release published before --to (with --no-default-data: the
// newest release before it).
func (o *Options) releases(ds *defence.Dataset) (from, to *defence.Release, err error) {
	all := ds.ReleasesNewestFirst(defence.SeriesDefence)
	if to, err = named(ds, all, "--to", o.To); err != nil {
		return nil, nil, err
	}
	if to == nil {
		rc, err := query.ResolveReleaseYear(ds, "", 0)
		if err != nil {
			return nil, nil, err
		}
		to = rc.Release
	}
	if from, err = named(ds, all, "--from", o.From); err != nil {
		return nil, nil, err
	}
	if from == nil {
		from = before(all, to)
		if from == nil {
			return nil, nil, cmdutil.FlagErrorf("from", "--from: no defence release was published before %s (%s): name one with --from", to.ID, to.Published)
		}
	}
	if from.ID == to.ID {
		return nil, nil, cmdutil.FlagErrorf("from", "--from and --to are both %s: name two different releases", from.ID)
	}
	return from, to, nil
}

// named looks up the release a flag names (nil for none named).
func named(ds *defence.Dataset, all []*defence.Release, flag, id string) (*defence.Release, error) {
	if id == "" {
		return nil, nil
	}
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	rel, ok := ds.Releases[id]
	if !ok {
		return nil, cmdutil.FlagErrorf(strings.TrimPrefix(flag, "--"), "%s: unknown release %q%s", flag, id, cmdutil.HintOr(suggest.Words(ids...), id, ids))
	}
	if rel.Series != defence.SeriesDefence {
		return nil, cmdutil.FlagErrorf(strings.TrimPrefix(flag, "--"), "%s %s is not a defence release (expected one of: %s)", flag, id, strings.Join(ids, ", "))
	}
	return rel, nil
}

// before returns the newest release published before to: an embedded one
// (or a user's replacement of one) when there is one, else any.
func before(all []*defence.Release, to *defence.Release) *defence.Release {
	var anyOlder *defence.Release
	for _, r := range all { // newest first
		if r == to || r.Published >= to.Published {
			continue
		}
		if r.Origin() != nil {
			return r
		}
		if anyOlder == nil {
			anyOlder = r
		}
	}
	if to.Origin() != nil {
		return nil // a user's release is compared only when named
	}
	return anyOlder
}

func anyYear(ys []int, rels ...*defence.Release) bool {
	for _, r := range rels {
		for _, y := range ys {
			if r.HasFiguresIn(y) {
				return true
			}
		}
	}
	return false
}

func excluded(ds *defence.Dataset, exclude []string, code string) bool {
	for _, name := range lists.Split(exclude) {
		if c, ok := ds.LookupCountry(name); ok && c.Code == code {
			return true
		}
	}
	return false
}

func title(res *calc.Revisions) string {
	def := func(r *defence.Release) string {
		if r.Definition == "" {
			return "unstated"
		}
		return r.Definition
	}
	return fmt.Sprintf("Revisions from release %s (%s definition) to %s (%s definition): %s revised, %d %s only by rounding",
		res.From.ID, def(res.From), res.To.ID, def(res.To), plural(res.Revised, "figure"), res.Rounding, render.Agree(res.Rounding, "differs", "differ"))
}

// revisionNotes say what was compared, what differs in kind between the
// two releases, and how to read the rows.
func revisionNotes(ds *defence.Dataset, res *calc.Revisions, revisedOnly, includeRounding bool) []string {
	added, dropped := 0, 0
	for _, r := range res.Rows {
		switch r.Kind {
		case calc.RevisionAdded:
			added++
		case calc.RevisionDropped:
			dropped++
		}
	}
	from, to := res.From, res.To
	s := fmt.Sprintf("%s published in both releases: %d unchanged, %d revised, %d %s only by rounding", plural(res.Compared, "figure"), res.Unchanged, res.Revised, res.Rounding, render.Agree(res.Rounding, "differs", "differ"))
	if res.Rounding > 0 && !includeRounding {
		s += " (not listed: --include-rounding lists them)"
	}
	if revisedOnly {
		s += "; figures published in only one of them are left out (--revised-only)."
	} else {
		s += fmt.Sprintf("; %d only in %s (added), %d only in %s (dropped).", added, to.ID, dropped, from.ID)
	}
	out := []string{s}
	if p := precisionNote(res); p != "" {
		out = append(out, p)
	}
	if res.DefinitionChanged {
		out = append(out, definitionNote(res))
		if hint := amountsHint(ds, res); hint != "" {
			out = append(out, hint)
		}
	}
	for _, f := range res.NotCompared {
		var lacking []string
		for _, r := range []*defence.Release{from, to} {
			if !publishes(r, f) {
				lacking = append(lacking, r.ID)
			}
		}
		out = append(out, fmt.Sprintf("Not compared: %s (%s): release %s publishes none.", figureNames[f], f, strings.Join(lacking, " and ")))
	}
	if res.Backwards {
		out = append(out, fmt.Sprintf("--from %s was published after --to %s: Old is the newer figure.", from.ID, to.ID))
	}
	return out
}

// publishes reports whether the release has the figure for any cell.
func publishes(r *defence.Release, figure string) bool {
	for _, ys := range r.Cells() {
		for _, f := range ys {
			var n defence.Num
			switch figure {
			case calc.FigureShare:
				n = f.Share
			case calc.FigureDefence:
				n = f.Defence
			case calc.FigureGDP:
				n = f.GDP
			default:
				n = f.Equipment
			}
			if n.Known {
				return true
			}
		}
	}
	return false
}

// plural is "1 figure", "2 figures".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// compared lists the figures compared, in RevisionFigures' order.
func compared(res *calc.Revisions) []string {
	var out []string
	for _, f := range calc.RevisionFigures {
		_, a := res.FromDecimals[f]
		_, b := res.ToDecimals[f]
		if a && b && !slices.Contains(res.NotCompared, f) {
			out = append(out, f)
		}
	}
	return out
}

// precisionNote says how many decimals each release writes the compared
// figures with, and what the rounding rule is; "" when nothing is
// compared.
func precisionNote(res *calc.Revisions) string {
	figs := compared(res)
	if len(figs) == 0 {
		return ""
	}
	side := func(id string, dec map[string]int) string {
		var texts []string // in the order of figs
		names := map[string][]string{}
		for _, f := range figs {
			t := decimalsText(f, dec[f])
			if names[t] == nil {
				texts = append(texts, t)
			}
			names[t] = append(names[t], figureNames[f])
		}
		parts := make([]string, len(texts))
		for i, t := range texts {
			parts[i] = strings.Join(names[t], " and ") + " " + t
		}
		return id + " writes " + strings.Join(parts, ", ")
	}
	return fmt.Sprintf("Precision: %s; %s. A difference within half a unit of the coarser of the two last decimals is rounding, not a revision.",
		side(res.From.ID, res.FromDecimals), side(res.To.ID, res.ToDecimals))
}

// decimalsText is "to 2 decimals (%)" or "in whole million US$".
func decimalsText(figure string, d int) string {
	unit := "%"
	if isMoney(figure) {
		unit = "million US$"
		if d == 0 {
			return "in whole " + unit
		}
	}
	return fmt.Sprintf("to %s (%s)", plural(d, "decimal"), unit)
}

// definitionNote says, year by year, for how many countries the two
// releases, which count defence on different definitions, have the same
// figure: where the new definition shows in the figures.
func definitionNote(res *calc.Revisions) string {
	from, to := res.From, res.To
	s := fmt.Sprintf("Definitions differ: %s counts defence on NATO's %s definition, %s on the %s definition.", from.ID, from.Definition, to.ID, to.Definition)
	if len(res.DefinitionYears) == 0 {
		return s + " No figure of both releases shows what the new definition changed: a change may be the new definition, a revision, or both."
	}
	var parts []string
	for _, y := range res.DefinitionYears {
		parts = append(parts, fmt.Sprintf("%d %d of %d", y.Year, y.Equal, y.Compared))
	}
	return s + fmt.Sprintf(" Countries whose %s is the same in both (at the coarser precision), by year: %s. Where it is the same, the new definition changed nothing visible; where it differs, a change may be the new definition, a revision, or both: the releases do not separate them.",
		figureNames[res.DefinitionFigure], strings.Join(parts, ", "))
}

// decimalsObject is a release's decimals per compared figure, for JSON.
func decimalsObject(dec map[string]int) render.Object {
	out := render.Object{}
	for _, f := range calc.RevisionFigures {
		if d, ok := dec[f]; ok {
			out = append(out, render.Field{Key: f, Value: d})
		}
	}
	return out
}

// definitionFigure is the figure the definition counts are of; nil (JSON
// null) for none.
func definitionFigure(res *calc.Revisions) any {
	if res.DefinitionFigure == "" {
		return nil
	}
	return res.DefinitionFigure
}

// definitionYears are the definition counts, for JSON ([] for none).
func definitionYears(res *calc.Revisions) []render.Object {
	out := []render.Object{}
	for _, y := range res.DefinitionYears {
		out = append(out, render.Object{{Key: "year", Value: y.Year}, {Key: "equal", Value: y.Equal}, {Key: "compared", Value: y.Compared}})
	}
	return out
}

// roundingLegend explains the mark of a rounding row, when they are
// listed.
func roundingLegend(listed bool) string {
	if !listed {
		return ""
	}
	return "; r: differs only by rounding"
}

// amountsHint names, when the definition note could count only shares of
// GDP (one of the two releases has no amounts, as NATO's August 2025
// release), the newest other release of --from's definition that has
// defence in USD, to compare amounts with instead: shares move with GDP
// revisions, amounts show the definition. "" for none.
func amountsHint(ds *defence.Dataset, res *calc.Revisions) string {
	if res.DefinitionFigure != calc.FigureShare || !calc.PublishesFigure(res.To, calc.FigureDefence) {
		return ""
	}
	for _, r := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
		if r != res.From && r != res.To && r.Definition == res.From.Definition && calc.PublishesFigure(r, calc.FigureDefence) {
			return fmt.Sprintf("Release %s publishes no defence in USD: to see what the %s definition changed in the amounts (the share of GDP also moves with revisions of GDP), compare with --from %s.",
				res.From.ID, res.To.Definition, r.ID)
		}
	}
	return ""
}
