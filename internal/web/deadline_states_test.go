package web

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/deadline"
	"puente/internal/i18n"
)

// dsNow is the server's day in these tests: Monday 30 November 2026.
var dsNow = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// dsItemRE reads a listed deadline's or appointment's state tag, its days
// and its title, within one item of a list (ol.items on the case page and
// the home page).
var dsItemRE = regexp.MustCompile(`(?s)^.*?<span class="tag tag-([a-z_]+)" data-state="([a-z_]+)">[^<]+</span> <span class="when">([^<]*)</span>.*?<strong>([^<]+)</strong>`)

type dsBadge struct{ title, state, when string }

// dsBadges lists the items of a page; every item's tag says its state in
// the state's short name.
func dsBadges(body string) []dsBadge {
	var out []dsBadge
	for _, item := range strings.Split(body, `<li class="item"`)[1:] {
		m := dsItemRE.FindStringSubmatch(item)
		if m == nil {
			continue
		}
		if m[1] != m[2] {
			panic("tag class " + m[1] + " and data-state " + m[2] + " differ")
		}
		out = append(out, dsBadge{html.UnescapeString(m[4]), m[2], html.UnescapeString(m[3])})
	}
	return out
}

// dsHas fails unless a badge with title, state and words is on the page.
func dsHas(t *testing.T, label string, badges []dsBadge, want dsBadge) {
	t.Helper()
	for _, b := range badges {
		if b == want {
			return
		}
	}
	t.Errorf("%s: no badge %+v among %+v", label, want, badges)
}

// dsCase opens the case the state tests read: D.S.R. has no last-arrival
// date; her brother Luis filed his I-589 a day after his one-year deadline,
// waits for his work permit and holds one expiring 1 March 2027; the
// household arrived on 22 November 2026 and moved twice; a decision of
// 3 November 2026 can be appealed; a master hearing was on 20 November.
func dsCase(t *testing.T, e *testEnv, c *client) (string, string) {
	t.Helper()
	id := pvCreateCase(t, c, url.Values{"name": {"Dana Sol Ruiz"}, "status": {"arrived"}})
	base := "/cases/" + id
	pvPost(t, c, base+"/people", url.Values{"name": {"Luis Ruiz"}, "last_us_arrival": {"2025-08-08"}}, 303)
	var luis string
	for _, p := range pvPersonIDs(pvGet(t, c, base, 200).body) {
		if ps, _ := e.st.People(t.Context(), id, "en"); len(ps) > 1 && ps[1].ID == p {
			luis = p
		}
	}
	if luis == "" {
		t.Fatal("no id for Luis")
	}
	for _, f := range []url.Values{
		{"kind": {"arrival"}, "date": {"2026-11-22"}},
		{"kind": {"move"}, "date": {"2026-11-25"}},
		{"kind": {"move"}, "date": {"2026-11-26"}},
		{"kind": {"i589_filed"}, "person_id": {luis}, "date": {"2026-08-11"}},
		{"kind": {"ead_expiry"}, "person_id": {luis}, "date": {"2027-03-01"}},
		{"kind": {"decision"}, "person_id": {luis}, "date": {"2026-11-03"}},
	} {
		pvPost(t, c, base+"/facts", f, 303)
	}
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {"2026-11-20"}, "time": {"09:00"}}, 303)
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"ice_checkin"}, "date": {"2026-12-01"}}, 303)
	return base, luis
}

