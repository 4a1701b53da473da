// Package targets turns what a user writes after --target into targets:
// a percentage of GDP ("3.7", "3.7%") or the id of a named target from
// the data ("hague", "uk-2027"); with the equipment measure
// (ParseMeasure), a percentage of defence spending on equipment or a
// named target of that measure ("nato-equipment-20").
package targets

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/suggest"
)

// isPlainNumber reports whether s is a plain decimal: digits with an
// optional fraction ("3", "3.5"), or a fraction alone (".5"); the regular
// expression ^[0-9]+(\.[0-9]+)?$|^\.[0-9]+$, written out so that no
// expression is compiled on every run (FuzzParsePct holds them equal).
func isPlainNumber(s string) bool {
	whole, frac, dot := strings.Cut(s, ".")
	return (whole != "" || dot) && allDigits(whole) && (!dot || frac != "" && allDigits(frac))
}

// allDigits reports whether s is ASCII digits only ("" is).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParsePct parses a percentage of GDP: a plain decimal greater than 0 and at
// most 100, optionally followed by "%".
func ParsePct(s string) (float64, error) { return parsePct(s, "GDP") }

// parsePct parses a percentage of what of names (GDP, defence expenditure).
func parsePct(s, of string) (float64, error) {
	t := strings.TrimSuffix(strings.TrimSpace(s), "%")
	if !isPlainNumber(t) {
		return 0, fmt.Errorf("%q is not a percentage (expected a number such as 3.5)", s)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a percentage (expected a number such as 3.5)", s)
	}
	if v <= 0 || v > 100 {
		return 0, fmt.Errorf("%q is out of range (expected a percentage of %s greater than 0 and at most 100)", s, of)
	}
	return v, nil
}

// Max is the most targets a command takes at once (items of --target,
// before duplicates are dropped): each target is a row per country and
// year, and a run's rows take memory before any is written. The --target
// flag refuses more however it is given (cmdutil.LimitList), and so does
// ParseMeasure.
const Max = 100

// ParseMeasure resolves each value to a target of one measure: a named
// target of known (matched by id, ignoring case), or a percentage, of GDP
// for defence.MeasureShare, of defence expenditure spent on major
// equipment for defence.MeasureEquipment. A value may hold several,
// separated by commas, line breaks or tabs (pkg/lists). Targets with the
// same percentage and id are kept once, in the order first given. A named
// target of the other measure is refused with a message that says where
// it belongs (nato-equipment-20 belongs to --measure equipment).
func ParseMeasure(values []string, known map[string]defence.Target, measure string) ([]defence.Target, error) {
	var out []defence.Target
	seen := map[string]bool{}
	items := lists.Split(values)
	if len(items) > Max {
		return nil, fmt.Errorf("%d targets given (expected at most %d)", len(items), Max)
	}
	for _, s := range items {
		t, err := parseOne(s, known, measure)
		if err != nil {
			return nil, err
		}
		key := t.ID + "|" + strconv.FormatFloat(t.Pct, 'g', -1, 64)
		if !seen[key] {
			seen[key] = true
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no target given (expected %s, or one of: %s)", example(measure), strings.Join(NamesOf(known, measure), ", "))
	}
	return out, nil
}

// example is a percentage target of the measure, for messages.
func example(measure string) string {
	if measure == defence.MeasureEquipment {
		return "a percentage of defence spending such as 20"
	}
	return "a percentage such as 3.5"
}

func parseOne(s string, known map[string]defence.Target, measure string) (defence.Target, error) {
	if t, ok := known[strings.ToLower(s)]; ok {
		switch {
		case t.Measure == measure:
			return t, nil
		case t.OfDefence():
			return defence.Target{}, fmt.Errorf("%q is a target of the equipment share of defence spending, not of GDP: use --measure equipment", s)
		default:
			return defence.Target{}, fmt.Errorf("%q is a target of the share of GDP, not of the equipment share of defence spending: use it without --measure equipment", s)
		}
	}
	first := s[0]
	if (first >= '0' && first <= '9') || first == '.' || first == '-' || first == '+' {
		if measure == defence.MeasureEquipment {
			pct, err := parsePct(s, "defence spending")
			if err != nil {
				return defence.Target{}, err
			}
			return defence.Target{Pct: pct, Measure: measure, Name: FormatPct(pct) + "% of defence spending on equipment"}, nil
		}
		pct, err := ParsePct(s)
		if err != nil {
			return defence.Target{}, err
		}
		return defence.Target{Pct: pct, Name: FormatPct(pct) + "% of GDP"}, nil
	}
	// A misspelt name of either measure is suggested: the suggestion, if
	// of the other measure, then says where it belongs.
	if h := suggest.DidYouMean(suggest.Words(Names(known)...).Nearest(s)); h != "" {
		return defence.Target{}, fmt.Errorf("unknown target %q: %s", s, h)
	}
	return defence.Target{}, fmt.Errorf("unknown target %q (expected %s, or one of: %s)", s, example(measure), strings.Join(NamesOf(known, measure), ", "))
}

// Names lists the ids of the known targets, sorted.
func Names(known map[string]defence.Target) []string {
	out := make([]string, 0, len(known))
	for id := range known {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// NamesOf lists the ids of the known targets of one measure
// (defence.MeasureShare or defence.MeasureEquipment), sorted.
func NamesOf(known map[string]defence.Target, measure string) []string {
	out := make([]string, 0, len(known))
	for id, t := range known {
		if t.Measure == measure {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// FormatPct prints a percentage the shortest way: 2, 2.5, 3.7.
func FormatPct(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Label names a target for a header: "3.7%" or "hague 5%".
func Label(t defence.Target) string {
	if t.ID == "" {
		return FormatPct(t.Pct) + "%"
	}
	return t.ID + " " + FormatPct(t.Pct) + "%"
}
