package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"puente/internal/i18n"
)

// The parts of issue 9's pages that are not the case page's length: the
// printed court-day card, the copy button and the loopback warning, and
// the state tags.

// a4 is the printable area of an A4 sheet with Puente's 1.5 cm margins
// (@page), in CSS pixels (96 per inch): 180 × 267 mm. A US Letter sheet's
// (186 × 249 mm) is a little wider and shorter; the card keeps to both.
const (
	printWidth  = 680
	printHeight = 940 // Letter's 249 mm; A4's 267 mm is 1009 px
)

// TestCourtCardPrintsOnOnePage (issue 9): the court-day card, printed,
// is one page (A4 or Letter): no header, menus or buttons; the hearing,
// who goes with the family, the judge, the lawyer and what to bring, in
// both languages. Kept as a
// screenshot for review.
func TestCourtCardPrintsOnOnePage(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.signIn(alphaCoord)
	// Marisol's case: a master hearing in 12 days.
	b.visit("/cases")
	href := evalJS[string](b, `(() => { for (const a of document.querySelectorAll('main a[href^="/cases/"]'))
		if (a.textContent.trim() === 'Marisol Guerrero') return a.getAttribute('href'); return ''; })()`)
	if href == "" {
		b.failf("no case of Marisol Guerrero in the list")
	}
	for _, lang := range []string{"en", "es"} {
		b.visit(href + "/court-card")
		switchLanguage(b, lang, href+"/court-card")
		b.checkWidths("court-day card (" + lang + ")")
		if err := b.run(chromedp.EmulateViewport(printWidth, printHeight)); err != nil {
			b.failf("print size: %v", err)
		}
		ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		cancel()
		if err != nil {
			b.failf("emulating print: %v", err)
		}
		// The document is at least the viewport tall: measure what is printed.
		height := evalJS[int](b, `Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY)`)
		t.Logf("%s: the printed court-day card is %d px tall in a %d px page", lang, height, printHeight)
		if height > printHeight {
			b.errorf("%s: the printed card is %d px tall, more than one page (%d px)", lang, height, printHeight)
		}
		if n := evalJS[int](b, `Array.from(document.querySelectorAll('header.site, footer.site, nav, .actions')).filter(e => e.getClientRects().length > 0).length`); n != 0 {
			b.errorf("%s: %d menus or buttons are printed", lang, n)
		}
		text := b.text("main")
		for _, want := range []string{"Demo Immigration Court, Room 12", "Judge A. Demo", "555-0100", "8:30", "Ana drives, Luis interprets"} {
			if !strings.Contains(text, want) {
				b.errorf("%s: the card lacks %q", lang, want)
			}
		}
		for _, leak := range []string{"200123456", "456", "Demo Street", "Marisol"} {
			if strings.Contains(text, leak) {
				b.errorf("%s: the card shows %q", lang, leak)
			}
		}
		b.keep("court-card-print-"+lang, true)
		ctx, cancel = context.WithTimeout(b.ctx, stepTimeout)
		_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
		cancel()
		if err != nil {
			b.failf("leaving print: %v", err)
		}
		b.setWidth(desktopWidth)
	}
	b.visit("/")
	switchLanguage(b, "en", "/")
}

