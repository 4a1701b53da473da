package dataset_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/releasetest"
	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/golit"
	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/snapshot/snapgen"
)

// TestLoadOntoMatchesLoad: merging user files onto the snapshot of the
// embedded data gives the same dataset, or the same errors, as loading
// the embedded YAML together with them. The cases are every file of
// testdata (valid and hostile), each embedded file given again as a user
// file (to be replaced, or to clash), and hand-made files.
func TestLoadOntoMatchesLoad(t *testing.T) {
	type userCase struct {
		name string
		user []dataset.Source
	}
	var cases []userCase
	paths, _ := filepath.Glob("testdata/*/*.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, userCase{p, []dataset.Source{{Name: p, Data: data}}})
	}
	for _, s := range snapgen.EmbeddedSources() {
		name := "copy-of-" + strings.TrimPrefix(s.Name, "embedded:")
		cases = append(cases, userCase{name, []dataset.Source{{Name: name, Data: s.Data}}})
	}
	mk := func(name string, lines ...string) dataset.Source {
		return dataset.Source{Name: name, Data: []byte(strings.Join(lines, "\n") + "\n")}
	}
	release := func(name, id string, codes ...string) dataset.Source {
		lines := []string{"kind: release", "id: " + id, "series: defence", "title: T", "publisher: P",
			"published: 2027-01-01", "url: https://example.org/x", "figures:"}
		for _, c := range codes {
			lines = append(lines, "  "+c+":", "    2026: {gdp_musd: 100, share_pct: 2.5}")
		}
		return mk(name, lines...)
	}
	cases = append(cases,
		userCase{"new country and its release", []dataset.Source{
			mk("c.yaml", "kind: countries", "countries:", "  QMA: {name: Somewhere}"),
			release("r.yaml", "mine", "QMA", "DEU"),
		}},
		userCase{"release of an unknown country", []dataset.Source{release("r.yaml", "mine", "QMB")}},
		userCase{"two user releases replace the same embedded one", []dataset.Source{
			release("a.yaml", "nato-2026-07", "DEU"), release("b.yaml", "nato-2026-07", "FRA"),
		}},
		userCase{"user release replaces an embedded one", []dataset.Source{release("a.yaml", "nato-2024-06", "POL")}},
		userCase{"group and target clash with embedded ones", []dataset.Source{
			mk("g.yaml", "kind: groups", "groups:", "  nato: {name: N, members: [DEU]}", "  mine: {name: M, members: [DEU, QMC]}"),
			mk("t.yaml", "kind: targets", "targets:", "  hague: {name: H, pct: 5, citation: c}", "  mine: {name: M, pct: 4, citation: c}"),
		}},
		userCase{"no user file", nil},
	)
	embedded := snapgen.EmbeddedSources()
	accepted, rejected := 0, 0
	defer func() {
		if accepted < 5 || rejected < 15 {
			t.Errorf("%d cases accepted, %d rejected: the cases no longer test both sides", accepted, rejected)
		}
	}()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := dataset.Load(embedded, tc.user)
			got, gotErr := dataset.LoadOnto(snapshot.Dataset(), tc.user)
			if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
				t.Fatalf("LoadOnto errors:\n%v\nLoad errors:\n%v", gotErr, wantErr)
			}
			if d := golit.Diff(releasetest.Unpacked(got), releasetest.Unpacked(want)); d != "" {
				t.Fatalf("LoadOnto's dataset differs from Load's at %s", d)
			}
			if wantErr == nil {
				accepted++
			} else {
				rejected++
			}
		})
	}
}
