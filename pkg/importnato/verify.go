package importnato

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/xlsx"
)

// What the importer verifies of what it reads (issue 20): the unit row of
// each table (scale and currency), the number format of every figure, the
// year headers, the currencies rows name; then the tables against each
// other (see checkShares, checkRates, checkCategories, checkTables and
// checkAggregates).

// unitKind is what a measure's unit row must say.
type unitKind int

const (
	// unitUSD: a scale (thousand, million, billion) of US dollars;
	// figures are converted to millions.
	unitUSD unitKind = iota
	// unitNCU: a scale of national currency units; converted to millions.
	unitNCU
	// unitPercent: percentages (of GDP, of defence, change): the unit
	// row names no scale and no currency; a figure with a percent format
	// is a fraction, multiplied by 100.
	unitPercent
	// unitPerCapita: the section headings give the units ("(thousand US
	// dollars)"); the unit row names no scale, and no currency but the
	// US dollar.
	unitPerCapita
	// unitThousands: a count in a scale (Thousands); converted to
	// thousands.
	unitThousands
)

var scaleRE = lazy(`\b(thousands?|millions?|billions?|trillions?)\b`)

// newScales returns the factor of each scale word (lookup().scales).
func newScales() map[string]float64 {
	return map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
}

// unitInfo is what a unit row says: its scale word and factor (0 when it
// names none) and the currencies it names (USD, EUR, NCU for national
// currency units, or another ISO code).
type unitInfo struct {
	scaleWord  string
	scale      float64
	currencies []string
}

// parseUnit reads a unit row (normalised text).
func parseUnit(u string) (unitInfo, error) {
	var out unitInfo
	words := scaleRE.get().FindAllString(u, -1)
	seen := map[string]bool{}
	for _, w := range words {
		w = strings.TrimSuffix(w, "s")
		if !seen[w] {
			seen[w] = true
			if out.scaleWord != "" {
				return out, fmt.Errorf("names two scales, %s and %s", out.scaleWord, w)
			}
			out.scaleWord, out.scale = w, lookup().scales[w]
		}
	}
	cur := map[string]bool{}
	if strings.Contains(u, "national currenc") {
		cur["NCU"] = true
	}
	for _, name := range sortedKeys(lookup().currencyNames) {
		if containsWord(u, name) {
			cur[lookup().currencyNames[name]] = true
		}
	}
	for name := range lookup().currencyByCountry {
		if containsWord(u, name) {
			cur[name] = true
		}
	}
	if containsWord(u, "usd") || containsWord(u, "us$") {
		cur["USD"] = true
	}
	if containsWord(u, "eur") {
		cur["EUR"] = true
	}
	out.currencies = sortedKeys(cur)
	return out, nil
}

// containsWord reports whether s holds w as whole words.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWordByte(s[a-1])) && (b == len(s) || !isWordByte(s[b])) {
			return true
		}
		i = a + 1
	}
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// factor converts figures to the unit of their measure: x mul / div, each
// a power of 1,000 (dividing by 1,000 rather than multiplying by 0.001,
// which binary cannot hold, keeps a figure multiplied by 1,000 and divided
// back the figure it was).
type factor struct{ mul, div float64 }

var one = factor{1, 1}

func (f factor) apply(v float64) float64 { return v * f.mul / f.div }

func ratio(scale, unit float64) factor {
	if scale >= unit {
		return factor{scale / unit, 1}
	}
	return factor{1, unit / scale}
}

