package main

// The GitHub Action (action.yml at the module root), run without GitHub:
// its steps' shell commands with the environment the runner would give
// them (inputs substituted into each step's env, a fake
// GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_OS, RUNNER_ARCH and
// RUNNER_TEMP), installing from a local folder of archives that this
// package built (NATOSPEND_BASE_URL, for tests only).

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type action struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID    string            `yaml:"id"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
			Run   string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) *action {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return &a
}

// The action's shape: composite, the inputs, every `uses:` pinned
// by a commit SHA (it has none), no checkout.
func TestActionShape(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", a.Runs.Using)
	}
	var inputs []string
	for k := range a.Inputs {
		inputs = append(inputs, k)
	}
	sort.Strings(inputs)
	if got, want := strings.Join(inputs, " "), "args country group junit on-track summary target version"; got != want {
		t.Errorf("inputs %s, want %s", got, want)
	}
	if a.Inputs["summary"].Default != "true" || a.Inputs["on-track"].Default != "false" {
		t.Errorf("defaults: summary %q, on-track %q", a.Inputs["summary"].Default, a.Inputs["on-track"].Default)
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	for _, s := range a.Runs.Steps {
		if s.Uses != "" && !pinned.MatchString(s.Uses) {
			t.Errorf("uses: %s is not pinned by a commit SHA", s.Uses)
		}
		if strings.Contains(s.Uses, "checkout") {
			t.Errorf("uses: %s: the action checks nothing out", s.Uses)
		}
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %s: shell %q, want bash (on every runner)", s.ID, s.Shell)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %s: an expression in run: (%q): inputs go through env, never into the script", s.ID, s.Run)
		}
	}
}

// runner runs the action's steps as GitHub's runner would.
type runner struct {
	t       *testing.T
	dir     string
	inputs  map[string]string
	outputs map[string]map[string]string // step id -> outputs
	summary string                       // GITHUB_STEP_SUMMARY
	base    string                       // NATOSPEND_BASE_URL
	env     []string                     // more, or replacing the defaults
	stdout  bytes.Buffer
}

var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

func (r *runner) eval(s string) string {
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		e := expr.FindStringSubmatch(m)[1]
		switch {
		case strings.HasPrefix(e, "inputs."):
			return r.inputs[strings.TrimPrefix(e, "inputs.")]
		case e == "github.action_ref":
			return "" // a local action: no ref
		case strings.HasPrefix(e, "steps."):
			parts := strings.Split(e, ".") // steps.ID.outputs.NAME
			if len(parts) == 4 && parts[2] == "outputs" {
				return r.outputs[parts[1]][parts[3]]
			}
		}
		r.t.Fatalf("action.yml: an expression the test does not know: %s", m)
		return ""
	})
}

// run runs every step in turn, as the runner does, stopping at the first
// that fails; it returns the exit code of the last step run.
func (r *runner) run(a *action) int {
	t := r.t
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	for _, s := range a.Runs.Steps {
		out := filepath.Join(r.dir, "output-"+s.ID)
		os.WriteFile(out, nil, 0o644)
		cmd := exec.Command("bash", "-e", "-c", s.Run)
		// A clean environment: no Go on PATH (the archive, not go
		// install), no natospend config file.
		cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + r.dir, "XDG_CONFIG_HOME=" + filepath.Join(r.dir, "config"),
			"GITHUB_ACTION_PATH=" + root, "GITHUB_OUTPUT=" + out, "GITHUB_STEP_SUMMARY=" + r.summary,
			"RUNNER_OS=Linux", "RUNNER_ARCH=X64", "RUNNER_TEMP=" + filepath.Join(r.dir, "runner-temp"), "NATOSPEND_BASE_URL=" + r.base,
			"GITHUB_PATH=" + filepath.Join(r.dir, "github-path")}
		cmd.Env = append(cmd.Env, r.env...)
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+r.eval(v))
		}
		cmd.Stdout = &r.stdout
		cmd.Stderr = &r.stdout
		err := cmd.Run()
		b, _ := os.ReadFile(out)
		r.outputs[s.ID] = map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				r.outputs[s.ID][k] = v
			}
		}
		if err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatal(err)
			}
			return ee.ExitCode()
		}
	}
	return 0
}

func newRunner(t *testing.T, base string, inputs map[string]string) *runner {
	a := readAction(t)
	r := &runner{t: t, dir: t.TempDir(), inputs: map[string]string{}, outputs: map[string]map[string]string{}, base: base}
	os.MkdirAll(filepath.Join(r.dir, "runner-temp"), 0o755)
	for k, v := range a.Inputs {
		r.inputs[k] = v.Default
	}
	for k, v := range inputs {
		r.inputs[k] = v
	}
	r.summary = filepath.Join(r.dir, "step-summary.md")
	if err := os.WriteFile(r.summary, []byte("an earlier step's summary\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return r
}

// The action, end to end: installs the archive the release built (its
// checksum checked), runs check --target 2 --group europe, and exits 3
// (Slovenia, 1.61% of GDP in nato-2026-07, is short of 2%), with the
// annotation in the log, the Markdown appended to the job summary and the
// JUnit file written.
func TestActionRuns(t *testing.T) {
	dist := built(t)[0]
	junit := filepath.Join(t.TempDir(), "reports", "natospend.xml")
	os.MkdirAll(filepath.Dir(junit), 0o755)
	r := newRunner(t, "file://"+dist, map[string]string{"version": testVersion, "target": "2", "group": "europe", "junit": junit})
	code := r.run(readAction(t))
	log := r.stdout.String()
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, log)
	}
	if r.outputs["check"]["exit-code"] != "3" || r.outputs["install"]["version"] != testVersion {
		t.Errorf("outputs %v", r.outputs)
	}
	for _, want := range []string{
		"as SHA256SUMS lists",
		"installed natospend " + testVersion + " (commit ",
		"::error title=Slovenia (SVN) short of 2%25::2%25: 1.61%25 of GDP in 2026, $0.3 bn short\n",
		"check: 1 short, 0 without a verdict, of 29 countries checked against 2%",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if p, _ := os.ReadFile(filepath.Join(r.dir, "github-path")); string(p) != filepath.Dir(r.outputs["install"]["bin"])+"\n" || !strings.HasSuffix(r.outputs["install"]["bin"], "/natospend_"+testVersion+"_linux_amd64/natospend") {
		t.Errorf("GITHUB_PATH %q, bin %q", p, r.outputs["install"]["bin"])
	}
	summary, _ := os.ReadFile(r.summary)
	if !strings.HasPrefix(string(summary), "an earlier step's summary\n### ❌ natospend check: 1 short, 0 without a verdict, of 29 countries checked against 2%") ||
		!strings.Contains(string(summary), "| SVN  | Slovenia | 2%     | 2026 |    1.61 |     0.3 | short   |") {
		t.Errorf("the job summary:\n%s", summary)
	}
	b, err := os.ReadFile(junit)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
	}
	if err != nil || xml.Unmarshal(b, &doc) != nil || doc.Failures != 1 || doc.Tests != 30 {
		t.Errorf("JUnit file: %v, %d tests, %d failures; want 30 (the European allies) and 1\n%s", err, doc.Tests, doc.Failures, b)
	}

	// All meet: exit 0, no summary when summary is false.
	r = newRunner(t, "file://"+dist, map[string]string{"version": testVersion, "target": "2", "group": "europe", "args": "--exclude SVN", "summary": "false"})
	if code := r.run(readAction(t)); code != 0 {
		t.Errorf("--exclude SVN: exit %d, want 0\n%s", code, r.stdout.String())
	}
	if s, _ := os.ReadFile(r.summary); string(s) != "an earlier step's summary\n" {
		t.Errorf("summary false: the job summary is\n%s", s)
	}
}

// A tampered archive, or one SHA256SUMS does not list, is refused: the
// install step fails, nothing is installed and check never runs.
func TestActionRefusesTamperedArchive(t *testing.T) {
	dist := built(t)[0]
	name := "natospend_" + testVersion + "_linux_amd64.tar.gz"
	orig, err := os.ReadFile(filepath.Join(dist, name))
	if err != nil {
		t.Fatal(err)
	}
	sums, _ := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	for _, c := range []struct {
		what, sums string
		archive    []byte
		want       string
	}{
		{"a changed byte", string(sums), flipped(orig), "checksum mismatch for " + name},
		{"not listed", fmt.Sprintf("%x  other.tar.gz\n", sha256.Sum256(orig)), orig, "SHA256SUMS does not list " + name},
	} {
		bad := t.TempDir()
		os.WriteFile(filepath.Join(bad, name), c.archive, 0o644)
		os.WriteFile(filepath.Join(bad, "SHA256SUMS"), []byte(c.sums), 0o644)
		r := newRunner(t, "file://"+bad, map[string]string{"version": testVersion, "target": "2", "group": "europe"})
		code := r.run(readAction(t))
		log := r.stdout.String()
		if code != 1 || !strings.Contains(log, "::error title=natospend install::"+c.want) || strings.Contains(log, "installed natospend") {
			t.Errorf("%s: exit %d, want 1 and %q\n%s", c.what, code, c.want, log)
		}
		if _, ok := r.outputs["check"]; ok {
			t.Errorf("%s: check ran after a refused install", c.what)
		}
		if s, _ := os.ReadFile(r.summary); string(s) != "an earlier step's summary\n" {
			t.Errorf("%s: the job summary changed:\n%s", c.what, s)
		}
		matches, _ := filepath.Glob(filepath.Join(r.dir, "runner-temp", "*", "natospend_*", "natospend"))
		if len(matches) != 0 {
			t.Errorf("%s: installed %v", c.what, matches)
		}
	}
}

func flipped(b []byte) []byte {
	c := append([]byte(nil), b...)
	c[len(c)/2] ^= 0x01
	return c
}

// Where no archive fits the runner (here an arm runner of an OS natospend
// has no build for) and Go is on PATH, the action runs go install at the
// version; without Go it fails, saying why. The go here is a stand-in that
// records its arguments and puts a natospend built by this package where
// GOBIN says.
func TestActionGoInstallFallback(t *testing.T) {
	dist := built(t)[0]
	tools := t.TempDir()
	fake := filepath.Join(tools, "natospend-built")
	if out, err := exec.Command("tar", "-xzf", filepath.Join(dist, "natospend_"+testVersion+"_linux_amd64.tar.gz"), "-C", tools).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	if err := os.Rename(filepath.Join(tools, "natospend_"+testVersion+"_linux_amd64", "natospend"), fake); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tools, "bin")
	os.Mkdir(bin, 0o755)
	goLog := filepath.Join(tools, "go.log")
	script := "#!/bin/sh\necho \"GOBIN=$GOBIN $*\" > " + goLog + "\ncp " + fake + " \"$GOBIN/natospend\"\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	r := newRunner(t, "file:///nonexistent", map[string]string{"version": testVersion, "target": "2", "country": "POL"})
	r.env = []string{"RUNNER_OS=FreeBSD", "PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin"}
	if code := r.run(readAction(t)); code != 0 {
		t.Fatalf("exit %d, want 0 (Poland meets 2%%)\n%s", code, r.stdout.String())
	}
	logged, _ := os.ReadFile(goLog)
	want := "GOBIN=" + filepath.Join(r.dir, "runner-temp", "natospend-"+testVersion) + " install github.com/natospend/natospend/cmd/natospend@" + testVersion + "\n"
	if string(logged) != want {
		t.Errorf("go was run as %q, want %q", logged, want)
	}

	// No Go: a clear failure, and check never runs.
	r = newRunner(t, "file:///nonexistent", map[string]string{"version": testVersion, "target": "2", "country": "POL"})
	// A PATH of the tools the steps use, and no go, wherever go is here.
	noGo := filepath.Join(tools, "no-go")
	os.Mkdir(noGo, 0o755)
	for _, tool := range []string{"bash", "sh", "mkdir", "rm", "awk", "curl", "dirname"} {
		if p, err := exec.LookPath(tool); err == nil {
			os.Symlink(p, filepath.Join(noGo, tool))
		}
	}
	r.env = []string{"RUNNER_OS=FreeBSD", "PATH=" + noGo}
	code := r.run(readAction(t))
	if code != 1 || !strings.Contains(r.stdout.String(), "::error title=natospend install::no natospend archive fits (runner FreeBSD/X64, version "+testVersion+") and Go is not installed") {
		t.Errorf("no archive, no Go: exit %d\n%s", code, r.stdout.String())
	}
	if _, ok := r.outputs["check"]; ok {
		t.Errorf("check ran without natospend")
	}
}
