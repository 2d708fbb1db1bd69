package web

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/ledger"
	"puente/internal/model"
)

// cmoViewer is one person reading case pages in two sessions, one as Go
// writes the content, the other as the template does, and acting in a
// third (whose one-time messages the other two never see).
type cmoViewer struct {
	email                 string
	lang                  i18n.Lang
	goSide, specSide, act *client
}

func cmoSignIn(e *testEnv, email string) cmoViewer {
	return cmoViewer{email: email, lang: i18n.EN, goSide: e.signIn(email), specSide: e.signIn(email), act: e.signIn(email)}
}

// cmoLang switches v's person to lang (the choice is the account's).
func cmoLang(t *testing.T, v *cmoViewer, lang i18n.Lang) {
	t.Helper()
	pvPost(t, v.act, "/lang", url.Values{"lang": {string(lang)}, "return": {"/"}}, s303)
	v.lang = lang
}

// cmoCompare compares caseID's page as Go writes it and as the template
// does, for v, without a one-time message and with one at #commitments
// and at #needs; it returns the page as Go wrote it.
func cmoCompare(t *testing.T, e *testEnv, v cmoViewer, caseID string) string {
	t.Helper()
	path := "/cases/" + caseID
	a, b := caseBoth(t, e, v.goSide, v.specSide, path)
	compareCase(t, v.lang, v.email, path, "", a, b)
	for _, frag := range []string{"commitments", "needs"} {
		plantFlash(t, e, v.goSide, path+"#"+frag)
		plantFlash(t, e, v.specSide, path+"#"+frag)
		fa, fb := caseBoth(t, e, v.goSide, v.specSide, path)
		if !strings.Contains(fa, `class="flash"`) {
			t.Errorf("%s %s#%s: the one-time message is nowhere on the page", v.email, path, frag)
		}
		compareCase(t, v.lang, v.email, path, frag, fa, fb)
	}
	return a
}

// cmoCommitments is the case page's commitments section ("" when none).
func cmoCommitments(body string) string {
	i := strings.Index(body, `<section id="commitments"`)
	if i < 0 {
		return ""
	}
	return body[i : i+strings.Index(body[i:], "</section>")]
}

// cmoWant fails unless section has each of want and none of wantNot.
func cmoWant(t *testing.T, label, section string, want, wantNot []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(section, s) {
			t.Errorf("%s: the commitments section has no %q", label, s)
		}
	}
	for _, s := range wantNot {
		if strings.Contains(section, s) {
			t.Errorf("%s: the commitments section has %q, want none", label, s)
		}
	}
}

