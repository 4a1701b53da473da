package render

import (
	"encoding/csv"
	"fmt"
	"io"
)

// CSVOptions tunes CSV and TSV output.
type CSVOptions struct {
	// Comma is the field delimiter: 0 means ','; '\t' gives TSV; ';' suits
	// spreadsheets in decimal-comma locales.
	Comma rune
	// BOM writes a UTF-8 byte order mark (EF BB BF) first, so that Excel on
	// Windows reads the file as UTF-8. Off by default: for most other readers
	// the BOM becomes part of the first header name.
	BOM bool
	// DecimalComma prints numbers with ',' as the decimal separator. With
	// the default ',' delimiter every such number is quoted by encoding/csv
	// ("2,58"): valid CSV, but spreadsheets then see text, so callers that
	// set DecimalComma should also set Comma to ';'.
	DecimalComma bool
	// NoHeader leaves out the header row of column keys.
	NoHeader bool
}

// CSV writes the rows of t as CSV (or TSV, with o.Comma '\t'): a header row
// of Column.Key (unless o.NoHeader), then one record per row. Title, Footer
// and Notes are never written, so that a spreadsheet SUM over a column
// equals the table's total. Quoting follows RFC 4180 (encoding/csv); every
// text cell and header passes through GuardText, numbers never do (see
// FormatMachine); unknown values are empty fields; Bool is "true"/"false";
// Cell.Mark is dropped.
//
// CSV returns an error, having written nothing, if t is malformed or holds
// a NaN or infinite known number.
func CSV(w io.Writer, t *Table, o CSVOptions) error {
	if err := validate(t); err != nil {
		return err
	}
	// Past validate, only w can fail: the records go straight to it
	// (through csv.Writer's buffer), not through a copy of the whole
	// output (callers that must write all or nothing, such as --output,
	// render into a buffer of their own first).
	cw := csv.NewWriter(w)
	if o.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	if o.Comma != 0 {
		cw.Comma = o.Comma
	}
	record := make([]string, len(t.Columns)) // csv.Writer.Write does not keep it
	if !o.NoHeader {
		for i, c := range t.Columns {
			record[i] = GuardText(c.Key)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("render: csv: %w", err)
		}
	}
	for _, row := range t.Rows {
		for i, c := range row {
			record[i] = machineValue(t.Columns[i], c, o.DecimalComma)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("render: csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("render: csv: %w", err)
	}
	return nil
}

// GuardText defends a text cell against formula (CSV) injection: a cell
// whose first character is '=', '+', '-', '@', tab, CR, LF or NUL is
// prefixed with a single quote, so spreadsheets show it as text instead of
// evaluating it (OWASP "CSV Injection"; OWASP ASVS 5.0 1.2.10 adds NUL).
// Anything else is returned unchanged. Apply it to text only, never to
// numbers: "-12.5" produced by FormatMachine must stay a number.
func GuardText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n', 0:
		return "'" + s
	}
	return s
}
