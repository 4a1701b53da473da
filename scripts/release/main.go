// Command release builds natospend's release archives, which anyone can
// rebuild byte for byte and verify:
//
//	go run ./scripts/release -version v1.2.3 -out dist [-targets linux/amd64,windows/arm64]
//
// For each platform (by default linux, darwin and windows, each for amd64
// and arm64) it builds natospend with CGO_ENABLED=0 and -trimpath, the
// version and commit stamped (-ldflags -X, see pkg/cli.Version), and
// writes natospend_<version>_<os>_<arch>.tar.gz (.zip for windows) holding,
// under a folder of the same name:
//
//	natospend (natospend.exe)   the binary
//	LICENSE, README.md, CHANGELOG.md, docs/ (the reference the README links to)
//	man/man1/*.1                man pages (cmd/gen-docs)
//	completions/                natospend completion bash|zsh|fish|powershell
//
// and SHA256SUMS (sha256sum -c reads it) over the archives. The same commit
// and version give the same bytes: entries in a fixed order, modes 0755
// (binary, folders) and 0644, owner and group 0, every mtime the commit's
// time (git log -1 --format=%ct), or SOURCE_DATE_EPOCH when it is set; a
// gzip header without a name or time; Go's build is reproducible with
// -trimpath and an empty build id. The commit stamped is git rev-parse HEAD,
// "+dirty" when the tree has changes (a warning: such a build is not one a
// commit reproduces).
//
// It runs from anywhere inside the module; it needs go and git on PATH.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DefaultTargets are the platforms of a release.
var DefaultTargets = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}

// versionRE is a release tag: v, then semantic version numbers and an
// optional pre-release suffix.
var versionRE = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)

// Options of a release build.
type Options struct {
	Version string
	Out     string
	Targets []string
	// Root is the module's folder ("": found from the working directory).
	Root string
	// Log receives progress lines (nil: none).
	Log io.Writer
}

func main() {
	var o Options
	var targets string
	flag.StringVar(&o.Version, "version", "", "release version, a tag such as v1.2.3 (required)")
	flag.StringVar(&o.Out, "out", "", "folder to write the archives and SHA256SUMS into (required; created if missing)")
	flag.StringVar(&targets, "targets", strings.Join(DefaultTargets, ","), "platforms to build, os/arch separated by commas")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "release: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	o.Targets = strings.Split(targets, ",")
	o.Log = os.Stderr
	if err := Run(o); err != nil {
		fmt.Fprintf(os.Stderr, "release: %v\n", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type usageError struct{ error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// Run builds the archives and SHA256SUMS into o.Out. Nothing is written
// into o.Out until every archive is built: a failed run leaves it as it was.
func Run(o Options) error {
	if !versionRE.MatchString(o.Version) {
		return usagef("-version %q is not a release tag (expected v1.2.3 or v1.2.3-rc.1)", o.Version)
	}
	if o.Out == "" {
		return usagef("-out is required: the folder to write the archives into")
	}
	seen := map[string]bool{}
	for _, t := range o.Targets {
		if !validTarget(t) {
			return usagef("-targets: %q is not one of %s", t, strings.Join(DefaultTargets, ", "))
		}
		if seen[t] {
			return usagef("-targets: %s given twice", t)
		}
		seen[t] = true
	}
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, "release: "+format+"\n", a...)
		}
	}
	root := o.Root
	if root == "" {
		var err error
		if root, err = moduleRoot(); err != nil {
			return err
		}
	}
	commit, mtime, err := provenance(root, logf)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "natospend-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	// The files every archive shares: the docs, the man pages and the
	// completions (from a binary for this machine).
	common, err := commonFiles(root, work, o.Version, commit, mtime)
	if err != nil {
		return err
	}
	archives := map[string][]byte{}
	for _, t := range o.Targets {
		goos, goarch, _ := strings.Cut(t, "/")
		exe := "natospend"
		if goos == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(work, goos+"_"+goarch, exe)
		logf("building %s", t)
		if err := build(root, bin, goos, goarch, o.Version, commit); err != nil {
			return err
		}
		b, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		files := append([]file{{name: exe, mode: 0o755, data: b}}, common...)
		name := fmt.Sprintf("natospend_%s_%s_%s", o.Version, goos, goarch)
		var data []byte
		if goos == "windows" {
			data, err = zipArchive(name, files, mtime)
			name += ".zip"
		} else {
			data, err = tarGz(name, files, mtime)
			name += ".tar.gz"
		}
		if err != nil {
			return err
		}
		archives[name] = data
	}
	names := make([]string, 0, len(archives))
	for n := range archives {
		names = append(names, n)
	}
	sort.Strings(names)
	var sums bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(archives[n]), n)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(o.Out, n), archives[n], 0o644); err != nil {
			return err
		}
		logf("wrote %s", filepath.Join(o.Out, n))
	}
	if err := os.WriteFile(filepath.Join(o.Out, "SHA256SUMS"), sums.Bytes(), 0o644); err != nil {
		return err
	}
	logf("wrote %s", filepath.Join(o.Out, "SHA256SUMS"))
	return nil
}

