package cmdutil

import (
	"testing"
)

func TestOutputValidate(t *testing.T) {
	bad := []OutputFlags{
		{Format: "xml"},
		{Format: "csv", Delimiter: ";;"},
		{Format: "csv", Delimiter: "."},
		{Format: "csv", Delimiter: ",", DecimalComma: true},
		{Format: "tsv", Delimiter: ";"},
	}
	for _, o := range bad {
		if err := o.Validate(); err == nil || !IsUsage(err) {
			t.Errorf("%+v: %v, want a usage error", o, err)
		}
	}
	for _, o := range []OutputFlags{{Format: "csv", Delimiter: ";", DecimalComma: true}, {Format: "markdown"}, {Format: "csv", Delimiter: "|"}, {Format: "CSV"}, {Format: "Json"}} {
		if err := o.Validate(); err != nil {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
