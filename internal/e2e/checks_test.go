package e2e

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// screenshot saves a full-page PNG of the tab and returns its path, or a
// note saying why there is none.
func (b *browser) screenshot() string {
	dir, err := artifactDir()
	if err != nil {
		return "(no screenshot: " + err.Error() + ")"
	}
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return "(no screenshot: " + err.Error() + ")"
	}
	f, err := os.CreateTemp(dir, unsafeName.ReplaceAllString(b.t.Name(), "_")+"-*.png")
	if err != nil {
		return "(no screenshot: " + err.Error() + ")"
	}
	defer f.Close()
	if _, err := f.Write(png); err != nil {
		return "(no screenshot: " + err.Error() + ")"
	}
	return f.Name()
}

// failf stops the test with a screenshot of the page.
func (b *browser) failf(format string, args ...any) {
	b.t.Helper()
	b.t.Fatalf("%s\nscreenshot: %s", fmt.Sprintf(format, args...), b.screenshot())
}

// errorf records a failure with a screenshot and lets the test go on.
func (b *browser) errorf(format string, args ...any) {
	b.t.Helper()
	b.t.Errorf("%s\nscreenshot: %s", fmt.Sprintf(format, args...), b.screenshot())
}

// checkPage checks the current page at the current width: no serious or
// critical axe violation, no horizontal scrolling, every control reachable
// by Tab and (at phone width) inside the viewport when focused, and no CSP
// violation or failed request since the last check. It reports every
// finding at once and returns how many there were.
func (b *browser) checkPage(name string) int {
	b.t.Helper()
	found := b.findings()
	if len(found) > 0 {
		b.errorf("page %q (%s) at %d px:\n  %s", name, b.path(), b.width, strings.Join(found, "\n  "))
	}
	return len(found)
}

// findings is what checkPage reports, without failing the test.
func (b *browser) findings() []string {
	b.t.Helper()
	var found []string
	found = append(found, b.axeViolations()...)
	found = append(found, b.overflow()...)
	found = append(found, b.targets()...)
	found = append(found, b.spilledLabels()...)
	found = append(found, b.brokenWords()...)
	found = append(found, b.squeezed()...)
	found = append(found, b.keyboard()...)
	// Last, so that the events of everything above have arrived.
	found = append(found, b.takeProblems()...)
	return found
}

// targets finds, at phone width, the controls a finger uses that are
// smaller than 44 × 44 CSS pixels: buttons, inputs, selects, the summary of
// a <details>, links styled as buttons; for a checkbox or radio button, its
// row with its label.
func (b *browser) targets() []string {
	b.t.Helper()
	if b.width > phoneWidth {
		return nil
	}
	small := evalJS[[]string](b, describeJS+`(() => {
		const d = window.__e2eDescribe, out = [];
		const shown = el => el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0;
		for (const el of document.querySelectorAll('button, input, select, textarea, summary, a.action, a.button')) {
			if ((el.tagName === 'INPUT' && el.type === 'hidden') || !shown(el)) continue;
			let box = el;
			if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) box = el.closest('.choice') || el;
			const r = box.getBoundingClientRect();
			if (r.width < 43.5 || r.height < 43.5) out.push(d(el) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height));
		}
		return out.slice(0, 10);
	})()`)
	var out []string
	for _, s := range small {
		out = append(out, "target smaller than 44×44 px: "+s)
	}
	return out
}

// spilledLabels finds controls whose label sticks out of their own border:
// a button or action link that a flex row shrank below its text (its
// min-width of 44 px lets it), which the page's width never shows as
// horizontal scrolling ("Agregar una lista" at 375 px).
func (b *browser) spilledLabels() []string {
	b.t.Helper()
	spilled := evalJS[[]string](b, describeJS+`(() => {
		const d = window.__e2eDescribe, out = [];
		for (const el of document.querySelectorAll('button, a.action, a.button, .tag')) {
			if (!el.checkVisibility({visibilityProperty: true}) || el.getClientRects().length === 0) continue;
			if (el.scrollWidth > el.clientWidth + 1) out.push(d(el) + ' holds ' + el.scrollWidth + ' px in ' + el.clientWidth);
		}
		return out.slice(0, 10);
	})()`)
	var out []string
	for _, s := range spilled {
		out = append(out, "label wider than its control: "+s)
	}
	return out
}

