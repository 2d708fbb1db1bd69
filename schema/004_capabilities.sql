-- Bearer links are capabilities, checked when they are used (issue 8,
-- SECURITY.md "Authority at the moment of use").
--
-- A link (password reset, invitation, calendar feed, and any later one)
-- works only while its issuer still holds the authority it needed over
-- every organisation the link reaches, and while the person it acts on has
-- gained no role since it was issued. To know the second, each link that
-- acts on an account keeps that account's memberships at the moment of
-- issue in target_roles: "org_id:role" entries joined by ",", '' for none.
-- Triggers fill it on insert, so no code path can issue a link without it.

-- Password resets gain an id (so that a link can be listed and revoked
-- without its token or hash in a URL), revoked_at and target_roles. SQLite
-- cannot add a primary key to a table, so the table is rebuilt.
CREATE TABLE password_resets_new (
    id            TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    org_id        TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    target_roles  TEXT NOT NULL DEFAULT '' CHECK (length(target_roles) <= 20000),
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    used_at       TEXT,
    revoked_at    TEXT,
    CHECK (expires_at > created_at)
) STRICT;

-- Links already out are snapshotted as of today: from now on, a role their
-- target gains kills them.
INSERT INTO password_resets_new (id, token_hash, user_id, issued_by, org_id, target_roles, created_at, expires_at, used_at)
SELECT lower(hex(randomblob(16))), r.token_hash, r.user_id, r.issued_by, r.org_id,
       coalesce((SELECT group_concat(m.org_id || ':' || m.role, ',') FROM memberships m WHERE m.user_id = r.user_id), ''),
       r.created_at, r.expires_at, r.used_at
FROM password_resets r;

DROP TABLE password_resets;
ALTER TABLE password_resets_new RENAME TO password_resets;

CREATE INDEX password_resets_user ON password_resets (user_id);
-- The organisation page lists the links issued from it that are still out.
CREATE INDEX password_resets_org ON password_resets (org_id, created_at) WHERE used_at IS NULL AND revoked_at IS NULL;

CREATE TRIGGER password_resets_target_roles
AFTER INSERT ON password_resets
BEGIN
    UPDATE password_resets
    SET target_roles = coalesce((SELECT group_concat(m.org_id || ':' || m.role, ',') FROM memberships m WHERE m.user_id = NEW.user_id), '')
    WHERE id = NEW.id;
END;

-- Calendar feeds: the owner is both issuer and target.
ALTER TABLE calendar_feeds ADD COLUMN target_roles TEXT NOT NULL DEFAULT '';

UPDATE calendar_feeds
SET target_roles = coalesce((SELECT group_concat(m.org_id || ':' || m.role, ',') FROM memberships m WHERE m.user_id = calendar_feeds.user_id), '');

CREATE TRIGGER calendar_feeds_target_roles
AFTER INSERT ON calendar_feeds
BEGIN
    UPDATE calendar_feeds
    SET target_roles = coalesce((SELECT group_concat(m.org_id || ':' || m.role, ',') FROM memberships m WHERE m.user_id = NEW.user_id), '')
    WHERE id = NEW.id;
END;

-- The security log learns two events: a link refused at use
-- ('link_refused', detail = the kind of link) and a reset link revoked.
-- A CHECK cannot be altered, so the table is rebuilt with its rows, ids,
-- indexes and append-only triggers. (DROP TABLE's implicit delete fires no
-- trigger.)
CREATE TABLE security_events_new (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    event       TEXT NOT NULL CHECK (event IN (
                    'signin', 'signin_failed', 'lockout', 'signout',
                    'invitation_issued', 'invitation_accepted', 'invitation_revoked',
                    'role_changed', 'member_removed', 'reset_issued', 'reset_used',
                    'password_changed', 'group_created', 'setup',
                    'link_refused', 'reset_revoked')),
    org_id      TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    actor_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    subject_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    detail      TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 300),
    ip          TEXT NOT NULL DEFAULT '' CHECK (length(ip) <= 64)
) STRICT;

INSERT INTO security_events_new (id, at, event, org_id, actor_id, subject_id, detail, ip)
SELECT id, at, event, org_id, actor_id, subject_id, detail, ip FROM security_events;

DROP TABLE security_events;
ALTER TABLE security_events_new RENAME TO security_events;

CREATE INDEX security_events_org ON security_events (org_id, id);
CREATE INDEX security_events_actor ON security_events (actor_id, id);
CREATE INDEX security_events_subject ON security_events (subject_id, id);
-- Addresses an account has signed in from: the per-account sign-in limit
-- does not let strangers lock the owner out of them.
CREATE INDEX security_events_signin_ip ON security_events (actor_id, ip, at) WHERE event = 'signin';
-- Recent changes to an organisation's people, shown to its managers: the
-- list of events is spelled exactly as in store.PeopleChanges, so SQLite
-- can use this partial index.
CREATE INDEX security_events_people ON security_events (org_id, id)
WHERE event IN ('invitation_issued', 'invitation_accepted', 'invitation_revoked', 'role_changed',
                'member_removed', 'reset_issued', 'reset_revoked', 'link_refused');

CREATE TRIGGER security_events_no_update
BEFORE UPDATE ON security_events
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.event IS NOT OLD.event
  OR NEW.detail IS NOT OLD.detail OR NEW.ip IS NOT OLD.ip
  OR (NEW.org_id IS NOT OLD.org_id AND NEW.org_id IS NOT NULL)
  OR (NEW.actor_id IS NOT OLD.actor_id AND NEW.actor_id IS NOT NULL)
  OR (NEW.subject_id IS NOT OLD.subject_id AND NEW.subject_id IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'security_events is append-only');
END;

CREATE TRIGGER security_events_no_delete
BEFORE DELETE ON security_events
BEGIN
    SELECT RAISE(ABORT, 'security_events is append-only');
END;
