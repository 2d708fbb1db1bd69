// Package e2e holds Puente's real-browser tests: they build and start the
// real command on a temporary database, drive headless Chromium through the
// DevTools protocol (chromedp) and check every page with axe-core.
//
// Before `go test`, the machine needs Chromium (Debian: apt-get install
// chromium; or set PUENTE_CHROMIUM to a browser binary) and axe-core:
//
//	npm ci --prefix internal/e2e/testdata
//
// The package has no code outside its tests; this file only documents it.
package e2e
