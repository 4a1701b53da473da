package importnato

import (
	"strings"
)

// tableKind is what one of NATO's tables publishes, recognised by its
// title and unit row (never by its sheet or its number: NATO renumbers).
type tableKind struct {
	id   string // for messages: "defence in US dollars"
	what string // what the title looks like, for "no such table" messages
	// match reports whether a table of the title (normalised, without
	// "Table N :") and unit row (normalised) is of this kind.
	match func(title, unit string) bool
	// sections are the section headings of the table, each giving one
	// measure; a table without headings has one section with a nil
	// heading, whose rows start right below the year header.
	sections []section
	// check: the table repeats figures of other tables (Table 4); it is
	// read and compared with them, not imported.
	check bool
}

// section is one block of rows of a table, under a heading such as
// "Constant 2015 prices and exchange rates", giving one measure.
type section struct {
	heading *lazyRE // nil: the table has no heading
	key     string  // the cell key of pkg/dataset
	// constant: the figures are at constant prices, whose base year the
	// heading or the unit row gives ("2015 prices").
	constant bool
}

// measure describes a cell key: how its figures are rounded and whether
// NATO's aggregates of it are sums of the allies.
type measure struct {
	key      string
	decimals int
	additive bool // an aggregate is the sum of the allies of the year
	label    string
	unit     unitKind // what its table's unit row must say
}

// measures are the cell keys the importer fills, in the order of its
// summary. The decimals are those of the tables the project published
// before it read the workbook (amounts 2, percentages 4): the importer
// rounds the workbook's full precision to them, and reproduces those
// tables cell for cell (scripts/importshared's test).
var measures = []measure{
	{"defence_ncu_m", 2, false, "defence, million national currency, current prices", unitNCU},
	{"defence_const_ncu_m", 2, false, "defence, million national currency, constant prices", unitNCU},
	{"defence_musd", 2, true, "defence, million USD, current prices", unitUSD},
	{"defence_const_musd", 2, true, "defence, million USD, constant prices", unitUSD},
	{"gdp_musd", 2, true, "GDP, million USD, current prices", unitUSD},
	{"gdp_const_musd", 2, true, "GDP, million USD, constant prices", unitUSD},
	{"share_pct", 4, false, "defence, % of GDP (constant prices)", unitPercent},
	{"real_change_pct", 4, false, "defence, annual real change %", unitPercent},
	{"gdp_per_capita_const_kusd", 4, false, "GDP per capita, thousand USD, constant prices", unitPerCapita},
	{"defence_per_capita_const_usd", 2, false, "defence per capita, USD, constant prices", unitPerCapita},
	{"personnel_k", 3, true, "military personnel, thousands", unitThousands},
	{"equipment_pct", 4, false, "equipment, % of defence", unitPercent},
	{"personnel_pct", 4, false, "personnel, % of defence", unitPercent},
	{"infrastructure_pct", 4, false, "infrastructure, % of defence", unitPercent},
	{"other_pct", 4, false, "other, % of defence", unitPercent},
}

func measureOf(key string) measure {
	for _, m := range measures {
		if m.key == key {
			return m
		}
	}
	panic("importnato: no measure " + key)
}

// Decimals returns, by cell key, the decimals the importer rounds each
// measure to (the options of dataset.EncodeReleaseWith).
func Decimals() map[string]int {
	out := make(map[string]int, len(measures))
	for _, m := range measures {
		out[m.key] = m.decimals
	}
	return out
}

// required are the measures without which a workbook is not NATO's
// defence expenditure tables: the four the project has always embedded.
var required = []string{"defence_musd", "gdp_musd", "share_pct", "equipment_pct"}

func re(s string) *lazyRE { return lazy(`^(?i)` + s + `$`) }

var (
	currentSection  = re(`current prices( and exchange rates)?`)
	constantSection = re(`constant (\d{4}) prices( and exchange rates)?`)
)

