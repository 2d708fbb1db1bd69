-- Time: every organisation counts its days in its own IANA time zone; an
-- appointment's date and time are local to its place, whose zone it keeps,
-- and the instant it starts is stored so that lists order by it; a calendar
-- feed keeps the language of the page that created it.

-- Organisations created before zones existed get Eastern time (tz.Default):
-- the earliest mainland US day, so nothing turns overdue later than it would
-- anywhere on the mainland. Their managers can change it in the settings.
ALTER TABLE organisations ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'America/New_York'
    CHECK (length(time_zone) BETWEEN 1 AND 64);

-- time_zone: the zone of the place (a court in another state); existing
-- appointments were entered as the group's local time.
ALTER TABLE appointments ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''
    CHECK (length(time_zone) <= 64);
UPDATE appointments SET time_zone = (SELECT o.time_zone FROM organisations o WHERE o.id = appointments.group_id);

-- starts_at: the instant the appointment begins (RFC 3339 UTC, the store's
-- fixed-width layout), or the start of its day at the place when it has no
-- time. SQLite cannot convert zones, so the rows that exist get it from the
-- store at start-up (Store.backfillAppointmentInstants); until then ''.
ALTER TABLE appointments ADD COLUMN starts_at TEXT NOT NULL DEFAULT ''
    CHECK (starts_at = '' OR starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z');

-- Lists order and filter appointments by instant: a case's, a group's next
-- hearings, a feed's window.
DROP INDEX appointments_case;
DROP INDEX appointments_group_date;
CREATE INDEX appointments_case_start ON appointments (case_id, starts_at, id);
CREATE INDEX appointments_group_start ON appointments (group_id, starts_at, id);

-- The language a feed's titles are written in: the page's language when it
-- was created. Existing feeds take the account's chosen language, else
-- English (what they were served in until now).
ALTER TABLE calendar_feeds ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es'));
UPDATE calendar_feeds SET lang = 'es' WHERE user_id IN (SELECT id FROM users WHERE lang = 'es');
