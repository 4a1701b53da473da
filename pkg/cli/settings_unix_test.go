//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runGuarded is runEnv that fails the test, rather than hanging it, when
// natospend does not return (as it did reading a named pipe).
func runGuarded(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		c, o, e := runEnv(t, env, args...)
		done <- result{c, o, e}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(time.Minute):
		t.Fatalf("%v: natospend did not return", args)
		return 0, "", ""
	}
}

// A config file that is a named pipe or a device is refused before it is
// read (issue 11: a FIFO hung forever, /dev/zero ran out of memory and
// exited 2).
func TestConfigSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "config.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A named pipe at the default place, $XDG_CONFIG_HOME/natospend/config.yaml.
	xdg := t.TempDir()
	if err := os.Mkdir(filepath.Join(xdg, "natospend"), 0o755); err != nil {
		t.Fatal(err)
	}
	defFifo := filepath.Join(xdg, "natospend", "config.yaml")
	if err := syscall.Mkfifo(defFifo, 0o600); err != nil {
		t.Fatal(err)
	}
	type test struct {
		name string
		env  map[string]string
		args []string
		want string
	}
	tests := []test{
		{"--config fifo", nil, []string{"gap", "--config", fifo}, "natospend: --config " + fifo + ": cannot read: is a named pipe (expected a regular file)\n"},
		{"NATOSPEND_CONFIG fifo", map[string]string{"NATOSPEND_CONFIG": fifo}, []string{"gap"}, "natospend: NATOSPEND_CONFIG=" + fifo + ": cannot read: is a named pipe (expected a regular file)\n"},
		{"default fifo", map[string]string{"XDG_CONFIG_HOME": xdg}, []string{"gap"}, "natospend: config file " + defFifo + ": cannot read: is a named pipe (expected a regular file)\n"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, test{"/dev/zero", nil, []string{"gap", "--config", "/dev/zero"}, "natospend: --config /dev/zero: cannot read: is a device (expected a regular file)\n"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runGuarded(t, tt.env, tt.args...)
			if code != 1 || out != "" || errOut != tt.want {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, tt.want)
			}
		})
	}
}

// A $HOME that cannot be looked into leaves natospend without a config
// file, with a note (not with --quiet), never a usage error.
func TestUnreadableHome(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any directory")
	}
	home := t.TempDir()
	if err := os.Mkdir(filepath.Join(home, ".config"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(home, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(home, 0o755) })
	env := map[string]string{"HOME": home}
	code, out, errOut := runEnv(t, env, "gap", nldCSV, "--format", "csv", noHeader)
	if code != 0 || !strings.Contains(out, gapAt2) || !strings.Contains(errOut, "permission denied; running without a config file") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := runEnv(t, env, "gap", nldCSV, "--quiet"); code != 0 || errOut != "" {
		t.Fatalf("--quiet: exit %d, stderr %q", code, errOut)
	}
}
