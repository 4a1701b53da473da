package golitrt

import (
	"reflect"
	"testing"
)

type cell struct {
	N   int
	Ptr *int
}

// tables: {"a": {1: {N: 1}, 2: {N: 2, Ptr: &7}}, "b": {}, "c": {3: {N: 3}}},
// as golit writes them (runs of outer keys, then the inner entries).
var (
	seven   = 7
	runs    = []Run[string]{{K: "a", N: 2}, {K: "b", N: 0}, {K: "c", N: 1}}
	entries = []KV[int, cell]{{K: 1, V: cell{N: 1}}, {K: 2, V: cell{N: 2, Ptr: &seven}}, {K: 3, V: cell{N: 3}}}
	own     = func(v cell) cell { Copy(&v.Ptr); return v } // as golit writes it
)

func TestMap(t *testing.T) {
	got := Map([]KV[string, int]{{K: "x", V: 1}, {K: "y", V: 2}})
	if !reflect.DeepEqual(got, map[string]int{"x": 1, "y": 2}) {
		t.Errorf("Map = %v", got)
	}
	if got := Map[string, int](nil); got == nil || len(got) != 0 {
		t.Errorf("Map(nil) = %#v, want an empty map", got)
	}
}

// TestMap2: the runs split the entries; own gives each value its own copy
// of what it points to, so that a caller changing it changes no table.
func TestMap2(t *testing.T) {
	m := Map2(runs, entries, own)
	want := map[string]map[int]cell{"a": {1: {N: 1}, 2: {N: 2, Ptr: m["a"][2].Ptr}}, "b": {}, "c": {3: {N: 3}}}
	if !reflect.DeepEqual(m, want) || m["a"][2].Ptr == nil || *m["a"][2].Ptr != 7 {
		t.Fatalf("Map2 = %v", m)
	}
	*m["a"][2].Ptr = 8
	if seven != 7 {
		t.Error("changing a built value changed the table")
	}
	if m["b"] == nil {
		t.Error(`"b" has a nil map, want an empty one`)
	}
}

// TestNested: Lookup and Each read the tables as the map Map builds.
func TestNested(t *testing.T) {
	n := Nested[string, int, cell]{Runs: runs, KVs: entries, Own: own}
	m := n.Map()
	for _, k1 := range []string{"a", "b", "c", "z"} {
		for k2 := range 5 {
			got, ok := n.Lookup(k1, k2)
			want, wok := m[k1][k2]
			if ok != wok || got.N != want.N || (got.Ptr == nil) != (want.Ptr == nil) {
				t.Errorf("Lookup(%s, %d) = %+v %v, the map has %+v %v", k1, k2, got, ok, want, wok)
			}
			if got.Ptr != nil && got.Ptr == &seven {
				t.Errorf("Lookup(%s, %d) shares the table's pointer", k1, k2)
			}
		}
	}
	var all []int
	n.Each(false, "", func(k1 string, k2 int, v cell) bool { all = append(all, k2); return true })
	if !reflect.DeepEqual(all, []int{1, 2, 3}) {
		t.Errorf("Each = %v, want 1 2 3 (outer, then inner order)", all)
	}
	var only []int
	n.Each(true, "c", func(k1 string, k2 int, v cell) bool { only = append(only, k2); return true })
	if !reflect.DeepEqual(only, []int{3}) {
		t.Errorf(`Each(only "c") = %v, want 3`, only)
	}
	var first []int
	n.Each(false, "", func(k1 string, k2 int, v cell) bool { first = append(first, k2); return false })
	if !reflect.DeepEqual(first, []int{1}) {
		t.Errorf("Each stopping at once = %v, want 1", first)
	}
}

// TestCopy: Copy points a pointer at a copy of its own of the value, and
// leaves nil alone.
func TestCopy(t *testing.T) {
	seven := 7
	p := &seven
	Copy(&p)
	if p == &seven || *p != 7 {
		t.Fatalf("Copy: %p -> %p (%d), want another pointer to 7", &seven, p, *p)
	}
	*p = 8
	if seven != 7 {
		t.Errorf("a change to the copy changed the original: %d", seven)
	}
	var none *int
	if Copy(&none); none != nil {
		t.Errorf("Copy of nil: %v", none)
	}
}
