package targets

import (
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

var known = map[string]defence.Target{
	"hague":     {ID: "hague", Pct: 5, Deadline: 2035},
	"uk-2027":   {ID: "uk-2027", Pct: 2.5, Deadline: 2027},
	"rutte-3.7": {ID: "rutte-3.7", Pct: 3.7},
}

func TestParsePct(t *testing.T) {
	good := map[string]float64{"2": 2, "3.7": 3.7, "3.5%": 3.5, " 5 ": 5, ".5": 0.5, "100": 100}
	for in, want := range good {
		got, err := ParsePct(in)
		if err != nil || got != want {
			t.Errorf("ParsePct(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"0", "-1", "100.01", "abc", "1e2", "0x10", "NaN", "Inf", "", "%", "2,5", "+3"} {
		if _, err := ParsePct(in); err == nil {
			t.Errorf("ParsePct(%q): no error", in)
		}
	}
}

func TestParse(t *testing.T) {
	got, err := Parse([]string{"2,3.5", "HAGUE", "rutte-3.7", "2"}, known)
	if err != nil {
		t.Fatal(err)
	}
	// 2 given twice is kept once; names match ignoring case.
	want := []struct {
		id  string
		pct float64
	}{{"", 2}, {"", 3.5}, {"hague", 5}, {"rutte-3.7", 3.7}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].ID != w.id || got[i].Pct != w.pct {
			t.Errorf("target %d = %s %v, want %s %v", i, got[i].ID, got[i].Pct, w.id, w.pct)
		}
	}
	_, err = Parse([]string{"nato-2015"}, known)
	if err == nil || !strings.Contains(err.Error(), `unknown target "nato-2015"`) || !strings.Contains(err.Error(), "hague, rutte-3.7, uk-2027") {
		t.Errorf("unknown name: %v", err)
	}
	if _, err := Parse([]string{"", " , "}, known); err == nil {
		t.Error("no target: no error")
	}
}

// TestParseDidYouMean: a misspelt target name gets the nearest names
// (issue 11), else the list of them.
func TestParseDidYouMean(t *testing.T) {
	known := map[string]defence.Target{
		"hague":     {ID: "hague", Pct: 5},
		"rutte-3.7": {ID: "rutte-3.7", Pct: 3.7},
		"uk-2027":   {ID: "uk-2027", Pct: 2.5},
	}
	for in, want := range map[string]string{
		"hauge":  `unknown target "hauge": did you mean hague?`,
		"HAUGE":  `unknown target "HAUGE": did you mean hague?`,
		"ruttte": `unknown target "ruttte" (expected a percentage such as 3.5, or one of: hague, rutte-3.7, uk-2027)`,
		"uk2027": `unknown target "uk2027": did you mean uk-2027?`,
		"nato":   `unknown target "nato" (expected a percentage such as 3.5, or one of: hague, rutte-3.7, uk-2027)`,
	} {
		_, err := Parse([]string{in}, known)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q): %v, want %s", in, err, want)
		}
	}
}
