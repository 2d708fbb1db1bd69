package web

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestCasePageShowsMoneyBehind (fresh-eyes review): money owed shows on
// the case page in its own group "Behind", with the Overdue tag, not only
// inside the folded list of everything the group promised; in Spanish too.
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
