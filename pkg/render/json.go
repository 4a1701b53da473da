package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/natospend/natospend/pkg/termesc"
)

// JSON writes v as indented JSON (two spaces) followed by a newline, without
// HTML escaping ("<", ">" and "&" stay as they are). The characters a
// terminal would act on that encoding/json leaves raw (DEL, C1 controls,
// bidirectional overrides and marks) are written as \uXXXX escapes: the
// same JSON value, safe to print on a terminal.
//
// encoding/json prints a nil slice as null: callers that promise a list
// must pass an empty slice ([]T{}) to get []. NaN and ±Inf cannot be
// encoded; JSON then returns an error and writes nothing.
func JSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil { // Encode ends with '\n'
		return fmt.Errorf("render: json: %w", err)
	}
	_, err := w.Write(termesc.JSON(buf.Bytes()))
	return err
}

// Field is one key and value of an Object.
type Field struct {
	Key   string
	Value any
}

// Object is a JSON object whose keys keep their order (a Go map would sort
// them), so that JSON rows read in the same order as the CSV columns.
type Object []Field

// MarshalJSON writes the fields in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(f.Value); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// RowObject turns a row of typed cells into a JSON object with the
// columns' Keys, in order: text as strings, flags as booleans, whole
// numbers as integers, other numbers as the same number CSV prints
// (FormatMachine), unknowns as null.
func RowObject(cols []Column, cells []Cell) Object {
	obj := make(Object, len(cols))
	for i, c := range cols {
		cell := cells[i]
		var v any
		switch {
		case c.Kind == String:
			v = cell.Text
		case c.Kind == Bool:
			v = cell.Known && cell.Num != 0
		case !cell.Known:
			v = nil
		case c.Kind == Int:
			v = int64(math.Round(cell.Num))
		default:
			v = json.Number(FormatMachine(cell.Num, false))
		}
		obj[i] = Field{Key: c.Key, Value: v}
	}
	return obj
}
