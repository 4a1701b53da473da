package xlsx

// Limits bound what the reader accepts, so that a hostile workbook is
// refused before it costs much time or memory. A zero (or negative) field
// takes the default.
//
// The defaults leave a wide margin over NATO's workbooks (the June 2024
// one: 150 KB zipped, 0.8 MB of XML read, 2,139 cells in its largest
// sheet, 9 sheets) and keep the worst a hostile file can cost to about
// 2 seconds and 150 MB: encoding/xml decodes about 18 MB of XML a second,
// and a cell costs about 2.5 microseconds, 100 bytes kept and 700 bytes
// allocated while it is read (measured on the CI machine: a sheet of a
// million rows is refused at 200,000 cells in 0.45 s, with 50 MB of heap
// in use).
//
// What the reader holds in memory at once:
//   - the file's bytes (at most MaxFileSize) and the zip's directory (at
//     most 10,000 entries, a few hundred bytes each);
//   - the shared strings, their text at most the size of their part;
//   - the cells of the one sheet Rows returns, at most MaxCells: a sheet is
//     decoded as a stream of XML tokens, never as a tree;
//   - the XML decoder's current token, at most the size of its part.
//
// Every part read (workbook, relationships, shared strings, sheets) counts
// towards MaxUncompressed by the size its zip entry declares, checked
// before anything is inflated, and no part may yield more than it
// declares.
type Limits struct {
	MaxFileSize     int64 // bytes of the .xlsx (zip) file; default 32 MiB
	MaxUncompressed int64 // total uncompressed bytes of the parts read; default 32 MiB
	MaxCells        int   // cells (<c> elements, with a value or not) in one sheet; default 200,000
	MaxSheets       int   // default 256
}

// The defaults of Limits.
const (
	DefaultMaxFileSize     = 32 << 20
	DefaultMaxUncompressed = 32 << 20
	DefaultMaxCells        = 200_000
	DefaultMaxSheets       = 256
)

// Fixed limits, beyond any real workbook.
const (
	// maxParts bounds the entries of the zip (NATO's workbook has 50):
	// each costs archive/zip a few hundred bytes before any is read.
	maxParts = 10_000
	// maxRatio is the largest compression ratio accepted for a part
	// larger than ratioFloor (declared uncompressed size over compressed
	// size). Spreadsheet XML compresses 4 to 15 times (NATO's workbook:
	// 13 at most; a sheet of a million rows of numbers: 8), because each
	// cell carries its own reference; the same XML repeated without
	// references, which no spreadsheet program writes, 400 to 500 times;
	// deflate's own ceiling is 1,032.
	maxRatio   = 200
	ratioFloor = 1 << 20
	// maxSharedStrings bounds the entries of xl/sharedStrings.xml.
	maxSharedStrings = 2_000_000
	// maxTextLen is the longest text a cell may hold, in bytes: Excel's
	// own limit is 32,767 characters, at most 4 bytes each in UTF-8.
	maxTextLen = 4 * 32767
	// maxCol and maxRow are the edges of Excel's grid: XFD1048576.
	maxCol = 16384
	maxRow = 1048576
)

// DefaultLimits returns the limits used for NATO's workbooks: far above
// any real one, far below what would hurt.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize:     DefaultMaxFileSize,
		MaxUncompressed: DefaultMaxUncompressed,
		MaxCells:        DefaultMaxCells,
		MaxSheets:       DefaultMaxSheets,
	}
}

// withDefaults fills the zero (or negative) fields of lim with the defaults.
func (lim Limits) withDefaults() Limits {
	d := DefaultLimits()
	if lim.MaxFileSize <= 0 {
		lim.MaxFileSize = d.MaxFileSize
	}
	if lim.MaxUncompressed <= 0 {
		lim.MaxUncompressed = d.MaxUncompressed
	}
	if lim.MaxCells <= 0 {
		lim.MaxCells = d.MaxCells
	}
	if lim.MaxSheets <= 0 {
		lim.MaxSheets = d.MaxSheets
	}
	return lim
}
