package query

import (
	"errors"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// opts are the options of `gap --target 2` with the flags' defaults,
// writing notes to a test stream.
func opts() *Options {
	ios, _, _, _ := iostreams.Test()
	o := &Options{F: &cmdutil.Factory{IO: ios}, Targets: []string{"2"}, Method: "share", Sort: "gap", TrendYears: calc.DefaultTrendYears}
	return o
}

func flagOf(err error) string {
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		return fe.Flag
	}
	return ""
}

// Resolve needs no output flags (check and chart set no format to get
// through it): by default the newest embedded NATO release, nato-2026-07
// (data/releases: NATO's July 2026 estimates), and its latest year, 2026.
func TestResolveDefaults(t *testing.T) {
	o := opts()
	o.Select.Countries = []string{"DEU", "POL"}
	q, err := o.Resolve(snapshot.Dataset())
	if err != nil {
		t.Fatal(err)
	}
	if q.Release.ID != "nato-2026-07" || q.Year != 2026 {
		t.Errorf("release %s year %d, want nato-2026-07 2026", q.Release.ID, q.Year)
	}
	if len(q.Targets) != 1 || q.Targets[0].Pct != 2 || q.Method != calc.MethodShare || q.Sort != "gap" {
		t.Errorf("query %+v", q)
	}
	if strings.Join(q.Codes, ",") != "DEU,POL" {
		t.Errorf("codes %v, want DEU,POL", q.Codes)
	}
}

// Each refusal is a usage error of the flag at fault: target/measure
// compatibility is checked here, in the flags' words, not left to calc.
func TestResolveRefusals(t *testing.T) {
	ds := snapshot.Dataset()
	for _, tc := range []struct {
		name, flag, text string
		set              func(*Options)
	}{
		{"two years", "year", "--year 2023,2024: this command takes one year", func(o *Options) { o.Years = []string{"2023-2024"} }},
		{"equipment deadline", "by", "--by: the equipment guideline is measured in the year asked", func(o *Options) {
			o.Measure, o.Targets, o.By = "equipment", []string{"nato-equipment-20"}, 2030
		}},
		{"by before base", "by", "--by 2020 is before the base year 2026", func(o *Options) { o.By = 2020 }},
		{"trend years", "trend-years", "--trend-years 1 is out of range (expected 2 to 15)", func(o *Options) { o.TrendYears = 1 }},
		{"method", "method", `--method "x" is not a method`, func(o *Options) { o.Method = "x" }},
		{"decimal comma", "target", `--target "3,7" may have a decimal comma`, func(o *Options) { o.Targets, o.DecimalCommaIsError = []string{"3,7"}, true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := opts()
			tc.set(o)
			_, err := o.Resolve(ds)
			if err == nil || !cmdutil.IsUsage(err) || flagOf(err) != tc.flag || !strings.HasPrefix(err.Error(), tc.text) {
				t.Fatalf("err = %v (flag %q), want a usage error of --%s starting %q", err, flagOf(err), tc.flag, tc.text)
			}
		})
	}
}

// checkMeasure names the flag; calc.Compute, given the same query, refuses
// it without naming one.
func TestCheckMeasure(t *testing.T) {
	ds := snapshot.Dataset()
	eq := ds.Targets["nato-equipment-20"]
	q := &calc.Query{Targets: []defence.Target{eq}, Measure: defence.MeasureShare, Release: ds.Releases["nato-2024-06"], Year: 2024, Codes: []string{"POL"}}
	err := checkMeasure(q)
	want := "--target nato-equipment-20 is a target of the equipment share of defence spending, not of GDP: use --measure equipment"
	if err == nil || flagOf(err) != "target" || err.Error() != want {
		t.Fatalf("checkMeasure: %v, want %s", err, want)
	}
	if _, err := calc.Compute(ds, q); err == nil || strings.Contains(err.Error(), "--") {
		t.Fatalf("Compute: %v, want a refusal naming no flag", err)
	}
	q.Targets = []defence.Target{ds.Targets["nato-2014"]}
	if err := checkMeasure(q); err != nil {
		t.Fatalf("nato-2014 of GDP: %v", err)
	}
}

// ResolveAll gives one query per year (and release), in order, each
// resolved as Resolve would; Resolve alone takes one year.
func TestResolveAllYears(t *testing.T) {
	o := opts()
	o.Years = []string{"2023,2024"}
	o.Select.Countries = []string{"DEU"}
	qs, err := o.ResolveAll(snapshot.Dataset())
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].Year != 2023 || qs[1].Year != 2024 || qs[0].Release != qs[1].Release {
		t.Fatalf("queries %d: %+v", len(qs), qs)
	}
	o.Measure, o.Targets, o.By = "equipment", []string{"nato-equipment-20"}, 2030
	if _, err := o.ResolveAll(snapshot.Dataset()); flagOf(err) != "by" {
		t.Fatalf("equipment with --by over two years: %v, want an error of --by", err)
	}
}

// MethodNotes: one rule for gap's note and chart's formula. The equipment
// guideline's gap is a share of defence spending whatever --method says
// (chart said "Gap = 20% x GDP - defence" for --measure equipment
// --method usd before it shared the rule).
func TestMethodNotes(t *testing.T) {
	for _, tc := range []struct {
		q                 calc.Query
		sentence, formula string
	}{
		{calc.Query{Method: calc.MethodShare}, "Method share: ", "Gap = (3.5% - published share of GDP) x GDP, current USD"},
		{calc.Query{Method: calc.MethodUSD}, "Method usd: ", "Gap = 3.5% x GDP - defence expenditure, current USD (--method usd)"},
		{calc.Query{Method: calc.MethodShare, Measure: defence.MeasureEquipment}, "Equipment guideline: ", "Gap = (3.5% - equipment share) x defence expenditure, current USD"},
		{calc.Query{Method: calc.MethodUSD, Measure: defence.MeasureEquipment}, "Equipment guideline: ", "Gap = (3.5% - equipment share) x defence expenditure, current USD"},
	} {
		n := MethodNotes(&tc.q, "in current USD", true)
		s, f := n.Sentence, n.Formula(3.5)
		if !strings.HasPrefix(s, tc.sentence) || f != tc.formula {
			t.Errorf("%s/%s: %q, %q; want %q..., %q", tc.q.Method, tc.q.Measure, s, f, tc.sentence, tc.formula)
		}
	}
}
