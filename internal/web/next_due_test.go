package web

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// TestCaseListByNextDue: the list's order control offers "Next deadline"
// (a GET form, no script), /cases?sort=next_due lists the cases in the
// store's next-due order with each one's next due date, and the pages keep
// the order.
func TestCaseListByNextDue(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	for i := 0; i < casePageSize+2; i++ {
		c, err := e.st.CreateCase(ctx, alpha.ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: fmt.Sprintf("Due Order %02d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+(i*5)%28)}); err != nil {
			t.Fatal(err)
		}
	}
	c := e.signIn(emailAlphaCoord)
	first := c.get("/cases")
	if !strings.Contains(first.body, `<option value="next_due">Next deadline</option>`) {
		t.Errorf("the order control has no next-due option; body %.2000s", first.body)
	}
	for page := 1; page <= 2; page++ {
		want, total, err := e.st.ListCases(ctx, alpha.ID, store.CaseQuery{Sort: "next_due", Page: page, Limit: casePageSize})
		if err != nil || total != casePageSize+3 {
			t.Fatalf("ListCases: %d cases, %v", total, err)
		}
		res := c.get(fmt.Sprintf("/cases?sort=next_due&page=%d", page))
		if res.status != http.StatusOK {
			t.Fatalf("page %d: status %d", page, res.status)
		}
		if !strings.Contains(res.body, `<option value="next_due" selected>`) {
			t.Errorf("page %d: the next-due order is not shown as chosen", page)
		}
		at := 0
		for _, wc := range want {
			i := strings.Index(res.body[at:], "/cases/"+wc.ID)
			if i < 0 {
				t.Fatalf("page %d: case %s (next due %s) missing or out of order", page, wc.Code, wc.NextDue)
			}
			at += i
			if wc.NextDue != "" && !strings.Contains(res.body, "Next deadline: "+(&templateData{Lang: "en"}).Day(wc.NextDue)) {
				t.Errorf("page %d: case %s does not show its next due date %s", page, wc.Code, wc.NextDue)
			}
		}
		if page == 1 && !strings.Contains(res.body, `href="/cases?page=2&amp;sort=next_due&amp;state=open"`) {
			t.Errorf("page 1: the next page's link does not keep the order; body %.3000s", res.body)
		}
	}
}

// TestPagesSayDeadlinesAreUpdating: while deadlines are recomputed after a
// rule change, the case list and the group's home page say how far it is,
// in the reader's language; afterwards they do not.
func TestPagesSayDeadlinesAreUpdating(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	c := e.signIn(emailAlphaCoord)
	// Another SQLite user holds the write lock, so the pass, once started,
	// waits at its first batch.
	raw, err := sql.Open("sqlite", "file:"+e.dbPath+"?_txlock=immediate&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`DELETE FROM meta WHERE key = 'rules_version'`); err != nil {
		t.Fatal(err)
	}
	lock, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if started, err := e.st.SyncRules(ctx); err != nil || !started {
		t.Fatalf("SyncRules: %v, %v; want a pass started", started, err)
	}
	for deadline := time.Now().Add(10 * time.Second); e.st.RecomputeStatus().Total == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the pass did not count the cases")
		}
	}
	rs := e.st.RecomputeStatus()
	en := fmt.Sprintf("Updating deadlines after a rule change (%d of %d cases).", rs.Done, rs.Total)
	es := fmt.Sprintf("Actualizando los plazos por un cambio de reglas (%d de %d casos).", rs.Done, rs.Total)
	for _, p := range []string{"/cases", "/"} {
		if res := c.get(p); !strings.Contains(res.body, en) {
			t.Errorf("GET %s during the pass: no %q", p, en)
		}
		req, _ := http.NewRequest(http.MethodGet, e.ts.URL+p, nil)
		req.Header.Set("Accept-Language", "es")
		if res := c.do(req); !strings.Contains(res.body, es) {
			t.Errorf("GET %s in Spanish during the pass: no %q", p, es)
		}
	}
	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	if rs := e.st.WaitRecompute(ctx); rs.Running || rs.Err != nil {
		t.Fatalf("pass: %+v", rs)
	}
	for _, p := range []string{"/cases", "/"} {
		if res := c.get(p); strings.Contains(res.body, "Updating deadlines") {
			t.Errorf("GET %s after the pass still says it is updating", p)
		}
	}
}
