// Package golit writes a Go value as Go source: a composite literal that,
// compiled, evaluates to a value deep-equal to the one written. It works by
// reflection on any type made of structs, maps, slices, arrays, pointers,
// strings, bools and numbers, so a field added to a struct is written
// without any change here.
//
// The output is deterministic: map entries are sorted by key, zero-valued
// struct fields are left out, and the source is gofmt-formatted. Values it
// cannot write faithfully are errors, never approximations: an unexported
// struct field holding a value, a NaN, an infinity or a negative zero, a
// channel, a func, an interface, a cycle of pointers.
package golit

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"math"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Func returns the source of a Go file of package pkg, starting with the
// comment header (each line prefixed with "// "), that declares
//
//	func name() T { return <literal of v> }
//
// where T is the type of v. Every call of the function builds a new value.
func Func(pkg, header, name string, v any) ([]byte, error) {
	f := NewFile(pkg, header)
	if err := f.Func(name, v); err != nil {
		return nil, err
	}
	return f.Bytes()
}

// File is a Go source file being written: functions that return values
// (Func) and declarations written by hand (Decl), with the imports and
// tables they need.
type File struct {
	pkg, header string
	w           *writer
	decls       bytes.Buffer
}

// NewFile starts a file of package pkg with the comment header.
func NewFile(pkg, header string) *File {
	return &File{pkg: pkg, header: header, w: &writer{imports: map[string]string{}, names: map[string]string{}, onStack: map[uintptr]bool{}}}
}

// Func adds `func name() T { return <literal of v> }`, T the type of v.
func (f *File) Func(name string, v any) error {
	w := f.w
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return fmt.Errorf("golit: nil value")
	}
	var body bytes.Buffer
	w.buf = &body
	if err := w.value(rv, true, "value"); err != nil {
		return err
	}
	fmt.Fprintf(&f.decls, "\nfunc %s() %s {\n\treturn %s\n}\n", name, w.typeName(rv.Type()), body.String())
	return nil
}

// Nested adds `func name() golitrt.Nested[K1, K2, V]`: v, a map of maps
// that Func would write as tables (constant keys; values of constants,
// structs of constants or pointers to structs of constants; no nil inner
// map), kept as those tables. Its Map method builds the map of maps, as
// Func's function would; Lookup and Each read single entries without
// building any map (what a program that reads a few entries of a large
// table needs, see pkg/snapshot).
func (f *File) Nested(name string, v any) error {
	w := f.w
	rv := reflect.ValueOf(v)
	t := rv.Type()
	if rv.Kind() != reflect.Map || !isConst(t.Key()) || !isNestedTable(rv) {
		return fmt.Errorf("golit: Nested: %s is not a map of maps of constants", t)
	}
	keys, err := sortedKeys(rv, name)
	if err != nil {
		return err
	}
	var body bytes.Buffer
	w.buf = &body
	if err := w.nestedTable(rv, keys, name, true); err != nil {
		return err
	}
	fmt.Fprintf(&f.decls, "\nfunc %s() %s[%s, %s, %s] {\n\treturn %s\n}\n", name, w.rt("Nested"), w.typeName(t.Key()), w.typeName(t.Elem().Key()), w.typeName(t.Elem().Elem()), body.String())
	return nil
}

// TypeName spells t in the file's source, importing the packages it
// names: for declarations written by hand.
func (f *File) TypeName(t reflect.Type) string { return f.w.typeName(t) }

// Runtime spells a name of package golitrt (the helpers the file calls at
// run time, such as Nested) in the file's source, importing the package:
// for declarations written by hand.
func (f *File) Runtime(name string) string { return f.w.rt(name) }

// Decl adds Go declarations written by hand, after the functions.
func (f *File) Decl(src string) { f.decls.WriteString("\n" + src) }

