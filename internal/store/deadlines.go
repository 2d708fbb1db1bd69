package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"puente/internal/deadline"
	"puente/internal/model"
)

// dbtx is what both *sql.DB and *sql.Tx offer.
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// PersonDeadlines are one person's computed deadlines, and the facts their
// rules ask for that are missing (Gaps).
type PersonDeadlines struct {
	PersonID  string
	Name      string
	Principal bool
	Deadlines []deadline.Deadline
	Gaps      []deadline.Gap
}

// Rules returns the rule set deadlines are computed with.
func (s *Store) Rules() *deadline.RuleSet { return s.rules }

// caseFacts gathers, per person, the facts the engine counts from: the
// household's arrival and moves, the person's own facts, their date of
// birth (opened from its sealed column), the day they joined the household
// and the individual hearings.
//
// An individual hearing recorded for the household (no person) is the
// family's hearing, in the proceedings the family came with; a person who
// joined the household later (deadline.Facts.JoinedLater: a cousin who
// moves in months after) is not in those proceedings and gets only the
// hearings recorded for them, so the family's "evidence 30 days before the
// individual hearing" (EOIR Policy Manual, Appendix C) is not theirs.
func (s *Store) caseFacts(ctx context.Context, q dbtx, caseID string) ([]PersonDeadlines, []deadline.Facts, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, name, is_principal, coalesce(last_us_arrival, ''), coalesce(joined_on, ''), dob_enc FROM people
		WHERE case_id = ? ORDER BY is_principal DESC, sort_en, id`, caseID)
	if err != nil {
		return nil, nil, err
	}
	var people []PersonDeadlines
	var facts []deadline.Facts
	index := map[string]int{}
	for rows.Next() {
		var id, name, arrival, joined string
		var principal bool
		var dobSealed []byte
		if err := rows.Scan(&id, &name, &principal, &arrival, &joined, &dobSealed); err != nil {
			rows.Close()
			return nil, nil, err
		}
		dob, err := s.open(dobSealed, "people", "dob_enc", id)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		index[id] = len(people)
		people = append(people, PersonDeadlines{PersonID: id, Name: name, Principal: principal})
		facts = append(facts, deadline.Facts{LastUSArrival: parseDate(arrival), BirthDate: parseDate(dob), Joined: parseDate(joined)})
	}
	if err := rows.Close(); err != nil {
		return nil, nil, err
	}
	// Every fact applies to its person, or to everyone for household facts.
	apply := func(personID string, fn func(f *deadline.Facts)) {
		if personID == "" {
			for i := range facts {
				fn(&facts[i])
			}
			return
		}
		if i, ok := index[personID]; ok {
			fn(&facts[i])
		}
	}
	frows, err := q.QueryContext(ctx, `
		SELECT id, coalesce(person_id, ''), kind, date, coalesce(end_date, '') FROM facts
		WHERE case_id = ? ORDER BY date, id`, caseID)
	if err != nil {
		return nil, nil, err
	}
	for frows.Next() {
		var id, personID, kind, date, end string
		if err := frows.Scan(&id, &personID, &kind, &date, &end); err != nil {
			frows.Close()
			return nil, nil, err
		}
		d := parseDate(date)
		ev := deadline.Event{Ref: id, Date: d}
		apply(personID, func(f *deadline.Facts) {
			switch model.FactKind(kind) {
			case model.FactArrival:
				f.Arrival = d
			case model.FactMove:
				f.Moves = append(f.Moves, ev)
			case model.FactI589Filed:
				f.I589Filed = d
			case model.FactClockPause:
				f.ClockPauses = append(f.ClockPauses, deadline.Pause{From: d, To: parseDate(end)})
			case model.FactDecision:
				f.Decisions = append(f.Decisions, ev)
			case model.FactFinalOrder:
				f.FinalOrder = d
			case model.FactGrant:
				f.Grant = d
			case model.FactEADExpiry:
				f.EADExpiry = d
			case model.FactFeeNotice:
				f.FeeNotices = append(f.FeeNotices, ev)
			case model.FactEADApplied:
				f.EADApplications = append(f.EADApplications, ev)
			case model.FactAppealFiled:
				f.AppealsFiled = append(f.AppealsFiled, ev)
			}
		})
	}
	if err := frows.Close(); err != nil {
		return nil, nil, err
	}
	hrows, err := q.QueryContext(ctx, `
		SELECT id, coalesce(person_id, ''), date FROM appointments
		WHERE case_id = ? AND kind = 'individual_hearing' ORDER BY date, id`, caseID)
	if err != nil {
		return nil, nil, err
	}
	for hrows.Next() {
		var id, personID, date string
		if err := hrows.Scan(&id, &personID, &date); err != nil {
			hrows.Close()
			return nil, nil, err
		}
		ev := deadline.Event{Ref: id, Date: parseDate(date)}
		apply(personID, func(f *deadline.Facts) {
			// Every household fact is gathered above: JoinedLater is final.
			if personID == "" && f.JoinedLater() {
				return
			}
			f.IndividualHearings = append(f.IndividualHearings, ev)
		})
	}
	return people, facts, hrows.Close()
}

// ComputeDeadlines computes a case's deadlines per person, with their full
// explanations and the missing facts their rules ask for, for the case
// page. Deadlines marked Sensitive carry a date computed from the date of
// birth: the caller shows them only to roles that may see it.
func (s *Store) ComputeDeadlines(ctx context.Context, caseID string) ([]PersonDeadlines, error) {
	people, facts, err := s.caseFacts(ctx, s.rd(), caseID)
	if err != nil {
		return nil, err
	}
	for i := range people {
		people[i].Deadlines = deadline.Compute(s.rules, facts[i])
		people[i].Gaps = deadline.Gaps(s.rules, facts[i])
	}
	return people, nil
}

// DeadlineKey is the stored key of one person's deadline: unique in its
// case and stable when the trigger date moves.
func DeadlineKey(personID, engineKey string) string { return personID + "/" + engineKey }

// GroupSealedDue lists, across a group's open cases, the deadlines whose
// date is sealed (computed from a date of birth), due on or before until
// (YYYY-MM-DD; overdue ones included), that nobody marked done or not
// applicable, with the date opened, soonest first. Only a role that may see
// dates of birth may be shown the dates; the caller decides.
//
// A sealed date cannot be compared in SQL, so every open sealed row of the
// group is read and opened: in one range of the covering partial index
// deadlines_group_sealed (schema/018), with no row lookups, each row as
// its rowid, its name ("case/key", what it was sealed with: one text for
// the driver to hand over rather than two) and its sealed date. The case
// code, the person's name and the marks are then read for the few within
// the window, in one statement, by rowid (a list of numbers is parsed
// faster than pairs of texts: 0.14 against 0.25 ms for 40 rows).
func (s *Store) GroupSealedDue(ctx context.Context, groupID, until string) ([]model.DueItem, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT rowid, case_id || '/' || key, due_enc FROM deadlines INDEXED BY deadlines_group_sealed
		WHERE group_id = ? AND due_enc IS NOT NULL AND met_on IS NULL`, groupID)
	if err != nil {
		return nil, err
	}
	type opened struct{ row, due string }
	due := map[int64]opened{}
	list := []byte{'['}
	// Scanned into the same variables every row, the name and sealed bytes
	// not copied (sql.RawBytes) and the cache's key built in one buffer: a
	// row allocates only what the driver hands over.
	var (
		rowid       int64
		row, sealed sql.RawBytes
		buf         []byte
	)
	for rows.Next() {
		if err := rows.Scan(&rowid, &row, &sealed); err != nil {
			rows.Close()
			return nil, err
		}
		d, err := s.openDueIn(&buf, sealed, row)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if d <= until {
			due[rowid] = opened{string(row), d}
			if len(list) > 1 {
				list = append(list, ',')
			}
			list = strconv.AppendInt(list, rowid, 10)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(due) == 0 {
		return nil, err
	}
	list = append(list, ']')
	rows, err = s.rd().QueryContext(ctx, `
		SELECT d.rowid, d.case_id, c.code, coalesce(p.name, ''), d.key, d.rule_id, d.kind
		FROM deadlines d
		JOIN cases c ON c.id = d.case_id AND c.closed_at IS NULL
		LEFT JOIN people p ON p.id = d.person_id
		LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE d.rowid IN (SELECT value FROM json_each(?)) AND coalesce(m.state, 'open') = 'open'`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.DueItem
	for rows.Next() {
		var it model.DueItem
		var name string
		if err := rows.Scan(&rowid, &it.CaseID, &it.CaseCode, &name, &it.Key, &it.RuleID, &it.Kind); err != nil {
			return nil, err
		}
		o, ok := due[rowid]
		if !ok || o.row != it.CaseID+"/"+it.Key {
			continue // deleted since, its rowid taken by another row
		}
		it.Due = o.due
		it.Initials, it.Sensitive = Initials(name), true
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// By date, then key; no string is built per comparison.
	slices.SortFunc(out, func(a, b model.DueItem) int {
		return cmp.Or(strings.Compare(a.Due, b.Due), strings.Compare(a.Key, b.Key))
	})
	return out, nil
}

func parseDate(s string) deadline.Date {
	if s == "" {
		return deadline.Date{}
	}
	d, err := deadline.ParseDate(s)
	if err != nil {
		return deadline.Date{}
	}
	return d
}
