package calc

import (
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
)

// Kinds of release, in the order ReleaseList shows them: the three series
// of figure releases, then the trackers of support to Ukraine.
const (
	KindDefence    = defence.SeriesDefence
	KindGDP        = defence.SeriesGDP
	KindPopulation = defence.SeriesPopulation
	KindAid        = "aid"
)

var kindOrder = []string{KindDefence, KindGDP, KindPopulation, KindAid}

// ReleaseInfo is what `natospend releases` shows of one release: its
// provenance and what it covers, as plain values.
type ReleaseInfo struct {
	ID         string
	Kind       string // KindDefence, KindGDP, KindPopulation or KindAid
	Title      string
	Publisher  string
	Published  string // YYYY-MM-DD or YYYY-MM
	Cutoff     string // YYYY-MM-DD; "" when the release gives none
	Definition string // of defence expenditure: classic, core, a user's word, or ""
	PriceBasis string // "" when the release gives none (aid: see Measure)
	// Measure is, for an aid release, what its amounts are (such as
	// "bilateral allocations"); "" otherwise.
	Measure string
	// Countries is the number of countries with at least one cell (for an
	// aid release, of donors); Years the number of distinct years, from
	// FirstYear to LastYear (0 for an aid release, whose amounts are
	// cumulative over a period: PeriodStart to Cutoff); Cells the number
	// of country-year cells (donors for an aid release), which is less
	// than Countries x Years where a release leaves cells out.
	Countries, Years    int
	FirstYear, LastYear int
	Cells               int
	PeriodStart         string // aid only: the first day the amounts count; may be ""
	URL, Via            string
	// SourceFile and SourceSHA256 name the publisher's file the figures
	// come from where URL is another document ("" when not given).
	SourceFile, SourceSHA256 string
	// Embedded is true for a release compiled into natospend, false for a
	// user's --data file; Replaces is true for a user's file that replaces
	// the embedded release of its id. File is the file it was read from
	// (without the "embedded:" prefix).
	Embedded, Replaces bool
	File               string
}

// Coverage says what the release covers: "32 countries x 2014-2024 (11
// years)", "31 countries x 2014-2025 (12 years), 372 cells" where that is
// not every country in every year, "42 donors" for an aid release.
func (ri ReleaseInfo) Coverage() string {
	if ri.Kind == KindAid {
		return coverageCount(ri.Countries, "donor")
	}
	s := coverageCount(ri.Countries, "country") + " x "
	switch {
	case ri.Years == 0:
		s += "no years"
	case ri.FirstYear == ri.LastYear:
		s += strconv.Itoa(ri.FirstYear)
	default:
		s += strconv.Itoa(ri.FirstYear) + "-" + strconv.Itoa(ri.LastYear) + " (" + coverageCount(ri.Years, "year") + ")"
	}
	if ri.Cells != ri.Countries*ri.Years {
		s += ", " + coverageCount(ri.Cells, "cell")
	}
	return s
}

// ReleaseList lists every release of the data, embedded and the user's:
// the defence, GDP and population releases and the aid releases (not the
// files of aid packages, which are news reports, not releases). Sorted by
// kind (defence, gdp, population, aid), then newest publication first,
// then by id.
func ReleaseList(ds *defence.Dataset) []ReleaseInfo {
	out := make([]ReleaseInfo, 0, len(ds.Releases)+len(ds.AidReleases))
	for _, r := range ds.Releases {
		ri := ReleaseInfo{
			ID: r.ID, Kind: r.Series, Title: r.Title, Publisher: r.Publisher, Published: r.Published,
			Cutoff: r.Cutoff, Definition: r.Definition, PriceBasis: r.PriceBasis,
			Countries: r.CountryCount(), Cells: r.CountryYears(),
			URL: r.URL, Via: r.Via, SourceFile: r.SourceFile, SourceSHA256: r.SourceSHA256, Embedded: r.Embedded(), Replaces: r.Replaced != nil,
			File: strings.TrimPrefix(r.Source, defence.EmbeddedPrefix),
		}
		if ys := r.Years(); len(ys) > 0 {
			ri.Years, ri.FirstYear, ri.LastYear = len(ys), ys[0], ys[len(ys)-1]
		}
		out = append(out, ri)
	}
	for _, r := range ds.AidReleases {
		out = append(out, ReleaseInfo{
			ID: r.ID, Kind: KindAid, Title: r.Title, Publisher: r.Publisher, Published: r.Published,
			Cutoff: r.Cutoff, Measure: r.Measure, Countries: len(r.Donors), Cells: len(r.Donors),
			PeriodStart: r.PeriodStart, URL: r.URL, Via: r.Via,
			Embedded: strings.HasPrefix(r.Source, defence.EmbeddedPrefix),
			File:     strings.TrimPrefix(r.Source, defence.EmbeddedPrefix),
		})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ka, kb := kindRank(a.Kind), kindRank(b.Kind); ka != kb {
			return ka < kb
		}
		if a.Published != b.Published {
			return a.Published > b.Published
		}
		return a.ID < b.ID
	})
	return out
}

func kindRank(kind string) int {
	for i, k := range kindOrder {
		if k == kind {
			return i
		}
	}
	return len(kindOrder)
}

// coverageCount says "1 country", "32 countries", "11 years".
func coverageCount(n int, noun string) string {
	if n != 1 {
		if strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey") {
			noun = strings.TrimSuffix(noun, "y") + "ie"
		}
		noun += "s"
	}
	return strconv.Itoa(n) + " " + noun
}
