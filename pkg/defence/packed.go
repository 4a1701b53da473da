package defence

import "slices"

// Packed holds a release's figures in columns instead of a map per
// country: a cell costs some 40 bytes (its year, its known numbers, a byte
// of flags and its line) instead of the 152-byte Figure and its map slot.
// The loader packs each release of a user's file as soon as the file is
// parsed (Release.Pack), so that a million cells fit in some 40 MB;
// Release.Cells builds the maps again for code that wants them, and the
// rest reads the columns (FigureIndex).
//
// A Packed is read-only once made.
type Packed struct {
	codes  []string // the countries, sorted
	starts []int32  // the cells of codes[i] are [starts[i], starts[i+1])
	years  []int32  // each cell's year, ascending within a country
	flags  []uint8  // each cell's known numbers (1 << column) and estimate
	cols   [numCols][]float64
	// Sources: each cell's file, an index into files (the distinct files,
	// in the order of the cells), and its line. fileOf is nil while there
	// is one file, as in every release the loader packs (one file holds a
	// release's cells). A cell whose line does not fit in an int32 (only a
	// value built by hand can have one) keeps its whole place in far.
	files  []string
	fileOf []int32
	lines  []int32
	far    map[int32]Place
	notes  map[int32]string
	detail map[int32]*Detail
}

// The numeric columns of a Figure, in the order of Packed.cols.
const (
	colGDP = iota
	colDefence
	colShare
	colEquipment
	colResilience
	colPopulation
	numCols
)

const flagEstimate = 1 << numCols

func (f *Figure) col(i int) *Num {
	switch i {
	case colGDP:
		return &f.GDP
	case colDefence:
		return &f.Defence
	case colShare:
		return &f.Share
	case colEquipment:
		return &f.Equipment
	case colResilience:
		return &f.Resilience
	}
	return &f.Population
}

// Pack packs figures (country code -> year -> figure). A column that no
// cell knows takes no space.
func Pack(figures map[string]map[int]Figure) *Packed {
	p := &Packed{codes: make([]string, 0, len(figures))}
	n := 0
	for code, ys := range figures {
		p.codes = append(p.codes, code)
		n += len(ys)
	}
	slices.Sort(p.codes)
	p.starts = make([]int32, 0, len(p.codes)+1)
	p.years = make([]int32, 0, n)
	p.flags = make([]uint8, 0, n)
	p.lines = make([]int32, 0, n)
	var used [numCols]bool
	for _, ys := range figures {
		for _, f := range ys {
			for c := range numCols {
				used[c] = used[c] || f.col(c).Known
			}
		}
	}
	for c := range numCols {
		if used[c] {
			p.cols[c] = make([]float64, 0, n)
		}
	}
	years := make([]int, 0, 64)
	var fileIx map[string]int32 // files' indexes, once there are two
	for _, code := range p.codes {
		p.starts = append(p.starts, int32(len(p.years)))
		ys := figures[code]
		years = years[:0]
		for y := range ys {
			years = append(years, y)
		}
		slices.Sort(years)
		for _, y := range years {
			f := ys[y]
			i := int32(len(p.years))
			p.years = append(p.years, int32(y))
			var fl uint8
			for c := range numCols {
				v := f.col(c)
				if v.Known {
					fl |= 1 << c
				}
				if p.cols[c] != nil {
					p.cols[c] = append(p.cols[c], v.V)
				}
			}
			if f.Estimate {
				fl |= flagEstimate
			}
			p.flags = append(p.flags, fl)
			p.place(i, f.Source, &fileIx)
			if f.Note != "" {
				if p.notes == nil {
					p.notes = map[int32]string{}
				}
				p.notes[i] = f.Note
			}
			if f.Detail != nil {
				if p.detail == nil {
					p.detail = map[int32]*Detail{}
				}
				d := *f.Detail
				p.detail[i] = &d
			}
		}
	}
	p.starts = append(p.starts, int32(len(p.years)))
	return p
}

