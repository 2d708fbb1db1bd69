-- Cases, their household, facts, events, computed deadlines and what people
-- recorded about them; the audit log; calendar feeds.
--
-- Columns ending in _enc hold AES-256-GCM ciphertext (nonce || sealed),
-- bound to table, column and row id: A-number, exact address, date of
-- birth, detention facility. Nothing else here is encrypted, so nothing
-- else may hold those values.

CREATE TABLE meta (
    key    TEXT NOT NULL PRIMARY KEY,
    value  BLOB NOT NULL
) STRICT;

CREATE TABLE cases (
    id                 TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    group_id           TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- A short random code that stands for the case where a name must not
    -- appear (calendar feeds, notifications).
    code               TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 4 AND 16),
    status             TEXT NOT NULL CHECK (status IN (
                           'referred', 'details_gathered', 'seeking_sponsor', 'group_offered',
                           'group_accepted', 'packet_submitted', 'decision_granted', 'decision_denied',
                           'bond_set', 'bond_paid', 'released', 'arrived', 'placement_active',
                           'placement_ended')),
    status_changed_at  TEXT NOT NULL,
    closed_at          TEXT,
    close_reason       TEXT CHECK (close_reason IN ('self_sufficient', 'moved', 're_detained', 'removed', 'other')),
    court              TEXT NOT NULL DEFAULT '' CHECK (length(court) <= 200),
    lawyer_name        TEXT NOT NULL DEFAULT '' CHECK (length(lawyer_name) <= 200),
    lawyer_contact     TEXT NOT NULL DEFAULT '' CHECK (length(lawyer_contact) <= 300),
    address_enc        BLOB,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
    CHECK (closed_at IS NULL OR status = 'placement_ended')
) STRICT;

CREATE INDEX cases_group_open ON cases (group_id, closed_at, updated_at);
CREATE INDEX cases_group_status ON cases (group_id, status, updated_at);

CREATE TABLE case_status_changes (
    id        INTEGER PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    status    TEXT NOT NULL,
    at        TEXT NOT NULL,
    actor_id  TEXT REFERENCES users (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX case_status_changes_case ON case_status_changes (case_id, id);

CREATE TABLE people (
    id                TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id           TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    is_principal      INTEGER NOT NULL CHECK (is_principal IN (0, 1)),
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    preferred_name    TEXT NOT NULL DEFAULT '' CHECK (length(preferred_name) <= 100),
    relationship      TEXT NOT NULL DEFAULT '' CHECK (length(relationship) <= 100),
    languages         TEXT NOT NULL DEFAULT '' CHECK (length(languages) <= 200),
    country_of_birth  TEXT NOT NULL DEFAULT '' CHECK (length(country_of_birth) <= 100),
    last_us_arrival   TEXT CHECK (last_us_arrival IS NULL OR last_us_arrival GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    release_date      TEXT CHECK (release_date IS NULL OR release_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    dob_enc           BLOB,
    facility_enc      BLOB,
    anumber_enc       BLOB,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX people_case ON people (case_id, is_principal DESC, name);
CREATE UNIQUE INDEX people_one_principal ON people (case_id) WHERE is_principal = 1;

-- Dated facts that deadlines count from. person_id NULL: the whole
-- household (arrival at the sponsor's home, later moves).
CREATE TABLE facts (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    person_id   TEXT REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('arrival', 'move', 'i589_filed', 'clock_pause', 'decision',
                    'final_order', 'grant', 'ead_expiry', 'fee_notice')),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date    TEXT CHECK (end_date IS NULL OR (kind = 'clock_pause' AND end_date >= date)),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at  TEXT NOT NULL,
    CHECK ((kind IN ('arrival', 'move')) = (person_id IS NULL))
) STRICT;

CREATE INDEX facts_case ON facts (case_id, date);

-- Scheduled appointments: hearings, check-ins, biometrics appointments.
CREATE TABLE appointments (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id    TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id   TEXT REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('master_hearing', 'individual_hearing', 'ice_checkin', 'biometrics', 'other')),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    time        TEXT NOT NULL DEFAULT '' CHECK (time = '' OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
    place       TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 200),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX appointments_case ON appointments (case_id, date);
CREATE INDEX appointments_group_date ON appointments (group_id, date);

-- Deadlines as the engine last computed them, so that lists and the home
-- page read them with an index instead of recomputing every case. They are
-- rewritten in the transaction of every change to a fact they depend on.
CREATE TABLE deadlines (
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    key        TEXT NOT NULL CHECK (length(key) <= 300),
    rule_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    due        TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (case_id, key)
) STRICT;

CREATE INDEX deadlines_group_due ON deadlines (group_id, due);

-- What people recorded about a deadline or an event: done on a date, not
-- applicable, a note. Keyed by the deadline's stable key (or "appointment/<id>"),
-- so it survives recomputation when a trigger date moves.
CREATE TABLE marks (
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    key         TEXT NOT NULL CHECK (length(key) <= 300),
    state       TEXT NOT NULL CHECK (state IN ('open', 'done', 'not_applicable')),
    done_on     TEXT CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    updated_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, key)
) STRICT;

-- What changed in a case, by whom and when: field names, never values.
CREATE TABLE case_history (
    id        INTEGER PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    actor_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    action    TEXT NOT NULL CHECK (length(action) <= 40),
    fields    TEXT NOT NULL DEFAULT '' CHECK (length(fields) <= 500)
) STRICT;

CREATE INDEX case_history_case ON case_history (case_id, id);

-- Reads of case pages and reveals of sensitive fields. Append-only.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     TEXT REFERENCES users (id) ON DELETE SET NULL,
    org_id       TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    action       TEXT NOT NULL CHECK (action IN ('view', 'reveal', 'feed')),
    object_type  TEXT NOT NULL CHECK (length(object_type) <= 20),
    object_id    TEXT NOT NULL CHECK (length(object_id) <= 64),
    field        TEXT NOT NULL DEFAULT '' CHECK (length(field) <= 40)
) STRICT;

CREATE INDEX audit_log_org ON audit_log (org_id, id);
CREATE INDEX audit_log_object ON audit_log (object_id, id);

CREATE TRIGGER audit_log_no_update
BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.action IS NOT OLD.action
  OR NEW.object_type IS NOT OLD.object_type OR NEW.object_id IS NOT OLD.object_id OR NEW.field IS NOT OLD.field
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

CREATE TABLE calendar_feeds (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;

CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id, created_at);
