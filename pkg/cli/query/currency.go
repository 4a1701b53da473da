package query

import (
	"fmt"
	"strings"

	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
)

// CheckCurrency refuses --currency (national or eur; gap and chart) for a
// release without national-currency figures: NATO's figures imply no
// exchange rate there, and a rate is never guessed. The message names the
// releases of ds that have rates.
func CheckCurrency(ds *defence.Dataset, currency string, rels ...*defence.Release) error {
	for _, rel := range rels {
		if len(rel.Currencies) == 0 {
			var with []string
			for _, other := range ds.ReleasesNewestFirst(defence.SeriesDefence) {
				if len(other.Currencies) > 0 {
					with = append(with, other.ID)
				}
			}
			hint := "no release in the data does"
			if len(with) > 0 {
				hint = fmt.Sprintf("%s %s: give --release %s", strings.Join(with, ", "), map[bool]string{true: "does", false: "do"}[len(with) == 1], with[0])
			}
			return cmdutil.FlagErrorf("currency", "--currency %s: release %s publishes no defence figures in national currency, so NATO implies no exchange rate (%s, or leave --currency out)", currency, rel.ID, hint)
		}
	}
	return nil
}
