package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"puente/internal/demo"
)

// phoneHeight is the height of the phone the pages are measured on
// (375 × 812, an iPhone X-class screen).
const phoneHeight = 812

// maxScreens is how tall, in phone screens, the busiest case page may be
// with everything done or past collapsed.
const maxScreens = 3

// review is where screenshots kept for review go: a folder of the run's
// artefacts (printed), and also PUENTE_ARTIFACTS when it is set.
var review struct {
	once sync.Once
	dir  string
	err  error
}

func reviewDir(t *testing.T) string {
	t.Helper()
	review.once.Do(func() {
		art, err := artifactDir()
		if err != nil {
			review.err = err
			return
		}
		review.dir = filepath.Join(art, "pages")
		review.err = os.MkdirAll(review.dir, 0o755)
	})
	if review.err != nil {
		t.Fatal(review.err)
	}
	return review.dir
}

// keep saves a screenshot of the tab for review under name (full page, or
// the first screen only) and returns its path.
func (b *browser) keep(name string, fullPage bool) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	var png []byte
	var err error
	if fullPage {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		b.failf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(reviewDir(b.t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.failf("screenshot %s: %v", name, err)
	}
	if extra := os.Getenv("PUENTE_ARTIFACTS"); extra != "" {
		if err := os.MkdirAll(extra, 0o755); err == nil {
			_ = os.WriteFile(filepath.Join(extra, name+".png"), png, 0o644)
		}
	}
	b.t.Logf("kept for review: %s", path)
	return path
}

// busiestCase finds the demo's busiest case in the list and returns its path.
func busiestCase(b *browser) string {
	b.t.Helper()
	b.visit("/cases")
	href := evalJS[string](b, `(() => {
		for (const a of document.querySelectorAll('main a[href^="/cases/"]')) {
			if (a.textContent.trim() === `+js(demo.BusyPrincipal)+`) return a.getAttribute('href');
		}
		return '';
	})()`)
	if href == "" {
		b.failf("the case list has no case of %s", demo.BusyPrincipal)
	}
	return href
}

type box struct {
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
}

// boxOf is sel's position on the page (not the viewport), in CSS pixels.
func (b *browser) boxOf(sel string) box {
	b.t.Helper()
	b.mustExist(sel)
	return evalJS[box](b, `(() => { const r = document.querySelector(`+js(sel)+`).getBoundingClientRect();
		return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY}; })()`)
}

// TestCasePageOnPhone (issue 9): on a 375 × 812 phone, in English and in
// Spanish, the busiest demo case opens with its summary (case code and
// initials, status, the next three things due with their tags and for
// whom, the next appointment with place and local time, the lawyer) inside
// the first screen, and the whole page, with what is done or past
// collapsed, is at most three screens tall. The case page and the group's
// home page are kept as screenshots for review.
func TestCasePageOnPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	path := busiestCase(b)
	for _, lang := range []string{"en", "es"} {
		b.visit(path)
		switchLanguage(b, lang, path)
		tr := en
		if lang == "es" {
			tr = es
		}
		height := evalJS[int](b, `document.documentElement.scrollHeight`)
		summary := b.boxOf("#summary")
		t.Logf("%s: busiest case %s is %d px tall at %d×%d (%.1f screens); its summary ends at %.0f px",
			lang, path, height, phoneWidth, phoneHeight, float64(height)/phoneHeight, summary.Bottom)
		if summary.Bottom > phoneHeight {
			b.errorf("%s: the summary ends at %.0f px, below the first screen (%d px)", lang, summary.Bottom, phoneHeight)
		}
		if height > maxScreens*phoneHeight {
			b.errorf("%s: the collapsed case page is %d px tall, want at most %d (%d screens)", lang, height, maxScreens*phoneHeight, maxScreens)
		}
		if n := evalJS[int](b, `document.querySelectorAll('#summary ol.next > li .tag').length`); n != 3 {
			b.errorf("%s: the summary names %d things due with a tag, want 3", lang, n)
		}
		text := b.text("#summary")
		for _, want := range []string{"Demo Asylum Clinic", "555-0142", "Demo ICE field office, 2nd floor", "9:30",
			tr("appointment.kind.ice_checkin"), tr("summary.next_due"), "Daniel, Sofía", tr("appointment.going", "Carmen drives")} {
			if !strings.Contains(text, want) {
				b.errorf("%s: the summary lacks %q:\n%s", lang, want, text)
			}
		}
		if h1 := b.text("main h1"); !strings.Contains(h1, "R.M.") || strings.Contains(h1, demo.BusyPrincipal) {
			b.errorf("%s: the heading is %q, want the case code and the initials R.M.", lang, h1)
		}
		// By date across the household, soonest first: the children's
		// overdue EOIR-33 (one line for both) before anyone's AR-11.
		states := evalJS[[]string](b, `Array.from(document.querySelectorAll('#deadlines > ol.items > li .item-head .tag'), e => e.dataset.state)`)
		dates := evalJS[[]string](b, `Array.from(document.querySelectorAll('#deadlines > ol.items > li p.due time'), e => e.getAttribute('datetime'))`)
		if len(states) < 3 || states[0] != "overdue" || !slices.IsSorted(dates) {
			b.errorf("%s: the open deadlines in page order: states %v, dates %v; want the overdue one first, by date", lang, states, dates)
		}
		if first := b.text("#deadlines > ol.items > li summary"); !strings.Contains(first, "Daniel Mejía, Sofía Mejía") {
			b.errorf("%s: the first deadline is %q, want the children's EOIR-33 on one line", lang, first)
		}
		if n := evalJS[int](b, `document.querySelectorAll('main details[open]').length`); n != 0 {
			b.errorf("%s: %d sections are open on arrival, want everything done or past collapsed", lang, n)
		}
		// One-tap buttons are not forms to fill in: "Attended" and, for a
		// sign-up (issue 11), "I will go" / "I can no longer go".
		if n := evalJS[int](b, `document.querySelectorAll('#deadlines form, #appointments form:not([action$="/marks"]):not([action$="/going"]):not([action$="/going/remove"]), #facts form, #commitments form:not([action$="/holders"])').length`); n != 0 {
			b.errorf("%s: %d forms are open on the case page, want them behind Edit and Record", lang, n)
		}
		b.keep("case-"+lang, true)
		b.keep("case-"+lang+"-first-screen", false)
		b.checkPage("busiest case (" + lang + ")")

		b.visit("/")
		homeHeight := evalJS[int](b, `document.documentElement.scrollHeight`)
		t.Logf("%s: home page is %d px tall at %d px", lang, homeHeight, phoneWidth)
		kinds := evalJS[string](b, `document.querySelector('main ol.due-list')?.innerText ?? ''`)
		for _, k := range []string{"appointment.kind.ice_checkin", "appointment.kind.biometrics", "appointment.kind.master_hearing"} {
			if !strings.Contains(kinds, tr(k)) {
				b.errorf("%s: the home page's next 14 days lack %q", lang, tr(k))
			}
		}
		b.keep("home-"+lang, true)
		b.checkPage("home (" + lang + ")")
	}
	b.visit("/")
	switchLanguage(b, "en", "/")
}

