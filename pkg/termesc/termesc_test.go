package termesc

import (
	"bytes"
	"testing"
)

func TestEscapeTerminal(t *testing.T) {
	tests := []struct {
		in, cell, text string
	}{
		{"Germany", "Germany", "Germany"},
		{"Türkiye €", "Türkiye €", "Türkiye €"},
		{"\x1b[31mRed\x1b[0m", `\x1b[31mRed\x1b[0m`, `\x1b[31mRed\x1b[0m`},
		{"bell\x07", `bell\x07`, `bell\x07`},
		{"a\nb\tc", `a\nb\tc`, "a\nb\tc"}, // messages keep their layout
		{"over\rwrite", `over\rwrite`, `over\rwrite`},
		{"del\x7f", `del\x7f`, `del\x7f`},
		{"csi\u009b2J", `csi\u009b2J`, `csi\u009b2J`},
		{"evil\u202egnp.exe", `evil\u202egnp.exe`, `evil\u202egnp.exe`},
		{"\u2066iso\u2069 \u200emark\u200f \u061c", `\u2066iso\u2069 \u200emark\u200f \u061c`, `\u2066iso\u2069 \u200emark\u200f \u061c`},
		{"line\u2028sep", `line\u2028sep`, `line\u2028sep`},
		{"bad\xffutf8\xc3", `bad\xffutf8\xc3`, `bad\xffutf8\xc3`},
		{`back\slash`, `back\slash`, `back\slash`}, // printable: left alone
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.cell {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.cell)
		}
		if got := Text(tt.in); got != tt.text {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
		}
	}
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, s := range []string{"natospend: \"\x1b]0;pwned\x07\" is not a country\n", "clean \\x1b stays\n", "\u202eabc\tdef\n"} {
		n, err := w.Write([]byte(s))
		if err != nil || n != len(s) {
			t.Fatalf("Write(%q) = %d, %v; want %d, nil", s, n, err, len(s))
		}
	}
	want := "natospend: \"\\x1b]0;pwned\\x07\" is not a country\nclean \\x1b stays\n\\u202eabc\tdef\n"
	if buf.String() != want {
		t.Errorf("wrote %q, want %q", buf.String(), want)
	}
}
