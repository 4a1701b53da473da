package query

import (
	"fmt"

	"github.com/natospend/natospend/pkg/calc"
	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/targets"
)

// MethodNote says how a query's gaps and verdicts are worked out: Sentence
// is gap's note; Formula chart's, for a target percentage.
type MethodNote struct {
	Sentence string
	formula  string // with %s for the target
}

// Formula is the note's formula for the target percentage pct: "Gap =
// (3.5% - published share of GDP) x GDP, current USD".
func (m MethodNote) Formula(pct float64) string {
	return fmt.Sprintf(m.formula, targets.FormatPct(pct)+"%")
}

// MethodNotes is the note of a query's method, by one rule for gap and
// chart: the equipment guideline (--measure equipment, whatever --method
// says: its gap is a share of defence spending), else --method usd, else
// the published share of GDP.
func MethodNotes(q *calc.Query) MethodNote {
	switch {
	case q.Measure == defence.MeasureEquipment:
		return MethodNote{"Equipment guideline: a country meets it when its published equipment share (major equipment and related R&D, % of defence expenditure) is at or above the target; gap = (target - equipment share) x defence expenditure, current USD. The total's Equip. % is total equipment / total defence.",
			"Gap = (%s - equipment share) x defence expenditure, current USD"}
	case q.Method == calc.MethodUSD:
		return MethodNote{"Method usd: gap = target x GDP - defence, both in current USD; a country meets the target when defence / GDP is at or above it (NATO's verdicts use the published share instead).",
			"Gap = %s x GDP - defence expenditure, current USD (--method usd)"}
	}
	return MethodNote{"Method share: a country meets the target when its published share of GDP is at or above it; defence = share x GDP, gap = (target - share) x GDP, current USD. NATO computes the share from constant-price figures.",
		"Gap = (%s - published share of GDP) x GDP, current USD"}
}
