-- The group home page reads every open sealed deadline of a group (a date
-- computed from a date of birth: it cannot be compared in SQL), opens it,
-- and keeps those due within its window. This index holds everything that
-- first pass reads, so it is one range of one index, with no row lookups
-- (issue 10: 393 rows in a group of 300 cases took 4 ms through four
-- lookups per row). Details are then read for the few that fall due.
DROP INDEX deadlines_group_sealed;
CREATE INDEX deadlines_group_sealed ON deadlines (group_id, case_id, key, due_enc)
    WHERE due_enc IS NOT NULL AND met_on IS NULL;
