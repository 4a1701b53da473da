package importnato

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/natospend/natospend/pkg/snapshot"
	"github.com/natospend/natospend/pkg/xlsx"
)

// bookOf builds an .xlsx file of one sheet (its <sheetData> rows) and
// shared strings, as a spreadsheet program would lay it out.
func bookOf(t testing.TB, sheetName, rows string, sst []string) []byte {
	t.Helper()
	var si strings.Builder
	for _, s := range sst {
		si.WriteString("<si><t>" + s + "</t></si>")
	}
	const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets><sheet name="` + sheetName + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="` + main + `">` + si.String() + `</sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + main + `"><sheetData>` + rows + `</sheetData></worksheet>`},
	}
	return zipOf(t, parts)
}

// amplifying is issue 20's workbook: every cell of a sheet (here 200 rows
// of 100) refers to one shared string of 131,000 bytes, a table's title:
// read as written, 2.6 GB of text from a file of a few hundred KB.
func amplifying(t testing.TB) []byte {
	long := "Table 2 : Defence expenditure " + strings.Repeat("x", 131_000)
	var rows strings.Builder
	for r := 1; r <= 200; r++ {
		fmt.Fprintf(&rows, `<row r="%d">`, r)
		for c := 1; c <= 100; c++ {
			fmt.Fprintf(&rows, `<c r="%s%d" t="s"><v>0</v></c>`, colName(c), r)
		}
		rows.WriteString("</row>")
	}
	return bookOf(t, "TABLE2", rows.String(), []string{long})
}

// TestAmplifyingWorkbook: the workbook is refused when the text read
// passes MaxText, naming the cell where it did, having allocated a few
// MB (the reader's own work, the file's parts; the cells' texts are not
// copied).
func TestAmplifyingWorkbook(t *testing.T) {
	data := amplifying(t)
	if len(data) > 400_000 {
		t.Fatalf("the workbook is %d bytes, want a few hundred KB", len(data))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	wb, err := xlsx.OpenBytes("amplifying.xlsx", data, xlsx.DefaultLimits())
	if err != nil {
		t.Fatal(err) // within the reader's limits: the importer must refuse it
	}
	_, err = Read(wb)
	runtime.ReadMemStats(&after)
	// 4 MiB of text is 33 cells of 131,030 bytes: the 33rd, row 1's AG1,
	// passes it.
	want := "amplifying.xlsx: sheet TABLE2, cell AG1: the cells read so far hold more than 4194304 bytes of text (NATO's June 2024 workbook holds 106 KB in all): refused, not one of NATO's workbooks of tables"
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
	// The reader holds the sheet's 20,000 cells (some 100 bytes each)
	// and the file: a few MB; 150 MB is pkg/xlsx's promise.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("allocated %d MB to refuse it, want at most 64", alloc>>20)
	}
}

// TestLongTextsCut: a workbook with texts just under the budget imports
// or is refused with messages and notes of bounded size: a note longer
// than 2,048 bytes is cut there, a title quoted in a message at 200.
func TestLongTextsCut(t *testing.T) {
	wb := minimal()
	long := strings.Repeat("Note ", 10_000) // 50,000 bytes
	wb.Sheets[0].Rows = append(wb.Sheets[0].Rows, xlsx.Row{Index: 30, Cells: []xlsx.Cell{cell("B30", long)}})
	wb.Sheets = append(wb.Sheets, sheet("X", cell("B2", "Table 9 : "+long), cell("D4", 2023), cell("E4", 2024)))
	for i := range wb.Sheets {
		for j := range wb.Sheets[i].Rows {
			for k := range wb.Sheets[i].Rows[j].Cells {
				cutLong(&wb.Sheets[i].Rows[j].Cells[k]) // as Read does
			}
		}
	}
	res := mustImport(t, wb)
	notes := strings.Join(res.Release.Notes, "\n")
	if len(notes) > 10_000 {
		t.Errorf("notes of %d bytes", len(notes))
	}
	for _, want := range []string{
		"NATO's note (sheet TABLE2, cell B30): Note Note ",
		" [... cut: longer than 2048 bytes]\n",
		`Not imported: sheet X, cell B2: table "Table 9 : Note Note `,
		`..." (not one of NATO's tables the importer knows).`,
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q", want)
		}
	}
}

// TestManyNotesCapped: NATO's notes are copied up to 64 KB, the rest
// counted; what is not imported is listed up to 100 lines.
func TestManyNotesCapped(t *testing.T) {
	wb := minimal()
	s := &wb.Sheets[0]
	for i := 0; i < 2000; i++ {
		row := 100 + i
		s.Rows = append(s.Rows, xlsx.Row{Index: row, Cells: []xlsx.Cell{cell(fmt.Sprintf("B%d", row), fmt.Sprintf("Note %d %s", i, strings.Repeat("n", 100)))}})
	}
	for i := 0; i < 300; i++ {
		row := 3000 + i
		s.Rows = append(s.Rows, xlsx.Row{Index: row, Cells: []xlsx.Cell{cell(fmt.Sprintf("D%d", row), 1.0)}})
	}
	res := mustImport(t, wb)
	notes := strings.Join(res.Release.Notes, "\n")
	// The notes are "Note i " and 100 n: 107 bytes for i < 10, 108 to
	// 99, 109 to 999, 110 beyond. 10 x 107 + 90 x 108 = 10,790 bytes, and
	// (65,536 - 10,790) / 109 = 502.2 more: 602 kept, 1,398 left out.
	if !strings.Contains(notes, "1398 more of NATO's notes are not copied here (the importer copies at most 65536 bytes of them).") {
		i := strings.Index(notes, "more of NATO")
		t.Errorf("notes: %q", notes[max(0, i-100):max(0, i+200)])
	}
	if len(res.Ignored) != 101 || res.Ignored[100] != "more that is not listed (the importer lists 100 things not imported)" {
		t.Errorf("%d ignored, last %q", len(res.Ignored), res.Ignored[len(res.Ignored)-1])
	}
}

// BenchmarkAmplifyingWorkbook: what refusing issue 20's workbook costs
// (go test -bench Amplifying -benchmem).
func BenchmarkAmplifyingWorkbook(b *testing.B) {
	data := amplifying(b)
	ds := snapshot.Dataset()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		wb, err := xlsx.OpenBytes("amplifying.xlsx", data, xlsx.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		if book, err := Read(wb); err == nil {
			_, err = Import(book, ds, Options{ID: "x"})
			if err == nil {
				b.Fatal("imported")
			}
		}
	}
}
