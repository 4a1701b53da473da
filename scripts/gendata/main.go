// Command gendata writes valid synthetic natospend data files of any size,
// for benchmarks: N releases x C countries x Y years of country-year cells,
// plus the countries and groups files the releases need.
//
//	go run ./scripts/gendata -out /tmp/syn100k -releases 10 -countries 200 -years 50
//	natospend validate --no-default-data /tmp/syn100k
//	natospend gap --no-default-data --data /tmp/syn100k --target 3.7
//
// The data is synthetic and marked so in every file (a comment at the top,
// the titles, the publisher, the notes and the country names): it is not
// NATO's, nor any country's. Country codes are ISO-like upper-case
// three-letter codes from ISO 3166-1's user-assigned ranges (QMA-QZZ, then
// XAA-XZZ, ZZA-ZZZ, AAA-AAZ), which ISO never gives to a country, so they
// cannot be taken for real ones.
//
// Each cell holds what a cell of NATO's July 2026 release holds: GDP and
// defence in million USD, the share of GDP and the equipment share, and
// estimate: true in the last two years; for example
//
//	2026: {gdp_musd: 183211, defence_musd: 4617, share_pct: 2.52, equipment_pct: 31.07, estimate: true}
//
// The files are written by pkg/dataset's encoder, so they are in the
// loader's format by construction; the output is deterministic for a given
// -seed. Releases are named synthetic-0001, ..., published a day apart
// (the last is the newest), one file each.
//
// With -csv DIR it also writes the same cells as CSV, one file per release
// (DIR/synthetic-0001.csv, ...), for the pandas script scripts/bench.sh
// compares natospend with (scripts/bench_pandas.py): a header line
//
//	release,published,code,year,gdp_musd,defence_musd,share_pct,equipment_pct,estimate
//
// then one line per cell, each number written exactly as in the YAML (the
// shortest text that reads back to the same float64).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/natospend/natospend/pkg/dataset"
	"github.com/natospend/natospend/pkg/defence"
)

const mark = "SYNTHETIC DATA written by scripts/gendata for benchmarks: not real figures of any country."

