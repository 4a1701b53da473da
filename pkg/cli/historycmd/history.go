// Package historycmd is the `natospend history` command: one or more
// countries' figures over the years of one defence release.
package historycmd

import (
	"fmt"
	"maps"
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
	// Prices is --prices: current (the default) or constant, the
	// release's constant-price figures (base year Release.ConstantYear).
	Prices string
	// Figures is --figures: the figures of the table (figureWords;
	// default defaultFigures).
	Figures []string
	// Since is --since YEAR (0: none): one row per country, the change
	// from YEAR to the release's latest year.
	Since int
	// Layout is --layout: long (a row per country and year) or wide (a
	// row per country, a column per year of Figure).
	Layout string
	// Figure is --figure, the figure of the wide layout (a --sort word of
	// the long table's numbers; default share).
	Figure string
	// Sort is --sort, a word of the fields' (render.SortWords); "" keeps
	// the order by country, then year. Top is --top (0: every row).
	Sort    string
	Reverse bool // --reverse: the --sort order turned round
	Top     int
	// FiguresSet and FigureSet say whether --figures and --figure were
	// given (a warning where they do nothing).
	FiguresSet, FigureSet bool
	Out                   cmdutil.OutputFlags
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
changed between releases, use natospend revisions.

--figures chooses the columns: share, defence, gdp, equipment (the
default), personnel (military personnel, thousands) and NATO's other
categories of spending, personnel-pct, infrastructure and other (% of
defence), where the release publishes them (NATO's June 2024 release).
--prices constant shows defence and GDP at the release's constant prices
(its base year in the title) and NATO's annual real change instead of the
current-USD change: never both bases in one table; a release without
constant prices is refused. With it, --figures per-head adds defence per
head (USD) and GDP per head (thousand USD), at constant prices as NATO
publishes them.

--since YEAR gives one row per country: the change from YEAR to the
release's latest year (share points; defence in current USD %, or with
--prices constant the cumulative real change, the product of 1 + r/100
over the years). --layout wide gives one row per country and one column
per year of --figure (share by default), in every format, with a total
row per year for money and personnel (a share does not add up: no total).
--sort orders rows by any figure the table shows, largest first (name:
A to Z), the same in every command; --reverse turns it round; --top N
keeps the first N (a total then covers those shown).`),
		Example: cmdutil.Examples(`
  natospend history --country DEU
  natospend history --country Germany,France --year 2020-2026
  natospend history --country DEU --release nato-2024-06 --year 2014-2024 --format csv
  natospend history --group europe --year 2026 --format json
  natospend history --country DEU --release nato-2024-06 --prices constant --figures share,defence,personnel
  natospend history --group nato --since 2022 --sort change --top 3
  natospend history --group nato --year 2014-2026 --layout wide --format csv`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.FiguresSet, opts.FigureSet = cmd.Flags().Changed("figures"), cmd.Flags().Changed("figure")
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
	cmdutil.EnumFlag{Name: "prices", Default: PricesCurrent, Values: []string{PricesCurrent, PricesConstant}, Noun: "a price basis",
		Usage: "money at current prices and exchange rates, or at the release's constant prices (its base year named in the title; with NATO's annual real change)"}.Register(cmd, &opts.Prices)
	cmdutil.ListVar(fl, &opts.Figures, "figures", nil, "figures to show: "+strings.Join(figureWords, ", ")+" (a list; default "+strings.Join(defaultFigures, ",")+")")
	fl.IntVar(&opts.Since, "since", 0, "one row per country: the change from `YEAR` to the release's latest year (share points, defence change %; --prices constant: cumulative real change)")
	cmdutil.EnumFlag{Name: "layout", Default: cmdutil.LayoutLong, Values: []string{cmdutil.LayoutLong, cmdutil.LayoutWide}, Noun: "a layout",
		Usage: "long, a row per country and year; wide, a row per country and a column per year of --figure (every format)"}.Register(cmd, &opts.Layout)
	cmdutil.EnumFlag{Name: "figure", Default: "share", Values: numberWords(slices.Concat(fields(nil, true, 0), fields(nil, true, 1))), Noun: "a figure",
		Usage: "with --layout wide: the figure of the year columns"}.Register(cmd, &opts.Figure)
	cmdutil.EnumFlag{Name: "sort", Short: "s", Values: sortWords(), Noun: "a sort order",
		Usage: "order rows by a figure, largest first (name: A to Z; with --layout wide, the last year's), where the table shows it; default: by country, then year (--reverse turns it round)"}.Register(cmd, &opts.Sort)
	query.AddReverseFlag(cmd, &opts.Reverse)
	fl.IntVar(&opts.Top, "top", 0, "keep the first `N` rows after --sort (default: all)")
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

// Price bases (--prices).
const (
	PricesCurrent  = "current"
	PricesConstant = "constant"
)

// Figures (--figures, --figure): the words of the figures a user selects,
// in the order help lists them. Each is the --sort word of its first
// field (fields). The default shows what history showed before --figures.
var (
	figureWords    = []string{"share", "defence", "gdp", "equipment", "personnel", "personnel-pct", "infrastructure", "other", "per-head"}
	defaultFigures = []string{"share", "defence", "gdp", "equipment"}
)

// field is a history field and the --figures word that shows it ("": any
// selection).
type field struct {
	fig string
	render.Spec[row]
}

// fields are the history report's fields, declared once: the human table,
// the CSV/TSV and the JSON rows derive from them (keys: a contract, only
// ever added to, at the end), and each numeric one names its --sort word.
// With one country the table leaves out the code and name, which the
// title gives. At constant prices (constant: the release's base year) the
// money fields are the release's constant-price figures and the change of
// defence is NATO's annual real change: never both bases in one table.
// Drop is the order a terminal too narrow for the table leaves columns
// out: GDP first, then the figures per head, the code, the change of
// defence, defence, the category shares, personnel, equipment and the
// change of share; never the country, the year or the share.
func fields(rel *defence.Release, several bool, constant int) []field {
	who := func(title string) string {
		if several {
			return title
		}
		return ""
	}
	detail := func(get func(defence.Detail) defence.Num) func(r row) render.Cell {
		return func(r row) render.Cell { return num(get(r.Detail)) }
	}
	fs := []field{
		{"", render.Spec[row]{Key: "code", Title: who("Code"), Drop: 4, Get: func(r row) render.Cell { return render.T(r.h.Code) }}},
		{"", render.Spec[row]{Key: "name", Title: who("Country"), Sort: "name", Get: func(r row) render.Cell { return render.T(r.h.Name) }}},
		{"", render.Spec[row]{Key: "year", Title: "Year", Kind: render.Int, Get: func(r row) render.Cell { return render.N(float64(r.Year)) },
			Show: func(r row) render.Cell {
				c := render.N(float64(r.Year))
				if r.Estimate {
					c.Mark = "e"
				}
				return c
			}}},
		{"", render.Spec[row]{Key: "release", Get: func(r row) render.Cell { return render.T(r.h.Release.ID) }}},
		{"", render.Spec[row]{Key: "estimate", Kind: render.Bool, Get: func(r row) render.Cell { return render.B(r.Estimate) }}},
		{"share", render.Spec[row]{Key: "share_pct", Title: "Share %", Kind: render.Percent, Sort: "share", Get: func(r row) render.Cell { return num(r.Share) }}},
		{"share", render.Spec[row]{Key: "share_change_pts", Title: "Change pts", Kind: render.Percent, Sort: "change", Drop: 12, Get: func(r row) render.Cell { return num(r.ShareChange) }}},
	}
	if constant != 0 {
		base := fmt.Sprintf(" (%d)", constant)
		fs = append(fs,
			field{"defence", render.Spec[row]{Key: "defence_const_musd", Title: "Defence $bn" + base, Kind: render.Money, Sort: "defence", Drop: 6, Get: detail(func(d defence.Detail) defence.Num { return d.DefenceConst })}},
			field{"defence", render.Spec[row]{Key: "real_change_pct", Title: "Real change %", Kind: render.Percent, Sort: "real-change", Drop: 5, Get: detail(func(d defence.Detail) defence.Num { return d.RealChange })}},
			field{"gdp", render.Spec[row]{Key: "gdp_const_musd", Title: "GDP $bn" + base, Kind: render.Money, Sort: "gdp", Drop: 1, Get: detail(func(d defence.Detail) defence.Num { return d.GDPConst })}},
		)
	} else {
		fs = append(fs,
			field{"defence", render.Spec[row]{Key: "defence_musd", Title: "Defence $bn", Kind: render.Money, Sort: "defence", Drop: 6, Get: func(r row) render.Cell { return num(r.Defence) }}},
			field{"defence", render.Spec[row]{Key: "defence_change_pct", Title: "Change %", Kind: render.Percent, Sort: "defence-change", Drop: 5, Get: func(r row) render.Cell { return num(r.DefenceChangePct) }}},
			field{"gdp", render.Spec[row]{Key: "gdp_musd", Title: "GDP $bn", Kind: render.Money, Sort: "gdp", Drop: 1, Get: func(r row) render.Cell { return num(r.GDP) },
				Show: func(r row) render.Cell {
					c := num(r.GDP)
					if r.GDP.Known && r.GDPSource != rel.ID {
						c.Mark = "^"
					}
					if r.GDPEstimate {
						c.Mark += "e"
					}
					return c
				}}},
			field{"gdp", render.Spec[row]{Key: "gdp_source", Get: func(r row) render.Cell { return render.T(r.GDPSource) }}},
			field{"gdp", render.Spec[row]{Key: "gdp_estimate", Kind: render.Bool, Get: func(r row) render.Cell { return render.B(r.GDPEstimate) }}},
		)
	}
	fs = append(fs,
		field{"equipment", render.Spec[row]{Key: "equipment_pct", Title: "Equipment %", Kind: render.Percent, Sort: "equipment", Drop: 11, Get: func(r row) render.Cell { return num(r.Equipment) }}},
		field{"", render.Spec[row]{Key: "note", Get: func(r row) render.Cell { return render.T(r.Note) }}},
		field{"personnel", render.Spec[row]{Key: "personnel_k", Title: "Personnel k", Kind: render.Number, Decimals: 1, Sort: "personnel", Drop: 10, Get: detail(func(d defence.Detail) defence.Num { return d.Personnel })}},
		field{"personnel-pct", render.Spec[row]{Key: "personnel_pct", Title: "Personnel %", Kind: render.Percent, Sort: "personnel-pct", Drop: 9, Get: detail(func(d defence.Detail) defence.Num { return d.PersonnelPct })}},
		field{"infrastructure", render.Spec[row]{Key: "infrastructure_pct", Title: "Infrastr. %", Kind: render.Percent, Sort: "infrastructure", Drop: 8, Get: detail(func(d defence.Detail) defence.Num { return d.InfrastructurePct })}},
		field{"other", render.Spec[row]{Key: "other_pct", Title: "Other %", Kind: render.Percent, Sort: "other", Drop: 7, Get: detail(func(d defence.Detail) defence.Num { return d.OtherPct })}},
	)
	if constant != 0 { // NATO publishes figures per head at constant prices only
		base := fmt.Sprintf(" (%d)", constant)
		fs = append(fs,
			field{"per-head", render.Spec[row]{Key: "defence_per_capita_const_usd", Title: "Defence $/head" + base, Kind: render.Number, Decimals: 0, Sort: "defence-per-head", Drop: 3, Get: detail(func(d defence.Detail) defence.Num { return d.DefencePerCapitaConst })}},
			field{"per-head", render.Spec[row]{Key: "gdp_per_capita_const_kusd", Title: "GDP $k/head" + base, Kind: render.Number, Decimals: 1, Sort: "gdp-per-head", Drop: 2, Get: detail(func(d defence.Detail) defence.Num { return d.GDPPerCapitaConst })}},
		)
	}
	return fs
}

// selected returns the fields of the figures chosen, in declared order.
func selected(fs []field, figures []string) []render.Spec[row] {
	var out []render.Spec[row]
	for _, f := range fs {
		if f.fig == "" || slices.Contains(figures, f.fig) {
			out = append(out, f.Spec)
		}
	}
	return out
}

// Run prints the history.
func Run(o *Options) error {
	if err := o.Out.Validate(); err != nil {
		return err
	}
	if o.Top < 0 {
		return cmdutil.FlagErrorf("top", "--top %d: expected a number of rows, 1 or more", o.Top)
	}
	figures := lists.Split(o.Figures)
	for _, w := range figures {
		if !slices.Contains(figureWords, w) {
			return cmdutil.FlagErrorf("figures", "--figures: %q is not a figure of history (expected: %s)", w, strings.Join(figureWords, ", "))
		}
	}
	if len(figures) == 0 {
		figures = defaultFigures
	}
	if slices.Contains(figures, "per-head") && o.Prices != PricesConstant {
		return cmdutil.FlagErrorf("figures", "--figures per-head: NATO publishes defence and GDP per head at constant prices only: add --prices constant")
	}
	wide := o.Layout == cmdutil.LayoutWide
	if o.Since != 0 && wide {
		return cmdutil.FlagErrorf("since", "--since gives one row per country already: leave out --layout wide")
	}
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	var ys []int
	if len(lists.Split(o.Years)) > 0 {
		if o.Since != 0 {
			return cmdutil.FlagErrorf("since", "--since YEAR runs to the release's latest year: leave out --year")
		}
		if ys, err = years.Parse(o.Years); err != nil {
			return cmdutil.FlagErrorf("year", "--year: %v", err)
		}
	}
	rc, err := query.ResolveReleaseYear(ds, o.Release, 0)
	if err != nil {
		return err
	}
	rel := rc.Release
	constant := 0
	if o.Prices == PricesConstant {
		if !calc.HasConstantPrices(rel) {
			return cmdutil.FlagErrorf("prices", "--prices constant: release %s publishes no figures at constant prices%s", rel.ID, withConstant(ds))
		}
		constant = rel.ConstantYear
	}
	switch {
	case o.Since != 0:
		latest := rel.LatestYear()
		if o.Since >= latest || !rel.HasFiguresIn(o.Since) {
			return cmdutil.FlagErrorf("since", "--since %d: expected a year of release %s before its latest, %d (it covers %s)", o.Since, rel.ID, latest, years.Format(rel.Years()))
		}
		for y := o.Since; y <= latest; y++ {
			ys = append(ys, y)
		}
	case ys != nil:
		var missing []int
		for _, y := range ys {
			if !rel.HasFiguresIn(y) {
				missing = append(missing, y)
			}
		}
		if len(missing) > 0 {
			return cmdutil.FlagErrorf("year", "--year %s: release %s publishes no figures for %s (it covers %s; give --release, or other years)", years.Format(ys), rel.ID, years.Format(missing), years.Format(rel.Years()))
		}
	default:
		ys = rel.Years()
	}
	codes, named, err := query.Select(ds, "--country", o.Countries, o.Groups, o.Exclude, 0, true)
	if err != nil {
		return err
	}
	if !named {
		return cmdutil.UsageErrorf("history needs --country or --group (for example --country DEU, or --group nato)")
	}

	all := fields(rel, true, constant)
	var figure render.Spec[row]
	if wide {
		i := slices.IndexFunc(all, func(f field) bool { return f.Sort == o.Figure && f.Sort != "name" })
		if i < 0 {
			return cmdutil.FlagErrorf("figure", "--figure %q is not a figure of history (expected one of: %s)", o.Figure, strings.Join(numberWords(all), ", "))
		}
		figure = all[i].Spec
	}
	rc.PrintNote(o.F)
	if o.F != nil && o.F.IO != nil {
		if o.FiguresSet && (o.Since != 0 || wide) {
			cmdutil.Warn(o.F.IO, "--figures has no effect with --since or --layout wide (--layout wide takes --figure)")
		}
		if o.FigureSet && !wide {
			cmdutil.Warn(o.F.IO, "--figure has no effect without --layout wide (a long table takes --figures)")
		}
	}

	hs := make([]calc.History, len(codes))
	for i, code := range codes {
		hs[i] = calc.CountryHistory(ds, rel, code, ys)
	}
	v := view{ds: ds, rel: rel, codes: codes, ys: ys, hs: hs, constant: constant, o: o}
	switch {
	case o.Since != 0:
		return v.since()
	case wide:
		return v.wide(figure)
	}
	return v.long(figures)
}

// withConstant names the releases that publish constant prices, for the
// error of --prices constant.
func withConstant(ds *defence.Dataset) string {
	var ids []string
	for _, id := range slices.Sorted(maps.Keys(ds.Releases)) {
		if r := ds.Releases[id]; calc.HasConstantPrices(r) {
			ids = append(ids, fmt.Sprintf("%s (%d prices)", id, r.ConstantYear))
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return " (these do: " + strings.Join(ids, ", ") + "; give --release)"
}

// sortWords are the --sort words of every layout and price basis, in
// the order of the fields that declare them.
func sortWords() []string {
	var out []string
	for _, w := range slices.Concat(
		render.SortWords(selected(fields(nil, true, 0), figureWords)),
		render.SortWords(selected(fields(nil, true, 1), figureWords)),
		render.SortWords(spanFields(0, 0, 0)), render.SortWords(spanFields(1, 0, 0))) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// numberWords are the --sort words of the numeric fields.
func numberWords(fs []field) []string {
	var out []string
	for _, f := range fs {
		if f.Sort != "" && f.Kind != render.String && !slices.Contains(out, f.Sort) {
			out = append(out, f.Sort)
		}
	}
	return out
}

// view is one run's data, shown in one of the layouts.
type view struct {
	ds       *defence.Dataset
	rel      *defence.Release
	codes    []string
	ys       []int
	hs       []calc.History
	constant int // the base year of constant prices; 0: current prices
	o        *Options
}

// rank orders rows by --sort and keeps the first --top, and returns the
// notes that say so (empty when neither is given).
func rank[R any](o *Options, fs []render.Spec[R], rows []R, in string) ([]R, []string, error) {
	var notes []string
	if o.Sort == "" && o.Reverse {
		// --reverse without --sort turns the default order round, as the
		// help says: the latest year first, countries Z to A.
		slices.Reverse(rows)
		notes = append(notes, "In reverse order: by country, then year, turned round.")
	}
	if o.Sort != "" {
		if !render.SortRows(fs, rows, o.Sort, func(x, y render.Cell, text bool) int {
			if text {
				return calc.RankedNames(x.Text, y.Text, o.Reverse)
			}
			return calc.Ranked(defence.Num{V: x.Num, Known: x.Known}, defence.Num{V: y.Num, Known: y.Known}, o.Reverse)
		}) {
			return nil, nil, cmdutil.FlagErrorf("sort", "--sort %q is not a figure of this table (expected one of: %s)", o.Sort, strings.Join(render.SortWords(fs), ", "))
		}
		order := calc.OrderWords(o.Sort, o.Reverse) + ", unknown last"
		if o.Sort == "name" {
			order = calc.OrderWords(o.Sort, o.Reverse)
		}
		what := o.Sort
		if o.Sort != "name" {
			what += in
		}
		notes = append(notes, fmt.Sprintf("Sorted by %s, %s.", what, order))
	}
	if o.Top > 0 && o.Top < len(rows) {
		notes = append(notes, fmt.Sprintf("--top %d: the first %d of %d rows.", o.Top, o.Top, len(rows)))
		rows = rows[:o.Top]
	}
	return rows, notes, nil
}

// pricesNote says the price basis of a table at constant prices.
func (v view) pricesNote() []string {
	if v.constant == 0 {
		return nil
	}
	return []string{fmt.Sprintf("Defence and GDP in US dollars at constant %d prices and exchange rates (billions in a table, millions in CSV and JSON), as release %s publishes them; Real change %%: NATO's annual real change of defence spending, at constant prices.", v.constant, v.rel.ID)}
}

// titleOf is the run's title (what, or history's), with the price basis
// at constant prices.
func (v view) titleOf(what string) string {
	t := what
	if t == "" {
		t = title(v.ds, v.rel, v.codes, v.ys)
	}
	if v.constant != 0 {
		t += fmt.Sprintf(", constant %d prices", v.constant)
	}
	return t
}

// json is the run's JSON object: the fields of every layout, then those
// given.
func (v view) json(rows any, notes []string, more ...render.Field) render.Object {
	obj := render.Object{
		{Key: "schema_version", Value: SchemaVersion},
		{Key: "release", Value: v.rel.ID},
		{Key: "definition", Value: v.rel.Definition},
		{Key: "years", Value: v.ys},
		{Key: "countries", Value: v.codes},
		{Key: "rows", Value: rows},
		{Key: "notes", Value: notes},
		{Key: "source", Value: calc.SourceOf(v.rel)},
		{Key: "prices", Value: v.o.Prices},
	}
	if v.constant != 0 {
		obj = append(obj, render.Field{Key: "constant_year", Value: v.constant})
	}
	return append(obj, more...)
}

// long is the default layout: a row per country and year.
func (v view) long(figures []string) error {
	rows := []row{}
	for i := range v.hs {
		for _, y := range v.hs[i].Years {
			rows = append(rows, row{h: &v.hs[i], HistoryYear: y})
		}
	}
	fs := selected(fields(v.rel, len(v.codes) != 1, v.constant), figures)
	rows, rankNotes, err := rank(v.o, fs, rows, "")
	if err != nil {
		return err
	}
	// The notes are those of the countries shown (--top).
	hs := []calc.History{}
	for i := range v.hs {
		if slices.ContainsFunc(rows, func(r row) bool { return r.h == &v.hs[i] }) {
			hs = append(hs, v.hs[i])
		}
	}
	var more []render.Field
	if v.o.Sort != "" || v.o.Top > 0 {
		more = append(more, render.Field{Key: "sort", Value: v.o.Sort}, render.Field{Key: "top", Value: v.o.Top}, render.Field{Key: "reverse", Value: v.o.Reverse})
	}
	return v.o.Out.Emit(v.o.F, cmdutil.Output{
		Human: func() *render.Table {
			notes := slices.Concat(v.pricesNote(), rankNotes, historyNotes(v.ds, v.rel, hs, true, v.constant == 0, figures), []string{calc.SourceOf(v.rel).Line()})
			return render.HumanTable(v.titleOf(""), fs, rows, nil, notes)
		},
		Machine: func() *render.Table { return render.MachineTable(fs, rows) },
		Sources: func() []calc.Source { return []calc.Source{calc.SourceOf(v.rel)} },
		JSON: func() any {
			return v.json(render.Objects(fs, rows), slices.Concat(rankNotes, historyNotes(v.ds, v.rel, hs, false, v.constant == 0, figures)), more...)
		},
	})
}

// spanRow is one country's change over a span.
type spanRow struct {
	h *calc.History
	calc.SpanChange
}

// spanFields are the fields of --since, declared once.
func spanFields(constant, from, to int) []render.Spec[spanRow] {
	fs := []render.Spec[spanRow]{
		{Key: "code", Title: "Code", Drop: 1, Get: func(r spanRow) render.Cell { return render.T(r.h.Code) }},
		{Key: "name", Title: "Country", Sort: "name", Get: func(r spanRow) render.Cell { return render.T(r.h.Name) }},
		{Key: "from", Kind: render.Int, Get: func(r spanRow) render.Cell { return render.N(float64(r.From)) }},
		{Key: "to", Kind: render.Int, Get: func(r spanRow) render.Cell { return render.N(float64(r.To)) }},
		{Key: "share_from_pct", Title: fmt.Sprintf("Share %% %d", from), Kind: render.Percent, Get: func(r spanRow) render.Cell { return num(r.ShareFrom) }},
		{Key: "share_to_pct", Title: fmt.Sprintf("Share %% %d", to), Kind: render.Percent, Sort: "share", Get: func(r spanRow) render.Cell { return num(r.ShareTo) }},
		{Key: "share_change_pts", Title: "Change pts", Kind: render.Percent, Sort: "change", Get: func(r spanRow) render.Cell { return num(r.SharePts) }},
	}
	if constant != 0 {
		return append(fs, render.Spec[spanRow]{Key: "real_change_pct", Title: "Real change %", Kind: render.Percent, Sort: "real-change", Get: func(r spanRow) render.Cell { return num(r.RealChangePct) }})
	}
	return append(fs,
		render.Spec[spanRow]{Key: "defence_from_musd", Kind: render.Money, Get: func(r spanRow) render.Cell { return num(r.DefenceFrom) }},
		render.Spec[spanRow]{Key: "defence_to_musd", Kind: render.Money, Sort: "defence", Get: func(r spanRow) render.Cell { return num(r.DefenceTo) }},
		render.Spec[spanRow]{Key: "defence_change_pct", Title: "Change %", Kind: render.Percent, Sort: "defence-change", Get: func(r spanRow) render.Cell { return num(r.DefenceChangePct) }},
	)
}

// since is --since: a row per country, the change from the first year to
// the last.
func (v view) since() error {
	from, to := v.ys[0], v.ys[len(v.ys)-1]
	rows := make([]spanRow, len(v.hs))
	for i := range v.hs {
		rows[i] = spanRow{h: &v.hs[i], SpanChange: calc.Span(v.hs[i], from, to)}
	}
	fs := spanFields(v.constant, from, to)
	rows, rankNotes, err := rank(v.o, fs, rows, "")
	if err != nil {
		return err
	}
	what := fmt.Sprintf("Change pts: the share of GDP in %d minus %d's, in percentage points (NATO's published shares).", to, from)
	if v.constant != 0 {
		what += fmt.Sprintf(" Real change %%: the cumulative real change of defence spending, from NATO's annual real change r of each year %d-%d: (the product of (1 + r/100) - 1) x 100.", from+1, to)
	} else {
		what += fmt.Sprintf(" Change %%: defence in %d against %d's, in current USD (exchange rates move it too).", to, from)
	}
	notes := slices.Concat([]string{what}, rankNotes)
	return v.o.Out.Emit(v.o.F, cmdutil.Output{
		Human: func() *render.Table {
			return render.HumanTable(v.titleOf(titleSpan(v.ds, v.rel, v.codes, from, to)), fs, rows, nil, slices.Concat(v.pricesNote(), notes, []string{"- unknown.", calc.SourceOf(v.rel).Line()}))
		},
		Machine: func() *render.Table { return render.MachineTable(fs, rows) },
		Sources: func() []calc.Source { return []calc.Source{calc.SourceOf(v.rel)} },
		JSON: func() any {
			return v.json(render.Objects(fs, rows), notes,
				render.Field{Key: "since", Value: from}, render.Field{Key: "to", Value: to},
				render.Field{Key: "sort", Value: v.o.Sort}, render.Field{Key: "top", Value: v.o.Top}, render.Field{Key: "reverse", Value: v.o.Reverse})
		},
	})
}

// wideRow is one country's figure over the years.
type wideRow struct {
	h      *calc.History
	byYear map[int]row
}

// summed are the figures whose total over countries is their sum (money
// and personnel); a share has no such total.
func summed(word string) bool { return word == "defence" || word == "gdp" || word == "personnel" }

// wide is --layout wide: a row per country, a column per year of one
// figure, and, for a figure that adds up, a total row per year.
func (v view) wide(figure render.Spec[row]) error {
	word := figure.Sort
	rows := make([]wideRow, len(v.hs))
	for i := range v.hs {
		rows[i] = wideRow{h: &v.hs[i], byYear: map[int]row{}}
		for _, y := range v.hs[i].Years {
			rows[i].byYear[y.Year] = row{h: &v.hs[i], HistoryYear: y}
		}
	}
	fs := []render.Spec[wideRow]{
		{Key: "code", Title: "Code", Drop: 1, Get: func(r wideRow) render.Cell { return render.T(r.h.Code) }},
		{Key: "name", Title: "Country", Sort: "name", Get: func(r wideRow) render.Cell { return render.T(r.h.Name) }},
	}
	for i, y := range v.ys {
		get := func(r wideRow) render.Cell {
			x, ok := r.byYear[y]
			if !ok {
				return render.U()
			}
			return figure.Get(x)
		}
		f := render.Spec[wideRow]{Key: fmt.Sprintf("%s_%d", figure.Key, y), Title: fmt.Sprint(y), Kind: figure.Kind, Decimals: figure.Decimals, Get: get,
			Show: func(r wideRow) render.Cell {
				c := get(r)
				if x, ok := r.byYear[y]; ok && x.Estimate && c.Known {
					c.Mark = "e"
				}
				return c
			}}
		if i == len(v.ys)-1 {
			f.Sort = word // --sort FIGURE: by the last year's
		} else {
			f.Drop = 2 + i // a terminal too narrow leaves out the oldest years first, never the last
		}
		fs = append(fs, f)
	}
	rows, rankNotes, err := rank(v.o, fs, rows, fmt.Sprintf(" in %d", v.ys[len(v.ys)-1]))
	if err != nil {
		return err
	}
	// The total of each year: the sum of the rows shown that have the
	// figure (unknown where none has); those without it are named.
	total := func(i int) (render.Cell, bool) {
		if i < 2 {
			return render.Cell{}, false
		}
		sum, n := 0.0, 0
		for _, r := range rows {
			if c := fs[i].Get(r); c.Known {
				sum, n = sum+c.Num, n+1
			}
		}
		if n == 0 {
			return render.U(), true
		}
		return render.N(sum), true
	}
	var without []string
	for _, r := range rows {
		var ys []int
		for i, y := range v.ys {
			if !fs[i+2].Get(r).Known {
				ys = append(ys, y)
			}
		}
		if len(ys) > 0 {
			without = append(without, r.h.Name+" "+strings.ReplaceAll(years.Format(ys), ",", ", "))
		}
	}
	label := "Total"
	if len(rows) < len(v.hs) {
		label = fmt.Sprintf("Total of the %d shown", len(rows))
	}
	if len(without) > 0 {
		label += " (known)"
	}
	what := fmt.Sprintf("One row per country, one column per year: %s (%s; e: estimate).", figure.Title, figure.Key)
	if summed(word) {
		what += fmt.Sprintf(" %s: the sum of the rows above with a figure, each year.", label)
		if len(without) > 0 {
			what += " Left out of it, no figure: " + strings.Join(without, "; ") + "."
		}
	} else {
		what += " No total row: a percentage does not add up over countries."
	}
	notes := slices.Concat(v.pricesNote(), []string{what}, rankNotes)
	var footer func(int) (render.Cell, bool)
	var totals func() *render.Table
	var totalsJSON any
	if summed(word) {
		footer = func(i int) (render.Cell, bool) {
			if i == 1 {
				return render.T(label), true
			}
			return total(i)
		}
		totals = func() *render.Table {
			t := &render.Table{Columns: []render.Column{{Key: "label"}}}
			cells := []render.Cell{render.T(label)}
			for i := 2; i < len(fs); i++ {
				t.Columns = append(t.Columns, render.Column{Key: fs[i].Key, Kind: fs[i].Kind})
				c, _ := total(i)
				cells = append(cells, c)
			}
			t.Rows = [][]render.Cell{cells}
			return t
		}
		tt := totals()
		totalsJSON = render.RowObject(tt.Columns, tt.Rows[0])
	}
	return v.o.Out.Emit(v.o.F, cmdutil.Output{
		Human: func() *render.Table {
			return render.HumanTable(v.titleOf(figure.Title+" by year: "+strings.TrimPrefix(title(v.ds, v.rel, v.codes, v.ys), "History of ")), fs, rows, footer,
				slices.Concat(notes, []string{"- unknown.", calc.SourceOf(v.rel).Line()}))
		},
		Machine: func() *render.Table { return render.MachineTable(fs, rows) },
		Totals:  totals,
		Sources: func() []calc.Source { return []calc.Source{calc.SourceOf(v.rel)} },
		JSON: func() any {
			return v.json(render.Objects(fs, rows), notes,
				render.Field{Key: "layout", Value: cmdutil.LayoutWide}, render.Field{Key: "figure", Value: word},
				render.Field{Key: "totals", Value: totalsJSON},
				render.Field{Key: "sort", Value: v.o.Sort}, render.Field{Key: "top", Value: v.o.Top}, render.Field{Key: "reverse", Value: v.o.Reverse})
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

// titleSpan is the title of --since.
func titleSpan(ds *defence.Dataset, rel *defence.Release, codes []string, from, to int) string {
	t := title(ds, rel, codes, nil)
	return fmt.Sprintf("Change %d-%d of %s", from, to, strings.Replace(strings.TrimPrefix(t, "History of "), ", : release", ": release", 1))
}

// historyNotes name every source other than the release, with the
// countries and years it gives; a cell's own note and a country without
// figures are said too. The table's (human) notes first explain its
// columns and marks.
func historyNotes(ds *defence.Dataset, rel *defence.Release, hs []calc.History, human, current bool, figures []string) []string {
	out := []string{}
	mark := ""
	if human {
		switch {
		case current && slices.Contains(figures, "share") && slices.Contains(figures, "defence"):
			out = append(out, "Change pts: share of GDP minus the year before's, in percentage points; Change %: defence spending against the year before's, in current USD (exchange rates move it too).")
		case slices.Contains(figures, "share"):
			out = append(out, "Change pts: share of GDP minus the year before's, in percentage points.")
		case current && slices.Contains(figures, "defence"):
			out = append(out, "Change %: defence spending against the year before's, in current USD (exchange rates move it too).")
		}
		if slices.Contains(figures, "personnel") {
			out = append(out, "Personnel k: military personnel, thousands, as NATO publishes it.")
		}
		if slices.ContainsFunc(figures, func(w string) bool { return w == "personnel-pct" || w == "infrastructure" || w == "other" }) {
			out = append(out, "Personnel %, Infrastr. %, Other %: NATO's categories of defence spending, % of it (with Equipment %, they add up to 100%).")
		}
		if slices.Contains(figures, "per-head") {
			out = append(out, "Defence $/head: US dollars per person; GDP $k/head: thousand US dollars per person; both at constant prices, as NATO publishes them (its Table 6).")
		}
		marks := "- unknown; e: estimate."
		if slices.Contains(figures, "equipment") {
			marks = "Equipment %: major equipment as a share of defence spending (NATO's guideline: 20%). " + marks
		}
		out = append(out, marks)
		mark = "^: "
	}
	// GDP from another release: per source, who and which years.
	var srcs []string
	bySrc := map[string][]string{}
	for _, h := range hs {
		if !current || !slices.Contains(figures, "gdp") {
			break
		}
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
