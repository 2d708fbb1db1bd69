package backup_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/backup"
	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/secret"
	"puente/internal/store"
)

// Marker values recorded through the ordinary path in every fixture: none
// may appear in plain text in a database file, its WAL or a backup.
const (
	markerANumber  = "987650123"
	markerAddress  = "77 Marker Lane Zq"
	markerFacility = "Marker Facility Zq"
	// markerTOTP is an authenticator key (base32), sealed like the others.
	markerTOTP = "MARKERTOTPKEYZQMARKERTOTPKEYZQAB"
	// markerLink is a reset link waiting in the outbox: a bearer token,
	// sealed until it is sent.
	markerLink = "https://puente.example.org/reset/MARKERLINKTOKENZQ"
)

// fixture is a real, migrated database with a key file and cases.
type fixture struct {
	dir     string
	db      string
	keyFile string
	key     []byte
	st      *store.Store
	groupID string
}

// newFixture opens a database in a temp dir with n generated cases (their
// deadlines computed) and one case recorded through CreateCase and
// AddPerson with every sensitive field set to a marker.
func newFixture(t testing.TB, n int) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	f := &fixture{dir: dir, db: filepath.Join(dir, "puente.db"), keyFile: filepath.Join(dir, "puente.db.key")}
	st, err := store.Open(ctx, f.db)
	if err != nil {
		t.Fatal(err)
	}
	f.st = st
	t.Cleanup(func() {
		if f.st != nil {
			f.st.Close()
		}
	})
	if f.key, _, err = secret.LoadKeyFile(f.keyFile, true); err != nil {
		t.Fatal(err)
	}
	if err := st.UseKey(ctx, f.key); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.NewHasher(auth.TestParams, 1).Hash(ctx, "a test password of no importance")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := st.ApplySeed(ctx, store.Seed{
		Orgs: []store.SeedOrg{
			{Key: "n", Kind: model.KindNetwork, Name: "Red"},
			{Key: "g", Kind: model.KindGroup, Name: "Grupo", NetworkKey: "n"},
		},
		Users: []store.SeedUser{{Email: "c@example.org", Name: "Coord", PasswordHash: hash, Roles: map[string]model.Role{"g": model.RoleCoordinator}}},
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	f.groupID = ids["g"]
	// The coordinator sets two-step sign-in up: the key is sealed too.
	coord, err := st.UserByEmail(ctx, "c@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.BeginTwoFactor(ctx, coord.ID, markerTOTP); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnableTwoFactor(ctx, coord.ID, 1, []string{strings.Repeat("ab", 32)}, ""); err != nil {
		t.Fatal(err)
	}
	// A reset link waits in the outbox (the mail server is down): the
	// message is sealed too.
	if err := st.EnqueueEmail(ctx, model.EmailReset, model.Email{To: "c@example.org", Subject: "Reset", Body: markerLink}); err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		rng := rand.New(rand.NewPCG(1, 2))
		if _, err := st.ImportCases(ctx, f.groupID, gen.Cases(rng, time.Now().UTC(), n)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := st.CreateCase(ctx, f.groupID, "", model.CaseInput{Status: "arrived", Address: markerAddress},
		model.PersonInput{Name: "Principal Marker", LastUSArrival: "2026-01-05", DOB: "1991-02-03", ANumber: markerANumber, Facility: markerFacility})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPerson(ctx, c, "", model.PersonInput{Name: "Child Marker", Relationship: "child", DOB: "2015-06-07", Facility: markerFacility, ANumber: "987650124"}); err != nil {
		t.Fatal(err)
	}
	// A person in the network's queue: their A-number and detention
	// facility are sealed too.
	network := model.Org{ID: ids["n"], Kind: model.KindNetwork, Name: "Red"}
	if _, err := st.AddQueueEntries(ctx, network, []model.QueueEntryInput{{Pseudonym: "Q.M.", Languages: []string{"es"}, Adults: 1,
		ANumber: "987650125", Facility: markerFacility}}, store.IntakeSource{ActorID: coord.ID}); err != nil {
		t.Fatal(err)
	}
	return f
}

// closeStore closes the fixture's store (for commands that need it alone).
func (f *fixture) closeStore(t testing.TB) {
	t.Helper()
	if err := f.st.Close(); err != nil {
		t.Fatal(err)
	}
	f.st = nil
}

// counts opens path alone for a moment and counts RestoreTables.
func counts(t testing.TB, path string) map[string]int {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenExisting(ctx, path, false, true)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	return countStore(t, st)
}

func countStore(t testing.TB, st *store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tb := range backup.RestoreTables {
		n, err := st.CountRows(context.Background(), tb)
		if err != nil {
			t.Fatal(err)
		}
		out[tb] = n
	}
	return out
}

// fileBytes is a file's content with its -wal, if any.
func fileBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if w, err := os.ReadFile(path + "-wal"); err == nil {
		b = append(b, w...)
	}
	return b
}

func digest(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// assertNoMarkers fails if b holds any marker value in plain text.
func assertNoMarkers(t testing.TB, what string, b []byte) {
	t.Helper()
	for _, m := range []string{markerANumber, markerAddress, markerFacility, markerTOTP, markerLink} {
		if bytes.Contains(b, []byte(m)) {
			t.Errorf("%s holds the marker %q in plain text", what, m)
		}
	}
}

// dirNames lists the names in dir.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// strayFiles lists leftovers of an interrupted command in dir.
func strayFiles(t testing.TB, dir string) []string {
	var out []string
	for _, n := range dirNames(t, dir) {
		if strings.Contains(n, ".tmp-") || strings.Contains(n, ".restore-") || strings.HasSuffix(n, ".new") {
			out = append(out, n)
		}
	}
	return out
}

func modelCase() model.CaseInput { return model.CaseInput{Status: "arrived"} }

func modelPerson() model.PersonInput {
	return model.PersonInput{Name: "Later Person", DOB: "1980-05-05", ANumber: "11122233"}
}
