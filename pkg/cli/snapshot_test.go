package cli

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/dataset"
)

// TestSnapshotUsedButValidateParses: commands take the embedded data from
// the compiled snapshot, while validate parses the embedded YAML. Shown by
// an embedded file set with one broken file: validate reports it, the
// other commands never read it.
func TestSnapshotUsedButValidateParses(t *testing.T) {
	broken := func() []dataset.Source {
		return append(EmbeddedSources(), dataset.Source{Name: "embedded:zz-broken.yaml", Data: []byte("kind: nonsense\n")})
	}
	run1 := func(args ...string) (int, string, string) {
		ios, _, out, errOut := iostreams.Test()
		g := &cmdutil.GlobalOptions{}
		f := cmdutil.NewFactory(ios, "test", cmdutil.DataSources{Embedded: broken, EmbeddedLoaded: EmbeddedData.EmbeddedLoaded}, g)
		code := run(args, f, g)
		return code, out.String(), errOut.String()
	}

	code, _, errOut := run1("validate")
	if code != 1 || !strings.Contains(errOut, "embedded:zz-broken.yaml:1: kind: nonsense is not a kind of data file") {
		t.Errorf("validate: exit %d, stderr %q; want the broken embedded file reported", code, errOut)
	}
	code, out, errOut := run1("gap", "--target", "3.7", "--country", "DEU", "--format", "csv", "--no-header")
	if code != 0 || !strings.HasPrefix(out, "DEU,Germany,2026,nato-2026-07,") {
		t.Errorf("gap: exit %d, stdout %q, stderr %q; want DEU's row from the snapshot", code, out, errOut)
	}
	// User files still merge onto the snapshot, with the same checks.
	dir := t.TempDir()
	code, _, errOut = run1("countries", "--data", "../dataset/testdata/hostile/country-twice-a.yaml")
	if code != 1 || !strings.Contains(errOut, "country-twice-a.yaml:3: countries.POL: country POL is defined twice (also at embedded:countries.yaml:") {
		t.Errorf("countries --data: exit %d, stderr %q; want POL defined twice", code, errOut)
	}
	// --no-default-data uses neither.
	code, _, errOut = run1("countries", "--no-default-data", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "the directory holds no .yaml or .yml file") {
		t.Errorf("--no-default-data: exit %d, stderr %q", code, errOut)
	}
}