// place keeps the source of cell i, the last cell packed: its file's
// index (in fileOf, once there are two files) and its line.
func (p *Packed) place(i int32, at Place, fileIx *map[string]int32) {
	k := int32(0)
	switch {
	case len(p.files) == 0:
		p.files = append(p.files, at.File)
	case at.File == p.files[0] && p.fileOf == nil:
	default:
		if *fileIx == nil {
			*fileIx = map[string]int32{p.files[0]: 0}
			p.fileOf = make([]int32, i, cap(p.lines))
		}
		var ok bool
		if k, ok = (*fileIx)[at.File]; !ok {
			k = int32(len(p.files))
			p.files = append(p.files, at.File)
			(*fileIx)[at.File] = k
		}
		p.fileOf = append(p.fileOf, k)
	}
	line := int32(at.Line)
	if int(line) != at.Line {
		if p.far == nil {
			p.far = map[int32]Place{}
		}
		p.far[i] = at
	}
	p.lines = append(p.lines, line)
}

// source returns the place of cell i.
func (p *Packed) source(i int32) Place {
	if at, ok := p.far[i]; ok {
		return at
	}
	k := int32(0)
	if p.fileOf != nil {
		k = p.fileOf[i]
	}
	return Place{File: p.files[k], Line: int(p.lines[i])}
}

// country returns the range of a country's cells, and whether it has any.
func (p *Packed) country(code string) (int32, int32, bool) {
	i, ok := slices.BinarySearch(p.codes, code)
	if !ok {
		return 0, 0, false
	}
	return p.starts[i], p.starts[i+1], true
}

// numbers fills the numbers and the estimate of cell i into f.
func (p *Packed) numbers(i int32, f *Figure) {
	fl := p.flags[i]
	for c := range numCols {
		if fl&(1<<c) != 0 {
			*f.col(c) = Num{V: p.cols[c][i], Known: true}
		}
	}
	f.Estimate = fl&flagEstimate != 0
	f.Note = p.notes[i]
}

// figure returns cell i whole: its numbers, note, detail (a copy of its
// own) and source.
func (p *Packed) figure(i int32) Figure {
	var f Figure
	p.numbers(i, &f)
	if d := p.detail[i]; d != nil {
		c := *d
		f.Detail = &c
	}
	f.Source = p.source(i)
	return f
}

// Figure returns the cell of a country and year, whole.
func (p *Packed) Figure(code string, year int) (Figure, bool) {
	lo, hi, ok := p.country(code)
	if !ok {
		return Figure{}, false
	}
	ys := p.years[lo:hi]
	j, ok := slices.BinarySearch(ys, int32(year))
	if !ok {
		return Figure{}, false
	}
	return p.figure(lo + int32(j)), true
}

// Each calls fn with every cell (the country code's alone with only), by
// country and year, until fn returns false. The figures carry their
// numbers, estimate and note, not their Detail nor their Source (Figure
// gives them): reading a million cells builds no string.
func (p *Packed) Each(only bool, code string, fn func(code string, year int, f Figure) bool) {
	cells := func(c string, lo, hi int32) bool {
		for i := lo; i < hi; i++ {
			var f Figure
			p.numbers(i, &f)
			if !fn(c, int(p.years[i]), f) {
				return false
			}
		}
		return true
	}
	if only {
		if lo, hi, ok := p.country(code); ok {
			cells(code, lo, hi)
		}
		return
	}
	for k, c := range p.codes {
		if !cells(c, p.starts[k], p.starts[k+1]) {
			return
		}
	}
}

// Map builds the figures as maps (country code -> year -> figure): what
// Pack was given, a new value on every call.
func (p *Packed) Map() map[string]map[int]Figure {
	out := make(map[string]map[int]Figure, len(p.codes))
	for k, c := range p.codes {
		lo, hi := p.starts[k], p.starts[k+1]
		ys := make(map[int]Figure, hi-lo)
		for i := lo; i < hi; i++ {
			ys[int(p.years[i])] = p.figure(i)
		}
		out[c] = ys
	}
	return out
}

// Pack packs the release's figures (see Packed): from then on it reads
// them from the columns, and builds the maps again only when asked for the
// whole (Cells). A release that is already lazy is left as it is.
func (r *Release) Pack() {
	if r.lazy != nil {
		return
	}
	r.Lazy(Pack(r.figures))
}
