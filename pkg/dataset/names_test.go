package dataset

import (
	"strings"
	"testing"
)

// TestNameLength: a name of MaxNameLength (200) characters loads; one more
// character is refused with file:line: field, for a country's name and
// alias, a group's name, a target's and a target part's. Characters, not
// bytes: 200 "ü" (400 bytes) load.
func TestNameLength(t *testing.T) {
	long := strings.Repeat("a", 201)
	ok := strings.Repeat("ü", 200)
	const msg = "is 201 characters long (expected a name of at most 200)"
	show := `"` + strings.Repeat("a", 40) + `"...` // what a message shows of the name
	tests := []struct {
		name  string
		lines []string
		want  string // "" = loads
	}{
		{"country name of 200 characters", []string{"kind: countries", "countries:", "  QMA: {name: " + ok + "}"}, ""},
		{"country name", []string{"kind: countries", "countries:", "  QMA:", "    name: " + long},
			"t.yaml:4: countries.QMA.name: " + show + " " + msg},
		{"alias", []string{"kind: countries", "countries:", "  QMA:", "    name: Atlantis", "    aliases: [Poseidonis, " + long + "]"},
			"t.yaml:5: countries.QMA.aliases[1]: " + show + " " + msg},
		{"group name", []string{"kind: groups", "citation: x", "groups:", "  g1:", "    name: " + long, "    members: [DEU]"},
			"t.yaml:5: groups.g1.name: " + show + " " + msg},
		{"target name", []string{"kind: targets", "targets:", "  t1:", "    name: " + long, "    pct: 2", "    citation: x"},
			"t.yaml:4: targets.t1.name: " + show + " " + msg},
		{"target part name", []string{"kind: targets", "targets:", "  t1:", "    name: T", "    pct: 2", "    citation: x", "    components:",
			"      - {id: core, name: " + long + ", pct: 2, basis: core}"},
			"t.yaml:8: targets.t1.components[0].name: " + show + " " + msg},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := loadErrs(t, base(t), src(tc.lines...))
			if tc.want == "" {
				if errs != nil {
					t.Fatalf("refused: %v", errs)
				}
				return
			}
			if errs == nil || !strings.Contains(errs.Error(), tc.want) {
				t.Fatalf("errors:\n%v\nwant one line:\n%s", errs, tc.want)
			}
		})
	}
}
