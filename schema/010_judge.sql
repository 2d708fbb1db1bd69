-- The judge of a case, when the group knows it: the court-day card names
-- the judge (issue 9). Plain text like the court and the lawyer: a judge's
-- name is public and says nothing about the person sponsored.
ALTER TABLE cases ADD COLUMN judge TEXT NOT NULL DEFAULT '' CHECK (length(judge) <= 200);