// factor returns what converts the figures of a series to the unit of its
// measure, or an error naming the unit cell.
func (t *table) factor(k unitKind, what string) (factor, error) {
	where := t.at(t.unitRef)
	if t.unitRef == "" {
		where = t.at(t.title.Ref)
	}
	u, err := parseUnit(norm(t.unit))
	if err != nil {
		return one, fmt.Errorf("%s: the unit %q %v (expected one, such as \"Million US dollars\")", where, t.unit, err)
	}
	want, expect := "", ""
	switch k {
	case unitUSD:
		want, expect = "USD", "\"Million US dollars\""
	case unitNCU:
		want, expect = "NCU", "\"Million national currency units\""
	case unitThousands:
		expect = "\"Thousands\""
	default:
		// Per capita figures may say their currency, the headings'.
		dollars := k == unitPerCapita && len(u.currencies) == 1 && u.currencies[0] == "USD"
		if u.scale != 0 || len(u.currencies) > 0 && !dollars {
			return one, fmt.Errorf("%s: the unit %q names a scale or a currency, but the figures of %s are %s (expected a unit without one, such as \"Based on 2015 prices\" or \"Percentage of total defence expenditure\")",
				where, t.unit, t.name, what)
		}
		return one, nil
	}
	if t.unit == "" {
		return one, fmt.Errorf("%s: table %q has no unit row (expected one such as %s above the year headers)", where, t.name, expect)
	}
	if u.scale == 0 {
		return one, fmt.Errorf("%s: the unit %q names no scale (expected thousand, million or billion, such as %s)", where, t.unit, expect)
	}
	if want == "" && len(u.currencies) > 0 || want != "" && (len(u.currencies) != 1 || u.currencies[0] != want) {
		names := strings.Join(u.currencies, " and ")
		if names == "" {
			names = "no currency"
		}
		return one, fmt.Errorf("%s: the unit %q names %s, but table %q gives %s (expected a unit such as %s; a table in another currency is not converted)",
			where, t.unit, names, t.name, what, expect)
	}
	if k == unitThousands {
		return ratio(u.scale, 1e3), nil
	}
	return ratio(u.scale, 1e6), nil
}

// formatKind is what a number format shows.
type formatKind int

const (
	formatPlain   formatKind = iota
	formatPercent            // the value x 100, with %
	formatDate               // a date or a time
	formatScaled             // the value divided by 1,000 per trailing comma
)

// classify reads a number format code (ECMA-376 Part 1, 18.8.31): text in
// quotes, characters escaped with \ or _ or *, and [...] sections (colours,
// conditions, locales) are not format characters.
func classify(code string) formatKind {
	if code == "" || strings.EqualFold(code, "general") || code == "@" {
		return formatPlain
	}
	kind := formatPlain
	prevDigit := false // the last format character was a digit placeholder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return kind
			}
			i += j + 1
			prevDigit = false
			continue
		case c == '\\' || c == '_' || c == '*':
			i++
			prevDigit = false
			continue
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return kind
			}
			if h := strings.ToLower(code[i+1 : i+j]); h == "h" || h == "hh" || h == "m" || h == "mm" || h == "s" || h == "ss" {
				return formatDate
			}
			i += j
			continue
		}
		switch lc := c | 0x20; {
		case c == '%':
			kind = formatPercent
		case lc == 'y' || lc == 'd' || lc == 'h' || lc == 'm' || lc == 's':
			return formatDate
		case c == ',' && prevDigit && (i+1 == len(code) || strings.IndexByte(";%_ )", code[i+1]) >= 0 || code[i+1] == ','):
			if kind == formatPlain {
				kind = formatScaled
			}
		}
		prevDigit = c == '0' || c == '#' || c == '?' || (c == ',' && prevDigit)
	}
	return kind
}

// converted returns a figure read from a cell in the unit of its measure:
// the factor of its table's unit, and its number format (a percent format
// shows a fraction x 100). A format that shows another number than the one
// stored (a date, a scale) is refused.
func (t *table) converted(c xlsx.Cell, v float64, k unitKind, f factor, what string) (float64, error) {
	switch classify(c.Format) {
	case formatPercent:
		if k != unitPercent {
			return 0, fmt.Errorf("%s: %s is formatted as a percentage (%q), but %s is not one (expected a number format without %%)", t.at(c.Ref), show(v, true), c.Format, what)
		}
		return v * 100, nil
	case formatDate:
		return 0, fmt.Errorf("%s: %s is formatted as a date or time (%q) where %s belongs (expected a number format)", t.at(c.Ref), show(v, true), c.Format, what)
	case formatScaled:
		return 0, fmt.Errorf("%s: %s is formatted as %q, which shows it divided by a thousand or more, where %s belongs (expected a format that shows the figure stored)", t.at(c.Ref), show(v, true), c.Format, what)
	}
	return f.apply(v), nil
}

