package dataset

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestTextCaps: each cap at its boundary, in the kinds of file that have
// it. A text of exactly the cap loads; one more character is refused with
// file:line: field and the cap. Characters, not bytes: the cap of "ü"
// (two bytes each) loads. Before the caps, only names had one: a 2 MiB
// release title or aid-package purpose loaded, and cost gigabytes in
// releases and aid packages.
func TestTextCaps(t *testing.T) {
	pkg := func(k, v string) []Source { return pkgsFile(okPkg(k, v)...) }
	// rel replaces line n (1-based) of a release file with DEU 2024 cells.
	rel := func(n int, line string, more ...string) []Source {
		lines := append(append([]string{}, releaseHead...), "    2024: {share_pct: 2}")
		lines[n-1] = line
		return src(append(lines, more...)...)
	}
	aidFileWith := func(n int, line string) []Source {
		lines := append(append([]string{}, aidHead...), "  DNK: {total_meur: 1}")
		if n == len(lines)+1 { // a key before donors
			return aidSrc([]string{line}, "  DNK: {total_meur: 1}")
		}
		lines[n-1] = line
		return src(lines...)
	}
	tests := []struct {
		name  string
		cap   TextCap
		text  func(n int) string // a valid text of n characters
		files func(s string) []Source
		line  int
		field string
	}{
		{"release id", CapLabel, ascii('a'), func(s string) []Source { return rel(2, "id: "+s) }, 2, "id"},
		{"release title", CapTitle, ascii('T'), func(s string) []Source { return rel(4, "title: "+s) }, 4, "title"},
		{"release title in ü", CapTitle, runes("ü"), func(s string) []Source { return rel(4, "title: "+s) }, 4, "title"},
		{"release publisher", CapTitle, ascii('P'), func(s string) []Source { return rel(5, "publisher: "+s) }, 5, "publisher"},
		{"release url", CapURL, url, func(s string) []Source { return rel(7, "url: "+s) }, 7, "url"},
		{"release via", CapNote, ascii('v'), func(s string) []Source { return rel(7, "url: https://example.org", "via: "+s) }, 11, "via"},
		{"release note", CapNote, ascii('n'), func(s string) []Source { return rel(7, "url: https://example.org", "notes:", "  - "+s) }, 12, "notes[0]"},
		{"cell note", CapNote, ascii('n'), func(s string) []Source { return rel(10, `    2024: {share_pct: 2, note: "`+s+`"}`) }, 10, "figures.DEU.2024.note"},
		{"aid title", CapTitle, ascii('T'), func(s string) []Source { return aidFileWith(3, "title: "+s) }, 3, "title"},
		{"aid measure", CapTitle, ascii('m'), func(s string) []Source { return aidFileWith(10, "measure: "+s) }, 8, "measure"},
		{"aid donor note", CapNote, ascii('n'), func(s string) []Source { return aidFileWith(9, "  DNK: {total_meur: 1, note: "+s+"}") }, 9, "donors.DNK.note"},
		{"aid-packages title", CapTitle, ascii('T'), func(s string) []Source {
			f := pkg("note", "x")
			f[0].Data = []byte(strings.Replace(string(f[0].Data), "title: T\n", "title: "+s+"\n", 1))
			return f
		}, 3, "title"},
		{"package purpose", CapTitle, ascii('p'), func(s string) []Source { return pkg("purpose", s) }, 9, "packages[0].purpose"},
		{"package url", CapURL, url, func(s string) []Source { return pkg("url", s) }, 10, "packages[0].url"},
		{"package quote", CapNote, ascii('q'), func(s string) []Source { return pkg("quote", s) }, 11, "packages[0].quote"},
		{"package note", CapNote, ascii('n'), func(s string) []Source { return pkg("note", s) }, 11, "packages[0].note"},
		{"country name", CapName, ascii('N'), func(s string) []Source {
			return src("kind: countries", "countries:", "  QMA:", "    name: "+s)
		}, 4, "countries.QMA.name"},
		{"country note", CapNote, ascii('n'), func(s string) []Source {
			return src("kind: countries", "countries:", "  QMA:", "    name: Atlantis", "    note: "+s)
		}, 5, "countries.QMA.note"},
		{"group citation", CapNote, ascii('c'), func(s string) []Source {
			return src("kind: groups", "citation: "+s, "groups:", "  g1:", "    name: G", "    members: [DEU]")
		}, 2, "citation"},
		{"target citation", CapNote, ascii('c'), func(s string) []Source {
			return src("kind: targets", "targets:", "  t1:", "    name: T", "    pct: 2", "    citation: "+s)
		}, 6, "targets.t1.citation"},
		{"target definition", CapLabel, ascii('d'), func(s string) []Source {
			return src("kind: targets", "targets:", "  t1:", "    name: T", "    pct: 2", "    definition: "+s, "    citation: x")
		}, 6, "targets.t1.definition"},
		{"target url", CapURL, url, func(s string) []Source {
			return src("kind: targets", "targets:", "  t1:", "    name: T", "    pct: 2", "    citation: x", "    url: "+s)
		}, 7, "targets.t1.url"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if errs := loadErrs(t, capsBase(t, tc.files(tc.text(tc.cap.Max))), tc.files(tc.text(tc.cap.Max))); errs != nil {
				t.Fatalf("%d characters (the cap) refused:\n%v", tc.cap.Max, errs)
			}
			long := tc.text(tc.cap.Max + 1)
			want := fmt.Sprintf("t.yaml:%d: %s: %s is %d characters long (expected %s of at most %d)", tc.line, tc.field, show(long), tc.cap.Max+1, tc.cap.What, tc.cap.Max)
			errs := loadErrs(t, capsBase(t, tc.files(long)), tc.files(long))
			if len(errs) != 1 || errs.Error() != want {
				t.Fatalf("%d characters: errors\n%v\nwant one:\n%s", tc.cap.Max+1, errs, want)
			}
		})
	}
}

