package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"puente/internal/secret"
	"puente/internal/store"
)

// RotateReport says what RotateKey did.
type RotateReport struct {
	// Sealed counts the re-encrypted values per column (the key check is
	// not counted).
	Sealed []store.SealedCount
	// Total is the sum of Sealed.
	Total int
	// Retired is where the old key file is kept.
	Retired string
	// Resumed is true when an interrupted rotation was completed instead.
	Resumed bool
}

// RotateKey re-encrypts every sealed value of the database at dbPath under
// a new key and puts that key in keyFile. The database must not be in use
// (it is opened alone, see store.OpenExisting). In order:
//
//  1. the new key is written to keyFile.new (mode 0600, synced);
//  2. store.RotateKey re-seals everything in one transaction and
//     checkpoints, so the database no longer holds anything the old key
//     opens;
//  3. the old key file gets a second name, keyFile.retired-TIME, and
//     keyFile.new is renamed over keyFile.
//
// A crash before 2 commits leaves the database under the old key and a
// stray keyFile.new, which the next run deletes; a crash after leaves the
// database under the key in keyFile.new, and the next run only finishes
// step 3 (Resumed). keyFile always holds one whole key.
//
// The retired key opens backups made before the rotation and nothing else:
// keep it with those backups, destroy it with them.
func RotateKey(ctx context.Context, dbPath, keyFile string) (RotateReport, error) {
	var rep RotateReport
	oldKey, _, err := secret.LoadKeyFile(keyFile, false)
	if err != nil {
		return rep, err
	}
	st, err := store.OpenExisting(ctx, dbPath, true, true)
	if err != nil {
		return rep, err
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	if mr, err := st.CompareMigrations(ctx); err != nil {
		return rep, err
	} else if len(mr.Unknown) > 0 {
		return rep, fmt.Errorf("this database was made by a newer Puente (migrations %v): rotate with that version", mr.Unknown)
	}
	if err := st.Migrate(ctx); err != nil {
		return rep, fmt.Errorf("migrate: %w", err)
	}
	pending := keyFile + ".new"
	if err := st.UseKey(ctx, oldKey); errors.Is(err, store.ErrWrongKey) {
		// Perhaps a rotation committed and stopped before its key swap.
		newKey, _, lerr := secret.LoadKeyFile(pending, false)
		if lerr != nil || st.UseKey(ctx, newKey) != nil {
			return rep, fmt.Errorf("the key in %s does not open this database: nothing was changed", keyFile)
		}
		if err := st.Close(); err != nil {
			return rep, err
		}
		st = nil
		rep.Resumed = true
		rep.Retired, err = swapKeys(keyFile, pending)
		return rep, err
	} else if err != nil {
		return rep, err
	}
	// The database opens with the current key, so a leftover keyFile.new
	// never sealed anything here.
	if err := os.Remove(pending); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return rep, err
	}
	newKey, err := secret.NewKey()
	if err != nil {
		return rep, err
	}
	if err := secret.WriteKeyFile(pending, newKey); err != nil {
		return rep, err
	}
	if err := syncDir(filepath.Dir(pending)); err != nil {
		return rep, err
	}
	rep.Sealed, err = st.RotateKey(ctx, newKey)
	clear(newKey)
	if err != nil && rep.Sealed == nil {
		// Rolled back: the database is still under the old key.
		os.Remove(pending)
		return rep, fmt.Errorf("nothing was changed: %w", err)
	}
	if err != nil {
		return rep, fmt.Errorf("%w; the new key is in %s: run rotate-key again to finish", err, pending)
	}
	for _, c := range rep.Sealed {
		rep.Total += c.Values
	}
	if err := st.Close(); err != nil {
		return rep, err
	}
	st = nil
	rep.Retired, err = swapKeys(keyFile, pending)
	return rep, err
}

// swapKeys keeps the key in keyFile as keyFile.retired-TIME and moves
// pending into keyFile with one rename.
func swapKeys(keyFile, pending string) (string, error) {
	retired := keyFile + ".retired-" + time.Now().UTC().Format("20060102T150405Z")
	if err := linkOrCopy(keyFile, retired); err != nil {
		return "", fmt.Errorf("keep the old key as %s: %w (the database is under the key in %s: rename it to %s)", retired, err, pending, keyFile)
	}
	if err := os.Rename(pending, keyFile); err != nil {
		return retired, fmt.Errorf("%w (the database is under the key in %s: rename it to %s)", err, pending, keyFile)
	}
	return retired, syncDir(filepath.Dir(keyFile))
}
