package dataset

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/natospend/natospend/pkg/guardedfile"
)

// Source is the content of one data file.
type Source struct {
	Name string // appears in messages: a path, or "embedded:countries.yaml"
	Data []byte
	// file, set by ListPaths (Data is then nil), is the file to read: Load
	// and LoadOnto read it when they come to parse it, and let its bytes go
	// once it is parsed.
	file *listedFile
}

type listedFile struct {
	path string
	info fs.FileInfo // from os.Stat, checked by guardedfile.Check
}

// MaxFileSize is the largest data file accepted, in bytes.
const MaxFileSize = 64 << 20

// ListPaths finds data files: each path is a file, or a directory whose
// *.yaml and *.yml files are listed (not those of its subdirectories), in
// name order. It checks them as far as os.Stat can (a missing path, a file
// that is not a regular file or is larger than MaxFileSize, a directory
// without data files: errors naming the path; the error, if any, is an
// Errors holding every problem found), without reading them: Load and
// LoadOnto read each file when they come to parse it and let its bytes go
// once it is parsed, so that the raw bytes of many files are never in
// memory at once. A file that cannot be read then (no permission) makes
// Load and LoadOnto return the errors of the files that could not be read,
// and nothing else (the tests' ReadPaths, export_test.go, reads the files
// at once and returns those errors).
func ListPaths(paths []string) ([]Source, error) { return findPaths(paths, false) }

func findPaths(paths []string, read bool) ([]Source, error) {
	var out []Source
	var errs Errors
	fail := func(path, msg string) { errs = append(errs, &Error{File: path, Msg: msg}) }
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			fail(p, statProblem(p, err))
			continue
		}
		if !fi.IsDir() {
			src, msg := openFile(p, fi, read)
			if msg != "" {
				fail(p, msg)
				continue
			}
			out = append(out, src)
			continue
		}
		entries, err := os.ReadDir(p) // sorted by file name
		if err != nil {
			fail(p, "cannot read the directory: "+osProblem(err))
			continue
		}
		found := 0
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); ext != ".yaml" && ext != ".yml" {
				continue
			}
			full := filepath.Join(p, e.Name())
			fi, err := os.Stat(full) // follows symbolic links
			if err != nil {
				found++
				fail(full, statProblem(full, err))
				continue
			}
			if fi.IsDir() {
				continue // non-recursive
			}
			found++
			src, msg := openFile(full, fi, read)
			if msg != "" {
				fail(full, msg)
				continue
			}
			out = append(out, src)
		}
		if found == 0 {
			fail(p, "the directory holds no .yaml or .yml file")
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// openFile reads a file that os.Stat described as fi (readFile), or with
// read false checks what fi says (guardedfile.Check) and lists it to be
// read later.
func openFile(path string, fi fs.FileInfo, read bool) (Source, string) {
	if read {
		return readFile(path)
	}
	if err := guardedfile.Check(path, fi, MaxFileSize); err != nil {
		return Source{}, reason(err)
	}
	return Source{Name: path, file: &listedFile{path: path, info: fi}}, ""
}

// readFile reads a data file with the guards of every input file
// (package guardedfile): a regular file of at most MaxFileSize bytes,
// opened without blocking and checked again once opened.
func readFile(path string) (Source, string) {
	data, err := guardedfile.Read(path, MaxFileSize)
	if err != nil {
		return Source{}, reason(err)
	}
	return Source{Name: path, Data: data}, ""
}

// reason is a guardedfile error's message without the path (an Error of
// this package names the file).
func reason(err error) string {
	var ge *guardedfile.Error
	if errors.As(err, &ge) {
		return ge.Reason
	}
	return err.Error()
}

func tooLarge(n int64) string { return guardedfile.TooLarge("", n, MaxFileSize).Reason }

func statProblem(path string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return "cannot read: is a symbolic link to " + show(target) + ", which does not exist"
		}
	}
	return "cannot read: " + osProblem(err)
}

// osProblem returns the reason of an os error without the repeated path.
func osProblem(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
