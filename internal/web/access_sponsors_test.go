package web

import (
	"context"
	"fmt"
	"net/url"

	"puente/internal/model"
)

// sponsorMatrix is the access matrix of sponsor groups as their network
// sees them (issue 13), on the targets network, alpha, beta, othernet,
// gamma. A group's profile is its own and its network's: another group
// (beta's people on alpha) never reaches it; only the group's coordinators
// change it; only network staff record vetting; only network admins define
// regions and items. Bad input answers 422 where the viewer may act.
func sponsorMatrix() []matrixRow {
	on := onOrg
	viewProfile := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, ok, s404, s404, s404},
			{s404, ok, s404, s404, s404},
			{s403, ok, ok, s404, s404},
			{s403, ok, ok, s404, s404},
			{s404, s404, s404, s403, ok},
		}
	}
	editProfile := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, s403, s404, s404, s404},
			{s404, ok, s404, s404, s404},
			{s403, s403, s403, s404, s404},
			{s403, s403, s403, s404, s404},
			{s404, s404, s404, s403, s403},
		}
	}
	recordVetting := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, s403, s404, s404, s404},
			{s404, s403, s404, s404, s404},
			{s403, ok, ok, s404, s404},
			{s403, ok, ok, s404, s404},
			{s404, s404, s404, s403, ok},
		}
	}
	viewSponsors := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, s403, s404, s404, s404},
			{s404, s403, s404, s404, s404},
			{ok, s403, s403, s404, s404},
			{ok, s403, s403, s404, s404},
			{s404, s404, s404, ok, s403},
		}
	}
	// A region or vetting item of the target, made for each cell (the
	// cell may remove it), nobody using it.
	made := 0
	region := func(suffix string, form url.Values) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell {
			made++
			name := fmt.Sprintf("Matrix region %d", made)
			if err := e.st.AddRegion(context.Background(), o.ID, name, "", ""); err != nil {
				e.t.Fatal(err)
			}
			rs, err := e.st.Regions(context.Background(), o.ID)
			if err != nil {
				e.t.Fatal(err)
			}
			for _, r := range rs {
				if r.Name == name {
					return cell{path: "/orgs/" + o.ID + "/regions/" + r.ID + suffix, form: form}
				}
			}
			e.t.Fatal("the matrix region is missing")
			return cell{}
		}
	}
	item := func(suffix string, form url.Values) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell {
			made++
			name := fmt.Sprintf("Matrix item %d", made)
			if err := e.st.AddVettingItem(context.Background(), o.ID, model.VettingItem{Name: name, ValidDays: 30}, "", ""); err != nil {
				e.t.Fatal(err)
			}
			its, err := e.st.VettingItems(context.Background(), o.ID)
			if err != nil {
				e.t.Fatal(err)
			}
			for _, it := range its {
				if it.Name == name {
					return cell{path: "/orgs/" + o.ID + "/vetting-items/" + it.ID + suffix, form: form}
				}
			}
			e.t.Fatal("the matrix item is missing")
			return cell{}
		}
	}
	return []matrixRow{
		{method: "GET", pattern: "/orgs/{orgID}/regions/{regionID}/edit", prepare: region("/edit", nil), org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/regions/{regionID}", prepare: region("", url.Values{"name": {""}}),
			org: withAnon(onlyOwnNetworkAdmin(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/regions/{regionID}/remove", prepare: region("/remove", nil), org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/regions/{regionID}/remove", prepare: region("/remove", url.Values{}),
			org: withAnon(onlyOwnNetworkAdmin(s303), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/vetting-items/{itemID}/edit", prepare: item("/edit", nil), org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/vetting-items/{itemID}", prepare: item("", url.Values{"name": {""}}),
			org: withAnon(onlyOwnNetworkAdmin(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/vetting-items/{itemID}/remove", prepare: item("/remove", nil), org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/vetting-items/{itemID}/remove", prepare: item("/remove", url.Values{}),
			org: withAnon(onlyOwnNetworkAdmin(s303), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/profile", prepare: on("/profile", nil), org: withAnon(viewProfile(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/profile/edit", prepare: on("/profile/edit", nil), org: withAnon(editProfile(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/profile", prepare: on("/profile", url.Values{"adults": {"many"}}),
			org: withAnon(editProfile(s422), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/vetting", prepare: on("/vetting", url.Values{"item_id": {""}, "done_on": {"2026-01-01"}}),
			org: withAnon(recordVetting(s422), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/stage", prepare: on("/stage", url.Values{"stage": {"approved"}}),
			org: withAnon(recordVetting(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/sponsors", prepare: on("/sponsors", nil), org: withAnon(viewSponsors(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/sponsors/expiring", prepare: on("/sponsors/expiring", nil), org: withAnon(viewSponsors(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/matching/weights", prepare: on("/matching/weights", nil), org: withAnon(viewSponsors(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/vetting/setup", prepare: on("/vetting/setup", nil), org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/regions", prepare: on("/regions", url.Values{"name": {""}}),
			org: withAnon(onlyOwnNetworkAdmin(s422), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/vetting-items", prepare: on("/vetting-items", url.Values{"item_name": {"Home visit"}, "valid_days": {"0"}}),
			org: withAnon(onlyOwnNetworkAdmin(s422), anonPost)},
	}
}
