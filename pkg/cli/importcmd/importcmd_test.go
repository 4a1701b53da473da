package importcmd_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/natospend/natospend/internal/clitest"
	"github.com/natospend/natospend/internal/testenv"
	"github.com/xuri/excelize/v2"
)

const workbookName = "240617-def-exp-2024-TABLES-en.xlsx"

func workbook(t *testing.T) string {
	t.Helper()
	return filepath.Join(testenv.SharedDir(t, "workbooks/"+workbookName), "workbooks", workbookName)
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return clitest.Run(t, 0, nil, args...)
}

// TestImportThenGap is the done-when check: the release imported
// from NATO's workbook validates, and gives the gaps of the embedded
// nato-2024-06 (made from the same workbook), line for line but for the
// release named in the title and source lines.
func TestImportThenGap(t *testing.T) {
	wb := workbook(t)
	my := filepath.Join(t.TempDir(), "my.yaml")
	code, out, errOut := run(t, "import", "nato", wb, "--id", "my-2024", "--output", my)
	if code != 0 || out != "" {
		t.Fatalf("import: exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	for _, want := range []string{
		"Release my-2024: 32 countries, 352 country-years.\n",
		"  defence_musd (TABLE2 D11:N41): 31 countries x 11 years 2014-2024, 341 figures, 62 estimates, 0 blanks\n",
		"  gdp_musd (TABLE5 D11:N42): 32 countries x 11 years 2014-2024, 352 figures, 64 estimates, 0 blanks\n",
		"  personnel_k (TABLE7 E23:O53): 31 countries x 11 years 2014-2024, 341 figures, 62 estimates, 0 blanks\n",
		"Cross-checks of the tables: 2285 comparisons, no difference beyond rounding:\n",
		"Not imported: sheet TABLE1, row 42: 6 values without a label\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the summary lacks %q:\n%s", want, errOut)
		}
	}
	code, out, errOut = run(t, "validate", my)
	if code != 0 || !strings.HasPrefix(out, "ok: 6 releases (4 defence,") {
		t.Fatalf("validate: exit %d, %s%s", code, out, errOut)
	}
	code, mine, _ := run(t, "gap", "--data", my, "--release", "my-2024", "--year", "2024")
	code2, embedded, _ := run(t, "gap", "--release", "nato-2024-06", "--year", "2024")
	if code != 0 || code2 != 0 {
		t.Fatalf("gap: exit %d and %d", code, code2)
	}
	a, b := strings.Split(mine, "\n"), strings.Split(embedded, "\n")
	if len(a) != len(b) || len(a) < 40 {
		t.Fatalf("gap: %d lines, embedded %d", len(a), len(b))
	}
	for i := range a {
		if strings.HasPrefix(a[i], "Gap to ") || strings.HasPrefix(a[i], "Source: ") {
			continue
		}
		if strings.ReplaceAll(a[i], "(release my-2024,", "(release nato-2024-06,") != b[i] {
			t.Errorf("line %d:\n%s\nembedded:\n%s", i+1, a[i], b[i])
		}
	}
}

// TestImportToStdout: without --output the release goes to stdout; with
// --quiet nothing goes to stderr.
func TestImportToStdout(t *testing.T) {
	code, out, errOut := run(t, "import", "nato", workbook(t), "--id", "x", "--quiet", "--published", "2024-06-18", "--title", "June 2024")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"# Written by natospend import nato from 240617-def-exp-2024-TABLES-en.xlsx (SHA-256 94f4de63de124dd323cb6729ddf66b66a3e024b9984d21abc6cb5624773b375e).\n",
		"kind: release\nid: \"x\"\nseries: \"defence\"\ntitle: \"June 2024\"\npublisher: \"NATO\"\npublished: 2024-06-18\n",
		"constant_year: 2015\ncurrencies:\n  ALB: ALL\n",
		// Germany, checked by hand against the workbook: TABLE2 N21
		// 97685.590083952178, TABLE1 N21 90585.847099999999, Table 4 H33
		// 2.1189770886676191.
		"  DEU:\n", "    2024: {gdp_musd: 4610035.22, defence_musd: 97685.59, share_pct: 2.1190, equipment_pct: 28.7469, defence_ncu_m: 90585.85,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
}

