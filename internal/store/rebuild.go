package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// langShape is the CHECK a language code column keeps once Go decides
// which languages exist (the locale files): a code's shape only.
const langShape = "length(lang) BETWEEN 2 AND 35 AND lang NOT GLOB '*[^a-zA-Z0-9-]*'"

// langCode reports whether s is shaped like a language code, as the
// columns' CHECK (langShape) requires: which languages exist is the locale
// files' business (internal/i18n), not the database's.
func langCode(s string) bool {
	if len(s) < 2 || len(s) > 35 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// goSteps are migrations with a step written in Go, run before the file's
// statements, in the same transaction, with foreign keys off (a table
// rebuild: dropping a table others reference with ON DELETE CASCADE would
// otherwise empty them).
var goSteps = map[string]func(context.Context, *sql.Tx) error{
	"016_languages.sql": rebuildLanguages,
}

// rebuildLanguages lets users.lang and calendar_feeds.lang hold any
// language code (016_languages.sql says why it is done in Go).
func rebuildLanguages(ctx context.Context, tx *sql.Tx) error {
	if err := rebuildTable(ctx, tx, "users", "CHECK (lang IN ('', 'en', 'es'))", "CHECK (lang = '' OR "+langShape+")"); err != nil {
		return err
	}
	return rebuildTable(ctx, tx, "calendar_feeds", "CHECK (lang IN ('en', 'es'))", "CHECK ("+langShape+")")
}

// rebuildTable rebuilds table with one piece of its definition replaced,
// following SQLite's 12 steps (https://www.sqlite.org/lang_altertable.html):
// the caller has turned foreign keys off and begun tx (steps 1 and 2) and
// commits it (step 11). The new definition is the old one as SQLite stores
// it, with from replaced by to (from must occur exactly once), so every
// column, constraint and STRICT stays as the migrations so far made it.
func rebuildTable(ctx context.Context, tx *sql.Tx, table, from, to string) error {
	// Step 3: the table's indexes and triggers (automatic indexes have no
	// SQL: the constraints recreate them).
	rows, err := tx.QueryContext(ctx, `SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`, table)
	if err != nil {
		return err
	}
	var recreate []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		recreate = append(recreate, s)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	// Step 4: the new table, from the old definition.
	var def string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&def); err != nil {
		return fmt.Errorf("rebuild %s: %w", table, err)
	}
	if n := strings.Count(def, from); n != 1 {
		return fmt.Errorf("rebuild %s: its definition holds %q %d times, want once", table, from, n)
	}
	head := regexp.MustCompile(`^CREATE TABLE\s+"?` + regexp.QuoteMeta(table) + `"?\s*\(`)
	if !head.MatchString(def) {
		return fmt.Errorf("rebuild %s: unexpected definition %.60q", table, def)
	}
	tmp := table + "_rebuilt"
	def = head.ReplaceAllLiteralString(strings.Replace(def, from, to, 1), "CREATE TABLE "+tmp+" (")
	if _, err := tx.ExecContext(ctx, def); err != nil {
		return fmt.Errorf("rebuild %s: %w", table, err)
	}
	// Step 5: copy every row, column by column.
	var cols []string
	crows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return err
	}
	for crows.Next() {
		var c string
		if err := crows.Scan(&c); err != nil {
			crows.Close()
			return err
		}
		cols = append(cols, `"`+c+`"`)
	}
	if err := crows.Close(); err != nil {
		return err
	}
	list := strings.Join(cols, ", ")
	// The names come from the schema, not from input: nothing to bind.
	if _, err := tx.ExecContext(ctx, `INSERT INTO `+tmp+` (`+list+`) SELECT `+list+` FROM "`+table+`"`); err != nil {
		return fmt.Errorf("rebuild %s: copy: %w", table, err)
	}
	// Steps 6 and 7: drop the old table, rename the new one. Triggers of
	// other tables that name this one (memberships_keys_insert reads
	// users) point at the new table once it has the name again; between
	// the two they name a missing table, which the rename refuses unless
	// it runs as SQLite's legacy rename does (it rewrites nothing else).
	if _, err := tx.ExecContext(ctx, `DROP TABLE "`+table+`"`); err != nil {
		return fmt.Errorf("rebuild %s: drop: %w", table, err)
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA legacy_alter_table = ON`); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `ALTER TABLE `+tmp+` RENAME TO "`+table+`"`)
	if _, err2 := tx.ExecContext(ctx, `PRAGMA legacy_alter_table = OFF`); err == nil {
		err = err2
	}
	if err != nil {
		return fmt.Errorf("rebuild %s: rename: %w", table, err)
	}
	// Step 8: the indexes and triggers again (no view names these tables:
	// step 9 has nothing to do).
	for _, s := range recreate {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("rebuild %s: %w", table, err)
		}
	}
	// Step 10: foreign keys still hold.
	return foreignKeyCheck(ctx, tx)
}

// foreignKeyCheck fails when any row breaks a foreign key.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table string
		var rowid sql.NullInt64
		var parent string
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		return fmt.Errorf("foreign key check: a row of %s (rowid %d) names a missing %s", table, rowid.Int64, parent)
	}
	return rows.Err()
}
