package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// TestTemplateEditing: a network admin adds an item in both languages
// (each text missing a language, and a link that is not EOIR, USCIS, ICE
// or ORR, are refused with nothing written), which makes a new version; a
// case given the checklist before keeps its items, and its coordinator
// sees the new item before pulling it in.
func TestTemplateEditing(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	net := e.orgs["network"].ID
	c := e.cases["alpha"]
	if _, err := e.st.AddChecklist(ctx, c, "", "ending"); err != nil {
		t.Fatal(err)
	}
	admin := e.signIn(emailNetAdmin)
	if body := admin.get("/orgs/" + net).body; !strings.Contains(body, "/orgs/"+net+"/checklists") {
		t.Errorf("network page: got no link to the checklist templates")
	}
	good := url.Values{"version": {"0"}, "title_en": {"Goodbye dinner"}, "title_es": {"Cena de despedida"}, "why_en": {"To end well."},
		"why_es": {"Para terminar bien."}, "source": {"https://www.uscis.gov/i-485"}, "role": {"other"}}
	for name, bad := range map[string]url.Values{
		"no Spanish title":    {"version": {"0"}, "title_en": {"Goodbye dinner"}},
		"why in English only": {"version": {"0"}, "title_en": {"Goodbye dinner"}, "title_es": {"Cena"}, "why_en": {"To end well."}},
		"a lawyer's site":     {"version": {"0"}, "title_en": {"Goodbye dinner"}, "title_es": {"Cena"}, "source": {"https://immigration-lawyer.example/i485"}},
		"an unknown rule":     {"version": {"0"}, "title_en": {"Goodbye dinner"}, "title_es": {"Cena"}, "rule": {"castle"}},
	} {
		res := cmPost(t, admin, "/orgs/"+net+"/checklists/ending/items", bad, s422)
		if !strings.Contains(res.body, "error-summary") {
			t.Errorf("%s: got no error summary", name)
		}
		if v, _ := e.st.NetworkTemplate(ctx, net, "ending"); v.Version != 0 {
			t.Fatalf("%s: a version was written", name)
		}
	}
	cmPost(t, admin, "/orgs/"+net+"/checklists/ending/items", good, s303)
	v, err := e.st.NetworkTemplate(ctx, net, "ending")
	if err != nil || v.Version != 1 || v.Items[len(v.Items)-1].ES.Title != "Cena de despedida" {
		t.Fatalf("after adding: version %d, %v", v.Version, err)
	}
	// The case keeps its items; its coordinator sees the change and pulls it.
	cl, _ := e.st.CaseChecklist(ctx, c.ID, "ending")
	if cl.Version != 0 || len(cl.Items) != len(v.Items)-1 {
		t.Errorf("the case's checklist changed: version %d, %d items", cl.Version, len(cl.Items))
	}
	coord := e.signIn(emailAlphaCoord)
	base := "/cases/" + c.ID + "/checklists/ending"
	if body := coord.get(base).body; !strings.Contains(body, "See what changed") {
		t.Errorf("checklist page: got no word of the newer version")
	}
	if body := coord.get(base + "/update").body; !strings.Contains(body, "Goodbye dinner") {
		t.Errorf("update page: got no new item")
	}
	cmPost(t, coord, base+"/update", url.Values{"version": {"1"}}, s303)
	cl, _ = e.st.CaseChecklist(ctx, c.ID, "ending")
	if cl.Version != 1 || cl.Items[len(cl.Items)-1].EN.Title != "Goodbye dinner" {
		t.Errorf("after the pull: version %d, last %q", cl.Version, cl.Items[len(cl.Items)-1].EN.Title)
	}
	// Moving and retiring make versions 2 and 3; the case stays at 1.
	cmPost(t, admin, "/orgs/"+net+"/checklists/ending/items/handover/move", url.Values{"dir": {"down"}, "version": {"1"}}, s303)
	cmPost(t, admin, "/orgs/"+net+"/checklists/ending/items/review/retire", url.Values{"version": {"2"}}, s303)
	v, _ = e.st.NetworkTemplate(ctx, net, "ending")
	if v.Version != 3 || v.Items[1].Key != "handover" || len(v.Items) != len(cl.Items)-1 {
		t.Errorf("after move and retire: version %d, second %q, %d items", v.Version, v.Items[1].Key, len(v.Items))
	}
	if cl2, _ := e.st.CaseChecklist(ctx, c.ID, "ending"); cl2.Version != 1 || len(cl2.Items) != len(cl.Items) {
		t.Errorf("the case changed with the template")
	}
}
