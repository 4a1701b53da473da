package countries_test

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/countries"
)

// argv -> options through the runF seam.
func TestParseOptions(t *testing.T) {
	o := clitest.MustParse(t, countries.NewCmd, "--group", "europe,eu", "--format", "tsv")
	if strings.Join(o.Groups, ",") != "europe,eu" || o.Out.Format != "tsv" {
		t.Errorf("options %+v", o)
	}
	if o, err := clitest.Parse(t, countries.NewCmd, "DEU"); err == nil || o != nil {
		t.Errorf("an argument: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options: the allies and the year they joined NATO
// (NATO, Member countries: Albania 2009, Finland 2023, Germany 1955, the
// United States 1949); Iceland reports no defence figure (no armed
// forces).
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	o := &countries.Options{F: f, Groups: []string{"nato"}, Out: cmdutil.OutputFlags{Format: "csv"}}
	if err := countries.Run(o); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]map[string]string{}
	for _, r := range clitest.CSVRows(t, out.String()) {
		byCode[r["code"]] = r
	}
	if len(byCode) != 32 {
		t.Errorf("%d allies, want 32", len(byCode))
	}
	for code, since := range map[string]string{"ALB": "2009", "FIN": "2023", "DEU": "1955", "USA": "1949"} {
		if byCode[code]["nato_since"] != since {
			t.Errorf("%s: %v, want nato_since %s", code, byCode[code], since)
		}
	}
	if byCode["ISL"]["defence_reported"] != "false" || byCode["DEU"]["defence_reported"] != "true" {
		t.Errorf("defence_reported: ISL %q, DEU %q", byCode["ISL"]["defence_reported"], byCode["DEU"]["defence_reported"])
	}
	o.Groups = []string{"nordic"}
	if err := countries.Run(o); err == nil || !cmdutil.IsUsage(err) {
		t.Errorf("--group nordic: %v, want a usage error", err)
	}
}
