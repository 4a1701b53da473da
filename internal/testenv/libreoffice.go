//go:build unix

package testenv

// LibreOffice Calc, headless, for the tests that open natospend's files in
// a real spreadsheet program (Debian's libreoffice-calc-nogui; CI installs
// it with .ci/install-spreadsheet), and a reader of the xlsx files it
// saves, on the standard library.

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Soffice returns the path of LibreOffice's soffice; without it the test
// is skipped, or fails when CI is set (CI must run it).
func Soffice(t *testing.T) string {
	t.Helper()
	return tool(t, "soffice", "libreoffice-calc-nogui", ".ci/install-spreadsheet")
}

// ConvertLibreOffice converts files to the format (an extension such as
// xlsx, or csv:FILTER:OPTIONS) into outDir, with a profile of its own (so that it clashes
// with no LibreOffice the user has open), and checks every output exists.
func ConvertLibreOffice(t *testing.T, soffice, profile, format, outDir string, files ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	args := append([]string{"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--norestore", "--convert-to", format, "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Dir(profile))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	b, err := cmd.CombinedOutput()
	t.Logf("soffice --convert-to %s, %d file(s): %v", format, len(files), time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("soffice %s: %v (%v)\n%s", strings.Join(args, " "), err, ctx.Err(), b)
	}
	for _, f := range files {
		ext, _, _ := strings.Cut(format, ":")
		x := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+ext)
		if _, err := os.Stat(x); err != nil {
			t.Fatalf("soffice did not write %s: %v\n%s", x, err, b)
		}
	}
}

// Cell is a cell as a spreadsheet program saved it.
type Cell struct {
	Type    string // the t attribute: s, inlineStr, str, b, e, n or ""
	Formula bool
	Text    string // the string, or the <v> value
	Style   int
}

// IsText reports whether the cell is a string (not a formula's result).
func (c Cell) IsText() bool { return !c.Formula && (c.Type == "s" || c.Type == "inlineStr") }

// IsNumber reports whether the cell is a number.
func (c Cell) IsNumber() bool { return !c.Formula && (c.Type == "n" || c.Type == "") && c.Text != "" }

// Sheet is what the test reads of a saved sheet.
type Sheet struct {
	Cells      map[string]Cell
	NumFmt     map[string]string // cell -> number format code ("" General)
	Frozen     bool
	AutoFilter string
}

// ReadSheet reads sheet n (1-based) of an xlsx that LibreOffice wrote.
func ReadSheet(t *testing.T, path string, n int) *Sheet {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string, v any) bool {
		f, err := zr.Open(name)
		if err != nil {
			return false
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err == nil {
			err = xml.Unmarshal(b, v)
		}
		if err != nil {
			t.Fatalf("%s: %s: %v", path, name, err)
		}
		return true
	}
	var sst struct {
		Items []struct {
			T    string `xml:"t"`
			Runs []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	read("xl/sharedStrings.xml", &sst)
	var styles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	read("xl/styles.xml", &styles)
	codes := map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 49: "@"}
	for _, f := range styles.NumFmts {
		codes[f.ID] = f.Code
	}
	var ws struct {
		Panes []struct {
			State string `xml:"state,attr"`
		} `xml:"sheetViews>sheetView>pane"`
		Rows []struct {
			Cells []struct {
				R  string  `xml:"r,attr"`
				T  string  `xml:"t,attr"`
				S  int     `xml:"s,attr"`
				F  *string `xml:"f"`
				V  string  `xml:"v"`
				IS struct {
					T string `xml:"t"`
				} `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
		AutoFilter struct {
			Ref string `xml:"ref,attr"`
		} `xml:"autoFilter"`
	}
	if !read("xl/worksheets/sheet"+strconv.Itoa(n)+".xml", &ws) {
		t.Fatalf("%s: no sheet %d", path, n)
	}
	s := &Sheet{Cells: map[string]Cell{}, NumFmt: map[string]string{}, AutoFilter: ws.AutoFilter.Ref}
	for _, p := range ws.Panes {
		s.Frozen = s.Frozen || p.State == "frozen"
	}
	for _, r := range ws.Rows {
		for _, c := range r.Cells {
			cell := Cell{Type: c.T, Formula: c.F != nil, Text: c.V, Style: c.S}
			switch c.T {
			case "s":
				i, err := strconv.Atoi(c.V)
				if err != nil || i < 0 || i >= len(sst.Items) {
					t.Fatalf("%s: %s: bad shared string index %q", path, c.R, c.V)
				}
				cell.Text = sst.Items[i].T
				for _, run := range sst.Items[i].Runs {
					cell.Text += run.T
				}
			case "inlineStr":
				cell.Text = c.IS.T
			}
			if cell.Type == "s" || cell.Type == "inlineStr" {
				cell.Text = DecodeXString(cell.Text)
			}
			s.Cells[c.R] = cell
			if c.S >= 0 && c.S < len(styles.Xfs) {
				s.NumFmt[c.R] = codes[styles.Xfs[c.S].NumFmt]
			}
		}
	}
	return s
}

// DecodeXString undoes ST_Xstring's escapes: "_x0001_" is U+0001 and
// "_x005F_" a literal '_' (LibreOffice writes the text "_x0041_" as
// "_x005F_x0041_").
func DecodeXString(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if isXEscape(s[i:]) {
			r, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			b.WriteRune(rune(r))
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// isXEscape reports whether s starts with "_xHHHH_".
func isXEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || (s[1] != 'x' && s[1] != 'X') || s[6] != '_' {
		return false
	}
	_, err := strconv.ParseUint(s[2:6], 16, 32)
	return err == nil
}
