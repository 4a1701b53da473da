package query

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/cli/cmdutil"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/spf13/cobra"
)

// Price bases --prices takes.
const (
	PricesCurrent  = "current"
	PricesConstant = "constant"
)

// AddPricesFlag declares --prices, the price basis of the money a command
// shows, with the words every command uses; usage says where it applies.
func AddPricesFlag(cmd *cobra.Command, p *string, usage string) {
	cmdutil.EnumFlag{Name: "prices", Default: PricesCurrent, Values: []string{PricesCurrent, PricesConstant}, Noun: "a price basis", Usage: usage}.Register(cmd, p)
}

// CheckConstantPrices refuses --prices constant for queries that would mix
// price bases (several releases, each with its base year), that have a
// deadline (calc.CheckQuery's rule), or whose release publishes no figures
// at constant prices, naming the releases that do.
func CheckConstantPrices(ds *defence.Dataset, qs []*calc.Query) error {
	if len(qs) == 0 {
		return nil
	}
	c := *qs[0] // the queries differ only in release and year
	c.Constant = true
	if err := checkMeasure(&c); err != nil {
		return err
	}
	rel := qs[0].Release
	for _, q := range qs {
		if q.Release != rel {
			return cmdutil.FlagErrorf("prices", "--prices constant takes one release (releases have different base years)")
		}
	}
	if calc.HasConstantPrices(rel) {
		return nil
	}
	var ids []string
	for _, id := range slices.Sorted(maps.Keys(ds.Releases)) {
		if r := ds.Releases[id]; calc.HasConstantPrices(r) {
			ids = append(ids, fmt.Sprintf("%s (%d prices)", id, r.ConstantYear))
		}
	}
	with := ""
	if len(ids) > 0 {
		with = " (these do: " + strings.Join(ids, ", ") + "; give --release)"
	}
	return cmdutil.FlagErrorf("prices", "--prices constant: release %s publishes no figures at constant prices%s", rel.ID, with)
}
