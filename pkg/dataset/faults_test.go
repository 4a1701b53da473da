package dataset

import (
	"strings"
	"testing"
)

// A release header line with a fault, for the top-level fault cases.
func releaseWith(i int, line string) []Source {
	lines := append([]string{}, releaseHead...)
	lines[i-1] = line
	return src(append(lines, "    2024: {gdp_musd: 1}")...)
}

// popRelease is a release of the series given with the cells given.
func popRelease(series string, cells ...string) []Source {
	return src(append([]string{"kind: release", "id: test", "series: " + series, "title: Test", "publisher: Nobody",
		"published: 2026-01", "url: https://example.org/test", "figures:", "  DEU:"}, cells...)...)
}

func countries(lines ...string) []Source {
	return src(append([]string{"kind: countries", "countries:"}, lines...)...)
}

func groups(lines ...string) []Source {
	return src(append([]string{"kind: groups", "groups:"}, lines...)...)
}

func targets(lines ...string) []Source {
	return src(append([]string{"kind: targets", "targets:"}, lines...)...)
}

// hague is a valid target, components on lines 9 and 10.
func hague(pct, c1, c2 string) []Source {
	return targets(
		"  hague:", // 3
		"    name: Hague summit commitment",
		"    pct: "+pct, // 5
		"    deadline: 2035",
		"    citation: The Hague Summit Declaration",
		"    components:", // 8
		"      - "+c1,     // 9
		"      - "+c2,     // 10
	)
}

