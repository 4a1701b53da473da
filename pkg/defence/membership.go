package defence

// Membership by year. NATO's own aggregates count the members of each
// year (Montenegro from 2017, North Macedonia from 2020, Finland from 2023,
// Sweden from 2024), and the EU's membership changes too (Croatia from
// 2013; the United Kingdom up to 2019). A year of 0 means today: every
// ally, and every EU member that has not left.

// AllyIn reports whether the country is a NATO member in the year: it has
// a nato_since no later than the year (any nato_since when year is 0).
func (c Country) AllyIn(year int) bool {
	return c.NATOSince > 0 && (year == 0 || c.NATOSince <= year)
}

// EUMemberIn reports whether the country is a member of the European Union
// in the year: from its eu_since year up to the year before its eu_left
// year. With year 0, every member that has not left.
func (c Country) EUMemberIn(year int) bool {
	if c.EUSince == 0 {
		return false
	}
	if year == 0 {
		return c.EULeft == 0
	}
	return c.EUSince <= year && (c.EULeft == 0 || year < c.EULeft)
}

// memberIn reports whether a listed member of g counts in the year under
// the group's membership rule. A group without a rule is a fixed list:
// every member counts in every year.
func (d *Dataset) memberIn(g Group, code string, year int) bool {
	switch g.Membership {
	case MembershipNATO:
		return d.Countries[code].AllyIn(year)
	case MembershipEU:
		return d.Countries[code].EUMemberIn(year)
	}
	return true
}

// MembersIn returns the sorted codes of the members of a group in a year
// (0: today), following the group's membership rule; nil for an unknown
// group.
func (d *Dataset) MembersIn(groupID string, year int) []string {
	g, ok := d.Groups[groupID]
	if !ok {
		return nil
	}
	out := make([]string, 0, len(g.Members))
	for _, m := range g.Members { // sorted
		if d.memberIn(g, m, year) {
			out = append(out, m)
		}
	}
	return out
}

// AllyIn reports whether the country is a NATO member in the year (0:
// today); false for a code the data does not hold.
func (d *Dataset) AllyIn(code string, year int) bool {
	return d.Countries[code].AllyIn(year)
}

// GroupsIn returns the sorted ids of the groups of which the country is a
// member in the year (0: today), following each group's membership rule.
func (d *Dataset) GroupsIn(code string, year int) []string {
	var out []string
	for _, id := range d.GroupIDs() {
		g := d.Groups[id]
		for _, m := range g.Members {
			if m == code {
				if d.memberIn(g, code, year) {
					out = append(out, id)
				}
				break
			}
		}
	}
	return out
}
