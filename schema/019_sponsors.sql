-- Sponsor groups as their placement network sees them (issue 13): the
-- regions and vetting items a network defines, each group's profile, and
-- the vetting items the network has recorded for a group. Approval is never
-- stored: it is computed from the records and today's date (model.Vetting).

-- A named area the network places people in. Profiles point at one of
-- these, never at a street address (DOMAIN.md, "Privacy and safety").
CREATE TABLE network_regions (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    created_at  TEXT NOT NULL,
    UNIQUE (network_id, name)
) STRICT;

-- What the network requires of every group before it is approved, and for
-- how many days a record of it stays valid. per_adult: one record for each
-- adult of the hosting household (a background check).
CREATE TABLE vetting_items (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    valid_days  INTEGER NOT NULL CHECK (valid_days BETWEEN 1 AND 3650),
    per_adult   INTEGER NOT NULL DEFAULT 0 CHECK (per_adult IN (0, 1)),
    created_at  TEXT NOT NULL,
    UNIQUE (network_id, name)
) STRICT;

-- A group's profile, kept by its coordinators. private_notes are the
-- group's own: never shown to network staff. stage holds only the stages
-- people declare (interested, applied, resting); vetted and approved are
-- computed from the vetting records.
CREATE TABLE sponsor_profiles (
    group_id          TEXT NOT NULL PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    network_id        TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    region_id         TEXT REFERENCES network_regions (id) ON DELETE SET NULL,
    -- Language codes from model.Languages, comma-separated, sorted.
    languages         TEXT NOT NULL DEFAULT '' CHECK (length(languages) <= 200),
    adults            INTEGER NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 20),
    beds              INTEGER NOT NULL DEFAULT 0 CHECK (beds BETWEEN 0 AND 50),
    private_room      INTEGER NOT NULL DEFAULT 0 CHECK (private_room IN (0, 1)),
    accepts_children  INTEGER NOT NULL DEFAULT 0 CHECK (accepts_children IN (0, 1)),
    wheelchair        INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair IN (0, 1)),
    host_months       INTEGER NOT NULL DEFAULT 0 CHECK (host_months BETWEEN 0 AND 60),
    available_from    TEXT NOT NULL DEFAULT '' CHECK (available_from = '' OR available_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    pledge_cents      INTEGER NOT NULL DEFAULT 0 CHECK (pledge_cents BETWEEN 0 AND 100000000),
    max_placements    INTEGER NOT NULL DEFAULT 0 CHECK (max_placements BETWEEN 0 AND 20),
    stage             TEXT NOT NULL DEFAULT 'interested' CHECK (stage IN ('interested', 'applied', 'resting')),
    private_notes     TEXT NOT NULL DEFAULT '' CHECK (length(private_notes) <= 2000),
    updated_at        TEXT NOT NULL,
    updated_by        TEXT REFERENCES users (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX sponsor_profiles_network ON sponsor_profiles (network_id, region_id);

-- One vetting item done for a group on done_on; it stays valid until the
-- day before expires_on (done_on + the item's valid_days at the time it was
-- recorded, so a later change to the item does not rewrite history).
-- subject: the initials of the adult a per-adult item is about, else ''.
CREATE TABLE vetting_records (
    id           TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    group_id     TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL REFERENCES vetting_items (id) ON DELETE CASCADE,
    subject      TEXT NOT NULL DEFAULT '' CHECK (length(subject) <= 40),
    done_on      TEXT NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    expires_on   TEXT NOT NULL CHECK (expires_on > done_on),
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT REFERENCES users (id) ON DELETE SET NULL
) STRICT;

-- A group's records (its vetting status), and the network's records by
-- expiry (what expires in the next 60 days).
CREATE INDEX vetting_records_group ON vetting_records (group_id, item_id, expires_on);
CREATE INDEX vetting_records_expiry ON vetting_records (network_id, expires_on);
