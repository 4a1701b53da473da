// Package browsertest is for tests only: it opens a page in a real
// headless Chromium (driven with github.com/chromedp/chromedp) and tells
// what a reader's browser made of it: console errors, uncaught exceptions
// and browser log entries (a Content-Security-Policy violation is one),
// every request the page attempted, dialogs a script opened (alert), the
// DOM through JavaScript, the accessibility tree, the layout at a phone's
// width, a PDF print and a screenshot.
//
// One browser serves a whole test binary, started at the first Open and
// stopped by Main (call it from the package's TestMain); each Open is a
// tab of its own. Without a browser the test is skipped, or fails when CI
// is set (testenv.Chrome). The timeouts only keep a broken browser from
// hanging the run; no test asserts a time.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/natospend/natospend/internal/testenv"
)

// Timeout bounds the browser's start and each page's life, against hangs
// only: a page of this project loads in well under a second.
const Timeout = 60 * time.Second

// The browser of the test binary.
var (
	mu         sync.Mutex
	mainCalled bool
	browserCtx context.Context // chromedp's context of the running browser, or nil
	stop       func()          // stops the browser and removes its profile
	startErr   error           // why the browser did not start, for the later tests
)

// Main runs the tests of a package that opens pages (from its TestMain:
// os.Exit(browsertest.Main(m))) and stops the browser after them.
func Main(m *testing.M) int {
	mu.Lock()
	mainCalled = true
	mu.Unlock()
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if stop != nil {
		stop()
		stop, browserCtx = nil, nil
	}
	return code
}

