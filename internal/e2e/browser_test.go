package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"puente/internal/demo"
)

// Widths the pages are checked at: a laptop and a small phone.
const (
	desktopWidth = 1280
	phoneWidth   = 375
)

// stepTimeout bounds one browser step; a step that waits for a page that
// never comes fails instead of hanging the run.
const stepTimeout = 20 * time.Second

// browser is one tab with its own cookie jar (a fresh browser context) in
// the shared Chromium, pointed at one server. Its methods fail the test on
// a failing step, with a screenshot.
type browser struct {
	t     *testing.T
	srv   *server
	ctx   context.Context
	width int

	mu       sync.Mutex
	problems []string // CSP violations and failed requests since the last check
	urls     map[network.RequestID]string
}

// newBrowser opens a tab with an empty cookie jar at desktop width.
func newBrowser(t *testing.T, srv *server) *browser {
	t.Helper()
	if _, err := axeSource(); err != nil {
		t.Fatal(err)
	}
	root, err := browserRoot()
	if err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, srv: srv, urls: map[network.RequestID]string{}}
	ctx, cancel := chromedp.NewContext(root, chromedp.WithNewBrowserContext(), chromedp.WithListener(b.onEvent))
	t.Cleanup(cancel)
	t.Cleanup(func() {
		// What happened after the last check still counts.
		if p := b.takeProblems(); len(p) > 0 {
			t.Errorf("after the last check:\n  %s", strings.Join(p, "\n  "))
		}
	})
	b.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// axe-core goes into every document as it is created, before the page's
	// own scripts: Chromium then caches its compiled code, which makes each
	// check several times faster than evaluating the script on each page.
	src, _ := axeSource()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatalf("adding axe-core to the tab: %v", err)
	}
	b.setWidth(desktopWidth)
	return b
}

// onEvent runs in the tab's event loop: it only records.
func (b *browser) onEvent(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.urls[ev.RequestID] = ev.Request.URL
	case *network.EventResponseReceived:
		// A document's status is the step's business (a 404 page can be
		// expected); a sub-resource that fails is always a bug.
		if ev.Type != network.ResourceTypeDocument && ev.Response.Status >= 400 {
			b.problems = append(b.problems, fmt.Sprintf("failed request: %s %s answered %d", ev.Type, ev.Response.URL, ev.Response.Status))
		}
	case *network.EventLoadingFailed:
		u := b.urls[ev.RequestID]
		switch {
		case ev.BlockedReason == network.BlockedReasonCsp:
			b.problems = append(b.problems, fmt.Sprintf("CSP violation: %s %s blocked", ev.Type, u))
		case ev.Canceled:
			// A load the browser gave up on because the page moved on.
		default:
			b.problems = append(b.problems, fmt.Sprintf("failed request: %s %s: %s %s", ev.Type, u, ev.ErrorText, ev.BlockedReason))
		}
	case *log.EventEntryAdded:
		if ev.Entry != nil && isCSP(ev.Entry.Text) {
			b.problems = append(b.problems, "CSP violation: "+ev.Entry.Text)
		}
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a != nil {
				parts = append(parts, string(a.Value)+a.Description)
			}
		}
		if s := strings.Join(parts, " "); isCSP(s) {
			b.problems = append(b.problems, "CSP violation: "+s)
		}
	case *runtime.EventExceptionThrown:
		if d := ev.ExceptionDetails; d != nil {
			s := d.Text
			if d.Exception != nil {
				s += " " + d.Exception.Description
			}
			if isCSP(s) {
				b.problems = append(b.problems, "CSP violation: "+s)
			}
		}
	}
}

func isCSP(s string) bool { return strings.Contains(s, "Content Security Policy") }

// takeProblems returns and forgets what the listener recorded.
func (b *browser) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

// run runs steps with the step timeout.
func (b *browser) run(steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// evalJS evaluates a script in the page and decodes its result into T.
func evalJS[T any](b *browser, script string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		b.failf("evaluating %.80q: %v", script, err)
	}
	return v
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// setWidth emulates a viewport w CSS pixels wide; phone widths emulate a
// mobile device, so the page's meta viewport applies.
func (b *browser) setWidth(w int) {
	b.t.Helper()
	var opts []chromedp.EmulateViewportOption
	h := int64(900)
	if w < 600 {
		opts = append(opts, chromedp.EmulateMobile)
		h = 812
	}
	if err := b.run(chromedp.EmulateViewport(int64(w), h, opts...)); err != nil {
		b.failf("setting the width to %d: %v", w, err)
	}
	b.width = w
}

// visit opens path and expects a 200.
func (b *browser) visit(path string) { b.t.Helper(); b.visitStatus(path, 200) }

// visitStatus opens path (following redirects) and expects the final
// document's status to be want.
func (b *browser) visitStatus(path string, want int) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.srv.URL+path))
	if err != nil {
		b.failf("visit %s: %v", path, err)
	}
	if res.Status != int64(want) {
		b.failf("visit %s: got status %d at %s, want %d", path, res.Status, res.URL, want)
	}
}

