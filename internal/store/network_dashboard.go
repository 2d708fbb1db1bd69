package store

import (
	"context"

	"puente/internal/model"
)

// QueueStateCounts counts networkID's queue entries by state.
func (s *Store) QueueStateCounts(ctx context.Context, networkID string) (map[model.QueueState]int, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT state, count(*) FROM queue_entries WHERE network_id = ? GROUP BY state`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[model.QueueState]int{}
	for rows.Next() {
		var st model.QueueState
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}
