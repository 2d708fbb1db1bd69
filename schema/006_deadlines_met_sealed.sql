-- Deadlines that close themselves, and dates computed from a secret.
--
-- 1. Two new fact kinds that meet a deadline: a work-permit application
--    filed (ead_applied: the window it waited for is used) and an appeal to
--    the BIA filed (appeal_filed). SQLite cannot change a CHECK constraint,
--    so the facts table is rebuilt with its rows.
-- 2. The deadlines table (a cache the engine rewrites from the facts) gains
--    met_on, the date of the recorded fact that met the deadline, and
--    due_enc: the due date sealed like the field it is computed from. The
--    registration at 14 is due on the date of birth + 14 years + 30 days, so
--    its date is as secret as the date of birth: it is stored only in due_enc
--    (AES-256-GCM, bound to "deadlines.due_enc:<case_id>/<key>"), never in
--    due. Every sealed column ends in _enc so that key rotation finds them
--    all. The table is dropped, with the plain registration dates it held,
--    and rebuilt at start-up: forgetting rules_version makes SyncRules
--    recompute every open case.

CREATE TABLE facts_new (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    person_id   TEXT REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('arrival', 'move', 'i589_filed', 'clock_pause', 'decision',
                    'final_order', 'grant', 'ead_expiry', 'fee_notice', 'ead_applied', 'appeal_filed')),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date    TEXT CHECK (end_date IS NULL OR (kind = 'clock_pause' AND end_date >= date)),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at  TEXT NOT NULL,
    CHECK ((kind IN ('arrival', 'move')) = (person_id IS NULL))
) STRICT;

INSERT INTO facts_new (id, case_id, person_id, kind, date, end_date, note, created_at)
SELECT id, case_id, person_id, kind, date, end_date, note, created_at FROM facts;

DROP TABLE facts;
ALTER TABLE facts_new RENAME TO facts;
CREATE INDEX facts_case ON facts (case_id, date);

DROP TABLE deadlines;

CREATE TABLE deadlines (
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    key        TEXT NOT NULL CHECK (length(key) <= 300),
    rule_id    TEXT NOT NULL,
    -- due_by | opens | expires | info: only due_by dates are ever overdue.
    kind       TEXT NOT NULL CHECK (kind IN ('due_by', 'opens', 'expires', 'info')),
    due        TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    due_enc    BLOB,
    met_on     TEXT CHECK (met_on IS NULL OR met_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (case_id, key),
    CHECK (due IS NULL OR due_enc IS NULL)
) STRICT;

CREATE INDEX deadlines_group_due ON deadlines (group_id, due);
-- The few sealed rows of a group, for its coordinators' home page.
CREATE INDEX deadlines_group_sealed ON deadlines (group_id) WHERE due_enc IS NOT NULL;

DELETE FROM meta WHERE key = 'rules_version';
