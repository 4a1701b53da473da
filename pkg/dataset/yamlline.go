package dataset

import (
	"bytes"
	"strings"
)

// unprefixedLine returns the line of a yaml.v3 error that does not start
// with "line N: ". yaml.v3 leaves the line out when its marks are on the
// first line (line 0 to it), so that is line 1, except for an alias to an
// anchor never defined, which has no mark: its line is found in data.
func unprefixedLine(msg string, data []byte) int {
	name, ok := strings.CutPrefix(msg, "unknown anchor '")
	if name, ok2 := strings.CutSuffix(name, "' referenced"); ok && ok2 {
		return aliasLine(data, name)
	}
	return 1
}

// aliasLine returns the line of the first "*name" that stands as an alias:
// after a space, a flow indicator or the start of a line, and followed by
// the end of the name. It returns 1 if there is none.
func aliasLine(data []byte, name string) int {
	alias := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(data[off:], alias)
		if i < 0 {
			return 1
		}
		i += off
		end := i + len(alias)
		before := i == 0 || bytes.IndexByte([]byte(" \t\n\r[{,:-?"), data[i-1]) >= 0
		after := end == len(data) || bytes.IndexByte([]byte(" \t\n\r]},"), data[end]) >= 0
		if before && after {
			return 1 + bytes.Count(data[:i], []byte{'\n'})
		}
		off = i + 1
	}
}
