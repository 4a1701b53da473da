package defence_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/snapshot"
)

// embedded is the embedded data, as compiled in (pkg/snapshot, proven
// equal to the YAML by its own tests).
func embedded(t *testing.T) *defence.Dataset {
	t.Helper()
	return snapshot.Dataset()
}

// TestMembersInEmbedded checks the embedded groups against the accession
// years NATO and the EU publish (hand-counted: NATO had 28 allies from
// 2009, Montenegro joined in 2017, North Macedonia 2020, Finland 2023,
// Sweden 2024; the EU had 28 members from Croatia's accession in 2013 to
// the United Kingdom's departure on 31 January 2020, 27 since).
func TestMembersInEmbedded(t *testing.T) {
	ds := embedded(t)
	tests := []struct {
		group     string
		year      int
		n         int
		with, not []string
	}{
		{"nato", 2014, 28, []string{"ALB", "HRV", "USA", "ISL"}, []string{"MNE", "MKD", "FIN", "SWE"}},
		{"nato", 2016, 28, nil, []string{"MNE", "MKD", "FIN", "SWE"}},
		{"nato", 2017, 29, []string{"MNE"}, []string{"MKD", "FIN", "SWE"}},
		{"nato", 2019, 29, []string{"MNE"}, []string{"MKD"}},
		{"nato", 2020, 30, []string{"MNE", "MKD"}, []string{"FIN", "SWE"}},
		{"nato", 2022, 30, nil, []string{"FIN", "SWE"}},
		{"nato", 2023, 31, []string{"FIN"}, []string{"SWE"}},
		{"nato", 2024, 32, []string{"FIN", "SWE"}, nil},
		{"nato", 2026, 32, nil, nil},
		{"nato", 0, 32, nil, nil},
		{"europe-canada", 2016, 27, []string{"CAN"}, []string{"USA", "MNE"}},
		{"europe-canada", 2024, 31, []string{"CAN", "SWE"}, []string{"USA"}},
		{"europe", 2016, 26, []string{"TUR", "ISL"}, []string{"USA", "CAN"}},
		{"europe", 2024, 30, nil, []string{"USA", "CAN"}},
		{"eu", 2012, 27, []string{"GBR"}, []string{"HRV"}},
		{"eu", 2014, 28, []string{"GBR", "HRV", "AUT", "CYP", "IRL", "MLT", "FIN", "SWE"}, nil},
		{"eu", 2019, 28, []string{"GBR"}, nil},
		{"eu", 2020, 27, []string{"HRV"}, []string{"GBR"}},
		{"eu", 2024, 27, nil, []string{"GBR", "NOR", "TUR", "USA"}},
		{"eu", 0, 27, []string{"AUT"}, []string{"GBR"}},
		{"eu", 2006, 25, nil, []string{"BGR", "ROU", "HRV"}},
		{"eu", 2007, 27, []string{"BGR", "ROU", "GBR"}, []string{"HRV"}},
	}
	for _, tt := range tests {
		got := ds.MembersIn(tt.group, tt.year)
		if len(got) != tt.n {
			t.Errorf("%s in %d: %d members %v, want %d", tt.group, tt.year, len(got), got, tt.n)
		}
		if !slices.IsSorted(got) {
			t.Errorf("%s in %d: %v not sorted", tt.group, tt.year, got)
		}
		for _, c := range tt.with {
			if !slices.Contains(got, c) {
				t.Errorf("%s in %d: %s missing", tt.group, tt.year, c)
			}
		}
		for _, c := range tt.not {
			if slices.Contains(got, c) {
				t.Errorf("%s in %d: %s is not a member then", tt.group, tt.year, c)
			}
		}
	}
	if got := ds.MembersIn("no-such-group", 2024); got != nil {
		t.Errorf("unknown group: %v, want nil", got)
	}
}

func TestAllyIn(t *testing.T) {
	ds := embedded(t)
	tests := []struct {
		code string
		year int
		want bool
	}{
		{"FIN", 2022, false}, {"FIN", 2023, true}, {"FIN", 0, true},
		{"SWE", 2023, false}, {"SWE", 2024, true},
		{"MNE", 2016, false}, {"MNE", 2017, true},
		{"MKD", 2019, false}, {"MKD", 2020, true},
		{"USA", 1949, true}, {"DEU", 1954, false}, {"DEU", 1955, true},
		{"ISL", 2024, true}, // an ally without armed forces
		{"AUT", 2024, false}, {"AUT", 0, false}, {"JPN", 2024, false},
		{"XEU", 2024, false}, {"ZZZ", 2024, false},
	}
	for _, tt := range tests {
		if got := ds.AllyIn(tt.code, tt.year); got != tt.want {
			t.Errorf("AllyIn(%s, %d) = %v, want %v", tt.code, tt.year, got, tt.want)
		}
	}
}

// TestMembershipRules checks the year rules on hand-made countries: the
// accession year counts, the year of leaving does not, and a group
// without a rule is a fixed list.
func TestMembershipRules(t *testing.T) {
	gbr := defence.Country{Code: "GBR", NATOSince: 1949, EUSince: 1973, EULeft: 2020}
	for year, want := range map[int]bool{1972: false, 1973: true, 2019: true, 2020: false, 2030: false, 0: false} {
		if got := gbr.EUMemberIn(year); got != want {
			t.Errorf("GBR EUMemberIn(%d) = %v, want %v", year, got, want)
		}
	}
	hrv := defence.Country{Code: "HRV", NATOSince: 2009, EUSince: 2013}
	for year, want := range map[int]bool{2012: false, 2013: true, 2100: true, 0: true} {
		if got := hrv.EUMemberIn(year); got != want {
			t.Errorf("HRV EUMemberIn(%d) = %v, want %v", year, got, want)
		}
	}
	if (defence.Country{Code: "NOR", NATOSince: 1949}).EUMemberIn(0) {
		t.Error("Norway is not an EU member")
	}

	ds := defence.NewDataset()
	for _, c := range []defence.Country{gbr, hrv, {Code: "JPN"}} {
		ds.Countries[c.Code] = c
	}
	ds.Groups["eu"] = defence.Group{ID: "eu", Membership: defence.MembershipEU, Members: []string{"GBR", "HRV"}}
	ds.Groups["nato"] = defence.Group{ID: "nato", Membership: defence.MembershipNATO, Members: []string{"GBR", "HRV"}}
	ds.Groups["fixed"] = defence.Group{ID: "fixed", Members: []string{"GBR", "JPN"}}
	for _, tt := range []struct {
		group string
		year  int
		want  []string
	}{
		{"eu", 2012, []string{"GBR"}}, {"eu", 2013, []string{"GBR", "HRV"}}, {"eu", 2020, []string{"HRV"}},
		{"nato", 2008, []string{"GBR"}}, {"nato", 2009, []string{"GBR", "HRV"}},
		{"fixed", 1950, []string{"GBR", "JPN"}}, {"fixed", 0, []string{"GBR", "JPN"}},
	} {
		if got := ds.MembersIn(tt.group, tt.year); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("MembersIn(%s, %d) = %v, want %v", tt.group, tt.year, got, tt.want)
		}
	}
	for _, tt := range []struct {
		code string
		year int
		want []string
	}{
		{"GBR", 2019, []string{"eu", "fixed", "nato"}},
		{"GBR", 0, []string{"fixed", "nato"}},
		{"HRV", 2010, []string{"nato"}},
		{"JPN", 0, []string{"fixed"}},
	} {
		if got := ds.GroupsIn(tt.code, tt.year); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("GroupsIn(%s, %d) = %v, want %v", tt.code, tt.year, got, tt.want)
		}
	}
}