func validTarget(t string) bool {
	for _, d := range DefaultTargets {
		if t == d {
			return true
		}
	}
	return false
}

// moduleRoot is the folder of natospend's go.mod, from the working
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte("module github.com/natospend/natospend\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside natospend's module (no go.mod of github.com/natospend/natospend above the working directory)")
		}
		dir = parent
	}
}

// provenance is the commit to stamp and the time of every file: the
// commit's time, or SOURCE_DATE_EPOCH.
func provenance(root string, logf func(string, ...any)) (string, time.Time, error) {
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		out, err := cmd.Output()
		return strings.TrimSpace(string(out)), err
	}
	commit, err := git("rev-parse", "HEAD")
	if err != nil {
		return "", time.Time{}, fmt.Errorf("git rev-parse HEAD in %s: %v (the commit is stamped into the binary)", root, err)
	}
	if st, err := git("status", "--porcelain", "--untracked-files=no"); err != nil {
		return "", time.Time{}, fmt.Errorf("git status: %v", err)
	} else if st != "" {
		logf("warning: the tree has uncommitted changes: the binary says commit %s+dirty, and no commit rebuilds it", commit[:min(12, len(commit))])
		commit += "+dirty"
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil || sec < 0 {
			return "", time.Time{}, usagef("SOURCE_DATE_EPOCH=%q is not a whole number of seconds since 1970", s)
		}
		return commit, time.Unix(sec, 0).UTC(), nil
	}
	ct, err := git("log", "-1", "--format=%ct", "HEAD")
	if err != nil {
		return "", time.Time{}, fmt.Errorf("git log: %v", err)
	}
	sec, err := strconv.ParseInt(ct, 10, 64)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("git log -1 --format=%%ct: %q is not a time", ct)
	}
	return commit, time.Unix(sec, 0).UTC(), nil
}

// build compiles natospend for one platform.
func build(root, out, goos, goarch, version, commit string) error {
	ldflags := "-s -w -buildid= -X github.com/natospend/natospend/pkg/cli.version=" + version +
		" -X github.com/natospend/natospend/pkg/cli.commit=" + commit
	return goCmd(root, []string{"CGO_ENABLED=0", "GOOS=" + goos, "GOARCH=" + goarch},
		"build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", out, "./cmd/natospend")
}

