package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"puente/internal/model"
)

// Marks returns what people recorded about a case's deadlines and
// appointments, by key.
func (s *Store) Marks(ctx context.Context, caseID string) (map[string]model.Mark, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT key, state, coalesce(done_on, ''), note, updated_at FROM marks WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]model.Mark{}
	for rows.Next() {
		var m model.Mark
		var at string
		if err := rows.Scan(&m.Key, &m.State, &m.DoneOn, &m.Note, &at); err != nil {
			return nil, err
		}
		m.UpdatedAt = parseTS(at)
		out[m.Key] = m
	}
	return out, rows.Err()
}

// SetMark records done / not applicable / a note for a deadline or an
// appointment of the case. The key must name one that exists now.
func (s *Store) SetMark(ctx context.Context, c model.Case, actorID string, m model.Mark) error {
	return s.SetMarks(ctx, c, actorID, []model.Mark{m})
}

// SetMarks records marks for several deadlines of the case in one
// transaction: the same deadline of several household members (one EOIR-33
// each after a move), recorded together. Every key must name a deadline or
// appointment of the case that exists now, or nothing is written
// (model.ErrNotFound). The history records one change.
func (s *Store) SetMarks(ctx context.Context, c model.Case, actorID string, ms []model.Mark) error {
	if len(ms) == 0 {
		return model.ErrNotFound
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		now := ts(s.now())
		// The history entry names the person the marks are about, when
		// they are all one person's.
		person, first := "", true
		// The rules of the deadlines marked: their checklist items follow
		// (syncItemsTx), per state recorded.
		rules := map[model.MarkState]map[string]bool{}
		for _, m := range ms {
			var personID, rule string
			var err error
			if id, ok := strings.CutPrefix(m.Key, "appointment/"); ok {
				err = s.in(tx).QueryRowContext(ctx, `SELECT coalesce(person_id, '') FROM appointments WHERE id = ? AND case_id = ?`, id, c.ID).Scan(&personID)
			} else {
				err = s.in(tx).QueryRowContext(ctx, `SELECT person_id, rule_id FROM deadlines WHERE key = ? AND case_id = ?`, m.Key, c.ID).Scan(&personID, &rule)
				if rules[m.State] == nil {
					rules[m.State] = map[string]bool{}
				}
				rules[m.State][rule] = true
			}
			if err != nil {
				return translate(err) // no such deadline or appointment: model.ErrNotFound
			}
			if first {
				person, first = personID, false
			} else if personID != person {
				person = ""
			}
			if _, err := s.in(tx).ExecContext(ctx, `
				INSERT INTO marks (case_id, key, state, done_on, note, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (case_id, key) DO UPDATE SET state = excluded.state, done_on = excluded.done_on,
					note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
				c.ID, m.Key, m.State, nullStr(m.DoneOn), m.Note, nullStr(actorID), now); err != nil {
				return translate(err)
			}
		}
		for state, rs := range rules {
			if err := s.syncItemsTx(ctx, s.in(tx), c.ID, actorID, state, rs); err != nil {
				return err
			}
		}
		// A deadline marked done or not applicable is no longer due.
		if err := s.nextDueTx(ctx, tx, c.ID); err != nil {
			return err
		}
		return s.touchPersonTx(ctx, tx, c.ID, person, actorID, "marked", string(ms[0].State))
	})
}

// GroupDue lists, across a group's open cases, what needs attention on or
// before until, soonest first: "due by" deadlines not met, done or set
// aside (overdue ones included), windows that open from today on, and
// expiries from today on. A date nobody acts on (kind info), a window
// already open and a date computed from a secret (due is NULL, see
// GroupSealedDue) are never listed. limit bounds the list.
func (s *Store) GroupDue(ctx context.Context, groupID, today, until string, limit int) ([]model.DueItem, error) {
	return s.GroupDueAfter(ctx, groupID, today, until, "", "", limit)
}

// GroupDueAfter is GroupDue from the deadline after the one due on
// afterDue with key afterKey (both "": from the first): a list read in
// parts reads each deadline once.
func (s *Store) GroupDueAfter(ctx context.Context, groupID, today, until, afterDue, afterKey string, limit int) ([]model.DueItem, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT d.case_id, c.code, coalesce(p.name, ''), d.key, d.rule_id, d.kind, d.due
		FROM deadlines d
		JOIN cases c ON c.id = d.case_id AND c.closed_at IS NULL
		LEFT JOIN people p ON p.id = d.person_id
		LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE d.group_id = ?1 AND d.due IS NOT NULL AND d.due <= ?2 AND (d.due, d.key) > (?4, ?5) AND d.met_on IS NULL
		  AND (d.kind = 'due_by' OR (d.kind IN ('opens', 'expires') AND d.due >= ?3))
		  AND coalesce(m.state, 'open') = 'open'
		ORDER BY d.due, d.key
		LIMIT +?6`, groupID, until, today, afterDue, afterKey, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Each row is scanned into its place in out (sized once): a variable
	// per row whose fields Scan points at would be allocated per row.
	out := make([]model.DueItem, 0, min(limit, 256))
	var name string
	for rows.Next() {
		out = append(out, model.DueItem{})
		it := &out[len(out)-1]
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &name, &it.Key, &it.RuleID, &it.Kind, &it.Due); err != nil {
			return nil, err
		}
		it.Initials = Initials(name)
	}
	return out, rows.Err()
}

// GroupNextHearings returns the next hearing of each open case of the
// group starting at or after from (an instant: the start of the group's
// day after the home page's window), in the order they happen, for the
// first limit cases; more is true when another case has one later.
//
// It walks the group's upcoming hearings in order through
// appointments_group_start and stops at the limit+1st case, so it reads a
// few rows whatever the group's size (one index seek per open case, its
// former shape, cost 4 ms of CPU at 300 cases).
func (s *Store) GroupNextHearings(ctx context.Context, groupID string, from time.Time, limit int) (out []model.DueItem, more bool, err error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT a.case_id, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = a.case_id AND p.is_principal = 1), ''),
		       a.id, a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place
		FROM appointments a JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
		WHERE a.group_id = ?1 AND a.starts_at >= ?2 AND a.kind IN ('master_hearing', 'individual_hearing')
		ORDER BY a.starts_at, a.id`, groupID, ts(from))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var it model.DueItem
		var name, id, starts string
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &name, &id, &it.Kind, &it.Due, &it.Time, &it.TimeZone, &starts, &it.Place); err != nil {
			return nil, false, err
		}
		if seen[it.CaseID] {
			continue
		}
		if len(out) == limit {
			return out, true, nil
		}
		seen[it.CaseID] = true
		it.StartsAt = parseTS(starts)
		it.Key = AppointmentKey(id)
		it.Initials = Initials(name)
		out = append(out, it)
	}
	return out, false, rows.Err()
}

// GroupCaseCounts is what a network sees of its groups' cases: open cases,
// overdue deadlines and cases per status. No names, no notes. Overdue counts
// only "due by" deadlines past their date that no recorded fact met and
// nobody marked: never a window that opened, an expiry, a date nobody acts
// on, nor a date computed from a secret (its due is NULL). today holds each
// group's own day (YYYY-MM-DD by group id): a deadline is overdue when the
// group's day has passed it, as the group's own pages say; a group missing
// from today counts no overdue deadlines.
func (s *Store) GroupCaseCounts(ctx context.Context, networkID string, today map[string]string) (map[string]model.GroupCaseCounts, error) {
	out := map[string]model.GroupCaseCounts{}
	rows, err := s.rd().QueryContext(ctx, `
		SELECT c.group_id, c.status, count(*) FROM organisations o JOIN cases c ON c.group_id = o.id
		WHERE o.network_id = ? AND c.closed_at IS NULL GROUP BY c.group_id, c.status`, networkID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var gid string
		var st model.CaseStatus
		var n int
		if err := rows.Scan(&gid, &st, &n); err != nil {
			rows.Close()
			return nil, err
		}
		g := out[gid]
		if g.ByStatus == nil {
			g.GroupID, g.ByStatus = gid, map[model.CaseStatus]int{}
		}
		g.ByStatus[st] += n
		g.Open += n
		out[gid] = g
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	days, err := json.Marshal(today)
	if err != nil {
		return nil, err
	}
	rows, err = s.rd().QueryContext(ctx, `
		SELECT d.group_id, count(*) FROM organisations o
		JOIN json_each(?2) g ON g.key = o.id
		JOIN deadlines d ON d.group_id = o.id AND d.due < g.value
		JOIN cases c ON c.id = d.case_id AND c.closed_at IS NULL
		LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE o.network_id = ?1 AND d.kind = 'due_by' AND d.met_on IS NULL
		  AND coalesce(m.state, 'open') = 'open'
		GROUP BY d.group_id`, networkID, string(days))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var gid string
		var n int
		if err := rows.Scan(&gid, &n); err != nil {
			return nil, err
		}
		g := out[gid]
		g.GroupID, g.Overdue = gid, n
		out[gid] = g
	}
	return out, rows.Err()
}

// Initials turns "María José López" into "M.J.L.": enough for the people who
// know the case, nothing for anyone else. Every line of the group home page
// carries some, so it builds them in one allocation.
//
// Only letters become initials: a word that starts with a mark, a symbol
// or an emoji gives none. A short number ("R.M. 2", a hand-off's
// placeholder) stays whole; a number of more than initialsMaxDigits
// digits is left out, so that an A-number or a phone number typed into a
// name field never shows where initials stand in for the name (the case
// heading, the court-day card, a calendar feed).
func Initials(name string) string {
	var buf [32]byte
	b := buf[:0]
	for w := range strings.FieldsSeq(name) {
		if strings.Trim(w, "0123456789") == "" {
			if len(w) > initialsMaxDigits {
				continue
			}
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, w...)
			continue
		}
		// Initials already ("R.M.") keep each of their letters.
		for part := range strings.SplitSeq(w, ".") {
			if r, size := utf8.DecodeRuneInString(part); size > 0 && unicode.IsLetter(r) {
				b = utf8.AppendRune(b, unicode.ToUpper(r))
				b = append(b, '.')
			}
		}
	}
	return string(b)
}

// initialsMaxDigits is the longest number Initials keeps: a household's
// own numbering ("2", "12"), never an A-number (8 or 9 digits).
const initialsMaxDigits = 3
