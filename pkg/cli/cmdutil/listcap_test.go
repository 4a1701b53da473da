package cmdutil

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// A list flag takes at most MaxListItems items (1000), counted as
// SplitList counts them across every value given; LimitList sets a lower
// cap for one flag. The cap, then one more, for each; Replace (a setting
// given item by item) counts afresh.
func TestListCap(t *testing.T) {
	fl := pflag.NewFlagSet("t", pflag.ContinueOnError)
	var countries, targets []string
	ListVar(fl, &countries, "country", nil, "")
	ListVar(fl, &targets, "target", []string{"2"}, "")
	LimitList(fl, "target", 100, "targets")

	items := func(n int) string { return strings.TrimSuffix(strings.Repeat("DEU,", n), ",") }
	if err := fl.Set("country", items(999)); err != nil {
		t.Fatal(err)
	}
	if err := fl.Set("country", "FRA"); err != nil { // the 1000th
		t.Fatalf("item 1000: %v", err)
	}
	err := fl.Set("country", "POL")
	if !errors.Is(err, ErrTooManyItems) || !strings.Contains(err.Error(), `"POL" brings the list to 1001 items (expected at most 1000`) {
		t.Fatalf("item 1001: %v", err)
	}
	if len(countries) != 2 {
		t.Fatalf("countries holds %d values, want the 2 accepted", len(countries))
	}

	if err := fl.Set("target", items(100)); err != nil {
		t.Fatalf("100 targets: %v", err)
	}
	if err := fl.Set("target", "5"); !errors.Is(err, ErrTooManyItems) || !strings.Contains(err.Error(), "brings the list to 101 targets (expected at most 100") {
		t.Fatalf("101 targets: %v", err)
	}
	sv := fl.Lookup("target").Value.(pflag.SliceValue)
	if err := sv.Replace(strings.Split(items(100), ",")); err != nil {
		t.Fatalf("Replace with 100: %v", err)
	}
	if err := sv.Append("5"); !errors.Is(err, ErrTooManyItems) {
		t.Fatalf("Append the 101st: %v", err)
	}
}
