// Package targets turns what a user writes after --target into targets:
// a percentage of GDP ("3.7", "3.7%") or the id of a named target from
// the data ("hague", "uk-2027").
package targets

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/natospend/natospend/pkg/defence"
	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/suggest"
)

var plainNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$|^\.[0-9]+$`)

// ParsePct parses a percentage of GDP: a plain decimal greater than 0 and at
// most 100, optionally followed by "%".
func ParsePct(s string) (float64, error) {
	t := strings.TrimSuffix(strings.TrimSpace(s), "%")
	if !plainNumber.MatchString(t) {
		return 0, fmt.Errorf("%q is not a percentage (expected a number such as 3.5)", s)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a percentage (expected a number such as 3.5)", s)
	}
	if v <= 0 || v > 100 {
		return 0, fmt.Errorf("%q is out of range (expected a percentage of GDP greater than 0 and at most 100)", s)
	}
	return v, nil
}

// Parse resolves each value to a target: a named target of known (matched
// by id, ignoring case), or a percentage. A value may hold several,
// separated by commas, line breaks or tabs (pkg/lists). Targets with the
// same percentage and id are kept once, in the order first given.
func Parse(values []string, known map[string]defence.Target) ([]defence.Target, error) {
	var out []defence.Target
	seen := map[string]bool{}
	for _, s := range lists.Split(values) {
		t, err := parseOne(s, known)
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
		return nil, fmt.Errorf("no target given (expected a percentage such as 3.5, or one of: %s)", strings.Join(Names(known), ", "))
	}
	return out, nil
}

func parseOne(s string, known map[string]defence.Target) (defence.Target, error) {
	if t, ok := known[strings.ToLower(s)]; ok {
		return t, nil
	}
	first := s[0]
	if (first >= '0' && first <= '9') || first == '.' || first == '-' || first == '+' {
		pct, err := ParsePct(s)
		if err != nil {
			return defence.Target{}, err
		}
		return defence.Target{Pct: pct, Name: FormatPct(pct) + "% of GDP"}, nil
	}
	if h := suggest.DidYouMean(suggest.Words(Names(known)...).Nearest(s)); h != "" {
		return defence.Target{}, fmt.Errorf("unknown target %q: %s", s, h)
	}
	return defence.Target{}, fmt.Errorf("unknown target %q (expected a percentage such as 3.5, or one of: %s)", s, strings.Join(Names(known), ", "))
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

// FormatPct prints a percentage the shortest way: 2, 2.5, 3.7.
func FormatPct(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Label names a target for a header: "3.7%" or "hague 5%".
func Label(t defence.Target) string {
	if t.ID == "" {
		return FormatPct(t.Pct) + "%"
	}
	return t.ID + " " + FormatPct(t.Pct) + "%"
}
