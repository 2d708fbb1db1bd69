package web

import (
	"context"
	"fmt"
	"net/url"

	"puente/internal/auth"
	"puente/internal/model"
)

// Case routes are tried on the case of group alpha (the member's and group
// coordinator's own group), of beta (another group of the same network) and
// of gamma (a group of another network).
var caseTargets = []string{"alpha", "beta", "gamma"}

// viewCases: only the group's own people; network staff never see a case.
func viewCases(ok int) [6][]int {
	return [6][]int{
		{s303, s303, s303},
		{ok, s404, s404},
		{ok, s404, s404},
		{s404, s404, s404},
		{s404, s404, s404},
		{s404, s404, s404},
	}
}

func postCases(ok int) [6][]int {
	m := viewCases(ok)
	m[0] = []int{s401, s401, s401}
	return m
}

// manageCases: the group's coordinators only.
func manageCases(ok int) [6][]int {
	m := postCases(ok)
	m[1] = []int{s403, s404, s404}
	return m
}

// manageCasesGet: a page of the group's coordinators only.
func manageCasesGet(ok int) [6][]int {
	m := viewCases(ok)
	m[1] = []int{s403, s404, s404}
	return m
}

// freshClosedCase opens and closes a case in c's group, to purge.
func (e *testEnv) freshClosedCase(c model.Case) model.Case {
	ctx := context.Background()
	n := victims.Add(1)
	closed, err := e.st.CreateCase(ctx, c.GroupID, "", model.CaseInput{Status: "arrived", Court: "Closed court"},
		model.PersonInput{Name: fmt.Sprintf("Closed Principal %d", n), ANumber: "123456789"})
	if err != nil {
		e.t.Fatalf("closed case: %v", err)
	}
	if err := e.st.CloseCase(ctx, closed, "", "moved"); err != nil {
		e.t.Fatalf("close case: %v", err)
	}
	return closed
}

func (e *testEnv) freshPerson(c model.Case) string {
	n := victims.Add(1)
	id, err := e.st.AddPerson(context.Background(), c, "", model.PersonInput{Name: fmt.Sprintf("Relative %d", n)})
	if err != nil {
		e.t.Fatalf("person: %v", err)
	}
	return id
}

func (e *testEnv) freshFact(c model.Case) string {
	id, err := e.st.AddFact(context.Background(), c, "", model.Fact{Kind: model.FactMove, Date: "2026-04-01"})
	if err != nil {
		e.t.Fatalf("fact: %v", err)
	}
	return id
}

func (e *testEnv) freshAppointment(c model.Case) string {
	id, err := e.st.AddAppointment(context.Background(), c, "", model.Appointment{Kind: "ice_checkin", Date: "2026-12-01"})
	if err != nil {
		e.t.Fatalf("appointment: %v", err)
	}
	return id
}

func (e *testEnv) principal(c model.Case) string {
	people, err := e.st.People(context.Background(), c.ID, "en")
	if err != nil || len(people) == 0 {
		e.t.Fatalf("people of %s: %v", c.ID, err)
	}
	return people[0].ID
}

func (e *testEnv) userID(email string) string {
	u, err := e.st.UserByEmail(context.Background(), email)
	if err != nil {
		e.t.Fatalf("user %s: %v", email, err)
	}
	return u.ID
}

