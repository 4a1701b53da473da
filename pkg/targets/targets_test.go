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
	got, err := parseShare([]string{"2,3.5", "HAGUE", "rutte-3.7", "2"}, known)
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
	_, err = parseShare([]string{"nato-2015"}, known)
	if err == nil || !strings.Contains(err.Error(), `unknown target "nato-2015"`) || !strings.Contains(err.Error(), "hague, rutte-3.7, uk-2027") {
		t.Errorf("unknown name: %v", err)
	}
	if _, err := parseShare([]string{"", " , "}, known); err == nil {
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
		_, err := parseShare([]string{in}, known)
		if err == nil || err.Error() != want {
			t.Errorf("parseShare(%q): %v, want %s", in, err, want)
		}
	}
}

// TestParseMeasure: the equipment guideline is a share of defence
// spending, not of GDP: the GDP paths (Parse, for --target) refuse it and
// say where it belongs; ParseMeasure for the equipment measure takes it,
// reads a plain percentage as a share of defence spending and refuses the
// targets of the share of GDP.
func TestParseMeasure(t *testing.T) {
	known := map[string]defence.Target{
		"nato-2014":         {ID: "nato-2014", Pct: 2, Deadline: 2024},
		"nato-equipment-20": {ID: "nato-equipment-20", Pct: 20, Measure: defence.MeasureEquipment, Deadline: 2024},
	}
	_, err := parseShare([]string{"2", "nato-equipment-20"}, known)
	if want := `"nato-equipment-20" is a target of the equipment share of defence spending, not of GDP: use --measure equipment`; err == nil || err.Error() != want {
		t.Errorf("Parse: %v, want %s", err, want)
	}
	// The GDP list names only the targets of the share of GDP.
	_, err = parseShare([]string{"wales"}, known)
	if want := `unknown target "wales" (expected a percentage such as 3.5, or one of: nato-2014)`; err == nil || err.Error() != want {
		t.Errorf("Parse: %v, want %s", err, want)
	}

	got, err := ParseMeasure([]string{"NATO-EQUIPMENT-20,25"}, known, defence.MeasureEquipment)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "nato-equipment-20" || got[0].Pct != 20 ||
		got[1].ID != "" || got[1].Pct != 25 || got[1].Measure != defence.MeasureEquipment || got[1].Name != "25% of defence spending on equipment" {
		t.Fatalf("ParseMeasure = %+v", got)
	}
	for in, want := range map[string]string{
		"nato-2014": `"nato-2014" is a target of the share of GDP, not of the equipment share of defence spending: use it without --measure equipment`,
		"120":       `"120" is out of range (expected a percentage of defence spending greater than 0 and at most 100)`,
		"wales":     `unknown target "wales" (expected a percentage of defence spending such as 20, or one of: nato-equipment-20)`,
	} {
		if _, err := ParseMeasure([]string{in}, known, defence.MeasureEquipment); err == nil || err.Error() != want {
			t.Errorf("ParseMeasure(%q): %v, want %s", in, err, want)
		}
	}
	if _, err := ParseMeasure([]string{" , "}, known, defence.MeasureEquipment); err == nil ||
		err.Error() != "no target given (expected a percentage of defence spending such as 20, or one of: nato-equipment-20)" {
		t.Errorf("no target: %v", err)
	}
}

// parseShare resolves values as targets of the share of GDP, as the
// commands' --target does without --measure.
func parseShare(values []string, known map[string]defence.Target) ([]defence.Target, error) {
	return ParseMeasure(values, known, defence.MeasureShare)
}
