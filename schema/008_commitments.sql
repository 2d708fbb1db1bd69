-- Commitments and coverage (issue 11): what a group promises a case, what
-- was actually given, the kinds of help a case needs, and who goes to each
-- appointment.
--
-- Money is integer cents (never REAL): amounts are exact, and the maximum
-- of one pledge or record is 1,000,000.00 (ledger.MaxCents). A
-- commitment's state (pledged, active, fulfilled, lapsed, cancelled) is
-- not stored: it follows from its dates and records; only the
-- cancellation is recorded.

-- 1. A new fact kind: a work permit granted (the I-765 approved). The first
--    one in a household ends every commitment made "until the work permit".
--    SQLite cannot change a CHECK constraint, so facts is rebuilt with its
--    rows (as in 006).
CREATE TABLE facts_new (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    person_id   TEXT REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('arrival', 'move', 'i589_filed', 'clock_pause', 'decision',
                    'final_order', 'grant', 'ead_expiry', 'fee_notice', 'ead_applied', 'appeal_filed',
                    'ead_granted')),
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
-- The household's first work permit, read with every case's commitments.
CREATE INDEX facts_case_ead_granted ON facts (case_id, date) WHERE kind = 'ead_granted';

-- 2. Commitments. ends_on is set exactly when the period ends on a date;
--    a money commitment has an amount, a currency and a frequency, and
--    nothing else has any of them.
CREATE TABLE commitments (
    id            TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('housing', 'money', 'transport', 'court', 'checkin', 'legal',
                      'health', 'school', 'language', 'jobs', 'orientation', 'other')),
    description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    starts_on     TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_kind      TEXT NOT NULL CHECK (end_kind IN ('date', 'work_permit', 'open')),
    ends_on       TEXT CHECK (ends_on IS NULL OR ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    amount_cents  INTEGER CHECK (amount_cents IS NULL OR amount_cents BETWEEN 1 AND 100000000),
    currency      TEXT CHECK (currency IS NULL OR currency GLOB '[A-Z][A-Z][A-Z]'),
    frequency     TEXT CHECK (frequency IS NULL OR frequency IN ('once', 'weekly', 'monthly')),
    cancelled_on  TEXT CHECK (cancelled_on IS NULL OR cancelled_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    cancelled_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((end_kind = 'date') = (ends_on IS NOT NULL)),
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CHECK ((kind = 'money') = (amount_cents IS NOT NULL)),
    CHECK ((amount_cents IS NULL) = (currency IS NULL) AND (amount_cents IS NULL) = (frequency IS NULL))
) STRICT;

CREATE INDEX commitments_case ON commitments (case_id, starts_on, id);
-- Needs are met by commitments of their kind in their case.
CREATE INDEX commitments_case_kind ON commitments (case_id, kind);

-- The members responsible for a commitment. group_id is the case's group,
-- so that leaving the group ends one's responsibilities (trigger below).
CREATE TABLE commitment_holders (
    commitment_id  TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id       TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (commitment_id, user_id)
) STRICT;

-- A member's own tasks (/me/tasks) in their current group.
CREATE INDEX commitment_holders_user ON commitment_holders (user_id, group_id);

-- What was actually given: an amount (money) or a description, by whom.
CREATE TABLE commitment_records (
    id             TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    commitment_id  TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    given_on       TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    amount_cents   INTEGER CHECK (amount_cents IS NULL OR amount_cents BETWEEN 1 AND 100000000),
    description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 300),
    given_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    CHECK (amount_cents IS NOT NULL OR description <> '')
) STRICT;

CREATE INDEX commitment_records_commitment ON commitment_records (commitment_id, given_on, id);
CREATE INDEX commitment_records_case ON commitment_records (case_id, given_on);

-- Kinds of help a group marked as needed for a case, until a day (NULL: no end).
CREATE TABLE case_needs (
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id    TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('housing', 'money', 'transport', 'court', 'checkin', 'legal',
                    'health', 'school', 'language', 'jobs', 'orientation', 'other')),
    until       TEXT CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, kind)
) STRICT;

CREATE INDEX case_needs_group ON case_needs (group_id);

-- Who goes to an appointment, in which role.
CREATE TABLE appointment_signups (
    appointment_id  TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id        TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('companion', 'driver', 'interpreter')),
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (appointment_id, user_id)
) STRICT;

CREATE INDEX appointment_signups_user ON appointment_signups (user_id, group_id);
CREATE INDEX appointment_signups_case ON appointment_signups (case_id);

-- Someone who leaves a group (or is removed) no longer goes anywhere or
-- holds anything for it: a hearing they were going to shows nobody going.
CREATE TRIGGER memberships_leave_group
AFTER DELETE ON memberships
BEGIN
    DELETE FROM appointment_signups WHERE user_id = OLD.user_id AND group_id = OLD.org_id;
    DELETE FROM commitment_holders WHERE user_id = OLD.user_id AND group_id = OLD.org_id;
END;

-- 3. The case history names whom an entry is about (who was signed up or
--    made responsible), by id; never free text.
ALTER TABLE case_history ADD COLUMN subject_id TEXT REFERENCES users (id) ON DELETE SET NULL;
