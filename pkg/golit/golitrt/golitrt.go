// Package golitrt is what the Go source that package golit writes calls
// at run time: the map tables (KV, Map), the tables of maps of maps (Run,
// Map2), Nested, which reads such tables without building the maps, and
// Copy, which the functions that give a value of such a table pointers of
// its own call.
// A generated file (pkg/snapshot/dataset_gen.go) imports it, so that these
// helpers are compiled, vetted and tested once, here, instead of being
// written into every generated file.
package golitrt

// KV is an entry of a map table.
type KV[K comparable, V any] struct {
	K K
	V V
}

// Map builds a map from a table of entries.
func Map[K comparable, V any](kvs []KV[K, V]) map[K]V {
	m := make(map[K]V, len(kvs))
	for _, kv := range kvs {
		m[kv.K] = kv.V
	}
	return m
}

// Run is an outer key of a map of maps and the number of entries of
// its inner map, which follow in the inner table.
type Run[K comparable] struct {
	K K
	N int
}

// Map2 builds a map of maps from the runs of its outer keys and a
// table of the inner maps' entries, one run after the other. own, when
// not nil, returns each value given a copy of what its pointers point to.
func Map2[K1, K2 comparable, V any](runs []Run[K1], kvs []KV[K2, V], own func(V) V) map[K1]map[K2]V {
	m := make(map[K1]map[K2]V, len(runs))
	for _, r := range runs {
		inner := make(map[K2]V, r.N)
		for _, kv := range kvs[:r.N] {
			if own != nil {
				inner[kv.K] = own(kv.V)
			} else {
				inner[kv.K] = kv.V
			}
		}
		kvs = kvs[r.N:]
		m[r.K] = inner
	}
	return m
}

// Nested is a map of maps kept as the tables Map2 builds it
// from: Map builds it; Lookup and Each read it without building a map.
type Nested[K1, K2 comparable, V any] struct {
	Runs []Run[K1]
	KVs  []KV[K2, V]
	Own  func(V) V // returns a value given a copy of what its pointers point to; nil: none
}

// Map builds the map of maps: a new value on every call.
func (t Nested[K1, K2, V]) Map() map[K1]map[K2]V { return Map2(t.Runs, t.KVs, t.Own) }

// Lookup returns the value at k1 and k2, with its own copy of what it
// points to, and whether there is one.
func (t Nested[K1, K2, V]) Lookup(k1 K1, k2 K2) (V, bool) {
	kvs := t.KVs
	for _, r := range t.Runs {
		if r.K != k1 {
			kvs = kvs[r.N:]
			continue
		}
		for _, kv := range kvs[:r.N] {
			if kv.K == k2 {
				if t.Own == nil {
					return kv.V, true
				}
				return t.Own(kv.V), true
			}
		}
		break
	}
	var zero V
	return zero, false
}

// Each calls fn with every entry, in the order of the outer keys and then
// of the inner keys, until fn returns false; with only, only the entries
// of the outer key k1. The values share what they point to with the
// tables: fn must not change it.
func (t Nested[K1, K2, V]) Each(only bool, k1 K1, fn func(K1, K2, V) bool) {
	kvs := t.KVs
	for _, r := range t.Runs {
		if !only || r.K == k1 {
			for _, kv := range kvs[:r.N] {
				if !fn(r.K, kv.K, kv.V) {
					return
				}
			}
		}
		kvs = kvs[r.N:]
	}
}

// Copy gives *p a copy of its own of what it points to, when it is not
// nil: what the own function golit writes for a type of a table (Map2's
// and Nested's Own) calls for each pointer field of the value it was
// given, so that every value built from the table has its own. The value
// is passed and returned, not pointed to, so that it stays off the heap.
func Copy[T any](p **T) {
	if *p != nil {
		c := **p
		*p = &c
	}
}
