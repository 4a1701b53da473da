package dataset

import (
	"testing"
)

// TestHostileMore loads the files of testdata/hostile that TestHostile
// does not: deep nesting, an alias to no anchor, two documents, a file of
// comments only, a quote left open on the first line, membership rules
// and EU years that do not hold together. Each is rejected with the exact
// report, which names the file and a line.
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
		// Membership by year: a rule that is not nato or eu, members
		// without the year the rule counts them from, eu_left that is not
		// after eu_since.
		{"membership-unknown.yaml", dir + "membership-unknown.yaml:5: groups.nordics.membership: allies is not a membership rule (expected nato or eu)\n" +
			dir + `membership-unknown.yaml:9: groups.nordic-eu.membership: "eu " is not a membership rule (expected nato or eu)`},
		{"membership-non-member.yaml", dir + "membership-non-member.yaml:6: groups.friends.members[1]: the group counts its members by year (membership: nato), and the country JPN has no nato_since (expected a nato_since for JPN in its countries file, or JPN left out of the group)\n" +
			dir + "membership-non-member.yaml:10: groups.eu-friends.members[1]: the group counts its members by year (membership: eu), and the country JPN has no eu_since (expected a eu_since for JPN in its countries file, or JPN left out of the group)\n" +
			dir + "membership-non-member.yaml:10: groups.eu-friends.members[2]: the group counts its members by year (membership: eu), and the country NOR has no eu_since (expected a eu_since for NOR in its countries file, or NOR left out of the group)"},
		{"eu-left-wrong.yaml", dir + "eu-left-wrong.yaml:3: countries.GBR.eu_left: 1973 is not after eu_since 2020 (expected the first year out of the EU, after the year of accession)\n" +
			dir + "eu-left-wrong.yaml:4: countries.GRL.eu_left: eu_left without eu_since (expected the year of accession to the EU as well)\n" +
			dir + "eu-left-wrong.yaml:5: countries.ATA.eu_left: 10000 is out of range (expected a year from 1949 to 2100)"},
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
