package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/tz"
)

// labelOf is the text of the <label for="id"> in body ("" for none).
func labelOf(body, id string) string {
	i := strings.Index(body, `<label for="`+id+`">`)
	if i < 0 {
		return ""
	}
	s := body[i+len(`<label for="`+id+`">`):]
	return html.UnescapeString(s[:strings.Index(s, "</label>")])
}

// TestGivenDetailsLabelMatchesRule: what was given for a commitment that is
// not money must be described, so its label does not say "optional" (the
// review found "Details (optional): Enter what was given."); for money the
// amount says what, and the details stay optional. English and Spanish.
func TestGivenDetailsLabelMatchesRule(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	housing := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"}})
	money := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"},
		"amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}})
	for _, tc := range []struct{ lang, what, optional, msg string }{
		{"en", "What was given", "Details (optional)", "Enter what was given."},
		{"es", "Qué se dio", "Detalles (opcional)", "Escriba qué se dio."},
	} {
		cmPost(t, coord, "/lang", url.Values{"lang": {tc.lang}, "return": {"/"}}, s303)
		path := "/cases/" + c.ID + "/commitments/" + housing + "/given"
		before := cmCounts(e)
		res := coord.post(path, url.Values{"given_on": {cmDay(0)}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("%s: empty details on housing: got %d, want 422", tc.lang, res.status)
		}
		body := html.UnescapeString(res.body)
		if got := labelOf(res.body, "description"); got != tc.what {
			t.Errorf("%s: housing's details labelled %q, want %q", tc.lang, got, tc.what)
		}
		if strings.Contains(body, tc.optional) {
			t.Errorf("%s: a required field is called %q", tc.lang, tc.optional)
		}
		if !strings.Contains(body, tc.msg) {
			t.Errorf("%s: got no %q", tc.lang, tc.msg)
		}
		cmSameCounts(t, tc.lang+" empty details", before, cmCounts(e))
		if got := labelOf(coord.get("/cases/"+c.ID+"/commitments/"+money+"/given/new").body, "description"); got != tc.optional {
			t.Errorf("%s: money's details labelled %q, want %q", tc.lang, got, tc.optional)
		}
	}
}

// selectOf is the <select id="id"> element of body, up to its end ("" for none).
func selectOf(body, id string) string {
	i := strings.Index(body, `<select id="`+id+`"`)
	if i < 0 {
		return ""
	}
	s := body[i:]
	return s[:strings.Index(s, "</select>")]
}

// TestRequiredSelectsStartEmpty: a select whose choice is required and has
// no safe default starts on an empty "Choose…" ("Elija…") option, so
// nothing is picked silently (the review found "Record a date" recording
// an arrival for whoever did not look); an empty post gets the field's own
// "Select …" message and writes nothing. English and Spanish.
func TestRequiredSelectsStartEmpty(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, netCoord, admin := e.signIn(emailAlphaCoord), e.signIn(emailNetCoord), e.signIn(emailNetAdmin)
	c := e.cases["alpha"]
	net, alpha := e.orgs["network"].ID, e.orgs["alpha"].ID
	cmPost(t, admin, "/orgs/"+net+"/vetting-items", url.Values{"item_name": {"Home visit"}, "valid_days": {"730"}}, s303)
	housing := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"}})
	type sel struct {
		who          *client
		page, id     string
		post         string
		form         url.Values
		table        string
		msgEN, msgES string
	}
	sels := []sel{
		{coord, "/cases/" + c.ID + "/facts/new", "kind", "/cases/" + c.ID + "/facts", url.Values{"date": {cmDay(-1)}},
			"facts", "Select what happened.", "Elija qué pasó."},
		{coord, "/cases/" + c.ID + "/appointments/new", "kind", "/cases/" + c.ID + "/appointments", url.Values{"date": {cmDay(3)}},
			"appointments", "Select the kind of hearing or appointment.", "Elija el tipo de audiencia o cita."},
		{coord, "/cases/" + c.ID + "/needs/new", "kind", "/cases/" + c.ID + "/needs", url.Values{},
			"case_needs", "Select what is needed.", "Elija qué se necesita."},
		{coord, "/cases/" + c.ID + "/commitments/" + housing + "/holders/new", "user_id", "/cases/" + c.ID + "/commitments/" + housing + "/holders",
			url.Values{"pick": {"1"}}, "commitment_holders", "Select who will do it.", "Elija quién lo hará."},
		{netCoord, "/orgs/" + alpha + "/profile", "item_id", "/orgs/" + alpha + "/vetting", url.Values{"done_on": {cmDay(-1)}},
			"vetting_records", "Select the item that was done.", "Elija el requisito que se hizo."},
	}
	for _, lang := range []string{"en", "es"} {
		for _, who := range []*client{coord, netCoord} {
			cmPost(t, who, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, s303)
		}
		choose, msgOf := "Choose…", func(s sel) string { return s.msgEN }
		if lang == "es" {
			choose, msgOf = "Elija…", func(s sel) string { return s.msgES }
		}
		for _, s := range sels {
			page := pvGet(t, s.who, s.page, http.StatusOK).body
			got := selectOf(page, s.id)
			if !strings.Contains(got, `<option value="">`+choose+`</option>`) {
				t.Errorf("%s %s #%s: got %.300q, want an empty first option %q", lang, s.page, s.id, got, choose)
			}
			if strings.Contains(got, " selected") {
				t.Errorf("%s %s #%s: an option is selected before anyone chose", lang, s.page, s.id)
			}
			before := e.count(s.table)
			res := s.who.post(s.post, s.form)
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("%s POST %s with no %s: got %d, want 422", lang, s.post, s.id, res.status)
				continue
			}
			if want := `id="` + s.id + `-error">` + msgOf(s) + `</p>`; !strings.Contains(html.UnescapeString(res.body), want) {
				t.Errorf("%s POST %s with no %s: got no %q", lang, s.post, s.id, want)
			}
			if n := e.count(s.table); n != before {
				t.Errorf("%s POST %s with no %s: %s rows %d, want %d", lang, s.post, s.id, s.table, n, before)
			}
		}
	}
	// A link that names the kind still chooses it.
	if got := selectOf(coord.get("/cases/"+c.ID+"/facts/new?kind=i589_filed").body, "kind"); !strings.Contains(got, `value="i589_filed" selected`) {
		t.Errorf("facts/new?kind=i589_filed: got %.300q, want that kind selected", got)
	}
}

