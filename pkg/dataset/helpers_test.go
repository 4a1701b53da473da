package dataset

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/defence"
)

// base is the embedded-like countries file most tests load with theirs.
func base(t testing.TB) []Source {
	t.Helper()
	data, err := os.ReadFile("testdata/valid/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return []Source{{Name: "embedded:countries.yaml", Data: data}}
}

// src makes a user source named t.yaml from lines joined by "\n".
func src(lines ...string) []Source {
	return []Source{{Name: "t.yaml", Data: []byte(strings.Join(lines, "\n") + "\n")}}
}

// loadErrs loads and returns the errors, failing if Load returns another
// kind of error or a dataset together with an error.
func loadErrs(t testing.TB, embedded, user []Source) Errors {
	t.Helper()
	ds, err := Load(embedded, user)
	if err == nil {
		return nil
	}
	if ds != nil {
		t.Errorf("Load returned a dataset and an error")
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Load returned %T, want Errors: %v", err, err)
	}
	return es
}

func mustLoad(t testing.TB, embedded, user []Source) *defence.Dataset {
	t.Helper()
	ds, err := Load(embedded, user)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return ds
}

// releaseHead is the provenance of a release: the figures start on line 9
// and its first country's years on line 10.
var releaseHead = []string{
	"kind: release",                 // 1
	"id: test",                      // 2
	"series: defence",               // 3
	"title: Test",                   // 4
	"publisher: Nobody",             // 5
	"published: 2026-01-01",         // 6
	"url: https://example.org/test", // 7
	"figures:",                      // 8
	"  DEU:",                        // 9
}

// release returns a release file whose figures for DEU are cells (line 10 on).
func release(cells ...string) []Source {
	return src(append(append([]string{}, releaseHead...), cells...)...)
}
