package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/unicode/norm"

	"puente/internal/names"
)

// nameKeysScheme changes whenever names.Terms or names.Key change what they
// produce for the same name; with the Unicode and CLDR versions of x/text it
// makes nameKeysVersion, and a database whose stored keys were made under
// another version gets them all recomputed at start-up.
const nameKeysScheme = 1

var nameKeysVersion = fmt.Sprintf("%d/cldr%s/uca%s/norm%s/cases%s",
	nameKeysScheme, collate.CLDRVersion, collate.UnicodeVersion, norm.Version, cases.UnicodeVersion)

// sortColumns maps a sorting language to its key column. Column names in SQL
// come only from here, never from input.
var sortColumns = map[names.Lang]string{names.EN: "sort_en", names.ES: "sort_es"}

// sortColumn is the key column for lang ("en", "es"; anything else sorts as
// English).
func sortColumn(lang string) string { return sortColumns[names.LangOf(lang)] }

// nameKeys returns name's sort keys as arguments in sort_en, sort_es order.
func nameKeys(name string) (en, es []byte) {
	return names.Key(names.EN, name), names.Key(names.ES, name)
}

// writePersonNameTx stores what is derived from a person's names: the sort
// keys (the cases row follows for a principal, by trigger) and the search
// terms. Call it in the transaction that writes the names.
func writePersonNameTx(ctx context.Context, tx dbtx, personID, name, preferred string) error {
	en, es := nameKeys(name)
	if _, err := tx.ExecContext(ctx, `UPDATE people SET sort_en = ?, sort_es = ? WHERE id = ?`, en, es, personID); err != nil {
		return err
	}
	return writeTermsTx(ctx, tx, personID, name, preferred)
}

// writeTermsTx replaces a person's search terms, in one statement however
// many words the names have.
func writeTermsTx(ctx context.Context, tx dbtx, personID, name, preferred string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_terms WHERE person_id = ?`, personID); err != nil {
		return err
	}
	terms := names.Terms(name, preferred)
	if len(terms) == 0 {
		return nil
	}
	list, err := json.Marshal(terms)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO search_terms (group_id, term, person_id, case_id)
		SELECT c.group_id, j.value, p.id, p.case_id
		FROM people p JOIN cases c ON c.id = p.case_id, json_each(?) j
		WHERE p.id = ?`, string(list), personID)
	return err
}

// refreshNameKeys recomputes every stored sort key and search term when they
// were made under another nameKeysVersion, or never (rows from before
// migration 005): in one transaction, so lists never mix two orders.
func (s *Store) refreshNameKeys(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var have string
		err := s.in(tx).QueryRowContext(ctx, `SELECT CAST(value AS TEXT) FROM meta WHERE key = 'name_keys'`).Scan(&have)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if have == nameKeysVersion {
			return nil
		}
		for _, table := range []string{"users", "organisations"} {
			if err := rekeyTableTx(ctx, tx, table); err != nil {
				return err
			}
		}
		type person struct{ id, name, preferred string }
		var people []person
		// A purged person's name is gone: nothing is derived from it again.
		rows, err := s.in(tx).QueryContext(ctx, `
			SELECT p.id, p.name, p.preferred_name FROM people p JOIN cases c ON c.id = p.case_id
			WHERE c.purged_at IS NULL`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p person
			if err := rows.Scan(&p.id, &p.name, &p.preferred); err != nil {
				rows.Close()
				return err
			}
			people = append(people, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, p := range people {
			if err := writePersonNameTx(ctx, s.in(tx), p.id, p.name, p.preferred); err != nil {
				return err
			}
		}
		_, err = s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('name_keys', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, []byte(nameKeysVersion))
		return err
	})
}

// rekeyQueries are the statements rekeyTableTx runs per table; the table
// name never comes from input.
var rekeyQueries = map[string][2]string{
	"users":         {`SELECT id, name FROM users`, `UPDATE users SET sort_en = ?, sort_es = ? WHERE id = ?`},
	"organisations": {`SELECT id, name FROM organisations`, `UPDATE organisations SET sort_en = ?, sort_es = ? WHERE id = ?`},
}

func rekeyTableTx(ctx context.Context, tx *sql.Tx, table string) error {
	q := rekeyQueries[table]
	rows, err := tx.QueryContext(ctx, q[0])
	if err != nil {
		return err
	}
	var ids, nms []string
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		ids, nms = append(ids, id), append(nms, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, id := range ids {
		en, es := nameKeys(nms[i])
		if _, err := tx.ExecContext(ctx, q[1], en, es, id); err != nil {
			return err
		}
	}
	return nil
}
