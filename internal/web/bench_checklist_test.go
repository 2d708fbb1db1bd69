package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/store"
)

// Benchmarks of issue 12; each reports the server's own wall and CPU time
// per page (serveBench).

// BenchmarkCasePageChecklists is the case page of BenchmarkCasePageCommitments
// (40 commitments, 200 records, 12 appointments, a group of 300 cases)
// with 5 checklists of 15 items each (the network's templates made 15
// long), a third of the items ticked and a third assigned.
func BenchmarkCasePageChecklists(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(21, 22))
	importCases(b, e, e.orgs["alpha"], 299, rng)
	now := time.Now().UTC()
	seed := gen.Cases(rng, now, 1)[0]
	seed.Appointments = nil
	for i := 0; i < 12; i++ {
		seed.Appointments = append(seed.Appointments, store.AppointmentSeed{PersonIndex: -1,
			Appointment: model.Appointment{Kind: model.AppointmentKinds[i%4], Date: now.AddDate(0, 0, -60+i*10).Format("2006-01-02"), Time: "09:00"}})
	}
	benchCommitments(&seed, rng, now, 40, 200, []string{emailAlphaCoord, emailAlphaMem})
	ids, err := e.st.ImportCases(ctx, e.orgs["alpha"].ID, []store.CaseSeed{seed})
	if err != nil {
		b.Fatal(err)
	}
	c, err := e.st.CaseForUser(ctx, e.userID(emailAlphaCoord), ids[0])
	if err != nil {
		b.Fatal(err)
	}
	rules := []string{"eoir33-change-of-address", "ar11-change-of-address", "i589-one-year", "ead-may-file", ""}
	for si, stage := range []string{"ready", "before_release", "first_week", "legal", "daily_life"} {
		v, err := e.st.NetworkTemplate(ctx, e.orgs["network"].ID, stage)
		if err != nil {
			b.Fatal(err)
		}
		items := v.Items
		for len(items) < 15 {
			n := len(items)
			items = append(items, model.TemplateItem{Key: fmt.Sprintf("bench-%d", n), Rule: rules[(si+n)%len(rules)],
				EN: model.ItemText{Title: fmt.Sprintf("Bench item %d", n), Why: "Why", How: "How"},
				ES: model.ItemText{Title: fmt.Sprintf("Tarea %d", n), Why: "Por qué", How: "Cómo"}})
		}
		if _, err := e.st.SaveTemplate(ctx, e.orgs["network"].ID, stage, "", v.Version, items[:15]); err != nil {
			b.Fatal(err)
		}
		if _, err := e.st.AddChecklist(ctx, c, "", stage); err != nil {
			b.Fatal(err)
		}
		cl, err := e.st.CaseChecklist(ctx, c.ID, stage)
		if err != nil {
			b.Fatal(err)
		}
		for i, it := range cl.Items {
			switch i % 3 {
			case 0:
				err = e.st.SetItemState(ctx, c, it.ID, "", model.ItemDone, "", now.Format("2006-01-02"))
			case 1:
				err = e.st.AssignItem(ctx, c, it.ID, "", e.userID(emailAlphaMem), now.AddDate(0, 0, i).Format("2006-01-02"))
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Logf("case: %d checklist items in %d checklists, %d commitments, %d records; %d cases in the group",
		e.count("case_checklist_items"), e.count("case_checklists"), e.count("commitments"), e.count("commitment_records"), e.count("cases"))
	serveBench(b, e, benchCookies(e, emailAlphaCoord), "/cases/"+ids[0])
}

// BenchmarkGuide is the public guide's busiest page (the legal stage, 12
// items), not signed in: no session, no database.
func BenchmarkGuide(b *testing.B) {
	e := newEnv(b)
	serveBench(b, e, nil, "/guide/legal")
}