// TestCasePageStatesByKind (issue 7 §3, issue 15 A1–A3): the states say
// how many days, fit the kind of date, and close themselves when a fact
// meets them; a missing fact is named with the person's initials.
func TestCasePageStatesByKind(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dsNow }
	c := e.signIn(emailAlphaCoord)
	base, _ := dsCase(t, e, c)
	page := pvGet(t, c, base, 200).body
	b := dsBadges(page)
	eoir := "EOIR-33: tell the immigration court the new address"
	for _, want := range []dsBadge{
		{eoir, "overdue", "by 3 days"}, // arrival 22 Nov: due 27 Nov
		{eoir, "due_soon", "today"},    // move 25 Nov: due 30 Nov
		{eoir, "due_soon", "tomorrow"}, // move 26 Nov: due 1 Dec
		{"Appeal to the Board of Immigration Appeals (EOIR-26)", "due_soon", "in 3 days"}, // 3 Nov + 30 = 3 Dec
		{"Asylum application (I-589): one-year deadline", "done_late", "on Tuesday 11 August 2026"},
		{"Work permit: first day to apply", "opens_on", "in 39 days"},
		{"Work permit: first day USCIS may grant it", "info", "on Sunday 7 February 2027"},
		{"Work permit renewal: first day to apply", "open_now", "since Wednesday 2 September 2026"},
		{"Work permit expires", "info", "ends on Monday 1 March 2027"},
		{"Master calendar hearing", "appt_passed", ""},
		{"ICE check-in", "appt_soon", "tomorrow"},
	} {
		dsHas(t, "case page", b, want)
	}
	if strings.Contains(page, "Due within 14 days") {
		t.Errorf("case page still says %q", "Due within 14 days")
	}
	// Each state is a tag with its short name, the same on every page.
	for st, want := range map[string]string{"overdue": "Overdue", "due_soon": "Due soon", "done_late": "Done late",
		"opens_on": "Opens later", "info": "Information", "open_now": "Open now", "appt_passed": "Did they attend?", "appt_soon": "Soon"} {
		if !strings.Contains(page, `<span class="tag tag-`+st+`" data-state="`+st+`">`+html.EscapeString(want)+`</span>`) {
			t.Errorf("case page: no %s tag saying %q", st, want)
		}
	}
	for _, want := range []string{
		"For D.S.R., the date of last arrival in the United States is missing. Without it, the one-year deadline for the asylum application cannot be computed.",
		"It was filed after the one-year deadline. The lawyer must show changed or extraordinary circumstances (8 CFR 208.4(a)(4) and (5)).",
		"Met by the recorded date: Asylum application (I-589) filed.",
		"How it was counted",
	} {
		if !strings.Contains(html.UnescapeString(page), want) {
			t.Errorf("case page lacks %q", want)
		}
	}
	if f := pvGet(t, c, base+"/facts/new", 200).body; !strings.Contains(f, "Last day the asylum clock was stopped (asylum clock pauses only)") {
		t.Errorf("the new-date form lacks the pause's end")
	}
	if strings.Contains(page, "For L.R., the date of last arrival") {
		t.Errorf("a gap is named for Luis, whose last arrival is recorded")
	}

	// The same page in Spanish.
	pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {base}}, 303)
	es := pvGet(t, c, base, 200).body
	bs := dsBadges(es)
	eoirES := "EOIR-33: avisar al tribunal de inmigración la nueva dirección"
	for _, want := range []dsBadge{
		{eoirES, "overdue", "hace 3 días"},
		{eoirES, "due_soon", "hoy"},
		{eoirES, "due_soon", "mañana"},
		{"Apelación ante la Junta de Apelaciones de Inmigración (EOIR-26)", "due_soon", "en 3 días"},
		{"Solicitud de asilo (I-589): plazo de un año", "done_late", "el martes 11 de agosto de 2026"},
		{"Permiso de trabajo: primer día para pedirlo", "opens_on", "en 39 días"},
		{"Renovación del permiso de trabajo: primer día para pedirla", "open_now", "desde el miércoles 2 de septiembre de 2026"},
		{"Audiencia de calendario principal (audiencia preliminar)", "appt_passed", ""},
		{"Cita de control (check-in) de ICE", "appt_soon", "mañana"},
	} {
		dsHas(t, "Spanish case page", bs, want)
	}
	for _, want := range []string{
		"Para D.S.R. falta la fecha de la última llegada a Estados Unidos.",
		"Envíe el formulario EOIR-33 al tribunal de inmigración a más tardar el viernes 27 de noviembre de 2026.",
		"Cómo se calculó",
		"Vencido</span>",
		"Llegaron a la casa del patrocinador el domingo 22 de noviembre de 2026. 5 días después es el viernes 27 de noviembre de 2026.",
	} {
		if !strings.Contains(html.UnescapeString(es), want) {
			t.Errorf("Spanish case page lacks %q", want)
		}
	}
	if f := pvGet(t, c, base+"/facts/new", 200).body; !strings.Contains(f, "Último día con el reloj parado") {
		t.Errorf("the Spanish new-date form lacks the pause's end")
	}
	for _, bad := range []string{"Vence en 14 días", "(secondary source)", "interim rule", "Appendix", "días naturales"} {
		if strings.Contains(es, bad) {
			t.Errorf("Spanish case page has %q", bad)
		}
	}
}

