package cmdutil

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

// The Factory's functions read the GlobalOptions when called (after the
// flags are parsed), not when the Factory is made; Dataset loads once.
func TestFactoryReadsGlobalOptions(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	snap := &defence.Dataset{}
	loads := 0
	g := &GlobalOptions{}
	f := NewFactory(ios, "v1", DataSources{EmbeddedLoaded: func() *defence.Dataset { loads++; return snap }}, g)
	if f.IO != ios || f.Version != "v1" {
		t.Fatalf("IO %p, Version %q", f.IO, f.Version)
	}

	g.ConfigPath, g.DataPaths = "c.yaml", []string{"a.yaml", "b"}
	if c, d := f.Inputs(); c != "c.yaml" || strings.Join(d, ",") != "a.yaml,b" {
		t.Errorf("Inputs() = %q, %q", c, d)
	}
	g.SetOrigin("year", "NATOSPEND_YEAR=2024")
	if f.SettingOrigin("year") != "NATOSPEND_YEAR=2024" || f.SettingOrigin("target") != "" {
		t.Errorf("SettingOrigin: %q %q", f.SettingOrigin("year"), f.SettingOrigin("target"))
	}

	g.DataPaths = nil
	for range 2 {
		if ds, err := f.Dataset(); ds != snap || err != nil {
			t.Fatalf("Dataset() = %p, %v; want the snapshot %p", ds, err, snap)
		}
	}
	if loads != 1 {
		t.Errorf("the snapshot was taken %d times, want once", loads)
	}

	// CheckDataset parses the embedded files (not the snapshot) with the
	// extra paths, and leaves the run's --data paths alone.
	parsed := 0
	g2 := &GlobalOptions{DataPaths: []string{}}
	f2 := NewFactory(ios, "v1", DataSources{
		Embedded:       func() []dataset.Source { parsed++; return nil },
		EmbeddedLoaded: func() *defence.Dataset { t.Error("CheckDataset took the snapshot"); return snap },
	}, g2)
	missing := filepath.Join(t.TempDir(), "none.yaml")
	_, err := f2.CheckDataset([]string{missing})
	if err == nil || !strings.Contains(err.Error(), missing+": cannot read: no such file or directory") || parsed != 1 || len(g2.DataPaths) != 0 {
		t.Errorf("CheckDataset(%s): %v, embedded read %d times, --data %q", missing, err, parsed, g2.DataPaths)
	}
}

// --no-default-data without --data is a usage error.
func TestLoadNoData(t *testing.T) {
	_, err := DataSources{EmbeddedLoaded: func() *defence.Dataset { return &defence.Dataset{} }}.Load(nil, true, false)
	if !IsUsage(err) || err.Error() != "no data: --no-default-data needs at least one --data PATH" {
		t.Errorf("Load: %v", err)
	}
}
