package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"testing"
	"time"

	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/store"
)

// Benchmarks of issue 11, at the sizes it names; each reports the server's
// own wall and CPU time per page (serveBench: the handler called directly).

var benchKinds = []model.CommitmentKind{"housing", "transport", "court", "checkin", "legal", "health", "school", "language", "jobs", "orientation"}

// benchCommitments adds to seed n commitments (a third of them money) held
// by holders, records spread over the last year, sign-ups for every
// appointment, and two needs.
func benchCommitments(seed *store.CaseSeed, rng *rand.Rand, today time.Time, n, records int, holders []string) {
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format("2006-01-02") }
	freqs := []string{"monthly", "weekly", "once"}
	for i := 0; i < n; i++ {
		cs := store.CommitmentSeed{Holders: []string{holders[i%len(holders)]}}
		start := -rng.IntN(360)
		if i%3 == 0 {
			cs.Commitment = model.CommitmentInput{Kind: model.KindMoney, Description: fmt.Sprintf("Support %d", i), StartsOn: day(start),
				EndKind: model.EndWorkPermit, AmountCents: int64(5000 + rng.IntN(60000)), Currency: "USD", Frequency: freqs[i%len(freqs)]}
		} else {
			cs.Commitment = model.CommitmentInput{Kind: benchKinds[i%len(benchKinds)], Description: fmt.Sprintf("Help %d", i),
				StartsOn: day(start), EndKind: model.EndDate, EndsOn: day(start + 30 + rng.IntN(400))}
		}
		seed.Commitments = append(seed.Commitments, cs)
	}
	for r := 0; r < records; r++ {
		i := r % n
		g := store.GivenSeed{GivenOn: day(-rng.IntN(360)), By: holders[r%len(holders)], Note: "bench"}
		if seed.Commitments[i].Commitment.Kind == model.KindMoney {
			g.AmountCents = int64(1000 + rng.IntN(50000))
		} else {
			g.Description = "Given"
		}
		seed.Commitments[i].Given = append(seed.Commitments[i].Given, g)
	}
	for i := range seed.Appointments {
		for j := 0; j < 1+i%len(holders); j++ {
			seed.Appointments[i].Going = append(seed.Appointments[i].Going,
				store.GoingSeed{Email: holders[(i+j)%len(holders)], Role: model.SignUpRoles[(i+j)%3]})
		}
	}
	seed.Needs = []store.NeedSeed{{Kind: "housing"}, {Kind: benchKinds[1+rng.IntN(len(benchKinds)-1)], Until: day(90)}}
}

func benchCookies(e *testEnv, email string) []*http.Cookie {
	c := e.signIn(email)
	u, _ := url.Parse(e.ts.URL)
	return c.http.Jar.Cookies(u)
}

// BenchmarkCasePageCommitments is a case page with 40 commitments, 200
// records of what was given and 12 appointments with sign-ups, in a group
// of 300 cases.
func BenchmarkCasePageCommitments(b *testing.B) {
	e := newEnv(b)
	rng := rand.New(rand.NewPCG(11, 12))
	importCases(b, e, e.orgs["alpha"], 299, rng)
	now := time.Now().UTC()
	seed := gen.Cases(rng, now, 1)[0]
	seed.Appointments = nil
	for i := 0; i < 12; i++ {
		seed.Appointments = append(seed.Appointments, store.AppointmentSeed{PersonIndex: -1,
			Appointment: model.Appointment{Kind: model.AppointmentKinds[i%4], Date: now.AddDate(0, 0, -60+i*10).Format("2006-01-02"), Time: "09:00"}})
	}
	benchCommitments(&seed, rng, now, 40, 200, []string{emailAlphaCoord, emailAlphaMem})
	ids, err := e.st.ImportCases(context.Background(), e.orgs["alpha"].ID, []store.CaseSeed{seed})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("case: %d commitments, %d records, %d appointments, %d sign-ups; %d cases in the group",
		e.count("commitments"), e.count("commitment_records"), len(seed.Appointments), e.count("appointment_signups"), e.count("cases"))
	serveBench(b, e, benchCookies(e, emailAlphaCoord), "/cases/"+ids[0])
}

// BenchmarkGroupHomeCommitments is the group home page with 300 open
// cases, each with commitments, records, needs and sign-ups: the flags
// are computed across all of them.
func BenchmarkGroupHomeCommitments(b *testing.B) {
	e := newEnv(b)
	rng := rand.New(rand.NewPCG(13, 14))
	now := time.Now().UTC()
	seeds := gen.Cases(rng, now, 300)
	for i := range seeds {
		benchCommitments(&seeds[i], rng, now, 4, 8, []string{emailAlphaCoord, emailAlphaMem})
	}
	if _, err := e.st.ImportCases(context.Background(), e.orgs["alpha"].ID, seeds); err != nil {
		b.Fatal(err)
	}
	b.Logf("group: %d cases, %d commitments, %d records, %d needs, %d appointments, %d sign-ups", e.count("cases"),
		e.count("commitments"), e.count("commitment_records"), e.count("case_needs"), e.count("appointments"), e.count("appointment_signups"))
	serveBench(b, e, benchCookies(e, emailAlphaCoord), "/")
}

// BenchmarkMyTasks20 is /me/tasks for a member who holds commitments and
// goes to appointments in 20 cases of a group of 300.
func BenchmarkMyTasks20(b *testing.B) {
	e := newEnv(b)
	rng := rand.New(rand.NewPCG(15, 16))
	now := time.Now().UTC()
	importCases(b, e, e.orgs["alpha"], 280, rng)
	seeds := gen.Cases(rng, now, 20)
	for i := range seeds {
		benchCommitments(&seeds[i], rng, now, 3, 6, []string{emailAlphaMem})
	}
	if _, err := e.st.ImportCases(context.Background(), e.orgs["alpha"].ID, seeds); err != nil {
		b.Fatal(err)
	}
	b.Logf("member: %d commitments held, %d sign-ups, in %d cases of %d", e.count("commitment_holders"),
		e.count("appointment_signups"), len(seeds), e.count("cases"))
	serveBench(b, e, benchCookies(e, emailAlphaMem), "/me/tasks")
}