// Bytes returns the file's gofmt-formatted source.
func (f *File) Bytes() ([]byte, error) {
	w := f.w
	var src bytes.Buffer
	for _, line := range strings.Split(strings.TrimRight(f.header, "\n"), "\n") {
		src.WriteString(strings.TrimRight("// "+line, " ") + "\n")
	}
	fmt.Fprintf(&src, "\npackage %s\n", f.pkg)
	if len(w.imports) > 0 {
		paths := make([]string, 0, len(w.imports))
		for p := range w.imports {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		src.WriteString("\nimport (\n")
		for _, p := range paths {
			if name := w.imports[p]; name != path.Base(p) {
				fmt.Fprintf(&src, "\t%s %q\n", name, p)
			} else {
				fmt.Fprintf(&src, "\t%q\n", p)
			}
		}
		src.WriteString(")\n")
	}
	src.Write(f.decls.Bytes())
	src.Write(w.tables.Bytes())
	out, err := format.Source(src.Bytes())
	if err != nil {
		return nil, fmt.Errorf("golit: formatting the generated source: %w", err)
	}
	return out, nil
}

type writer struct {
	buf     *bytes.Buffer
	imports map[string]string // package path -> name used in the source
	names   map[string]string // name used -> package path
	onStack map[uintptr]bool  // pointers being written, to refuse cycles
	tables  bytes.Buffer      // package-level tables (see mapLit) and own functions (ownFunc)
	ntables int
	owns    map[reflect.Type]string // the own function of a type, once written (ownFunc)
}

// rtPath is the package of the helpers the written source calls at run
// time (golitrt.Map, Map2, Nested...).
const rtPath = "github.com/natospend/natospend/pkg/golit/golitrt"

// rt spells a name of package golitrt in the source, importing it.
func (w *writer) rt(name string) string { return w.qualifier(rtPath) + "." + name }

// qualifier returns the name under which the package path is imported.
func (w *writer) qualifier(p string) string {
	if name, ok := w.imports[p]; ok {
		return name
	}
	base := path.Base(p)
	base = strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return '_'
		}
		return r
	}, base)
	name := base
	for i := 2; w.names[name] != ""; i++ {
		name = base + strconv.Itoa(i)
	}
	w.imports[p] = name
	w.names[name] = p
	return name
}

// typeName spells t in Go source, importing the packages it names.
func (w *writer) typeName(t reflect.Type) string {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name() // predeclared: string, int, float64, ...
		}
		return w.qualifier(t.PkgPath()) + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + w.typeName(t.Elem())
	case reflect.Slice:
		return "[]" + w.typeName(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + w.typeName(t.Elem())
	case reflect.Map:
		return "map[" + w.typeName(t.Key()) + "]" + w.typeName(t.Elem())
	}
	return t.String() // unnamed structs and the like: refused by value
}

