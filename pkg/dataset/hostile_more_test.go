package dataset

import (
	"testing"
)

// TestHostileMore loads the files of testdata/hostile that TestHostile
// does not: deep nesting, an alias to no anchor, two documents, a file of
// comments only, a quote left open on the first line. Each is rejected
// with the exact report, which names the file and a line.
func TestHostileMore(t *testing.T) {
	const dir = "testdata/hostile/"
	tests := []struct {
		file, want string
	}{
		{"deep-flow.yaml", dir + "deep-flow.yaml:2: invalid YAML: exceeded max depth of 10000"},
		{"deep-block.yaml", dir + "deep-block.yaml:2: invalid YAML: exceeded max depth of 10000"},
		{"unknown-alias.yaml", dir + "unknown-alias.yaml:4: invalid YAML: unknown anchor 'czechia' referenced"},
		{"two-documents.yaml", dir + "two-documents.yaml:4: more than one YAML document (expected one per file; remove the ---)"},
		{"empty.yaml", dir + "empty.yaml: file is empty (expected a mapping with a kind: key)"},
		{"unterminated-quote.yaml", dir + "unterminated-quote.yaml:1: invalid YAML: found unexpected end of stream"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			user, err := ReadPaths([]string{dir + tc.file})
			if err != nil {
				t.Fatal(err)
			}
			errs := loadErrs(t, base(t), user)
			if got := errs.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
