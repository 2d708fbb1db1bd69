-- Structured intake (issue 13): API tokens a network's admins create for
-- the systems that refer people to it (POST /api/v1/intake). A token
-- belongs to one network and writes only there.
--
-- Only the SHA-256 of a token is stored: it carries 256 random bits, so a
-- fast hash is enough, and a copied database yields nothing usable. prefix
-- is the token's first characters ("pnt_" and six more), shown in the list
-- so that people can tell their tokens apart; it is not secret and cannot
-- be used alone. A token is checked when it is used: revoked, it answers
-- 401; its creator no longer an admin of the network, it is revoked then
-- and the refusal logged (SECURITY.md, "Authority at the moment of use").
CREATE TABLE api_tokens (
    id            TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    network_id    TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    prefix        TEXT NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
    token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT,
    revoked_by    TEXT REFERENCES users (id) ON DELETE SET NULL
) STRICT;

-- The network's page of tokens: live ones first, newest first.
CREATE INDEX api_tokens_network ON api_tokens (network_id, created_at);

-- The security log learns two events: a token created and a token revoked
-- (detail: the token's name). A token refused at use is 'link_refused'
-- with detail 'api_token', like every other capability. A CHECK cannot be
-- altered, so the table is rebuilt with its rows, ids, indexes and
-- append-only triggers, as in migrations 004 and 014. (DROP TABLE's
-- implicit delete fires no trigger.)
CREATE TABLE security_events_new (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    event       TEXT NOT NULL CHECK (event IN (
                    'signin', 'signin_failed', 'lockout', 'signout',
                    'invitation_issued', 'invitation_accepted', 'invitation_revoked',
                    'role_changed', 'member_removed', 'reset_issued', 'reset_used',
                    'password_changed', 'group_created', 'setup',
                    'link_refused', 'reset_revoked',
                    'two_factor_enabled', 'two_factor_disabled', 'two_factor_reset',
                    'two_factor_failed', 'recovery_code_used', 'recovery_codes_renewed',
                    'two_factor_required',
                    'api_token_created', 'api_token_revoked')),
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
-- Addresses an account has signed in from (the lock-out spares them).
CREATE INDEX security_events_signin_ip ON security_events (actor_id, ip, at) WHERE event = 'signin';
-- Recent changes to an organisation's people, spelled exactly as in
-- store.PeopleChanges (unchanged since migration 014).
CREATE INDEX security_events_people ON security_events (org_id, id)
WHERE event IN ('invitation_issued', 'invitation_accepted', 'invitation_revoked', 'role_changed',
                'member_removed', 'reset_issued', 'reset_revoked', 'link_refused', 'two_factor_reset');

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
