package testenv

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Xmllint returns the path of libxml2's xmllint (Debian's libxml2-utils;
// CI installs it with .ci/install-xmllint); without it the test is
// skipped, or fails when CI is set (CI must run it).
func Xmllint(t testing.TB) string {
	t.Helper()
	return tool(t, "xmllint", "libxml2-utils", ".ci/install-xmllint")
}

// JUnitSchema is the path of the project's XML Schema of JUnit reports
// (internal/testenv/junit.xsd).
func JUnitSchema() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "junit.xsd")
}

// ValidateJUnit validates the JUnit XML file at path against JUnitSchema
// with xmllint, and fails the test with xmllint's words if it is not valid.
func ValidateJUnit(t testing.TB, path string) {
	t.Helper()
	out, err := exec.Command(Xmllint(t), "--noout", "--schema", JUnitSchema(), path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "validates") {
		t.Errorf("xmllint --schema junit.xsd %s: %v\n%s", path, err, out)
	}
}
