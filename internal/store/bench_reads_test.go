//go:build unix

package store_test

import (
	"context"
	"crypto/rand"
	mrand "math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/store"
)

// BenchmarkCaseReads is the SQL of one signed-in case page (the viewer,
// their memberships, the case in scope, and everything the page reads of
// it) and of one group home page, in a group of 300 generated cases, with
// the statement cache and without it (every statement parsed and planned
// again, as before the cache).
func BenchmarkCaseReads(b *testing.B) {
	ctx := context.Background()
	for _, cached := range []bool{true, false} {
		name := map[bool]string{true: "prepared", false: "text"}[cached]
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		key := make([]byte, 32)
		rand.Read(key)
		if err := st.UseKey(ctx, key); err != nil {
			b.Fatal(err)
		}
		ids, err := st.ApplySeed(ctx, store.Seed{
			Orgs:  []store.SeedOrg{{Key: "g", Kind: model.KindGroup, Name: "Bench"}},
			Users: []store.SeedUser{{Email: "c@example.org", Name: "Coord", PasswordHash: "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$a2V5", Roles: map[string]model.Role{"g": model.RoleCoordinator}}},
		}, true)
		if err != nil {
			b.Fatal(err)
		}
		caseIDs, err := st.ImportCases(ctx, ids["g"], gen.Cases(mrand.New(mrand.NewPCG(1, 2)), time.Now().UTC(), 300))
		if err != nil {
			b.Fatal(err)
		}
		u, err := st.UserByEmail(ctx, "c@example.org")
		if err != nil {
			b.Fatal(err)
		}
		if !cached {
			store.DisableStmtCache(st)
		}
		caseID := caseIDs[len(caseIDs)/2]
		today := time.Now().UTC().Format(time.DateOnly)
		until := time.Now().UTC().AddDate(0, 0, 30).Format(time.DateOnly)
		b.Run("case/"+name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := st.UserByID(ctx, u.ID); err != nil {
					b.Fatal(err)
				}
				ms, err := st.Memberships(ctx, u.ID)
				if err != nil {
					b.Fatal(err)
				}
				c, err := st.CaseInScope(ctx, ms, caseID)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := st.People(ctx, c.ID, "en"); err != nil {
					b.Fatal(err)
				}
				if _, err := st.Facts(ctx, c.ID); err != nil {
					b.Fatal(err)
				}
				if _, err := st.Appointments(ctx, c.ID); err != nil {
					b.Fatal(err)
				}
				if _, err := st.Marks(ctx, c.ID); err != nil {
					b.Fatal(err)
				}
				if _, err := st.ComputeDeadlines(ctx, c.ID); err != nil {
					b.Fatal(err)
				}
				if _, err := st.History(ctx, c.ID, 20); err != nil {
					b.Fatal(err)
				}
				if _, err := st.StatusChanges(ctx, c.ID); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e3, "cpu-µs/op")
		})
		b.Run("group-due/"+name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := st.GroupDue(ctx, ids["g"], today, until, 100); err != nil {
					b.Fatal(err)
				}
				if _, err := st.GroupSealedDue(ctx, ids["g"], until); err != nil {
					b.Fatal(err)
				}
				if _, err := st.Members(ctx, ids["g"], "en"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e3, "cpu-µs/op")
		})
		st.Close()
	}
}
