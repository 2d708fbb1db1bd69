// Package schema embeds Puente's SQL migrations. Files are applied in name
// order at start-up, each once, and never edited after they have shipped.
package schema

import "embed"

// FS holds the numbered migration files (NNN_name.sql).
//
//go:embed *.sql
var FS embed.FS
