-- Fast at network scale (issue 10).
--
-- sessions.deadline: a session's absolute end (Unix seconds), beside its
-- idle expiry, so that the store can move the idle expiry forward without
-- rewriting the session's data. Sessions from before this migration have
-- none: they keep their current expiry (at most the 30-minute idle
-- timeout) and get a deadline the next time their data changes.

ALTER TABLE sessions ADD COLUMN deadline REAL;
