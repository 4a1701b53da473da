package query

import (
	"fmt"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/targets"
)

// MethodNotes say how a query's gaps and verdicts are worked out, by one
// rule for gap and chart: the equipment guideline (--measure equipment,
// whatever --method says: its gap is a share of defence spending), else
// --method usd, else the published share of GDP. sentence is gap's note;
// formula is chart's, for the target percentage pct.
func MethodNotes(q *calc.Query, pct float64) (sentence, formula string) {
	p := targets.FormatPct(pct) + "%"
	switch {
	case q.Measure == defence.MeasureEquipment:
		return "Equipment guideline: a country meets it when its published equipment share (major equipment and related R&D, % of defence expenditure) is at or above the target; gap = (target - equipment share) x defence expenditure, current USD. The total's Equip. % is total equipment / total defence.",
			fmt.Sprintf("Gap = (%s - equipment share) x defence expenditure, current USD", p)
	case q.Method == calc.MethodUSD:
		return "Method usd: gap = target x GDP - defence, both in current USD; a country meets the target when defence / GDP is at or above it (NATO's verdicts use the published share instead).",
			fmt.Sprintf("Gap = %s x GDP - defence expenditure, current USD (--method usd)", p)
	}
	return "Method share: a country meets the target when its published share of GDP is at or above it; defence = share x GDP, gap = (target - share) x GDP, current USD. NATO computes the share from constant-price figures.",
		fmt.Sprintf("Gap = (%s - published share of GDP) x GDP, current USD", p)
}