// capsBase is the countries file for files: the aid tests' for aid and
// aid-packages files, the others' for the rest.
func capsBase(t *testing.T, files []Source) []Source {
	if strings.HasPrefix(string(files[0].Data), "kind: aid") {
		return aidBase(t)
	}
	return base(t)
}

func ascii(c byte) func(int) string {
	return func(n int) string { return strings.Repeat(string(c), n) }
}

func runes(r string) func(int) string {
	return func(n int) string { return strings.Repeat(r, n) }
}

func url(n int) string {
	const head = "https://example.org/"
	return head + strings.Repeat("a", n-len(head))
}

// The caps as the issue states them: a 2 MiB aid-package purpose or
// release title is refused, with the file, the line and the field, and the
// message shows a few characters of the text, not 2 MiB of it.
func TestTextCapTwoMiB(t *testing.T) {
	big := strings.Repeat("x", 2<<20)
	for _, tc := range []struct {
		files []Source
		want  string
	}{
		{src(append(append([]string{}, releaseHead[:3]...), append([]string{"title: " + big}, append(append([]string{}, releaseHead[4:]...), "    2024: {share_pct: 2}")...)...)...),
			`t.yaml:4: title: "` + strings.Repeat("x", 40) + `"... is 2097152 characters long (expected a title of at most 1000)`},
		{pkgsFile("  - donor: ESP", "    date: 2025-02-24", "    amount_m: 1", "    currency: EUR", "    purpose: "+big, "    url: https://example.org"),
			`t.yaml:9: packages[0].purpose: "` + strings.Repeat("x", 40) + `"... is 2097152 characters long (expected a title of at most 1000)`},
	} {
		errs := loadErrs(t, capsBase(t, tc.files), tc.files)
		if errs == nil || errs.Error() != tc.want {
			t.Errorf("errors %.300v\nwant %s", errs, tc.want)
		}
	}
}

// TestTextCapsDocumented: docs/data.md lists every cap with its number,
// as declared (TextCaps).
func TestTextCapsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/data.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range TextCaps {
		row := fmt.Sprintf("| %s | %d | %s |", c.What, c.Max, c.Fields)
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/data.md lacks the row\n%s", row)
		}
	}
}
