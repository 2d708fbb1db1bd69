package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"puente/internal/backup"
	"puente/internal/store"
)

// runBackup is `puente backup`: a consistent copy of a database that may be
// serving at the time, recorded for the admin's page.
func runBackup(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	f := newCommandFlags("backup", "backup -db PATH -out FILE", getenv, stdout, false)
	out := f.String("out", "", "the backup file to write; it must not exist (a directory: a file named puente-TIME.db in it)")
	if err := f.parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("backup: -out FILE is required (see puente help backup)")
	}
	target := *out
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		target = filepath.Join(target, "puente-"+time.Now().UTC().Format("20060102T150405Z")+".db")
	}
	st, err := store.OpenExisting(ctx, *f.db, false, false)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer st.Close()
	res, err := backup.Make(ctx, st, target)
	if err != nil {
		if rerr := st.RecordBackupFailed(context.WithoutCancel(ctx)); rerr != nil {
			fmt.Fprintln(stdout, "could not record the failure for the admin's page:", rerr)
		}
		return err
	}
	if err := st.RecordBackupOK(ctx, filepath.Base(res.Path), res.Bytes); err != nil {
		fmt.Fprintln(stdout, "could not record the backup for the admin's page:", err)
	}
	fmt.Fprintf(stdout, "backup written: %s (%d bytes in %s: copy %s, integrity_check ok in %s)\n", res.Path, res.Bytes,
		res.Duration.Round(time.Millisecond), res.Copy.Round(time.Millisecond), res.Check.Round(time.Millisecond))
	fmt.Fprintln(stdout, "The key file is not in it: keep the key apart from the backups; restoring needs both.")
	return nil
}

// runRestore is `puente restore`: check a backup, then put it in place.
func runRestore(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	f := newCommandFlags("restore", "restore -from FILE -db PATH [-key-file KEY]", getenv, stdout, true)
	from := f.String("from", "", "the backup file to restore (only read)")
	if err := f.parse(args); err != nil {
		return err
	}
	if *from == "" {
		return errors.New("restore: -from FILE is required (see puente help restore)")
	}
	start := time.Now()
	rep, err := backup.Restore(ctx, *from, *f.db, *f.keyFile)
	if err != nil {
		return err
	}
	sealed := 0
	for _, c := range rep.Sealed {
		sealed += c.Values
	}
	fmt.Fprintf(stdout, "restored %s into %s in %s (copy %s, checks %s, replace %s)\n", *from, *f.db, time.Since(start).Round(time.Millisecond),
		rep.Copy.Round(time.Millisecond), rep.Check.Round(time.Millisecond), rep.Replace.Round(time.Millisecond))
	fmt.Fprintf(stdout, "checked: integrity_check ok, foreign_key_check clean, %d migrations known", len(rep.Migrations.Applied))
	if n := len(rep.Migrations.Pending); n > 0 {
		fmt.Fprintf(stdout, " and %d applied now", n)
	}
	fmt.Fprintf(stdout, ", the key opened all %d sealed values\n", sealed)
	fmt.Fprint(stdout, "rows:")
	for _, t := range backup.RestoreTables {
		fmt.Fprintf(stdout, " %s %d", t, rep.Rows[t])
	}
	fmt.Fprintln(stdout)
	if rep.Previous != "" {
		fmt.Fprintf(stdout, "the database it replaced is kept as %s: delete it once the restore is confirmed (it holds everything the old one held)\n", rep.Previous)
	}
	return nil
}

// runRotateKey is `puente rotate-key`.
func runRotateKey(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	f := newCommandFlags("rotate-key", "rotate-key -db PATH [-key-file KEY]", getenv, stdout, true)
	if err := f.parse(args); err != nil {
		return err
	}
	start := time.Now()
	rep, err := backup.RotateKey(ctx, *f.db, *f.keyFile)
	if err != nil {
		return fmt.Errorf("rotate-key: %w", err)
	}
	if rep.Resumed {
		fmt.Fprintf(stdout, "finished an interrupted rotation: %s now holds the key the database uses\n", *f.keyFile)
	} else {
		fmt.Fprintf(stdout, "re-encrypted %d sealed values under a new key in one transaction (%s):\n", rep.Total, time.Since(start).Round(time.Millisecond))
		for _, c := range rep.Sealed {
			fmt.Fprintf(stdout, "  %-28s %d\n", c.Column.String(), c.Values)
		}
		fmt.Fprintf(stdout, "the new key is in %s: back it up now, apart from the database\n", *f.keyFile)
	}
	fmt.Fprintf(stdout, "the old key is kept as %s: it opens only backups made before this rotation; keep it with them and destroy it when they are gone\n", rep.Retired)
	return nil
}
