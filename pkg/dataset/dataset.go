// Package dataset loads natospend's YAML data files strictly, as described
// in docs/data.md: a file is parsed into a yaml.Node tree that is walked by
// hand, so that every unknown key, duplicate key, anchor, odd number or
// control character is reported with its file, line and field, and all
// errors of all files are reported together. The figures of a release, its
// bulk, are read line by line instead, without a tree, when they are in the
// plain form natospend and most tools write (fastpath.go): with the same
// result, errors included, as the tree would give.
package dataset

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
)

// Load parses the embedded and the user's data files and merges them:
// a user release with the id of an embedded one replaces it (and holds it
// in its Replaced field); a country,
// group or target defined twice (anywhere) is an error naming both places;
// a release id used twice among the embedded files, or among the user's
// files, is an error. Then it checks that every country code used by a
// group or a release is defined.
//
// The error, if any, is an Errors holding every problem of every file,
// sorted by file then line; the dataset is then nil.
func Load(embedded, user []Source) (*defence.Dataset, error) {
	all := make([]Source, 0, len(embedded)+len(user))
	all = append(all, embedded...)
	all = append(all, user...)
	files := parseAll(all)
	if errs := readErrors(files); errs != nil {
		return nil, errs
	}

	var errs Errors
	for _, f := range files {
		errs = append(errs, f.errs...)
	}
	m := merger{ds: defence.NewDataset()}
	for i, f := range files {
		m.add(f, i < len(embedded))
	}
	errs = append(errs, m.errs...)
	errs = append(errs, m.crossCheck(files)...)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return m.ds, nil
}

// parseBudget bounds the bytes of the files parsed at the same time: a
// yaml.Node tree takes some 30 times the size of its file, so without it
// GOMAXPROCS large files would be held in memory at once. A file larger
// than the budget is parsed alone.
const parseBudget = 16 << 20

// parseAll parses the files concurrently, at most GOMAXPROCS at a time and
// within parseBudget; the results are in the order of srcs. A file that
// ListPaths listed is read only then, and its bytes let go once parsed.
func parseAll(srcs []Source) []*parsed {
	out := make([]*parsed, len(srcs))
	if len(srcs) == 1 {
		out[0] = parseOne(srcs[0])
		return out
	}
	var (
		mu      sync.Mutex
		free    = sync.NewCond(&mu)
		running int
		bytes   int
		procs   = runtime.GOMAXPROCS(0)
		wg      sync.WaitGroup
	)
	for i, s := range srcs {
		size := len(s.Data)
		if s.file != nil {
			size = int(min(s.file.info.Size(), MaxFileSize))
		}
		mu.Lock()
		for running > 0 && (running >= procs || bytes+size > parseBudget) {
			free.Wait()
		}
		running++
		bytes += size
		mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = parseOne(s)
			mu.Lock()
			running--
			bytes -= size
			mu.Unlock()
			free.Signal()
		}()
	}
	wg.Wait()
	return out
}

// parseOne reads the file if ListPaths listed it, and parses it. A
// release's figures are packed at once (defence.Release.Pack), while the
// other files are still being parsed: the maps of one file at a time, not
// of them all, are what loading a million cells holds at its peak.
func parseOne(s Source) *parsed {
	if s.file != nil {
		src, msg := readFile(s.file.path)
		if msg != "" {
			return &parsed{name: s.Name, readErr: &Error{File: s.Name, Msg: msg}}
		}
		s.Data = src.Data
	}
	p := parseSource(named(s))
	if p.release != nil && len(p.errs) == 0 {
		p.release.Pack()
	}
	return p
}

// readErrors returns the errors of the files that could not be read, in
// the order of the files (as ListPaths lists them), or nil.
func readErrors(files []*parsed) Errors {
	var errs Errors
	for _, f := range files {
		if f.readErr != nil {
			errs = append(errs, f.readErr)
		}
	}
	return errs
}

func named(s Source) Source {
	if s.Name == "" {
		s.Name = "(unnamed)"
	}
	return s
}

type merger struct {
	ds        *defence.Dataset
	errs      Errors
	countryAt map[string]defence.Place
	// names holds the codes, names and aliases of the countries, folded
	// (suggest.Fold): each names one country only.
	names    map[string]nameOwner
	groupAt  map[string]defence.Place
	targetAt map[string]defence.Place
	release  map[string]releaseAt
	aid      aidMerge
}

type releaseAt struct {
	defence.Place
	embedded bool
}

func (m *merger) twice(file string, line int, field fpath, what string, first defence.Place) {
	m.errs = append(m.errs, &Error{File: file, Line: line, Field: field.String(),
		Msg: fmt.Sprintf("%s is defined twice (also at %s)", what, first)})
}

