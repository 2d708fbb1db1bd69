package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// badPage breaks every rule checkPage enforces, so that a check which
// silently stopped working fails here.
const badPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bad page</title><link rel="stylesheet" href="/bad.css"></head>
<body>
<h1>Bad page</h1>
<img src="/missing.png" alt="missing">
<p class="wide">This paragraph is far wider than a phone.</p>
<p><input type="text" name="unlabelled"></p>
<p><a class="far" href="/elsewhere">A link off to the right</a></p>
<details><summary>More</summary><p><a href="/folded">Folded away, so not a Tab stop</a></p></details>
<p><label>From <input type="date" name="d1"></label> <label>To <input type="date" name="d2"></label>
<label>Hearing <input type="date" name="d3"></label> <label>Filed <input type="date" name="d4"></label>
<label>Due <input type="date" name="d5"></label> <button type="button" class="after-date">After the dates</button></p>
<p><label>Trap <input type="text" class="trap"></label></p>
<p class="narrow">Unbreakablewordsareneverbrokenmidword</p>
<p><button type="button" class="after">Behind the trap</button></p>
<p class="row"><span>A heading that takes the room</span><a class="action squeezed" href="/squeezed">Agregar una lista</a></p>
<script src="/trap.js"></script>
<p style="color: red">An inline style the policy refuses.</p>
<script>document.title = "inline script ran";</script>
</body></html>`

const badCSS = `.wide { width: 900px; } .far { position: relative; left: 600px; } .narrow { width: 80px; overflow-wrap: anywhere; }
.row { display: flex; width: 300px; } .row span { white-space: nowrap; } .squeezed { display: inline-flex; min-width: 44px; min-height: 44px; white-space: nowrap; border: 1px solid; }`

// trapJS is a keyboard trap: Tab cannot leave the field.
const trapJS = `document.querySelector('.trap').addEventListener('keydown', e => { if (e.key === 'Tab') e.preventDefault(); });`

// TestCheckPageCatchesProblems: the checks find an axe violation, a CSP
// violation, a failed sub-resource, horizontal scrolling, a control outside
// the viewport, a control behind a keyboard trap, a target smaller than
// 44 × 44 px, a word broken across lines and a label wider than its control; and they do not expect
// Tab to reach into a closed <details>, nor give up after date fields.
func TestCheckPageCatchesProblems(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(badPage))
		case "/bad.css":
			w.Header().Set("Content-Type", "text/css")
			w.Write([]byte(badCSS))
		case "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		case "/trap.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte(trapJS))
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	b := newBrowser(t, &server{URL: ts.URL})
	b.setWidth(phoneWidth)
	b.visit("/")
	got := strings.Join(b.findings(), "\n")
	for _, want := range []string{
		"axe label [critical]",
		"CSP violation",
		"failed request: Image " + ts.URL + "/missing.png answered 404",
		"horizontal scrolling",
		`focused control a[href="/elsewhere"]`,
		`not reachable with Tab: button[type="button"].after`,
		`target smaller than 44×44 px: summary "More"`,
		"word broken across lines: Unbreakablewordsareneverbrokenmidword",
		`label wider than its control: a[href="/squeezed"].action.squeezed`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "/folded") {
		t.Errorf("a link inside a closed <details> was expected to be a Tab stop:\n%s", got)
	}
	if strings.Contains(got, "not reachable with Tab: button[type=\"button\"].after-date") {
		t.Errorf("the walk stopped short after the date fields (a Tab stop per part):\n%s", got)
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("findings:\n%s", got)
	}
}