// TestCopyLinkAndLocalWarning (issue 9): a link to pass on (an invitation
// here) has a copy button once the page's script runs, and pressing it puts
// the link on the clipboard and says so; the server was started on a
// loopback address without -base-url, so the page warns that the link opens
// on this computer only and says how to set -base-url. Without scripts the
// button is not shown.
func TestCopyLinkAndLocalWarning(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	b.allowClipboard()
	// A page a person looks at has the focus, which the clipboard requires.
	b.scripts(true)
	link := createInvitation(b, "copia@example.org", "member")
	if !evalJS[bool](b, `document.querySelector('button[data-copy]').checkVisibility()`) {
		b.errorf("the copy button is not shown while the script runs")
	}
	b.click("button[data-copy]")
	// The clipboard answers asynchronously.
	status := evalJS[string](b, `new Promise(done => { let n = 0; const t = setInterval(() => {
		const s = document.querySelector('.copy-status').textContent;
		if (s || ++n > 30) { clearInterval(t); done(s); } }, 100); })`)
	if status != en("copy.done") {
		b.errorf("after pressing copy the status says %q, want %q", status, en("copy.done"))
	}
	if got := evalJS[string](b, `navigator.clipboard.readText()`); got != link {
		b.errorf("the clipboard holds %q, want the invitation link %q", got, link)
	}
	warning := b.text(".warning")
	for _, want := range []string{en("links.local.title"), "-base-url", srv.URL} {
		if !strings.Contains(warning, want) {
			b.errorf("the loopback warning lacks %q: %q", want, warning)
		}
	}
	b.keep("invitation-link-local", true)
	b.checkPage("invitation link with the loopback warning")

	b.scripts(false)
	createInvitation(b, "sin-script@example.org", "member")
	if b.exists("html.js") {
		b.errorf("the page's script ran with scripts off")
	}
	b.scripts(true)
	// The page was loaded without its script: the button's box stays hidden.
	if evalJS[bool](b, `document.querySelector('button[data-copy]').checkVisibility()`) {
		b.errorf("the copy button is shown without the script, where it cannot work")
	}
}

// allowClipboard lets the server's pages read and write the clipboard in
// b's browser context, as a person who allowed it would (headless Chromium
// otherwise refuses, and the copy button would only show its fallback).
func (b *browser) allowClipboard() {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	id := chromedp.FromContext(b.ctx).BrowserContextID
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission:       &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:          cdpbrowser.PermissionSettingGranted,
			Origin:           b.srv.URL,
			BrowserContextID: id,
		})
		if err != nil {
			b.failf("allowing %s: %v", name, err)
		}
	}
}

// TestEveryTagReadable (issue 9): every state tag, whether or not the demo
// shows it on arrival (most sit in collapsed sections), passes axe's WCAG
// 2.1 AA contrast check on a page and inside the case summary, in both
// languages; and no two deadline states look alike without their words:
// each has its own colour and shape (background, border style, corners,
// left border, sign before the words).
func TestEveryTagReadable(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	path := busiestCase(b)
	var states []string
	for _, k := range i18n.Keys() {
		if st, ok := strings.CutPrefix(k, "tag."); ok {
			states = append(states, st)
		}
	}
	if len(states) < 14 {
		t.Fatalf("found %d tag messages, want the 10 deadline and 4 appointment states", len(states))
	}
	for _, lang := range []string{"en", "es"} {
		b.visit(path)
		switchLanguage(b, lang, path)
		tr := en
		if lang == "es" {
			tr = es
		}
		var spans strings.Builder
		for _, st := range states {
			fmt.Fprintf(&spans, `<span class="tag tag-%s" data-state="%s">%s</span> `, st, st, tr("tag."+st))
		}
		evalJS[bool](b, `(() => { for (const where of [document.querySelector('main'), document.querySelector('#summary')]) {
			const p = document.createElement('p'); p.className = 'every-tag'; p.innerHTML = `+js(spans.String())+`; where.prepend(p); }
			return true; })()`)
		if n := evalJS[int](b, `document.querySelectorAll('.every-tag .tag').length`); n != 2*len(states) {
			b.failf("%s: %d tags on the page, want %d", lang, n, 2*len(states))
		}
		b.checkPage("every tag (" + lang + ")")
	}
	looks := evalJS[map[string]string](b, `(() => { const out = {};
		for (const el of document.querySelectorAll('main > .every-tag .tag')) {
			const s = getComputedStyle(el), sign = getComputedStyle(el, '::before').content;
			out[el.dataset.state] = [s.backgroundColor, s.borderTopStyle, s.borderTopLeftRadius, s.borderLeftWidth, s.borderTopColor, sign].join(' | ');
		}
		return out; })()`)
	seen := map[string]string{}
	for _, st := range states {
		if strings.HasPrefix(st, "appt_") {
			continue // an appointment's tags borrow the deadline tag of the same meaning
		}
		l, ok := looks[st]
		if !ok {
			t.Errorf("tag %s was not measured", st)
			continue
		}
		if other, dup := seen[l]; dup {
			t.Errorf("tags %s and %s look the same without their words: %s", other, st, l)
		}
		seen[l] = st
	}
	b.visit("/")
	switchLanguage(b, "en", "/")
}
