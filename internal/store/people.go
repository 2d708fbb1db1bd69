package store

import (
	"context"
	"database/sql"
	"strings"

	"puente/internal/model"
)

func (s *Store) insertPersonTx(ctx context.Context, tx *sql.Tx, caseID string, principal bool, in model.PersonInput) (string, error) {
	id := newID()
	dob, fac, anum, err := s.sealPerson(id, in)
	if err != nil {
		return "", err
	}
	now := ts(s.now())
	en, es := nameKeys(in.Name)
	// The principal is the household from its first day: never "joined".
	joined := in.JoinedOn
	if principal {
		joined = ""
	}
	_, err = s.in(tx).ExecContext(ctx, `
		INSERT INTO people (id, case_id, is_principal, name, preferred_name, relationship, languages, country_of_birth,
		                    last_us_arrival, release_date, joined_on, dob_enc, facility_enc, anumber_enc, created_at, updated_at,
		                    sort_en, sort_es)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, caseID, principal, in.Name, in.PreferredName, in.Relationship, in.Languages, in.CountryOfBirth,
		nullStr(in.LastUSArrival), nullStr(in.ReleaseDate), nullStr(joined), dob, fac, anum, now, now, en, es)
	if err != nil {
		return "", translate(err)
	}
	return id, writeTermsTx(ctx, s.in(tx), id, in.Name, in.PreferredName)
}

func (s *Store) sealPerson(id string, in model.PersonInput) (dob, fac, anum []byte, err error) {
	if dob, err = s.seal(in.DOB, "people", "dob_enc", id); err != nil {
		return
	}
	if fac, err = s.seal(in.Facility, "people", "facility_enc", id); err != nil {
		return
	}
	anum, err = s.sealANumber(in.ANumber, id)
	return
}

// sealANumber stores an A-number as its nine digits (model.ParseANumber),
// so that 12345678 and A012-345-678 are the same stored value; "" clears
// it. A value the form should have refused fails with model.ErrANumber.
func (s *Store) sealANumber(value, personID string) ([]byte, error) {
	if value == "" {
		return nil, nil
	}
	digits, err := model.ParseANumber(value)
	if err != nil {
		return nil, err
	}
	return s.seal(digits, "people", "anumber_enc", personID)
}

// peopleQueries list a household in each sorting language; the principal
// first, then by name (indexes people_case_sort_*).
var peopleQueries = map[string]string{}

func init() {
	for _, col := range sortColumns {
		peopleQueries[col] = `
		SELECT id, case_id, is_principal, name, preferred_name, relationship, languages, country_of_birth,
		       coalesce(last_us_arrival, ''), coalesce(release_date, ''), coalesce(joined_on, ''),
		       dob_enc IS NOT NULL, facility_enc IS NOT NULL, anumber_enc
		FROM people WHERE case_id = ? ORDER BY is_principal DESC, ` + col + `, id`
	}
}

// People lists a case's household, the principal first, then by name in
// the collation of lang ("en", "es"). No sealed field is opened: HasDOB,
// HasFacility and HasANumber say which are recorded, ANumberLast3 is "".
func (s *Store) People(ctx context.Context, caseID, lang string) ([]model.Person, error) {
	return s.people(ctx, caseID, lang, false)
}

// PeopleWithANumberEnd is People with each recorded A-number opened to
// give its last three digits (ANumberLast3), for a viewer who may see
// them: the case page of a coordinator. Other viewers' pages never hold
// them (review 4).
func (s *Store) PeopleWithANumberEnd(ctx context.Context, caseID, lang string) ([]model.Person, error) {
	return s.people(ctx, caseID, lang, true)
}

func (s *Store) people(ctx context.Context, caseID, lang string, anumberEnd bool) ([]model.Person, error) {
	rows, err := s.rd().QueryContext(ctx, peopleQueries[sortColumn(lang)], caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Person
	for rows.Next() {
		var p model.Person
		var anum []byte
		if err := rows.Scan(&p.ID, &p.CaseID, &p.Principal, &p.Name, &p.PreferredName, &p.Relationship, &p.Languages,
			&p.CountryOfBirth, &p.LastUSArrival, &p.ReleaseDate, &p.JoinedOn, &p.HasDOB, &p.HasFacility, &anum); err != nil {
			return nil, err
		}
		p.HasANumber = len(anum) > 0
		if p.HasANumber && anumberEnd {
			a, err := s.open(anum, "people", "anumber_enc", p.ID)
			if err != nil {
				return nil, err
			}
			if len(a) >= 3 {
				p.ANumberLast3 = a[len(a)-3:]
			}
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddPerson adds a family member to a case, with the day they joined the
// household when they came after it had settled (in.JoinedOn, "" for a
// member from the start), and recomputes the case's stored deadlines in
// the same transaction: a member who joined later owes no change of
// address for the household's earlier arrival and moves
// (deadline.Facts.JoinedLater). The form says whether a date is needed.
func (s *Store) AddPerson(ctx context.Context, c model.Case, actorID string, in model.PersonInput) (string, error) {
	var id string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		var err error
		if id, err = s.insertPersonTx(ctx, tx, c.ID, false, in); err != nil {
			return err
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, id, actorID, "person_added", ""); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
	return id, err
}

// UpdatePerson saves the person form. Sensitive fields change only when
// their Set flag is true; so does the day they joined the household
// (in.SetJoined), which the principal never has. The case's deadlines are
// recomputed in the same transaction when anything changed.
func (s *Store) UpdatePerson(ctx context.Context, c model.Case, personID, actorID string, in model.PersonInput) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		var cur model.Person
		err := s.in(tx).QueryRowContext(ctx, `
			SELECT is_principal, name, preferred_name, relationship, languages, country_of_birth,
			       coalesce(last_us_arrival, ''), coalesce(release_date, ''), coalesce(joined_on, '')
			FROM people WHERE id = ? AND case_id = ?`, personID, c.ID).
			Scan(&cur.Principal, &cur.Name, &cur.PreferredName, &cur.Relationship, &cur.Languages, &cur.CountryOfBirth,
				&cur.LastUSArrival, &cur.ReleaseDate, &cur.JoinedOn)
		if err != nil {
			return translate(err)
		}
		var changed []string
		for _, f := range []struct{ name, old, new string }{
			{"name", cur.Name, in.Name}, {"preferred_name", cur.PreferredName, in.PreferredName},
			{"relationship", cur.Relationship, in.Relationship}, {"languages", cur.Languages, in.Languages},
			{"country_of_birth", cur.CountryOfBirth, in.CountryOfBirth},
			{"last_us_arrival", cur.LastUSArrival, in.LastUSArrival}, {"release_date", cur.ReleaseDate, in.ReleaseDate},
		} {
			if f.old != f.new {
				changed = append(changed, f.name)
			}
		}
		if _, err := s.in(tx).ExecContext(ctx, `
			UPDATE people SET name = ?, preferred_name = ?, relationship = ?, languages = ?, country_of_birth = ?,
			       last_us_arrival = ?, release_date = ?, updated_at = ?
			WHERE id = ? AND case_id = ?`,
			in.Name, in.PreferredName, in.Relationship, in.Languages, in.CountryOfBirth,
			nullStr(in.LastUSArrival), nullStr(in.ReleaseDate), ts(s.now()), personID, c.ID); err != nil {
			return err
		}
		if in.SetJoined && !cur.Principal && in.JoinedOn != cur.JoinedOn {
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE people SET joined_on = ? WHERE id = ? AND case_id = ?`, nullStr(in.JoinedOn), personID, c.ID); err != nil {
				return err
			}
			changed = append(changed, "joined_on")
		}
		if in.Name != cur.Name || in.PreferredName != cur.PreferredName {
			if err := writePersonNameTx(ctx, s.in(tx), personID, in.Name, in.PreferredName); err != nil {
				return err
			}
		}
		for _, f := range []struct {
			set    bool
			value  string
			column string
			name   model.SensitiveField
		}{
			{in.SetDOB, in.DOB, "dob_enc", model.FieldDOB},
			{in.SetFacility, in.Facility, "facility_enc", model.FieldFacility},
			{in.SetANumber, in.ANumber, "anumber_enc", model.FieldANumber},
		} {
			if !f.set {
				continue
			}
			var sealed []byte
			var err error
			if f.name == model.FieldANumber {
				sealed, err = s.sealANumber(f.value, personID)
			} else {
				sealed, err = s.seal(f.value, "people", f.column, personID)
			}
			if err != nil {
				return err
			}
			// The column name comes from the fixed list above, never from input.
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE people SET `+f.column+` = ? WHERE id = ?`, sealed, personID); err != nil {
				return err
			}
			changed = append(changed, string(f.name))
		}
		if len(changed) == 0 {
			return nil
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, personID, actorID, "person_updated", strings.Join(changed, ",")); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}

// RemovePerson takes a family member (not the principal) out of a case,
// with everything recorded about them: their facts, appointments and
// deadlines (by foreign key), their search terms, and what people noted
// about their deadlines and appointments: marks are keyed by text (a
// deadline's key starts with the person's id, store.DeadlineKey), so no
// foreign key removes them and they are deleted here.
func (s *Store) RemovePerson(ctx context.Context, c model.Case, personID, actorID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `
			DELETE FROM marks WHERE case_id = ?1
			  AND (substr(key, 1, length(?2) + 1) = ?2 || '/'
			       OR key IN (SELECT 'appointment/' || id FROM appointments WHERE case_id = ?1 AND person_id = ?2))
			  AND EXISTS (SELECT 1 FROM people WHERE id = ?2 AND case_id = ?1 AND is_principal = 0)`, c.ID, personID); err != nil {
			return err
		}
		res, err := s.in(tx).ExecContext(ctx, `DELETE FROM people WHERE id = ? AND case_id = ? AND is_principal = 0`, personID, c.ID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, personID, actorID, "person_removed", ""); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}

var personColumns = map[model.SensitiveField]string{
	model.FieldANumber:  "anumber_enc",
	model.FieldDOB:      "dob_enc",
	model.FieldFacility: "facility_enc",
}

// RevealPersonField decrypts one sensitive field of a person and records the
// reveal in the audit log in the same transaction.
func (s *Store) RevealPersonField(ctx context.Context, c model.Case, personID string, field model.SensitiveField, actorID string) (string, error) {
	column, ok := personColumns[field]
	if !ok {
		return "", model.ErrNotFound
	}
	var value string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var sealed []byte
		if err := s.in(tx).QueryRowContext(ctx, `SELECT `+column+` FROM people WHERE id = ? AND case_id = ?`, personID, c.ID).Scan(&sealed); err != nil {
			return translate(err)
		}
		if len(sealed) == 0 {
			return model.ErrNotFound
		}
		var err error
		if value, err = s.open(sealed, "people", column, personID); err != nil {
			return err
		}
		return insertAudit(ctx, s.in(tx), AuditEntry{ActorID: actorID, OrgID: c.GroupID, Action: "reveal", ObjectType: "person",
			ObjectID: personID, Field: string(field), at: s.now()})
	})
	return value, err
}

// caseOpenTx fails unless the case exists in its group and is open: closed
// cases are read-only.
func caseOpenTx(ctx context.Context, tx dbtx, c model.Case) error {
	var closed sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT closed_at FROM cases WHERE id = ? AND group_id = ?`, c.ID, c.GroupID).Scan(&closed); err != nil {
		return translate(err)
	}
	if closed.Valid {
		return model.ErrForbidden
	}
	return nil
}
