// Package atomicfile writes an output file safely.
//
// A regular file (or a new one) is replaced atomically: the data goes to a
// temporary file in the same directory, which is renamed into place only
// once it is complete, so that readers see the old content or the whole
// new content, never a part. The new file keeps the old one's permission
// bits; a file that did not exist gets 0666 less the umask, as the shell's
// > would give it. On SIGINT, SIGTERM, SIGHUP (a closed terminal) or
// SIGQUIT during the write the temporary file is removed before the
// process ends by the signal (SIGQUIT: exit status 131, without Go's
// goroutine dump); the handler is in place before the temporary file is
// created, so no moment of the write leaves one behind.
//
// A path that is not a regular file is never replaced: a FIFO or a
// character device (/dev/null, a terminal) is opened and written to, as
// the shell's > does; a symbolic link is followed only to a FIFO or a
// character device (/dev/stdout is one); anything else (a directory, a
// socket, a block device, a link to a regular file) is refused.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
)

// Error is a failed write. Its message names the path given and says what
// went wrong in plain words: never a temporary file's name.
type Error struct {
	Path string
	Msg  string
	Err  error // the underlying error, if any
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// ErrRefused is wrapped by the errors for a path that is not written
// because of what it is (a directory, a socket, a symbolic link to a
// regular file, ...).
var ErrRefused = errors.New("refused")

func refuse(path, msg string) error {
	return &Error{Path: path, Msg: msg, Err: ErrRefused}
}

// WriteFile writes data to path: see the package documentation. On any
// error an earlier file at path is untouched and no temporary file is left
// behind.
func WriteFile(path string, data []byte) error {
	if path == "" || os.IsPathSeparator(path[len(path)-1]) {
		return refuse(path, "not a file name")
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replace(path, data, nil)
	case err != nil:
		return &Error{Path: path, Msg: "cannot look at it: " + problem(err), Err: err}
	case fi.Mode().IsRegular():
		// Replacing a file one may not write would go around its
		// permissions (the directory's are enough to rename): refuse, as
		// the shell's > would.
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return &Error{Path: path, Msg: "cannot write it: " + problem(err), Err: err}
		}
		f.Close()
		return replace(path, data, fi)
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := os.Stat(path)
		if err != nil {
			return refuse(path, "is a symbolic link to nothing that can be written ("+problem(err)+"): name the file itself")
		}
		if !isStream(target.Mode()) {
			return refuse(path, "is a symbolic link to "+describe(target.Mode())+": it is not followed; name the file itself")
		}
		return writeThrough(path, data)
	case isStream(fi.Mode()):
		return writeThrough(path, data)
	default:
		return refuse(path, "is "+describe(fi.Mode())+", not a file")
	}
}

// isStream reports whether a file of mode m is written to in place: a
// FIFO or a character device.
func isStream(m fs.FileMode) bool {
	return m&fs.ModeNamedPipe != 0 || (m&fs.ModeDevice != 0 && m&fs.ModeCharDevice != 0)
}

func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0 && m&fs.ModeCharDevice == 0:
		return "a block device"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// writeThrough writes data into an existing FIFO or character device,
// opened without creating or truncating anything. It checks that what it
// opened is still one, so that a regular file put there meanwhile is not
// overwritten in place.
func writeThrough(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return &Error{Path: path, Msg: "cannot open it for writing: " + problem(err), Err: err}
	}
	if fi, err := f.Stat(); err != nil || !isStream(fi.Mode()) {
		f.Close()
		return refuse(path, "changed while it was opened: not written")
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return &Error{Path: path, Msg: "write failed: " + problem(err), Err: err}
	}
	if err := f.Close(); err != nil {
		return &Error{Path: path, Msg: "write failed: " + problem(err), Err: err}
	}
	return nil
}

// testHookCreated and testHookWritten, when set (by tests), run once the
// temporary file is created (still empty), and once it is complete, just
// before it is renamed into place.
var testHookCreated, testHookWritten func()

