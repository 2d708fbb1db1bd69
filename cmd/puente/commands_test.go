package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/demo"
	"puente/internal/secret"
	"puente/internal/store"
)

func noEnv(string) string { return "" }

// TestHelp: `puente help` lists every command, `help COMMAND` and
// `COMMAND -h` show that command's flags, flags alone still mean serve,
// and an unknown command says where to look.
func TestHelp(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	if err := dispatch(ctx, []string{"help"}, noEnv, &out); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"serve", "backup", "restore", "rotate-key", "purge", "i18n", "help"} {
		if !regexp.MustCompile(`(?m)^  ` + c + ` `).MatchString(out.String()) {
			t.Errorf("help does not list %s:\n%s", c, out.String())
		}
	}
	flagsOf := map[string][]string{
		"serve":      {"-addr", "-db", "-key-file", "-backup-dir", "-backup-every", "-backup-keep"},
		"backup":     {"-db", "-out"},
		"restore":    {"-from", "-db", "-key-file"},
		"rotate-key": {"-db", "-key-file"},
		"purge":      {"-db", "-dry-run"},
	}
	for cmd, flags := range flagsOf {
		for _, args := range [][]string{{"help", cmd}, {cmd, "-h"}} {
			out.Reset()
			if err := dispatch(ctx, args, noEnv, &out); !errors.Is(err, flag.ErrHelp) {
				t.Errorf("%v: %v, want flag.ErrHelp (exit 0)", args, err)
			}
			for _, f := range flags {
				if !strings.Contains(out.String(), f) {
					t.Errorf("%v does not show %s:\n%s", args, f, out.String())
				}
			}
		}
	}
	out.Reset()
	if err := dispatch(ctx, []string{"-h"}, noEnv, &out); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out.String(), "-addr") {
		t.Errorf("-h alone: %v, want serve's flags", err)
	}
	for _, args := range [][]string{{"purg"}, {"help", "nope"}, {"serv"}} {
		if err := dispatch(ctx, args, noEnv, io.Discard); err == nil || !strings.Contains(err.Error(), "puente help") {
			t.Errorf("%v: %v, want an unknown-command error pointing to puente help", args, err)
		}
	}
	if err := dispatch(ctx, []string{"backup", "-db", "x.db", "stray"}, noEnv, io.Discard); err == nil || !strings.Contains(err.Error(), "unexpected argument") {
		t.Errorf("stray argument: %v", err)
	}
}

// TestBackupConfig: the schedule's flags, their environment fallbacks and
// their limits.
func TestBackupConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    backupConfig
		wantErr string
	}{
		{name: "defaults", want: backupConfig{every: 24 * time.Hour, keep: 14}},
		{name: "env", env: map[string]string{"PUENTE_BACKUP_DIR": "/b", "PUENTE_BACKUP_EVERY": "6h", "PUENTE_BACKUP_KEEP": "3"},
			want: backupConfig{dir: "/b", every: 6 * time.Hour, keep: 3}},
		{name: "flags win", args: []string{"-backup-dir", "/c", "-backup-every", "30m", "-backup-keep", "1"},
			env:  map[string]string{"PUENTE_BACKUP_DIR": "/b", "PUENTE_BACKUP_EVERY": "6h", "PUENTE_BACKUP_KEEP": "3"},
			want: backupConfig{dir: "/c", every: 30 * time.Minute, keep: 1}},
		{name: "bad interval", args: []string{"-backup-every", "daily"}, wantErr: "-backup-every"},
		{name: "too often", args: []string{"-backup-every", "1m"}, wantErr: "at least 5m"},
		{name: "bad env interval", env: map[string]string{"PUENTE_BACKUP_EVERY": "1d"}, wantErr: "-backup-every"},
		{name: "keep zero", args: []string{"-backup-keep", "0"}, wantErr: "-backup-keep"},
		{name: "keep words", env: map[string]string{"PUENTE_BACKUP_KEEP": "many"}, wantErr: "-backup-keep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.backups != tt.want {
				t.Errorf("got %+v, want %+v", got.backups, tt.want)
			}
		})
	}
}

// TestServeRefusesKeyInBackupDir: the server will not put backups where
// the key file lies.
func TestServeRefusesKeyInBackupDir(t *testing.T) {
	dir := t.TempDir()
	err := dispatch(context.Background(), []string{"serve", "-addr", "127.0.0.1:0", "-db", filepath.Join(dir, "p.db"), "-backup-dir", dir}, noEnv, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "refusing to start") || !strings.Contains(err.Error(), "inside the backup directory") {
		t.Fatalf("got %v, want a refusal naming the key file inside the backup directory", err)
	}
}

