package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	info fs.FileInfo // from os.Stat, checked by fileProblem
}

// MaxFileSize is the largest data file accepted, in bytes.
const MaxFileSize = 64 << 20

// ReadPaths reads data files. Each path is a file, or a directory whose
// *.yaml and *.yml files are read (not those of its subdirectories), in
// name order. A missing or unreadable path, a file that is not a regular
// file, a file larger than MaxFileSize and a directory without data files
// are errors naming the path. The error, if any, is an Errors holding every
// problem found.
func ReadPaths(paths []string) ([]Source, error) { return findPaths(paths, true) }

// ListPaths finds the data files as ReadPaths does, and checks them as far
// as os.Stat can (a missing path, a file that is not a regular file or is
// larger than MaxFileSize), without reading them: Load and LoadOnto read
// each file when they come to parse it and let its bytes go once it is
// parsed, so that the raw bytes of many files are never in memory at once.
// A file that cannot be read then (no permission) makes Load and LoadOnto
// return the errors ReadPaths would have returned for the files that
// could not be read, and nothing else.
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
// read false checks what fi says (fileProblem) and lists it to be read
// later.
func openFile(path string, fi fs.FileInfo, read bool) (Source, string) {
	if read {
		return readFile(path, fi)
	}
	if msg := fileProblem(fi); msg != "" {
		return Source{}, msg
	}
	return Source{Name: path, file: &listedFile{path: path, info: fi}}, ""
}

// readFile reads a file that os.Stat described as fi. It refuses anything
// but a regular file (a named pipe would block, a device never end) and
// anything larger than MaxFileSize, before reading it.
func readFile(path string, fi fs.FileInfo) (Source, string) {
	if msg := fileProblem(fi); msg != "" {
		return Source{}, msg
	}
	f, err := os.Open(path)
	if err != nil {
		return Source{}, "cannot read: " + osProblem(err)
	}
	defer f.Close()
	// The path may have been replaced since os.Stat: check what was opened.
	if fi, err = f.Stat(); err != nil {
		return Source{}, "cannot read: " + osProblem(err)
	}
	if msg := fileProblem(fi); msg != "" {
		return Source{}, msg
	}
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return Source{}, "cannot read: " + osProblem(err)
	}
	if buf.Len() > MaxFileSize {
		return Source{}, "file is too large: more than 64 MiB (expected at most 64 MiB)"
	}
	return Source{Name: path, Data: buf.Bytes()}, ""
}

func fileProblem(fi fs.FileInfo) string {
	if msg := NotRegular(fi); msg != "" {
		return msg
	}
	if fi.Size() > MaxFileSize {
		return tooLarge(fi.Size())
	}
	return ""
}

// NotRegular says why a file that is not a regular file (a FIFO, a device,
// a socket, a directory) cannot be read, or "" for a regular file: the
// guard of every file natospend reads (data and config files).
func NotRegular(fi fs.FileInfo) string {
	m := fi.Mode()
	if m.IsRegular() {
		return ""
	}
	what := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m.IsDir():
		what = "a directory"
	}
	return "cannot read: is " + what + " (expected a regular file)"
}

func tooLarge(n int64) string {
	return fmt.Sprintf("file is too large: %d bytes (expected at most 64 MiB)", n)
}

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
