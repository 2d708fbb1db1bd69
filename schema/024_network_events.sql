-- The security log learns the placement network's own actions (issue 13):
-- a vetting record added for a group and a group's stage set by the
-- network (detail: the group's name, with the item's name or the stage);
-- a region or vetting item added, renamed or removed by the network's
-- admins (detail: its name, or the old and new names); and each API call
-- or CSV import that added to the queue: one event per call or file, its
-- detail the counts (created, already there) and, for the API, the
-- token's name, never the entries themselves. A queue entry's restricted
-- field revealed is in the audit log already (store.RevealQueueField), as
-- a case's is.
--
-- A CHECK cannot be altered, so the table is rebuilt as in migration 021,
-- with its rows, ids, columns, indexes and append-only triggers exactly as
-- they were. (DROP TABLE's implicit delete fires no trigger.)
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
                    'api_token_created', 'api_token_revoked',
                    'vetting_recorded', 'sponsor_stage_set',
                    'region_added', 'region_renamed', 'region_removed',
                    'vetting_item_added', 'vetting_item_renamed', 'vetting_item_removed',
                    'intake_api', 'intake_csv')),
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
