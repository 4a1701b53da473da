// Package testenv is for tests only: it finds the shared reference tables
// (NATO's and the IMF's tables that data/ is generated from, kept beside
// the clone) and says whether the tests run in CI, where a test that
// needs them must fail rather than skip.
package testenv

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// SharedEnv names the variable that points at the shared data folder
// (.ci/run sets it).
const SharedEnv = "NATOSPEND_SHARED"

// CI reports whether the tests run in CI: $CI is set, and not "0" or
// "false" (.ci/run sets it).
func CI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "0" && v != "false"
}

// SharedDir returns the folder of the shared reference tables that holds
// every named file (such as "nato_defence_expenditure.csv"): $NATOSPEND_SHARED
// when set, else shared/data beside the clone (the folder above the module
// root). When it is not found the test is skipped, or fails when CI is
// set; a $NATOSPEND_SHARED without the files always fails the test.
func SharedDir(t testing.TB, files ...string) string {
	t.Helper()
	if dir := os.Getenv(SharedEnv); dir != "" {
		if missing := missingFiles(dir, files); missing != "" {
			t.Fatalf("$%s=%s: %s", SharedEnv, dir, missing)
		}
		return dir
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "data")
	missing := missingFiles(dir, files)
	if missing == "" {
		return dir
	}
	msg := "shared reference tables not found: " + missing + "; set " + SharedEnv + " to the folder that holds them"
	if CI() {
		t.Fatalf("%s (CI is set: this test must run)", msg)
	}
	t.Skip(msg)
	return ""
}

// missingFiles says which of the files dir lacks, or "".
func missingFiles(dir string, files []string) string {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "no folder " + dir
	}
	var missing []string
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		return dir + " lacks " + strings.Join(missing, ", ")
	}
	return ""
}

// moduleRoot returns the folder of the go.mod above the working directory
// (a test's working directory is its package's folder).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testenv: no go.mod above the working directory")
		}
		dir = parent
	}
}
