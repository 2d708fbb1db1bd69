-- Retention and real deletion (issue 14): "you cannot be made to hand over
-- data you no longer hold" (DOMAIN.md, "Privacy and safety").
--
-- 1. Each organisation keeps closed cases for retention_days days (90 by
--    default, 1 to 3650), counted in its own days; then the store purges
--    the case's personal fields (store.purgeRules) and sets purged_at. What
--    remains (dates, stages, counts) is de-identified, so reports add up.
ALTER TABLE organisations ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90
    CHECK (retention_days BETWEEN 1 AND 3650);

-- Only a closed case is ever purged, and a purged case stays closed.
ALTER TABLE cases ADD COLUMN purged_at TEXT
    CHECK (purged_at IS NULL OR (closed_at IS NOT NULL AND purged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'));

-- The daily job finds, per group, the closed cases not yet purged that were
-- closed before the group's cut-off.
CREATE INDEX cases_purge_due ON cases (group_id, closed_at) WHERE closed_at IS NOT NULL AND purged_at IS NULL;

-- 2. A history entry may name the household member it is about (an id,
--    never a value), so that a person's data-subject export lists the
--    changes about them. Entries from before this migration name nobody.
--    No foreign key: an entry outlives the person it names.
ALTER TABLE case_history ADD COLUMN person_id TEXT
    CHECK (person_id IS NULL OR length(person_id) BETWEEN 16 AND 64);
CREATE INDEX case_history_person ON case_history (person_id, id) WHERE person_id IS NOT NULL;

-- 3. The audit log learns two actions: 'purge' (object: the case; field:
--    the kind, 'retention' or 'now'; detail: the counts of what was
--    cleared, never a value) and 'export' (object: the person; field:
--    'page' or 'json'). A CHECK cannot be altered, so the table is rebuilt
--    with its rows, ids, indexes and append-only triggers. (DROP TABLE's
--    implicit delete fires no trigger.)
CREATE TABLE audit_log_new (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     TEXT REFERENCES users (id) ON DELETE SET NULL,
    org_id       TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    action       TEXT NOT NULL CHECK (action IN ('view', 'reveal', 'feed', 'purge', 'export')),
    object_type  TEXT NOT NULL CHECK (length(object_type) <= 20),
    object_id    TEXT NOT NULL CHECK (length(object_id) <= 64),
    field        TEXT NOT NULL DEFAULT '' CHECK (length(field) <= 40),
    detail       TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 300)
) STRICT;

INSERT INTO audit_log_new (id, at, actor_id, org_id, action, object_type, object_id, field)
SELECT id, at, actor_id, org_id, action, object_type, object_id, field FROM audit_log;

DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;

CREATE INDEX audit_log_org ON audit_log (org_id, id);
CREATE INDEX audit_log_object ON audit_log (object_id, id);

CREATE TRIGGER audit_log_no_update
BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.action IS NOT OLD.action
  OR NEW.object_type IS NOT OLD.object_type OR NEW.object_id IS NOT OLD.object_id OR NEW.field IS NOT OLD.field
  OR NEW.detail IS NOT OLD.detail
  OR (NEW.org_id IS NOT OLD.org_id AND NEW.org_id IS NOT NULL)
  OR (NEW.actor_id IS NOT OLD.actor_id AND NEW.actor_id IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete
BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