// TestCaseCommitmentsMatchSpec: the commitments section Go writes
// (writeCaseCommitments) is, byte for byte, what "cm-case-commitments"
// prints in the states the demo lacks: a case with neither commitments
// nor needs, needs only (with and without an end), commitments only
// (help, not money), and a case with money behind, money due today, help
// ending soon, help started with nothing recorded, help nobody holds
// that an uncovered need links to, a covered need and a chart; read by a
// coordinator (who records, adds and manages), a member (who records only
// what they hold and manages nothing), in Spanish too, and once the case
// is closed (nobody adds, manages or records).
func TestCaseCommitmentsMatchSpec(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	coord, mem := cmoSignIn(e, emailAlphaCoord), cmoSignIn(e, emailAlphaMem)
	coordID, memID := e.userID(emailAlphaCoord), e.userID(emailAlphaMem)
	newCase := func(name string) string {
		t.Helper()
		c, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived", Court: "Court" + caseProbe},
			model.PersonInput{Name: name + caseProbe, LastUSArrival: "2026-03-03"})
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}

	// Neither: nothing but the define's line break.
	empty := newCase("Empty")
	for _, v := range []cmoViewer{coord, mem} {
		if s := cmoCommitments(cmoCompare(t, e, v, empty)); s != "" {
			t.Errorf("%s, a case with neither commitments nor needs: got a commitments section %.200q", v.email, s)
		}
	}

	// Needs only: nobody holds them; the coordinator manages them, both
	// may promise each.
	needsOnly := newCase("Needs")
	cmPost(t, coord.act, "/cases/"+needsOnly+"/needs", url.Values{"kind": {"housing"}, "until": {cmDay(60)}}, s303)
	cmPost(t, coord.act, "/cases/"+needsOnly+"/needs", url.Values{"kind": {"transport"}}, s303)
	kindLink := `/cases/` + needsOnly + `/commitments/new?kind=`
	cmoWant(t, "needs only, coordinator", cmoCommitments(cmoCompare(t, e, coord, needsOnly)),
		[]string{`<span class="count">(0)</span>`, `<strong>Housing</strong> · until `, `<strong>Transport</strong><br>`,
			kindLink + `housing"`, kindLink + `transport"`, `/cases/` + needsOnly + `/needs/new"`, `/needs/transport/remove"`},
		[]string{`<details`, `<h3>Behind</h3>`})
	cmoWant(t, "needs only, member", cmoCommitments(cmoCompare(t, e, mem, needsOnly)),
		[]string{kindLink + `transport"`, `/cases/` + needsOnly + `/commitments/new"`},
		[]string{`/needs/new"`, `/remove"`})
	cmoLang(t, &coord, i18n.ES)
	cmoCompare(t, e, coord, needsOnly)
	cmoLang(t, &coord, i18n.EN)

	// Commitments only: help, not money; no needs, no chart.
	helpOnly := newCase("Help")
	cmCommitment(t, mem.act, helpOnly, url.Values{"kind": {"transport"}, "starts_on": {cmDay(1)}, "end_kind": {"open"}})
	cmoWant(t, "commitments only", cmoCommitments(cmoCompare(t, e, coord, helpOnly)),
		[]string{`<span class="count">(1)</span>`, `<span id="needs"></span>`, `<strong>Transport</strong></a></p>`},
		[]string{`<svg`, `class="section-head sub"`, `<h3>`, ` · $`})

	// Everything at once, on the seeded case.
	full := e.cases["alpha"].ID
	rent := cmCommitment(t, coord.act, full, url.Values{"kind": {"money"}, "description": {"Rent" + caseProbe},
		"starts_on": {"2026-01-10"}, "end_kind": {"open"}, "amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"},
		"holder": {coordID}})
	cmPost(t, coord.act, "/cases/"+full+"/commitments/"+rent+"/given", url.Values{"given_on": {"2026-01-31"}, "amount": {"600"}}, s303)
	cmCommitment(t, mem.act, full, url.Values{"kind": {"money"}, "starts_on": {cmDay(0)}, "end_kind": {"open"},
		"amount": {"50"}, "currency": {"USD"}, "frequency": {"monthly"}})
	cmCommitment(t, mem.act, full, url.Values{"kind": {"housing"}, "description": {"Room" + caseProbe},
		"starts_on": {cmDay(-10)}, "end_kind": {"date"}, "ends_on": {cmDay(20)}})
	school := cmCommitment(t, coord.act, full, url.Values{"kind": {"school"}, "starts_on": {cmDay(-5)}, "end_kind": {"open"}})
	legal := cmCommitment(t, coord.act, full, url.Values{"kind": {"legal"}, "starts_on": {cmDay(-30)}, "end_kind": {"open"},
		"holder": {memID}})
	cmPost(t, coord.act, "/cases/"+full+"/commitments/"+legal+"/given", url.Values{"given_on": {cmDay(-2)}, "description": {"Call"}}, s303)
	cmPost(t, coord.act, "/cases/"+full+"/needs", url.Values{"kind": {"school"}, "until": {cmDay(90)}}, s303)
	cmPost(t, coord.act, "/cases/"+full+"/needs", url.Values{"kind": {"legal"}}, s303)
	cmPost(t, coord.act, "/cases/"+full+"/needs", url.Values{"kind": {"transport"}}, s303)

	given := `/given/new"`
	fullCoord := cmoCommitments(cmoCompare(t, e, coord, full))
	cmoWant(t, "full, coordinator", fullCoord,
		[]string{`<h3>Behind</h3>`, `<h3>Ending in the next 30 days</h3>`, `<h3>Started, with nothing recorded</h3>`,
			`<span class="tag tag-overdue" data-state="overdue">`, `$600.00 behind since`, `· <strong>$50.00 due today</strong>`,
			`<time datetime="` + cmDay(20) + `">ends `, `<span class="nobody-going">Nobody is responsible yet</span>`,
			`Responsible: Miguel Member`, `<svg role="img" aria-labelledby="chart-usd-title"`, `class="bar-given"`,
			`<span class="muted">Someone is responsible</span>`,
			`<a href="/cases/` + full + `/commitments/` + school + `">Take on the commitment already made</a>`,
			`/cases/` + full + `/commitments/new?kind=transport"`, `&lt;i&gt;&amp;&#34;&#39;&#43;%zz/?#:`},
		nil)
	fullMem := cmoCommitments(cmoCompare(t, e, mem, full))
	if n, m := strings.Count(fullCoord, given), strings.Count(fullMem, given); m == 0 || m >= n {
		t.Errorf("full: the member may record %d times, the coordinator %d; want fewer for the member, and some", m, n)
	}
	cmoWant(t, "full, member", fullMem, []string{`/commitments/new"`, `new?kind=transport"`}, []string{`/needs/new"`, `/remove"`})
	cmoLang(t, &coord, i18n.ES)
	cmoCompare(t, e, coord, full)
	cmoLang(t, &coord, i18n.EN)

	// Closed: nobody adds, manages or records.
	cmPost(t, coord.act, "/cases/"+full+"/close", url.Values{"reason": {"self_sufficient"}}, s303)
	for _, v := range []cmoViewer{coord, mem} {
		cmoWant(t, "closed, "+v.email, cmoCommitments(cmoCompare(t, e, v, full)),
			[]string{`<h3>Behind</h3>`, `<span class="nobody-going">Nobody responsible</span></p>`},
			[]string{given, `/commitments/new`, `/needs/new"`, `/remove"`})
	}
}

