package store

import (
	"errors"
	"fmt"
	"os"
)

// errLocked is what tryLock returns when another process (or another Store
// in this one) holds a conflicting lock.
var errLocked = errors.New("locked")

// fileLock is an advisory lock on the database file, apart from SQLite's
// own locks: every Store holds it shared for its whole life, and the
// maintenance commands that must be alone (restore, rotate-key) hold it
// exclusive, so each side sees the other whatever SQLite's WAL locking
// allows (an idle WAL connection in another process holds no SQLite lock a
// newcomer would notice).
//
// The file descriptor stays open until release, which runs after the
// database is closed: closing any descriptor of a file drops every POSIX
// lock this process holds on it, SQLite's included.
type fileLock struct{ f *os.File }

// lockFile opens (creating it empty with mode 0600 if create and missing,
// so that a new database is never readable by others) and locks path.
func lockFile(path string, exclusive, create bool) (*fileLock, error) {
	flags := os.O_RDWR
	if create {
		flags |= os.O_CREATE
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return nil, err
	}
	if err := tryLock(f, exclusive); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &fileLock{f: f}, nil
}

// release drops the lock; it is safe on a nil lock.
func (l *fileLock) release() {
	if l != nil && l.f != nil {
		l.f.Close()
		l.f = nil
	}
}