// brokenWords finds, at phone width, words broken across two lines: each
// word of letters (and the case codes, "PU-7K3QXM") must sit on one line.
func (b *browser) brokenWords() []string {
	b.t.Helper()
	if b.width > phoneWidth {
		return nil
	}
	broken := evalJS[[]string](b, `(() => {
		const out = [], word = /PU-[A-Z0-9]+|[\p{L}\p{M}]{2,}/gu;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let n = walker.nextNode(); n && out.length < 10; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || !el.checkVisibility({visibilityProperty: true}) || el.closest('option, select, script, style')) continue;
			for (const m of n.data.matchAll(word)) {
				range.setStart(n, m.index);
				range.setEnd(n, m.index + m[0].length);
				const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
				if (tops.size > 1) out.push(m[0] + ' (in ' + el.tagName.toLowerCase() + ')');
			}
		}
		return out;
	})()`)
	var out []string
	for _, w := range broken {
		out = append(out, "word broken across lines: "+w)
	}
	return out
}

// squeezed finds, at phone width, table captions narrower than the box
// around their table: a stacked table (class "stack") that left its
// caption a table caption squeezed it to its longest word, a word a line
// (the network's case counts at 375 px).
func (b *browser) squeezed() []string {
	b.t.Helper()
	if b.width > phoneWidth {
		return nil
	}
	narrow := evalJS[[]string](b, describeJS+`(() => {
		const d = window.__e2eDescribe, out = [];
		for (const c of document.querySelectorAll('caption')) {
			const t = c.closest('table');
			if (!c.checkVisibility() || !t || !t.parentElement) continue;
			const w = c.getBoundingClientRect().width, room = t.parentElement.getBoundingClientRect().width;
			if (w < 0.9 * room) out.push(d(c) + ' is ' + Math.round(w) + ' px wide in ' + Math.round(room) + ' px');
		}
		return out.slice(0, 10);
	})()`)
	var out []string
	for _, s := range narrow {
		out = append(out, "caption squeezed: "+s)
	}
	return out
}

// checkWidths runs checkPage at desktop and at phone width, and leaves the
// tab at the width it had.
func (b *browser) checkWidths(name string) int {
	b.t.Helper()
	was := b.width
	n := 0
	for _, w := range []int{desktopWidth, phoneWidth} {
		if b.width != w {
			b.setWidth(w)
		}
		n += b.checkPage(name)
	}
	if b.width != was {
		b.setWidth(was)
	}
	return n
}

// axeTags are the WCAG 2.1 A and AA rules.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']`

type axeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

// axeViolations runs axe-core on the page (added over the DevTools
// protocol, which the page's CSP does not govern; see newBrowser) and
// describes every serious or critical violation. Lesser ones are logged,
// not failed.
func (b *browser) axeViolations() []string {
	b.t.Helper()
	if !evalJS[bool](b, `typeof window.axe === 'object' && typeof window.axe.run === 'function'`) {
		src, err := axeSource()
		if err != nil {
			b.failf("%v", err)
		}
		evalJS[bool](b, src+"\n;true")
	}
	vs := evalJS[[]axeViolation](b, `(async () => {
		const r = await axe.run(document, {runOnly: {type: 'tag', values: `+axeTags+`}, resultTypes: ['violations']});
		return r.violations.map(v => ({
			id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map(n => ({
				target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)),
				html: n.html, summary: n.failureSummary || '',
			})),
		}));
	})()`)
	var out []string
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("%s  %s  (%s)", strings.Join(n.Target, " "), n.HTML, strings.ReplaceAll(strings.TrimSpace(n.Summary), "\n", " ")))
		}
		msg := fmt.Sprintf("axe %s [%s]: %s <%s>\n      %s", v.ID, v.Impact, v.Help, v.HelpURL, strings.Join(where, "\n      "))
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, msg)
		} else {
			b.t.Logf("%s at %d px (not failed, impact %s): %s", b.path(), b.width, v.Impact, msg)
		}
	}
	return out
}

