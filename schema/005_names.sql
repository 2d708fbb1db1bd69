-- Names that sort and search like people expect (issue 7 §6).
--
-- sort_en, sort_es: the collation key of a name in that language
-- (golang.org/x/text/collate, internal/names). Compared as BLOBs (memcmp)
-- they order names as English or Spanish speakers do: "ana" before
-- "Beatriz", "Óscar" before "Zoe", and in Spanish "Cantú" before "Cañas".
-- search_terms: the folded words of people's names (NFD, marks removed,
-- case folded), so "perez" finds "Pérez". Both are derived from the name
-- and written by the store in the transaction that writes the name; the
-- store recomputes them all at start-up when the folding or collation
-- rules change (meta 'name_keys'), which is also how rows from before this
-- migration get theirs. Sensitive fields never feed either.

ALTER TABLE users ADD COLUMN sort_en BLOB;
ALTER TABLE users ADD COLUMN sort_es BLOB;
ALTER TABLE organisations ADD COLUMN sort_en BLOB;
ALTER TABLE organisations ADD COLUMN sort_es BLOB;
ALTER TABLE people ADD COLUMN sort_en BLOB;
ALTER TABLE people ADD COLUMN sort_es BLOB;
-- Copies of the principal's keys (cases) and of the member's (memberships),
-- kept by the triggers below, so that each list pages through one index.
ALTER TABLE cases ADD COLUMN sort_en BLOB;
ALTER TABLE cases ADD COLUMN sort_es BLOB;
ALTER TABLE memberships ADD COLUMN sort_en BLOB;
ALTER TABLE memberships ADD COLUMN sort_es BLOB;

-- The case list sorted by name, one page at a time, per language. id breaks
-- ties in the same order on every page; closed_at and status let the state
-- and status filters be checked in the index, so a deep page skips its
-- offset without reading the cases it skips.
CREATE INDEX cases_group_sort_en ON cases (group_id, sort_en, id, closed_at, status);
CREATE INDEX cases_group_sort_es ON cases (group_id, sort_es, id, closed_at, status);
-- A household: the principal first, then by name.
CREATE INDEX people_case_sort_en ON people (case_id, is_principal DESC, sort_en, id);
CREATE INDEX people_case_sort_es ON people (case_id, is_principal DESC, sort_es, id);
-- Members: by role ('admin' < 'coordinator' < 'member', managers first), then name.
CREATE INDEX memberships_org_sort_en ON memberships (org_id, role, sort_en, user_id);
CREATE INDEX memberships_org_sort_es ON memberships (org_id, role, sort_es, user_id);
-- A network's groups by name.
CREATE INDEX organisations_network_sort_en ON organisations (network_id, sort_en, id) WHERE network_id IS NOT NULL;
CREATE INDEX organisations_network_sort_es ON organisations (network_id, sort_es, id) WHERE network_id IS NOT NULL;

-- One row per word of a person's name or preferred name. A search word
-- matches the terms it begins (a range on the primary key), within the
-- viewer's group only.
CREATE TABLE search_terms (
    group_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    term       TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 64),
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    case_id    TEXT NOT NULL,
    PRIMARY KEY (group_id, term, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX search_terms_person ON search_terms (person_id);

-- A row cannot be inserted without its keys: every insert goes through the
-- store, which computes them (a forgotten path fails loudly in tests
-- instead of sorting silently first).
CREATE TRIGGER users_sort_keys_required BEFORE INSERT ON users
WHEN NEW.sort_en IS NULL OR NEW.sort_es IS NULL
BEGIN
    SELECT RAISE(ABORT, 'users: sort keys missing');
END;

CREATE TRIGGER organisations_sort_keys_required BEFORE INSERT ON organisations
WHEN NEW.sort_en IS NULL OR NEW.sort_es IS NULL
BEGIN
    SELECT RAISE(ABORT, 'organisations: sort keys missing');
END;

CREATE TRIGGER people_sort_keys_required BEFORE INSERT ON people
WHEN NEW.sort_en IS NULL OR NEW.sort_es IS NULL
BEGIN
    SELECT RAISE(ABORT, 'people: sort keys missing');
END;

-- What is derived from a name never outlives it: a changed name drops its
-- keys and terms (the store writes the new ones next, in the same
-- transaction). A purge that overwrites a name leaves nothing of it behind.
CREATE TRIGGER people_name_changed AFTER UPDATE OF name, preferred_name ON people
WHEN NEW.name IS NOT OLD.name OR NEW.preferred_name IS NOT OLD.preferred_name
BEGIN
    UPDATE people SET sort_en = NULL, sort_es = NULL WHERE id = NEW.id AND NEW.name IS NOT OLD.name;
    DELETE FROM search_terms WHERE person_id = NEW.id;
END;

CREATE TRIGGER users_name_changed AFTER UPDATE OF name ON users
WHEN NEW.name IS NOT OLD.name
BEGIN
    UPDATE users SET sort_en = NULL, sort_es = NULL WHERE id = NEW.id;
END;

CREATE TRIGGER organisations_name_changed AFTER UPDATE OF name ON organisations
WHEN NEW.name IS NOT OLD.name
BEGIN
    UPDATE organisations SET sort_en = NULL, sort_es = NULL WHERE id = NEW.id;
END;

-- The copies follow their source.
CREATE TRIGGER people_principal_keys_insert AFTER INSERT ON people
WHEN NEW.is_principal = 1
BEGIN
    UPDATE cases SET sort_en = NEW.sort_en, sort_es = NEW.sort_es WHERE id = NEW.case_id;
END;

CREATE TRIGGER people_principal_keys_update AFTER UPDATE OF sort_en, sort_es, is_principal ON people
WHEN NEW.is_principal = 1
BEGIN
    UPDATE cases SET sort_en = NEW.sort_en, sort_es = NEW.sort_es WHERE id = NEW.case_id;
END;

CREATE TRIGGER memberships_keys_insert AFTER INSERT ON memberships
BEGIN
    UPDATE memberships SET (sort_en, sort_es) = (SELECT sort_en, sort_es FROM users WHERE id = NEW.user_id)
    WHERE user_id = NEW.user_id AND org_id = NEW.org_id;
END;

CREATE TRIGGER users_keys_update AFTER UPDATE OF sort_en, sort_es ON users
BEGIN
    UPDATE memberships SET sort_en = NEW.sort_en, sort_es = NEW.sort_es WHERE user_id = NEW.id;
END;
