//go:build unix

package store_test

import (
	"context"
	"crypto/rand"
	"fmt"
	mrand "math/rand/v2"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/store"
)

// BenchmarkListCases20k measures the case list's queries (count and page)
// with 20,000 cases in ONE group, the worst case for a group's list: a
// search by name (accent-free typing of accented names), a search by case
// code, and sorted pages by name in each language, first and deep.
func BenchmarkListCases20k(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	key := make([]byte, 32)
	rand.Read(key)
	if err := st.UseKey(ctx, key); err != nil {
		b.Fatal(err)
	}
	ids, err := st.ApplySeed(ctx, store.Seed{Orgs: []store.SeedOrg{{Key: "g", Kind: model.KindGroup, Name: "Bench"}}}, true)
	if err != nil {
		b.Fatal(err)
	}
	group := ids["g"]
	rng := mrand.New(mrand.NewPCG(5, 6))
	start := time.Now()
	var caseIDs []string
	for n := 20000; n > 0; n -= 1000 {
		got, err := st.ImportCases(ctx, group, gen.Cases(rng, time.Now().UTC(), min(n, 1000)))
		if err != nil {
			b.Fatal(err)
		}
		caseIDs = append(caseIDs, got...)
	}
	b.Logf("imported %d cases in %v", len(caseIDs), time.Since(start).Round(time.Millisecond))
	some, _, err := st.ListCases(ctx, group, store.CaseQuery{Limit: 1, Page: 1234})
	if err != nil || len(some) != 1 {
		b.Fatal(err)
	}
	code := some[0].Code
	for _, tc := range []struct {
		name string
		q    store.CaseQuery
	}{
		{"search=perez", store.CaseQuery{Search: "perez"}},
		{"search=maria_perez", store.CaseQuery{Search: "maria perez"}},
		{"search=JOSÉ_sorted_es", store.CaseQuery{Search: "JOSÉ", Sort: "name", Lang: "es"}},
		{"search=code", store.CaseQuery{Search: code}},
		{"search=code_prefix", store.CaseQuery{Search: code[:5]}},
		{"name_en_page1", store.CaseQuery{Sort: "name", Lang: "en"}},
		{"name_es_page1", store.CaseQuery{Sort: "name", Lang: "es"}},
		{"name_es_page400", store.CaseQuery{Sort: "name", Lang: "es", Page: 400}},
		{"name_es_all_page800", store.CaseQuery{Sort: "name", Lang: "es", State: "all", Page: 800}},
		{"updated_page1", store.CaseQuery{}},
	} {
		q := tc.q
		q.Limit = 25
		cases, total, err := st.ListCases(ctx, group, q)
		if err != nil || (len(cases) == 0 && total > 0) {
			b.Fatalf("%s: %d cases of %d, %v", tc.name, len(cases), total, err)
		}
		b.Run(fmt.Sprintf("%s(%d_matches)", tc.name, total), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, _, err := st.ListCases(ctx, group, q); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time per query as well as wall time: on a shared
			// machine the wall time mostly measures the wait for a core.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time this process has used (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
