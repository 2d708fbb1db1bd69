-- Foundation: organisations, accounts, memberships, sessions, invitations,
-- password resets and the security log. All tables are STRICT; times are
-- RFC 3339 UTC text.

CREATE TABLE organisations (
    id          TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    kind        TEXT NOT NULL CHECK (kind IN ('network', 'group')),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    network_id  TEXT REFERENCES organisations (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    -- Only a sponsor group may belong to a network, and never to itself.
    CHECK (network_id IS NULL OR (kind = 'group' AND network_id <> id)),
    UNIQUE (id, kind)
) STRICT;

CREATE INDEX organisations_network ON organisations (network_id, name) WHERE network_id IS NOT NULL;

-- A group's parent must be a network: enforced here because a CHECK cannot
-- look at another row.
CREATE TRIGGER organisations_parent_is_network
BEFORE INSERT ON organisations
WHEN NEW.network_id IS NOT NULL
 AND (SELECT kind FROM organisations WHERE id = NEW.network_id) IS NOT 'network'
BEGIN
    SELECT RAISE(ABORT, 'parent organisation must be a network');
END;

CREATE TABLE users (
    id             TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    password_hash  TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    lang           TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'en', 'es')),
    -- Raising session_epoch ends every session the user holds: sessions
    -- remember the epoch they were created with.
    session_epoch  INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id      TEXT NOT NULL,
    org_kind    TEXT NOT NULL,
    role        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id),
    FOREIGN KEY (org_id, org_kind) REFERENCES organisations (id, kind) ON DELETE CASCADE,
    -- Networks have admins and coordinators; groups have coordinators and members.
    CHECK ((org_kind = 'network' AND role IN ('admin', 'coordinator'))
        OR (org_kind = 'group' AND role IN ('coordinator', 'member')))
) STRICT;

CREATE INDEX memberships_org ON memberships (org_id, role);

CREATE TABLE sessions (
    -- SHA-256 of the session token, hex: the token itself is never stored.
    token_hash  TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    data        BLOB NOT NULL,
    expiry      REAL NOT NULL
) STRICT;

CREATE INDEX sessions_expiry ON sessions (expiry);

CREATE TABLE invitations (
    id           TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    token_hash   TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    org_id       TEXT NOT NULL,
    org_kind     TEXT NOT NULL,
    email        TEXT NOT NULL COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    role         TEXT NOT NULL,
    invited_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    accepted_at  TEXT,
    accepted_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    revoked_at   TEXT,
    FOREIGN KEY (org_id, org_kind) REFERENCES organisations (id, kind) ON DELETE CASCADE,
    CHECK ((org_kind = 'network' AND role IN ('admin', 'coordinator'))
        OR (org_kind = 'group' AND role IN ('coordinator', 'member'))),
    CHECK (expires_at > created_at)
) STRICT;

CREATE INDEX invitations_org ON invitations (org_id, created_at);

CREATE TABLE password_resets (
    token_hash  TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    org_id      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    CHECK (expires_at > created_at)
) STRICT;

CREATE INDEX password_resets_user ON password_resets (user_id);

-- The security log is append-only: triggers refuse updates and deletes.
-- Rows name people by id; an attempted email address is never stored.
CREATE TABLE security_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    event       TEXT NOT NULL CHECK (event IN (
                    'signin', 'signin_failed', 'lockout', 'signout',
                    'invitation_issued', 'invitation_accepted', 'invitation_revoked',
                    'role_changed', 'member_removed', 'reset_issued', 'reset_used',
                    'password_changed', 'group_created', 'setup')),
    -- org_id is NULL for events that belong to an account rather than one
    -- organisation (sign-ins); they show in every organisation of the user.
    org_id      TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    actor_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    subject_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    detail      TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 300),
    ip          TEXT NOT NULL DEFAULT '' CHECK (length(ip) <= 64)
) STRICT;

CREATE INDEX security_events_org ON security_events (org_id, id);
CREATE INDEX security_events_actor ON security_events (actor_id, id);
CREATE INDEX security_events_subject ON security_events (subject_id, id);

-- The only update allowed is the ON DELETE SET NULL of a referenced row.
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
