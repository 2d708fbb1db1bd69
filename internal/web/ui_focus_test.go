package web

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"testing"

	"puente/ui"
)

var (
	cssVarRE = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})\b`)
	cssBgRE  = regexp.MustCompile(`background(?:-color)?:\s*(#[0-9a-fA-F]{3,6}|var\(--[a-z-]+\))`)
)

// luminance is a colour's relative luminance (WCAG 2.2, "relative
// luminance"), for "#rrggbb" or "#rgb".
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	h := hex[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		if err != nil {
			t.Fatalf("colour %s: %v", hex, err)
		}
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestFocusRingContrast (review of the group pages, finding 7): the focus
// indicator, a ring (--focus) with a band inside it (--focus-band), has at
// least 3:1 against every background app.css paints (WCAG 2.2 SC 1.4.11
// non-text contrast): the ring or the band. The former yellow ring had
// 1.9:1 on white.
func TestFocusRingContrast(t *testing.T) {
	b, err := fs.ReadFile(ui.Static, "static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	vars := map[string]string{}
	for _, m := range cssVarRE.FindAllStringSubmatch(css, -1) {
		vars[m[1]] = m[2]
	}
	ring, band := vars["focus"], vars["focus-band"]
	if ring == "" || band == "" {
		t.Fatalf("app.css defines no --focus and --focus-band colours")
	}
	seen := 0
	for _, m := range cssBgRE.FindAllStringSubmatch(css, -1) {
		bg := m[1]
		if v, ok := cssVarName(bg); ok {
			if bg = vars[v]; bg == "" {
				t.Errorf("background %s: no such colour", m[1])
				continue
			}
		}
		seen++
		if r, w := contrast(t, ring, bg), contrast(t, band, bg); r < 3 && w < 3 {
			t.Errorf("focus on background %s (%s): ring %.2f:1, band %.2f:1, want one at least 3:1", m[1], bg, r, w)
		}
	}
	if seen < 10 {
		t.Errorf("found %d backgrounds in app.css, want at least 10: is the pattern still right?", seen)
	}
	if got := contrast(t, ring, "#ffffff"); got < 3 {
		t.Errorf("focus ring on white: %.2f:1, want at least 3:1", got)
	}
}

func cssVarName(s string) (string, bool) {
	if len(s) > 6 && s[:6] == "var(--" {
		return s[6 : len(s)-1], true
	}
	return "", false
}