// yearLikeRE is a header that looks like a year but is not one of the
// forms yearOf reads: "2019p", "Year 2019", "FY 2019", "2019 (est.)".
var yearLikeRE = lazy(`^[^0-9]{0,12}(19|20)[0-9]{2}[^0-9]{0,8}$`)

// checkHeader refuses a cell of the year row that looks like a year but
// is not one: text such as 2019p or Year 2019, a date (a number formatted
// as one, which shows a year while it holds a day), or anything else
// between the first and the last year column.
func (t *table) checkHeader(r xlsx.Row) error {
	last := 0
	for col := range t.years {
		last = max(last, col)
	}
	for _, c := range r.Cells {
		if _, ok := t.years[c.Col]; ok {
			continue
		}
		inside := c.Col > t.firstCol && c.Col < last
		switch c.Type {
		case xlsx.Number:
			if classify(c.Format) == formatDate {
				return fmt.Errorf("%s: a date (%s, formatted %q) where a year header belongs (expected a year as a number or text, such as 2019 or 2023e)", t.at(c.Ref), c.Text, c.Format)
			}
			if inside || (c.Num >= 1949 && c.Num <= 2100) {
				return fmt.Errorf("%s: %s in the row of years is not a year (expected a year such as 2019 or 2023e)", t.at(c.Ref), c.Text)
			}
		case xlsx.Text:
			s := norm(c.Text)
			if s == "" {
				continue
			}
			if inside || yearLikeRE.MatchString(s) {
				return fmt.Errorf("%s: the header %s is not a year (expected a year such as 2019, '2019 or 2023e, e marking an estimate)", t.at(c.Ref), quote(c.Text))
			}
		default:
			if inside {
				return fmt.Errorf("%s: found a %s in the row of years (expected a year such as 2019 or 2023e)", t.at(c.Ref), c.Type)
			}
		}
	}
	return nil
}

// quote is a cell's text for a message: cleaned, quoted, cut past
// maxShown bytes.
func quote(s string) string {
	s = clean(s)
	if len(s) > maxShown {
		s = cut(s, maxShown) + "..."
	}
	return strconv.Quote(s)
}

// cut returns s cut to at most n bytes, on a rune boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n]
}

// newEuroSince returns the year each ally adopted the euro (European Central
// Bank, "Euro area 1999-2023",
// https://www.ecb.europa.eu/euro/intro/html/map.en.html; Bulgaria from 1
// January 2026, Council Decision (EU) 2025/1407 of 8 July 2025): from that year
// on its defence in national currency (Table 1) and in US dollars (Table
// 2) imply the euro's exchange rate of the year, the same for all. Allies
// that print euros in Table 1 in other years (Croatia before 2023,
// Lithuania in 2014) or that use the euro outside the euro area
// (Montenegro) converted at rates of their own and are not compared.
func newEuroSince() map[string]int {
	return map[string]int{
		"BEL": 1999, "DEU": 1999, "ESP": 1999, "FIN": 1999, "FRA": 1999, "ITA": 1999, "LUX": 1999, "NLD": 1999, "PRT": 1999,
		"GRC": 2001, "SVN": 2007, "SVK": 2009, "EST": 2011, "LVA": 2014, "LTU": 2015, "HRV": 2023, "BGR": 2026,
	}
}

// Tolerances of the cross-checks, set from NATO's June 2024 workbook
// (measured at full precision: see TestRealWorkbook).
const (
	// shareTol: the published share of GDP against 100 x defence / GDP
	// at constant prices, in percentage points: at most 0.0138 over the
	// 341 country-years with the three figures (France 2020; all others
	// within 0.00005).
	shareTol = 0.015
	// rateTol: the exchange rates the current-price tables imply for the
	// euro-area allies of a year, relative to their median: at most
	// 1.4e-16 (NATO converts every euro-area ally at one rate, in binary;
	// 16 allies in 2024).
	rateTol = 1e-6
	// categoryTol: the four categories of Tables 8a and 8b add up to
	// 100% of defence, in percentage points: at most 0.0037 over 341
	// country-years (Montenegro 2022).
	categoryTol = 0.01
)

