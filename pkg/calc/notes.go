package calc

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
)

// notes tell the truth about a report's inputs: every source a line
// actually used is named, per country where they differ.
func notes(ds *defence.Dataset, rep *Report, trendYears int) []string {
	var out []string
	if rep.Query.By == 0 {
		for _, t := range rep.Query.Targets {
			if t.Deadline != 0 && t.Deadline < rep.Query.Year {
				out = append(out, fmt.Sprintf("%s's deadline, %d, has passed: the gap is measured in %d.", t.ID, t.Deadline, rep.Query.Year))
			}
		}
	}
	out = append(out, DefinitionNotes(ds, rep.Release, rep.Query.Year, rep.Query.Targets)...)
	for _, code := range rep.Order {
		c := ds.Countries[code]
		first := rep.ByCode[code][0]
		switch {
		case !c.DefenceReported && c.Note != "":
			out = append(out, fmt.Sprintf("%s (not reported): %s", c.Name, c.Note))
		case first.Year != 0 && first.Status == StatusNoData:
			msg := fmt.Sprintf("%s: no %s for %d in release %s.", c.Name, first.Missing(rep.Query.Method), first.Year, rep.Release.ID)
			if f, ok := rep.Release.Figure(code, first.Year); ok && f.Note != "" {
				msg = fmt.Sprintf("%s: %s", c.Name, f.Note)
			}
			out = append(out, msg)
		case first.Year != 0:
		case !rep.Release.HasCountry(code) && !c.AllyIn(rep.Query.Year):
			out = append(out, fmt.Sprintf("%s: not a NATO ally in %d, so release %s has no figures for it.", c.Name, rep.Query.Year, rep.Release.ID))
		case !rep.Release.HasCountry(code):
			out = append(out, fmt.Sprintf("%s: release %s has no figures for it.", c.Name, rep.Release.ID))
		default:
			if ly := rep.Release.LatestYearFor(code, 0); ly != 0 {
				out = append(out, fmt.Sprintf("%s: release %s has no figures for %d (its latest: %d; --latest uses the latest earlier year).", c.Name, rep.Release.ID, rep.Query.Year, ly))
			}
		}
	}

	// One line per country (its first measure) says where its GDP and its
	// growth came from.
	baseGDP := newByKey()
	growth := newByKey()
	deadlineErr := newByKey()
	earlier, extrapolated, approx, bounded, trend := false, false, false, false, false
	for _, code := range rep.Order {
		lines := rep.ByCode[code]
		first := lines[0]
		if first.GDPSource != "" && first.GDPSource != rep.Release.ID {
			baseGDP.add(first.GDPSource, first.Name)
		}
		if d := first.Deadline; d.Set && d.GDPSource != "" && d.Year != d.BaseYear {
			growth.add(strings.TrimSuffix(d.GDPSource, " extrapolated"), first.Name)
		}
		if d := first.Deadline; d.Set && d.Err != "" {
			deadlineErr.add(d.Err, first.Name)
		}
		earlier = earlier || first.Earlier
		for _, ln := range lines {
			extrapolated = extrapolated || ln.Deadline.Extrapolated
			approx = approx || ln.Approximate
			bounded = bounded || (ln.Measure.Bounded && !ln.Gap.Known && ln.GapMin.Known)
			trend = trend || ln.HasTrend
		}
	}
	fromShare := newByKey()
	for _, ln := range rep.Lines {
		if ln.BaseFromShare() {
			fromShare.add(ln.GDPSource, ln.Name)
		}
	}
	for _, src := range fromShare.keys {
		out = append(out, fmt.Sprintf("Defence expenditure the equipment share applies to: defence at share, published share of GDP x GDP (from %s), where release %s publishes no USD figure: %s.", src, rep.Release.ID, fromShare.who(src, len(rep.Order))))
	}
	for _, src := range baseGDP.keys {
		out = append(out, fmt.Sprintf("GDP from %s where release %s publishes none: %s.", describe(ds, src), rep.Release.ID, baseGDP.who(src, len(rep.Order))))
	}
	if earlier {
		out = append(out, "*: the country's latest earlier year in the release.")
	}
	for _, src := range growth.keys {
		how := "at the nominal growth of " + describe(ds, src)
		if strings.HasPrefix(src, "growth ") {
			how = "at a constant " + strings.TrimPrefix(src, "growth ") + " a year (--gdp-growth)"
		}
		out = append(out, fmt.Sprintf("Deadline GDP grows from the base year %s: %s.", how, growth.who(src, len(rep.Order))))
	}
	if extrapolated {
		out = append(out, fmt.Sprintf("Past a GDP release's last year, GDP grows at the geometric mean of its last %d yearly growth rates (extrapolated).", ExtrapolationYears))
	}
	for _, e := range deadlineErr.keys {
		out = append(out, fmt.Sprintf("No deadline figures (%s): %s.", e, deadlineErr.who(e, len(rep.Order))))
	}
	if trend {
		rep.TrendNote = fmt.Sprintf("Trend: on-track when a country meets the target already, or when the straight line (least squares) through its published shares of GDP in the last %d years of release %s reaches the target by the deadline; off-track otherwise. A trend of published figures, not a forecast of policy.", trendYears, rep.Release.ID)
	}
	if approx {
		out = append(out, fmt.Sprintf("Core part approximate: release %s counts defence on NATO's %s definition, not the 2026 core definition the Hague 3.5%% uses.", rep.Release.ID, rep.Release.Definition))
	}
	if bounded {
		out = append(out, "Resilience spending (up to 1.5% of GDP in the Hague 5%) is not in NATO's tables, so the gap to the whole target is only a range: from the core gap (resilience part fully met) to the core gap plus 1.5% of GDP (none). A country meets the whole target on its core spending alone at 5%, falls short below 3.5%, and is undetermined in between. Unknown spending is never taken as zero.")
	}
	return out
}

