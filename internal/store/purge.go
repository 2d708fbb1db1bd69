package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"puente/internal/model"
)

// purgeRule is what a purge writes into one column of a table that holds a
// case's data: To is the value that replaces whatever was there (nil for
// NULL).
type purgeRule struct {
	Table, Column string
	To            any
}

// purgeRules are, in one place, every personal field a purge clears. A
// table that holds a case's data (it has a case_id or a person_id column,
// or it is cases) lists each of its columns either here or in
// purgeKeptColumns, and TestPurgeRulesCoverEverything fails for any column
// that is in neither: so a later table (commitments' notes, checklist
// notes) joins the purge in the migration that adds it, by a line here or
// there, and a sealed column (*_enc) can never be kept.
//
// Rows are never deleted (search_terms aside, which are derived from names
// and only exist to find them): a purged case keeps its people, facts,
// appointments, deadlines, marks, stages and history, with their dates,
// kinds and states, so that counts and reports add up afterwards.
var purgeRules = []purgeRule{
	{"cases", "court", ""},
	// A judge's name is public, but with the court and the dates it
	// narrows down the household: it goes with the court.
	{"cases", "judge", ""},
	{"cases", "lawyer_name", ""},
	{"cases", "lawyer_contact", ""},
	{"cases", "address_enc", nil},
	{"cases", "sort_en", nil},
	{"cases", "sort_es", nil},

	{"people", "name", model.PurgedName},
	{"people", "preferred_name", ""},
	{"people", "relationship", ""},
	{"people", "languages", ""},
	{"people", "country_of_birth", ""},
	{"people", "dob_enc", nil},
	{"people", "facility_enc", nil},
	{"people", "anumber_enc", nil},
	{"people", "sort_en", nil},
	{"people", "sort_es", nil},

	{"facts", "note", ""},
	{"appointments", "place", ""},
	{"appointments", "note", ""},
	// Who from the group went: free text, volunteers' names.
	{"appointments", "going", ""},
	// A date computed from the date of birth is as secret as it.
	{"deadlines", "due_enc", nil},
	{"marks", "note", ""},
	// Commitments (schema/008): what was promised and given, in the
	// group's words, may say where the household lives or what it needs.
	{"commitments", "description", ""},
	// A record without an amount must say something (schema/008): the
	// same dash as a purged name.
	{"commitment_records", "description", model.PurgedName},
	{"commitment_records", "note", ""},
	// Checklists (schema/015): a note, a reason for setting an item aside
	// and the group's own items' words are the group's free text.
	{"case_checklist_items", "note", ""},
	{"case_checklist_items", "na_reason", ""},
	{"case_checklist_items", "title_en", model.PurgedName},
	{"case_checklist_items", "title_es", model.PurgedName},
	// The network's queue entry of a case handed to a group (schema/020)
	// is the same person: a purge of the case clears its pseudonym, what
	// describes them, the sender's reference and the sealed fields.
	{"queue_entries", "pseudonym", model.PurgedName},
	{"queue_entries", "languages", ""},
	{"queue_entries", "child_ages", ""},
	{"queue_entries", "needs", ""},
	{"queue_entries", "external_ref", nil},
	{"queue_entries", "anumber_enc", nil},
	{"queue_entries", "facility_enc", nil},
	{"queue_offers", "reason_note", ""},
}

// purgeDeletes are the tables whose rows of the case are deleted, each
// with its statement (the case's id is its one argument): they hold
// nothing but what is derived from a name. search_terms is reached through
// its person index (search_terms_person): it has no index on case_id.
var purgeDeletes = []struct{ table, sql string }{
	{"search_terms", `DELETE FROM search_terms WHERE person_id IN (SELECT id FROM people WHERE case_id = ?)`},
}

