package store

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"puente/internal/model"
)

// handOffChild is what the parent of TestAcceptOfferKilledMidway passes to
// the child process that it kills.
type handOffChild struct {
	DB, Key, Ready, Offer, User, Today string
	Group                              model.Org
}

// TestAcceptOfferKilledMidway kills a process (SIGKILL) inside the
// hand-off's transaction, after the case and its people are written and
// before anything commits (issue 13: "kill the process mid-way"). The
// database, opened again by another process, holds none of the hand-off:
// no case, person, checklist or history row, the entry still offered and
// unlinked, the offer still open; it passes the integrity check, and the
// same offer is then accepted whole.
func TestAcceptOfferKilledMidway(t *testing.T) {
	ctx := context.Background()
	tpl, err := migratedTemplate()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "puente.db")
	if err := os.WriteFile(path, tpl, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	w := seedWorld(t, s)
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i * 7)
	}
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := s.AddRegion(ctx, w.orgs["n1"].ID, "North Texas", "", ""); err != nil {
		t.Fatal(err)
	}
	regions, err := s.Regions(ctx, w.orgs["n1"].ID)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	approveGroup(t, w, g1, regions[0].ID, 365, today)
	entry := seekingEntry(t, w, regions, "killed")
	offer, err := s.CreateOffer(ctx, n1, entry, g1, w.users["n1coord"].ID, today, model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	child := handOffChild{DB: path, Key: hex.EncodeToString(key), Ready: filepath.Join(dir, "ready"),
		Offer: offer, User: w.users["g1coord"].ID, Today: today, Group: g1}
	arg, _ := json.Marshal(child)
	cmd := exec.Command(os.Args[0], "-test.run=^TestAcceptOfferKilledChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PUENTE_HANDOFF_CHILD="+string(arg))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := os.Stat(child.Ready); err == nil {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatal("the child never reached the middle of the hand-off")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer s.Close()
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := s.Integrity(ctx); err != nil {
		t.Fatalf("integrity after the kill: %v", err)
	}
	for _, tb := range []string{"cases", "people", "case_checklists", "case_checklist_items", "case_history"} {
		if n := countRows(t, s, tb); n != 0 {
			t.Errorf("the killed hand-off left %d rows in %s", n, tb)
		}
	}
	if e, _ := s.QueueEntry(ctx, n1, entry); e.State != model.QueueOffered || e.CaseID != "" {
		t.Errorf("after the kill: entry %s linked to %q, want offered and unlinked", e.State, e.CaseID)
	}
	c, err := s.AcceptOffer(ctx, g1, offer, w.users["g1coord"].ID, today, handOff())
	if err != nil {
		t.Fatalf("accept after the kill: %v", err)
	}
	if e, _ := s.QueueEntry(ctx, n1, entry); e.State != model.QueueAccepted || e.CaseID != c.ID {
		t.Errorf("accepted after the kill: entry %s linked to %q, want accepted and %q", e.State, e.CaseID, c.ID)
	}
}

// TestAcceptOfferKilledChild is the child process of
// TestAcceptOfferKilledMidway; it does nothing in an ordinary run.
func TestAcceptOfferKilledChild(t *testing.T) {
	arg := os.Getenv("PUENTE_HANDOFF_CHILD")
	if arg == "" {
		return // only as TestAcceptOfferKilledMidway's child
	}
	var c handOffChild
	if err := json.Unmarshal([]byte(arg), &c); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, c.DB)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := hex.DecodeString(c.Key)
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	// After the case and its people are written, inside the transaction:
	// say so, and wait to be killed.
	s.faults = func(step string) error {
		if step == "case" {
			if err := os.WriteFile(c.Ready, []byte("ready"), 0o600); err != nil {
				return err
			}
			time.Sleep(2 * time.Minute)
		}
		return nil
	}
	_, err = s.AcceptOffer(ctx, c.Group, c.Offer, c.User, c.Today, handOff())
	t.Fatalf("the hand-off ended (%v) instead of being killed", err)
}
