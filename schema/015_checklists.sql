-- Checklists that teach (issue 12): per-network versions of the shipped
-- checklist templates, and the checklists a group gives its cases.
--
-- The shipped templates live in the binary (internal/checklist, words in
-- the message files); a network's edits are rows here, each edit a new
-- version holding the whole list. An item of a shipped template keeps its
-- text_key (its words come from the message files, so a translator's fix
-- reaches every case); an item a network wrote or changed holds its words
-- in both languages. A case's checklist is a copy of the items it was
-- given: a later version never changes it, until a coordinator pulls the
-- new items in.

CREATE TABLE checklist_versions (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL CHECK (stage IN ('ready', 'before_release', 'first_week', 'legal', 'daily_life',
                    'privacy', 'ending')),
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (network_id, stage, version)
) STRICT;

CREATE TABLE checklist_version_items (
    version_id  TEXT NOT NULL REFERENCES checklist_versions (id) ON DELETE CASCADE,
    item_key    TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 64),
    position    INTEGER NOT NULL,
    text_key    TEXT NOT NULL DEFAULT '' CHECK (length(text_key) <= 120),
    title_en    TEXT NOT NULL DEFAULT '' CHECK (length(title_en) <= 200),
    title_es    TEXT NOT NULL DEFAULT '' CHECK (length(title_es) <= 200),
    why_en      TEXT NOT NULL DEFAULT '' CHECK (length(why_en) <= 1000),
    why_es      TEXT NOT NULL DEFAULT '' CHECK (length(why_es) <= 1000),
    how_en      TEXT NOT NULL DEFAULT '' CHECK (length(how_en) <= 1000),
    how_es      TEXT NOT NULL DEFAULT '' CHECK (length(how_es) <= 1000),
    bring_en    TEXT NOT NULL DEFAULT '' CHECK (length(bring_en) <= 1000),
    bring_es    TEXT NOT NULL DEFAULT '' CHECK (length(bring_es) <= 1000),
    source_url  TEXT NOT NULL DEFAULT '' CHECK (length(source_url) <= 300),
    rule_id     TEXT NOT NULL DEFAULT '' CHECK (length(rule_id) <= 64),
    role        TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 20),
    PRIMARY KEY (version_id, item_key),
    -- Both languages are required of a network's own words.
    CHECK (text_key <> '' OR (title_en <> '' AND title_es <> ''))
) STRICT;

CREATE TABLE case_checklists (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id    TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL CHECK (stage IN ('ready', 'before_release', 'first_week', 'legal', 'daily_life',
                    'privacy', 'ending')),
    -- The version the items came from: 0 is the shipped template.
    version     INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (case_id, stage)
) STRICT;

CREATE TABLE case_checklist_items (
    id            TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    checklist_id  TEXT NOT NULL REFERENCES case_checklists (id) ON DELETE CASCADE,
    case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    group_id      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    item_key      TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 64),
    position      INTEGER NOT NULL,
    -- The group's own item (its words as typed, in title_en and title_es).
    own           INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1)),
    text_key      TEXT NOT NULL DEFAULT '' CHECK (length(text_key) <= 120),
    title_en      TEXT NOT NULL DEFAULT '' CHECK (length(title_en) <= 200),
    title_es      TEXT NOT NULL DEFAULT '' CHECK (length(title_es) <= 200),
    why_en        TEXT NOT NULL DEFAULT '' CHECK (length(why_en) <= 1000),
    why_es        TEXT NOT NULL DEFAULT '' CHECK (length(why_es) <= 1000),
    how_en        TEXT NOT NULL DEFAULT '' CHECK (length(how_en) <= 1000),
    how_es        TEXT NOT NULL DEFAULT '' CHECK (length(how_es) <= 1000),
    bring_en      TEXT NOT NULL DEFAULT '' CHECK (length(bring_en) <= 1000),
    bring_es      TEXT NOT NULL DEFAULT '' CHECK (length(bring_es) <= 1000),
    source_url    TEXT NOT NULL DEFAULT '' CHECK (length(source_url) <= 300),
    rule_id       TEXT NOT NULL DEFAULT '' CHECK (length(rule_id) <= 64),
    role          TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 20),
    state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'not_applicable')),
    na_reason     TEXT NOT NULL DEFAULT '' CHECK (length(na_reason) <= 300),
    ticked_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    ticked_at     TEXT,
    assignee_id   TEXT REFERENCES users (id) ON DELETE SET NULL,
    due_on        TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (checklist_id, item_key),
    CHECK (text_key <> '' OR title_en <> ''),
    CHECK ((state = 'done') = (ticked_at IS NOT NULL)),
    -- A reason only for an item set aside (the store requires one; a
    -- purge clears it).
    CHECK (state = 'not_applicable' OR na_reason = '')
) STRICT;

-- A checklist's items in order; a case page counts them per checklist.
CREATE INDEX case_checklist_items_list ON case_checklist_items (checklist_id, position);
-- A member's assigned items (/me/tasks) and a group's (home page).
CREATE INDEX case_checklist_items_assignee ON case_checklist_items (assignee_id, group_id) WHERE state = 'open';
CREATE INDEX case_checklist_items_group ON case_checklist_items (group_id, state) WHERE assignee_id IS NOT NULL;
-- A case's items (a purge), and those tied to a deadline rule, found when
-- the deadline is marked.
CREATE INDEX case_checklist_items_case ON case_checklist_items (case_id, rule_id);
CREATE INDEX case_checklists_case ON case_checklists (case_id, stage);

-- Someone who leaves a group no longer holds its items.
CREATE TRIGGER memberships_leave_group_items
AFTER DELETE ON memberships
BEGIN
    UPDATE case_checklist_items SET assignee_id = NULL WHERE assignee_id = OLD.user_id AND group_id = OLD.org_id;
END;
