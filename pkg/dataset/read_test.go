package dataset

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadPaths(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.yml":          "b",
		"a.yaml":         "a",
		"c.yaml":         "c",
		"notes.txt":      "not data",
		"README.md":      "not data",
		"sub/d.yaml":     "not read: subdirectory",
		"sub.yaml/e.yml": "not read: a directory named .yaml",
		"single.yaml":    "single",
		"empty/x.txt":    "",
	})
	j := func(name string) string { return filepath.Join(dir, name) }

	t.Run("directory and file", func(t *testing.T) {
		got, err := ReadPaths([]string{j("single.yaml"), dir})
		if err != nil {
			t.Fatal(err)
		}
		want := []Source{
			{Name: j("single.yaml"), Data: []byte("single")},
			{Name: j("a.yaml"), Data: []byte("a")},
			{Name: j("b.yml"), Data: []byte("b")},
			{Name: j("c.yaml"), Data: []byte("c")},
			{Name: j("single.yaml"), Data: []byte("single")},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("errors name every path", func(t *testing.T) {
		_, err := ReadPaths([]string{j("missing.yaml"), j("a.yaml"), j("empty"), j("missing-dir")})
		want := j("empty") + ": the directory holds no .yaml or .yml file\n" +
			j("missing-dir") + ": cannot read: no such file or directory\n" +
			j("missing.yaml") + ": cannot read: no such file or directory"
		if err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
	})
	t.Run("file over 64 MiB in a directory", func(t *testing.T) {
		d := t.TempDir()
		f, err := os.Create(filepath.Join(d, "big.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(MaxFileSize + 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadPaths([]string{d})
		if want := filepath.Join(d, "big.yaml") + ": file is too large: 67108865 bytes (expected at most 64 MiB)"; err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
	})
	t.Run("file of exactly 64 MiB", func(t *testing.T) {
		if testing.Short() {
			t.Skip("reads 64 MiB")
		}
		d := t.TempDir()
		f, err := os.Create(filepath.Join(d, "max.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(MaxFileSize); err != nil {
			t.Fatal(err)
		}
		f.Close()
		got, err := ReadPaths([]string{d})
		if err != nil || len(got) != 1 || len(got[0].Data) != MaxFileSize {
			t.Fatalf("got %d sources, %v", len(got), err)
		}
	})
}
