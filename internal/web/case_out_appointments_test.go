package web

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
)

// TestCaseOutAppointmentStates: the summary and the appointments Go
// writes are the templates' bytes in the states the demo lacks: nothing
// due, a flagged next appointment and other flagged ones, one without a
// time or place, one passed the viewer can mark attended, one attended
// with someone going, one far off that nobody goes to yet, one the
// viewer goes to, a need with no end, a lawyer with only a phone number
// and one with nothing, a closed case, and the one-time message at each
// appointment; for a coordinator and a member, in English and Spanish.
func TestCaseOutAppointmentStates(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.srv.now = func() time.Time { return time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC) }
	alpha := e.orgs["alpha"]
	newCase := func(name string, in model.CaseInput) model.Case {
		in.Status = "arrived"
		c, err := e.st.CreateCase(ctx, alpha.ID, "", in, model.PersonInput{Name: name + caseProbe})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	appt := func(c model.Case, a model.Appointment) string {
		// Typed texts carry the probe (probeTexts would make every
		// appointment one someone goes to: nothing would be flagged).
		for _, s := range []*string{&a.Place, &a.Note, &a.Going} {
			if *s != "" {
				*s += caseProbe
			}
		}
		if a.TimeZone == "" {
			a.TimeZone = "America/New_York"
		}
		id, err := e.st.AddAppointment(ctx, c, "", a)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	// Flagged: nothing due (no facts), the next appointment (a hearing in
	// two days, for the principal) and a check-in without time or place
	// nobody goes to; a biometrics appointment far off; one passed, not
	// marked; one attended with someone going; one the coordinator goes
	// to; a need with no end; a lawyer known by phone only.
	flagged := newCase("Rosa Díaz", model.CaseInput{LawyerContact: "+1 (555) 010-0100"})
	principal := e.principal(flagged)
	hearing := appt(flagged, model.Appointment{Kind: "master_hearing", PersonID: principal, Date: "2026-12-03", Time: "09:00", Place: "Court"})
	checkin := appt(flagged, model.Appointment{Kind: "ice_checkin", Date: "2026-12-05"})
	appt(flagged, model.Appointment{Kind: "biometrics", Date: "2027-02-01", Time: "10:00", Place: "ASC"})
	passed := appt(flagged, model.Appointment{Kind: "ice_checkin", Date: "2026-11-20", Time: "10:00", Place: "ICE", Note: "Bring the letter"})
	attended := appt(flagged, model.Appointment{Kind: "other", Date: "2026-11-10", Place: "Clinic", Going: "Ana drives"})
	check(e.st.SetMark(ctx, flagged, "", model.Mark{Key: store.AppointmentKey(attended), State: model.MarkDone}))
	mine := appt(flagged, model.Appointment{Kind: model.KindIndividualHearing, Date: "2027-03-01", Time: "08:30", Place: "Court"})
	check(e.st.SignUp(ctx, flagged, mine, "", e.userID(emailAlphaCoord), model.RoleDriver))
	check(e.st.SetNeed(ctx, flagged, "", "housing", ""))

	// Calm: the next appointment needs nobody with them and has nobody;
	// no lawyer at all.
	calm := newCase("Luis Pérez", model.CaseInput{})
	appt(calm, model.Appointment{Kind: "other", Date: "2026-12-10", Time: "14:00", Place: "School"})

	// Closed: someone goes to a coming hearing, nobody to a check-in; no
	// one may sign up or edit any more.
	closed := newCase("Marta Gil", model.CaseInput{LawyerName: "Lic. Ortega" + caseProbe, LawyerContact: "ortega@example.org" + caseProbe})
	appt(closed, model.Appointment{Kind: "master_hearing", Date: "2026-12-04", Time: "09:00", Place: "Court", Going: "Ana"})
	appt(closed, model.Appointment{Kind: "ice_checkin", Date: "2027-01-20", Time: "09:00", Place: "ICE"})
	check(e.st.CloseCase(ctx, closed, "", "moved"))

	for _, lang := range []i18n.Lang{i18n.EN, i18n.ES} {
		for _, email := range []string{emailAlphaCoord, emailAlphaMem} {
			goSide, specSide := e.signIn(email), e.signIn(email)
			for _, c := range []*client{goSide, specSide} {
				pvPost(t, c, "/lang", url.Values{"lang": {string(lang)}, "return": {"/"}}, 303)
			}
			for _, c := range []model.Case{flagged, calm, closed} {
				path := "/cases/" + c.ID
				a, b := caseBoth(t, e, goSide, specSide, path)
				compareCase(t, lang, email, path, "", a, b)
				if c.ID == flagged.ID {
					// The states this case is for are on the page.
					for _, want := range []string{
						`<div class="flagged">`, `<a class="nobody-going" href="#a-` + hearing + `">`,
						`<li><a href="#a-` + checkin + `">`, `<li><a href="#needs">`, `href="tel:&#43;15550100100"`,
						`name="key" value="appointment/` + passed + `"`, `/going/remove?return=case`,
					} {
						if want == `/going/remove?return=case` && email != emailAlphaCoord {
							continue
						}
						if !strings.Contains(a, want) {
							t.Errorf("%s %s %s: no %s on the page", lang, email, path, want)
						}
					}
					for _, id := range []string{hearing, checkin, passed, attended, mine} {
						plantFlash(t, e, goSide, path+"#a-"+id)
						plantFlash(t, e, specSide, path+"#a-"+id)
						a, b := caseBoth(t, e, goSide, specSide, path)
						if !strings.Contains(a, `id="a-`+id+`"><p class="flash" role="status">`) {
							t.Errorf("%s %s %s#a-%s: the one-time message is not at its appointment", lang, email, path, id)
						}
						compareCase(t, lang, email, path, "a-"+id, a, b)
					}
				}
			}
		}
	}
}

// TestCaseOutGoingPartials: o.who and o.goButton print what "cm-who" and
// "cm-go-button" print for every combination of what they read,
// including the one no page reaches (flagged, yet the viewer may not
// sign up), with values made of what html/template escapes.
func TestCaseOutGoingPartials(t *testing.T) {
	e := newEnv(t)
	tpl, err := e.srv.page(i18n.EN, "case")
	if err != nil {
		t.Fatal(err)
	}
	w := &goingWords{Nobody: "nobody" + caseProbe, NobodySoon: "soon" + caseProbe, IGo: "go" + caseProbe, Withdraw: "withdraw" + caseProbe}
	for n := range 1 << 7 {
		bit := func(i int) bool { return n&(1<<i) != 0 }
		g := goingView{W: w, CaseID: "c" + caseProbe, Flagged: bit(1), Accompanied: bit(2), Passed: bit(3), CanSignUp: bit(4),
			IGoLabel: "igo" + caseProbe, WithdrawLabel: "wd" + caseProbe}
		if bit(0) {
			g.ApptID = "a" + caseProbe
		}
		if bit(5) {
			g.WhoLine = "who" + caseProbe
		}
		if bit(6) {
			g.Mine = model.RoleDriver
		}
		for _, p := range []struct {
			name  string
			write func(o *htmlOut, g *goingView)
		}{{"cm-who", (*htmlOut).who}, {"cm-go-button", (*htmlOut).goButton}} {
			var want bytes.Buffer
			if err := tpl.ExecuteTemplate(&want, p.name, &g); err != nil {
				t.Fatal(err)
			}
			var o htmlOut
			p.write(&o, &g)
			if string(o.b) != want.String() {
				t.Errorf("%s %+v:\nGo:       %q\ntemplate: %q", p.name, g, o.b, want.String())
			}
		}
	}
}