// checkShares compares the published share of GDP with 100 x defence /
// GDP at constant prices: swapped labels, rescaled figures or a percent
// format read as a number change one and not the other.
func (imp *importer) checkShares() {
	share, dc, gc := imp.series["share_pct"], imp.series["defence_const_musd"], imp.series["gdp_const_musd"]
	if share == nil || dc == nil || gc == nil {
		return
	}
	n := 0
	for _, code := range sortedKeys(share.values) {
		for _, y := range sortedKeys(share.values[code]) {
			s := share.values[code][y]
			d, okD := dc.values[code][y]
			g, okG := gc.values[code][y]
			if !okD || !okG || g.v == 0 {
				continue
			}
			n++
			if r := 100 * d.v / g.v; math.Abs(s.v-r) > shareTol {
				imp.difference("%s: the share of GDP of %s in %d is %s%%, but 100 x defence / GDP at constant prices (sheet %s, cell %s / sheet %s, cell %s) is %s%% (difference %s points, beyond the %s of rounding)",
					share.t.at(s.ref), imp.name(code), y, fixed(s.v, 4), dc.t.sheet, d.ref, gc.t.sheet, g.ref, fixed(r, 4), fixed(s.v-r, 4), strconv.FormatFloat(shareTol, 'f', -1, 64))
			}
		}
	}
	imp.count("the share of GDP against 100 x defence / GDP at constant prices, within 0.015 points", n)
}

// checkRates compares the exchange rates the current-price tables imply
// (defence in national currency / defence in US dollars) for the
// euro-area allies of each year: one rate for all.
func (imp *importer) checkRates() {
	ncu, usd := imp.series["defence_ncu_m"], imp.series["defence_musd"]
	if ncu == nil || usd == nil {
		return
	}
	type rate struct {
		code string
		r    float64
		a, b figure
	}
	byYear := map[int][]rate{}
	for code, since := range lookup().euroSince {
		if imp.currencies[code] != "EUR" {
			continue
		}
		for y, a := range ncu.values[code] {
			b, ok := usd.values[code][y]
			if y < since || !ok || b.v == 0 || a.v == 0 {
				continue
			}
			byYear[y] = append(byYear[y], rate{code, a.v / b.v, a, b})
		}
	}
	n := 0
	for _, y := range sortedKeys(byYear) {
		rs := byYear[y]
		if len(rs) < 3 {
			continue
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i].r < rs[j].r || rs[i].r == rs[j].r && rs[i].code < rs[j].code })
		med := rs[len(rs)/2].r
		for _, x := range rs {
			n++
			if math.Abs(x.r-med) > rateTol*med {
				imp.difference("the exchange rate %s implies for %d, %s euros per US dollar (sheet %s, cell %s / sheet %s, cell %s), differs from that of the other euro-area allies, %s (by %s%%, beyond the %s%% of rounding)",
					imp.name(x.code), y, strconv.FormatFloat(x.r, 'f', 6, 64), ncu.t.sheet, x.a.ref, usd.t.sheet, x.b.ref, strconv.FormatFloat(med, 'f', 6, 64),
					strconv.FormatFloat(100*(x.r-med)/med, 'f', 4, 64), strconv.FormatFloat(100*rateTol, 'f', -1, 64))
			}
		}
	}
	imp.count("one exchange rate for the euro-area allies of each year, within 0.0001%", n)
	imp.checkDollarAllies()
}

