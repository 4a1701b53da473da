//go:build unix

package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A new file gets 0666 less the umask, as the shell's > gives it (it used
// to be 0644 whatever the umask).
func TestWriteFileNewHonoursUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "new.csv")
	if err := WriteFile(p, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode() != 0o640 {
		t.Fatalf("mode %v, want -rw-r----- (umask 027)", fi.Mode())
	}
	syscall.Umask(0o002)
	p = filepath.Join(t.TempDir(), "new.csv")
	if err := WriteFile(p, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode() != 0o664 {
		t.Fatalf("mode %v, want -rw-rw-r-- (umask 002)", fi.Mode())
	}
}

// openReader opens a FIFO for reading without blocking, so that a writer
// can open it.
func openReader(t *testing.T, path string) int {
	t.Helper()
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	return fd
}

// drain reads what a FIFO holds.
func drain(fd int) string {
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := syscall.Read(fd, buf)
		if n <= 0 || err != nil {
			return string(out)
		}
		out = append(out, buf[:n]...)
	}
}

// A FIFO is written through: the reader gets the data and the FIFO stays
// (a regular file used to be renamed over it).
func TestWriteFileFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	fd := openReader(t, fifo)
	if err := WriteFile(fifo, []byte("a,b\n1,2\n")); err != nil {
		t.Fatal(err)
	}
	if got := drain(fd); got != "a,b\n1,2\n" {
		t.Fatalf("the reader got %q", got)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v, %v", fi, err)
	}
	// A symbolic link to a FIFO is followed (as /dev/stdout to a pipe).
	link := filepath.Join(dir, "link")
	if err := os.Symlink("fifo", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("again\n")); err != nil {
		t.Fatal(err)
	}
	if got := drain(fd); got != "again\n" {
		t.Fatalf("through the link, the reader got %q", got)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi, err)
	}
	if got := names(t, dir); strings.Join(got, " ") != "fifo link" {
		t.Fatalf("entries %q", got)
	}
}

// A socket is refused, not replaced.
func TestWriteFileRefusesSocket(t *testing.T) {
	dir, err := os.MkdirTemp("", "sock") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("unix socket: %v", err)
	}
	defer l.Close()
	err = WriteFile(sock, []byte("x"))
	if !errors.Is(err, ErrRefused) || err.Error() != sock+": is a socket, not a file" {
		t.Fatalf("err = %v", err)
	}
	if fi, err := os.Lstat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 {
		t.Fatalf("the socket was replaced: %v, %v", fi, err)
	}
}

// A file the user may not write is refused, as the shell's > refuses it
// (the rename used to replace it, since the directory is writable).
func TestWriteFileRefusesReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file")
	}
	p := filepath.Join(t.TempDir(), "ro.csv")
	if err := os.WriteFile(p, []byte("old\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("new\n"))
	if err == nil || err.Error() != p+": cannot write it: permission denied" {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old\n" {
		t.Fatalf("changed: %q", b)
	}
}

// An error never names the temporary file: a directory that cannot be
// written to.
func TestWriteFileErrorNamesNoTempFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any directory")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	p := filepath.Join(dir, "out.csv")
	err := WriteFile(p, []byte("x"))
	if err == nil || err.Error() != p+": cannot create a file in "+dir+": permission denied" {
		t.Fatalf("err = %v", err)
	}
}

const childEnv = "ATOMICFILE_SIGNAL_CHILD"

// TestSignalChild is the child process of TestSignalRemovesTempFile: it
// writes a file and, at the moment $ATOMICFILE_SIGNAL_AT names (created:
// the temporary file exists, empty; written: it is complete), says
// "ready" and waits to be killed.
func TestSignalChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("run by TestSignalRemovesTempFile")
	}
	wait := func() {
		os.Stdout.WriteString("ready\n")
		for { // until the signal
			time.Sleep(time.Hour)
		}
	}
	switch os.Getenv("ATOMICFILE_SIGNAL_AT") {
	case "created":
		testHookCreated = wait
	default:
		testHookWritten = wait
	}
	WriteFile(path, bytes.Repeat([]byte("0123456789abcdef\n"), 1<<16))
	t.Fatal("the write finished")
}

// On SIGINT, SIGTERM, SIGHUP (a closed terminal) or SIGQUIT during a
// write, the temporary file is removed, an earlier file is untouched, and
// the process ends by the signal, or with 128 plus its number (SIGQUIT,
// which Go would otherwise turn into a goroutine dump and exit 2: 131).
// The temporary file, megabytes of it, used to stay behind on SIGHUP and
// SIGQUIT; and an empty one on a signal that came just after it was
// created, before the handler was installed (the "created" moment).
func TestSignalRemovesTempFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		for _, at := range []string{"created", "written"} {
			t.Run(sig.String()+"/"+at, func(t *testing.T) {
				if signal.Ignored(sig) {
					// The child would inherit the ignored signal and wait forever.
					t.Skipf("this process ignores %v (nohup, a background job)", sig)
				}
				dir := t.TempDir()
				p := filepath.Join(dir, "report.csv")
				if err := os.WriteFile(p, []byte("old\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(os.Args[0], "-test.run=^TestSignalChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), childEnv+"="+p, "ATOMICFILE_SIGNAL_AT="+at)
				out, err := cmd.StdoutPipe()
				if err != nil {
					t.Fatal(err)
				}
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				line, err := bufio.NewReader(out).ReadString('\n')
				if err != nil || line != "ready\n" {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("child said %q, %v", line, err)
				}
				// The temporary file is there (empty or complete) before the signal.
				if got := names(t, dir); len(got) != 2 {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("entries before the signal %q, want report.csv and a temporary file", got)
				}
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				err = cmd.Wait()
				var ee *exec.ExitError
				if !errors.As(err, &ee) {
					t.Fatalf("child: %v, want death by %v", err, sig)
				}
				ws := ee.Sys().(syscall.WaitStatus)
				if !(ws.Signaled() && ws.Signal() == sig) && ws.ExitStatus() != 128+int(sig) {
					t.Fatalf("child ended with %v, want death by %v or exit %d; stderr:\n%s", ws, sig, 128+int(sig), stderr.String())
				}
				if strings.Contains(stderr.String(), "goroutine ") {
					t.Fatalf("child printed a goroutine dump:\n%s", stderr.String())
				}
				if got := names(t, dir); strings.Join(got, " ") != "report.csv" {
					t.Fatalf("entries after the signal %q, want report.csv only", got)
				}
				if b, _ := os.ReadFile(p); string(b) != "old\n" {
					t.Fatalf("report.csv changed: %q", b)
				}
			})
		}
	}
}