// describeJS defines window.__e2eDescribe, which names an element for a
// report without showing what was typed into it.
const describeJS = `window.__e2eDescribe = window.__e2eDescribe || (el => {
	if (!el || !el.tagName) return String(el);
	let s = el.tagName.toLowerCase();
	if (el.id) s += '#' + el.id;
	for (const a of ['name', 'value', 'href', 'type']) {
		const v = el.getAttribute(a);
		if (v && !(a === 'value' && el.tagName === 'INPUT' && el.type !== 'radio')) s += '[' + a + '="' + v + '"]';
	}
	if (el.className && typeof el.className === 'string') s += '.' + el.className.trim().split(/\s+/).join('.');
	if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) {
		const t = (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 40);
		if (t) s += ' "' + t + '"';
	}
	return s;
});`

type overflowResult struct {
	ViewportWidth int      `json:"vw"`
	ScrollWidth   int      `json:"sw"`
	Culprits      []string `json:"culprits"`
}

// overflow finds horizontal scrolling: the document wider than the
// viewport, with the innermost elements that stick out.
func (b *browser) overflow() []string {
	b.t.Helper()
	r := evalJS[overflowResult](b, describeJS+`(() => {
		const d = window.__e2eDescribe;
		const vw = document.documentElement.clientWidth;
		const sw = Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0);
		const culprits = [];
		if (sw > vw && document.body) {
			for (const el of document.body.querySelectorAll('*')) {
				const r = el.getBoundingClientRect();
				if (r.width > 0 && r.right > vw + 0.5 && !Array.from(el.children).some(c => c.getBoundingClientRect().right > vw + 0.5)) {
					culprits.push(d(el) + ' reaches x=' + Math.round(r.right));
				}
			}
		}
		return {vw, sw, culprits: culprits.slice(0, 8)};
	})()`)
	var out []string
	if r.ViewportWidth != b.width {
		out = append(out, fmt.Sprintf("layout viewport is %d px wide at a %d px screen (meta viewport missing or wrong?)", r.ViewportWidth, b.width))
	}
	if r.ScrollWidth > r.ViewportWidth {
		out = append(out, fmt.Sprintf("horizontal scrolling: content is %d px wide in a %d px viewport; sticking out: %s",
			r.ScrollWidth, r.ViewportWidth, strings.Join(r.Culprits, "; ")))
	}
	return out
}

type focusable struct {
	Desc  string `json:"desc"`
	Group string `json:"group"` // radio buttons of one group share one Tab stop
}

type focusStop struct {
	Idx   int     `json:"idx"` // index into the focusables, -1 for anything else
	Desc  string  `json:"desc"`
	Left  float64 `json:"left"`
	Right float64 `json:"right"`
	VW    float64 `json:"vw"`
	SX    float64 `json:"sx"`
}

