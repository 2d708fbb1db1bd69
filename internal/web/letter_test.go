package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSponsorLetter: a member gets 404 for the draft letter; a
// coordinator's draft is filled from the case (the household's names, the
// address, the group's commitments), says it is a draft to check with the
// lawyer, and opening it writes exactly one audit row, a reveal of the
// address; showing the edited text for printing writes nothing.
func TestSponsorLetter(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	base := "/cases/" + cn.id
	mem := e.signIn(emailAlphaMem)
	if res := mem.get(base + "/letter"); res.status != http.StatusNotFound {
		t.Errorf("member GET letter: got %d, want 404", res.status)
	}
	if res := mem.post(base+"/letter", url.Values{}); res.status != http.StatusNotFound {
		t.Errorf("member POST letter: got %d, want 404", res.status)
	}
	coord := e.signIn(emailAlphaCoord)
	if body := coord.get(base + "/letter").body; strings.Contains(body, "CANARYADDRESS") {
		t.Errorf("the letter's first page shows the address before it is opened")
	}
	e.st.FlushAudit()
	before := e.count("audit_log")
	res := pvPost(t, coord, base+"/letter", url.Values{}, http.StatusOK)
	for _, want := range []string{"CANARYADDRESS", "CANARYNAME1", "CANARYRELATIVE", "CANARYCOMMIT", "Check it with the lawyer", "<textarea"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("draft letter: got no %q", want)
		}
	}
	e.st.FlushAudit()
	if got := e.count("audit_log") - before; got != 1 {
		t.Errorf("opening the letter: %d audit rows, want 1", got)
	}
	audit, reveals := pvAuditRows(t, e.dbPath)
	if reveals < 1 || !strings.Contains(audit, "address") {
		t.Errorf("audit log: got no reveal of the address; %s", audit)
	}
	counts := cmCounts(e)
	res = pvPost(t, coord, base+"/letter", url.Values{"text": {"Dear judge,\nEdited line"}}, http.StatusOK)
	if !strings.Contains(res.body, "<p>Edited line</p>") {
		t.Errorf("print view: got no edited text as a paragraph")
	}
	e.st.FlushAudit()
	cmSameCounts(t, "print view", counts, cmCounts(e))
	if got := e.count("audit_log") - before; got != 1 {
		t.Errorf("after the print view: %d audit rows, want still 1", got)
	}
}
