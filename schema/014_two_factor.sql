-- Two-factor sign-in (issue 14): a time-based one-time code (TOTP, RFC
-- 6238) from an authenticator app, and one-time recovery codes.
--
-- totp_keys: one authenticator key per account. secret_enc is the key
-- (base32 text) sealed with AES-256-GCM like every sensitive field, bound to
-- "totp_keys.secret_enc:<user_id>"; it ends in _enc, so key rotation and
-- restore checks find it. enabled_at is NULL while enrolment waits for the
-- first code (the key shown on the page, not yet in use for sign-in).
-- last_step is the RFC 6238 time step (Unix time / 30 s) of the last code
-- accepted: a code is accepted only for a later step, so each code works
-- once (replay refused), whatever the clock skew allowed.
CREATE TABLE totp_keys (
    user_id     TEXT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_enc  BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    enabled_at  TEXT,
    last_step   INTEGER NOT NULL DEFAULT 0 CHECK (last_step >= 0)
) STRICT;

-- recovery_codes: ten per account, shown once. Only a keyed hash of each is
-- stored (auth.HashRecoveryCode: SHA-256 over the account id and the code;
-- the codes carry 80 random bits, so a fast hash is enough). used_at marks
-- a code spent: each works once.
CREATE TABLE recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL CHECK (length(code_hash) = 64),
    created_at TEXT NOT NULL,
    used_at    TEXT,
    PRIMARY KEY (user_id, code_hash)
) STRICT, WITHOUT ROWID;

-- An organisation may require two-factor sign-in of everyone in it; network
-- admins and group coordinators need it whatever this says (authz).
ALTER TABLE organisations ADD COLUMN require_two_factor INTEGER NOT NULL DEFAULT 0
    CHECK (require_two_factor IN (0, 1));

-- The security log learns the two-factor events. A CHECK cannot be
-- altered, so the table is rebuilt with its rows, ids, indexes and
-- append-only triggers, as in migration 004. (DROP TABLE's implicit delete
-- fires no trigger.)
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
                    'two_factor_required')),
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
-- Recent changes to an organisation's people, shown to its managers: the
-- list of events is spelled exactly as in store.PeopleChanges, so SQLite
-- can use this partial index. A second factor reset by a coordinator is
-- one of them.
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
