package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// inViewport fails unless the element sel is wholly on the screen the
// browser shows now: where a redirect landed, without scrolling.
func (b *browser) inViewport(sel, what string) {
	b.t.Helper()
	b.mustExist(sel)
	r := evalJS[[]float64](b, `(() => { const r = document.querySelector(`+js(sel)+`).getBoundingClientRect();
		return [r.top, r.bottom, window.innerHeight]; })()`)
	if r[0] < 0 || r[1] > r[2] {
		b.errorf("%s: %s is at y %.0f..%.0f, off the %.0f px screen the page landed on", what, sel, r[0], r[1], r[2])
	}
}

// TestGroupPagesOnAPhone (review of the group pages at 375 px): the case
// list shows its first case on the first screen (the filters fold away);
// after "I will go" on a case page and after recording a gift, the
// confirmation is on the screen the redirect lands on; the focus ring has
// at least 3:1 against the page; a coordinator's case page in Spanish and
// English keeps every button's label inside it. Screenshots are kept for
// review (group-*-375.png).
func TestGroupPagesOnAPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaMember.Email)

	b.visit("/cases")
	b.checkPage("case list on a phone")
	if !b.exists(`details.filters`) || b.exists(`details.filters[open]`) {
		b.errorf("case list: the filters are open with no filter on")
	}
	b.inViewport(`main ul.cases > li:first-child`, "case list's first case")
	b.keep("group-cases-375", false)

	// "I will go" on an appointment in a case page's list: the page lands
	// on that appointment, with the confirmation in it.
	var href, goForm string
	for _, p := range evalJS[[]string](b, `Array.from(document.querySelectorAll('main ul.cases a[href^="/cases/"]'), a => a.getAttribute('href'))`) {
		b.visit(p)
		if b.exists(`#appointments li.item form[action$="/going"] button[type=submit]`) {
			href, goForm = p, `#appointments li.item form[action$="/going"] button[type=submit]`
			break
		}
	}
	if goForm == "" {
		b.failf("no case page of the demo offers \"I will go\" on an appointment")
	}
	b.submit(goForm)
	if !strings.Contains(b.path(), href) {
		b.errorf("after \"I will go\": on %s, want the case page %s", b.path(), href)
	}
	b.wantText(flash, en("going.saved"))
	b.inViewport(flash, "after \"I will go\"")
	b.keep("group-going-saved-375", false)
	// Withdrawing asks first.
	b.follow(`#appointments li.item a[href*="/going/remove?"]`, 200)
	b.mustExist(`form[action$="/going/remove"] button[type=submit]`)
	b.checkPage("withdrawal's confirmation on a phone")
	b.keep("group-going-confirm-375", false)

	// A gift against the rent the member holds: the commitment page lands
	// on #given, with the confirmation there.
	b.visit("/me/tasks")
	rent := evalJS[string](b, `(Array.from(document.querySelectorAll('main a')).find(a => a.textContent.includes('$600.00 due')) || {getAttribute: () => ''}).getAttribute('href')`)
	if rent == "" {
		b.failf("my tasks: no \"$600.00 due\" for the rent the member holds")
	}
	b.visit(rent)
	b.follow(`a[href$="/given/new"]`, 200)
	b.fill("#amount", "50")
	b.submit(`form[action$="/given"] button[type=submit]`)
	b.wantText(flash, en("given.saved"))
	b.inViewport(flash, "after recording a gift")
	b.keep("group-given-saved-375", false)

	// The focus ring against the page behind it (WCAG 2.2 1.4.11).
	ratio := evalJS[float64](b, `(() => {
		const a = document.querySelector('main a[href]');
		a.focus({focusVisible: true});
		const lum = c => { const v = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(x => { x = x / 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
			return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
		let bg = 'rgb(255, 255, 255)';
		for (let el = a.parentElement; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor; if (c && !c.endsWith(', 0)') && c !== 'transparent') { bg = c; break; } }
		const ring = getComputedStyle(a).outlineColor, l1 = lum(ring), l2 = lum(bg);
		return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
	})()`)
	if ratio < 3 {
		b.errorf("focus ring: %.2f:1 against the page, want at least 3:1", ratio)
	}
	b.keep("group-focus-375", false)

	// A coordinator's busiest pages, in both languages: every label
	// inside its button (checkPage), the checklists' "Add a checklist".
	c := newBrowser(t, srv)
	c.setWidth(phoneWidth)
	c.signIn(alphaCoord)
	for _, lang := range []string{"es", "en"} {
		c.visit("/")
		switchLanguage(c, lang, "/")
		c.visit("/cases")
		for i, p := range evalJS[[]string](c, `Array.from(document.querySelectorAll('main ul.cases a[href^="/cases/"]'), a => a.getAttribute('href'))`) {
			c.visit(p)
			c.checkPage(fmt.Sprintf("coordinator's case page %d (%s) on a phone", i, lang))
			if c.exists(`#checklists .section-head a.action`) {
				c.mustExist(`#checklists`)
				evalJS[bool](c, `(document.querySelector('#checklists').scrollIntoView(), true)`)
				c.keep("group-checklists-"+lang+"-375", false)
			}
		}
	}
}
