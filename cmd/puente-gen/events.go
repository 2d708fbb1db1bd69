package main

import (
	"context"
	"fmt"
	"time"

	"puente/internal/model"
)

// eventMix is how often each kind of entry appears, in parts: mostly
// sign-ins and sign-outs, as in a real log.
var eventMix = []struct {
	kind  model.EventKind
	parts int
}{
	{model.EventSignin, 55},
	{model.EventSignout, 15},
	{model.EventSigninFailed, 8},
	{model.EventInvitationIssued, 5},
	{model.EventInvitationAccepted, 4},
	{model.EventRoleChanged, 3},
	{model.EventPasswordChanged, 3},
	{model.EventResetIssued, 2},
	{model.EventResetUsed, 1},
	{model.EventInvitationRevoked, 1},
	{model.EventMemberRemoved, 1},
	{model.EventLockout, 1},
	{model.EventGroupCreated, 1},
}

// events appends -events entries to the security log with Store.RecordEvent,
// spread evenly over the last -days in time order, so ids grow with time
// as they do in a real log. Each entry is one synchronous commit.
func (g *generator) events(ctx context.Context) (int, error) {
	total := 0
	for _, m := range eventMix {
		total += m.parts
	}
	orgs := g.allOrgs()
	n := g.cfg.events
	start := time.Now().UTC().Add(-g.cfg.span())
	step := g.cfg.span() / time.Duration(max(n, 1))
	for i := range n {
		if err := ctx.Err(); err != nil {
			return i, err
		}
		k := g.rng.IntN(total)
		var kind model.EventKind
		for _, m := range eventMix {
			if k < m.parts {
				kind = m.kind
				break
			}
			k -= m.parts
		}
		at := start.Add(time.Duration(i)*step + time.Duration(g.rng.Int64N(int64(step)+1)))
		e := g.event(kind, pick(g.rng, orgs), at)
		if err := g.st.RecordEvent(ctx, e); err != nil {
			return i, fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	return n, nil
}

// event fills one entry the way the store's own writers do: account events
// (sign-ins, password changes) carry no organisation; organisation events
// name the manager who acted.
func (g *generator) event(kind model.EventKind, o genOrg, at time.Time) model.Event {
	person := pick(g.rng, o.people)
	manager := pick(g.rng, o.managers)
	roles := model.RolesFor(o.org.Kind)
	e := model.Event{Kind: kind, At: at, IP: docIP(g.rng)}
	switch kind {
	case model.EventSignin, model.EventSignout, model.EventPasswordChanged, model.EventResetUsed:
		e.ActorID, e.SubjectID = person, person
	case model.EventSigninFailed, model.EventLockout:
		e.SubjectID = person
	case model.EventInvitationIssued, model.EventInvitationRevoked:
		e.OrgID, e.ActorID = o.org.ID, manager
		if kind == model.EventInvitationIssued {
			e.Detail = string(pick(g.rng, roles))
		}
	case model.EventInvitationAccepted:
		e.OrgID, e.ActorID, e.SubjectID, e.Detail = o.org.ID, person, person, string(pick(g.rng, roles))
	case model.EventRoleChanged:
		e.OrgID, e.ActorID, e.SubjectID = o.org.ID, manager, person
		e.Detail = string(roles[1]) + " → " + string(roles[0])
	case model.EventMemberRemoved:
		e.OrgID, e.ActorID, e.SubjectID, e.Detail = o.org.ID, manager, person, string(roles[1])
	case model.EventResetIssued:
		e.OrgID, e.ActorID, e.SubjectID = o.org.ID, manager, person
	case model.EventGroupCreated:
		// Groups are created by their network's admin; the entry sits in the network's log.
		e.OrgID, e.ActorID, e.Detail = o.org.ID, manager, groupName(g.rng)
		if o.org.NetworkID != "" {
			e.OrgID = o.org.NetworkID
			e.ActorID = g.networkOf(o.org.NetworkID).managers[0]
		}
	}
	return e
}

func (g *generator) networkOf(id string) genOrg {
	for _, n := range g.networks {
		if n.org.ID == id {
			return n.genOrg
		}
	}
	return genOrg{}
}
