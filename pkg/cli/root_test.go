package cli

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/natospend/natospend/pkg/dataset"
)

func TestPanicIsInternalErrorExit70(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	g := &cmdutil.GlobalOptions{}
	// No snapshot: gap reads Embedded, which panics.
	f := cmdutil.NewFactory(ios, "test", cmdutil.DataSources{Embedded: func() []dataset.Source { panic("boom") }}, g)
	code := run([]string{"gap", "--target", "3.7"}, f, g)
	if code != 70 {
		t.Fatalf("exit %d, want 70", code)
	}
	if out.Len() != 0 {
		t.Fatalf("stdout %q, want nothing", out)
	}
	msg := errOut.String()
	if !strings.HasPrefix(msg, "natospend: internal error: boom\n") || strings.Contains(msg, "goroutine") {
		t.Fatalf("stderr %q, want a short internal-error message and no goroutine dump", msg)
	}
}

func TestHelpTopics(t *testing.T) {
	for topic, want := range map[string]string{"exit-codes": "70  internal error", "environment": "NATOSPEND_CONFIG"} {
		code, out, _ := runArgs(t, "help", topic)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help %s: exit %d, output %q", topic, code, out)
		}
	}
}

func TestValidateEmbedded(t *testing.T) {
	code, out, errOut := runArgs(t, "validate")
	// 3 NATO releases, the IMF WEO's GDP and its population; 45 countries
	// (32 allies, 12 other donors, the EU's institutions as XEU); cells:
	// 403 + 372 + 352 + 320 + 544 = 1,991 (see data/README.md); NATO's
	// aggregates: 2 groups x 13 years (nato-2026-07) + 2 x 11 (nato-2024-06).
	want := "ok: 5 releases (3 defence, 1 GDP, 1 population), 45 countries, 4 groups, 6 targets, 1991 country-years, 48 published aggregate-years; aid: 1 release, 42 donor rows, 5 packages\n"
	if code != 0 || out != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}
}

func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := Main(args, ios)
	return code, out.String(), errOut.String()
}
