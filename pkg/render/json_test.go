package render

import (
	"bytes"
	"math"
	"testing"
)

func TestJSON(t *testing.T) {
	type country struct {
		Code string `json:"code"`
	}
	type envelope struct {
		SchemaVersion int       `json:"schema_version"`
		Note          string    `json:"note"`
		Nil           []country `json:"nil_slice"`
		Empty         []country `json:"empty_slice"`
		Rows          []country `json:"rows"`
	}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{
			"envelope",
			envelope{
				SchemaVersion: 1,
				Note:          "<b>R&D</b> > 2%",
				Nil:           nil,         // encodes as null: callers must not do this
				Empty:         []country{}, // encodes as []: what callers must pass
				Rows:          []country{{"DEU"}, {"MKD"}},
			},
			`{
  "schema_version": 1,
  "note": "<b>R&D</b> > 2%",
  "nil_slice": null,
  "empty_slice": [],
  "rows": [
    {
      "code": "DEU"
    },
    {
      "code": "MKD"
    }
  ]
}
`,
		},
		{"number", 2.58, "2.58\n"},
		{"empty slice", []int{}, "[]\n"},
		{"nil slice", []int(nil), "null\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, tt.v); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestJSONNaN(t *testing.T) {
	var buf bytes.Buffer
	err := JSON(&buf, map[string]float64{"gap": math.NaN()})
	if err == nil {
		t.Fatal("no error for NaN")
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q despite the error", buf.String())
	}
}
