package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// keepSpanish saves a full-page screenshot of the tab under name in the
// run's artefact folder (spanish/), and in PUENTE_ARTIFACTS too when it is
// set, for people to look at; it returns the path.
func (b *browser) keepSpanish(name string) string {
	b.t.Helper()
	art, err := artifactDir()
	if err != nil {
		b.failf("artefact folder: %v", err)
	}
	dir := filepath.Join(art, "spanish")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.failf("artefact folder: %v", err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.failf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name+".png")
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

// TestSpanishDemoOnPhone (issue 15): the demo seeded in Spanish, read in
// Spanish on a 375 px phone by alpha's coordinator. The home page and
// Marisol's case page pass the page checks (axe, no sideways scrolling,
// keyboard), show the official terms and no English, and are kept as
// screenshots for review (spanish-home-375.png, spanish-case-375.png).
func TestSpanishDemoOnPhone(t *testing.T) {
	srv := startServer(t, true, "-demo-lang", "es")
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	switchLanguage(b, "es", "/")
	b.checkPage("home in Spanish on a phone")
	// textContent, not innerText: what is folded away counts too.
	home := evalJS[string](b, `document.querySelector('main').textContent`)
	for _, want := range []string{"Audiencia de calendario principal (audiencia preliminar)", "Tribunal de Inmigración Demo"} {
		if !strings.Contains(home, want) {
			b.errorf("Spanish home page: got no %q", want)
		}
	}
	b.keepSpanish("spanish-home-375")

	b.visit("/cases")
	href := evalJS[string](b, `(() => {
		for (const a of document.querySelectorAll('main a[href^="/cases/"]')) {
			if (a.textContent.includes('Marisol Guerrero')) return a.getAttribute('href');
		}
		return '';
	})()`)
	if href == "" {
		b.failf("the Spanish case list has no case of Marisol Guerrero")
	}
	b.visit(href)
	b.checkPage("case in Spanish on a phone")
	page := evalJS[string](b, `document.querySelector('main').textContent`)
	for _, want := range []string{"Cita de control (check-in) de ICE", "Audiencia de calendario principal", "hija", "español",
		"Enviado por internet", "abrió el caso"} {
		if !strings.Contains(page, want) {
			b.errorf("Spanish case page: got no %q", want)
		}
	}
	for _, bad := range []string{"(master)", "(arrival)", "daughter", "Spanish", "Filed online", "UTC", "Overdue", "secondary source"} {
		if strings.Contains(page, bad) {
			b.errorf("Spanish case page: got %q, want no English or code", bad)
		}
	}
	b.keepSpanish("spanish-case-375")
}
