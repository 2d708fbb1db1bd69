package e2e

import (
	"testing"
)

func TestZZMeasure(t *testing.T) {
	srv := startServer(t, true)
	for _, who := range []string{alphaCoord, betaCoord} {
		b := newBrowser(t, srv)
		b.setWidth(phoneWidth)
		b.signIn(who)
		b.visit("/cases")
		hrefs := evalJS[[]string](b, `Array.from(document.querySelectorAll('a'), a => a.getAttribute('href')).filter(h => h && /^\/cases\/[0-9a-f]{32}$/.test(h))`)
		for _, lang := range []string{"en", "es"} {
			b.visit("/")
			switchLanguage(b, lang, "/")
			for _, h := range hrefs {
				b.visit(h)
				ht := evalJS[int](b, `document.documentElement.scrollHeight`)
				t.Logf("%s %s %s %q: %d px", who, lang, h, b.text("main h1"), ht)
			}
			b.visit("/")
			t.Logf("%s %s home: %d px", who, lang, evalJS[int](b, `document.documentElement.scrollHeight`))
		}
	}
}