// TestOfferAnswerByIsADay: an offer made at 12:57 AM in the group's zone
// is answered by the end of the day its 72 hours run out on, and the
// group's pages say so as a written day ("Answer by the end of Friday 4
// December 2026"), never as a moment in the night ("4 Dec 2026, 12:57
// AM", the review's finding). English and Spanish.
func TestOfferAnswerByIsADay(t *testing.T) {
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	if got := tz.Location(alpha.TimeZone).String(); got != "America/New_York" {
		t.Fatalf("alpha's zone: %s, want America/New_York for the figures below", got)
	}
	made := time.Date(2026, 12, 1, 5, 57, 0, 0, time.UTC) // 12:57 AM EST, Tuesday 1 December
	e.srv.now = func() time.Time { return made }
	e.st.SetClock(func() time.Time { return made })
	_, offerID := newOffer(e, alpha)
	o, err := e.st.GroupOffer(context.Background(), alpha, offerID)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 5, 5, 0, 0, 0, time.UTC); !o.ExpiresAt.Equal(want) {
		t.Errorf("offer lapses at %s, want %s (midnight ending Friday 4 December in New York)", o.ExpiresAt.UTC(), want)
	}
	coord := e.signIn(emailAlphaCoord)
	for _, tc := range []struct{ lang, want string }{
		{"en", "Answer by the end of Friday 4 December 2026"},
		{"es", "Responda a más tardar el viernes 4 de diciembre de 2026"},
	} {
		pvPost(t, coord, "/lang", url.Values{"lang": {tc.lang}, "return": {"/"}}, http.StatusSeeOther)
		for _, path := range []string{"/orgs/" + alpha.ID + "/offers", "/orgs/" + alpha.ID + "/offers/" + offerID} {
			body := html.UnescapeString(pvGet(t, coord, path, http.StatusOK).body)
			if !strings.Contains(body, tc.want) {
				t.Errorf("%s %s: got no %q", tc.lang, path, tc.want)
			}
			if strings.Contains(body, "12:57") {
				t.Errorf("%s %s: the deadline is shown as a moment in the night", tc.lang, path)
			}
		}
	}
	// Alive the whole of that Friday, dead after it.
	if !o.Live(time.Date(2026, 12, 5, 4, 59, 0, 0, time.UTC)) || o.Live(time.Date(2026, 12, 5, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("offer alive until %s, want until midnight ending Friday 4 December in New York", o.ExpiresAt)
	}
}

// TestRevealedBirthDateIsWritten: a revealed date of birth is written in
// the page's language, not as 1990-01-02 (the review's "2018-03-11").
func TestRevealedBirthDateIsWritten(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	alpha := e.cases["alpha"]
	pid := e.principal(alpha)
	for _, tc := range []struct{ lang, want string }{
		{"en", "Tuesday 2 January 1990"},
		{"es", "martes 2 de enero de 1990"},
	} {
		pvPost(t, c, "/lang", url.Values{"lang": {tc.lang}, "return": {"/"}}, http.StatusSeeOther)
		body := pvPost(t, c, "/cases/"+alpha.ID+"/people/"+pid+"/reveal", url.Values{"field": {"dob"}}, http.StatusOK).body
		if !strings.Contains(body, tc.want) || strings.Contains(body, "1990-01-02") {
			t.Errorf("%s: revealed date of birth: got %q, want %q", tc.lang, revealedValue(body), tc.want)
		}
	}
}

