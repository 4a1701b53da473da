package cmdutil

import (
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/spf13/cobra"
)

// ResolveReleaseYear picks the defence release and year a command works on.
// With no release, the newest defence release that publishes figures for
// the year; with no year, the latest year the release publishes.
func ResolveReleaseYear(ds *defence.Dataset, releaseID string, year int) (*defence.Release, int, error) {
	if year != 0 && (year < 1949 || year > 2100) {
		return nil, 0, UsageErrorf("--year %d is out of range (expected a year from 1949 to 2100)", year)
	}
	releases := ds.ReleasesNewestFirst(defence.SeriesDefence)
	if len(releases) == 0 {
		return nil, 0, fmt.Errorf("the data holds no defence release (series: defence)")
	}
	if releaseID != "" {
		rel, ok := ds.Releases[releaseID]
		if !ok {
			return nil, 0, UsageErrorf("--release: unknown release %q (expected one of: %s)", releaseID, strings.Join(releaseIDs(releases), ", "))
		}
		if rel.Series != defence.SeriesDefence {
			return nil, 0, UsageErrorf("--release %s publishes GDP only (expected a defence release: %s)", releaseID, strings.Join(releaseIDs(releases), ", "))
		}
		if year == 0 {
			return rel, rel.LatestYear(), nil
		}
		if !hasYear(rel, year) {
			return nil, 0, UsageErrorf("--year %d: release %s publishes no figures for %d (it covers %s)", year, rel.ID, year, span(rel))
		}
		return rel, year, nil
	}
	if year == 0 {
		return releases[0], releases[0].LatestYear(), nil
	}
	for _, rel := range releases {
		if hasYear(rel, year) {
			return rel, year, nil
		}
	}
	var cover []string
	for _, rel := range releases {
		cover = append(cover, rel.ID+": "+span(rel))
	}
	return nil, 0, UsageErrorf("--year %d: no release publishes figures for %d (%s)", year, year, strings.Join(cover, "; "))
}

func hasYear(rel *defence.Release, year int) bool {
	for _, ys := range rel.Figures {
		if f, ok := ys[year]; ok && f.HasFigures() {
			return true
		}
	}
	return false
}

func span(rel *defence.Release) string {
	ys := rel.Years()
	if len(ys) == 0 {
		return "no years"
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
func RegisterReleaseCompletion(cmd *cobra.Command, flag string, f *Factory) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, r := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
			out = append(out, r.ID+"\t"+r.Title)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// RegisterTargetCompletion completes named targets for a flag.
func RegisterTargetCompletion(cmd *cobra.Command, flag string, f *Factory) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		ds, err := f.Dataset()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, id := range ds.TargetIDs() {
			out = append(out, id+"\t"+ds.Targets[id].Name)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}
