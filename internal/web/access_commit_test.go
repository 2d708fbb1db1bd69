package web

import (
	"context"
	"net/url"

	"puente/internal/model"
)

// Commitments and coverage in the access matrix. Each cell acts for the
// group's coordinator (someone other than the member), so a member gets
// 403 where only coordinators may act for others; acting for oneself is
// in commit_flow_test.go.

func (e *testEnv) freshCommitment(c model.Case, holders ...string) string {
	id, err := e.st.AddCommitment(context.Background(), c, "", model.CommitmentInput{Kind: "housing", StartsOn: "2026-01-01",
		EndKind: model.EndOpen}, holders)
	if err != nil {
		e.t.Fatalf("commitment: %v", err)
	}
	return id
}

// coordOf is the id of the coordinator of the group holding c.
func (e *testEnv) coordOf(c model.Case) string {
	switch c.GroupID {
	case e.orgs["alpha"].ID:
		return e.userID(emailAlphaCoord)
	case e.orgs["beta"].ID:
		return e.userID(emailBetaCoord)
	}
	return e.userID(emailGammaCoord)
}

func commitMatrix() []matrixRow {
	on := func(suffix func(e *testEnv, c model.Case) string, form func(e *testEnv, c model.Case) url.Values) func(e *testEnv, role int, target string) cell {
		return func(e *testEnv, role int, target string) cell {
			c := e.cases[target]
			var f url.Values
			if form != nil {
				f = form(e, c)
			}
			return cell{path: "/cases/" + c.ID + suffix(e, c), form: f}
		}
	}
	fixed := func(s string) func(*testEnv, model.Case) string {
		return func(*testEnv, model.Case) string { return s }
	}
	values := func(v url.Values) func(*testEnv, model.Case) url.Values {
		return func(*testEnv, model.Case) url.Values { return v }
	}
	forCoord := func(extra url.Values) func(e *testEnv, c model.Case) url.Values {
		return func(e *testEnv, c model.Case) url.Values {
			v := url.Values{"user_id": {e.coordOf(c)}}
			for k, x := range extra {
				v[k] = x
			}
			return v
		}
	}
	// A commitment only the group's coordinator holds: not the member's.
	coordCommitment := func(rest string) func(e *testEnv, c model.Case) string {
		return func(e *testEnv, c model.Case) string {
			return "/commitments/" + e.freshCommitment(c, e.coordOf(c)) + rest
		}
	}
	// A record of what was given, entered by the group's coordinator.
	coordRecord := func(e *testEnv, c model.Case) string {
		cid := e.freshCommitment(c, e.coordOf(c))
		rid, err := e.st.AddGivenRecord(context.Background(), c, cid, e.coordOf(c), model.GivenRecord{GivenOn: "2026-02-01", Description: "x"})
		if err != nil {
			e.t.Fatal(err)
		}
		return "/commitments/" + cid + "/given/" + rid + "/delete"
	}
	housingNeed := func(e *testEnv, c model.Case) string {
		if err := e.st.SetNeed(context.Background(), c, "", "housing", ""); err != nil {
			e.t.Fatal(err)
		}
		return "/needs/housing/remove"
	}
	// GET pages only coordinators reach (the member's own are in the flows).
	manageGet := func(ok int) [6][]int {
		m := viewCases(ok)
		m[1] = []int{s403, s404, s404}
		return m
	}
	signedIn := func(anon, s int) [6]int { return [6]int{anon, s, s, s, s, s} }
	return []matrixRow{
		{method: "GET", pattern: "/cases/{caseID}/commitments/new", targets: caseTargets, on: on(fixed("/commitments/new"), nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/commitments", targets: caseTargets,
			on: on(fixed("/commitments"), values(url.Values{"kind": {""}})), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}", targets: caseTargets,
			on: on(coordCommitment(""), nil), want: viewCases(s200)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}/edit", targets: caseTargets,
			on: on(coordCommitment("/edit"), nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/commitments/{commitmentID}", targets: caseTargets,
			on:   on(coordCommitment(""), values(url.Values{"kind": {"housing"}, "starts_on": {"2026-01-01"}, "end_kind": {"date"}, "ends_on": {"2025-01-01"}})),
			want: manageCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}/cancel", targets: caseTargets,
			on: on(coordCommitment("/cancel"), nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/commitments/{commitmentID}/cancel", targets: caseTargets,
			on: on(coordCommitment("/cancel"), values(url.Values{})), want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}/holders/new", targets: caseTargets,
			on: on(coordCommitment("/holders/new"), nil), want: manageGet(s200)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}/given/new", targets: caseTargets,
			on: on(coordCommitment("/given/new"), nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/commitments/{commitmentID}/holders", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/commitments/" + e.freshCommitment(c) + "/holders" }, forCoord(nil)),
			want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}/holders/remove", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string {
				return "/commitments/" + e.freshCommitment(c, e.coordOf(c)) + "/holders/remove?user_id=" + e.coordOf(c)
			}, nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/commitments/{commitmentID}/holders/remove", targets: caseTargets,
			on: on(coordCommitment("/holders/remove"), forCoord(nil)), want: manageCases(s303)},
		{method: "POST", pattern: "/cases/{caseID}/commitments/{commitmentID}/given", targets: caseTargets,
			on: on(coordCommitment("/given"), values(url.Values{"given_on": {""}})), want: manageCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/commitments/{commitmentID}/given/{recordID}/delete", targets: caseTargets,
			on: on(coordRecord, nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/commitments/{commitmentID}/given/{recordID}/delete", targets: caseTargets,
			on: on(coordRecord, values(url.Values{})), want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/needs/new", targets: caseTargets, on: on(fixed("/needs/new"), nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/needs", targets: caseTargets,
			on: on(fixed("/needs"), values(url.Values{"kind": {"castle"}})), want: manageCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/needs/{kind}/remove", targets: caseTargets, on: on(housingNeed, nil), want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/needs/{kind}/remove", targets: caseTargets,
			on: on(housingNeed, values(url.Values{})), want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/appointments/{apptID}/going", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/appointments/" + e.freshAppointment(c) + "/going" }, nil),
			want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/appointments/{apptID}/going", targets: caseTargets,
			on:   on(func(e *testEnv, c model.Case) string { return "/appointments/" + e.freshAppointment(c) + "/going" }, forCoord(url.Values{"role": {"driver"}})),
			want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/appointments/{apptID}/going/remove", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string {
				appt := e.freshAppointment(c)
				if err := e.st.SignUp(context.Background(), c, appt, e.coordOf(c), e.coordOf(c), model.RoleDriver); err != nil {
					e.t.Fatal(err)
				}
				return "/appointments/" + appt + "/going/remove?user_id=" + e.coordOf(c) + "&return=home"
			}, nil),
			want: manageGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/appointments/{apptID}/going/remove", targets: caseTargets,
			on: on(func(e *testEnv, c model.Case) string {
				return "/appointments/" + e.freshAppointment(c) + "/going/remove"
			}, forCoord(nil)),
			want: manageCases(s303)},
		{method: "GET", pattern: "/me/tasks", plain: signedIn(s303, s200)},
	}
}
