package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const testVersion = "v0.0.0-test"

var (
	buildOnce sync.Once
	buildDirs [2]string // two builds of linux/amd64, from the same commit
	buildErr  error
	tmpRoot   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpRoot != "" {
		os.RemoveAll(tmpRoot)
	}
	os.Exit(code)
}

// built builds the linux/amd64 archive twice, once per test binary: the
// reproducibility test compares them, the action's test installs from the
// first.
func built(t *testing.T) [2]string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found: the release stamps the commit")
	}
	buildOnce.Do(func() {
		tmpRoot, buildErr = os.MkdirTemp("", "natospend-release-test-")
		if buildErr != nil {
			return
		}
		for i := range buildDirs {
			buildDirs[i] = filepath.Join(tmpRoot, fmt.Sprintf("dist%d", i+1))
			start := time.Now()
			if buildErr = Run(Options{Version: testVersion, Out: buildDirs[i], Targets: []string{"linux/amd64"}}); buildErr != nil {
				return
			}
			t.Logf("build %d: %v", i+1, time.Since(start).Round(time.Millisecond))
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildDirs
}

func gitOut(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

func TestReleaseReproducible(t *testing.T) {
	dirs := built(t)
	name := "natospend_" + testVersion + "_linux_amd64.tar.gz"
	a, err := os.ReadFile(filepath.Join(dirs[0], name))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dirs[1], name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("two builds of %s differ (%d and %d bytes)", name, len(a), len(b))
	}
	sums, _ := os.ReadFile(filepath.Join(dirs[0], "SHA256SUMS"))
	sums2, _ := os.ReadFile(filepath.Join(dirs[1], "SHA256SUMS"))
	if want := fmt.Sprintf("%x  %s\n", sha256.Sum256(a), name); string(sums) != want || string(sums2) != want {
		t.Errorf("SHA256SUMS:\n%s\n%s\nwant\n%s", sums, sums2, want)
	}
	if sha, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sha, "-c", "SHA256SUMS")
		cmd.Dir = dirs[0]
		if out, err := cmd.CombinedOutput(); err != nil || string(out) != name+": OK\n" {
			t.Errorf("sha256sum -c SHA256SUMS: %v\n%s", err, out)
		}
	}

	// The gzip header: no name, no time.
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header: name %q, mtime %v; want none", zr.Name, zr.ModTime)
	}
	// Every entry: owner 0, the commit's time (or SOURCE_DATE_EPOCH),
	// 0755 for folders and the binary, 0644 for the rest.
	want := time.Unix(mustInt(t, gitOut(t, "log", "-1", "--format=%ct", "HEAD")), 0)
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		want = time.Unix(mustInt(t, s), 0)
	}
	top := "natospend_" + testVersion + "_linux_amd64/"
	tr := tar.NewReader(zr)
	var listing []string
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		listing = append(listing, fmt.Sprintf("%v %d/%d %8d %s %s", h.FileInfo().Mode(), h.Uid, h.Gid, h.Size, h.ModTime.UTC().Format(time.RFC3339), h.Name))
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" || !h.ModTime.Equal(want) {
			t.Errorf("%s: owner %d/%d %q/%q, mtime %v; want 0/0 and %v", h.Name, h.Uid, h.Gid, h.Uname, h.Gname, h.ModTime, want)
		}
		if !strings.HasPrefix(h.Name, top) {
			t.Errorf("%s is not under %s", h.Name, top)
		}
		wantMode := int64(0o644)
		if h.Typeflag == tar.TypeDir || h.Name == top+"natospend" {
			wantMode = 0o755
		}
		if h.Mode != wantMode {
			t.Errorf("%s: mode %o, want %o", h.Name, h.Mode, wantMode)
		}
		if h.Typeflag == tar.TypeReg {
			files[strings.TrimPrefix(h.Name, top)], _ = io.ReadAll(tr)
		}
	}
	t.Logf("%s:\n%s", name, strings.Join(listing, "\n"))

	for _, n := range []string{"natospend", "LICENSE", "README.md", "CHANGELOG.md", "man/man1/natospend.1", "man/man1/natospend-check.1",
		"completions/natospend.bash", "completions/_natospend", "completions/natospend.fish", "completions/natospend.ps1"} {
		if len(files[n]) == 0 {
			t.Errorf("the archive has no %s", n)
		}
	}
	// The README's links into docs/ resolve inside the archive.
	for _, n := range []string{"LICENSE", "README.md", "CHANGELOG.md", "docs/commands.md", "docs/design.md", "docs/img/gap.png"} {
		if b, _ := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(n))); len(b) == 0 || !bytes.Equal(files[n], b) {
			t.Errorf("%s differs from the clone's", n)
		}
	}
	if !bytes.Contains(files["completions/natospend.bash"], []byte("__start_natospend")) || !bytes.Contains(files["completions/_natospend"], []byte("#compdef natospend")) {
		t.Errorf("the completions are not natospend's bash and zsh scripts")
	}
	// The binary says its version and commit.
	bin := filepath.Join(t.TempDir(), "natospend")
	if err := os.WriteFile(bin, files["natospend"], 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--version").Output()
	head := gitOut(t, "rev-parse", "HEAD")
	if err != nil || !strings.HasPrefix(string(out), "natospend "+testVersion+" (commit "+head[:12]) {
		t.Errorf("--version: %v, %q; want natospend %s (commit %s...)", err, out, testVersion, head[:12])
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReleaseUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	for _, o := range []Options{
		{Version: "1.2.3", Out: out, Targets: []string{"linux/amd64"}},
		{Version: "v1.2", Out: out, Targets: []string{"linux/amd64"}},
		{Version: "v1.2.3", Targets: []string{"linux/amd64"}},
		{Version: "v1.2.3", Out: out, Targets: []string{"plan9/386"}},
		{Version: "v1.2.3", Out: out, Targets: []string{"linux/amd64", "linux/amd64"}},
	} {
		err := Run(o)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: %v, want a usage error", o, err)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%+v: wrote %s", o, out)
		}
	}
}
