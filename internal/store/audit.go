package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// AuditEntry is one read, reveal, export or purge of a person's record.
// It names people and objects by id and never holds a value.
type AuditEntry struct {
	ActorID    string
	OrgID      string
	Action     string // view, reveal, feed, purge, export
	ObjectType string // case, person
	ObjectID   string
	// Field is the sensitive field revealed, the kind of a purge
	// (PurgeKind) or the form of an export ("page", "json").
	Field string
	// Detail is a purge's counts of rows cleared ("people=2 facts=3").
	Detail string
	at     time.Time
}

// auditBatcher writes page-view entries in small batches so that a page
// view never waits for its own synchronous commit (SECURITY.md): every
// 250 ms or 100 entries, and on Close.
type auditBatcher struct {
	s  *Store
	mu sync.Mutex
	// flushing is held for a whole flush, so that a flush called while the
	// loop's own is writing waits for it: FlushAudit returns only once
	// every entry queued before it is in the database.
	flushing sync.Mutex
	pending  []AuditEntry
	kick     chan struct{}
	stop     chan struct{}
	done     chan struct{}
	once     sync.Once
}

const (
	auditFlushEvery = 250 * time.Millisecond
	auditFlushSize  = 100
)

func newAuditBatcher(s *Store) *auditBatcher {
	b := &auditBatcher{s: s, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	return b
}

// LogView queues a read for the audit log.
func (s *Store) LogView(e AuditEntry) {
	e.Action = "view"
	s.audit.add(e)
}

func (b *auditBatcher) add(e AuditEntry) {
	b.mu.Lock()
	b.pending = append(b.pending, withTime(e, b.s.now()))
	full := len(b.pending) >= auditFlushSize
	b.mu.Unlock()
	if full {
		select {
		case b.kick <- struct{}{}:
		default:
		}
	}
}

func withTime(e AuditEntry, now time.Time) AuditEntry {
	e.at = now
	return e
}

func (b *auditBatcher) loop() {
	defer close(b.done)
	t := time.NewTicker(auditFlushEvery)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			b.flush()
			return
		case <-t.C:
			b.flush()
		case <-b.kick:
			b.flush()
		}
	}
}

func (b *auditBatcher) flush() {
	b.flushing.Lock()
	defer b.flushing.Unlock()
	b.mu.Lock()
	batch := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := b.s.tx(ctx, func(tx *sql.Tx) error {
		for _, e := range batch {
			if err := insertAudit(ctx, b.s.in(tx), e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		// Put them back: a later flush retries rather than losing the record.
		b.mu.Lock()
		b.pending = append(batch, b.pending...)
		b.mu.Unlock()
	}
}

// close stops the loop after a last flush; later calls do nothing.
func (b *auditBatcher) close() {
	b.once.Do(func() { close(b.stop) })
	<-b.done
}

// FlushAudit writes queued audit entries now (tests, shutdown).
func (s *Store) FlushAudit() { s.audit.flush() }

func insertAudit(ctx context.Context, x execer, e AuditEntry) error {
	_, err := x.ExecContext(ctx, `
		INSERT INTO audit_log (at, actor_id, org_id, action, object_type, object_id, field, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ts(e.at), nullStr(e.ActorID), nullStr(e.OrgID), e.Action, e.ObjectType, e.ObjectID, e.Field, e.Detail)
	return err
}