// purgeKeptColumns are the columns a purge leaves as they are, and why
// each is not personal: ids, dates, kinds, stages, states and counts.
var purgeKeptColumns = map[string][]string{
	// code is random; close_reason and status are stages; next_due is a
	// plain deadline date (never one computed from a secret, schema/012).
	"cases": {"id", "group_id", "code", "status", "status_changed_at", "closed_at", "close_reason",
		"created_at", "updated_at", "purged_at", "next_due"},
	// Dates without a name to attach them to.
	"people":              {"id", "case_id", "is_principal", "last_us_arrival", "release_date", "joined_on", "created_at", "updated_at"},
	"facts":               {"id", "case_id", "person_id", "kind", "date", "end_date", "created_at"},
	"appointments":        {"id", "case_id", "group_id", "person_id", "kind", "date", "time", "time_zone", "starts_at", "created_at", "updated_at"},
	"deadlines":           {"case_id", "group_id", "person_id", "key", "rule_id", "kind", "due", "met_on"},
	"marks":               {"case_id", "key", "state", "done_on", "updated_by", "updated_at"},
	"case_status_changes": {"id", "case_id", "status", "at", "actor_id"},
	// History holds field names, never values (schema/002); subject_id is
	// the group member an entry is about (schema/008).
	"case_history": {"id", "case_id", "at", "actor_id", "action", "fields", "person_id", "subject_id"},
	// Kinds, periods, amounts and who of the group did what: the ledger's
	// figures still add up after a purge.
	"commitments": {"id", "case_id", "group_id", "kind", "starts_on", "end_kind", "ends_on", "amount_cents",
		"currency", "frequency", "cancelled_on", "cancelled_by", "created_by", "created_at", "updated_at"},
	"commitment_records":  {"id", "commitment_id", "case_id", "given_on", "amount_cents", "given_by", "recorded_by", "created_at"},
	"case_needs":          {"case_id", "group_id", "kind", "until", "created_by", "created_at"},
	"appointment_signups": {"appointment_id", "user_id", "case_id", "group_id", "role", "created_by", "created_at"},
	// Which checklists a case had and how far along: stages, states, who of
	// the group did what, when. The explanations are a template's words (the
	// network's or Puente's), never the case's: a group's own item has only
	// a title.
	"case_checklists": {"id", "case_id", "group_id", "stage", "version", "created_by", "created_at"},
	"case_checklist_items": {"id", "checklist_id", "case_id", "group_id", "item_key", "position", "own", "text_key",
		"why_en", "why_es", "how_en", "how_es", "bring_en", "bring_es", "texts", "source_url", "rule_id", "role", "state",
		"ticked_by", "ticked_at", "assignee_id", "due_on", "created_at", "updated_at"},
	// The queue's figures: household size, dates, region, states, who;
	// the days from referral to arrival and the case's next due date
	// (migration 025) are a count and a plain deadline date.
	"queue_entries": {"id", "network_id", "adults", "decision_date", "detained_since", "urgency", "region_id",
		"state", "state_changed_at", "close_reason", "case_id", "group_id", "created_at", "created_by", "updated_at",
		"placed_days", "case_due"},
	"queue_offers": {"id", "network_id", "entry_id", "group_id", "state", "created_at", "created_by", "expires_at",
		"decided_at", "decided_by", "reason", "case_id"},
}

// purgeStatements are purgeRules as one UPDATE per table, built once from
// the fixed names above (never from input), in table order.
var purgeStatements = func() []struct {
	table string
	sql   string
	args  []any
} {
	byTable := map[string][]purgeRule{}
	for _, r := range purgeRules {
		byTable[r.Table] = append(byTable[r.Table], r)
	}
	tables := make([]string, 0, len(byTable))
	for t := range byTable {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	var out []struct {
		table string
		sql   string
		args  []any
	}
	for _, t := range tables {
		var set []string
		var args []any
		for _, r := range byTable[t] {
			set = append(set, ident(r.Column)+` = ?`)
			args = append(args, r.To)
		}
		where := `case_id = ?`
		if t == "cases" {
			where = `id = ?`
		}
		out = append(out, struct {
			table string
			sql   string
			args  []any
		}{t, `UPDATE ` + ident(t) + ` SET ` + strings.Join(set, `, `) + ` WHERE ` + where, args})
	}
	return out
}()

// PurgeKind says why a case was purged, as the audit log records it.
type PurgeKind string

// Purge kinds.
const (
	// PurgeRetention: its group's retention period passed (the daily job,
	// or `puente purge`).
	PurgeRetention PurgeKind = "retention"
	// PurgeNow: a coordinator purged the closed case at once.
	PurgeNow PurgeKind = "now"
)

// Errors of PurgeCase.
var (
	// ErrCaseOpen: an open case is never purged; close it first.
	ErrCaseOpen = errors.New("store: the case is open")
	// ErrAlreadyPurged: nothing is left to purge.
	ErrAlreadyPurged = errors.New("store: the case was already purged")
)

// PurgeResult says what PurgeCase cleared.
type PurgeResult struct {
	// Cleared counts, per table, the case's rows whose personal fields were
	// cleared, or that were deleted (search_terms).
	Cleared map[string]int
	// WALCleared is true when the WAL was checkpointed and truncated after
	// the commit, so the old values are gone from it too. False means a
	// reader held the WAL: they go at the next checkpoint.
	WALCleared bool
}

// PurgeCase purges the personal fields of closed case c now, for a
// coordinator (actorID), in one transaction: every rule of purgeRules,
// search terms deleted, purged_at set, a history entry and an audit entry
// (action "purge", field PurgeNow, the counts of rows cleared in detail,
// never a value). An open case answers ErrCaseOpen and one already purged
// ErrAlreadyPurged, both with nothing written.
//
// Then the WAL is checkpointed and truncated. With secure_delete on every
// connection (set in the DSN and checked at start-up), the bytes the old
// values took in the database file are zeroed, and the WAL frames that
// still held them are gone: the values are no longer in the files.
func (s *Store) PurgeCase(ctx context.Context, c model.Case, actorID string) (PurgeResult, error) {
	var res PurgeResult
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		res.Cleared, err = s.purgeCaseTx(ctx, tx, c.ID, c.GroupID, actorID, PurgeNow)
		return err
	})
	if err != nil {
		return res, err
	}
	res.WALCleared = s.checkpointGated(ctx) == nil
	return res, nil
}

