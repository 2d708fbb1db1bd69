package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"puente/internal/model"
)

// The placement network's queue (issue 13). Every method takes the network
// as an organisation already checked by authz and touches only its rows.

// QueueAddResult says what AddQueueEntries did with one entry, in the order
// given: Status is QueueCreated (ID is the new entry) or QueueExisting (the
// network already has an entry with this external reference, ID is that
// entry, and nothing was written for it).
type QueueAddResult struct {
	Index  int
	ID     string
	Status string
}

// The statuses of QueueAddResult.
const (
	QueueCreated  = "created"
	QueueExisting = "existing"
)

// ErrNotNetwork means a queue method was given an organisation that is not
// a placement network.
var ErrNotNetwork = errors.New("store: the queue belongs to a placement network")

// IntakeSource says who sends entries to AddQueueEntries and how. Via is
// "" for a person typing one in (its first state change names them), or
// model.EventIntakeAPI or model.EventIntakeCSV: then one event of that
// kind goes to the network's security log in the same transaction, with
// ActorID (the token's creator for the API), IP, and the counts created
// and already there, Token (the API token's name) and Rejected (the rows
// of a CSV file refused before they reached the store); never the entries.
type IntakeSource struct {
	Via      model.EventKind
	ActorID  string
	IP       string
	Token    string
	Rejected int
}

// IntakeDetail is the security log's detail of an intake event: created,
// already there and rejected counts, and the API token's name.
func IntakeDetail(created, existing, rejected int, token string) string {
	return model.JoinEventDetail(strconv.Itoa(created), strconv.Itoa(existing), token, strconv.Itoa(rejected))
}

// IntakeRefusedDetail is the security log's detail of an intake API
// request refused as a whole, nothing written: IntakeDetail's parts (none
// created or already there, rejected the entries with a problem, the
// token's name) and a fifth, the entries the request held.
func IntakeRefusedDetail(sent, rejected int, token string) string {
	return model.JoinEventDetail("0", "0", token, strconv.Itoa(rejected), strconv.Itoa(sent))
}

// AddQueueEntries writes entries (each already validated with
// model.QueueEntryInput.Validate) to network's queue in one transaction,
// each as referred, with its first state change by src.ActorID. It is
// idempotent on the external reference: an entry whose ExternalRef the
// network already has (or that an earlier entry of the same call has) is
// reported QueueExisting and not written. A failure writes nothing at
// all, its security event included.
func (s *Store) AddQueueEntries(ctx context.Context, network model.Org, entries []model.QueueEntryInput, src IntakeSource) ([]QueueAddResult, error) {
	if network.Kind != model.KindNetwork {
		return nil, ErrNotNetwork
	}
	if src.Via != "" && src.Via != model.EventIntakeAPI && src.Via != model.EventIntakeCSV {
		return nil, fmt.Errorf("store: intake via %q", src.Via)
	}
	actorID := src.ActorID
	out := make([]QueueAddResult, 0, len(entries))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		for i, in := range entries {
			if in.ExternalRef != "" {
				var id string
				err := s.in(tx).QueryRowContext(ctx, `SELECT id FROM queue_entries WHERE network_id = ? AND external_ref = ?`,
					network.ID, in.ExternalRef).Scan(&id)
				if err == nil {
					out = append(out, QueueAddResult{Index: i, ID: id, Status: QueueExisting})
					continue
				}
				if !errors.Is(err, sql.ErrNoRows) {
					return err
				}
			}
			id, err := s.insertQueueEntryTx(ctx, tx, network.ID, in, actorID)
			if err != nil {
				return fmt.Errorf("entry %d: %w", i, err)
			}
			out = append(out, QueueAddResult{Index: i, ID: id, Status: QueueCreated})
		}
		if src.Via == "" {
			return nil
		}
		created := 0
		for _, r := range out {
			if r.Status == QueueCreated {
				created++
			}
		}
		return s.recordTx(ctx, tx, model.Event{Kind: src.Via, OrgID: network.ID, ActorID: actorID, IP: src.IP,
			Detail: IntakeDetail(created, len(out)-created, src.Rejected, src.Token)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// insertQueueEntryTx writes one entry as referred, its restricted fields
// sealed to its row.
func (s *Store) insertQueueEntryTx(ctx context.Context, tx *sql.Tx, networkID string, in model.QueueEntryInput, actorID string) (string, error) {
	id := newID()
	anum, fac, err := s.sealQueue(id, in.ANumber, in.Facility)
	if err != nil {
		return "", err
	}
	now := ts(s.now())
	_, err = s.in(tx).ExecContext(ctx, `
		INSERT INTO queue_entries (id, network_id, pseudonym, languages, adults, child_ages, decision_date, detained_since,
		                           urgency, region_id, needs, external_ref, anumber_enc, facility_enc, state, state_changed_at,
		                           created_at, created_by, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'referred', ?, ?, ?, ?)`,
		id, networkID, in.Pseudonym, strings.Join(in.Languages, ","), in.Adults, joinInts(in.ChildAges),
		in.DecisionDate, in.DetainedSince, model.QueueUrgency(in.DecisionDate, in.DetainedSince), nullStr(in.RegionID),
		strings.Join(in.Needs, ","), nullStr(in.ExternalRef), anum, fac, now, now, nullStr(actorID), now)
	if err != nil {
		return "", translate(err)
	}
	return id, queueStateTx(ctx, s.in(tx), id, model.QueueReferred, "", actorID, now)
}

// sealQueue seals an entry's A-number (as its nine digits) and facility;
// "" stays NULL.
func (s *Store) sealQueue(id, anumber, facility string) (anum, fac []byte, err error) {
	if anumber != "" {
		digits, err := model.ParseANumber(anumber)
		if err != nil {
			return nil, nil, err
		}
		if anum, err = s.seal(digits, "queue_entries", "anumber_enc", id); err != nil {
			return nil, nil, err
		}
	}
	fac, err = s.seal(facility, "queue_entries", "facility_enc", id)
	return anum, fac, err
}

// queueStateTx records one state change of an entry.
func queueStateTx(ctx context.Context, x execer, entryID string, state model.QueueState, reason, actorID, at string) error {
	_, err := x.ExecContext(ctx, `INSERT INTO queue_state_changes (entry_id, state, reason, at, actor_id) VALUES (?, ?, ?, ?, ?)`,
		entryID, string(state), reason, at, nullStr(actorID))
	return err
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

func splitInts(s string) []int {
	if s == "" {
		return nil
	}
	var out []int
	for _, p := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(p); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