// checkDollarAllies checks that an ally whose national currency is the
// US dollar (Table 1: "United States (US dollars)") has the same defence
// in national currency and in US dollars, at current and at constant
// prices: a rate of 1, which a table rescaled as a whole cannot keep.
func (imp *importer) checkDollarAllies() {
	n := 0
	for _, pair := range [][2]string{{"defence_ncu_m", "defence_musd"}, {"defence_const_ncu_m", "defence_const_musd"}} {
		ncu, usd := imp.series[pair[0]], imp.series[pair[1]]
		if ncu == nil || usd == nil {
			continue
		}
		for _, code := range sortedKeys(ncu.values) {
			if imp.currencies[code] != "USD" {
				continue
			}
			for _, y := range sortedKeys(ncu.values[code]) {
				a := ncu.values[code][y]
				b, ok := usd.values[code][y]
				if !ok {
					continue
				}
				n++
				if math.Abs(a.v-b.v) > rateTol*math.Max(math.Abs(a.v), math.Abs(b.v)) {
					imp.difference("%s: %s in %d in its national currency, the US dollar, is %s million, but %s million in US dollars (sheet %s, cell %s)",
						ncu.t.at(a.ref), imp.name(code), y, fixed(a.v, 2), fixed(b.v, 2), usd.t.sheet, b.ref)
				}
			}
		}
	}
	imp.count("defence in national currency = in US dollars for the allies whose currency is the dollar, within 0.0001%", n)
}

// checkCategories checks that the four categories of defence (equipment,
// personnel, infrastructure, other) add up to 100% for each country-year
// that has all four.
func (imp *importer) checkCategories() {
	keys := []string{"equipment_pct", "personnel_pct", "infrastructure_pct", "other_pct"}
	var ss []*series
	for _, k := range keys {
		s := imp.series[k]
		if s == nil {
			return
		}
		ss = append(ss, s)
	}
	n := 0
	for _, code := range sortedKeys(ss[0].values) {
		for _, y := range sortedKeys(ss[0].values[code]) {
			sum := 0.0
			var refs []string
			all := true
			for _, s := range ss {
				f, ok := s.values[code][y]
				if !ok {
					all = false
					break
				}
				sum += f.v
				refs = append(refs, s.t.sheet+"!"+f.ref)
			}
			if !all {
				continue
			}
			n++
			if math.Abs(sum-100) > categoryTol {
				imp.difference("the categories of defence of %s in %d (%s) add up to %s%%, not 100%% (beyond the %s points of rounding)",
					imp.name(code), y, strings.Join(refs, ", "), fixed(sum, 4), strconv.FormatFloat(categoryTol, 'f', -1, 64))
			}
		}
	}
	imp.count("the four categories of defence adding up to 100%, within 0.01 points", n)
}

func (imp *importer) name(code string) string {
	if c, ok := imp.ds.Countries[code]; ok {
		return c.Name
	}
	return code
}

// More tolerances, from the same workbook.
const (
	// changeTol: the annual real change against 100 x (defence at
	// constant prices / that of the year before - 1), in percentage
	// points: equal in all 310 country-years with the three figures.
	changeTol = 1e-4
	// constRateTol: the exchange rate defence at constant prices implies
	// (national currency / US dollars), the base year's, against its
	// median over the years of each ally, relative: at most 1.8e-16 over
	// 341 country-years (Canada).
	constRateTol = 1e-6
)

// checkRealChange compares the published annual real change with the
// change of defence at constant prices from the year before.
func (imp *importer) checkRealChange() {
	rc, dc := imp.series["real_change_pct"], imp.series["defence_const_musd"]
	if rc == nil || dc == nil {
		return
	}
	n := 0
	for _, code := range sortedKeys(rc.values) {
		for _, y := range sortedKeys(rc.values[code]) {
			f := rc.values[code][y]
			a, okA := dc.values[code][y-1]
			b, okB := dc.values[code][y]
			if !okA || !okB || a.v == 0 {
				continue
			}
			n++
			if r := 100 * (b.v/a.v - 1); math.Abs(f.v-r) > changeTol {
				imp.difference("%s: the annual real change of %s in %d is %s%%, but defence at constant prices (sheet %s, cells %s and %s) changed by %s%%",
					rc.t.at(f.ref), imp.name(code), y, fixed(f.v, 4), dc.t.sheet, a.ref, b.ref, fixed(r, 4))
			}
		}
	}
	imp.count("the annual real change against defence at constant prices, within 0.0001 points", n)
}

