package render

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestGuardText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"@SUM(1)", "'@SUM(1)"},
		{"+1", "'+1"},
		{"-1+2", "'-1+2"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"\n=1", "'\n=1"},
		{"\x00=1", "'\x00=1"},
		{"Türkiye", "Türkiye"},
		{"", ""},
		{"a=1", "a=1"},
		{" =1", " =1"}, // a leading space is not a trigger
		{"'=1", "'=1"}, // already quoted: unchanged
		{"1-2", "1-2"},
	}
	for _, tt := range tests {
		if got := GuardText(tt.in); got != tt.want {
			t.Errorf("GuardText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// csvTable is the table of the CSV tests; its expected CSV is csvWant.
func csvTable() *Table {
	year := N(2024)
	year.Mark = "*" // marks never reach CSV
	return &Table{
		Title: "not in CSV",
		Columns: []Column{
			{Key: "country", Title: "Country"},
			{Key: "gdp_musd", Title: "GDP $bn", Kind: Money},
			{Key: "spend_pct_gdp", Title: "Spend %", Kind: Percent},
			{Key: "year", Title: "Year", Kind: Int},
			{Key: "estimate", Title: "Est.", Kind: Bool, TrueText: "e"},
		},
		Rows: [][]Cell{
			{T(`Korea, "South"`), N(1474399.48), N(2.58), N(2025), B(true)},
			{T(`=HYPERLINK("http://x","y")`), N(-12.5), U(), year, U()},
			{T("Türkiye"), N(0.1 + 0.2), N(math.Copysign(0, -1)), U(), B(false)},
		},
		Footer: []Cell{T("Total"), N(1474387.28), U(), U(), U()},
		Notes:  []string{"not in CSV either"},
	}
}

const csvWant = `country,gdp_musd,spend_pct_gdp,year,estimate
"Korea, ""South""",1474399.48,2.58,2025,true
"'=HYPERLINK(""http://x"",""y"")",-12.5,,2024,
Türkiye,0.3,0,,false
`

func TestCSV(t *testing.T) {
	tests := []struct {
		name string
		opts CSVOptions
		want string
	}{
		{"default", CSVOptions{}, csvWant},
		{"comma set explicitly", CSVOptions{Comma: ','}, csvWant},
		{"no header", CSVOptions{NoHeader: true}, strings.SplitN(csvWant, "\n", 2)[1]},
		{"BOM", CSVOptions{BOM: true}, "\xef\xbb\xbf" + csvWant},
		{"TSV", CSVOptions{Comma: '\t'}, "country\tgdp_musd\tspend_pct_gdp\tyear\testimate\n" +
			"\"Korea, \"\"South\"\"\"\t1474399.48\t2.58\t2025\ttrue\n" +
			"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\t-12.5\t\t2024\t\n" +
			"Türkiye\t0.3\t0\t\tfalse\n"},
		{"decimal comma with semicolon", CSVOptions{Comma: ';', DecimalComma: true}, "country;gdp_musd;spend_pct_gdp;year;estimate\n" +
			"\"Korea, \"\"South\"\"\";1474399,48;2,58;2025;true\n" +
			"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";-12,5;;2024;\n" +
			"Türkiye;0,3;0;;false\n"},
		// Legal but not what spreadsheets want: numbers become quoted.
		{"decimal comma with comma quotes numbers", CSVOptions{DecimalComma: true}, "country,gdp_musd,spend_pct_gdp,year,estimate\n" +
			"\"Korea, \"\"South\"\"\",\"1474399,48\",\"2,58\",2025,true\n" +
			"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"-12,5\",,2024,\n" +
			"Türkiye,\"0,3\",0,,false\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := CSV(&buf, csvTable(), tt.opts); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestCSVBOMBytes(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, csvTable(), CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if got := buf.Bytes()[:3]; !bytes.Equal(got, []byte{0xEF, 0xBB, 0xBF}) {
		t.Errorf("first bytes = % X, want EF BB BF", got)
	}
	buf.Reset()
	if err := CSV(&buf, csvTable(), CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(buf.Bytes(), []byte{0xEF}) {
		t.Error("BOM written although not asked for")
	}
}

func TestCSVRoundTrip(t *testing.T) {
	for _, comma := range []rune{',', '\t', ';'} {
		var buf bytes.Buffer
		if err := CSV(&buf, csvTable(), CSVOptions{Comma: comma}); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&buf)
		r.Comma = comma
		got, err := r.ReadAll()
		if err != nil {
			t.Fatalf("comma %q: read back: %v", comma, err)
		}
		want := [][]string{
			{"country", "gdp_musd", "spend_pct_gdp", "year", "estimate"},
			{`Korea, "South"`, "1474399.48", "2.58", "2025", "true"},
			{`'=HYPERLINK("http://x","y")`, "-12.5", "", "2024", ""},
			{"Türkiye", "0.3", "0", "", "false"},
		}
		if len(got) != len(want) {
			t.Fatalf("comma %q: %d records, want %d (no footer, no title)", comma, len(got), len(want))
		}
		for i := range want {
			if strings.Join(got[i], "\x1f") != strings.Join(want[i], "\x1f") {
				t.Errorf("comma %q: record %d = %q, want %q", comma, i, got[i], want[i])
			}
		}
		// Numbers come back as the numbers that went in.
		if v, err := strconv.ParseFloat(got[2][1], 64); err != nil || v != -12.5 {
			t.Errorf("comma %q: gdp of row 2 = %q, want -12.5", comma, got[2][1])
		}
	}
}

func TestCSVErrors(t *testing.T) {
	cols := []Column{{Key: "c"}, {Key: "v", Kind: Money}}
	tests := []struct {
		name  string
		table *Table
		want  string
	}{
		{"nil", nil, "nil table"},
		{"no columns", &Table{}, "no columns"},
		{"NaN", &Table{Columns: cols, Rows: [][]Cell{{T("a"), N(math.NaN())}}}, "non-finite"},
		{"Inf", &Table{Columns: cols, Rows: [][]Cell{{T("a"), N(math.Inf(-1))}}}, "non-finite"},
		{"NaN in footer", &Table{Columns: cols, Rows: [][]Cell{{T("a"), N(1)}}, Footer: []Cell{T("t"), N(math.NaN())}}, "footer"},
		{"short row", &Table{Columns: cols, Rows: [][]Cell{{T("a")}}}, "row 1 has 1 cells, want 2"},
		{"long footer", &Table{Columns: cols, Footer: []Cell{T("a"), U(), U()}}, "footer has 3 cells"},
		{"text in number column", &Table{Columns: cols, Rows: [][]Cell{{T("a"), T("n/a")}}}, `text "n/a" in a money column`},
		{"bad kind", &Table{Columns: []Column{{Key: "x", Kind: Kind(9)}}}, "unknown kind"},
		{"bad delimiter", &Table{Columns: cols, Rows: [][]Cell{{T("a"), N(1)}}}, "csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			o := CSVOptions{}
			if tt.name == "bad delimiter" {
				o.Comma = '"'
			}
			err := CSV(&buf, tt.table, o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %q despite the error", buf.String())
			}
		})
	}
}

// A NaN in an unknown cell is not a number at all and is fine.
func TestCSVUnknownNaNIgnored(t *testing.T) {
	var buf bytes.Buffer
	tb := &Table{Columns: []Column{{Key: "v", Kind: Number}}, Rows: [][]Cell{{{Num: math.NaN()}}}}
	if err := CSV(&buf, tb, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "v\n\n" {
		t.Errorf("got %q", got)
	}
}

func isFormulaStart(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r\n\x00", s[0]) >= 0
}

// hostileStrings returns many strings, built from formula triggers and
// harmless characters, plus pseudo-random ones (fixed seed).
func hostileStrings() []string {
	prefixes := []string{"", "=", "+", "-", "@", "\t", "\r", "\n", "\x00", "'", " ", "a", "1", "Ü", "==", "-+", "\"=", ",="}
	suffixes := []string{"", "1+1", "SUM(A1)", `cmd|' /C calc'!A0`, `HYPERLINK("http://x","y")`, "\"", ",", "\n=2", "Türkiye"}
	var out []string
	for _, p := range prefixes {
		for _, s := range suffixes {
			out = append(out, p+s)
		}
	}
	alphabet := []rune("=+-@\t\r\n\x00'\" ,;a1Ü€.|")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		r := make([]rune, rng.IntN(6))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		out = append(out, string(r))
	}
	return out
}

func TestGuardTextProperty(t *testing.T) {
	for _, s := range hostileStrings() {
		checkGuard(t, s)
	}
}

func checkGuard(t *testing.T, s string) {
	t.Helper()
	g := GuardText(s)
	if isFormulaStart(g) {
		t.Fatalf("GuardText(%q) = %q starts with a formula character", s, g)
	}
	want := s
	if isFormulaStart(s) {
		want = "'" + s
	}
	if g != want {
		t.Fatalf("GuardText(%q) = %q, want %q", s, g, want)
	}
}

// Through a whole CSV round trip: text cells come back guarded, number
// cells come back unguarded and equal to the value rounded to 6 decimals.
func TestCSVProperty(t *testing.T) {
	strs := hostileStrings()
	rng := rand.New(rand.NewPCG(3, 4))
	nums := []float64{0, math.Copysign(0, -1), -12.5, 1e21, -1e21, 0.1 + 0.2, -1e-7, 5e-324, -5e-324, 1e9 - 0.5, -1e15 - 0.25}
	for range len(strs) - len(nums) {
		v := rng.NormFloat64() * math.Pow(10, float64(rng.IntN(16)-6))
		nums = append(nums, v)
	}
	tb := &Table{Columns: []Column{{Key: "name"}, {Key: "gap_musd", Kind: Money}, {Key: "pct", Kind: Percent}}}
	for i, s := range strs {
		tb.Rows = append(tb.Rows, []Cell{T(s), N(nums[i]), N(-nums[i])})
	}
	for _, comma := range []rune{',', '\t'} {
		var buf bytes.Buffer
		if err := CSV(&buf, tb, CSVOptions{Comma: comma, NoHeader: true}); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&buf)
		r.Comma = comma
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(strs) {
			t.Fatalf("%d records, want %d", len(recs), len(strs))
		}
		for i, rec := range recs {
			// encoding/csv's reader turns \r\n inside quotes into \n.
			wantText := strings.ReplaceAll(GuardText(strs[i]), "\r\n", "\n")
			if rec[0] != wantText {
				t.Errorf("row %d text = %q, want %q", i, rec[0], wantText)
			}
			if isFormulaStart(rec[0]) {
				t.Errorf("row %d text %q starts with a formula character", i, rec[0])
			}
			for j, v := range []float64{nums[i], -nums[i]} {
				f := rec[j+1]
				if f != FormatMachine(v, false) || strings.HasPrefix(f, "'") || strings.HasPrefix(f, "+") {
					t.Errorf("row %d: number %v printed as %q, want %q", i, v, f, FormatMachine(v, false))
				}
				got, err := strconv.ParseFloat(f, 64)
				if err != nil {
					t.Errorf("row %d: %q is not a number: %v", i, f, err)
					continue
				}
				if d := math.Abs(got - v); d > 5e-7+1e-15*math.Abs(v) {
					t.Errorf("row %d: %q is %v away from %v", i, f, d, v)
				}
			}
		}
	}
}

func FuzzGuardText(f *testing.F) {
	for _, s := range []string{
		`=HYPERLINK("http://x","y")`, "@SUM(1)", "+1", "-1+2", "\t=1", "\r=1", "\n=1", "\x00=1",
		"Türkiye", "", "'=1", " =1", `=cmd|' /C calc'!A0`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkGuard(t, s)
	})
}