func has(s string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// kinds are NATO's tables (June 2024: Tables 1 to 8b).
var kinds = []tableKind{
	{
		id: "defence in national currency", what: `"Table 1 : Defence expenditure" in "Million national currency units"`,
		match: func(t, u string) bool { return has(t, "defence expenditure") && has(u, "national currenc") },
		sections: []section{
			{heading: currentSection, key: "defence_ncu_m"},
			{heading: constantSection, key: "defence_const_ncu_m", constant: true},
		},
	},
	{
		id: "defence in US dollars", what: `"Table 2 : Defence expenditure" in "Million US dollars"`,
		// Any unit but national currency: the unit row is then read for
		// its scale and currency, and a table in euros is refused.
		match: func(t, u string) bool {
			return has(t, "defence expenditure") && !hasAny(t, "share", "change", "capita", "distribution", "categor") &&
				!has(u, "national currenc")
		},
		sections: []section{
			{heading: currentSection, key: "defence_musd"},
			{heading: constantSection, key: "defence_const_musd", constant: true},
		},
	},
	{
		id: "share of GDP and real change", what: `"Table 3 : Defence expenditure as a share of GDP and annual real change"`,
		match: func(t, u string) bool { return has(t, "share of gdp") },
		sections: []section{
			{heading: re(`share of real gdp( \(%\))?`), key: "share_pct"},
			{heading: re(`annual real change( \(%\))?`), key: "real_change_pct"},
		},
	},
	{
		id: "real change over the period", what: `"Table 4 : Defence expenditure real change 2014-2024e"`,
		match: func(t, u string) bool { return has(t, "real change") && !has(t, "share") },
		check: true,
	},
	{
		id: "GDP", what: `"Table 5 : GDP" in "Million US dollars"`,
		match: func(t, u string) bool { return (t == "gdp" || strings.HasPrefix(t, "gdp ")) && !has(t, "capita") },
		sections: []section{
			{heading: currentSection, key: "gdp_musd"},
			{heading: constantSection, key: "gdp_const_musd", constant: true},
		},
	},
	{
		id: "GDP and defence per capita", what: `"Table 6 : GDP per capita and defence expenditure per capita"`,
		match: func(t, u string) bool { return has(t, "per capita") },
		sections: []section{
			{heading: re(`gdp per capita \(thousand us dollars\)`), key: "gdp_per_capita_const_kusd", constant: true},
			{heading: re(`defence expenditure per capita \(us dollars\)`), key: "defence_per_capita_const_usd", constant: true},
		},
	},
	{
		id: "military personnel", what: `"Table 7 : Military personnel" in "Thousands"`,
		match:    func(t, u string) bool { return has(t, "military personnel") },
		sections: []section{{key: "personnel_k"}},
	},
	{
		id: "distribution by category", what: `"Table 8a : Distribution of defence expenditure by main category"`,
		match: func(t, u string) bool { return has(t, "distribution") || has(t, "main categor") },
		sections: []section{
			{heading: re(`equipment( \([a-z]\))?`), key: "equipment_pct"},
			{heading: re(`personnel( \([a-z]\))?`), key: "personnel_pct"},
			{heading: re(`infrastructure( \([a-z]\))?`), key: "infrastructure_pct"},
			{heading: re(`other( \([a-z]\))?`), key: "other_pct"},
		},
	},
}

// newAggregates returns NATO's aggregate rows, by normalised label, with
// the group of data/groups.yaml whose members of the year they add up
// (lookup().aggregates).
func newAggregates() map[string]string {
	return map[string]string{
		"nato europe and canada": "europe-canada",
		"nato europe":            "europe",
		"nato total":             "nato",
	}
}

// newCurrencyNames maps the currency names of Table 1 ("Albania (Leks)")
// to ISO 4217 codes (lookup().currencyNames); a name several currencies
// share (Kroner) is resolved by country in currencyByCountry.
func newCurrencyNames() map[string]string {
	return map[string]string{
		"leks": "ALL", "lek": "ALL",
		"euros": "EUR", "euro": "EUR",
		"leva": "BGN", "lev": "BGN",
		"canadian dollars": "CAD",
		"koruny":           "CZK", "czech koruny": "CZK",
		"forint": "HUF", "forints": "HUF",
		"denars": "MKD", "denar": "MKD",
		"zlotys": "PLN", "zloty": "PLN", "zloties": "PLN",
		"new lei": "RON", "lei": "RON",
		"kronor": "SEK",
		"liras":  "TRY", "lira": "TRY", "new liras": "TRY",
		"pounds": "GBP", "pounds sterling": "GBP",
		"us dollars": "USD",
		"kuna":       "HRK", "kunas": "HRK",
	}
}

// newCurrencyByCountry resolves names that several countries use for
// their own currencies (lookup().currencyByCountry).
func newCurrencyByCountry() map[string]map[string]string {
	return map[string]map[string]string{
		"kroner": {"DNK": "DKK", "NOR": "NOK"},
		"krone":  {"DNK": "DKK", "NOR": "NOK"},
	}
}
