package lists

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{nil, nil},
		{[]string{""}, nil},
		{[]string{" , ,\n\t"}, nil},
		{[]string{"DEU,SVN"}, []string{"DEU", "SVN"}},
		// A line break, a CR LF or a tab separates items as a comma does.
		{[]string{"DEU\nSVN"}, []string{"DEU", "SVN"}},
		{[]string{"DEU\r\nSVN\r\n"}, []string{"DEU", "SVN"}},
		{[]string{"DEU\tSVN"}, []string{"DEU", "SVN"}},
		// Repeated values add up; spaces inside an item stay.
		{[]string{" Czech Republic ,", "North Macedonia\nUK"}, []string{"Czech Republic", "North Macedonia", "UK"}},
		{[]string{"2", "3.5,5"}, []string{"2", "3.5", "5"}},
	}
	for _, tt := range tests {
		if got := Split(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