// purgeCaseTx clears case caseID of group groupID and records it.
func (s *Store) purgeCaseTx(ctx context.Context, tx *sql.Tx, caseID, groupID, actorID string, kind PurgeKind) (map[string]int, error) {
	var closed, purged sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT closed_at, purged_at FROM cases WHERE id = ? AND group_id = ?`, caseID, groupID).
		Scan(&closed, &purged); err != nil {
		return nil, translate(err)
	}
	switch {
	case !closed.Valid:
		return nil, ErrCaseOpen
	case purged.Valid:
		return nil, ErrAlreadyPurged
	}
	counts := map[string]int{}
	for _, d := range purgeDeletes {
		res, err := tx.ExecContext(ctx, d.sql, caseID)
		if err != nil {
			return nil, fmt.Errorf("purge %s: %w", d.table, err)
		}
		n, _ := res.RowsAffected()
		counts[d.table] = int(n)
	}
	for _, st := range purgeStatements {
		res, err := tx.ExecContext(ctx, st.sql, append(st.args, caseID)...)
		if err != nil {
			return nil, fmt.Errorf("purge %s: %w", st.table, err)
		}
		n, _ := res.RowsAffected()
		counts[st.table] = int(n)
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET purged_at = ? WHERE id = ?`, ts(now), caseID); err != nil {
		return nil, err
	}
	if err := s.historyTx(ctx, tx, caseID, actorID, "purged", string(kind)); err != nil {
		return nil, err
	}
	return counts, insertAudit(ctx, tx, AuditEntry{ActorID: actorID, OrgID: groupID, Action: "purge", ObjectType: "case",
		ObjectID: caseID, Field: string(kind), Detail: FormatCounts(counts), at: now})
}

// FormatCounts writes per-table counts as "facts=3 people=2 …" in table
// order: what a purge cleared, never a value (the audit log's detail, the
// log line of the daily purge, `puente purge`).
func FormatCounts(counts map[string]int) string {
	tables := make([]string, 0, len(counts))
	for t := range counts {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	parts := make([]string, len(tables))
	for i, t := range tables {
		parts[i] = fmt.Sprintf("%s=%d", t, counts[t])
	}
	return strings.Join(parts, " ")
}

// purgeCheckpointWaitMS is how long a purge's checkpoint waits for
// readers to leave the WAL. Litestream holds a read transaction for as
// long as it runs, so the truncation cannot happen then, and waiting the
// whole busy timeout (10 s) would only hold the coordinator's page; its
// own checkpoints take the WAL's frames instead.
const purgeCheckpointWaitMS = 1000

// checkpointGated checkpoints and truncates the WAL between this process's
// writers (it waits for the write gate first, so it never queues behind a
// transaction of its own process), waiting at most purgeCheckpointWaitMS
// for readers.
func (s *Store) checkpointGated(ctx context.Context) error {
	if err := s.gate.lock(ctx); err != nil {
		return err
	}
	defer s.gate.unlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", min(purgeCheckpointWaitMS, s.busyMS))); err != nil {
		return err
	}
	// The connection goes back to the pool with the DSN's timeout.
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA busy_timeout = %d", s.busyMS))
	var busy, logN, done int
	if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logN, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint: %w", ErrInUse)
	}
	return nil
}