// TestImportErrors: usage errors exit 2, a workbook that cannot be read
// exits 1; nothing is written, an earlier file stays as it was.
func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	notBook := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(notBook, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	asYAML := filepath.Join(dir, "book.yaml")
	if err := os.WriteFile(asYAML, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.yaml")
	if err := os.WriteFile(out, []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"import", "nato", notBook}, 2, "natospend: --id is required: the id of the release to write, such as nato-2024-06\n"},
		{[]string{"import", "nato", notBook, "--id", "My_2024"}, 2, `natospend: --id "My_2024" is not a release id (expected lower-case letters, digits and -, such as nato-2024-06)` + "\n"},
		{[]string{"import", "nato", notBook, "--id", "x", "--published", "17.06.2024"}, 2, `natospend: --published "17.06.2024" is not a date (expected YYYY-MM-DD)` + "\n"},
		{[]string{"import", "nato", notBook, "--id", "x", "--output", filepath.Join(dir, "x.csv")}, 2, "natospend: --output " + filepath.Join(dir, "x.csv") + ": a release file is YAML (expected a name ending in .yaml or .yml)\n"},
		{[]string{"import", "nato", asYAML, "--id", "x", "--output", asYAML}, 2, "natospend: --output " + asYAML + " is the workbook read: natospend does not write over its own input\n"},
		{[]string{"import", "nato", "a.xlsx", "b.xlsx", "--id", "x"}, 2, "natospend: import nato takes one workbook (FILE.xlsx), got 2 arguments\n"},
		{[]string{"import", "nato", notBook, "--id", "x", "--output", out}, 1, "natospend: " + notBook + ": not an xlsx workbook"},
	} {
		code, stdout, errOut := run(t, tc.args...)
		if code != tc.code || stdout != "" || !strings.HasPrefix(errOut, tc.msg) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.args, code, stdout, errOut, tc.code, tc.msg)
		}
	}
	if b, _ := os.ReadFile(out); string(b) != "earlier\n" {
		t.Errorf("a failed import changed the output file: %q", b)
	}
}

// TestREADMEImport: the import example of docs/data.md (an indented block:
// the docs' fenced examples run from a temporary folder, without the
// workbook) shows what the commands print, byte for byte.
func TestREADMEImport(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "data.md"))
	if err != nil {
		t.Fatal(err)
	}
	const start = "    $ natospend import nato 240617-def-exp-2024-TABLES-en.xlsx --id my-2024 --output my.yaml \\\n"
	i := strings.Index(string(readme), start)
	if i < 0 {
		t.Fatal("docs/data.md has no import nato example")
	}
	var block []string
	for _, l := range strings.Split(string(readme[i:]), "\n")[2:] {
		if l == "" {
			break
		}
		block = append(block, strings.TrimPrefix(l, "    "))
	}
	dir := t.TempDir()
	my := filepath.Join(dir, "my.yaml")
	url := "https://www.nato.int/content/dam/nato/legacy-wcm/media_pdf/2024/6/pdf/240617-def-exp-2024-en.pdf"
	var got []string
	for _, args := range [][]string{
		{"import", "nato", workbook(t), "--id", "my-2024", "--output", my, "--definition", "classic", "--url", url},
		{"validate", my},
		{"gap", "--data", my, "--release", "my-2024", "--year", "2024", "--country", "DEU,FRA,POL,ESP"},
	} {
		if len(got) > 0 {
			got = append(got, "$ natospend "+strings.Join(args, " "))
		}
		_, out, errOut := run(t, args...)
		got = append(got, strings.Split(strings.TrimSuffix(out+errOut, "\n"), "\n")...)
	}
	want := strings.Join(block, "\n")
	want = strings.ReplaceAll(want, "--data my.yaml", "--data "+my)
	want = strings.ReplaceAll(want, "validate my.yaml", "validate "+my)
	want = strings.ReplaceAll(want, "file my.yaml)", "file "+my+")")
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("docs/data.md's import example:\n--- got\n%s\n--- docs/data.md\n%s", g, want)
	}
}