// checkPerCapita compares the published share of GDP with 100 x defence
// per capita / GDP per capita (Table 6: the same population divides
// both).
func (imp *importer) checkPerCapita() {
	share, dp, gp := imp.series["share_pct"], imp.series["defence_per_capita_const_usd"], imp.series["gdp_per_capita_const_kusd"]
	if share == nil || dp == nil || gp == nil {
		return
	}
	n := 0
	for _, code := range sortedKeys(share.values) {
		for _, y := range sortedKeys(share.values[code]) {
			s := share.values[code][y]
			d, okD := dp.values[code][y]
			g, okG := gp.values[code][y]
			if !okD || !okG || g.v == 0 {
				continue
			}
			n++
			if r := 100 * d.v / (1000 * g.v); math.Abs(s.v-r) > shareTol {
				imp.difference("%s: the share of GDP of %s in %d is %s%%, but 100 x defence per capita / GDP per capita (sheet %s, cells %s and %s) is %s%%",
					share.t.at(s.ref), imp.name(code), y, fixed(s.v, 4), dp.t.sheet, d.ref, g.ref, fixed(r, 4))
			}
		}
	}
	imp.count("the share of GDP against 100 x defence per capita / GDP per capita, within 0.015 points", n)
}

// checkConstantRates checks that defence at constant prices in national
// currency and in US dollars imply one exchange rate (the base year's)
// for each ally over the years.
func (imp *importer) checkConstantRates() {
	ncu, usd := imp.series["defence_const_ncu_m"], imp.series["defence_const_musd"]
	if ncu == nil || usd == nil {
		return
	}
	n := 0
	for _, code := range sortedKeys(ncu.values) {
		type rate struct {
			y    int
			r    float64
			a, b figure
		}
		var rs []rate
		for _, y := range sortedKeys(ncu.values[code]) {
			a := ncu.values[code][y]
			b, ok := usd.values[code][y]
			if ok && a.v != 0 && b.v != 0 {
				rs = append(rs, rate{y, a.v / b.v, a, b})
			}
		}
		if len(rs) < 3 {
			continue
		}
		sorted := make([]float64, len(rs))
		for i, x := range rs {
			sorted[i] = x.r
		}
		sort.Float64s(sorted)
		med := sorted[len(sorted)/2]
		for _, x := range rs {
			n++
			if math.Abs(x.r-med) > constRateTol*med {
				imp.difference("the exchange rate defence at constant prices of %s implies for %d, %s (sheet %s, cell %s / sheet %s, cell %s), differs from that of its other years, %s (by %s%%)",
					imp.name(code), x.y, strconv.FormatFloat(x.r, 'f', 6, 64), ncu.t.sheet, x.a.ref, usd.t.sheet, x.b.ref, strconv.FormatFloat(med, 'f', 6, 64),
					strconv.FormatFloat(100*(x.r-med)/med, 'f', 4, 64))
			}
		}
	}
	imp.count("one exchange rate for each ally's defence at constant prices over the years, within 0.0001%", n)
}

// baseTol: in the base year of constant prices, a figure at current
// prices against the same at constant prices, relative: at most 2.6e-16
// in NATO's June 2024 workbook (2015; 31 allies x defence in national
// currency and in US dollars, 32 x GDP).
const baseTol = 1e-6

