-- The network dashboard (issue 13) at 20,000 placements: the days from
-- referral to arrival read from indexes alone (an entry's first arrival
-- is one seek, its referral day in the index that finds the arrived
-- entries).
CREATE INDEX queue_state_changes_state ON queue_state_changes (entry_id, state, at);
CREATE INDEX queue_entries_referred ON queue_entries (network_id, state, created_at, id);
