package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ErrUnsound is returned for every write once the database has failed its
// integrity check (QuickCheck): a damaged file is never written to, so that
// the damage does not spread into what a restore would keep.
var ErrUnsound = errors.New("store: the database failed its integrity check; nothing is written until it is restored from a backup")

// CheckFile reads a database file's header: the SQLite magic string, a
// page size SQLite can have, and a size that matches the page count the
// header records (a copy cut short fails here with a clear message, before
// SQLite reads it). It reads 100 bytes, whatever the file's size. With
// wal set the file belongs to a live database whose WAL may hold pages a
// checkpoint has not copied yet, so the size is not checked.
func CheckFile(path string, wal bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		return fmt.Errorf("not a SQLite database: only %d bytes", fi.Size())
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return errors.New("not a SQLite database (wrong header)")
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("damaged header: page size %d", pageSize)
	}
	if wal {
		return nil
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	// The header's page count is valid when "version-valid-for" matches the
	// change counter (true for every file SQLite 3.7+ wrote).
	if binary.BigEndian.Uint32(h[92:96]) == binary.BigEndian.Uint32(h[24:28]) && pages > 0 {
		if want := pages * pageSize; fi.Size() < want {
			return fmt.Errorf("truncated: %d bytes, the header says %d (%d pages of %d)", fi.Size(), want, pages, pageSize)
		}
	}
	if fi.Size()%pageSize != 0 {
		return fmt.Errorf("damaged: %d bytes is not a whole number of %d-byte pages", fi.Size(), pageSize)
	}
	return nil
}

// checkHeader is CheckFile for the file Open is about to open: nothing to
// check for a file that does not exist yet or is empty (SQLite creates the
// database in it).
func checkHeader(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	wal, err := os.Stat(path + "-wal")
	return CheckFile(path, err == nil && wal.Size() > 0)
}

// QuickCheck runs PRAGMA quick_check, which reads every page of the file
// (seconds for a large database, so the server runs it after it listens).
// On a failure the store refuses every write from then on (ErrUnsound,
// Unsound) and the error lists what SQLite found.
func (s *Store) QuickCheck(ctx context.Context) error {
	lines, err := s.pragmaLines(ctx, "PRAGMA quick_check(10)")
	if err == nil && (len(lines) != 1 || lines[0] != "ok") {
		err = fmt.Errorf("quick_check failed: %s", strings.Join(lines, "; "))
	} else if err != nil {
		err = fmt.Errorf("quick_check: %w", err)
	}
	if err != nil && ctx.Err() == nil {
		s.unsound.Store(&err)
	}
	return err
}

// Unsound is nil, or why the database failed its integrity check.
func (s *Store) Unsound() error {
	if p := s.unsound.Load(); p != nil {
		return *p
	}
	return nil
}

// writable is nil, or ErrUnsound once the database failed its check.
func (s *Store) writable() error {
	if s.unsound.Load() != nil {
		return ErrUnsound
	}
	return nil
}
