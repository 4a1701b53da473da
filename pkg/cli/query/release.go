package query

import (
	"fmt"
	"sort"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/suggest"
	"github.com/spf13/cobra"
)

// ReleaseChoice is the defence release and year a command works on, and
// why that release.
type ReleaseChoice struct {
	Release *defence.Release
	Year    int
	// Default is the release a run uses when none is named: the newest
	// embedded NATO defence release (a user's file may replace it under
	// its id). Nil when no embedded release is loaded (--no-default-data).
	Default *defence.Release
	// Named is true when the release was named (--release, its
	// environment variable or the config file).
	Named bool
	// reason says why an unnamed release other than the default was
	// chosen ("" when it is the default).
	reason string
}

// Note says which release the run uses and why, when that is not the
// default one: a release named that is not the default, a user's file
// that replaces an embedded release, a fallback because the default lacks
// the year asked or because no embedded release is loaded. It is "" for
// the default release as embedded. from names where a named release came
// from (--release, NATOSPEND_RELEASE=..., the config file).
func (c ReleaseChoice) Note(from string) string {
	r := c.Release
	if r == nil {
		return ""
	}
	var why []string
	if c.Named {
		if c.Default == nil || r == c.Default && r.Embedded() {
			return "" // the default, or nothing is: --no-default-data
		}
		why = append(why, "from "+from)
	}
	switch {
	case r.Replaced != nil:
		why = append(why, "file "+r.Source+", which replaces the embedded release of that id")
	case !r.Embedded():
		why = append(why, "file "+r.Source)
	}
	if c.reason != "" {
		why = append(why, c.reason)
	}
	if len(why) == 0 {
		return ""
	}
	note := "using release " + r.ID + " (" + strings.Join(why, "; ") + ")"
	if c.Default != nil && c.Default.ID != r.ID {
		note += ", not the default " + c.Default.ID
	}
	return note
}

// PrintNote prints the note, if any, as one line on stderr, unless
// --quiet. The origin of a named release is the one f.SettingOrigin gives.
func (c ReleaseChoice) PrintNote(f *cmdutil.Factory) {
	if f == nil || f.IO == nil || f.IO.Quiet {
		return
	}
	from := "--release"
	if f.SettingOrigin != nil {
		if o := f.SettingOrigin("release"); o != "" {
			from = o
		}
	}
	if note := c.Note(from); note != "" {
		fmt.Fprintf(f.IO.ErrOut, "natospend: %s\n", note)
	}
}

// ResolveReleaseYear picks the defence release and year a command works on.
//
// A release named is used (a user's file replaces an embedded release only
// under its id). Without one, the default is the newest embedded NATO
// release, never a user's: a --data file with a later publication date
// does not change it. With a year, the newest embedded release that
// publishes figures for it; with --no-default-data, when no embedded
// release is loaded, the newest of the user's releases (that has the
// year). With no year, the latest year the release publishes.
func ResolveReleaseYear(ds *defence.Dataset, releaseID string, year int) (ReleaseChoice, error) {
	var c ReleaseChoice
	if year != 0 && (year < 1949 || year > 2100) {
		return c, cmdutil.FlagErrorf("year", "--year %d is out of range (expected a year from 1949 to 2100)", year)
	}
	releases := ds.ReleasesNewestFirst(defence.SeriesDefence)
	if len(releases) == 0 {
		return c, fmt.Errorf("the data holds no defence release (series: defence)")
	}
	embedded := embeddedNewestFirst(releases)
	if len(embedded) > 0 {
		c.Default = embedded[0]
	}
	if releaseID != "" {
		rel, ok := ds.Releases[releaseID]
		if !ok {
			ids := releaseIDs(releases)
			return c, cmdutil.FlagErrorf("release", "--release: unknown release %q%s", releaseID, cmdutil.HintOr(suggest.Words(ids...), releaseID, ids))
		}
		if rel.Series != defence.SeriesDefence {
			what := map[string]string{defence.SeriesGDP: "GDP", defence.SeriesPopulation: "population"}[rel.Series]
			if what == "" {
				what = rel.Series
			}
			return c, cmdutil.FlagErrorf("release", "--release %s publishes %s only (expected a defence release: %s)", releaseID, what, strings.Join(releaseIDs(releases), ", "))
		}
		if year != 0 && !rel.HasFiguresIn(year) {
			return c, cmdutil.FlagErrorf("year", "--year %d: release %s publishes no figures for %d (it covers %s)", year, rel.ID, year, span(rel))
		}
		c.Release, c.Named = rel, true
	} else if len(embedded) == 0 {
		// --no-default-data: the user's releases are all there is.
		rel := newestWithYear(releases, year)
		if rel == nil {
			return c, cmdutil.FlagErrorf("year", "--year %d: no release publishes figures for %d (%s)", year, year, coverage(releases))
		}
		c.Release = rel
		if year == 0 {
			c.reason = "the newest of the --data releases: --no-default-data loads no embedded release"
		} else {
			c.reason = fmt.Sprintf("the newest of the --data releases with figures for %d: --no-default-data loads no embedded release", year)
		}
	} else {
		rel := newestWithYear(embedded, year)
		if rel == nil {
			msg := fmt.Sprintf("--year %d: no embedded release publishes figures for %d (%s)", year, year, coverage(embedded))
			if user := userReleases(releases); len(user) > 0 {
				msg += fmt.Sprintf("; the releases of your --data files are used only when named with --release (%s)", coverage(user))
			}
			return c, cmdutil.FlagErrorf("year", "%s", msg)
		}
		c.Release = rel
		if rel != c.Default {
			c.reason = fmt.Sprintf("--year %d: the newest embedded release with figures for %d", year, year)
		}
	}
	c.Year = year
	if year == 0 {
		c.Year = c.Release.LatestYear()
	}
	return c, nil
}