// browser returns the running browser's context, starting it at the first
// call.
func browser(t testing.TB) context.Context {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if !mainCalled {
		t.Fatal("browsertest: call browsertest.Main from the package's TestMain (it stops the browser)")
	}
	if browserCtx != nil {
		return browserCtx
	}
	if startErr != nil {
		t.Fatalf("the browser did not start: %v", startErr)
	}
	path := testenv.Chrome(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		// No GPU in a container or on CI; software rendering is enough
		// for layout, screenshots and PDF.
		chromedp.DisableGPU,
		// No font hinting (as Puppeteer's screenshots): glyphs drawn the
		// same whatever the machine's font settings.
		chromedp.Flag("font-render-hinting", "none"),
		// chromedp adds --no-sandbox by itself when the tests run as root
		// (CI's container does): Chromium refuses to start as root with its
		// sandbox. As any other user the sandbox stays on. The pages opened
		// are the project's own output and its fixtures.
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	// The first Do starts the browser; its life is bound to ctx, which has
	// no deadline of its own: a timer stops a start that hangs.
	hung := time.AfterFunc(Timeout, cancelBrowser)
	err := chromedp.Do(ctx)
	hung.Stop()
	if err != nil {
		cancelBrowser()
		cancelAlloc()
		startErr = fmt.Errorf("%s: %w", path, err)
		t.Fatalf("the browser did not start: %v", startErr)
	}
	version := "(version unknown)"
	if v, err := chromedp.CallBrowser(ctx, cdpbrowser.GetVersion, cdp.Empty{}); err == nil {
		version = v.Product
	}
	t.Logf("browser: %s, %s", path, version)
	browserCtx = ctx
	stop = func() { cancelBrowser(); cancelAlloc() }
	return ctx
}

// Page is one tab, with the page it opened and what the browser reported
// about it.
type Page struct {
	t   testing.TB
	ctx context.Context // the tab, with its Timeout
	URL string          // the page's own address

	mu       sync.Mutex
	console  []string // console API calls, "type: text"
	errs     []string // errors and warnings of the console, exceptions and the browser's log
	requests []string // every request and navigation other than the page's own load
	dialogs  []string // alert, confirm, prompt, beforeunload
}

// FileURL returns the file:// URL of a local file.
func FileURL(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// OpenFile opens a local file in a new tab (see Open).
func OpenFile(t testing.TB, path string, opts ...Option) *Page {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return Open(t, FileURL(t, path), opts...)
}

// Option changes how Open opens a page.
type Option func(*openOptions)

type openOptions struct {
	bypassCSP bool
}

// BypassCSP opens the page with its Content-Security-Policy ignored
// (Page.setBypassCSP): what the page's own escaping holds without the
// policy's second line of defence.
func BypassCSP() Option { return func(o *openOptions) { o.bypassCSP = true } }

// Open opens the address in a new tab of the test binary's browser, waits
// for its load event and for two animation frames (the layout done, the
// scripts the load starts run), and records from the start: the console,
// exceptions, the browser's log, every network request, WebSocket, window
// opened or navigation asked for, and every dialog (each dismissed, so
// that a page that calls alert does not hang). The tab is closed when the
// test ends.
func Open(t testing.TB, address string, opts ...Option) *Page {
	t.Helper()
	var o openOptions
	for _, opt := range opts {
		opt(&o)
	}
	bctx := browser(t)
	p := &Page{t: t, URL: address}
	tctx, cancelTimeout := context.WithTimeout(bctx, Timeout)
	ctx, cancelTab := chromedp.NewContext(tctx, chromedp.WithListener(p.record))
	t.Cleanup(func() { cancelTab(); cancelTimeout() })
	p.ctx = ctx
	if o.bypassCSP {
		if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
			t.Fatalf("open %s: bypass its Content-Security-Policy: %v", address, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(address)); err != nil {
		t.Fatalf("open %s: %v", address, err)
	}
	p.settle()
	return p
}

// record runs in the tab's event loop, in the order Chrome sent the
// events: it only notes them (the dialog is answered from a goroutine).
func (p *Page) record(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		line := string(ev.Type) + ": " + argsText(ev.Args)
		p.console = append(p.console, line)
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
			p.errs = append(p.errs, "console."+line)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		p.errs = append(p.errs, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e.Level == cdplog.EntryLevelError || e.Level == cdplog.EntryLevelWarning {
			p.errs = append(p.errs, fmt.Sprintf("browser log, %s %s: %s", e.Source, e.Level, e.Text))
		}
	case *network.EventRequestWillBeSent:
		if u := ev.Request.URL; u != p.URL {
			p.requests = append(p.requests, fmt.Sprintf("%s request %s", ev.Type, u))
		}
	case *network.EventWebSocketCreated:
		p.requests = append(p.requests, "WebSocket "+ev.URL)
	case *page.EventWindowOpen:
		p.requests = append(p.requests, "window.open "+ev.URL)
	case *page.EventFrameRequestedNavigation:
		if ev.URL != p.URL {
			p.requests = append(p.requests, fmt.Sprintf("navigation (%s) to %s", ev.Reason, ev.URL))
		}
	case *page.EventJavascriptDialogOpening:
		p.dialogs = append(p.dialogs, fmt.Sprintf("%s(%q)", ev.Type, ev.Message))
		go chromedp.Call(p.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// argsText is the text of a console call's arguments: strings as they
// are, other values as JSON or their description.
func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var s string
		switch {
		case len(a.Value) > 0 && json.Unmarshal(a.Value, &s) == nil:
		case len(a.Value) > 0:
			s = string(a.Value)
		default:
			s = a.Description
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// settle waits for two animation frames in the page. Chrome sends the
// events of the tab before the reply to a command, so when it returns
// every event of the load is recorded.
func (p *Page) settle() {
	p.t.Helper()
	Eval[chromedp.Void](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))`)
}

// Errors returns the console's errors and warnings, the uncaught
// exceptions and the browser log's errors and warnings (a
// Content-Security-Policy violation is one), in order, so far.
func (p *Page) Errors() []string {
	p.t.Helper()
	return p.recorded(&p.errs)
}

// Console returns every console API call so far, "type: text".
func (p *Page) Console() []string {
	p.t.Helper()
	return p.recorded(&p.console)
}

// Requests returns every request the page attempted other than the load
// of its own address (images, styles, fonts, scripts, fetches, beacons,
// WebSockets, windows opened, navigations), so far.
func (p *Page) Requests() []string {
	p.t.Helper()
	return p.recorded(&p.requests)
}

// Dialogs returns the dialogs a script opened so far, such as
// alert("1").
func (p *Page) Dialogs() []string {
	p.t.Helper()
	return p.recorded(&p.dialogs)
}

// recorded settles the page and returns a copy of one of its records
// (errs, console, requests, dialogs) so far: the body of Errors, Console,
// Requests and Dialogs.
func (p *Page) recorded(list *[]string) []string {
	p.t.Helper()
	p.settle()
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), *list...)
}

// CheckClean fails the test for each error, request and dialog recorded
// so far: a self-contained page loads with none.
func (p *Page) CheckClean() {
	p.t.Helper()
	for _, e := range p.Errors() {
		p.t.Errorf("%s: %s", p.URL, e)
	}
	for _, r := range p.Requests() {
		p.t.Errorf("%s: attempted a request other than its own: %s", p.URL, r)
	}
	for _, d := range p.Dialogs() {
		p.t.Errorf("%s: a script opened a dialog: %s", p.URL, d)
	}
}

// Eval evaluates a JavaScript expression in the page (a promise is
// awaited) and decodes its value into T; an exception fails the test.
func Eval[T any](p *Page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: evaluate %.80q: %v", p.URL, expr, err)
	}
	return v
}

// SetViewport emulates a screen width x height CSS pixels at the device
// scale; mobile is a phone's (the layout follows the page's viewport
// meta; without one a phone lays a page out 980 pixels wide). The page
// is laid out again before it returns.
func (p *Page) SetViewport(width, height int64, scale float64, mobile bool) {
	p.t.Helper()
	_, err := chromedp.Call(p.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: scale, Mobile: mobile,
	})
	if err != nil {
		p.t.Fatalf("%s: set the viewport to %dx%d: %v", p.URL, width, height, err)
	}
	p.settle()
}

// Call sends a protocol command to the tab (for what the helpers here do
// not cover).
func Call[P, R any](p *Page, cmd cdp.Command[P, R], params P) R {
	p.t.Helper()
	r, err := chromedp.Call(p.ctx, cmd, params)
	if err != nil {
		p.t.Fatalf("%s: %s: %v", p.URL, cmd.Method, err)
	}
	return r
}
