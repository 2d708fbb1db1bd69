// Package ui embeds Puente's templates and static files.
package ui

import "embed"

// Templates holds the page templates: base.html is the layout, the rest
// are pages.
//
//go:embed templates/*.html
var Templates embed.FS

// Static holds the files served under /static/.
//
//go:embed static
var Static embed.FS
