package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"puente/internal/i18n"
)

// TestTakingSomeoneOffAsksFirst (review of the group pages, finding 4):
// taking a responsible person off a commitment, or someone off an
// appointment, is a link to a confirmation page, never a one-tap form; the
// page changes nothing, says when nobody would be left, and its button
// does the removal. Someone who holds nothing gets 404.
func TestTakingSomeoneOffAsksFirst(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	base := "/cases/" + c.ID
	memID := e.userID(emailAlphaMem)

	// A commitment the member alone holds.
	cm := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}, "holder": {memID}})
	page := coord.get(base + "/commitments/" + cm).body
	if strings.Contains(page, `action="`+base+`/commitments/`+cm+`/holders/remove"`) {
		t.Errorf("commitment page: \"Take off\" is a one-tap form, want a link to a confirmation")
	}
	confirmURL := base + "/commitments/" + cm + "/holders/remove?user_id=" + memID
	if !strings.Contains(page, `href="`+strings.ReplaceAll(confirmURL, "&", "&amp;")+`"`) {
		t.Errorf("commitment page: no link to %s", confirmURL)
	}
	res := coord.get(confirmURL)
	if res.status != 200 || !strings.Contains(res.body, "Take Miguel Member off") ||
		!strings.Contains(res.body, i18n.EN.T("confirm.holder.nobody")) ||
		!strings.Contains(res.body, `<input type="hidden" name="user_id" value="`+memID+`">`) {
		t.Errorf("holder confirmation: got %d, want the person named, the warning that nobody is left, and the hidden user: %.600s", res.status, secSnippet(res.body))
	}
	if got, _ := e.st.Commitment(ctx, c.ID, cm, "en"); !got.HeldBy(memID) {
		t.Fatalf("the confirmation page took the holder off")
	}
	if res := coord.get(base + "/commitments/" + cm + "/holders/remove?user_id=" + e.userID(emailAlphaCoord)); res.status != 404 {
		t.Errorf("confirmation for someone who does not hold it: got %d, want 404", res.status)
	}
	if res := mem.get(base + "/commitments/" + cm + "/holders/remove"); res.status != 200 || !strings.Contains(res.body, "Take yourself off") {
		t.Errorf("the holder's own confirmation: got %d, want \"Take yourself off\"", res.status)
	}
	res = cmPost(t, coord, base+"/commitments/"+cm+"/holders/remove", url.Values{"user_id": {memID}}, s303)
	if got, _ := e.st.Commitment(ctx, c.ID, cm, "en"); got.HeldBy(memID) {
		t.Errorf("the confirmation's button did not take the holder off")
	}
	flashWhereItLands(t, coord, "holder taken off", res, i18n.EN.T("commit.holders_saved"))

	// An appointment the member alone goes to: the case page and the
	// sign-up page link to the confirmation; its Cancel leads back.
	appt := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(9))
	cmPost(t, mem, base+"/appointments/"+appt+"/going", url.Values{"role": {"driver"}}, s303)
	for _, p := range []string{base, base + "/appointments/" + appt + "/going"} {
		body := mem.get(p).body
		if strings.Contains(body, `action="`+base+`/appointments/`+appt+`/going/remove"`) {
			t.Errorf("%s: withdrawing is a one-tap form, want a link to a confirmation", p)
		}
		if !strings.Contains(body, base+"/appointments/"+appt+"/going/remove?") {
			t.Errorf("%s: no link to the withdrawal's confirmation", p)
		}
	}
	res = mem.get(base + "/appointments/" + appt + "/going/remove?return=home")
	if res.status != 200 || !strings.Contains(res.body, "Are you no longer going") ||
		!strings.Contains(res.body, i18n.EN.T("going.confirm.nobody")) || !strings.Contains(res.body, `<a class="action" href="/">`) {
		t.Errorf("withdrawal confirmation: got %d, want the question, the warning that nobody goes, and Cancel to the home page: %.600s", res.status, secSnippet(res.body))
	}
	if ups, _ := e.st.SignUps(ctx, c.ID, "en"); len(ups[appt]) != 1 {
		t.Fatalf("the confirmation page withdrew the member")
	}
	if res := mem.get(base + "/appointments/" + appt + "/going/remove?user_id=" + e.userID(emailAlphaCoord)); res.status != 403 {
		t.Errorf("a member's confirmation for taking someone else off: got %d, want 403", res.status)
	}
	if res := coord.get(base + "/appointments/" + appt + "/going/remove"); res.status != 404 {
		t.Errorf("confirmation for a coordinator who is not going: got %d, want 404", res.status)
	}
	cmPost(t, mem, base+"/appointments/"+appt+"/going/remove", url.Values{"return": {"home"}}, s303)
	if ups, _ := e.st.SignUps(ctx, c.ID, "en"); len(ups[appt]) != 0 {
		t.Errorf("the confirmation's button did not withdraw the member")
	}
}
