-- Email (issue 14): an outbox of messages waiting to be sent, each
-- person's choice of digest, and the digests already queued.
--
-- outbox: one row per message. The message itself (recipient, subject,
-- body: an invitation or reset link is a bearer token) is sealed like every
-- sensitive field, bound to "outbox.message_enc:<id>", so a copied database
-- or backup does not hand out links, rotate-key re-encrypts it and restore
-- checks it; it is set to NULL once the message is sent or given up, so a
-- link never outlives its sending in the database. What stays (kind, times,
-- attempts, an error class such as "connect" or "smtp 550", never an
-- address) is what the admin's page counts.
-- next_at is when the next attempt may start ('' for at once: a message
-- queued by a request is sent as soon as the sender wakes).
CREATE TABLE outbox (
    id           TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 16 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('invitation', 'reset', 'digest')),
    message_enc  BLOB,
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    next_at      TEXT NOT NULL DEFAULT '',
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    done_at      TEXT,
    failed_at    TEXT,
    last_error   TEXT NOT NULL DEFAULT '' CHECK (length(last_error) <= 80),
    -- A pending message has its content; a finished one never does.
    CHECK ((state = 'pending') = (message_enc IS NOT NULL)),
    CHECK ((state = 'pending') = (done_at IS NULL))
) STRICT;

-- The sender's query: pending messages whose time has come, oldest first.
CREATE INDEX outbox_pending ON outbox (next_at, created_at) WHERE state = 'pending';
-- The admin's page: messages given up lately, the last send, the last
-- failed attempt (failed_at: of a message given up or waiting to retry).
CREATE INDEX outbox_done ON outbox (state, done_at);
CREATE INDEX outbox_failed_at ON outbox (failed_at) WHERE failed_at IS NOT NULL;

-- Each person chooses a digest of what is due, overdue or uncovered in
-- their groups' cases: none (the default), daily or weekly (Mondays).
ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'none'
    CHECK (digest IN ('none', 'daily', 'weekly'));
CREATE INDEX users_digest ON users (digest) WHERE digest <> 'none';

-- digests_sent: the period (the group's local day for a daily digest, the
-- Monday of its week for a weekly one) whose digest was queued for a person
-- and group, written in the transaction that queues it: a digest goes out
-- once per person, group and period, across restarts. A period with
-- nothing to report is recorded too, and sends nothing.
CREATE TABLE digests_sent (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    period   TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    at       TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id, period)
) STRICT, WITHOUT ROWID;
