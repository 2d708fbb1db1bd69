package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/intake"
	"puente/internal/model"
	"puente/internal/store"
)

// TestIntakeAPIRefusedLogged: an intake API call refused with 422 is in
// the network's security log like an accepted one: one event per call,
// the token's creator and name, the address, and counts only (the entries
// sent, those with a problem), whether one entry of three or all of them
// had a problem, the list was empty or too long; never an entry's data.
// A call refused before its token is known (401) or unreadable (400) is
// not an intake event; another network's log holds none of it.
func TestIntakeAPIRefusedLogged(t *testing.T) {
	e := newEnv(t)
	net, other := e.orgs["network"], e.orgs["othernet"]
	secret, tok := newAPIToken(t, e, net, e.userID(emailNetAdmin))
	for _, tt := range []struct {
		name, body string
		want       int
	}{
		{"one of three", `{"entries":[{"external_ref":"RF-1","pseudonym":"REFUSEDCANARY","adults":1},
			{"external_ref":"RF-2","pseudonym":"","adults":0},
			{"external_ref":"RF-3","pseudonym":"C.D.","adults":1}]}`, http.StatusUnprocessableEntity},
		{"all", `{"entries":[{"external_ref":"RF-4","pseudonym":"","adults":1},{"external_ref":"RF-5","pseudonym":"E.F.","adults":99}]}`,
			http.StatusUnprocessableEntity},
		{"empty", `{"entries":[]}`, http.StatusUnprocessableEntity},
		{"too many", `{"entries":[` + strings.Repeat(`{"external_ref":"R","pseudonym":"A","adults":1},`, intake.MaxAPIEntries) + `{}]}`,
			http.StatusUnprocessableEntity},
		{"unreadable", `{"entries":`, http.StatusBadRequest},
	} {
		if res := apiPost(t, e, secret, tt.body, nil); res.status != tt.want {
			t.Fatalf("%s: got %d, want %d; %.200s", tt.name, res.status, tt.want, res.body)
		}
	}
	if res := apiPost(t, e, "pnt_unknown", `{"entries":[]}`, nil); res.status != http.StatusUnauthorized {
		t.Fatalf("unknown token: got %d, want 401", res.status)
	}
	if n := queued(t, e, net); n != 0 {
		t.Errorf("refused calls wrote %d entries", n)
	}
	evs, err := e.st.Events(context.Background(), net.ID, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range evs {
		if ev.Kind != model.EventIntakeAPI {
			continue
		}
		got = append([]string{ev.Detail}, got...)
		if ev.ActorID != tok.CreatedBy || ev.IP == "" {
			t.Errorf("refused call logged by %q from %q; want the token's creator and an address", ev.ActorID, ev.IP)
		}
	}
	n := intake.MaxAPIEntries + 1
	want := []string{store.IntakeRefusedDetail(3, 1, "Test"), store.IntakeRefusedDetail(2, 2, "Test"),
		store.IntakeRefusedDetail(0, 0, "Test"), store.IntakeRefusedDetail(n, n, "Test")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("refused calls logged %q, want %q", got, want)
	}
	admin := e.signIn(emailNetAdmin)
	log := html.UnescapeString(admin.get("/orgs/" + net.ID + "/security").body)
	for _, w := range []string{"call refused, nothing added: 3 entries sent, 1 with problems; token: Test",
		"call refused, nothing added: 2 entries sent, 2 with problems; token: Test"} {
		if !strings.Contains(log, w) {
			t.Errorf("the security log does not say %q", w)
		}
	}
	if strings.Contains(log, "REFUSEDCANARY") || strings.Contains(log, "RF-1") {
		t.Error("the security log shows an entry's data")
	}
	admin.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}})
	if es := html.UnescapeString(admin.get("/orgs/" + net.ID + "/security").body); !strings.Contains(es,
		"envío rechazado, no se agregó nada: 3 entradas enviadas, 1 con problemas; token de API: Test") {
		t.Error("the Spanish security log does not word the refused call")
	}
	if evs, _ := e.st.Events(context.Background(), other.ID, 0, 50); len(evs) > 0 {
		for _, ev := range evs {
			if ev.Kind == model.EventIntakeAPI {
				t.Errorf("another network's log holds an intake event: %+v", ev)
			}
		}
	}
}