// replace writes data to a new temporary file beside path and renames it
// over path. old describes the regular file at path, nil when there is
// none.
func replace(path string, data []byte, old fs.FileInfo) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// The guard is in place before the temporary file exists: a signal
	// that arrives while it is being created waits for its name, then
	// removes it.
	guard := newSignalGuard()
	tmp, name, err := guard.create(dir, base)
	if err != nil {
		guard.stop()
		if errors.Is(err, fs.ErrNotExist) {
			return &Error{Path: path, Msg: "the directory " + filepath.Clean(dir) + " does not exist", Err: err}
		}
		return &Error{Path: path, Msg: "cannot create a file in " + filepath.Clean(dir) + ": " + problem(err), Err: err}
	}
	if testHookCreated != nil {
		testHookCreated()
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
		guard.stop()
	}()
	fail := func(what string, e error) error {
		return &Error{Path: path, Msg: what + ": " + problem(e), Err: e}
	}
	if _, err = tmp.Write(data); err != nil {
		return fail("write failed", err)
	}
	if old != nil {
		if err = tmp.Chmod(old.Mode().Perm()); err != nil {
			return fail("cannot keep the file's permissions", err)
		}
	}
	if err = tmp.Sync(); err != nil {
		return fail("write failed", err)
	}
	if err = tmp.Close(); err != nil {
		return fail("write failed", err)
	}
	if testHookWritten != nil {
		testHookWritten()
	}
	if err = guard.rename(name, path); err != nil {
		return fail("cannot put the file in place", err)
	}
	// Make the rename durable; a directory that cannot be synced (some
	// file systems) is not an error for the caller.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// createTemp creates a new file ".<base>.tmp-<random>" in dir, with mode
// 0666 less the umask (os.CreateTemp would make it 0600, and a new output
// file would keep that).
func createTemp(dir, base string) (*os.File, string, error) {
	for range 1000 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", errors.New("cannot find a free temporary file name")
}

// guardedSignals are the signals that end a write: each removes the
// temporary file first. SIGHUP is what a closed terminal sends; SIGQUIT
// (Ctrl-\) would otherwise end the process with a goroutine dump.
var guardedSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signalGuard removes a temporary file when one of guardedSignals arrives
// during the write, then ends the process by that signal.
type signalGuard struct {
	mu      sync.Mutex // held while creating and renaming, and by the handler for good
	name    string     // the temporary file, once created
	renamed bool
	ch      chan os.Signal
	done    chan struct{}
}

// newSignalGuard starts handling the signals, before there is anything to
// remove: create makes the temporary file under the guard.
func newSignalGuard() *signalGuard {
	g := &signalGuard{ch: make(chan os.Signal, 1), done: make(chan struct{})}
	for _, sig := range guardedSignals {
		// A signal the process was started to ignore (a background job
		// ignores SIGINT, nohup SIGHUP) stays ignored.
		if !signal.Ignored(sig) {
			signal.Notify(g.ch, sig)
		}
	}
	go func() {
		select {
		case sig := <-g.ch:
			g.mu.Lock() // wait for a creation or a rename under way; never unlocked
			if g.name != "" && !g.renamed {
				os.Remove(g.name)
			}
			reraise(sig)
		case <-g.done:
		}
	}()
	return g
}

// create creates the temporary file (see createTemp) and records its name
// for the handler, both under the lock, so that a signal cannot fall
// between the two.
func (g *signalGuard) create(dir, base string) (*os.File, string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f, name, err := createTemp(dir, base)
	if err == nil {
		g.name = name
	}
	return f, name, err
}

// rename renames the temporary file into place, unless a signal is being
// handled.
func (g *signalGuard) rename(from, to string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := os.Rename(from, to); err != nil {
		return err
	}
	g.renamed = true
	return nil
}

// stop ends the guard; a signal that arrives later has its usual effect.
func (g *signalGuard) stop() {
	signal.Stop(g.ch)
	close(g.done)
}

// reraise ends the process by sig, as it would have ended without the
// guard: the default action of the signal, and failing that exit code 128
// plus the signal's number (130 for SIGINT, 143 for SIGTERM, 129 for
// SIGHUP). SIGQUIT is not raised again (Go's own action would print every
// goroutine's stack and exit 2): it exits 131, as a shell reports a
// process that SIGQUIT ended.
func reraise(sig os.Signal) {
	if sig != syscall.SIGQUIT {
		signal.Reset(sig)
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			_ = p.Signal(sig)
		}
	}
	code := 1
	if s, ok := sig.(syscall.Signal); ok {
		code = 128 + int(s)
	}
	// The signal ends the process at once where there are signals; this
	// is for where there are not.
	os.Exit(code)
}

// problem says what an OS error means, without the Go wrapping (the
// operation and the file name, which may be the temporary file's).
func problem(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	}
	return fmt.Sprint(err)
}
