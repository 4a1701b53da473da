package testenv

import "testing"

// Pdftotext returns the path of poppler's pdftotext (Debian's
// poppler-utils; CI installs it with .ci/install-pdftotext), with which a
// test reads the text of a PDF back as a reader's copy and paste would;
// without it the test is skipped, or fails when CI is set (CI must run
// it).
func Pdftotext(t testing.TB) string {
	t.Helper()
	return tool(t, "pdftotext", "poppler-utils", ".ci/install-pdftotext")
}
