package importnato

import "sync"

// lookups are the package's lookup tables, built on first use (lookup):
// natospend links this package into every run, and a map declared at
// package level is built at start-up by every command, which never reads
// a workbook (issue 21, item 11; cmd/natospend's TestInitBudget).
type lookups struct {
	blankTexts        map[string]bool
	aggregates        map[string]string
	currencyNames     map[string]string
	currencyByCountry map[string]map[string]string
	scales            map[string]float64
	euroSince         map[string]int
}

var (
	lookupOnce sync.Once
	lookupTabs lookups
)

// lookup returns the lookup tables, building them the first time. They
// are read-only once built.
func lookup() *lookups {
	lookupOnce.Do(func() {
		lookupTabs = lookups{
			blankTexts:        newBlankTexts(),
			aggregates:        newAggregates(),
			currencyNames:     newCurrencyNames(),
			currencyByCountry: newCurrencyByCountry(),
			scales:            newScales(),
			euroSince:         newEuroSince(),
		}
	})
	return &lookupTabs
}
