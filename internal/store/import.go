package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"puente/internal/model"
)

// CaseSeed is a whole case to import: its people (the first is the
// principal), facts and appointments. PersonIndex fields point into People;
// -1 means the whole household.
type CaseSeed struct {
	Case model.CaseInput
	// Created and Updated are when the case was opened and last changed
	// (its status too); zero means now.
	Created, Updated time.Time
	// The household, facts, appointments and marks.
	People       []model.PersonInput
	Facts        []FactSeed
	Appointments []AppointmentSeed
	Marks        []MarkSeed
	// Commitments and Needs: see import_commitments.go.
	Commitments []CommitmentSeed
	Needs       []NeedSeed
	// Checklists: see import_checklists.go.
	Checklists []ChecklistSeed
}

// FactSeed is a fact of a CaseSeed.
type FactSeed struct {
	PersonIndex int
	Fact        model.Fact
}

// AppointmentSeed is an appointment of a CaseSeed; Attended marks it
// attended on its day.
type AppointmentSeed struct {
	PersonIndex int
	Appointment model.Appointment
	Attended    bool
	// Going are the group members who signed up to go.
	Going []GoingSeed
}

// MarkSeed marks the deadlines of rule RuleID for person PersonIndex: all
// of them, or with DueBefore (YYYY-MM-DD) only those due before that day
// (the change-of-address forms of earlier moves, say).
type MarkSeed struct {
	PersonIndex int
	RuleID      string
	State       model.MarkState
	DoneOn      string
	Note        string
	DueBefore   string
}

// ImportCases creates many cases in group groupID in one transaction, with
// their deadlines computed: for the demo and the data generator, where one
// transaction per case would be needlessly slow.
func (s *Store) ImportCases(ctx context.Context, groupID string, seeds []CaseSeed) ([]string, error) {
	var ids []string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		ids, err = s.importCasesTx(ctx, tx, groupID, seeds)
		return err
	})
	return ids, err
}

func (s *Store) importCasesTx(ctx context.Context, tx *sql.Tx, groupID string, seeds []CaseSeed) ([]string, error) {
	var ids []string
	err := func() error {
		now := ts(s.now())
		grp := model.Case{GroupID: groupID}
		// Appointments without a zone are at the group's: read it once.
		var groupZone string
		if err := s.in(tx).QueryRowContext(ctx, `SELECT time_zone FROM organisations WHERE id = ?`, groupID).Scan(&groupZone); err != nil {
			return translate(err)
		}
		for n, seed := range seeds {
			if len(seed.People) == 0 {
				return fmt.Errorf("import case %d: no people", n)
			}
			id := newID()
			addr, err := s.seal(seed.Case.Address, "cases", "address_enc", id)
			if err != nil {
				return err
			}
			created, updated := now, now
			if !seed.Created.IsZero() {
				created = ts(seed.Created)
			}
			if !seed.Updated.IsZero() {
				updated = ts(seed.Updated)
			}
			if err := insertCaseAtTx(ctx, s.in(tx), id, groupID, seed.Case, addr, created, updated); err != nil {
				return fmt.Errorf("import case %d: %w", n, err)
			}
			people := make([]string, len(seed.People))
			for i, p := range seed.People {
				if people[i], err = s.insertPersonTx(ctx, tx, id, i == 0, p); err != nil {
					return fmt.Errorf("import case %d person %d: %w", n, i, err)
				}
			}
			person := func(i int) sql.NullString {
				if i < 0 || i >= len(people) {
					return sql.NullString{}
				}
				return sql.NullString{String: people[i], Valid: true}
			}
			for _, f := range seed.Facts {
				pid := person(f.PersonIndex)
				if model.HouseholdFact(f.Fact.Kind) {
					pid = sql.NullString{}
				}
				if _, err := s.in(tx).ExecContext(ctx, `
					INSERT INTO facts (id, case_id, person_id, kind, date, end_date, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
					newID(), id, pid, f.Fact.Kind, f.Fact.Date, nullStr(f.Fact.EndDate), f.Fact.Note, now); err != nil {
					return fmt.Errorf("import case %d fact: %w", n, err)
				}
			}
			grp.ID = id
			for _, a := range seed.Appointments {
				ap := a.Appointment
				ap.PersonID = ""
				if ap.TimeZone == "" {
					ap.TimeZone = groupZone
				}
				starts, err := placeTx(ctx, s.in(tx), grp, &ap)
				if err != nil {
					return fmt.Errorf("import case %d appointment: %w", n, err)
				}
				apptID := newID()
				if _, err := s.in(tx).ExecContext(ctx, `
					INSERT INTO appointments (id, case_id, group_id, person_id, kind, date, time, time_zone, starts_at, place, going, note, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					apptID, id, groupID, person(a.PersonIndex), ap.Kind, ap.Date, ap.Time, ap.TimeZone, starts, ap.Place, ap.Going, ap.Note, now, now); err != nil {
					return fmt.Errorf("import case %d appointment: %w", n, err)
				}
				if a.Attended {
					if _, err := s.in(tx).ExecContext(ctx, `INSERT INTO marks (case_id, key, state, done_on, note, updated_at) VALUES (?, ?, 'done', ?, '', ?)`,
						id, AppointmentKey(apptID), ap.Date, now); err != nil {
						return fmt.Errorf("import case %d attendance: %w", n, err)
					}
				}
				if err := importGoingTx(ctx, s.in(tx), id, groupID, apptID, a.Going, now); err != nil {
					return fmt.Errorf("import case %d sign-up: %w", n, err)
				}
			}
			if err := s.historyTx(ctx, tx, id, "", "created", ""); err != nil {
				return err
			}
			if err := importCommitmentsTx(ctx, s.in(tx), id, groupID, seed, now); err != nil {
				return fmt.Errorf("import case %d: %w", n, err)
			}
			if err := s.recomputeTx(ctx, tx, id); err != nil {
				return err
			}
			for _, m := range seed.Marks {
				if _, err := s.in(tx).ExecContext(ctx, `
					INSERT INTO marks (case_id, key, state, done_on, note, updated_at)
					SELECT case_id, key, ?, ?, ?, ? FROM deadlines WHERE case_id = ? AND person_id = ? AND rule_id = ?
					  AND (?8 = '' OR due < ?8)`,
					m.State, nullStr(m.DoneOn), m.Note, now, id, person(m.PersonIndex), m.RuleID, m.DueBefore); err != nil {
					return fmt.Errorf("import case %d mark: %w", n, err)
				}
			}
			if err := s.importChecklistsTx(ctx, tx, model.Case{ID: id, GroupID: groupID}, seed.Checklists, now[:10], now); err != nil {
				return fmt.Errorf("import case %d: %w", n, err)
			}
			if len(seed.Marks) > 0 || len(seed.Checklists) > 0 {
				if err := s.nextDueTx(ctx, tx, id); err != nil {
					return err
				}
			}
			ids = append(ids, id)
		}
		return nil
	}()
	return ids, err
}
