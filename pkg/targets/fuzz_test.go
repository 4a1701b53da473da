package targets

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/golit"
	"github.com/natospend/natospend/pkg/lists"
	"github.com/natospend/natospend/pkg/snapshot"
)

// pctSeeds are values of --target from the docs and tests, and hostile ones.
var pctSeeds = []string{
	"2", "3.7", "3.5%", " 5 ", ".5", "100", "2.", "0", "-1", "+3", "100.01", "1e2", "0x10", "0b1", "010",
	"NaN", "Inf", "-Inf", "infinity", "", "%", "%%", "3.5%%", "2,5", "2.5.1", "1_000", "٣", "３",
	"0.0000000000000000000000000000000000000000001", "99.99999999999999999999", strings.Repeat("9", 400),
	"\x00", "2\n", "\t2\t", "2 %", "hague", "HAGUE", "rutte-3.7", "nato-2014,uk-2027", "2,,3", " , ",
}

// plainPct is the text ParsePct accepts: digits with at most one '.', and
// a digit after it or before it.
func plainPct(t string) bool {
	dot, digits := false, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && !strings.HasSuffix(t, ".")
}

// FuzzParsePct: ParsePct accepts exactly the plain decimals greater than 0
// and at most 100 (with an optional "%" and surrounding space), returns
// the value strconv reads, and FormatPct gives text it reads back to the
// same value; every rejection quotes the value given.
func FuzzParsePct(f *testing.F) {
	for _, s := range pctSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParsePct(s)
		text := strings.TrimSuffix(strings.TrimSpace(s), "%")
		if err != nil {
			if !strings.Contains(err.Error(), strconv.Quote(s)) {
				t.Fatalf("ParsePct(%q): the error %q does not quote the value", s, err)
			}
			if plainPct(text) {
				if x, perr := strconv.ParseFloat(text, 64); perr == nil && x > 0 && x <= 100 {
					t.Fatalf("ParsePct(%q) refused %v: %v", s, x, err)
				}
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || v > 100 {
			t.Fatalf("ParsePct(%q) = %v, out of range", s, v)
		}
		if !plainPct(text) {
			t.Fatalf("ParsePct(%q) = %v: accepted text that is not a plain decimal", s, v)
		}
		if x, _ := strconv.ParseFloat(text, 64); x != v {
			t.Fatalf("ParsePct(%q) = %v, strconv reads %v", s, v, x)
		}
		for _, again := range []string{FormatPct(v), FormatPct(v) + "%"} {
			if w, err := ParsePct(again); err != nil || w != v {
				t.Fatalf("ParsePct(%q) = %v; ParsePct(%q) = %v, %v", s, v, again, w, err)
			}
		}
	})
}

// FuzzParseTargets: Parse, with the named targets of the embedded data,
// returns at least one target, each either a named one exactly as the
// data defines it or a percentage ParsePct accepts, none twice, in the
// order first given, and parsing their canonical names gives them again;
// a rejection says there is no target or quotes the value at fault.
func FuzzParseTargets(f *testing.F) {
	for _, s := range pctSeeds {
		f.Add(s, "2")
	}
	f.Add("2,3.5", "HAGUE,rutte-3.7,2")
	f.Add("nato-2015", "")
	f.Add("nato-equipment-20", "2")
	f.Add(" ,", ",")
	known := snapshot.Dataset().Targets
	f.Fuzz(func(t *testing.T, a, b string) {
		values := []string{a, b}
		got, err := parseShare(values, known)
		items := lists.Split(values)
		if err != nil {
			msg := err.Error()
			if len(items) == 0 {
				if !strings.HasPrefix(msg, "no target given") {
					t.Fatalf("parseShare(%q): %q, want no target given", values, msg)
				}
				return
			}
			for _, s := range items {
				if strings.Contains(msg, strconv.Quote(s)) {
					return
				}
			}
			t.Fatalf("parseShare(%q): the error %q quotes none of the values", values, msg)
		}
		if len(got) == 0 || len(got) > len(items) {
			t.Fatalf("parseShare(%q) = %d targets from %d values", values, len(got), len(items))
		}
		seen := map[string]bool{}
		var canon []string
		for _, tg := range got {
			key := tg.ID + "|" + strconv.FormatFloat(tg.Pct, 'g', -1, 64)
			if seen[key] {
				t.Fatalf("parseShare(%q): %s twice", values, key)
			}
			seen[key] = true
			if tg.ID != "" {
				if d := golit.Diff(tg, known[tg.ID]); d != "" {
					t.Fatalf("parseShare(%q): target %s differs from the data at %s", values, tg.ID, d)
				}
				canon = append(canon, tg.ID)
				continue
			}
			if tg.Pct <= 0 || tg.Pct > 100 || tg.Name != FormatPct(tg.Pct)+"% of GDP" {
				t.Fatalf("parseShare(%q): percentage target %+v", values, tg)
			}
			canon = append(canon, FormatPct(tg.Pct))
		}
		again, err := parseShare([]string{strings.Join(canon, ",")}, known)
		if err != nil {
			t.Fatalf("parseShare(%q) = %v; its canonical form %q fails: %v", values, got, canon, err)
		}
		if d := golit.Diff(again, got); d != "" {
			t.Fatalf("parseShare(%q): parsing the canonical form %q differs at %s", values, canon, d)
		}
	})
}
