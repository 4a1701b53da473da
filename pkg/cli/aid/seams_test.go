package aid_test

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/aid"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
)

// argv -> options through the runF seam, for aid and aid packages.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, aid.NewCmd, "--donor", "DEU,FRA", "--kind", "military", "--sort", "name", "--gdp-year", "2024", "--format", "csv")
	if strings.Join(o.Donors, ",") != "DEU,FRA" || o.Kind != "military" || o.Sort != "name" || o.GDPYear != 2024 || o.Out.Format != "csv" {
		t.Errorf("options %+v", o)
	}
	if d := clitest.MustParse(t, aid.NewCmd); d.Kind != "total" || d.Sort != "amount" || len(d.Donors) != 0 {
		t.Errorf("no flags: kind %q sort %q donors %v", d.Kind, d.Sort, d.Donors)
	}
	if o, err := clitest.Parse(t, aid.NewCmd, "--sort", "size"); err == nil || o != nil {
		t.Errorf("--sort size: %v, options %v; want an error and no run", err, o)
	}
	p := clitest.MustParse(t, aid.NewPackagesCmd, "--donor", "ESP", "--from", "2025-01", "--to", "2025-12-31")
	if strings.Join(p.Donors, ",") != "ESP" || p.From != "2025-01" || p.To != "2025-12-31" {
		t.Errorf("packages options %+v", p)
	}
}

// Run on hand-built options. Germany in the Kiel Institute's Ukraine
// Support Tracker, release 28 (kiel-ust-28, cut-off 2026-02-28): military
// aid EUR 20,014.111 m, in all EUR 25,294.509 m; its 2021 GDP EUR
// 3,601.750 bn. By hand: 25,294.509 / 3,601,750 = 0.702284% of GDP.
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	o := &aid.Options{F: f, Donors: []string{"DEU"}, Kind: "total", Sort: "amount", Out: cmdutil.OutputFlags{Format: "csv"}}
	if err := aid.Run(o); err != nil {
		t.Fatal(err)
	}
	rows := clitest.CSVRows(t, out.String())
	if len(rows) != 1 || rows[0]["code"] != "DEU" || rows[0]["military_meur"] != "20014.111" || rows[0]["total_meur"] != "25294.509" || rows[0]["pct_gdp"] != "0.702284" {
		t.Errorf("rows %v", rows)
	}
}

// RunPackages on hand-built options: Spain's EUR 1,000 m military package
// of 24 February 2025 (data/aid-packages.yaml, from its cited report).
func TestRunPackagesHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	o := &aid.PackagesOptions{F: f, Donors: []string{"ESP"}, Out: cmdutil.OutputFlags{Format: "csv"}}
	if err := aid.RunPackages(o); err != nil {
		t.Fatal(err)
	}
	rows := clitest.CSVRows(t, out.String())
	if len(rows) != 1 || rows[0]["date"] != "2025-02-24" || rows[0]["amount"] != "1000" || rows[0]["currency"] != "EUR" {
		t.Errorf("rows %v", rows)
	}
}
