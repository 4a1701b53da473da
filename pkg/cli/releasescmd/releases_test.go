package releasescmd_test

import (
	"encoding/json"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/releasescmd"
)

// argv -> options through the runF seam.
func TestParseOptions(t *testing.T) {
	if o := clitest.MustParse(t, releasescmd.NewCmd, "--format", "json", "--no-header"); o.Out.Format != "json" || !o.Out.NoHeader {
		t.Errorf("options %+v", o.Out)
	}
	if o, err := clitest.Parse(t, releasescmd.NewCmd, "nato-2024-06"); err == nil || o != nil {
		t.Errorf("an argument: %v, options %v; want an error and no run", err, o)
	}
}

// Run on hand-built options: the embedded NATO releases, newest first,
// with the dates data/ gives them (data/nato-*.yaml, published:): Defence
// Expenditure of NATO Countries (2014-2026), June 2026; (2014-2025), 28
// August 2025; (2014-2024), 17 June 2024 (its workbook:
// 240617-def-exp-2024-TABLES-en.xlsx).
func TestRunHandBuilt(t *testing.T) {
	f, out, _ := clitest.Factory(t)
	if err := releasescmd.Run(&releasescmd.Options{F: f, Out: cmdutil.OutputFlags{Format: "json"}}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Releases []struct {
			ID, Kind, Published string
			Embedded            bool
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var nato []string
	for _, r := range doc.Releases {
		if r.Kind == "defence" {
			nato = append(nato, r.ID+" "+r.Published)
			if !r.Embedded {
				t.Errorf("%s: not embedded", r.ID)
			}
		}
	}
	want := []string{"nato-2026-07 2026-06", "nato-2025-08 2025-08-28", "nato-2024-06 2024-06-17"}
	if len(nato) != len(want) {
		t.Fatalf("defence releases %v, want %v", nato, want)
	}
	for i := range want {
		if nato[i] != want[i] {
			t.Errorf("defence releases %v, want %v", nato, want)
			break
		}
	}
}