func main() {
	var o options
	flag.StringVar(&o.out, "out", "", "directory to write (created if missing; its existing *.yaml files are removed)")
	flag.StringVar(&o.csv, "csv", "", "also write the releases' cells as CSV to this directory, one file per release (created if missing; its existing *.csv files are removed)")
	flag.IntVar(&o.releases, "releases", 1, "number of releases")
	flag.IntVar(&o.countries, "countries", 200, "countries per release (at most 1092)")
	flag.IntVar(&o.years, "years", 50, "years per country (at most 152: 1949 to 2100)")
	flag.Uint64Var(&o.seed, "seed", 1, "random seed: the same seed writes the same files")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

type options struct {
	out, csv                   string
	releases, countries, years int
	seed                       uint64
}

// Codes returns n codes from the user-assigned ranges of ISO 3166-1.
func Codes(n int) ([]string, error) {
	var out []string
	add := func(a byte, b0, b1 byte) {
		for b := b0; b <= b1; b++ {
			for c := byte('A'); c <= 'Z'; c++ {
				out = append(out, string([]byte{a, b, c}))
			}
		}
	}
	add('Q', 'M', 'Z')
	add('X', 'A', 'Z')
	add('Z', 'Z', 'Z')
	add('A', 'A', 'A')
	if n > len(out) {
		return nil, fmt.Errorf("-countries %d: at most %d (the user-assigned codes of ISO 3166-1)", n, len(out))
	}
	return out[:n], nil
}

func run(o options) error {
	switch {
	case o.out == "":
		return fmt.Errorf("-out DIR is required")
	case o.releases < 1 || o.releases > 30000:
		return fmt.Errorf("-releases %d: from 1 to 30000", o.releases)
	case o.countries < 1:
		return fmt.Errorf("-countries %d: at least 1", o.countries)
	case o.years < 1 || o.years > 152:
		return fmt.Errorf("-years %d: from 1 to 152", o.years)
	}
	codes, err := Codes(o.countries)
	if err != nil {
		return err
	}
	if err := clean(o.out, "*.yaml"); err != nil {
		return err
	}
	if o.csv != "" {
		if err := clean(o.csv, "*.csv"); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(o.seed, 0x6e61746f))
	head := dataset.Head{Comment: mark, Citation: "synthetic data from natospend's scripts/gendata: not real countries"}

	countries := make([]defence.Country, len(codes))
	for i, c := range codes {
		countries[i] = defence.Country{Code: c, Name: "Synthetic " + c, NATOSince: 1949 + rng.IntN(76), DefenceReported: true}
	}
	if err := write(o.out, "countries.yaml", func(w *bufio.Writer) error { return dataset.EncodeCountries(w, head, countries) }); err != nil {
		return err
	}
	groups := []defence.Group{{ID: "nato", Name: "Synthetic allies (all the synthetic countries)", Members: codes}}
	if err := write(o.out, "groups.yaml", func(w *bufio.Writer) error { return dataset.EncodeGroups(w, head, groups) }); err != nil {
		return err
	}

	last := 2026
	first := last - o.years + 1
	if first < 1949 {
		first, last = 1949, 1949+o.years-1
	}
	// Each country's GDP and share follow a random walk from a random
	// start, the same in every release but for small revisions.
	type walk struct{ gdp, share, equip float64 }
	start := make([]walk, len(codes))
	for i := range start {
		start[i] = walk{gdp: math.Exp(7 + rng.Float64()*10), share: 0.5 + rng.Float64()*3, equip: 5 + rng.Float64()*40}
	}
	for n := 1; n <= o.releases; n++ {
		r := (&defence.Release{
			ID:         fmt.Sprintf("synthetic-%04d", n),
			Series:     defence.SeriesDefence,
			Title:      fmt.Sprintf("Synthetic release %d of %d (not real data)", n, o.releases),
			Publisher:  "natospend scripts/gendata (synthetic)",
			Published:  published(n),
			URL:        "https://example.org/natospend/synthetic",
			PriceBasis: "synthetic: million USD, current prices",
			Definition: defence.DefinitionClassic,
			Notes:      []string{mark},
		}).SetFigures(make(map[string]map[int]defence.Figure, len(codes)))
		for i, c := range codes {
			w := start[i]
			ys := make(map[int]defence.Figure, o.years)
			for y := first; y <= last; y++ {
				w.gdp *= 1 + (rng.Float64()*0.08 - 0.02)
				w.share = math.Min(10, math.Max(0.3, w.share+rng.Float64()*0.2-0.1))
				w.equip = math.Min(60, math.Max(2, w.equip+rng.Float64()*4-2))
				gdp := math.Round(w.gdp * (1 + rng.Float64()*0.002))
				share := math.Round(w.share*100) / 100
				ys[y] = defence.Figure{
					GDP:       defence.N(gdp),
					Defence:   defence.N(math.Round(gdp * share / 100)),
					Share:     defence.N(share),
					Equipment: defence.N(math.Round(w.equip*100) / 100),
					Estimate:  y > last-2,
				}
			}
			r.Cells()[c] = ys
		}
		name := r.ID + ".yaml"
		if err := write(o.out, name, func(w *bufio.Writer) error { return dataset.EncodeRelease(w, mark, r) }); err != nil {
			return err
		}
		if o.csv != "" {
			if err := write(o.csv, r.ID+".csv", func(w *bufio.Writer) error { return writeCSV(w, r, codes, first, last) }); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(os.Stderr, "gendata: wrote %d releases x %d countries x %d years = %d country-years (synthetic) to %s\n",
		o.releases, o.countries, o.years, o.releases*o.countries*o.years, o.out)
	return nil
}

// clean creates dir if missing and removes its files matching pattern.
func clean(dir, pattern string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return nil
}

// csvHeader is the first line of a release's CSV file.
const csvHeader = "release,published,code,year,gdp_musd,defence_musd,share_pct,equipment_pct,estimate\n"

// writeCSV writes a release's cells as CSV, countries in the order of
// codes, years ascending. The numbers are written as the YAML encoder
// writes them (strconv 'g', -1): the same float64 values. Nothing in a
// synthetic release needs quoting.
func writeCSV(w *bufio.Writer, r *defence.Release, codes []string, first, last int) error {
	if _, err := w.WriteString(csvHeader); err != nil {
		return err
	}
	var b []byte
	num := func(n defence.Num) {
		b = append(b, ',')
		if n.Known {
			b = strconv.AppendFloat(b, n.V+0, 'g', -1, 64)
		}
	}
	for _, c := range codes {
		for y := first; y <= last; y++ {
			f, ok := r.Cells()[c][y]
			if !ok {
				continue
			}
			b = append(b[:0], r.ID...)
			b = append(b, ',')
			b = append(b, r.Published...)
			b = append(b, ',')
			b = append(b, c...)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(y), 10)
			num(f.GDP)
			num(f.Defence)
			num(f.Share)
			num(f.Equipment)
			b = append(b, ',')
			b = strconv.AppendBool(b, f.Estimate)
			b = append(b, '\n')
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
	}
	return nil
}

// published returns distinct dates, one a day from 2000-01-01 on, so that
// the last release is the newest.
func published(n int) string {
	d := n - 1
	y := 2000 + d/336
	m := 1 + d%336/28
	day := 1 + d%28
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

func write(dir, name string, f func(w *bufio.Writer) error) (err error) {
	path := filepath.Join(dir, name)
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			err = fmt.Errorf("%s: %w", path, err)
		}
	}()
	w := bufio.NewWriterSize(file, 1<<20)
	if err := f(w); err != nil {
		return err
	}
	return w.Flush()
}