// TestFaults has one case per fault class: each file has exactly one
// fault, on a known line, and must give exactly one error naming the file,
// that line and the field.
func TestFaults(t *testing.T) {
	tests := []struct {
		name  string
		files []Source
		line  int
		field string
		msg   string
	}{
		// The file as a whole.
		{"empty file", src(""), 0, "", "file is empty (expected a mapping with a kind: key)"},
		{"only comments", src("# nothing", "# here"), 0, "", "file is empty (expected a mapping with a kind: key)"},
		{"only a document marker", src("---"), 0, "", "file is empty (expected a mapping with a kind: key)"},
		{"two documents", src("kind: countries", "countries:", "  POL: {name: Poland}", "---", "kind: groups"), 4, "",
			"more than one YAML document (expected one per file; remove the ---)"},
		{"invalid YAML", countries("  POL: {name: Poland", "  CZE: {name: Czechia}"), 3, "", "invalid YAML: did not find expected ',' or '}'"},
		{"top level a list", src("- kind: countries"), 1, "", "the top level is a list (expected a mapping with a kind: key)"},
		{"kind missing", src("countries:", "  POL: {name: Poland}"), 1, "kind",
			"required field is missing (expected one of: countries, groups, targets, release, aid, aid-packages)"},
		{"kind in another case", src("Kind: countries", "countries:", "  POL: {name: Poland}"), 1, "kind",
			"required field is missing (found Kind at line 1; keys are case-sensitive)"},
		{"kind unknown", src("kind: releases"), 1, "kind", "releases is not a kind of data file (expected one of: countries, groups, targets, release, aid, aid-packages)"},
		{"raw control character", countries("  POL: {name: Poland}", "  CZE: {name: Cz\x1bechia}"), 4, "",
			"column 17: control character U+001B (expected UTF-8 text, without control characters)"},
		{"raw C1 control character", countries("  POL: {name: Poland}", "  CZE: {name: Cz\u009bechia}"), 4, "",
			"column 17: control character U+009B (expected UTF-8 text, without control characters)"},
		{"invalid UTF-8", countries("  POL: {name: Poland}", "  CZE: {name: \xc4\x8cesko, note: \xe8}"), 4, "",
			"column 28: byte 0xE8 is not valid UTF-8 (expected UTF-8 text, without control characters)"},
		{"UTF-16", []Source{{Name: "t.yaml", Data: []byte("\xff\xfek\x00i\x00n\x00d\x00")}}, 1, "",
			"column 1: byte 0xFF is not valid UTF-8 (expected UTF-8 text, without control characters)"},
		{"file too large", []Source{{Name: "t.yaml", Data: make([]byte, MaxFileSize+1)}}, 0, "",
			"file is too large: 67108865 bytes (expected at most 64 MiB)"},

		// Keys.
		{"unknown top-level key", releaseWith(5, "publisher: Nobody\npublisherr: Nobody"), 6, "publisherr",
			"unknown field (expected one of: kind, id, series, title, publisher, published, cutoff, url, source_file, source_sha256, via, price_basis, definition, constant_year, currencies, notes, aggregates, figures)"},
		{"unknown cell key", release("    2024: {gdp_musd: 1, gdp: 2}"), 10, "figures.DEU.2024.gdp",
			"unknown field (expected one of: gdp_musd, defence_musd, share_pct, equipment_pct, resilience_musd, population_m, defence_ncu_m, defence_const_ncu_m, defence_const_musd, gdp_const_musd, real_change_pct, gdp_per_capita_const_kusd, defence_per_capita_const_usd, personnel_k, personnel_pct, infrastructure_pct, other_pct, estimate, note)"},
		{"key in another case", release("    2024: {GDP_musd: 1}"), 10, "figures.DEU.2024.GDP_musd",
			"unknown field (did you mean gdp_musd? keys are case-sensitive)"},
		{"keys differing only in case", countries("  POL:", "    name: Poland", "    Name: Polska"), 5, "countries.POL.Name",
			"unknown field: differs only in case from name at line 4 (keys are case-sensitive; give each field once)"},
		{"duplicate key", countries("  POL:", "    name: Poland", "    nato_since: 1999", "    name: Polska"), 6, "countries.POL.name",
			"duplicate field (first at line 4)"},
		{"duplicate country in a file", countries("  POL: {name: Poland}", "  CZE: {name: Czechia}", "  POL: {name: Polska}"), 5, "countries.POL",
			"defined twice in this file (first at line 3)"},
		{"country code in another case", countries("  POL: {name: Poland}", "  pol: {name: Polska}"), 4, "countries.pol",
			"differs only in case from POL at line 3 (define it once, as POL)"},
		{"lower-case country code", countries("  POL: {name: Poland}", "  cze: {name: Czechia}"), 4, "countries.cze",
			"cze is not a country code (expected three upper-case letters, ISO 3166-1 alpha-3, such as DEU)"},
		{"two-letter country code", release("    2024: {gdp_musd: 1}", "  DE:", "    2024: {gdp_musd: 1}"), 11, "figures.DE",
			"DE is not a country code (expected three upper-case letters, ISO 3166-1 alpha-3, such as DEU)"},
		{"duplicate year", release("    2024: {gdp_musd: 1}", "    2025: {gdp_musd: 2}", "    2024: {gdp_musd: 3}"), 12, "figures.DEU.2024",
			"the year 2024 is listed twice (first at line 10)"},
		{"key that is a mapping", countries("  ? {a: b}", "  : {name: Poland}"), 3, "countries",
			"found a mapping as a key (expected a mapping of country codes to countries)"},
		{"required key missing", releaseWith(5, "# no publisher"), 1, "publisher", "required field is missing"},
		{"country without name", countries("  POL: {name: Poland}", "  CZE: {nato_since: 1999}"), 4, "countries.CZE.name", "required field is missing"},

		// Anchors and aliases.
		{"anchor", countries("  POL: &p {name: Poland}", "  CZE: {name: Czechia}"), 3, "countries.POL",
			"anchor &p: anchors and aliases are not allowed (write the value out in full)"},
		{"alias", countries("  POL: {name: &n Poland}", "  CZE: {name: *n}"), 3, "countries.POL.name",
			"anchor &n: anchors and aliases are not allowed (write the value out in full)"},
		{"alias only", countries("  POL: {name: Poland}", "  CZE: *x"), 4, "",
			"invalid YAML: unknown anchor 'x' referenced"},
		{"anchor in a list", releaseWith(7, "url: https://example.org/test\nnotes: [a, &x b]"), 8, "notes[1]",
			"anchor &x: anchors and aliases are not allowed (write the value out in full)"},

		// Numbers.
		{"quoted number", release(`    2024: {gdp_musd: "12"}`), 10, "figures.DEU.2024.gdp_musd", `"12" is a string (expected a number)`},
		{"single-quoted number", release(`    2024: {gdp_musd: '12'}`), 10, "figures.DEU.2024.gdp_musd", `"12" is a string (expected a number)`},
		{"!!str number", release(`    2024: {gdp_musd: !!str 12}`), 10, "figures.DEU.2024.gdp_musd", `"12" is a string (expected a number)`},
		{"text for a number", release(`    2024: {gdp_musd: twelve}`), 10, "figures.DEU.2024.gdp_musd", `"twelve" is a string (expected a number)`},
		{"hexadecimal", release("    2024: {gdp_musd: 0x10}"), 10, "figures.DEU.2024.gdp_musd", "0x10 is not a plain decimal number"},
		{"octal 0o", release("    2024: {gdp_musd: 0o10}"), 10, "figures.DEU.2024.gdp_musd", "0o10 is not a plain decimal number"},
		{"leading zero", release("    2024: {gdp_musd: 010}"), 10, "figures.DEU.2024.gdp_musd",
			"010: leading zeros are not allowed (YAML 1.1 would read it as octal)"},
		{"leading zero with fraction", release("    2024: {share_pct: 01.5}"), 10, "figures.DEU.2024.share_pct",
			"01.5: leading zeros are not allowed (YAML 1.1 would read it as octal)"},
		{"digit separator", release("    2024: {gdp_musd: 1_000}"), 10, "figures.DEU.2024.gdp_musd",
			"1_000 is not a plain decimal number (digit separators such as _ are not allowed)"},
		{"plus sign", release("    2024: {gdp_musd: +5}"), 10, "figures.DEU.2024.gdp_musd", "+5 is not a plain decimal number (leave out the + sign)"},
		{"trailing dot", release("    2024: {gdp_musd: 5.}"), 10, "figures.DEU.2024.gdp_musd",
			"5. is not a plain decimal number (expected a number such as 1234, 1234.5, -0.25 or 1.5e3)"},
		{"nan", release("    2024: {gdp_musd: .nan}"), 10, "figures.DEU.2024.gdp_musd", ".nan is not a finite number"},
		{"inf", release("    2024: {gdp_musd: .inf}"), 10, "figures.DEU.2024.gdp_musd", ".inf is not a finite number"},
		{"minus inf", release("    2024: {gdp_musd: -.Inf}"), 10, "figures.DEU.2024.gdp_musd", "-.Inf is not a finite number"},
		{"too large for a float64", release("    2024: {gdp_musd: 1e400}"), 10, "figures.DEU.2024.gdp_musd",
			"1e400 is out of range (expected an amount in million USD from 0 to 1000000000)"},
		{"bool for a number", release("    2024: {gdp_musd: true}"), 10, "figures.DEU.2024.gdp_musd", "true is a bool (expected a number)"},
		{"empty number", release("    2024: {gdp_musd: }"), 10, "figures.DEU.2024.gdp_musd",
			"found an empty value (expected a number; leave the key out when the figure is unknown)"},
		{"list for a number", release("    2024: {gdp_musd: [1]}"), 10, "figures.DEU.2024.gdp_musd", "found a list (expected a number)"},
		{"negative money", release("    2024: {defence_musd: -1}"), 10, "figures.DEU.2024.defence_musd",
			"-1 is out of range (expected an amount in million USD from 0 to 1000000000)"},
		{"money too large", release("    2024: {gdp_musd: 1.5e9}"), 10, "figures.DEU.2024.gdp_musd",
			"1.5e9 is out of range (expected an amount in million USD from 0 to 1000000000)"},
		{"percentage too large", release("    2024: {share_pct: 120}"), 10, "figures.DEU.2024.share_pct",
			"120 is out of range (expected a percentage from 0 to 100)"},
		{"negative percentage", release("    2024: {equipment_pct: -0.5}"), 10, "figures.DEU.2024.equipment_pct",
			"-0.5 is out of range (expected a percentage from 0 to 100)"},
		{"defence above GDP", release("    2024: {gdp_musd: 100, defence_musd: 150.5}"), 10, "figures.DEU.2024.defence_musd",
			"150.5 is more than gdp_musd 100 (expected defence spending at most GDP)"},
		{"figure in a gdp series", src("kind: release", "id: test", "series: gdp", "title: Test", "publisher: Nobody",
			"published: 2026-01", "url: https://example.org/test", "figures:", "  DEU:", "    2024: {gdp_musd: 1, share_pct: 2}"),
			10, "figures.DEU.2024.share_pct", "not allowed in a series: gdp release (expected only gdp_musd, estimate and note)"},
		{"population in a defence series", release("    2024: {gdp_musd: 1, population_m: 83.5}"), 10, "figures.DEU.2024.population_m",
			"not allowed in a series: defence release (population_m belongs in a release of series: population)"},
		{"population in a gdp series", popRelease("gdp", "    2024: {gdp_musd: 1, population_m: 83.5}"), 10, "figures.DEU.2024.population_m",
			"not allowed in a series: gdp release (expected only gdp_musd, estimate and note)"},
		{"GDP in a population series", popRelease("population", "    2024: {population_m: 83.5, gdp_musd: 1}"), 10, "figures.DEU.2024.gdp_musd",
			"not allowed in a series: population release (expected only population_m, estimate and note)"},
		{"share in a population series", popRelease("population", "    2024: {share_pct: 2}"), 10, "figures.DEU.2024.share_pct",
			"not allowed in a series: population release (expected only population_m, estimate and note)"},
		{"zero population", popRelease("population", "    2024: {population_m: 0}"), 10, "figures.DEU.2024.population_m",
			"0 is out of range (expected a population in million people from 0.0001 to 10000)"},
		{"negative population", popRelease("population", "    2024: {population_m: -83.5}"), 10, "figures.DEU.2024.population_m",
			"-83.5 is out of range (expected a population in million people from 0.0001 to 10000)"},
		{"population in thousands", popRelease("population", "    2024: {population_m: 83500}"), 10, "figures.DEU.2024.population_m",
			"83500 is out of range (expected a population in million people from 0.0001 to 10000)"},
		{"population not finite", popRelease("population", "    2024: {population_m: .inf}"), 10, "figures.DEU.2024.population_m",
			".inf is not a finite number"},
		{"empty cell", release("    2024: {}"), 10, "figures.DEU.2024",
			"found an empty mapping (expected figures; leave the year out when nothing is known)"},
		{"country without years", release("    2024: {gdp_musd: 1}", "  DNK: {}"), 11, "figures.DNK",
			"found a mapping (expected a mapping of years to figures)"},

		// Years.
		{"year key out of range", release("    1948: {gdp_musd: 1}"), 10, "figures.DEU.1948",
			"1948 is out of range (expected a year from 1949 to 2100)"},
		{"year key not whole", release("    2024.5: {gdp_musd: 1}"), 10, `figures.DEU."2024.5"`,
			"2024.5 is not a whole year (expected a year from 1949 to 2100)"},
		{"quoted year key", release(`    "2024": {gdp_musd: 1}`), 10, "figures.DEU.2024", `"2024" is a string (expected a year from 1949 to 2100)`},
		{"year value too late", countries("  POL: {name: Poland, nato_since: 2101}"), 3, "countries.POL.nato_since",
			"2101 is out of range (expected a year from 1949 to 2100)"},
		{"year value with exponent", countries("  POL: {name: Poland, nato_since: 1.999e3}"), 3, "countries.POL.nato_since",
			"1.999e3 is not a whole year (expected a year from 1949 to 2100)"},
		{"eu_since too early", countries("  POL: {name: Poland, eu_since: 1948}"), 3, "countries.POL.eu_since",
			"1948 is out of range (expected a year from 1949 to 2100)"},
		{"eu_since quoted", countries(`  POL: {name: Poland, eu_since: "2004"}`), 3, "countries.POL.eu_since",
			`"2004" is a string (expected a year from 1949 to 2100)`},
		{"eu_since wrong, eu_left right", countries("  GBR: {name: United Kingdom, eu_since: 1973.5, eu_left: 2020}"), 3, "countries.GBR.eu_since",
			"1973.5 is not a whole year (expected a year from 1949 to 2100)"},
		{"eu_left not whole", countries("  GBR: {name: United Kingdom, eu_since: 1973, eu_left: 2020.1}"), 3, "countries.GBR.eu_left",
			"2020.1 is not a whole year (expected a year from 1949 to 2100)"},
		{"eu_left without eu_since", countries("  GBR:", "    name: United Kingdom", "    eu_left: 2020"), 5, "countries.GBR.eu_left",
			"eu_left without eu_since (expected the year of accession to the EU as well)"},
		{"eu_left before eu_since", countries("  GBR: {name: United Kingdom, eu_since: 1973, eu_left: 1972}"), 3, "countries.GBR.eu_left",
			"1972 is not after eu_since 1973 (expected the first year out of the EU, after the year of accession)"},
		{"eu_left the year of eu_since", countries("  GBR:", "    name: United Kingdom", "    eu_since: 1973", "    eu_left: 1973"), 6, "countries.GBR.eu_left",
			"1973 is not after eu_since 1973 (expected the first year out of the EU, after the year of accession)"},

		// Bools.
		{"yes for a bool", countries("  ITA: {name: Italy, defence_reported: no}"), 3, "countries.ITA.defence_reported",
			"no is not a bool (expected true or false)"},
		{"True for a bool", release("    2024: {gdp_musd: 1, estimate: True}"), 10, "figures.DEU.2024.estimate",
			"True is not a bool (expected true or false)"},
		{"quoted bool", release(`    2024: {gdp_musd: 1, estimate: "true"}`), 10, "figures.DEU.2024.estimate",
			`"true" is a string (expected true or false)`},

		// Dates.
		{"date format", releaseWith(6, "published: 1 March 2026"), 6, "published",
			`"1 March 2026" is not a date (expected YYYY-MM-DD or YYYY-MM)`},
		{"date month", releaseWith(6, "published: 2026-13-01"), 6, "published",
			"2026-13-01: the month 13 is out of range (expected 01 to 12)"},
		{"date day", releaseWith(6, "published: 2026-04-31"), 6, "published",
			"2026-04-31: the day 31 is out of range (expected 01 to 30)"},
		{"date not in a leap year", releaseWith(6, "published: 2025-02-29"), 6, "published",
			"2025-02-29: the day 29 is out of range (expected 01 to 28)"},
		{"date year", releaseWith(6, "published: 1900-01-01"), 6, "published",
			"1900-01-01: the year 1900 is out of range (expected a year from 1949 to 2100)"},
		{"date as a number", releaseWith(6, "published: 20260301"), 6, "published", "20260301 is not a date (expected YYYY-MM-DD or YYYY-MM)"},
		{"date with a time", releaseWith(6, "published: 2026-03-01T10:00:00Z"), 6, "published", "2026-03-01T10:00:00Z is not a date (expected YYYY-MM-DD or YYYY-MM)"},
		{"quoted date", releaseWith(6, `published: "2026-02-29"`), 6, "published", "2026-02-29: the day 29 is out of range (expected 01 to 28)"},
		{"cutoff month only", releaseWith(7, "url: https://example.org/test\ncutoff: 2026-01"),
			8, "cutoff", "2026-01 is not a date (expected YYYY-MM-DD)"},

		// Ids and fixed words.
		{"release id", releaseWith(2, "id: My_Release"), 2, "id", "My_Release is not a release id (expected lower-case letters, digits and -)"},
		{"series", releaseWith(3, "series: defense"), 3, "series", "defense is not a series (expected defence, gdp or population)"},
		{"group id", groups("  nordic_allies: {name: Nordic allies, members: [DNK]}"), 3, "groups.nordic_allies",
			"nordic_allies is not a group id (expected lower-case letters, digits and -)"},
		{"target id a number", targets("  \"2.5\": {name: x, pct: 2.5, citation: c}"), 3, `targets."2.5"`,
			"2.5 is a number (expected a target id that is not a plain number, so that --target 2.5 means 2.5%)"},
		{"target id upper case", targets("  Hague: {name: x, pct: 5, citation: c}"), 3, "targets.Hague",
			"Hague is not a target id (expected lower-case letters, digits, . and -)"},

		// Text.
		{"number for text", releaseWith(4, "title: 2026"), 4, "title", "2026 is a number (expected text; put it in quotes if it is meant as text)"},
		{"bool for text", countries("  NLD: {name: true}"), 3, "countries.NLD.name", "true is a bool (expected text; put it in quotes if it is meant as text)"},
		{"empty text", countries("  NLD: {name: \"  \"}"), 3, "countries.NLD.name", "found empty text (expected some text; leave the key out instead)"},
		{"mapping for text", countries("  NLD: {name: {en: Norway}}"), 3, "countries.NLD.name", "found a mapping (expected text)"},
		{"escape character", countries(`  NLD: {name: "Nor\e[31mway"}`), 3, "countries.NLD.name",
			`"Nor\x1b[31mway" holds the control character U+001B (not allowed in text)`},
		{"NUL", countries(`  NLD: {name: "Nor\0way"}`), 3, "countries.NLD.name",
			`"Nor\x00way" holds the control character U+0000 (not allowed in text)`},
		{"tab", countries(`  NLD: {name: "Nor\tway"}`), 3, "countries.NLD.name",
			`"Nor\tway" holds the control character U+0009 (not allowed in text)`},
		{"DEL", countries(`  NLD: {name: "Nor\x7fway"}`), 3, "countries.NLD.name",
			`"Nor\x7fway" holds the control character U+007F (not allowed in text)`},
		{"C1 CSI", countries(`  NLD: {name: "Nor\x9bway"}`), 3, "countries.NLD.name",
			`"Nor\u009bway" holds the control character U+009B (not allowed in text)`},
		{"newline", countries("  NLD:", "    name: |", "      Nor", "      way"), 4, "countries.NLD.name",
			`"Nor\nway\n" holds the control character U+000A (not allowed in text)`},
		{"custom tag", countries("  NLD: {name: !x Norway}"), 3, "countries.NLD.name", "Norway has the tag !x (expected text without a tag)"},

		// Groups.
		{"group without members", groups("  nordics: {name: Nordic allies, members: []}"), 3, "groups.nordics.members",
			"found a list (expected a non-empty list of country codes)"},
		{"group member twice", groups("  nordics:", "    name: Nordic allies", "    members:", "      - DNK", "      - NOR", "      - DNK"), 8,
			"groups.nordics.members[2]", "DNK is listed twice (also as members[0])"},
		{"group member not a code", groups("  nordics: {name: Nordic allies, members: [DNK, nor]}"), 3, "groups.nordics.members[1]",
			"nor is not a country code (expected three upper-case letters, ISO 3166-1 alpha-3, such as DEU)"},
		{"group member undefined", groups("  nordics:", "    name: Nordic allies", "    members: [DNK,", "      GRL]"), 6,
			"groups.nordics.members[1]", "the group uses the country GRL, which no countries file defines"},
		{"membership unknown", groups("  nordics:", "    name: Nordic allies", "    membership: NATO", "    members: [DNK]"), 5,
			"groups.nordics.membership", "NATO is not a membership rule (expected nato or eu)"},
		{"membership not text", groups("  nordics: {name: Nordic allies, membership: [nato], members: [DNK]}"), 3,
			"groups.nordics.membership", "found a list (expected text)"},
		{"membership nato of a non-ally", groups("  asia:", "    name: Asian donors", "    membership: nato", "    members: [DEU,", "      JPN]"), 7,
			"groups.asia.members[1]", "the group counts its members by year (membership: nato), and the country JPN has no nato_since (expected a nato_since for JPN in its countries file, or JPN left out of the group)"},
		{"membership eu of a non-member", groups("  eu:", "    name: EU", "    membership: eu", "    members: [DEU, NOR]"), 6,
			"groups.eu.members[1]", "the group counts its members by year (membership: eu), and the country NOR has no eu_since (expected a eu_since for NOR in its countries file, or NOR left out of the group)"},

		// Targets.
		{"target pct zero", hague("0", "{id: core, pct: 3.5, basis: core}", "{id: resilience, pct: 1.5, basis: resilience}"), 5, "targets.hague.pct",
			"0 is out of range (expected a percentage greater than 0 and at most 100)"},
		{"components sum", hague("5", "{id: core, pct: 3.5, basis: core}", "{id: resilience, pct: 1, basis: resilience}"), 9, "targets.hague.components",
			"the components add up to 4.5 (expected the target's pct, 5)"},
		{"component basis", hague("5", "{id: core, pct: 3.5, basis: core}", "{id: resilience, pct: 1.5, basis: civil}"), 10, "targets.hague.components[1].basis",
			"civil is not a basis (expected core or resilience)"},
		{"component pct", hague("5", "{id: core, pct: 3.5, basis: core}", "{id: resilience, pct: 1.5%, basis: resilience}"), 10, "targets.hague.components[1].pct",
			`"1.5%" is a string (expected a number)`},
		{"component id twice", hague("5", "{id: core, pct: 3.5, basis: core}", "{id: core, pct: 1.5, basis: resilience}"), 10, "targets.hague.components[1].id",
			"core is used twice (also by components[0])"},
		{"target without citation", targets("  t: {name: x, pct: 2}"), 3, "targets.t.citation", "required field is missing"},
		{"target measure unknown", targets("  t:", "    name: x", "    pct: 2", "    measure: gdp", "    citation: c"), 6, "targets.t.measure",
			"gdp is not a measure (expected share, a percentage of GDP, or equipment, a percentage of defence expenditure)"},
		{"target measure not text", targets("  t: {name: x, pct: 20, measure: [equipment], citation: c}"), 3, "targets.t.measure",
			"found a list (expected text)"},
		{"equipment target with components", targets("  t:", "    name: x", "    pct: 20", "    measure: equipment", "    citation: c",
			"    components:", "      - {id: a, pct: 20, basis: core}"), 8, "targets.t.components",
			"a target of the equipment share of defence expenditure (measure: equipment) has no components (expected components only on a target of the share of GDP)"},

		// Cross-checks.
		{"release country undefined", release("    2024: {gdp_musd: 1}", "  GRL:", "    2024: {gdp_musd: 1}"), 11, "figures.GRL",
			"the release uses the country GRL, which no countries file defines"},
		{"country defined twice", countries("  DEU: {name: Germany}"), 3, "countries.DEU",
			"country DEU is defined twice (also at embedded:countries.yaml:5)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := loadErrs(t, base(t), tc.files)
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.File != "t.yaml" || e.Line != tc.line || e.Field != tc.field || e.Msg != tc.msg {
				t.Errorf("got  %s|%d|%s|%s\nwant %s|%d|%s|%s", e.File, e.Line, e.Field, e.Msg, "t.yaml", tc.line, tc.field, tc.msg)
			}
			if strings.ContainsFunc(e.Error(), func(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f }) {
				t.Errorf("the message holds a control character: %q", e.Error())
			}
		})
	}
}