// embeddedNewestFirst returns the releases that hold an embedded release's
// id (embedded, or a user's replacement of one), newest first by the
// embedded release's publication date: replacing a release does not move
// the default.
func embeddedNewestFirst(releases []*defence.Release) []*defence.Release {
	var out []*defence.Release
	for _, r := range releases {
		if r.Origin() != nil {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := out[i].Origin().Published, out[j].Origin().Published
		if pi != pj {
			return pi > pj
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// userReleases returns the releases of the user's own ids.
func userReleases(releases []*defence.Release) []*defence.Release {
	var out []*defence.Release
	for _, r := range releases {
		if r.Origin() == nil {
			out = append(out, r)
		}
	}
	return out
}

// newestWithYear returns the first release with figures for year (any
// release when year is 0), or nil.
func newestWithYear(releases []*defence.Release, year int) *defence.Release {
	for _, r := range releases {
		if year == 0 || r.HasFiguresIn(year) {
			return r
		}
	}
	return nil
}

// coverage lists the years each release covers: "a: 2014-2026; b: 2027".
func coverage(releases []*defence.Release) string {
	cover := make([]string, len(releases))
	for i, r := range releases {
		cover[i] = r.ID + ": " + span(r)
	}
	return strings.Join(cover, "; ")
}

func span(rel *defence.Release) string {
	ys := rel.Years()
	if len(ys) == 0 {
		return "no years"
	}
	if ys[0] == ys[len(ys)-1] {
		return fmt.Sprint(ys[0])
	}
	return fmt.Sprintf("%d-%d", ys[0], ys[len(ys)-1])
}

func releaseIDs(rs []*defence.Release) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// RegisterReleaseCompletion completes the ids of defence releases (the
// ones --release accepts) for a flag.
func RegisterReleaseCompletion(cmd *cobra.Command, flag string, f *cmdutil.Factory) {
	cmdutil.RegisterDataCompletion(cmd, flag, f, func(ds *defence.Dataset) (out []string) {
		for _, r := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
			out = append(out, r.ID+"\t"+r.Title)
		}
		return out
	})
}

// RegisterTargetCompletion completes named targets for a flag.
func RegisterTargetCompletion(cmd *cobra.Command, flag string, f *cmdutil.Factory) {
	cmdutil.RegisterDataCompletion(cmd, flag, f, func(ds *defence.Dataset) (out []string) {
		for _, id := range ds.TargetIDs() {
			out = append(out, id+"\t"+ds.Targets[id].Name)
		}
		return out
	})
}