// value writes v. typed is false where Go lets a composite literal leave
// out its type (an element of a slice, array or map literal); there a
// pointer to a composite value is written without its &T.
func (w *writer) value(v reflect.Value, typed bool, at string) error {
	t := v.Type()
	switch t.Kind() {
	case reflect.Bool:
		w.scalar(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.scalar(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.scalar(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 && math.Signbit(f) {
			return fmt.Errorf("golit: %s: %v has no constant literal", at, f)
		}
		bits := 64
		if t.Kind() == reflect.Float32 {
			bits = 32
		}
		w.scalar(strconv.FormatFloat(f, 'g', -1, bits))
	case reflect.String:
		w.scalar(strconv.Quote(v.String()))
	case reflect.Pointer:
		if v.IsNil() {
			w.buf.WriteString("nil")
			return nil
		}
		e := t.Elem().Kind()
		if e != reflect.Struct && e != reflect.Map && e != reflect.Slice && e != reflect.Array {
			return fmt.Errorf("golit: %s: a pointer to a %s cannot be written as a literal", at, e)
		}
		p := v.Pointer()
		if w.onStack[p] {
			return fmt.Errorf("golit: %s: a cycle of pointers", at)
		}
		w.onStack[p] = true
		defer delete(w.onStack, p)
		if typed {
			w.buf.WriteByte('&')
		}
		return w.value(v.Elem(), typed, at)
	case reflect.Struct:
		return w.structLit(v, typed, at)
	case reflect.Map:
		return w.mapLit(v, typed, at)
	case reflect.Slice:
		if v.IsNil() {
			w.buf.WriteString("nil")
			return nil
		}
		return w.list(v, typed, at)
	case reflect.Array:
		return w.list(v, typed, at)
	default:
		return fmt.Errorf("golit: %s: a %s cannot be written as a literal", at, t.Kind())
	}
	return nil
}

// scalar writes a constant. An untyped constant is assignable to any
// type of its kind, named or not, so no conversion is ever needed.
func (w *writer) scalar(lit string) {
	w.buf.WriteString(lit)
}

func (w *writer) open(t reflect.Type, typed bool) {
	if typed {
		w.buf.WriteString(w.typeName(t))
	}
	w.buf.WriteByte('{')
}

func (w *writer) structLit(v reflect.Value, typed bool, at string) error {
	t := v.Type()
	if t.Name() == "" && typed {
		return fmt.Errorf("golit: %s: an unnamed struct type", at)
	}
	w.open(t, typed)
	// A struct of scalars (and such structs) goes on one line; others
	// have a field per line.
	sep, flat := ",\n", isFlat(t)
	if flat {
		sep = ", "
	}
	n := 0
	for i := range t.NumField() {
		f := t.Field(i)
		fv := v.Field(i)
		if isZero(fv) {
			continue
		}
		if !f.IsExported() {
			return fmt.Errorf("golit: %s.%s: an unexported field cannot be set from another package", at, f.Name)
		}
		switch {
		case n > 0:
			w.buf.WriteString(sep)
		case !flat:
			w.buf.WriteByte('\n')
		}
		n++
		w.buf.WriteString(f.Name + ": ")
		if err := w.value(fv, true, at+"."+f.Name); err != nil {
			return err
		}
	}
	if n > 0 && !flat {
		w.buf.WriteString(",\n")
	}
	w.buf.WriteByte('}')
	return nil
}

// isZero is reflect.Value.IsZero, except that a negative zero float is
// not zero (it must not be left out: it would come back as +0).
func isZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0 && !math.Signbit(v.Float())
	case reflect.Struct:
		for i := range v.NumField() {
			if !isZero(v.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range v.Len() {
			if !isZero(v.Index(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// isFlat reports whether t is a struct whose fields are all scalars or
// such structs.
func isFlat(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		switch ft := t.Field(i).Type; ft.Kind() {
		case reflect.Struct:
			if !isFlat(ft) {
				return false
			}
		case reflect.Map, reflect.Slice, reflect.Array, reflect.Pointer, reflect.Interface,
			reflect.Chan, reflect.Func, reflect.UnsafePointer:
			return false
		}
	}
	return true
}

// sortedKeys returns the keys of the map v in a deterministic order (see
// keyOrder).
func sortedKeys(v reflect.Value, at string) ([]reflect.Value, error) {
	keys := v.MapKeys()
	less, err := keyOrder(v.Type().Key())
	if err != nil {
		return nil, fmt.Errorf("golit: %s: %w", at, err)
	}
	slices.SortFunc(keys, less)
	return keys, nil
}

func (w *writer) mapLit(v reflect.Value, typed bool, at string) error {
	if v.IsNil() {
		w.buf.WriteString("nil")
		return nil
	}
	t := v.Type()
	keys, err := sortedKeys(v, at)
	if err != nil {
		return err
	}
	if len(keys) >= minTable && isConst(t.Key()) && isConst(t.Elem()) {
		return w.table(v, keys, at)
	}
	if len(keys) >= minTable && isConst(t.Key()) && isNestedTable(v) {
		return w.nestedTable(v, keys, at, false)
	}
	w.open(t, typed)
	if len(keys) > 0 {
		w.buf.WriteByte('\n')
	}
	for _, k := range keys {
		ka := fmt.Sprintf("%s[%v]", at, k)
		if err := w.value(k, false, ka); err != nil {
			return err
		}
		w.buf.WriteString(": ")
		if err := w.value(v.MapIndex(k), false, ka); err != nil {
			return err
		}
		w.buf.WriteString(",\n")
	}
	w.buf.WriteByte('}')
	return nil
}

// minTable is the number of entries from which a map of constants is
// written as a table.
const minTable = 4

// table writes a map whose keys and values are constants (scalars and
// structs of scalars) as a package-level array of entries, which the
// compiler lays out as static data, and a call that builds the map from
// it. A map literal of the same entries compiles to one map assignment
// per entry: code some three times larger than the data, slow to run
// once in a process that starts cold.
func (w *writer) table(v reflect.Value, keys []reflect.Value, at string) error {
	t := v.Type()
	name := fmt.Sprintf("golitTable%d", w.ntables)
	w.ntables++
	kv := w.rt("KV") + "[" + w.typeName(t.Key()) + ", " + w.typeName(t.Elem()) + "]"
	fmt.Fprintf(w.buf, "%s(%s[:])", w.rt("Map"), name)
	saved := w.buf
	defer func() { w.buf = saved }()
	var tb bytes.Buffer
	w.buf = &tb
	fmt.Fprintf(&tb, "\nvar %s = [...]%s{\n", name, kv)
	for _, k := range keys {
		ka := fmt.Sprintf("%s[%v]", at, k)
		tb.WriteString("{K: ") // keyed: golitrt.KV is of another package (go vet)
		if err := w.value(k, true, ka); err != nil {
			return err
		}
		tb.WriteString(", V: ")
		if err := w.value(v.MapIndex(k), true, ka); err != nil {
			return err
		}
		tb.WriteString("},\n")
	}
	tb.WriteString("}\n")
	w.tables.Write(tb.Bytes())
	return nil
}

// isNestedTable reports whether v, a map, is a map of maps that
// nestedTable writes: constant keys, inner maps of constant keys whose
// values are constants or structs of constants and pointers to structs of
// constants, and no nil inner map.
func isNestedTable(v reflect.Value) bool {
	in := v.Type().Elem()
	if in.Kind() != reflect.Map || !isConst(in.Key()) || !(isConst(in.Elem()) || hasConstPointers(in.Elem())) {
		return false
	}
	for it := v.MapRange(); it.Next(); {
		if it.Value().IsNil() {
			return false
		}
	}
	return true
}

// hasConstPointers reports whether t is a struct whose fields are
// constants, structs of constants or pointers to structs of constants.
func hasConstPointers(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		ft := t.Field(i).Type
		if !isConst(ft) && !(ft.Kind() == reflect.Pointer && isFlat(ft.Elem())) {
			return false
		}
	}
	return true
}

// nestedTable writes a map of maps (see isNestedTable) as two
// package-level arrays, which the compiler lays out as static data (a
// pointer to a struct of constants too): the outer keys, each with the
// size of its inner map, and the inner maps' entries one map after the
// other; and a call that builds the maps from them. The values' pointers
// are given copies of the static structs they point to, so that every
// call still builds a new value. With view, the call is instead a
// golitrt.Nested value holding the tables (see File.Nested).
func (w *writer) nestedTable(v reflect.Value, keys []reflect.Value, at string, view bool) error {
	t := v.Type()
	in := t.Elem()
	runs := fmt.Sprintf("golitTable%d", w.ntables)
	entries := fmt.Sprintf("golitTable%d", w.ntables+1)
	w.ntables += 2
	own := w.ownFunc(in.Elem())
	if view {
		fmt.Fprintf(w.buf, "%s[%s, %s, %s]{Runs: %s[:], KVs: %s[:], Own: %s}", w.rt("Nested"), w.typeName(t.Key()), w.typeName(in.Key()), w.typeName(in.Elem()), runs, entries, own)
	} else {
		fmt.Fprintf(w.buf, "%s(%s[:], %s[:], %s)", w.rt("Map2"), runs, entries, own)
	}
	saved := w.buf
	defer func() { w.buf = saved }()
	var rb, eb bytes.Buffer
	fmt.Fprintf(&rb, "\nvar %s = [...]%s[%s]{\n", runs, w.rt("Run"), w.typeName(t.Key()))
	fmt.Fprintf(&eb, "\nvar %s = [...]%s[%s, %s]{\n", entries, w.rt("KV"), w.typeName(in.Key()), w.typeName(in.Elem()))
	for _, k := range keys {
		m := v.MapIndex(k)
		w.buf = &rb
		rb.WriteString("{K: ")
		if err := w.value(k, true, at); err != nil {
			return err
		}
		fmt.Fprintf(&rb, ", N: %d},\n", m.Len())
		inner, err := sortedKeys(m, at)
		if err != nil {
			return err
		}
		w.buf = &eb
		for _, ik := range inner {
			ka := fmt.Sprintf("%s[%v][%v]", at, k, ik)
			eb.WriteString("{K: ")
			if err := w.value(ik, true, ka); err != nil {
				return err
			}
			eb.WriteString(", V: ")
			if err := w.value(m.MapIndex(ik), true, ka); err != nil {
				return err
			}
			eb.WriteString("},\n")
		}
	}
	rb.WriteString("}\n")
	eb.WriteString("}\n")
	w.tables.Write(rb.Bytes())
	w.tables.Write(eb.Bytes())
	return nil
}

// ownFunc returns the name of the function that returns a value of t, a
// struct, given copies of its own of what its pointer fields point to
// (each with golitrt.Copy), writing it the first time (one per type,
// shared by every table of t); "nil" when t has no pointer field.
func (w *writer) ownFunc(t reflect.Type) string {
	if !hasPointers(t) {
		return "nil"
	}
	if name, ok := w.owns[t]; ok {
		return name
	}
	if w.owns == nil {
		w.owns = map[reflect.Type]string{}
	}
	name := fmt.Sprintf("golitOwn%d", len(w.owns))
	w.owns[t] = name
	tn := w.typeName(t)
	fmt.Fprintf(&w.tables, "\n// %s returns v given copies of its own of what it points to.\nfunc %s(v %s) %s {\n", name, name, tn, tn)
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() == reflect.Pointer {
			fmt.Fprintf(&w.tables, "%s(&v.%s)\n", w.rt("Copy"), f.Name)
		}
	}
	w.tables.WriteString("return v\n}\n")
	return name
}

// hasPointers reports whether t is a struct with a pointer field.
func hasPointers(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if t.Field(i).Type.Kind() == reflect.Pointer {
			return true
		}
	}
	return false
}

// isConst reports whether every value of t is a constant or a struct of
// constants: scalars, and structs of them.
func isConst(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Struct:
		return isFlat(t)
	}
	return false
}

func keyOrder(t reflect.Type) (func(a, b reflect.Value) int, error) {
	switch t.Kind() {
	case reflect.String:
		return func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) }, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) }, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) }, nil
	case reflect.Float32, reflect.Float64:
		return func(a, b reflect.Value) int { return cmp.Compare(a.Float(), b.Float()) }, nil
	case reflect.Bool:
		return func(a, b reflect.Value) int {
			if a.Bool() == b.Bool() {
				return 0
			} else if b.Bool() {
				return -1
			}
			return 1
		}, nil
	}
	return nil, fmt.Errorf("map keys of kind %s cannot be sorted", t.Kind())
}