// TestRejectedFormFocusesSummary (issue 9): a rejected form comes back with
// its error summary focused and inside the first screen of a phone, in
// both languages, with and without JavaScript (autofocus); a link of the
// summary moves focus to its field; what was typed is kept.
func TestRejectedFormFocusesSummary(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	path := busiestCase(b)
	for _, lang := range []string{"en", "es"} {
		b.visit(path)
		switchLanguage(b, lang, path)
		for _, scripts := range []bool{true, false} {
			label := fmt.Sprintf("%s, scripts %v", lang, scripts)
			b.scripts(scripts)
			b.visit(path + "/appointments/new")
			b.fill("#date", "")
			b.fill("#place", "Courtroom 9, 2nd floor")
			b.follow(`main form button[type=submit]`, 422)
			if ran := evalJS[bool](b, `document.documentElement.classList.contains('js')`); ran != scripts {
				b.failf("%s: Puente's script ran: %v", label, ran)
			}
			focused := evalJS[string](b, `document.activeElement ? document.activeElement.className : ''`)
			if focused != "error-summary" {
				b.errorf("%s: the focused element is %q, want the error summary", label, focused)
			}
			r := evalJS[box](b, `(() => { const r = document.querySelector('.error-summary').getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; })()`)
			if r.Top < 0 || r.Bottom > phoneHeight {
				b.errorf("%s: the error summary is at %.0f–%.0f px of the screen, want inside 0–%d", label, r.Top, r.Bottom, phoneHeight)
			}
			if got := b.value("#place"); got != "Courtroom 9, 2nd floor" {
				b.errorf("%s: place after the refusal: %q, want what was typed", label, got)
			}
			b.mustExist(`.error-summary a[href="#date"]`)
			if scripts {
				b.keep("rejected-form-"+lang, false)
				b.checkPage("rejected form (" + lang + ")")
				b.click(`.error-summary a[href="#date"]`)
				if id := evalJS[string](b, `document.activeElement ? document.activeElement.id : ''`); id != "date" {
					b.errorf("%s: after following the summary's link the focus is on %q, want #date", label, id)
				}
			}
		}
		b.scripts(true)
	}
	b.visit("/")
	switchLanguage(b, "en", "/")
}

// scripts turns JavaScript on or off in the tab, for pages that must work
// without it.
func (b *browser) scripts(on bool) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		b.failf("turning scripts %v: %v", on, err)
	}
	// A background tab of a headless browser never has the system's focus,
	// and a browser gives autofocus only to a page that has it: behave as
	// the page a person is looking at.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		b.failf("emulating focus: %v", err)
	}
}
