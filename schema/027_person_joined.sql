-- The day a household member joined the household, for someone who came
-- after it had settled (a cousin who moves in months after the family
-- arrived at the sponsor's home). NULL: a member from the start, as every
-- person recorded before this migration. The deadline engine drops the
-- household's arrival and moves dated before it for that person and counts
-- their own EOIR-33 and AR-11 from it (deadline.Facts.Joined).
ALTER TABLE people ADD COLUMN joined_on TEXT
    CHECK (joined_on IS NULL OR joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
