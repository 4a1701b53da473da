package dataset

import (
	"errors"
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
			t.Errorf("got %v\nwant %v", got, want)
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

// TestListPaths: ListPaths finds the files ReadPaths reads, in the same
// order and with the same errors, without reading them; Load and LoadOnto
// read them as they parse them, to the same dataset; a file that can no
// longer be read then is reported as ReadPaths reports it, alone.
func TestListPaths(t *testing.T) {
	dir := t.TempDir()
	valid, err := filepath.Glob("testdata/valid/*.yaml")
	if err != nil || len(valid) == 0 {
		t.Fatal(valid, err)
	}
	for _, p := range valid {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{filepath.Base(p): string(b)})
	}
	read, err := ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	listed, err := ListPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != len(read) {
		t.Fatalf("listed %d files, read %d", len(listed), len(read))
	}
	for i := range listed {
		if listed[i].Name != read[i].Name || listed[i].Data != nil || listed[i].file == nil {
			t.Errorf("listed %q (%d bytes), read %q", listed[i].Name, len(listed[i].Data), read[i].Name)
		}
	}
	want := mustLoad(t, nil, read)
	if got := mustLoad(t, nil, listed); !reflect.DeepEqual(got, want) {
		t.Error("Load of the listed files differs from Load of the files read")
	}
	if got, err := LoadOnto(nil, listed); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("LoadOnto of the listed files differs from Load of the files read (%v)", err)
	}

	bad := []string{filepath.Join(dir, "missing.yaml"), dir, t.TempDir()}
	_, err = ListPaths(bad)
	_, rerr := ReadPaths(bad)
	if err == nil || rerr == nil || err.Error() != rerr.Error() {
		t.Errorf("ListPaths reports\n%v\nReadPaths\n%v", err, rerr)
	}

	// Files gone between listing and loading: only they are reported.
	gone := []string{filepath.Join(dir, "groups.yaml"), filepath.Join(dir, "countries.yaml")}
	for _, p := range gone {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	_, err = Load(nil, listed)
	wantErr := gone[1] + ": cannot read: no such file or directory\n" + gone[0] + ": cannot read: no such file or directory"
	if err == nil || err.Error() != wantErr {
		t.Errorf("got %v\nwant %s", err, wantErr)
	}
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 || es[0].File != gone[1] || es[1].File != gone[0] {
		t.Errorf("errors %v, want the two files in the order listed", es)
	}
}