// TestCaseCommitmentsEscapeAsSpec: writeCaseCommitments and its template
// agree on values no group can type (ids, kinds, dates and links made of
// escapeProbes), so each value is escaped as html/template escapes it in
// its place: a link's path, its query, a whole link, an attribute, SVG,
// text; with every switch on and off.
func TestCaseCommitmentsEscapeAsSpec(t *testing.T) {
	e := newEnv(t)
	tpl, err := e.srv.page(i18n.EN, "case")
	if err != nil {
		t.Fatal(err)
	}
	check := func(label string, d *templateData) {
		t.Helper()
		var want bytes.Buffer
		if err := tpl.ExecuteTemplate(&want, "cm-case-commitments", d); err != nil {
			t.Fatal(err)
		}
		var o htmlOut
		writeCaseCommitments(&o, d)
		if got := string(o.b); got != want.String() {
			i := 0
			for i < min(len(got), want.Len()) && got[i] == want.String()[i] {
				i++
			}
			t.Errorf("%s: Go and template differ at byte %d:\nGo:       %q\ntemplate: %q", label, i,
				got[max(0, i-80):min(len(got), i+80)], want.String()[max(0, i-80):min(want.Len(), i+80)])
		}
	}
	check("no commitments part", &templateData{Lang: i18n.EN})
	check("neither commitments nor needs", &templateData{Lang: i18n.EN, Commit: &commitData{CanAdd: true}})
	for _, p := range escapeProbes {
		for _, on := range []bool{true, false} {
			d := &templateData{Lang: i18n.EN, Case: model.Case{ID: p}, Flash: p + "!", FlashAnchor: "needs",
				Commit: cmoProbeData(p, on)}
			if on {
				d.FlashAnchor = "commitments"
			}
			check(fmt.Sprintf("probe %q, switches %v", p, on), d)
		}
	}
}

// cmoProbeData is a case's commitments and needs with every text, id and
// link p, every switch on, and one row in each list.
func cmoProbeData(p string, on bool) *commitData {
	cv := commitmentView{
		Commitment: model.Commitment{ID: p, CaseID: p, Kind: model.CommitmentKind(p), Description: p},
		State:      ledger.State(p), StateLabel: p, KindLabel: p, Name: p, Period: p, Amount: p, Given: p,
		Behind: p, DueToday: p, BehindTag: tagArgs{State: deadline.State(p), Label: p}, Ends: p, EndsISO: p,
		Holders: p, HeldBy: p, RecordLabel: p, CanRecord: on,
	}
	nv := needView{Need: model.Need{CaseID: p, Kind: model.CommitmentKind(p), Until: p}, KindLabel: p, Until: p, Uncovered: on, Unheld: p}
	ch := chartView{ID: p, Title: p, ViewBox: p, Width: 1, Height: 2, ShownWidth: 3, ShownHeight: 4, Baseline: -5,
		Bars:   []chartBar{{X: 6, Y: 7, W: 8, H: 9, Class: p, Title: p}, {X: 10, Y: 11, W: 12, H: 0, Class: p, Title: p}},
		Labels: []chartLabel{{X: 13, Y: -14, Text: p}}, Top: p, Rows: []chartRow{{Month: p, Pledged: p, Given: p}},
		MonthHead: p, Pledged: p, Given: p}
	cd := &commitData{CanAdd: on, CanManage: on, Commitments: []commitmentView{cv, cv}, Behind: []commitmentView{cv},
		EndingSoon: []commitmentView{cv}, NothingRecorded: []commitmentView{cv}, Charts: []chartView{ch}, Needs: []needView{nv, nv}}
	if on {
		// Nothing made to take on: a link to promise it.
		cd.Needs[1].Unheld = ""
	} else {
		// Uncovered but nobody may add: the need's words without a link.
		cd.Needs[1].Uncovered = true
	}
	return cd
}
