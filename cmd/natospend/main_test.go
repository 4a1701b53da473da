package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/natospend/natospend/internal/testenv"
	"github.com/natospend/natospend/pkg/cli"
	"github.com/natospend/natospend/pkg/cli/iostreams"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("u", false, "update the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"natospend": func() { os.Exit(cli.Main(os.Args[1:], iostreams.System())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script against the
// real natospend entry point: exit codes, stdout and stderr.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"exit": cmdExit},
		Setup:               func(env *testscript.Env) error { env.Setenv("SHARED", sharedData()); return nil },
		Condition:           sharedCondition,
	})
}

// sharedData is the folder of the shared reference data ($NATOSPEND_SHARED,
// else shared/data beside the clone), "" when there is none: scripts that
// read it ($SHARED) start with [!shared] skip.
func sharedData() string {
	dir := os.Getenv(testenv.SharedEnv)
	if dir == "" {
		dir, _ = filepath.Abs(filepath.Join("..", "..", "..", "shared", "data"))
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// sharedCondition is the [shared] condition: the shared data is there. In
// CI it must be: a script that needs it fails instead of skipping.
func sharedCondition(cond string) (bool, error) {
	if cond != "shared" {
		return false, errors.New("unknown condition " + strconv.Quote(cond))
	}
	if sharedData() == "" && testenv.CI() {
		return false, errors.New("the shared reference data is not found and CI is set: set " + testenv.SharedEnv)
	}
	return sharedData() != "", nil
}

// cmdExit runs a program and checks its exit code: exit N prog args...
// Its stdout and stderr are kept for the stdout and stderr commands.
func cmdExit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exit CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exit: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exit: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}
