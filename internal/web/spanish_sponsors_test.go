package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/i18n"
)

// TestSponsorPagesInSpanishOnTheDemo reads the network's sponsor pages on
// the demo data set seeded in Spanish: Alpha approved with one background
// check expiring in 15 days, Beta not updated in 120 days and no longer
// approved; then every rejected sponsor form. No page may show a message
// key, a code identifier or English (esCheck).
func TestSponsorPagesInSpanishOnTheDemo(t *testing.T) {
	e := newDemoEnv(t, i18n.ES)
	admin := e.signInSpanish("admin@network.example.org")
	netCoord := e.signInSpanish("coordinator@network.example.org")
	alphaCoord := e.signInSpanish("coord@alpha.example.org")
	netID := regexp.MustCompile(`href="/orgs/([0-9a-f]{32})/sponsors"`).FindStringSubmatch(pvGet(t, admin, "/orgs/"+esOrgOf(t, admin), http.StatusOK).body)
	if netID == nil {
		t.Fatalf("the network's page does not link to its sponsor groups")
	}
	net := netID[1]
	var pages []esPage
	add := func(what string, res response, want int) string {
		t.Helper()
		if res.status != want {
			t.Errorf("%s: got %d, want %d", what, res.status, want)
		}
		pages = append(pages, esPage{what, visibleText(res.body)})
		return res.body
	}
	list := add("sponsors", admin.get("/orgs/"+net+"/sponsors"), s200)
	groups := regexp.MustCompile(`href="/orgs/([0-9a-f]{32})/profile">([^<]+)<`).FindAllStringSubmatch(list, -1)
	if len(groups) != 2 {
		t.Fatalf("the demo network lists %d groups, want 2", len(groups))
	}
	stages := spStageRE.FindAllStringSubmatch(list, -1)
	// Alpha is approved and hosts the network's placement "Rosa M.".
	if len(stages) != 2 || stages[0][1] != "hosting" || stages[1][1] != "applied" {
		t.Errorf("demo stages: got %v, want Alpha hosting and Beta applied", stages)
	}
	if n := strings.Count(list, "Sin actualizar en 90 días"); n != 1 {
		t.Errorf("demo: %d profiles not updated in 90 days, want 1 (Beta)", n)
	}
	exp := add("expiring", admin.get("/orgs/"+net+"/sponsors/expiring"), s200)
	if !strings.Contains(exp, "A.M.") || !strings.Contains(exp, "Revisión de antecedentes") {
		t.Errorf("demo: the background check about to expire is not listed")
	}
	alpha := groups[0][1]
	add("setup", admin.get("/orgs/"+net+"/vetting/setup"), s200)
	add("profile (network)", netCoord.get("/orgs/"+alpha+"/profile"), s200)
	add("profile (group)", alphaCoord.get("/orgs/"+alpha+"/profile"), s200)
	add("profile form", alphaCoord.get("/orgs/"+alpha+"/profile/edit"), s200)
	for _, r := range []struct {
		c    *client
		path string
		form url.Values
	}{
		{admin, "/orgs/" + net + "/regions", url.Values{"name": {"Queens, NY"}}},
		{admin, "/orgs/" + net + "/vetting-items", url.Values{"item_name": {""}, "valid_days": {"mil"}}},
		{alphaCoord, "/orgs/" + alpha + "/profile", url.Values{"adults": {"dos"}, "languages": {"xx"}, "pledge": {"mucho"}, "available_from": {"ayer"}}},
		{netCoord, "/orgs/" + alpha + "/vetting", url.Values{"item_id": {"nada"}, "done_on": {"2099-01-01"}}},
		{netCoord, "/orgs/" + alpha + "/stage", url.Values{"stage": {"approved"}}},
	} {
		body := add("rejected "+r.path, r.c.post(r.path, r.form), s422)
		checkErrorSummary(t, "POST "+r.path, body)
	}
	// Renaming and removing regions and items, refused and done, and the
	// network's security log with those events (migration 024).
	regions, _ := e.st.Regions(context.Background(), net)
	items, _ := e.st.VettingItems(context.Background(), net)
	if len(regions) == 0 || len(items) == 0 {
		t.Fatalf("the demo network has %d regions and %d items", len(regions), len(items))
	}
	rp, ip := "/orgs/"+net+"/regions/"+regions[0].ID, "/orgs/"+net+"/vetting-items/"+items[0].ID
	add("rename region", admin.get(rp+"/edit"), s200)
	add("rename item", admin.get(ip+"/edit"), s200)
	add("remove region", admin.get(rp+"/remove"), s200)
	add("remove item (records)", admin.get(ip+"/remove"), s200)
	body := add("rejected rename", admin.post(rp, url.Values{"name": {""}}), s422)
	checkErrorSummary(t, "POST "+rp, body)
	body = add("refused removal", admin.post(ip+"/remove", url.Values{}), http.StatusConflict)
	checkErrorSummary(t, "POST "+ip+"/remove", body)
	if res := admin.post(rp, url.Values{"name": {regions[0].Name + " (centro)"}}); res.status != http.StatusSeeOther {
		t.Errorf("rename a region: got %d", res.status)
	}
	if res := admin.post("/orgs/"+net+"/regions", url.Values{"name": {"Región libre"}}); res.status != http.StatusSeeOther {
		t.Errorf("add a region: got %d", res.status)
	}
	if res := netCoord.post("/orgs/"+alpha+"/stage", url.Values{"stage": {"resting"}}); res.status != http.StatusSeeOther {
		t.Errorf("set a stage: got %d", res.status)
	}
	log := add("security log", admin.get("/orgs/"+net+"/security"), s200)
	for _, want := range []string{"Región renombrada", "Región agregada", "Etapa del grupo fijada por la red", "→"} {
		if !strings.Contains(log, want) {
			t.Errorf("the Spanish security log does not show %q", want)
		}
	}
	esCheck(t, "sponsor pages", pages)
}