// describe names a release with its publisher and title.
func describe(ds *defence.Dataset, id string) string {
	r, ok := ds.Releases[id]
	if !ok {
		return id
	}
	var what []string
	if r.Publisher != "" {
		what = append(what, r.Publisher)
	}
	if r.Title != "" {
		what = append(what, r.Title)
	}
	if len(what) == 0 {
		return id
	}
	return id + " (" + strings.Join(what, ", ") + ")"
}

// byKey collects country names under a key, keys in first-seen order.
type byKey struct {
	keys  []string
	names map[string][]string
}

func newByKey() *byKey { return &byKey{names: map[string][]string{}} }

func (b *byKey) add(key, name string) {
	if _, ok := b.names[key]; !ok {
		b.keys = append(b.keys, key)
	}
	b.names[key] = append(b.names[key], name)
}

// who lists the names under key, or says "all N countries".
func (b *byKey) who(key string, total int) string {
	n := b.names[key]
	if len(n) == total && total > 1 {
		return fmt.Sprintf("all %d countries", total)
	}
	s := append([]string(nil), n...)
	sort.Strings(s)
	if len(s) > 8 {
		return fmt.Sprintf("%s and %d more", strings.Join(s[:8], ", "), len(s)-8)
	}
	return strings.Join(s, ", ")
}

// Source cites a release: what every gap, check and path output names as
// the source of its figures.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Published string `json:"published"`
	Cutoff    string `json:"cutoff"` // "" when not given
	URL       string `json:"url"`
	// SourceFile and SourceSHA256 name the publisher's file the figures
	// come from, where URL is another document ("" when not given); Via
	// is the copy that was read, where it is not the publisher's own
	// file ("" otherwise).
	SourceFile   string `json:"source_file"`
	SourceSHA256 string `json:"source_sha256"`
	Via          string `json:"via"`
	// cutoffKnowable: the release is of a kind that has a data cut-off
	// (NATO's defence releases), so a missing one is said to be missing.
	cutoffKnowable bool
}

// CutoffNotGiven is what a source line says of a defence release whose
// cut-off no source read gives.
const CutoffNotGiven = "cut-off not given by the sources read"

// CutoffText is the cut-off as a reader is shown it: the date, or
// CutoffNotGiven for a defence release without one, or "" (a release of a
// kind that has none, such as the IMF's).
func (s Source) CutoffText() string {
	if s.Cutoff == "" && s.cutoffKnowable {
		return CutoffNotGiven
	}
	return s.Cutoff
}

// SourceOf is the citation of a release.
func SourceOf(r *defence.Release) Source {
	return Source{ID: r.ID, Title: r.Title, Publisher: r.Publisher, Published: r.Published, Cutoff: r.Cutoff, URL: r.URL,
		SourceFile: r.SourceFile, SourceSHA256: r.SourceSHA256, Via: r.Via, cutoffKnowable: r.Series == defence.SeriesDefence}
}

