package cli

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/cli/iostreams"
)

// --prices is the same flag in gap, history and path; path, a projection
// at current prices, refuses constant and says where real terms are.
func TestPricesInPath(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	code := Main([]string{"path", "--target", "hague-core", "--country", "DEU", "--prices", "constant"}, ios)
	want := "natospend: --prices constant: a path grows GDP at the IMF's nominal growth to the deadline, at current prices, so it has no constant-price form (for real terms: natospend history --prices constant, or gap --prices constant)\n"
	if code != 2 || out.Len() != 0 || !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, want)
	}
	ios, _, _, errOut = iostreams.Test()
	if code := Main([]string{"path", "--target", "hague-core", "--country", "DEU", "--prices", "current"}, ios); code != 0 {
		t.Errorf("--prices current: exit %d: %s", code, errOut)
	}
}