// revealedValue is the text of a reveal page's value.
func revealedValue(body string) string {
	i := strings.Index(body, `class="revealed">`)
	if i < 0 {
		return ""
	}
	s := body[i+len(`class="revealed">`):]
	return s[:strings.Index(s, "<")]
}

// TestChoicesAreCapitalisedNouns: the sign-up form's roles are nouns with
// a capital ("Companion", not "going along"; "Driver", not "driver") and
// the close-case reasons start with a capital ("Se mudó", not "se mudó").
func TestChoicesAreCapitalisedNouns(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	appt := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(5))
	for _, tc := range []struct {
		lang  string
		roles []string
		moved string
	}{
		{"en", []string{"Companion", "Driver", "Interpreter"}, "Moved away"},
		{"es", []string{"Acompañante", "Conductor(a)", "Intérprete"}, "Se mudó"},
	} {
		cmPost(t, coord, "/lang", url.Values{"lang": {tc.lang}, "return": {"/"}}, s303)
		page := html.UnescapeString(pvGet(t, coord, "/cases/"+c.ID+"/appointments/"+appt+"/going", http.StatusOK).body)
		for i, r := range []string{"companion", "driver", "interpreter"} {
			if got := labelOf(page, "role-"+r); got != tc.roles[i] {
				t.Errorf("%s: role %s labelled %q, want %q", tc.lang, r, got, tc.roles[i])
			}
		}
		if strings.Contains(page, "going along") {
			t.Errorf("%s: the sign-up form still names a role \"going along\"", tc.lang)
		}
		closePage := html.UnescapeString(pvGet(t, coord, "/cases/"+c.ID+"/close", http.StatusOK).body)
		if !strings.Contains(selectOf(closePage, "reason"), `<option value="moved">`+tc.moved+`</option>`) {
			t.Errorf("%s: close page: got %.400q, want the option %q", tc.lang, selectOf(closePage, "reason"), tc.moved)
		}
	}
}

// TestCourtCardWhereNamesTheCourtOnce: the card's "Where" shows the
// hearing's place and the case's court on their own lines, but the court
// once when the place already names it (the review's "Demo Immigration
// Court, Room 3 / Demo Immigration Court").
func TestCourtCardWhereNamesTheCourtOnce(t *testing.T) {
	for _, tc := range []struct {
		place, court string
		want         []string
	}{
		{"Demo Immigration Court, Room 3", "Demo Immigration Court", []string{"Demo Immigration Court, Room 3"}},
		{"demo immigration court, room 3", " Demo Immigration Court ", []string{"demo immigration court, room 3"}},
		{"Room 3", "Demo Immigration Court", []string{"Room 3", "Demo Immigration Court"}},
		{"", "Demo Immigration Court", []string{"Demo Immigration Court"}},
		{"Demo Immigration Court", "Demo Immigration Court, 26 Federal Plaza", []string{"Demo Immigration Court, 26 Federal Plaza"}},
		{"Room 3", "", []string{"Room 3"}},
		{"", "", nil},
	} {
		c := &courtCard{Hearing: &appointmentView{}, Court: tc.court}
		c.Hearing.Place = tc.place
		if got := c.Where(); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("place %q, court %q: got %q, want %q", tc.place, tc.court, got, tc.want)
		}
	}
	// Through the page: the case's court and a hearing in one of its rooms.
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	cmPost(t, coord, "/cases/"+c.ID, url.Values{"status": {"arrived"}, "court": {"Demo Immigration Court"}}, s303)
	cmPost(t, coord, "/cases/"+c.ID+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {cmDay(5)}, "time": {"09:30"},
		"place": {"Demo Immigration Court, Room 3"}}, s303)
	card := html.UnescapeString(pvGet(t, coord, "/cases/"+c.ID+"/court-card", http.StatusOK).body)
	if n := strings.Count(card, "Demo Immigration Court"); n != 1 {
		t.Errorf("court-day card names the court %d times, want once (in the place)", n)
	}
}

// TestLastManagerSaysItsKindInSpanish: a group's last coordinator who
// tries to step down reads the group's rule only, in Spanish too.
func TestLastManagerSaysItsKindInSpanish(t *testing.T) {
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	c := e.signIn(emailAlphaCoord)
	pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	res := c.post("/orgs/"+alpha.ID+"/members/"+e.userID(emailAlphaCoord)+"/role", url.Values{"role": {"member"}})
	body := html.UnescapeString(res.body)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(body, "Un grupo necesita al menos una persona coordinadora") {
		t.Errorf("es: got %d without the group's rule", res.status)
	}
	if strings.Contains(body, "administradora") || strings.Contains(body, "(red)") {
		t.Errorf("es: the refusal speaks of a network's admins to a group")
	}
}