// Line is the source as one line under a table: "Source: NATO, Defence
// Expenditure of NATO Countries (2014-2024) (nato-2024-06), published
// 2024-06-17, cut-off 2024-06-12, https://..., figures from
// 240617-def-exp-2024-TABLES-en.xlsx (SHA-256 ...), read via https://...":
// a release read from a copy that is not the publisher's own file says so.
func (s Source) Line() string {
	var parts []string
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	what := s.ID
	if s.Title != "" {
		what = s.Title + " (" + s.ID + ")"
	}
	parts = append(parts, what)
	if s.Published != "" {
		parts = append(parts, "published "+s.Published)
	}
	if c := s.CutoffText(); c == CutoffNotGiven {
		parts = append(parts, c)
	} else if c != "" {
		parts = append(parts, "cut-off "+c)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	if s.SourceFile != "" {
		file := "figures from " + s.SourceFile
		if s.SourceSHA256 != "" {
			file += " (SHA-256 " + s.SourceSHA256 + ")"
		}
		parts = append(parts, file)
	}
	if s.Via != "" {
		parts = append(parts, "read via "+s.Via)
	}
	return "Source: " + strings.Join(parts, ", ") // no final period: a URL may end it
}

// UsedSources are the citations of the releases a report's lines use: the
// releases shown (rels), then the GDP releases of the lines' GDP and of
// their deadline GDP, each once, in order of first use; with per-head
// figures (perCapita), also the population releases.
func UsedSources(ds *defence.Dataset, rels []*defence.Release, lines []Line, perCapita bool) []Source {
	var ids []string
	add := func(id string) {
		id = strings.TrimSuffix(id, " extrapolated")
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, rel := range rels {
		add(rel.ID)
	}
	for _, ln := range lines {
		add(ln.GDPSource)
		if ln.Deadline.Set {
			add(ln.Deadline.GDPSource)
		}
		if perCapita {
			add(PerCapitaOf(ds, ln.Row).Population.Release)
		}
	}
	out := []Source{}
	for _, id := range ids {
		if rel, ok := ds.Releases[id]; ok { // a GDP source may be a description, not a release id
			out = append(out, SourceOf(rel))
		}
	}
	return out
}

// DefinitionNotes say, for each target agreed on one definition of
// defence expenditure (Target.Definition: Wales's 2% on the classic one,
// The Hague's 3.5% on core defence) measured on a release that counts
// defence on another, that it is so, and which release of the target's
// definition to use instead: the newest with figures for the year, else
// the newest of that definition. Nothing when either side does not name
// its definition.
func DefinitionNotes(ds *defence.Dataset, rel *defence.Release, year int, ts []defence.Target) []string {
	if rel == nil || rel.Definition == "" {
		return nil
	}
	var out []string
	said := map[string]bool{}
	for _, t := range ts {
		if t.Definition == "" || t.Definition == rel.Definition || said[t.ID] {
			continue
		}
		said[t.ID] = true
		s := fmt.Sprintf("%s (%s) was agreed on NATO's %s definition of defence expenditure; release %s counts defence on the %s definition, not the one the target was agreed on: ",
			t.ID, t.Name, t.Definition, rel.ID, rel.Definition)
		var newest, withYear *defence.Release
		for _, r := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
			if r.Definition != t.Definition {
				continue
			}
			if newest == nil {
				newest = r
			}
			if withYear == nil && r.HasFiguresIn(year) {
				withYear = r
			}
		}
		switch {
		case withYear != nil:
			s += fmt.Sprintf("for the %s definition, use --release %s.", t.Definition, withYear.ID)
		case newest != nil:
			s += fmt.Sprintf("for the %s definition, use --release %s with a year of %s (it has no figures for %d).", t.Definition, newest.ID, yearsText(newest.Years()), year)
		default:
			s += fmt.Sprintf("no release on the %s definition is loaded.", t.Definition)
		}
		out = append(out, s)
	}
	return out
}

// yearsText is "2014-2025" for consecutive years, else the years listed.
func yearsText(ys []int) string {
	if len(ys) == 0 {
		return "none"
	}
	consecutive := true
	for i := 1; i < len(ys); i++ {
		consecutive = consecutive && ys[i] == ys[i-1]+1
	}
	if consecutive {
		if len(ys) == 1 {
			return fmt.Sprint(ys[0])
		}
		return fmt.Sprintf("%d-%d", ys[0], ys[len(ys)-1])
	}
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprint(y)
	}
	return strings.Join(parts, ", ")
}
