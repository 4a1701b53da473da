package aid

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/natospend/natospend/pkg/cli/aidreport"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/render"
	"github.com/spf13/cobra"
)

// PackagesOptions hold everything an aid packages run needs.
type PackagesOptions struct {
	F *cmdutil.Factory

	Donors []string
	countryAlias
	Groups []string
	From   string
	To     string
	Out    cmdutil.OutputFlags
}

// NewPackagesCmd builds the aid packages command.
func NewPackagesCmd(f *cmdutil.Factory, runF func(*PackagesOptions) error) *cobra.Command {
	opts := &PackagesOptions{F: f}
	cmd := &cobra.Command{
		Use:   "packages",
		Short: "Individual aid packages to Ukraine, as announced, each with its source",
		Long: strings.TrimSpace(`
Packages lists individual packages of support to Ukraine as they were
announced: the donor, the day, the amount in the currency announced (in
millions: Japan's JPY 8.8 billion is 8800 JPY m), the amount in US dollars
only where a source printed one (natospend never converts), the purpose and
the source.

Amounts are not added up: packages can overlap (one may be paid from an
earlier programme) and come in different currencies. The totals count the
packages per currency.

--from and --to bound the announcement date, inclusive: YYYY-MM-DD, YYYY-MM
or YYYY.`),
		Example: cmdutil.Examples(`
  natospend aid packages --donor ESP
  natospend aid packages --group nato --from 2025-03
  natospend aid packages --format json`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.noteCommandLine(cmd, f)
			if runF != nil {
				return runF(opts)
			}
			return RunPackages(opts)
		},
	}
	addDonorFlags(cmd, &opts.Donors, &opts.countryAlias, &opts.Groups, f)
	cmd.Flags().StringVar(&opts.From, "from", "", "only packages announced on or after this `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&opts.To, "to", "", "only packages announced on or before this `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmdutil.AddOutputFlags(cmd, &opts.Out)
	return cmd
}

// dateArgRE is compiled on first use, not on every run.
var dateArgRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)
})

// dateBound turns a --from or --to value into the first (or, for end, the
// last) YYYY-MM-DD day it covers.
func dateBound(flag, s string, end bool) (string, error) {
	m := dateArgRE().FindStringSubmatch(strings.TrimSpace(s))
	bad := cmdutil.FlagErrorf(flag, "--%s %q is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)", flag, s)
	if m == nil {
		return "", bad
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1949 || y > 2100 {
		return "", cmdutil.FlagErrorf(flag, "--%s %q: the year is out of range (expected a year from 1949 to 2100)", flag, s)
	}
	mo, d := 1, 1
	if end {
		mo = 12
	}
	if m[2] != "" {
		mo, _ = strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return "", bad
		}
	}
	last := daysIn(y, mo)
	if end {
		d = last
	}
	if m[3] != "" {
		d, _ = strconv.Atoi(m[3])
		if d < 1 || d > last {
			return "", bad
		}
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// PackagesQuery is a validated packages request.
type PackagesQuery struct {
	Codes    []string // nil: every donor
	Named    []string // donors named with --donor, for "no package" notes
	From, To string   // YYYY-MM-DD, empty for no bound
}

// Resolve validates the options against the data.
func (o *PackagesOptions) Resolve(ds *defence.Dataset) (*PackagesQuery, error) {
	if err := o.Out.Validate(); err != nil {
		return nil, err
	}
	q := &PackagesQuery{}
	var err error
	if o.From != "" {
		if q.From, err = dateBound("from", o.From, false); err != nil {
			return nil, err
		}
	}
	if o.To != "" {
		if q.To, err = dateBound("to", o.To, true); err != nil {
			return nil, err
		}
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return nil, cmdutil.FlagErrorf("from", "--from %s is after --to %s", o.From, o.To)
	}
	if len(ds.AidPackages) == 0 {
		return nil, fmt.Errorf("the data holds no aid packages (kind: aid-packages; see docs/data.md)")
	}
	donors, flag, err := o.donors(ds, o.Donors)
	if err != nil {
		return nil, err
	}
	codes, all, err := selectDonors(ds, flag, donors, o.Groups, 0) // packages have dates of their own: today's members
	if err != nil {
		return nil, err
	}
	if !all {
		q.Codes = codes
		for _, name := range cmdutil.SplitList(donors) {
			c, _ := ds.LookupCountry(name)
			q.Named = append(q.Named, c.Code)
		}
	}
	return q, nil
}

// PackagesReport is the result of a packages run.
type PackagesReport struct {
	Query    *PackagesQuery
	Packages []defence.AidPackage
	Names    map[string]string
	Notes    []string
}

// ComputePackages selects the packages.
func ComputePackages(ds *defence.Dataset, q *PackagesQuery) *PackagesReport {
	rep := &PackagesReport{Query: q, Names: map[string]string{}}
	sel := map[string]bool{}
	for _, c := range q.Codes {
		sel[c] = true
	}
	has := map[string]bool{}
	for _, p := range ds.AllAidPackages() {
		if q.Codes != nil && !sel[p.Donor] {
			continue
		}
		if q.From != "" && p.Date < q.From || q.To != "" && p.Date > q.To {
			continue
		}
		rep.Packages = append(rep.Packages, p)
		has[p.Donor] = true
		name := ds.Countries[p.Donor].Name
		if name == "" {
			name = p.Donor
		}
		rep.Names[p.Donor] = name
	}
	var none []string
	for _, c := range q.Named {
		if !has[c] {
			none = append(none, ds.Countries[c].Name)
		}
	}
	if len(none) > 0 {
		sort.Strings(none)
		rep.Notes = append(rep.Notes, "No package in the data for "+strings.Join(none, ", ")+" in the dates asked.")
	}
	rep.Notes = append(rep.Notes,
		"Amounts in millions of the currency announced. USD m only where the source printed a USD figure; - means none did (natospend never converts).",
		"Amounts are not added up: packages can overlap (one may be paid from an earlier programme) and come in different currencies.")
	return rep
}

// packageRow is one package and its number in the sources under the table.
type packageRow struct {
	n int
	p defence.AidPackage
}

// packageFields are the fields of a package row, declared once: the human
// table, the CSV/TSV and the JSON rows derive from them. The keys are a
// contract, only ever added to, at the end.
func (r *PackagesReport) packageFields() []render.Spec[packageRow] {
	text := func(get func(packageRow) string) func(packageRow) render.Cell {
		return func(row packageRow) render.Cell { return render.T(get(row)) }
	}
	return []render.Spec[packageRow]{
		{Key: "code", Title: "Code", Get: text(func(row packageRow) string { return row.p.Donor })},
		{Key: "name", Title: "Donor", Get: text(func(row packageRow) string { return r.Names[row.p.Donor] })},
		{Key: "date", Title: "Date", Get: text(func(row packageRow) string { return row.p.Date })},
		{Key: "amount", Kind: render.Number, Get: func(row packageRow) render.Cell { return render.N(row.p.Amount) }},
		{Key: "currency", Get: text(func(row packageRow) string { return row.p.Currency })},
		// The table shows the amount as announced, in its currency.
		{Title: "Amount", Get: text(func(row packageRow) string { return row.p.Currency + " " + aidreport.AmountText(row.p.Amount) + " m" })},
		{Key: "amount_usd_m", Kind: render.Number, Get: func(row packageRow) render.Cell { return num(row.p.USD) }},
		{Title: "USD m", Get: text(func(row packageRow) string {
			if row.p.USD.Known {
				return aidreport.AmountText(row.p.USD.V)
			}
			return "-"
		})},
		{Key: "purpose", Title: "Purpose", Get: text(func(row packageRow) string { return row.p.Purpose })},
		{Key: "source", Get: text(func(row packageRow) string { return row.p.URL })},
		{Title: "Source", Get: text(func(row packageRow) string { return fmt.Sprintf("[%d]", row.n) })},
	}
}

func (r *PackagesReport) rows() []packageRow {
	out := make([]packageRow, len(r.Packages))
	for i, p := range r.Packages {
		out[i] = packageRow{n: i + 1, p: p}
	}
	return out
}

// MachineTable is one row per package.
func (r *PackagesReport) MachineTable() *render.Table {
	return render.MachineTable(r.packageFields(), r.rows())
}

// HumanTable lists the packages with numbered sources in the notes.
func (r *PackagesReport) HumanTable() *render.Table {
	var sources []string
	for i, p := range r.Packages {
		src := fmt.Sprintf("[%d] %s", i+1, p.URL)
		if p.Quote != "" {
			src += " Quote: " + p.Quote
		}
		sources = append(sources, src)
	}
	notes := append(append([]string{r.summary()}, r.Notes...), sources...)
	return render.HumanTable("Aid packages to Ukraine, as announced", r.packageFields(), r.rows(), nil, notes)
}

func (r *PackagesReport) summary() string {
	if len(r.Packages) == 0 {
		return "No package matches."
	}
	donors := map[string]bool{}
	for _, p := range r.Packages {
		donors[p.Donor] = true
	}
	s := "packages"
	if len(r.Packages) == 1 {
		s = "package"
	}
	d := "donors"
	if len(donors) == 1 {
		d = "donor"
	}
	first, last := r.Packages[0].Date, r.Packages[len(r.Packages)-1].Date
	if first == last {
		return fmt.Sprintf("%d %s from %d %s, announced on %s.", len(r.Packages), s, len(donors), d, first)
	}
	return fmt.Sprintf("%d %s from %d %s, announced from %s to %s.", len(r.Packages), s, len(donors), d, first, last)
}

// JSON returns the JSON document.
func (r *PackagesReport) JSON() any {
	doc := jsonPackages{
		SchemaVersion: SchemaVersion,
		From:          strPtr(r.Query.From),
		To:            strPtr(r.Query.To),
		Rows:          []render.Object{},
		Totals:        []jsonPackageTotals{},
		Notes:         append([]string{}, r.Notes...),
	}
	doc.Rows = append(doc.Rows, render.Objects(r.packageFields(), r.rows())...)
	doc.Totals = append(doc.Totals, r.totals()...)
	return doc
}

// totals count the packages of each currency, in the order of the
// currencies' codes.
func (r *PackagesReport) totals() []jsonPackageTotals {
	out := []jsonPackageTotals{}
	byCur := map[string]*jsonPackageTotals{}
	donors := map[string]map[string]bool{}
	var curs []string
	for _, p := range r.Packages {
		t := byCur[p.Currency]
		if t == nil {
			t = &jsonPackageTotals{Currency: p.Currency, First: p.Date, Last: p.Date}
			byCur[p.Currency] = t
			donors[p.Currency] = map[string]bool{}
			curs = append(curs, p.Currency)
		}
		t.Packages++
		donors[p.Currency][p.Donor] = true
		t.First = min(t.First, p.Date)
		t.Last = max(t.Last, p.Date)
		if p.USD.Known {
			t.WithUSD++
		}
	}
	sort.Strings(curs)
	for _, c := range curs {
		t := byCur[c]
		t.Donors = len(donors[c])
		out = append(out, *t)
	}
	return out
}

// TotalsTable is the totals per currency (the xlsx Totals sheet): the
// keys of the JSON totals.
func (r *PackagesReport) TotalsTable() *render.Table {
	text := func(key string, get func(jsonPackageTotals) string) render.Spec[jsonPackageTotals] {
		return render.Spec[jsonPackageTotals]{Key: key, Get: func(t jsonPackageTotals) render.Cell { return render.T(get(t)) }}
	}
	count := func(key string, get func(jsonPackageTotals) int) render.Spec[jsonPackageTotals] {
		return render.Spec[jsonPackageTotals]{Key: key, Kind: render.Int, Get: func(t jsonPackageTotals) render.Cell { return render.N(float64(get(t))) }}
	}
	fs := []render.Spec[jsonPackageTotals]{
		text("currency", func(t jsonPackageTotals) string { return t.Currency }),
		count("packages", func(t jsonPackageTotals) int { return t.Packages }),
		count("donors", func(t jsonPackageTotals) int { return t.Donors }),
		count("packages_with_usd", func(t jsonPackageTotals) int { return t.WithUSD }),
		text("first_date", func(t jsonPackageTotals) string { return t.First }),
		text("last_date", func(t jsonPackageTotals) string { return t.Last }),
	}
	return render.MachineTable(fs, r.totals())
}

type jsonPackages struct {
	SchemaVersion int                 `json:"schema_version"`
	From          *string             `json:"from"`
	To            *string             `json:"to"`
	Rows          []render.Object     `json:"rows"`
	Totals        []jsonPackageTotals `json:"totals"`
	Notes         []string            `json:"notes"`
}

// jsonPackageTotals counts the packages of one currency; amounts are not
// added up (packages can overlap).
type jsonPackageTotals struct {
	Currency string `json:"currency"`
	Packages int    `json:"packages"`
	Donors   int    `json:"donors"`
	WithUSD  int    `json:"packages_with_usd"`
	First    string `json:"first_date"`
	Last     string `json:"last_date"`
}

// RunPackages lists the packages.
func RunPackages(o *PackagesOptions) error {
	ds, err := o.F.Dataset()
	if err != nil {
		return err
	}
	q, err := o.Resolve(ds)
	if err != nil {
		return err
	}
	rep := ComputePackages(ds, q)
	return o.Out.Emit(o.F, cmdutil.Output{Human: rep.HumanTable, Machine: rep.MachineTable, JSON: rep.JSON, Totals: rep.TotalsTable})
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func num(n defence.Num) render.Cell { return render.Opt(n.V, n.Known) }
