package suggest

import (
	"reflect"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Türkiye", "turkiye"},
		{"TÜRKIYE", "turkiye"},
		{"Turkiye", "turkiye"},
		{"  Slovak   Republic\t", "slovak republic"},
		{"İstanbul", "istanbul"},           // Turkish dotted capital I: I + U+0307
		{"Tu\u0308rkiye", "turkiye"},       // already decomposed
		{"Côte d’Ivoire", "cote d’ivoire"}, // marks only: the apostrophe stays
		{"Ørsted", "ørsted"},               // ø is a letter, not o + mark
		{"", ""},
		{"   ", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if Fold("türkiye") != Fold(" TURKIYE ") {
		t.Error("Fold(türkiye) != Fold(TURKIYE)")
	}
}

func TestMaxDistance(t *testing.T) {
	for n, want := range map[int]int{0: 1, 1: 1, 2: 1, 3: 1, 5: 1, 6: 2, 8: 2, 9: 3, 14: 4} {
		if got := MaxDistance(n); got != want {
			t.Errorf("MaxDistance(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"germny", "germany", 2, 1},    // deletion
		{"germnay", "germany", 2, 1},   // transposition
		{"germanyy", "germany", 2, 1},  // insertion
		{"garmany", "germany", 2, 1},   // substitution
		{"due", "deu", 1, 1},           // transposition of a code
		{"kitten", "sitting", 5, 3},    // the classic
		{"ca", "abc", 5, 3},            // OSA, not full Damerau (which gives 2)
		{"abc", "abc", 1, 0},           // equal
		{"", "abc", 5, 3},              // empty
		{"xyzxyzxyz", "germany", 3, 4}, // over the limit: limit+1
		{"a", "abcdefgh", 2, 3},        // lengths alone exceed the limit
	} {
		if got := distance([]rune(c.a), []rune(c.b), c.limit); got != c.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

func countries() *Set {
	s := &Set{}
	for _, c := range [][]string{
		{"DEU", "Germany"},
		{"SVK", "Slovakia", "Slovak Republic"},
		{"SVN", "Slovenia"},
		{"TUR", "Türkiye", "Turkey", "Turkiye"},
		{"GBR", "United Kingdom", "UK", "GB"},
		{"USA", "United States", "US"},
	} {
		code, name := c[0], c[1]
		s.Add(code, code, name+" ("+code+")")
		s.Add(code, name, name+" ("+code+")")
		for _, a := range c[2:] {
			s.Add(code, a, a+" ("+code+")")
		}
	}
	return s
}

func TestNearest(t *testing.T) {
	s := countries()
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Germny", []string{"Germany (DEU)"}},
		{"germnay", []string{"Germany (DEU)"}},
		{"DUE", []string{"Germany (DEU)"}},    // a code: shown with its name
		{"Turky", []string{"Turkey (TUR)"}},   // the alias nearest is shown
		{"Türkye", []string{"Türkiye (TUR)"}}, // diacritics ignored
		{"Slovak Republik", []string{"Slovak Republic (SVK)"}},
		{"Slovkia", []string{"Slovakia (SVK)"}},
		{"Sloveakia", []string{"Slovakia (SVK)"}},
		{"UJ", []string{"UK (GBR)", "US (USA)"}}, // ties, in the order added
		{"Untied States", []string{"United States (USA)"}},
		{"France", nil}, // nothing close
		{"X", nil},
		{"", nil},
		{"germany", []string{"Germany (DEU)"}}, // distance 0 still answers
	} {
		if got := s.Nearest(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Nearest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNearestAtMostThree(t *testing.T) {
	s := Words("ab", "ac", "ad", "ae", "af")
	if got, want := s.Nearest("aa"), []string{"ab", "ac", "ad"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Nearest(aa) = %q, want %q", got, want)
	}
}

func TestNearestHugeInput(t *testing.T) {
	// A megabyte of input is compared by length alone: no suggestion, and
	// no O(n*m) table.
	if got := countries().Nearest(strings.Repeat("Germany", 150000)); got != nil {
		t.Errorf("Nearest(huge) = %q, want nil", got)
	}
}

func TestDidYouMeanAndHint(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"Germany (DEU)"}, "did you mean Germany (DEU)?"},
		{[]string{"UK (GBR)", "US (USA)"}, "did you mean UK (GBR) or US (USA)?"},
		{[]string{"a", "b", "c"}, "did you mean a, b or c?"},
	} {
		if got := DidYouMean(c.in); got != c.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	f := Words("table", "csv", "tsv", "json", "markdown")
	if got, want := hint(f, "jsno", "expected one of: ..."), "did you mean json?"; got != want {
		t.Errorf("Hint(jsno) = %q, want %q", got, want)
	}
	if got, want := hint(f, "CSV", "expected one of: ..."), "did you mean csv?"; got != want {
		t.Errorf("Hint(CSV) = %q, want %q", got, want)
	}
	if got, want := hint(f, "yaml", "expected one of: ..."), "expected one of: ..."; got != want {
		t.Errorf("Hint(yaml) = %q, want %q", got, want)
	}
}

// hint returns "did you mean ...?" for the names of s nearest to input,
// or fallback when none is close.
func hint(s *Set, input, fallback string) string {
	if h := DidYouMean(s.Nearest(input)); h != "" {
		return h
	}
	return fallback
}
