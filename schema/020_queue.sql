-- The placement network's queue of people who need a sponsor, their
-- pipeline history, and the offers of a person to a sponsor group
-- (issue 13). The least data that serves: a pseudonym or initials, never a
-- name; children's ages in whole years, never birth dates; the A-number and
-- detention facility sealed (*_enc, bound to table, column and row id, as
-- in people).

CREATE TABLE queue_entries (
    id              TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    pseudonym       TEXT NOT NULL CHECK (length(pseudonym) BETWEEN 1 AND 80),
    -- Language codes from model.Languages, comma-separated, sorted.
    languages       TEXT NOT NULL DEFAULT '' CHECK (length(languages) <= 200),
    adults          INTEGER NOT NULL CHECK (adults BETWEEN 1 AND 20),
    -- Children's ages in whole years, comma-separated, youngest first.
    child_ages      TEXT NOT NULL DEFAULT '' CHECK (length(child_ages) <= 100),
    decision_date   TEXT NOT NULL DEFAULT '' CHECK (decision_date = '' OR decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    detained_since  TEXT NOT NULL DEFAULT '' CHECK (detained_since = '' OR detained_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Sort key of urgency: the decision date (soonest first), then the
    -- detention's start (longest first); '9999-12-31' for an unknown date.
    urgency         TEXT NOT NULL,
    region_id       TEXT REFERENCES network_regions (id) ON DELETE SET NULL,
    -- Needs from model.QueueNeeds, comma-separated, sorted.
    needs           TEXT NOT NULL DEFAULT '' CHECK (length(needs) <= 200),
    -- The sender's reference (intake): a row sent twice is recognised.
    external_ref    TEXT CHECK (external_ref IS NULL OR length(external_ref) BETWEEN 1 AND 100),
    anumber_enc     BLOB,
    facility_enc    BLOB,
    state           TEXT NOT NULL CHECK (state IN (
                        'referred', 'details_gathered', 'seeking_sponsor', 'offered', 'accepted',
                        'packet_submitted', 'decision_granted', 'decision_denied', 'bond_set', 'bond_paid',
                        'released', 'arrived', 'closed')),
    state_changed_at TEXT NOT NULL,
    close_reason    TEXT CHECK (close_reason IN ('placement_ended', 'found_elsewhere', 'released_elsewhere',
                        'removed', 'withdrew', 'other')),
    -- The case opened in the accepting group's space at hand-off.
    case_id         TEXT REFERENCES cases (id) ON DELETE SET NULL,
    group_id        TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((state = 'closed') = (close_reason IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX queue_entries_ref ON queue_entries (network_id, external_ref) WHERE external_ref IS NOT NULL;
-- The queue page: all states or one, by urgency.
CREATE INDEX queue_entries_urgency ON queue_entries (network_id, urgency, id);
CREATE INDEX queue_entries_state ON queue_entries (network_id, state, urgency, id);
CREATE INDEX queue_entries_case ON queue_entries (case_id) WHERE case_id IS NOT NULL;
-- The placements page: people handed to a group, latest change first.
CREATE INDEX queue_entries_placed ON queue_entries (network_id, state_changed_at, id) WHERE case_id IS NOT NULL;

-- Every change of an entry's state: when and who.
CREATE TABLE queue_state_changes (
    id        INTEGER PRIMARY KEY,
    entry_id  TEXT NOT NULL REFERENCES queue_entries (id) ON DELETE CASCADE,
    state     TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 40),
    at        TEXT NOT NULL,
    actor_id  TEXT REFERENCES users (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX queue_state_changes_entry ON queue_state_changes (entry_id, id);

-- An offer of one person to one sponsor group: a capability, checked at
-- use (open, not past expires_at, the group still approved). state 'open'
-- past expires_at is dead, whatever the row says.
CREATE TABLE queue_offers (
    id           TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    entry_id     TEXT NOT NULL REFERENCES queue_entries (id) ON DELETE CASCADE,
    group_id     TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state        TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'declined', 'withdrawn', 'expired')),
    created_at   TEXT NOT NULL,
    created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    expires_at   TEXT NOT NULL CHECK (expires_at > created_at),
    decided_at   TEXT,
    decided_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- Why the group declined (a code from model.DeclineReasons) and, at
    -- most, a short sentence; never about the person.
    reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 40),
    reason_note  TEXT NOT NULL DEFAULT '' CHECK (length(reason_note) <= 300),
    case_id      TEXT REFERENCES cases (id) ON DELETE SET NULL
) STRICT;

-- At most one open offer per person.
CREATE UNIQUE INDEX queue_offers_open ON queue_offers (entry_id) WHERE state = 'open';
CREATE INDEX queue_offers_entry ON queue_offers (entry_id, created_at);
CREATE INDEX queue_offers_group ON queue_offers (group_id, state, expires_at);
-- Expiry at use: the network's open offers by when they lapse.
CREATE INDEX queue_offers_lapse ON queue_offers (network_id, expires_at) WHERE state = 'open';
CREATE INDEX queue_offers_case ON queue_offers (case_id) WHERE case_id IS NOT NULL;