func goCmd(root string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	// The environment's GOFLAGS could add flags that change the binary.
	cmd.Env = append(append(os.Environ(), "GOFLAGS="), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return nil
}

// file is an entry of an archive, by its path under the archive's folder.
type file struct {
	name string // slash-separated
	mode fs.FileMode
	data []byte
}

// commonFiles are the files of every archive but the binary: the docs,
// the man pages and the shell completions, in a fixed order.
func commonFiles(root, work, version, commit string, mtime time.Time) ([]file, error) {
	var files []file
	names := []string{"LICENSE", "README.md", "CHANGELOG.md"}
	// The reference the README links to: docs/*.md and their images.
	for _, pattern := range []string{"docs/*.md", "docs/img/*.png"} {
		m, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pattern)))
		if err != nil {
			return nil, err
		}
		for _, p := range m { // Glob sorts
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return nil, err
			}
			names = append(names, filepath.ToSlash(rel))
		}
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(n)))
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: n, mode: 0o644, data: b})
	}
	host := filepath.Join(work, "host")
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	ns, gendocs := filepath.Join(host, "natospend"+exe), filepath.Join(host, "gen-docs"+exe)
	if err := build(root, ns, runtime.GOOS, runtime.GOARCH, version, commit); err != nil {
		return nil, err
	}
	if err := goCmd(root, []string{"CGO_ENABLED=0"}, "build", "-trimpath", "-buildvcs=false", "-o", gendocs, "./cmd/gen-docs"); err != nil {
		return nil, err
	}
	// Man pages, dated from the release's time.
	man := filepath.Join(work, "man1")
	cmd := exec.Command(gendocs, "--man", man)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+strconv.FormatInt(mtime.Unix(), 10), "XDG_CONFIG_HOME="+filepath.Join(work, "no-config"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("gen-docs --man: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(man)
	if err != nil {
		return nil, err
	}
	for _, e := range entries { // ReadDir sorts by name
		b, err := os.ReadFile(filepath.Join(man, e.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: "man/man1/" + e.Name(), mode: 0o644, data: b})
	}
	for _, c := range []struct{ shell, name string }{
		{"bash", "natospend.bash"}, {"fish", "natospend.fish"}, {"powershell", "natospend.ps1"}, {"zsh", "_natospend"},
	} {
		cmd := exec.Command(ns, "completion", c.shell)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(work, "no-config"))
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("natospend completion %s: %v", c.shell, err)
		}
		files = append(files, file{name: "completions/" + c.name, mode: 0o644, data: out})
	}
	return files, nil
}

// dirsOf lists the folders the files need, parents first, in order.
func dirsOf(files []file) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		var parts []string
		for d := path.Dir(f.name); d != "."; d = path.Dir(d) {
			parts = append([]string{d}, parts...)
		}
		for _, d := range parts {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// tarGz writes the files under folder top as a reproducible tar.gz.
func tarGz(top string, files []file, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression) // header: no name, no time
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(zw)
	hdr := func(name string, mode int64, typ byte, size int64) *tar.Header {
		return &tar.Header{Name: name, Mode: mode, Typeflag: typ, Size: size, ModTime: mtime, Uid: 0, Gid: 0, Format: tar.FormatUSTAR}
	}
	if err := tw.WriteHeader(hdr(top+"/", 0o755, tar.TypeDir, 0)); err != nil {
		return nil, err
	}
	for _, d := range dirsOf(files) {
		if err := tw.WriteHeader(hdr(top+"/"+d+"/", 0o755, tar.TypeDir, 0)); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		if err := tw.WriteHeader(hdr(top+"/"+f.name, int64(f.mode.Perm()), tar.TypeReg, int64(len(f.data)))); err != nil {
			return nil, fmt.Errorf("%s: %v", f.name, err)
		}
		if _, err := tw.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipArchive writes the files under folder top as a reproducible zip.
func zipArchive(top string, files []file, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, mode fs.FileMode, data []byte) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime}
		if strings.HasSuffix(name, "/") {
			h.Method = zip.Store
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if err := add(top+"/", fs.ModeDir|0o755, nil); err != nil {
		return nil, err
	}
	for _, d := range dirsOf(files) {
		if err := add(top+"/"+d+"/", fs.ModeDir|0o755, nil); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		if err := add(top+"/"+f.name, f.mode, f.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
