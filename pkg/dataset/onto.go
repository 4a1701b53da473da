package dataset

import (
	"github.com/natospend/natospend/pkg/defence"
)

// LoadOnto parses the user's data files and merges them onto base, a
// dataset that Load returned for the embedded files alone (in natospend,
// pkg/snapshot's copy of it, compiled into the binary). It gives the same
// dataset and the same errors as Load(embedded, user) would, without
// parsing the embedded files again: the merge rules, the checks and the
// messages are Load's, and the places of base's countries, groups and
// targets in their embedded files come from their Source fields.
//
// LoadOnto takes base over: it adds to base's maps and returns base (or
// nil and the errors, leaving base half-merged). A nil base is an empty
// dataset.
func LoadOnto(base *defence.Dataset, user []Source) (*defence.Dataset, error) {
	if base == nil {
		return Load(nil, user)
	}
	files := parseAll(user)
	if errs := readErrors(files); errs != nil {
		return nil, errs
	}
	var errs Errors
	for _, f := range files {
		errs = append(errs, f.errs...)
	}
	m := merger{ds: base}
	m.seed()
	for _, f := range files {
		m.add(f, false)
	}
	errs = append(errs, m.errs...)
	errs = append(errs, m.crossCheck(files)...)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return m.ds, nil
}

// seed records where what m.ds already holds was defined, as add would
// have recorded it for embedded files.
func (m *merger) seed() {
	m.countryAt = make(map[string]defence.Place, len(m.ds.Countries))
	m.groupAt = make(map[string]defence.Place, len(m.ds.Groups))
	m.targetAt = make(map[string]defence.Place, len(m.ds.Targets))
	m.release = make(map[string]releaseAt, len(m.ds.Releases))
	m.names = make(map[string]nameOwner, 2*len(m.ds.Countries))
	for _, code := range m.ds.CountryCodes() {
		c := m.ds.Countries[code]
		m.countryAt[code] = c.Source
		m.claimNames("", c, m.countryAt[code], namesAt{})
	}
	for id, g := range m.ds.Groups {
		m.groupAt[id] = g.Source
	}
	for id, t := range m.ds.Targets {
		m.targetAt[id] = t.Source
	}
	for id, r := range m.ds.Releases {
		// Only another embedded release of the same id would print this
		// place, and base holds no other.
		m.release[id] = releaseAt{defence.Place{File: r.Source}, true}
	}
	m.aid.release = make(map[string]releaseAt, len(m.ds.AidReleases))
	m.aid.packages = make(map[string]releaseAt, len(m.ds.AidPackages))
	for id, r := range m.ds.AidReleases {
		m.aid.release[id] = releaseAt{defence.Place{File: r.Source}, true}
	}
	for id, p := range m.ds.AidPackages {
		m.aid.packages[id] = releaseAt{defence.Place{File: p.Source}, true}
	}
}
