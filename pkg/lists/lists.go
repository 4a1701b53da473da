// Package lists holds the one rule by which natospend splits what a user
// writes for a list (--country, --target, NATOSPEND_GROUP, ...): items are
// separated by a comma, a line break or a tab, surrounding spaces are
// trimmed, and blank items are ignored. Nothing else is ever dropped.
package lists

import "strings"

// IsSeparator reports whether r separates list items: a comma, a line
// break (LF or CR) or a tab.
func IsSeparator(r rune) bool {
	return r == ',' || r == '\n' || r == '\r' || r == '\t'
}

// Split splits each value at every separator and returns the trimmed,
// non-blank items in order.
func Split(values []string) []string {
	var out []string
	for _, v := range values {
		for _, s := range strings.FieldsFunc(v, IsSeparator) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
