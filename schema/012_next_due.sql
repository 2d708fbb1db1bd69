-- Fast at network scale (issue 10).
--
-- 1. cases.next_due: the earliest date among the case's open "due by"
--    deadlines (not met by a recorded fact, not marked done or not
--    applicable; overdue ones included), NULL when it has none. Only "due
--    by" dates are tasks that can be due or overdue (deadline.State.Counts):
--    a window that opens, an expiry, a date nobody acts on and an
--    appointment are never "due", and a date computed from a secret (due
--    NULL, sealed in due_enc) never feeds a plain list. The store writes it
--    in the transaction that writes the case's deadlines or marks. Existing
--    cases get theirs from the recomputation the first start after this
--    migration runs in the background (the stored deadlines' format changed).
-- 2. sessions.deadline: a session's absolute end (Unix seconds), beside its
--    idle expiry, so that the store can move the idle expiry forward without
--    rewriting the session's data. Sessions from before this migration have
--    none: they keep their current expiry (at most the 30-minute idle
--    timeout) and get a deadline the next time their data changes.

ALTER TABLE cases ADD COLUMN next_due TEXT
    CHECK (next_due IS NULL OR next_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- The case list by next due date, one page at a time: cases with nothing
-- due last, id breaking ties in the same order on every page; closed_at and
-- status let the state and status filters be checked in the index (as for
-- the name sorts in 005).
CREATE INDEX cases_group_next_due ON cases (group_id, next_due IS NULL, next_due, id, closed_at, status);

ALTER TABLE sessions ADD COLUMN deadline REAL;