func caseMatrix() []matrixRow {
	on := func(suffix func(e *testEnv, c model.Case) string, form url.Values) func(e *testEnv, role int, target string) cell {
		return func(e *testEnv, role int, target string) cell {
			c := e.cases[target]
			return cell{path: "/cases/" + c.ID + suffix(e, c), form: form}
		}
	}
	fixed := func(s string) func(*testEnv, model.Case) string {
		return func(*testEnv, model.Case) string { return s }
	}
	bad := url.Values{"date": {""}, "kind": {""}}
	signedIn := func(anon, s int) [6]int { return [6]int{anon, s, s, s, s, s} }
	onlyCoord := func(anon, ok, no int) [6]int { return [6]int{anon, no, ok, no, no, no} }
	return []matrixRow{
		{method: "GET", pattern: "/cases", plain: signedIn(s303, s200)},
		{method: "GET", pattern: "/cases/new", plain: onlyCoord(s303, s200, s403)},
		{method: "POST", pattern: "/cases", form: url.Values{"name": {""}}, plain: onlyCoord(s401, s422, s403)},
		{method: "GET", pattern: "/cases/{caseID}", targets: caseTargets, on: on(fixed(""), nil), want: viewCases(s200)},
		{method: "GET", pattern: "/cases/{caseID}/court-card", targets: caseTargets, on: on(fixed("/court-card"), nil), want: viewCases(s200)},
		// The case's details are the coordinators'; members record dates,
		// appointments and marks, and add and correct household members.
		{method: "GET", pattern: "/cases/{caseID}/edit", targets: caseTargets, on: on(fixed("/edit"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}", targets: caseTargets,
			on: on(fixed(""), url.Values{"status": {"bogus"}}), want: manageCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/close", targets: caseTargets, on: on(fixed("/close"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/close", targets: caseTargets,
			on: on(fixed("/close"), url.Values{"reason": {""}}), want: manageCases(s422)},
		// Purging at once: the confirmation page and the purge, on a
		// closed case of each group (a fresh one per cell).
		{method: "GET", pattern: "/cases/{caseID}/purge", targets: caseTargets,
			on: func(e *testEnv, role int, target string) cell {
				return cell{path: "/cases/" + e.freshClosedCase(e.cases[target]).ID + "/purge"}
			}, want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/purge", targets: caseTargets,
			on: func(e *testEnv, role int, target string) cell {
				return cell{path: "/cases/" + e.freshClosedCase(e.cases[target]).ID + "/purge", form: url.Values{}}
			}, want: manageCases(s303)},
		{method: "POST", pattern: "/cases/{caseID}/address/reveal", targets: caseTargets,
			on: on(fixed("/address/reveal"), url.Values{}), want: manageCases(s200)},
		{method: "GET", pattern: "/cases/{caseID}/people/new", targets: caseTargets, on: on(fixed("/people/new"), nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/people", targets: caseTargets,
			on: on(fixed("/people"), url.Values{"name": {""}}), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/people/{personID}/edit", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/people/" + e.principal(c) + "/edit" }, nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/people/{personID}", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/people/" + e.principal(c) }, url.Values{"name": {""}}), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/people/{personID}/remove", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/people/" + e.freshPerson(c) + "/remove" }, nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/people/{personID}/remove", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/people/" + e.freshPerson(c) + "/remove" }, url.Values{}), want: manageCases(s303)},
		{method: "POST", pattern: "/cases/{caseID}/people/{personID}/reveal", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/people/" + e.principal(c) + "/reveal" }, url.Values{"field": {"anumber"}}),
			want: manageCases(s200)},
		// A person's data-subject export: coordinators of the group only;
		// network staff never, whatever their role.
		{method: "GET", pattern: "/cases/{caseID}/people/{personID}/export", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/people/" + e.principal(c) + "/export" }, nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/people/{personID}/export", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/people/" + e.principal(c) + "/export" }, url.Values{"format": {"page"}}),
			want: manageCases(s200)},
		{method: "GET", pattern: "/cases/{caseID}/facts/new", targets: caseTargets, on: on(fixed("/facts/new"), nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/facts", targets: caseTargets, on: on(fixed("/facts"), bad), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/facts/{factID}/edit", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/facts/" + e.freshFact(c) + "/edit" }, nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/facts/{factID}", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/facts/" + e.freshFact(c) }, bad), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/facts/{factID}/delete", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/facts/" + e.freshFact(c) + "/delete" }, nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/facts/{factID}/delete", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/facts/" + e.freshFact(c) + "/delete" }, url.Values{}), want: postCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/appointments/new", targets: caseTargets, on: on(fixed("/appointments/new"), nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/appointments", targets: caseTargets, on: on(fixed("/appointments"), bad), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/appointments/{apptID}/edit", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/appointments/" + e.freshAppointment(c) + "/edit" }, nil),
			want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/appointments/{apptID}", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string { return "/appointments/" + e.freshAppointment(c) }, bad), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/appointments/{apptID}/delete", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/appointments/" + e.freshAppointment(c) + "/delete" }, nil),
			want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/appointments/{apptID}/delete", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/appointments/" + e.freshAppointment(c) + "/delete" }, url.Values{}),
			want: postCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/marks", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string {
				return "/marks?key=appointment/" + e.freshAppointment(c)
			}, nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/marks", targets: caseTargets,
			on: func(e *testEnv, role int, target string) cell {
				c := e.cases[target]
				return cell{path: "/cases/" + c.ID + "/marks", form: url.Values{"key": {"appointment/" + e.freshAppointment(c)}, "state": {"maybe"}}}
			}, want: postCases(s422)},

		{method: "GET", pattern: "/calendar", plain: signedIn(s303, s200)},
		// A feed is made only by someone in a sponsor group: network
		// staff alone would get an empty one (authz.CanHaveFeed).
		{method: "POST", pattern: "/calendar/feeds", form: url.Values{}, plain: [6]int{s401, s200, s200, s403, s403, s403}},
		// The confirmation before revoking: one's own feed; someone else's answers 404.
		{method: "GET", pattern: "/calendar/feeds/{feedID}/revoke", targets: []string{"own", "another's"},
			on: func(e *testEnv, role int, target string) cell {
				owner := emailAlphaCoord
				if target == "own" && matrixRoles[role].email != "" {
					owner = matrixRoles[role].email
				}
				f, err := e.st.CreateFeed(context.Background(), e.userID(owner), auth.HashToken(auth.NewToken()), "en")
				if err != nil {
					e.t.Fatal(err)
				}
				return cell{path: "/calendar/feeds/" + f.ID + "/revoke"}
			},
			want: [6][]int{{s303, s303}, {s200, s404}, {s200, s200}, {s200, s404}, {s200, s404}, {s200, s404}}},
		// Revoking: one's own feed works; someone else's answers 404.
		{method: "POST", pattern: "/calendar/feeds/{feedID}/revoke", targets: []string{"own", "another's"},
			on: func(e *testEnv, role int, target string) cell {
				owner := emailAlphaCoord
				if target == "own" && matrixRoles[role].email != "" {
					owner = matrixRoles[role].email
				}
				f, err := e.st.CreateFeed(context.Background(), e.userID(owner), auth.HashToken(auth.NewToken()), "en")
				if err != nil {
					e.t.Fatal(err)
				}
				return cell{path: "/calendar/feeds/" + f.ID + "/revoke", form: url.Values{}}
			},
			want: [6][]int{{s401, s401}, {s303, s404}, {s303, s303}, {s303, s404}, {s303, s404}, {s303, s404}}},
		// The feed is its own credential: a live token answers anyone, a
		// revoked or unknown one answers 404.
		{method: "GET", pattern: "/calendar/{token}.ics", targets: []string{"live", "revoked"},
			on: func(e *testEnv, role int, target string) cell {
				token := auth.NewToken()
				f, err := e.st.CreateFeed(context.Background(), e.userID(emailAlphaCoord), auth.HashToken(token), "en")
				if err != nil {
					e.t.Fatal(err)
				}
				if target == "revoked" {
					if err := e.st.RevokeFeed(context.Background(), e.userID(emailAlphaCoord), f.ID); err != nil {
						e.t.Fatal(err)
					}
				}
				return cell{path: "/calendar/" + token + ".ics"}
			},
			want: [6][]int{{s200, s404}, {s200, s404}, {s200, s404}, {s200, s404}, {s200, s404}, {s200, s404}}},
	}
}
