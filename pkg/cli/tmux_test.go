//go:build unix

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/natospend/natospend/internal/testenv"
)

// In a real terminal (tmux, 80 and 120 columns), the gap tables of issue
// 22's item 8 are tables: natospend, built and run in a tmux pane of the
// width, asks the terminal its size itself; the pane, captured with its
// wrapped lines joined (capture-pane -J), has no line wider than the pane
// and one line per country (TestTablesStayTables checks the same in
// process, with every case).
func TestTablesInTmux(t *testing.T) {
	tmux := testenv.Tmux(t)
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build natospend with")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "natospend")
	if out, err := exec.Command(goCmd, "build", "-o", bin, "github.com/natospend/natospend/cmd/natospend").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// A server of the test's own: its socket in a folder of its own, no
	// user configuration.
	sockets, err := os.MkdirTemp("", "nstmux")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(sockets)
	run := func(args ...string) (string, error) {
		cmd := exec.Command(tmux, append([]string{"-f", "/dev/null", "-L", "natospend"}, args...)...)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color", "TMUX_TMPDIR="+sockets, "TMUX=")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	defer run("kill-server")
	tests := []struct {
		width int
		args  string
		row   string
	}{
		{80, "gap --target 2,3.5,5 --group europe", "|Slovenia "},
		{80, "gap --target uk-2027", "|Italy "},
		{120, "gap --target hague", "|Germany "},
		{80, "history --group nato --year 2014-2026 --layout wide --figure defence", "|Germany "},
		{80, "history --country DEU --prices constant --figures share,defence,gdp,equipment,personnel,personnel-pct,infrastructure,other,per-head", "| 2014|"},
	}
	for i, tt := range tests {
		session := "t" + strconv.Itoa(i)
		// The command, then a mark to wait for; the pane stays for capture.
		shell := bin + " " + tt.args + "; echo __done__; sleep 60"
		// Sessions stay until kill-server; a server that exits as a session
		// starts (it happens under load) gets another try.
		var out string
		for try := 0; try < 3; try++ {
			if out, err = run("new-session", "-d", "-s", session, "-x", strconv.Itoa(tt.width), "-y", "50", shell); err == nil {
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("tmux new-session: %v\n%s", err, out)
		}
		var pane string
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			pane, err = run("capture-pane", "-p", "-J", "-S", "-", "-t", session)
			if err != nil {
				t.Fatalf("tmux capture-pane: %v\n%s", err, pane)
			}
			if strings.Contains(pane, "__done__") {
				break
			}
		}
		if !strings.Contains(pane, "__done__") {
			t.Fatalf("%s: natospend did not finish in tmux:\n%s", tt.args, pane)
		}
		if w, line := widest(strings.TrimRight(pane, "\n ")); w > tt.width {
			t.Errorf("%s in tmux at %d: a line is %d wide: %q", tt.args, tt.width, w, line)
		}
		if !strings.Contains(pane, "\n+--") || strings.Contains(pane, "\nCountry:") || strings.Count(pane, tt.row) != 1 {
			t.Errorf("%s in tmux at %d: not a table with one line for %q:\n%s", tt.args, tt.width, tt.row, pane)
		}
		if !strings.Contains(pane, "Not shown, to fit "+strconv.Itoa(tt.width)+" columns: ") {
			t.Errorf("%s in tmux at %d: no note on the columns left out:\n%s", tt.args, tt.width, pane)
		}
	}
}
