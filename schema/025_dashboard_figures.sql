-- The network dashboard (issue 13) at 2,000 groups and 20,000 placements,
-- each figure read from an index instead of computed row by row; and the
-- outbox learns the message that tells a group its placement was closed.

-- 1. placed_days: the whole days from the entry's referral (created_at) to
--    its first arrival, while the entry is arrived or closed (NULL
--    otherwise, and for an entry closed without ever arriving), never
--    below 0: exactly what the dashboard's median counted, one seek per
--    entry, before this migration. Triggers keep it whatever writes the
--    state or the history (a hand-off, an offer, the pipeline by hand, a
--    seed), in either order: each recomputes it from the entry's row and
--    its arrivals.
ALTER TABLE queue_entries ADD COLUMN placed_days INTEGER CHECK (placed_days IS NULL OR placed_days >= 0);

UPDATE queue_entries SET placed_days = (
    SELECT max(CAST(julianday(min(c.at)) - julianday(queue_entries.created_at) AS INTEGER), 0)
    FROM queue_state_changes c WHERE c.entry_id = queue_entries.id AND c.state = 'arrived')
WHERE state IN ('arrived', 'closed');

CREATE TRIGGER queue_entries_placed_days
AFTER UPDATE OF state ON queue_entries
BEGIN
    UPDATE queue_entries SET placed_days = CASE WHEN state IN ('arrived', 'closed') THEN (
        SELECT max(CAST(julianday(min(c.at)) - julianday(queue_entries.created_at) AS INTEGER), 0)
        FROM queue_state_changes c WHERE c.entry_id = queue_entries.id AND c.state = 'arrived') END
    WHERE id = NEW.id;
END;

CREATE TRIGGER queue_state_changes_placed_days
AFTER INSERT ON queue_state_changes
WHEN NEW.state = 'arrived'
BEGIN
    UPDATE queue_entries SET placed_days = CASE WHEN state IN ('arrived', 'closed') THEN (
        SELECT max(CAST(julianday(min(c.at)) - julianday(queue_entries.created_at) AS INTEGER), 0)
        FROM queue_state_changes c WHERE c.entry_id = queue_entries.id AND c.state = 'arrived') END
    WHERE id = NEW.entry_id;
END;

-- The median is read from this index alone: a count, then one or two rows
-- at an offset. Migration 023's index of arrived entries by referral is
-- no longer read (its history index stays: the triggers seek there).
CREATE INDEX queue_entries_placed_days ON queue_entries (network_id, placed_days) WHERE placed_days IS NOT NULL;
DROP INDEX queue_entries_referred;

-- 2. case_due: the linked case's next due date (cases.next_due, migration
--    012) while the case is open, '9999-12-31' when it is open with
--    nothing due, NULL without a case or once the group closed it. A
--    placement with an overdue deadline is then one range of an index
--    (case_due before today), and one with an appointment nobody covers is
--    checked against its entry in one seek. Triggers copy it when the
--    case's next due date or closing changes and when an entry is linked.
ALTER TABLE queue_entries ADD COLUMN case_due TEXT
    CHECK (case_due IS NULL OR case_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

UPDATE queue_entries SET case_due = (
    SELECT CASE WHEN c.closed_at IS NULL THEN coalesce(c.next_due, '9999-12-31') END
    FROM cases c WHERE c.id = queue_entries.case_id)
WHERE case_id IS NOT NULL;

CREATE TRIGGER cases_case_due
AFTER UPDATE OF next_due, closed_at ON cases
BEGIN
    UPDATE queue_entries SET case_due = CASE WHEN NEW.closed_at IS NULL THEN coalesce(NEW.next_due, '9999-12-31') END
    WHERE case_id = NEW.id;
END;

CREATE TRIGGER queue_entries_case_due
AFTER UPDATE OF case_id ON queue_entries
BEGIN
    UPDATE queue_entries SET case_due = (
        SELECT CASE WHEN c.closed_at IS NULL THEN coalesce(c.next_due, '9999-12-31') END
        FROM cases c WHERE c.id = NEW.case_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER queue_entries_case_due_insert
AFTER INSERT ON queue_entries
WHEN NEW.case_id IS NOT NULL
BEGIN
    UPDATE queue_entries SET case_due = (
        SELECT CASE WHEN c.closed_at IS NULL THEN coalesce(c.next_due, '9999-12-31') END
        FROM cases c WHERE c.id = NEW.case_id)
    WHERE id = NEW.id;
END;

-- Placements with an overdue deadline, counted and the latest listed; and
-- an entry found from its case with what the dashboard checks and sorts
-- by (this index replaces migration 020's queue_entries_case, its prefix).
CREATE INDEX queue_entries_attention ON queue_entries (network_id, case_due, state_changed_at, id) WHERE case_due IS NOT NULL;
DROP INDEX queue_entries_case;
CREATE INDEX queue_entries_case ON queue_entries (case_id, network_id, case_due, state_changed_at, id) WHERE case_id IS NOT NULL;

-- Appointments with nobody named in "who goes", by when they start: the
-- dashboard reads the next 14 days' from here and checks each one's
-- sign-ups, mark and placement.
CREATE INDEX appointments_unattended ON appointments (starts_at, case_id, id) WHERE going = '';

-- 3. The groups' stages of the day: every vetting record of a network in
--    group, item and subject order, with its dates, so that the records
--    valid on a day are counted per group and item from this index alone.
CREATE INDEX vetting_records_held ON vetting_records (network_id, group_id, item_id, subject, expires_on, done_on);

-- 4. The outbox takes 'placement_closed': a group's coordinators told
--    that its placement network closed a placement (a case code and the
--    reason's category, never a name or the network's words). A CHECK
--    cannot be altered, so the table is rebuilt as in migration 017, rows,
--    CHECKs and indexes as they were; nothing refers to it.
CREATE TABLE outbox_new (
    id           TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('invitation', 'reset', 'digest', 'placement_closed')),
    message_enc  BLOB,
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    next_at      TEXT NOT NULL DEFAULT '',
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    done_at      TEXT,
    failed_at    TEXT,
    last_error   TEXT NOT NULL DEFAULT '' CHECK (length(last_error) <= 80),
    CHECK ((state = 'pending') = (message_enc IS NOT NULL)),
    CHECK ((state = 'pending') = (done_at IS NULL))
) STRICT;

INSERT INTO outbox_new (id, kind, message_enc, created_at, state, next_at, attempts, done_at, failed_at, last_error)
SELECT id, kind, message_enc, created_at, state, next_at, attempts, done_at, failed_at, last_error FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_pending ON outbox (next_at, created_at) WHERE state = 'pending';
CREATE INDEX outbox_done ON outbox (state, done_at);
CREATE INDEX outbox_failed_at ON outbox (failed_at) WHERE failed_at IS NOT NULL;
