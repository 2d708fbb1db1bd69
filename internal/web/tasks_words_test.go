package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestMyTasksWords: the words the review found odd, in both languages.
// /me/tasks says "Ends: Language classes" ("Language classes ends" was not
// English), like "Termina: Clases de idioma"; a Spanish driver is "al
// volante", not "conductor(a)"; the home's heading for help nobody has
// taken says "Nobody responsible yet".
func TestMyTasksWords(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	checkin := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(3))
	cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(2)) // nobody going: flagged on home
	cmPost(t, mem, "/cases/"+c.ID+"/appointments/"+checkin+"/going", url.Values{"role": {"driver"}}, s303)
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"language"}, "starts_on": {cmDay(-10)}, "end_kind": {"date"}, "ends_on": {cmDay(5)}})
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(4)}, "end_kind": {"open"}})

	for _, tt := range []struct {
		lang                      string
		ends, starts, role, flags string
	}{
		{"en", "Ends: Language classes", "Starts: Housing", "(driver)", "Nobody responsible yet"},
		{"es", "Termina: Clases de idioma", "Empieza: Vivienda", "(al volante)", "Todavía nadie se encarga"},
	} {
		for _, cl := range []*client{coord, mem} {
			cmPost(t, cl, "/lang", url.Values{"lang": {tt.lang}, "return": {"/"}}, s303)
		}
		tasks := mem.get("/me/tasks").body
		for _, want := range []string{tt.ends, tt.starts} {
			if !strings.Contains(tasks, want) {
				t.Errorf("%s /me/tasks: no %q", tt.lang, want)
			}
		}
		if strings.Contains(tasks, "classes ends") {
			t.Errorf("%s /me/tasks: says \"classes ends\"", tt.lang)
		}
		if cs := coord.get("/cases/" + c.ID).body; !strings.Contains(cs, tt.role) || strings.Contains(cs, "conductor(a)") {
			t.Errorf("%s case page: the driver is not shown as %q", tt.lang, tt.role)
		}
		if home := coord.get("/").body; !strings.Contains(home, `<h2 id="flags-heading">`+tt.flags+`</h2>`) {
			t.Errorf("%s home: the unstaffed heading is not %q", tt.lang, tt.flags)
		}
	}
}
