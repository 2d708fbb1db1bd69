package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/secret"
	"puente/internal/store"
)

// TestPurgeCommand: `puente purge -dry-run` lists the closed case whose
// retention passed and changes nothing; `puente purge` purges it and only
// it, prints the counts, and works while a server has the database open;
// a second run finds nothing.
func TestPurgeCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	st, err := store.Open(ctx, db) // the "server", open throughout
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	k, _, err := secret.LoadKeyFile(db+".key", true)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.UseKey(ctx, k); err != nil {
		t.Fatal(err)
	}
	ids, err := st.ApplySeed(ctx, store.Seed{Orgs: []store.SeedOrg{{Key: "g", Kind: model.KindGroup, Name: "Group"}}}, true)
	if err != nil {
		t.Fatal(err)
	}
	open := func(name string, closedDaysAgo int) model.Case {
		st.SetClock(func() time.Time { return time.Now().UTC().AddDate(0, 0, -closedDaysAgo) })
		c, err := st.CreateCase(ctx, ids["g"], "", model.CaseInput{Status: "arrived", Court: name + " court"},
			model.PersonInput{Name: name, ANumber: "123456789"})
		if err != nil {
			t.Fatal(err)
		}
		if closedDaysAgo > 0 {
			if err := st.CloseCase(ctx, c, "", "moved"); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	due := open("Zqduename", 95)
	recent := open("Zqrecentname", 30)
	still := open("Zqopenname", 0)
	st.SetClock(func() time.Time { return time.Now().UTC() })

	cmd := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := dispatch(ctx, args, noEnv, &out)
		return out.String(), err
	}
	out, err := cmd("purge", "-db", db, "-dry-run")
	if err != nil || !strings.Contains(out, "1 closed cases are due") || !strings.Contains(out, due.Code) || strings.Contains(out, recent.Code) {
		t.Fatalf("purge -dry-run: %v\n%s", err, out)
	}
	if strings.Contains(out, "Zq") {
		t.Errorf("purge -dry-run printed a name:\n%s", out)
	}
	// read reports when c was purged ("" if not), as the server sees it.
	read := func(c model.Case) string {
		t.Helper()
		rows, _, err := st.ListCases(ctx, ids["g"], store.CaseQuery{State: "all", Search: c.Code})
		if err != nil || len(rows) != 1 {
			t.Fatalf("find %s: %v (%d)", c.Code, err, len(rows))
		}
		if !rows[0].Purged() {
			return ""
		}
		return rows[0].PurgedAt.String()
	}
	if read(due) != "" {
		t.Fatalf("a dry run purged the case")
	}
	out, err = cmd("purge", "-db", db)
	if err != nil || !strings.Contains(out, "purged 1 closed cases") || !strings.Contains(out, "people=1") ||
		!strings.Contains(out, "the WAL was checkpointed and truncated") {
		t.Fatalf("purge: %v\n%s", err, out)
	}
	if read(due) == "" || read(recent) != "" || read(still) != "" {
		t.Errorf("after purge: want only the case closed 95 days ago purged")
	}
	out, err = cmd("purge", "-db", db)
	if err != nil || !strings.Contains(out, "purged 0 closed cases") {
		t.Errorf("second purge: %v\n%s", err, out)
	}
}