func (w *writer) list(v reflect.Value, typed bool, at string) error {
	w.open(v.Type(), typed)
	n := v.Len()
	if v.Kind() == reflect.Array { // trailing zero elements may be left out
		for n > 0 && isZero(v.Index(n-1)) {
			n--
		}
	}
	if n > 0 {
		w.buf.WriteByte('\n')
	}
	for i := range n {
		if err := w.value(v.Index(i), false, fmt.Sprintf("%s[%d]", at, i)); err != nil {
			return err
		}
		w.buf.WriteString(",\n")
	}
	w.buf.WriteByte('}')
	return nil
}

// Diff returns "" when a and b are deep-equal (reflect.DeepEqual), else
// the path of the first difference found and the two values there, such
// as `.Releases["x"].Figures["DEU"][2024].Share.V: 1.5 != 1.6`. Map
// entries are visited in key order, so the result is deterministic.
func Diff(a, b any) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	if d := diff(reflect.ValueOf(a), reflect.ValueOf(b), ""); d != "" {
		return d
	}
	return "values differ" // e.g. NaN != NaN
}

func diff(a, b reflect.Value, at string) string {
	if !a.IsValid() || !b.IsValid() {
		if a.IsValid() != b.IsValid() {
			return fmt.Sprintf("%s: %v != %v", at, a, b)
		}
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %s != %s", at, a.Type(), b.Type())
	}
	show := func(v reflect.Value) string { return fmt.Sprintf("%#v", valueOf(v)) }
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil vs non-nil (%v vs %v)", at, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return diff(a.Elem(), b.Elem(), at)
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diff(a.Field(i), b.Field(i), at+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil map vs empty map (%v vs %v)", at, a.IsNil(), b.IsNil())
		}
		keys := append(a.MapKeys(), b.MapKeys()...)
		if less, err := keyOrder(a.Type().Key()); err == nil {
			slices.SortFunc(keys, less)
		}
		for _, k := range keys {
			ka := fmt.Sprintf("%s[%s]", at, show(k))
			av, bv := a.MapIndex(k), b.MapIndex(k)
			if !av.IsValid() || !bv.IsValid() {
				if av.IsValid() != bv.IsValid() {
					return fmt.Sprintf("%s: present %v vs %v", ka, av.IsValid(), bv.IsValid())
				}
				continue
			}
			if d := diff(av, bv, ka); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Kind() == reflect.Slice && a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil slice vs empty slice (%v vs %v)", at, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d != %d", at, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", at, i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(valueOf(a), valueOf(b)) {
		return fmt.Sprintf("%s: %s != %s", at, show(a), show(b))
	}
	return ""
}

// valueOf returns a comparable form of a basic value, also for one read
// through an unexported field.
func valueOf(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.String:
		return v.String()
	}
	if v.CanInterface() {
		return v.Interface()
	}
	return fmt.Sprint(v)
}
