package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// The readers of SubjectExport, each one query in its transaction.

func (s *Store) subjectPersonTx(ctx context.Context, tx *sql.Tx, c model.Case, personID string, rec *SubjectRecord) error {
	p := &rec.Person
	var dob, fac, anum []byte
	var created, updated string
	err := tx.QueryRowContext(ctx, `
		SELECT p.id, p.is_principal, p.name, p.preferred_name, p.relationship, p.languages, p.country_of_birth,
		       coalesce(p.last_us_arrival, ''), coalesce(p.release_date, ''), coalesce(p.joined_on, ''), p.dob_enc, p.facility_enc, p.anumber_enc,
		       p.created_at, p.updated_at
		FROM people p JOIN cases c ON c.id = p.case_id
		WHERE p.id = ? AND p.case_id = ? AND c.group_id = ?`, personID, c.ID, c.GroupID).
		Scan(&p.ID, &p.Principal, &p.Name, &p.PreferredName, &p.Relationship, &p.Languages, &p.CountryOfBirth,
			&p.LastUSArrival, &p.ReleaseDate, &p.JoinedOn, &dob, &fac, &anum, &created, &updated)
	if err != nil {
		return translate(err)
	}
	p.CreatedAt, p.UpdatedAt = tsOut(created), tsOut(updated)
	if p.DateOfBirth, err = s.open(dob, "people", "dob_enc", personID); err != nil {
		return err
	}
	if p.DetentionFacility, err = s.open(fac, "people", "facility_enc", personID); err != nil {
		return err
	}
	if p.ANumber, err = s.open(anum, "people", "anumber_enc", personID); err != nil {
		return err
	}
	if p.ANumber != "" {
		p.ANumber = model.FormatANumber(p.ANumber)
	}
	return nil
}

func (s *Store) subjectCaseTx(ctx context.Context, tx *sql.Tx, c model.Case, rec *SubjectRecord) error {
	k := &rec.Case
	var addr []byte
	var created string
	var closed, purged sql.NullString
	err := tx.QueryRowContext(ctx, `
		SELECT id, code, status, created_at, closed_at, coalesce(close_reason, ''), purged_at, court, judge, lawyer_name, lawyer_contact, address_enc
		FROM cases WHERE id = ? AND group_id = ?`, c.ID, c.GroupID).
		Scan(&k.ID, &k.Code, &k.Stage, &created, &closed, &k.CloseReason, &purged, &k.Court, &k.Judge, &k.LawyerName, &k.LawyerContact, &addr)
	if err != nil {
		return translate(err)
	}
	k.CreatedAt, k.ClosedAt, k.PurgedAt = tsOut(created), tsOut(closed.String), tsOut(purged.String)
	if k.Address, err = s.open(addr, "cases", "address_enc", c.ID); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT status, at FROM case_status_changes WHERE case_id = ? ORDER BY id`, c.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	k.Stages = []SubjectStage{}
	for rows.Next() {
		var st SubjectStage
		if err := rows.Scan(&st.Stage, &st.At); err != nil {
			return err
		}
		st.At = tsOut(st.At)
		k.Stages = append(k.Stages, st)
	}
	return rows.Err()
}

func subjectFactsTx(ctx context.Context, tx *sql.Tx, caseID, personID string, rec *SubjectRecord) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT id, kind, date, coalesce(end_date, ''), note, person_id IS NULL
		FROM facts WHERE case_id = ? AND (person_id = ? OR person_id IS NULL) ORDER BY date, id`, caseID, personID)
	if err != nil {
		return err
	}
	defer rows.Close()
	rec.Facts = []SubjectFact{}
	for rows.Next() {
		var f SubjectFact
		if err := rows.Scan(&f.ID, &f.Kind, &f.Date, &f.EndDate, &f.Note, &f.Household); err != nil {
			return err
		}
		rec.Facts = append(rec.Facts, f)
	}
	return rows.Err()
}

func (s *Store) subjectDeadlinesTx(ctx context.Context, tx *sql.Tx, caseID, personID string, rec *SubjectRecord) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT d.key, d.rule_id, d.kind, coalesce(d.due, ''), d.due_enc, coalesce(d.met_on, ''),
		       coalesce(m.state, 'open'), coalesce(m.done_on, ''), coalesce(m.note, '')
		FROM deadlines d LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE d.case_id = ? AND d.person_id = ?
		ORDER BY coalesce(d.due, '9999'), d.key`, caseID, personID)
	if err != nil {
		return err
	}
	defer rows.Close()
	rec.Deadlines = []SubjectDeadline{}
	for rows.Next() {
		var d SubjectDeadline
		var sealed []byte
		if err := rows.Scan(&d.Key, &d.RuleID, &d.Kind, &d.Due, &sealed, &d.MetOn, &d.Mark.State, &d.Mark.DoneOn, &d.Mark.Note); err != nil {
			return err
		}
		if len(sealed) > 0 {
			if d.Due, err = s.open(sealed, "deadlines", "due_enc", sealedRowID(caseID, d.Key)); err != nil {
				return err
			}
		}
		rec.Deadlines = append(rec.Deadlines, d)
	}
	return rows.Err()
}

func subjectApptsTx(ctx context.Context, tx *sql.Tx, caseID, personID string, rec *SubjectRecord) error {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.kind, a.date, a.time, a.time_zone, a.place, a.note, a.going, a.person_id IS NULL,
		       coalesce(m.state, 'open'), coalesce(m.done_on, ''), coalesce(m.note, '')
		FROM `+apptFrom+`
		WHERE a.case_id = ? AND (a.person_id = ? OR a.person_id IS NULL) ORDER BY a.starts_at, a.id`, caseID, personID)
	if err != nil {
		return err
	}
	defer rows.Close()
	rec.Appointments = []SubjectAppt{}
	for rows.Next() {
		var a SubjectAppt
		if err := rows.Scan(&a.ID, &a.Kind, &a.Date, &a.Time, &a.TimeZone, &a.Place, &a.Note, &a.Going, &a.Household,
			&a.Mark.State, &a.Mark.DoneOn, &a.Mark.Note); err != nil {
			return err
		}
		rec.Appointments = append(rec.Appointments, a)
	}
	return rows.Err()
}

// subjectLogsTx reads the history entries about the person and the audit
// entries that revealed or exported their fields (this export's own entry
// is written after).
func subjectLogsTx(ctx context.Context, tx *sql.Tx, caseID, personID string, rec *SubjectRecord) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT at, action, fields FROM case_history WHERE person_id = ? AND case_id = ? ORDER BY id`, personID, caseID)
	if err != nil {
		return err
	}
	rec.History = []SubjectHistory{}
	for rows.Next() {
		var h SubjectHistory
		if err := rows.Scan(&h.At, &h.Action, &h.Fields); err != nil {
			rows.Close()
			return err
		}
		h.At = tsOut(h.At)
		rec.History = append(rec.History, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `
		SELECT at, action, field FROM audit_log
		WHERE object_id = ? AND object_type = 'person' AND action IN ('reveal', 'export') ORDER BY id`, personID)
	if err != nil {
		return err
	}
	defer rows.Close()
	rec.Audit = []SubjectAuditEntry{}
	for rows.Next() {
		var a SubjectAuditEntry
		if err := rows.Scan(&a.At, &a.Action, &a.Field); err != nil {
			return err
		}
		a.At = tsOut(a.At)
		rec.Audit = append(rec.Audit, a)
	}
	return rows.Err()
}
