package query

import (
	"fmt"
	"strings"

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
// (3.5% - published share of GDP) x GDP, current USD", in the money's
// unit as MethodNotes was given it.
func (m MethodNote) Formula(pct float64) string {
	return fmt.Sprintf(m.formula, targets.FormatPct(pct)+"%")
}

// MethodNotes is the note of a query's method, by one rule for gap and
// chart: the equipment guideline (--measure equipment, whatever --method
// says: its gap is a share of defence spending), else --method usd, else
// the published share of GDP. currency says the money's currency in words
// ("in current USD"); publishesDefence whether the release publishes
// defence amounts (the share method's sentence says where defence comes
// from).
func MethodNotes(q *calc.Query, currency string, publishesDefence bool) MethodNote {
	unit := strings.TrimPrefix(currency, "in ") // the formula's money: "current USD"
	switch {
	case q.Measure == defence.MeasureEquipment:
		return MethodNote{"Equipment guideline: a country meets it when its published equipment share (major equipment and related R&D, % of defence expenditure) is at or above the target; gap = (target - equipment share) x defence expenditure, " + currency + ". The total's Equip. % is total equipment / total defence.",
			"Gap = (%s - equipment share) x defence expenditure, " + unit}
	case q.Method == calc.MethodUSD:
		return MethodNote{"Method usd: gap = target x GDP - defence, both " + currency + "; a country meets the target when defence / GDP is at or above it (NATO's verdicts use the published share instead).",
			"Gap = %s x GDP - defence expenditure, " + unit + " (--method usd)"}
	}
	s := "Method share: a country meets the target when its published share of GDP is at or above it; gap = (target - share) x GDP = target x GDP - defence at share (share x GDP), " + currency + "."
	if publishesDefence {
		s += " Defence is the defence expenditure the release publishes; NATO computes the share from constant-price figures, so defence at share can differ from it."
	} else {
		s += " The release publishes shares of GDP, no defence amounts: defence at share is derived from them, not published, and the total's share is unknown."
	}
	return MethodNote{s, "Gap = (%s - published share of GDP) x GDP, " + unit}
}