// follow clicks the element sel (a link or a submit button) and expects
// the page it leads to to answer want.
func (b *browser) follow(sel string, want int) {
	b.t.Helper()
	b.mustExist(sel)
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.failf("click %s: %v", sel, err)
	}
	if res.Status != int64(want) {
		b.failf("click %s: got status %d at %s, want %d", sel, res.Status, res.URL, want)
	}
}

// submit clicks the submit button sel and expects a 200 page after it
// (a redirect after a successful post lands on one).
func (b *browser) submit(sel string) { b.t.Helper(); b.follow(sel, 200) }

// fill puts val into the field sel, replacing what it held.
func (b *browser) fill(sel, val string) {
	b.t.Helper()
	b.mustExist(sel)
	// Setting the value is what typing amounts to for a form without
	// scripts, and ten times faster than a key event per character.
	if err := b.run(chromedp.SetValue(chromedp.CSS(sel), val)); err != nil {
		b.failf("fill %s: %v", sel, err)
	}
	if got := b.value(sel); got != val {
		b.failf("fill %s: the field holds %d characters, want %d (maxlength?)", sel, len(got), len(val))
	}
}

// choose picks the option with value val in the select sel.
func (b *browser) choose(sel, val string) {
	b.t.Helper()
	b.mustExist(sel)
	if err := b.run(chromedp.SetValue(chromedp.CSS(sel), val)); err != nil {
		b.failf("choose %s in %s: %v", val, sel, err)
	}
	if got := b.value(sel); got != val {
		b.failf("choose %s in %s: the select holds %q (no such option?)", val, sel, got)
	}
}

// click clicks sel without expecting a navigation (a radio button, say).
func (b *browser) click(sel string) {
	b.t.Helper()
	b.mustExist(sel)
	if err := b.run(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		b.failf("click %s: %v", sel, err)
	}
}

// exists reports whether sel matches an element now (it does not wait:
// pages are rendered on the server and complete when they load).
func (b *browser) exists(sel string) bool {
	b.t.Helper()
	return evalJS[bool](b, `document.querySelector(`+js(sel)+`) !== null`)
}

func (b *browser) mustExist(sel string) {
	b.t.Helper()
	if !b.exists(sel) {
		b.failf("no element matches %s on %s", sel, b.path())
	}
}

// text is the visible text of the first element sel matches.
func (b *browser) text(sel string) string {
	b.t.Helper()
	b.mustExist(sel)
	return strings.TrimSpace(evalJS[string](b, `document.querySelector(`+js(sel)+`).innerText`))
}

// value is the current value of the form control sel.
func (b *browser) value(sel string) string {
	b.t.Helper()
	b.mustExist(sel)
	return evalJS[string](b, `document.querySelector(`+js(sel)+`).value`)
}

// attr is the attribute name of the first element sel matches ("" if absent).
func (b *browser) attr(sel, name string) string {
	b.t.Helper()
	b.mustExist(sel)
	return evalJS[string](b, `document.querySelector(`+js(sel)+`).getAttribute(`+js(name)+`) ?? ""`)
}

// path is the current page's path and query on the server.
func (b *browser) path() string {
	b.t.Helper()
	u, err := url.Parse(evalJS[string](b, `location.href`))
	if err != nil {
		b.failf("location: %v", err)
	}
	return u.RequestURI()
}

// wantPath fails unless the browser is on path.
func (b *browser) wantPath(path string) {
	b.t.Helper()
	if got := b.path(); got != path {
		b.failf("on %s, want %s", got, path)
	}
}

// signIn signs in with a demo account's password and expects the home page.
func (b *browser) signIn(email string) { b.t.Helper(); b.signInWith(email, demo.Password) }

// signInWith signs in with email and password and expects the home page.
// An account with two-step sign-in gives its next code; one that must set
// it up first does so (enrol).
func (b *browser) signInWith(email, password string) {
	b.t.Helper()
	b.visit("/login")
	b.fill("#email", email)
	b.fill("#password", password)
	b.submit(`form[action="/login"] button[type=submit]`)
	switch b.path() {
	case "/login/code":
		b.giveCode(email)
	case "/account/2fa":
		b.enrol(email)
		b.visit("/")
	}
	b.wantPath("/")
	if !b.exists(`form[action="/logout"]`) {
		b.failf("after signing in as %s: no sign-out button on %s", email, b.path())
	}
}

// signOut presses "Sign out" and expects the sign-in page.
func (b *browser) signOut() {
	b.t.Helper()
	b.submit(`form[action="/logout"] button[type=submit]`)
	b.wantPath("/login")
	if b.exists(`form[action="/logout"]`) {
		b.failf("still signed in after signing out")
	}
}

// wantText fails unless the element sel shows exactly want.
func (b *browser) wantText(sel, want string) {
	b.t.Helper()
	if got := b.text(sel); got != want {
		b.failf("%s on %s: got %q, want %q", sel, b.path(), got, want)
	}
}