// checkBaseYear checks that in the base year of the constant prices each
// figure at current prices equals the same at constant prices: a row
// swapped, a table rescaled or in another currency in one section only
// changes one of them.
func (imp *importer) checkBaseYear() {
	if imp.baseYear == 0 {
		return
	}
	y, n := imp.baseYear, 0
	for _, pair := range [][2]string{{"defence_ncu_m", "defence_const_ncu_m"}, {"defence_musd", "defence_const_musd"}, {"gdp_musd", "gdp_const_musd"}} {
		cur, cons := imp.series[pair[0]], imp.series[pair[1]]
		if cur == nil || cons == nil {
			continue
		}
		for _, code := range sortedKeys(cur.values) {
			a, okA := cur.values[code][y]
			b, okB := cons.values[code][y]
			if !okA || !okB {
				continue
			}
			n++
			if math.Abs(a.v-b.v) > baseTol*math.Max(math.Abs(a.v), math.Abs(b.v)) {
				imp.difference("%s: %s of %s in %d, the base year of the constant prices, is %s at current prices but %s at constant prices (sheet %s, cell %s)",
					cur.t.at(a.ref), pair[0], imp.name(code), y, fixed(a.v, 2), fixed(b.v, 2), cons.t.sheet, b.ref)
			}
		}
	}
	imp.count("current prices = constant prices in the base year, within 0.0001%", n)
}

// checkAggregateRatios compares NATO's aggregates that are ratios with
// the aggregates they are ratios of, as checkShares, checkPerCapita and
// checkRealChange do for the allies (in NATO's June 2024 workbook: equal
// within 4.5e-16 points for the shares, exactly for the real change).
func (imp *importer) checkAggregateRatios() {
	share, dc, gc := imp.series["share_pct"], imp.series["defence_const_musd"], imp.series["gdp_const_musd"]
	dp, gp, rc := imp.series["defence_per_capita_const_usd"], imp.series["gdp_per_capita_const_kusd"], imp.series["real_change_pct"]
	use := func(s *series, group string, y int) { imp.usedAgg[s.key+"/"+group+"/"+strconv.Itoa(y)] = true }
	n := 0
	if share != nil {
		for _, group := range sortedKeys(share.aggs) {
			for _, y := range sortedKeys(share.aggs[group]) {
				s := share.aggs[group][y]
				for _, pair := range [][2]*series{{dc, gc}, {dp, gp}} {
					if pair[0] == nil || pair[1] == nil {
						continue
					}
					d, okD := pair[0].aggs[group][y]
					g, okG := pair[1].aggs[group][y]
					if !okD || !okG || g.v == 0 {
						continue
					}
					n++
					use(share, group, y)
					use(pair[0], group, y)
					use(pair[1], group, y)
					r := 100 * d.v / g.v
					if pair[0] == dp {
						r /= 1000
					}
					if math.Abs(s.v-r) > shareTol {
						imp.difference("%s: the share of GDP of %s in %d is %s%%, but its figures (sheet %s, cell %s / sheet %s, cell %s) give %s%%",
							share.t.at(s.ref), share.aggLabel[group], y, fixed(s.v, 4), pair[0].t.sheet, d.ref, pair[1].t.sheet, g.ref, fixed(r, 4))
					}
				}
			}
		}
	}
	if rc != nil && dc != nil {
		for _, group := range sortedKeys(rc.aggs) {
			for _, y := range sortedKeys(rc.aggs[group]) {
				f := rc.aggs[group][y]
				a, okA := dc.aggs[group][y-1]
				b, okB := dc.aggs[group][y]
				if !okA || !okB || a.v == 0 {
					continue
				}
				n++
				use(rc, group, y)
				if r := 100 * (b.v/a.v - 1); math.Abs(f.v-r) > changeTol {
					imp.difference("%s: the annual real change of %s in %d is %s%%, but its defence at constant prices (sheet %s, cells %s and %s) changed by %s%%",
						rc.t.at(f.ref), rc.aggLabel[group], y, fixed(f.v, 4), dc.t.sheet, a.ref, b.ref, fixed(r, 4))
				}
			}
		}
	}
	imp.count("NATO's aggregates that are ratios against the aggregates they are ratios of", n)
}

// countUnchecked counts the aggregates that are ratios no check compared.
func (imp *importer) countUnchecked() {
	for _, m := range measures {
		s := imp.series[m.key]
		if s == nil || m.additive {
			continue
		}
		for group, ys := range s.aggs {
			for y := range ys {
				if !imp.usedAgg[m.key+"/"+group+"/"+strconv.Itoa(y)] {
					imp.res.Unchecked++
				}
			}
		}
	}
}