// keyboard presses Tab through the page at phone width, round once, and
// reports every control that Tab never reached and every focused control
// that is not horizontally inside the viewport. A focusin listener records
// each stop, so that a press needs no evaluation of its own.
func (b *browser) keyboard() []string {
	b.t.Helper()
	if b.width > phoneWidth {
		return nil
	}
	items := evalJS[[]focusable](b, describeJS+`(() => {
		const d = window.__e2eDescribe;
		// checkVisibility also sees the content of a closed <details>, which
		// is laid out but neither shown nor focusable.
		const shown = el => el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0;
		const items = Array.from(document.querySelectorAll('a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]'))
			.filter(el => !el.matches(':disabled') && !(el.tagName === 'INPUT' && el.type === 'hidden') && el.tabIndex >= 0 && !el.closest('[inert]') && shown(el));
		items.forEach((el, i) => { el.__e2eIdx = i; });
		window.__e2eItems = items;
		window.__e2eStops = [];
		if (!window.__e2eHooked) {
			window.__e2eHooked = true;
			document.addEventListener('focusin', e => {
				const el = e.target, r = el.getBoundingClientRect();
				window.__e2eStops.push({idx: el.__e2eIdx ?? -1, desc: window.__e2eDescribe(el),
					left: r.left, right: r.right, vw: document.documentElement.clientWidth, sx: window.scrollX});
			}, true);
		}
		if (document.activeElement) document.activeElement.blur();
		window.scrollTo(0, 0);
		return items.map(el => ({desc: d(el),
			group: el.tagName === 'INPUT' && el.type === 'radio' && el.name ? (el.form ? el.form.action : '') + ' ' + el.name : ''}));
	})()`)
	if len(items) == 0 {
		return nil
	}
	// Press in rounds of one Tab per control and a few for leaving and
	// re-entering the page, until focus comes back to where it first went
	// (a date field takes a press per part, so one round may fall short).
	presses := make([]chromedp.Action[chromedp.Void], len(items)+3)
	for i := range presses {
		presses[i] = chromedp.KeyEvent("\t")
	}
	var stops []focusStop
	for range 4 {
		if err := b.run(presses...); err != nil {
			b.failf("pressing Tab: %v", err)
		}
		stops = evalJS[[]focusStop](b, `window.__e2eStops`)
		if wentRound(stops) {
			break
		}
	}
	reached := map[int]bool{}
	groups := map[string]bool{}
	var out []string
	for _, s := range stops {
		if s.Idx < 0 || s.Idx >= len(items) {
			continue
		}
		if reached[s.Idx] {
			continue
		}
		reached[s.Idx] = true
		if g := items[s.Idx].Group; g != "" {
			groups[g] = true
		}
		if s.Left < -0.5 || s.Right > s.VW+0.5 || s.SX != 0 {
			// Measured at focusin. Under load the first stop has been seen
			// before the page had focus, so without its :focus style (the
			// skip link at -999 px): focus it again and measure once more.
			s = b.refocus(s)
		}
		if s.Left < -0.5 || s.Right > s.VW+0.5 || s.SX != 0 {
			out = append(out, fmt.Sprintf("focused control %s is outside the %g px viewport horizontally (x %.0f..%.0f, page scrolled %.0f px)",
				s.Desc, s.VW, s.Left, s.Right, s.SX))
		}
	}
	for i, it := range items {
		if !reached[i] && (it.Group == "" || !groups[it.Group]) {
			out = append(out, "not reachable with Tab: "+it.Desc)
		}
	}
	return out
}

// refocus focuses stop s's control again, with the page at its left edge,
// and measures it as the focusin listener does.
func (b *browser) refocus(s focusStop) focusStop {
	b.t.Helper()
	m := evalJS[[]float64](b, fmt.Sprintf(`(() => {
		window.scrollTo(0, window.scrollY);
		const el = window.__e2eItems[%d];
		el.focus();
		const r = el.getBoundingClientRect();
		return [r.left, r.right, document.documentElement.clientWidth, window.scrollX];
	})()`, s.Idx))
	if len(m) == 4 {
		s.Left, s.Right, s.VW, s.SX = m[0], m[1], m[2], m[3]
	}
	return s
}

// wentRound reports whether focus came back to its first stop after
// visiting others.
func wentRound(stops []focusStop) bool {
	for i := 1; i < len(stops); i++ {
		if stops[i].Idx == stops[0].Idx && stops[i-1].Idx != stops[0].Idx {
			return true
		}
	}
	return false
}
