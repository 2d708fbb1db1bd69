-- Any language Puente has message files for (issue 12): users.lang and
-- calendar_feeds.lang were limited to 'en' and 'es' by CHECK constraints.
-- Which languages exist is now decided in Go, by the locale files
-- (internal/i18n: a language is its files); the database only keeps the
-- shape of a language code: letters, digits and dashes, 2 to 35 characters
-- ('' in users.lang still means "follow the browser").
--
-- SQLite cannot change a CHECK constraint in place, so both tables are
-- rebuilt by the procedure of https://www.sqlite.org/lang_altertable.html
-- ("Making Other Kinds Of Table Schema Changes", the 12 steps): foreign
-- keys off, one transaction, create the new table from the old one's
-- definition with the new constraint, copy every row, drop the old table,
-- rename the new one, recreate its indexes and triggers, check foreign
-- keys, commit, foreign keys on. That is done by the store's migration
-- runner (internal/store/rebuild.go, rebuildLanguages) before this file's
-- statements, and not in SQL here, because the users table's columns
-- depend on the order migrations ran in: on a database made before this
-- file existed, 017_email.sql (users.digest and its index) was applied
-- before this one, and on a new database after it. Reading the table's
-- own definition and columns keeps whatever columns, indexes and triggers
-- it has.


-- A network's own checklist items in every language Puente has files for
-- (issue 12): English and Spanish stay in their columns (both required of
-- a network's words); any other language's words are the texts column,
-- a JSON object by language code: {"fr": {"title": "…", "why": "…",
-- "how": "…", "bring": "…"}} ('{}' for none). A case's copy of an item
-- keeps them, as it keeps the English and Spanish. They are a template's
-- words, never a case's (a group's own item has only its title).
ALTER TABLE checklist_version_items ADD COLUMN texts TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(texts) AND json_type(texts) = 'object' AND length(texts) <= 20000);
ALTER TABLE case_checklist_items ADD COLUMN texts TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(texts) AND json_type(texts) = 'object' AND length(texts) <= 20000);