func (m *merger) add(f *parsed, embedded bool) {
	if m.countryAt == nil {
		m.countryAt = map[string]defence.Place{}
		m.names = map[string]nameOwner{}
		m.groupAt = map[string]defence.Place{}
		m.targetAt = map[string]defence.Place{}
		m.release = map[string]releaseAt{}
	}
	for i, c := range f.countries {
		at := defence.Place{File: f.name, Line: f.countryAt[i]}
		if first, dup := m.countryAt[c.Code]; dup {
			m.twice(at.File, at.Line, fpath{}.k("countries").k(c.Code), "country "+c.Code, first)
			continue
		}
		m.countryAt[c.Code] = at
		m.ds.Countries[c.Code] = c
		var names namesAt
		if i < len(f.namesAt) {
			names = f.namesAt[i]
		}
		m.claimNames(f.name, c, at, names)
	}
	for _, g := range f.groups {
		at := defence.Place{File: f.name, Line: g.line}
		if first, dup := m.groupAt[g.ID]; dup {
			m.twice(at.File, at.Line, fpath{}.k("groups").k(g.ID), "group "+g.ID, first)
			continue
		}
		m.groupAt[g.ID] = at
		grp := g.Group
		grp.Members = slices.Clone(grp.Members)
		slices.Sort(grp.Members)
		m.ds.Groups[g.ID] = grp
	}
	for i, t := range f.targets {
		at := defence.Place{File: f.name, Line: f.targetAt[i]}
		if first, dup := m.targetAt[t.ID]; dup {
			m.twice(at.File, at.Line, fpath{}.k("targets").k(t.ID), "target "+t.ID, first)
			continue
		}
		m.targetAt[t.ID] = at
		m.ds.Targets[t.ID] = t
	}
	m.addAid(f, embedded)
	if r := f.release; r != nil && r.ID != "" {
		at := releaseAt{defence.Place{File: f.name, Line: f.releaseAt}, embedded}
		if first, dup := m.release[r.ID]; dup {
			if embedded || !first.embedded {
				m.errs = append(m.errs, &Error{File: at.File, Line: at.Line, Field: "id",
					Msg: fmt.Sprintf("release %s is defined twice (also at %s)", r.ID, first.Place)})
				return
			}
			// A user release replaces the embedded one of the same id,
			// and remembers it: the default release stays where it was.
			r.Replaced = m.ds.Releases[r.ID]
		}
		m.release[r.ID] = at
		m.ds.Releases[r.ID] = r
	}
}

// nameOwner is the country that a code, name or alias names.
type nameOwner struct {
	code string
	what string        // "code", "name" or "alias"
	as   string        // the code, name or alias as written
	at   defence.Place // where the country is defined
}

// claimNames records the code, name and aliases of c, defined at at, and
// reports each that is already another country's code, name or alias,
// without regard to case and diacritics: --country matches them so, and
// must find one country. The error is at the name's own line (lines; a
// zero line is the country's), and names the other country's place.
func (m *merger) claimNames(file string, c defence.Country, at defence.Place, lines namesAt) {
	p := fpath{}.k("countries").k(c.Code)
	claim := func(name, what string, line int, field fpath) {
		if name == "" {
			return
		}
		key := suggest.Fold(name)
		if first, taken := m.names[key]; taken {
			if first.code == c.Code {
				return // the country's own (parse reports its aliases that repeat)
			}
			if line == 0 {
				line = at.Line
			}
			as := " " + show(first.as)
			if first.as == name {
				as = ""
			}
			m.errs = append(m.errs, &Error{File: file, Line: line, Field: field.String(),
				Msg: fmt.Sprintf("%s is already the %s%s of the country %s (at %s; codes, names and aliases name one country each, without regard to case and diacritics)",
					show(name), first.what, as, first.code, first.at)})
			return
		}
		m.names[key] = nameOwner{code: c.Code, what: what, as: name, at: at}
	}
	claim(c.Code, "code", at.Line, p)
	claim(c.Name, "name", lines.name, p.k("name"))
	for i, a := range c.Aliases {
		line, idx := 0, i
		if i < len(lines.aliases) {
			line, idx = lines.aliases[i].line, lines.aliases[i].idx
		}
		claim(a, "alias", line, p.k("aliases").idx(idx))
	}
}

// checkMembership reports the members of a group with a membership rule
// that lack the year the rule counts them from: a country without
// nato_since in a group with membership: nato (it would never count), or
// without eu_since in one with membership: eu.
func (m *merger) checkMembership(file string, g groupDef) Errors {
	var errs Errors
	for _, r := range g.refs {
		c, ok := m.ds.Countries[r.code]
		if !ok {
			continue // reported by crossCheck
		}
		var key string
		switch {
		case g.Membership == defence.MembershipNATO && c.NATOSince == 0:
			key = "nato_since"
		case g.Membership == defence.MembershipEU && c.EUSince == 0:
			key = "eu_since"
		default:
			continue
		}
		errs = append(errs, &Error{File: file, Line: r.line, Field: r.field.String(),
			Msg: fmt.Sprintf("the group counts its members by year (membership: %s), and the country %s has no %s (expected a %s for %s in its countries file, or %s left out of the group)",
				g.Membership, r.code, key, key, r.code, r.code)})
	}
	return errs
}

// crossCheck reports the country codes used by the groups and the
// surviving releases that no countries file defines.
func (m *merger) crossCheck(files []*parsed) Errors {
	var errs Errors
	check := func(file string, refs []ref, what string) {
		for _, r := range refs {
			if _, ok := m.ds.Countries[r.code]; !ok {
				errs = append(errs, &Error{File: file, Line: r.line, Field: r.field.String(),
					Msg: fmt.Sprintf("%s uses the country %s, which no countries file defines", what, r.code)})
			}
		}
	}
	for _, f := range files {
		for _, g := range f.groups {
			check(f.name, g.refs, "the group")
			errs = append(errs, m.checkMembership(f.name, g)...)
		}
		// A release whose id is wrong is checked too: its file has failed
		// already, and the more it says the better.
		if r := f.release; r != nil && (r.ID == "" || m.ds.Releases[r.ID] == r) {
			check(f.name, f.refs, "the release")
			for _, g := range f.groupRefs {
				if _, ok := m.ds.Groups[g.code]; !ok {
					errs = append(errs, &Error{File: f.name, Line: g.line, Field: g.field.String(),
						Msg: fmt.Sprintf("the release's aggregates use the group %s, which no groups file defines", g.code)})
				}
			}
		}
		errs = append(errs, m.crossCheckAid(f)...)
	}
	return errs
}