// TestHomeListsTasksNotInformation: the home page lists what needs doing
// (with the days), windows about to open and expiries; never the earliest
// day a permit may be granted, an open window, or a deadline met by a
// fact.
func TestHomeListsTasksNotInformation(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dsNow }
	c := e.signIn(emailAlphaCoord)
	dsCase(t, e, c)
	home := pvGet(t, c, "/", 200).body
	b := dsBadges(home)
	dsHas(t, "home", b, dsBadge{"EOIR-33: tell the immigration court the new address", "overdue", "by 3 days"})
	dsHas(t, "home", b, dsBadge{"Appeal to the Board of Immigration Appeals (EOIR-26)", "due_soon", "in 3 days"})
	for _, gone := range []string{"first day USCIS may grant it", "Work permit renewal", "one-year deadline", "Work permit: first day to apply"} {
		if strings.Contains(home, gone) {
			t.Errorf("home page lists %q", gone)
		}
	}
	if !strings.Contains(home, "Needs attention in the next 14 days") {
		t.Errorf("home page lacks its heading")
	}
}

// TestMetByFactForms: the new fact kinds are recorded through the case
// form and close their deadlines; the Spanish form names them.
func TestMetByFactForms(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dsNow }
	c := e.signIn(emailAlphaCoord)
	base, luis := dsCase(t, e, c)
	pvPost(t, c, base+"/facts", url.Values{"kind": {"appeal_filed"}, "person_id": {luis}, "date": {"2026-11-28"}}, 303)
	// A fact is recorded once it has happened: on the day of the
	// application, then back to the test's today.
	e.srv.now = func() time.Time { return time.Date(2027, 1, 10, 17, 0, 0, 0, time.UTC) }
	pvPost(t, c, base+"/facts", url.Values{"kind": {"ead_applied"}, "person_id": {luis}, "date": {"2027-01-10"}}, 303)
	e.srv.now = func() time.Time { return dsNow }
	b := dsBadges(pvGet(t, c, base, 200).body)
	dsHas(t, "after the appeal", b, dsBadge{"Appeal to the Board of Immigration Appeals (EOIR-26)", "done", "on Saturday 28 November 2026"})
	dsHas(t, "after the EAD application", b, dsBadge{"Work permit: first day to apply", "done", "on Sunday 10 January 2027"})
	// The application falls inside the renewal window too (opened 2 Sep
	// 2026), so it uses that window as well.
	dsHas(t, "renewal window", b, dsBadge{"Work permit renewal: first day to apply", "done", "on Sunday 10 January 2027"})
	// A fact kind that does not exist is refused with the form kept.
	r := c.post(base+"/facts", url.Values{"kind": {"visa_granted"}, "person_id": {luis}, "date": {"2026-11-28"}})
	if r.status != 422 {
		t.Errorf("unknown fact kind: got %d, want 422", r.status)
	}
	pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {base}}, 303)
	es := pvGet(t, c, base, 200).body
	for _, want := range []string{"Apelación ante la BIA (EOIR-26) presentada", "Solicitud de permiso de trabajo (I-765) presentada"} {
		if !strings.Contains(es, want) {
			t.Errorf("Spanish case page lacks the fact kind %q", want)
		}
	}
	if f := pvGet(t, c, base+"/facts/new", 200).body; !strings.Contains(f, "Reloj de asilo en pausa") {
		t.Errorf("the Spanish new-date form lacks the fact kind %q", "Reloj de asilo en pausa")
	}
}

// TestDeadlineKeysExist: every key the engine can pick for a badge or a
// state, every missing-fact message and every fact that meets a rule has
// English and Spanish text, and the Spanish holds no English.
func TestDeadlineKeysExist(t *testing.T) {
	keys := deadline.PhraseKeys()
	for _, r := range deadline.MustDefault().Rules() {
		if r.SayWhenMissing {
			keys = append(keys, "gap."+string(r.Trigger))
		}
		if r.MetBy != "" {
			keys = append(keys, "fact.kind."+string(r.MetBy))
		}
	}
	english := regexp.MustCompile(`(?i)\b(due|days|overdue|opens|since|done|late|today|tomorrow|information|attended|passed|the)\b`)
	for _, k := range keys {
		if !i18n.Has(k) {
			t.Errorf("no message for %q", k)
			continue
		}
		en, es := i18n.Pair(k)
		if en == "" || es == "" || english.MatchString(es) {
			t.Errorf("%s: English %q, Spanish %q", k, en, es)
		}
	}
}