// startCommand is startRun through dispatch, so the command line is tested
// as typed.
func startCommand(t *testing.T, args []string) (string, *syncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- dispatch(ctx, args, noEnv, out) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := listenRE.FindStringSubmatch(out.String()); m != nil {
			return m[1], out, func() error {
				cancel()
				select {
				case err := <-done:
					return err
				case <-time.After(20 * time.Second):
					return errors.New("did not stop within 20 s")
				}
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("ended early: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("did not start listening:\n%s", out.String())
	return "", nil, nil
}

var orgLinkRE = regexp.MustCompile(`href="/orgs/([0-9a-f]{16,64})"`)

// TestServeScheduledBackups: `puente serve` with a backup directory makes a
// backup at start, and the admin's organisation page (a network admin, a
// standalone group's coordinator) shows it; a group member's does not.
func TestServeScheduledBackups(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "p.db")
	os.MkdirAll(filepath.Dir(db), 0o700)
	backups := filepath.Join(dir, "backups")
	addr, out, stop := startCommand(t, []string{"serve", "-addr", "127.0.0.1:0", "-demo", "-db", db, "-backup-dir", backups, "-backup-keep", "3"})
	defer func() {
		if err := stop(); err != nil {
			t.Error(err)
		}
	}()
	var files []string
	for deadline := time.Now().Add(20 * time.Second); len(files) == 0 && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		files, _ = filepath.Glob(filepath.Join(backups, "puente-*.db"))
	}
	if len(files) != 1 {
		t.Fatalf("backups after start: %v, want 1\n%s", files, out.String())
	}
	if fi, err := os.Stat(backups); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("backup directory mode: %v %v, want 0700", fi.Mode().Perm(), err)
	}
	// One sign-in per account (the admin and the coordinators sign in with
	// a code, each once), then the organisation page as often as needed.
	clients := map[string]*http.Client{}
	orgs := map[string]string{}
	page := func(email string) string {
		t.Helper()
		c, ok := clients[email]
		if !ok {
			jar, _ := cookiejar.New(nil)
			c = &http.Client{Jar: jar, Timeout: 30 * time.Second}
			_, body := demoSignIn(t, c, "http://"+addr, email)
			m := orgLinkRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("%s: no organisation link on the home page", email)
			}
			clients[email], orgs[email] = c, m[1]
		}
		res, err := c.Get("http://" + addr + "/orgs/" + orgs[email])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return string(body)
	}
	for _, email := range []string{"admin@network.example.org", "coord@solo.example.org"} {
		// The status is recorded just after the file gets its name.
		body := page(email)
		for deadline := time.Now().Add(10 * time.Second); !strings.Contains(body, "Last backup: ") && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			body = page(email)
		}
		if !strings.Contains(body, "Last backup: ") || !strings.Contains(body, "every 24 hours and keeps the newest 3") {
			t.Errorf("%s's organisation page lacks the backup status:\n%.3000s", email, body)
		}
	}
	if body := page("member@alpha.example.org"); strings.Contains(body, "backup-heading") {
		t.Error("a group member sees the backup status")
	}
}

// TestMaintenanceCommands drives backup, restore and rotate-key as typed:
// a backup of a database, its restore to a new place with the key, a key
// rotation there, then the old backup refused under the new key and
// accepted with the retired one. A backup of a missing database creates
// nothing.
func TestMaintenanceCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, key := filepath.Join(dir, "p.db"), filepath.Join(dir, "p.db.key")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	k, _, err := secret.LoadKeyFile(key, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.UseKey(ctx, k); err != nil {
		t.Fatal(err)
	}
	if err := demo.Seed(ctx, st, auth.NewHasher(auth.TestParams, 1), time.Now()); err != nil {
		t.Fatal(err)
	}
	sealed, err := st.CheckSealed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range sealed {
		total += c.Values
	}
	cases, err := st.CountRows(ctx, "cases")
	if err != nil {
		t.Fatal(err)
	}
	cmd := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := dispatch(ctx, args, noEnv, &out)
		return out.String(), err
	}

	// Backup while the store is open (serving).
	b := filepath.Join(dir, "b.db")
	out, err := cmd("backup", "-db", db, "-out", b)
	if err != nil || !strings.Contains(out, "backup written: "+b) {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	if bs, _ := st.Backups(ctx); bs.LastFile != "b.db" {
		t.Errorf("the command's backup is not recorded for the admin's page: %+v", bs)
	}
	st.Close()
	if _, err := cmd("backup", "-db", filepath.Join(dir, "missing.db"), "-out", filepath.Join(dir, "m.db")); err == nil {
		t.Error("backup of a missing database: no error")
	}
	for _, p := range []string{"missing.db", "m.db"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("backup of a missing database created %s", p)
		}
	}

	// Restore to a new place with a copy of the key.
	r := filepath.Join(dir, "restored", "r.db")
	os.MkdirAll(filepath.Dir(r), 0o700)
	rkey := r + ".key"
	kb, _ := os.ReadFile(key)
	os.WriteFile(rkey, kb, 0o600)
	out, err = cmd("restore", "-from", b, "-db", r)
	if err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	for _, want := range []string{"integrity_check ok", "foreign_key_check clean", "the key opened all " + strconv.Itoa(total) + " sealed values", "cases " + strconv.Itoa(cases)} {
		if !strings.Contains(out, want) {
			t.Errorf("restore output lacks %q:\n%s", want, out)
		}
	}

	// Rotate the restored database's key.
	out, err = cmd("rotate-key", "-db", r)
	if err != nil || !strings.Contains(out, "re-encrypted "+strconv.Itoa(total)+" sealed values") {
		t.Fatalf("rotate-key: %v\n%s", err, out)
	}
	retired, _ := filepath.Glob(rkey + ".retired-*")
	if len(retired) != 1 {
		t.Fatalf("retired keys %v, want 1", retired)
	}
	// The old backup no longer opens with the new key, but does with the retired one.
	if _, err := cmd("restore", "-from", b, "-db", r); err == nil || !strings.Contains(err.Error(), "does not open this backup") {
		t.Errorf("old backup under the new key: %v, want a refusal", err)
	}
	out, err = cmd("restore", "-from", b, "-db", r, "-key-file", retired[0])
	if err != nil || !strings.Contains(out, "kept as "+r+".before-restore-") {
		t.Errorf("old backup with the retired key: %v\n%s", err, out)
	}
}
