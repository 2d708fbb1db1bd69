package web

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestCasePageShowsMoneyBehind (fresh-eyes review): money owed shows on
// the case page in its own group "Behind", with the Overdue tag, not only
// inside the folded list of everything the group promised, and in the
// case summary's flags; in Spanish too.
func TestCasePageShowsMoneyBehind(t *testing.T) {
	e := newEnv(t)
	cmClock(e, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	mem := e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	id := cmCommitment(t, mem, c.ID, url.Values{"kind": {"money"}, "description": {"Rent and food"}, "starts_on": {"2026-10-17"},
		"end_kind": {"open"}, "amount": {"300"}, "currency": {"USD"}, "frequency": {"monthly"}})
	path := "/cases/" + c.ID + "/commitments/" + id
	cmPost(t, mem, path+"/given", url.Values{"given_on": {"2026-10-17"}, "amount": {"300"}}, s303)

	behind := cmSection(mem.get("/cases/"+c.ID).body, "<h3>Behind</h3>")
	if !strings.Contains(behind, `data-state="overdue">Overdue</span> <strong>$300.00 behind since 17 Nov 2026</strong>`) ||
		!strings.Contains(behind, `href="`+path+`"`) || !strings.Contains(behind, "Rent and food") {
		t.Errorf("case page: group \"Behind\" got %q, want Rent and food, Overdue, $300.00 behind since 17 Nov 2026", behind)
	}
	if flags := cmFlagsSection(mem.get("/cases/" + c.ID).body); !strings.Contains(flags, `data-state="overdue">Overdue</span> <a href="`+path+`">Rent and food: $300.00 behind since 17 Nov 2026</a>`) {
		t.Errorf("case summary: flags got %q, want Overdue, Rent and food: $300.00 behind since 17 Nov 2026", flags)
	}
	cmPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	behind = cmSection(mem.get("/cases/"+c.ID).body, "<h3>Con pagos atrasados</h3>")
	if !strings.Contains(behind, "faltan $300.00 desde el 17") || !strings.Contains(behind, `data-state="overdue"`) {
		t.Errorf("Spanish case page: group \"Con pagos atrasados\" got %q, want faltan $300.00 desde el 17 …, overdue", behind)
	}

	// Given in full: nothing behind, no group.
	cmPost(t, mem, path+"/given", url.Values{"given_on": {"2026-11-17"}, "amount": {"300"}}, s303)
	if body := mem.get("/cases/" + c.ID).body; strings.Contains(body, "<h3>Con pagos atrasados</h3>") {
		t.Errorf("given in full: the case page still lists it as behind")
	}
}

// TestUncoveredNeedLinksToUnheldCommitment (fresh-eyes review): after the
// last responsible person is taken off an active housing commitment, the
// case page's needed housing links to that commitment (where a member says
// "I will do this"), not to a new one that would duplicate it; with no
// such commitment it offers a new one.
func TestUncoveredNeedLinksToUnheldCommitment(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	casePath := "/cases/" + c.ID
	cmPost(t, coord, casePath+"/needs", url.Values{"kind": {"housing"}}, s303)
	needs := func(cl *client) string {
		body := cl.get(casePath).body
		i := strings.Index(body, `id="needs"`)
		if i < 0 {
			return ""
		}
		return body[i : i+strings.Index(body[i:], "</section>")]
	}
	newLink := `href="` + casePath + `/commitments/new?kind=housing"`
	if n := needs(mem); !strings.Contains(n, newLink) {
		t.Errorf("housing needed, no commitment: got %q, want a link to a new housing commitment", n)
	}

	id := cmCommitment(t, mem, c.ID, url.Values{"kind": {"housing"}, "description": {"Spare room"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"}})
	cmPost(t, mem, casePath+"/commitments/"+id+"/holders/remove", url.Values{}, s303)
	n := needs(mem)
	if !strings.Contains(n, `<span class="nobody-going">Nobody responsible</span>`) {
		t.Errorf("nobody responsible any more: needs got %q, want it uncovered", n)
	}
	if strings.Contains(n, newLink) || !strings.Contains(n, `href="`+casePath+`/commitments/`+id+`">Take on the commitment already made</a>`) {
		t.Errorf("active housing with nobody responsible: needs got %q, want a link to it, none to a new one", n)
	}
	cmPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	if n := needs(mem); !strings.Contains(n, `/commitments/`+id+`">Encargarse del compromiso que ya existe</a>`) {
		t.Errorf("Spanish: needs got %q, want a link to the commitment", n)
	}

	// Cancelled, it meets nothing: a new one is offered again.
	cmPost(t, coord, casePath+"/commitments/"+id+"/cancel", url.Values{"cancelled_on": {cmDay(0)}}, s303)
	if n := needs(coord); !strings.Contains(n, newLink) {
		t.Errorf("the commitment cancelled: needs got %q, want a link to a new housing commitment", n)
	}
}

// TestCommitmentPagesNameWhatWasPromised (fresh-eyes review): a
// commitment's page and the questions about it name what was promised
// ("Rent and food"), not only its kind ("Money"), in English and Spanish;
// one without a description falls back to its kind. Taking oneself off is
// asked and buttoned in the first person, not "Take off Alicia Alpha".
func TestCommitmentPagesNameWhatWasPromised(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	id := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "description": {"Rent and food"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"},
		"amount": {"300"}, "currency": {"USD"}, "frequency": {"monthly"},
		"holder": {e.userID(emailAlphaCoord), e.userID(emailAlphaMem)}})
	path := "/cases/" + c.ID + "/commitments/" + id
	memName := ""
	cm, err := e.st.Commitment(context.Background(), c.ID, id, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range cm.Holders {
		if h.UserID == e.userID(emailAlphaMem) {
			memName = h.Name
		}
	}
	for _, tc := range []struct {
		path, want string
	}{
		{path, "<h1>Rent and food · " + c.Code + "</h1>"},
		{path + "/cancel", "Cancel this commitment (Rent and food)?"},
		{path + "/holders/remove?user_id=" + e.userID(emailAlphaMem), "Take " + memName + " off “Rent and food”?"},
		{path + "/given/new", "Record what was given: Rent and food"},
	} {
		if body := html.UnescapeString(coord.get(tc.path).body); !strings.Contains(body, tc.want) {
			t.Errorf("GET %s: no %q", tc.path, tc.want)
		}
	}
	mine := html.UnescapeString(coord.get(path + "/holders/remove").body)
	if !strings.Contains(mine, "Take yourself off “Rent and food”?") || !strings.Contains(mine, ">Take myself off</button>") || strings.Contains(mine, ">Take off ") {
		t.Errorf("taking oneself off: want \"Take yourself off “Rent and food”?\" with the button \"Take myself off\"; %.600s", secSnippet(mine))
	}
	cmPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	if body := mem.get(path).body; !strings.Contains(body, "<h1>Rent and food · "+c.Code+"</h1>") {
		t.Errorf("Spanish commitment page: no title \"Rent and food · %s\"", c.Code)
	}
	mine = html.UnescapeString(mem.get(path + "/holders/remove").body)
	if !strings.Contains(mine, "¿Dejar de encargarse de «Rent and food»?") || !strings.Contains(mine, ">Dejar de encargarme</button>") {
		t.Errorf("Spanish, taking oneself off: want «Rent and food» and the button \"Dejar de encargarme\"; %.600s", secSnippet(mine))
	}

	// Without a description, its kind.
	bare := cmCommitment(t, coord, c.ID, url.Values{"kind": {"transport"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}})
	if body := coord.get("/cases/" + c.ID + "/commitments/" + bare).body; !strings.Contains(body, "<h1>Transport · "+c.Code+"</h1>") {
		t.Errorf("no description: want the title \"Transport · %s\"", c.Code)
	}
}