// TestAcceptDifferences: a workbook whose tables disagree (NATO Total of
// defence in 2014, TABLE2 D43, changed from 943217.58 to 943317.58) is
// refused, exit 1, the earlier output file untouched; with
// --accept-differences it is imported, exit 0, the difference in the
// release's notes and the summary.
func TestAcceptDifferences(t *testing.T) {
	f, err := excelize.OpenFile(workbook(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellFloat("TABLE2", "D43", 943317.58340913872, -1, 64); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, workbookName)
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.yaml")
	if err := os.WriteFile(out, []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const diff = "NATO Total of defence_musd in 2014 (sheet TABLE2, cell D43) is 943317.58; the allies of 2014 add up to 943217.58 (difference 100.00)"
	code, stdout, errOut := run(t, "import", "nato", book, "--id", "x", "--output", out)
	if code != 1 || stdout != "" || !strings.HasPrefix(errOut, "natospend: "+workbookName+": NATO's tables differ from each other beyond rounding in 1 of ") || !strings.Contains(errOut, "\n  "+diff+"\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "earlier\n" {
		t.Errorf("a refused import changed the output file: %q", b)
	}
	code, _, errOut = run(t, "import", "nato", book, "--id", "x", "--output", out, "--accept-differences")
	if code != 0 || !strings.Contains(errOut, "  differs: "+diff+"\n") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), `  - "Difference: `+diff+`."`) {
		t.Errorf("the release's notes lack the difference (%v)", err)
	}
}

// TestAmplifyingWorkbook is issue 20's workbook through the command:
// 20,000 cells that all refer to one shared string of 131,030 bytes
// (a table's title). It is refused, exit 1, with one line of stderr,
// and the earlier output file stays as it was (the run wrote a
// 65 MB release file and 65 MB of stderr, then died out of memory).
func TestAmplifyingWorkbook(t *testing.T) {
	const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	var rows strings.Builder
	for r := 1; r <= 200; r++ {
		fmt.Fprintf(&rows, `<row r="%d">`, r)
		for c := 0; c < 100; c++ {
			fmt.Fprintf(&rows, `<c r="%c%c%d" t="s"><v>0</v></c>`, 'A'+c/26, 'A'+c%26, r)
		}
		rows.WriteString("</row>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="` + ns + `" xmlns:r="` + rel + `"><sheets><sheet name="TABLE2" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="` + ns + `"><si><t>Table 2 : Defence expenditure ` + strings.Repeat("x", 131_000) + `</t></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet xmlns="` + ns + `"><sheetData>` + rows.String() + `</sheetData></worksheet>`},
	} {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book, out := filepath.Join(dir, "amplifying.xlsx"), filepath.Join(dir, "out.yaml")
	if err := os.WriteFile(book, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := run(t, "import", "nato", book, "--id", "x", "--output", out)
	// 4 MiB is 32.01 texts of 131,030 bytes: the 33rd cell of row 1 (the
	// cells are AA1 ... AZ1, BA1 ...: BG1) passes it.
	want := "natospend: amplifying.xlsx: sheet TABLE2, cell BG1: the cells read so far hold more than 4194304 bytes of text (NATO's June 2024 workbook holds 106 KB in all): refused, not one of NATO's workbooks of tables\n"
	if code != 1 || stdout != "" || errOut != want {
		t.Errorf("exit %d, stdout %d bytes, stderr %q", code, len(stdout), errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "earlier\n" {
		t.Errorf("a refused import changed the output file: %d bytes", len(b))
	}
}
