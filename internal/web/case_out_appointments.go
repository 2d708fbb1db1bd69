package web

import "strings"

// The case page's summary and its appointments, written by Go: each
// function prints what its template prints (ui/templates/case.html,
// partials_commitments.html, partials.html), byte for byte, including the
// newlines the templates' trimming leaves (TestCaseContentMatchesSpec).

// writeCaseSummary writes the "case-summary" template: what is due next,
// the next appointment and who goes, the flags, the lawyer.
func writeCaseSummary(o *htmlOut, d *templateData) {
	p := d.CasePage
	o.m("\n<section id=\"summary\" class=\"summary\" aria-labelledby=\"summary-heading\">\n  <h2 id=\"summary-heading\" class=\"visually-hidden\">")
	o.text(d.T("case.summary"))
	o.m("</h2>\n  <dl class=\"summary-list\">\n    <div>\n      <dt>")
	o.text(d.T("summary.next_due"))
	o.m("</dt>\n      <dd>")
	if len(p.NextDue) > 0 {
		o.m("\n        <ol class=\"next\">")
		for i := range p.NextDue {
			r := &p.NextDue[i]
			o.m("\n          <li>")
			o.tag(r.Tag)
			o.m(` <span class="when">`)
			o.text(r.When)
			o.m(`</span><br><a href="#d-`)
			o.urlQuery(r.Key)
			o.m(`">`)
			o.text(r.Title)
			o.m(`</a> <span class="for">· `)
			o.text(r.Short)
			o.m(`</span></li>`)
		}
		o.m("\n        </ol>")
	} else {
		o.m("\n        <p>")
		o.text(d.T("summary.nothing_due"))
		o.m("</p>")
	}
	o.m("\n      </dd>\n    </div>\n    <div")
	if p.NextFlagged {
		o.m(` class="flagged"`)
	}
	o.m(">\n      <dt>")
	o.text(d.T("summary.next_appointment"))
	o.m("</dt>\n      <dd>")
	if a := p.Next; a != nil {
		writeSummaryNext(o, d, a)
	} else {
		o.m("\n        <p>")
		o.text(d.T("summary.no_appointment"))
		o.m("</p>")
	}
	o.m("\n      </dd>\n    </div>")
	writeSummaryFlags(o, d)
	o.m("\n    <div>\n      <dt>")
	o.text(d.T("summary.lawyer"))
	o.m("</dt>\n      <dd>")
	if d.Case.LawyerName != "" {
		o.text(d.Case.LawyerName)
	} else {
		o.m("—")
	}
	if c := d.Case.LawyerContact; c != "" {
		o.m(" · ")
		if tel := d.Tel(); tel != "" {
			o.m(`<a href="`)
			o.trustedURL(tel)
			o.m(`">`)
			o.text(c)
			o.m("</a>")
		} else {
			o.text(c)
		}
	}
	o.m("</dd>\n    </div>\n  </dl>")
	if p.NextHearing != nil {
		o.m("\n  <p class=\"actions\"><a class=\"action\" href=\"/cases/")
		o.urlPart(d.Case.ID)
		o.m(`/court-card">`)
		o.text(d.T("card.link"))
		o.m("</a></p>")
	}
	o.m("\n</section>")
}

// writeSummaryNext writes the summary's next appointment a (the "with
// $p.Next" of "case-summary"): what, when, where, for whom, who goes.
func writeSummaryNext(o *htmlOut, d *templateData, a *appointmentView) {
	o.m("\n        <p><strong>")
	o.text(a.KindName)
	o.m("</strong> ")
	o.tag(a.Tag)
	o.m(` <span class="when">`)
	o.text(a.When)
	o.m("</span><br>\n        ")
	o.whenWhere(a)
	o.m("<br>")
	if a.PersonName != "" {
		o.m(`<span class="for">`)
		o.text(d.T("summary.for", d.CasePage.NextGiven))
		o.m(" ·</span> ")
	}
	switch {
	case a.Who != "":
		o.m(`<span class="for">`)
		o.text(d.T("appointment.going", a.Who))
		o.m("</span>")
	case d.CasePage.NextFlagged:
		o.m(`<a class="nobody-going" href="#a-`)
		o.urlQuery(a.ID)
		o.m(`">`)
		o.text(d.Going(a.ID).W.NobodySoon)
		o.m("</a>")
	default:
		o.m(`<span class="nobody-going">`)
		o.text(d.T("appointment.nobody_going"))
		o.m("</span>")
	}
	o.m("</p>")
}

// writeSummaryFlags writes the "cm-summary-flags" template: the rows of
// the summary about appointments nobody goes to (but the next one), needs
// nobody holds and money behind.
func writeSummaryFlags(o *htmlOut, d *templateData) {
	if c := d.Commit; c != nil {
		if len(d.CasePage.Flags) > 0 || len(c.NeedFlags) > 0 {
			o.m("\n    <div class=\"flagged\">\n      <dt>")
			o.text(d.T("flags.title"))
			o.m("</dt>\n      <dd>\n        <ul class=\"flag-list\">")
			for i := range d.CasePage.Flags {
				f := &d.CasePage.Flags[i]
				o.m("\n          <li><a href=\"#a-")
				o.urlQuery(f.ApptID)
				o.m(`">`)
				o.text(d.T("flags.nobody_going", f.Kind, f.Date))
				o.m(`</a> · <span class="when">`)
				o.text(f.When)
				o.m("</span></li>")
			}
			for i := range c.NeedFlags {
				f := &c.NeedFlags[i]
				o.m("\n          <li><a href=\"#needs\">")
				if f.Until != "" {
					o.text(d.T("flags.need_nobody_until", f.Kind, f.Until))
				} else {
					o.text(d.T("flags.need_nobody", f.Kind))
				}
				o.m("</a></li>")
			}
			o.m("\n        </ul>\n      </dd>\n    </div>")
		}
		if len(c.Behind) > 0 {
			o.m("\n    <div class=\"flagged\">\n      <dt>")
			o.text(d.T("commit.behind_group"))
			o.m("</dt>\n      <dd>\n        <ul class=\"flag-list\">")
			for i := range c.Behind {
				cv := &c.Behind[i]
				o.m("\n          <li>")
				o.tag(cv.BehindTag)
				o.m(` <a href="/cases/`)
				o.urlPart(cv.CaseID)
				o.m("/commitments/")
				o.urlPart(cv.ID)
				o.m(`">`)
				o.text(cv.Name)
				o.m(": ")
				o.text(cv.Behind)
				o.m("</a></li>")
			}
			o.m("\n        </ul>\n      </dd>\n    </div>")
		}
	}
	o.m("\n")
}

// writeCaseAppointments writes the "case-appointments" template: the
// appointments to come (and those passed without an answer), then those
// attended, collapsed.
func writeCaseAppointments(o *htmlOut, d *templateData) {
	p := d.CasePage
	o.sectionHead(d, sectionHead{
		open:    "\n<section id=\"appointments\" aria-labelledby=\"appointments-heading\">\n  <div class=\"section-head\">\n    <h2 id=\"appointments-heading\">",
		heading: d.T("case.appointments"), count: len(p.Coming),
		add: d.CanEditCases, addPath: "/appointments/new", label: d.T("appointment.add"), link: d.T("form.add"),
		anchor: "appointments",
	})
	if len(p.Coming) > 0 {
		o.m("\n  <ol class=\"items\">")
		for i := range p.ComingRows {
			writeAppointmentItem(o, &p.ComingRows[i])
		}
		o.m("\n  </ol>")
	} else {
		o.m("\n  <p class=\"muted\">")
		o.text(d.T("case.no_appointments"))
		o.m("</p>")
	}
	if len(p.Past) > 0 {
		o.m("\n  <details class=\"more\">\n    <summary>")
		o.text(d.T("case.past_appointments", len(p.Past)))
		o.m("</summary>\n    <ol class=\"items\">")
		for i := range p.PastRows {
			writeAppointmentItem(o, &p.PastRows[i])
		}
		o.m("\n    </ol>\n  </details>")
	}
	o.m("\n</section>")
}

// writeAppointmentItem writes the "appointment-item" template: one
// appointment of the list, with who goes and the viewer's buttons. r is
// one of apptRows', whose AP is never nil (the template's "with .AP").
func writeAppointmentItem(o *htmlOut, r *rowArgs) {
	d, a, ap := r.D, r.A, r.AP
	o.m("\n    <li class=\"item\" id=\"a-")
	o.text(ap.ID)
	o.m(`">`)
	// FlashAt("a-" + ap.ID) without building the string: FlashAt
	// answers only for its anchor.
	if id, ok := strings.CutPrefix(d.FlashAnchor, "a-"); ok && id == ap.ID {
		o.flashHere(d.FlashAt(d.FlashAnchor))
	}
	o.m("\n      <div class=\"item-head\">\n        <p>")
	o.tag(a.Tag)
	o.m(` <span class="when">`)
	o.text(a.When)
	o.m("</span></p>\n        <span class=\"head-actions\">")
	o.goButton(a.GoingRow)
	if a.EditLabel != "" {
		o.itemAction("\n        <a class=\"action\" href=\"/cases/", d.Case.ID, "/appointments/", a.ID, "/edit", a.EditLabel, d.T("appointment.edit"))
	}
	o.m("\n        </span>\n      </div>\n      <p><strong>")
	o.text(a.KindName)
	o.m("</strong>")
	if a.PersonName != "" {
		o.m(` <span class="for">· `)
		o.text(a.PersonName)
		o.m("</span>")
	}
	o.m("<br>\n      ")
	o.whenWhere(a)
	o.who(a.GoingRow)
	o.m("</p>")
	if ap.Note != "" {
		o.m(`<p class="note">`)
		o.text(ap.Note)
		o.m("</p>")
	}
	if d.CanEditCases && a.Passed {
		o.m("\n      <form method=\"post\" action=\"/cases/")
		o.urlPart(d.Case.ID)
		o.m("/marks\" class=\"inline\">\n        <input type=\"hidden\" name=\"key\" value=\"")
		o.text(ap.Mark.Key)
		o.m("\">\n        <input type=\"hidden\" name=\"state\" value=\"done\">\n        <button type=\"submit\">")
		o.text(d.T("mark.attended"))
		o.m("</button>\n      </form>")
	}
	o.m("\n    </li>")
}

// goButton writes the "cm-go-button" template: the viewer's one-tap "I
// will go", or "I can no longer go" when going.
func (o *htmlOut) goButton(g *goingView) {
	if g.ApptID != "" && g.CanSignUp && !g.Passed {
		if g.Mine != "" {
			o.m("\n<a class=\"action\" href=\"/cases/")
			o.urlPart(g.CaseID)
			o.m("/appointments/")
			o.urlPart(g.ApptID)
			o.m(`/going/remove?return=case" aria-label="`)
			o.text(g.WithdrawLabel)
			o.m(`">`)
			o.text(g.W.Withdraw)
			o.m("</a>")
		} else {
			o.m("\n<form method=\"post\" action=\"/cases/")
			o.urlPart(g.CaseID)
			o.m("/appointments/")
			o.urlPart(g.ApptID)
			o.m("/going\" class=\"inline\">\n  <input type=\"hidden\" name=\"role\" value=\"companion\">\n  <button type=\"submit\" class=\"primary\" aria-label=\"")
			o.text(g.IGoLabel)
			o.m(`">`)
			o.text(g.W.IGo)
			o.m("</button>\n</form>")
		}
	}
	o.m("\n")
}

// who writes the "cm-who" template: who goes, or that nobody does when
// that matters, linked to the sign-up page for those who may sign up.
func (o *htmlOut) who(g *goingView) {
	if g.ApptID != "" {
		switch {
		case g.WhoLine != "":
			o.m("<br>")
			o.goingLink(g, g.WhoLine, false)
		case g.Flagged:
			o.m("<br>")
			if g.CanSignUp {
				o.goingLink(g, g.W.NobodySoon, true)
			} else {
				o.m(`<span class="nobody-going">`)
				o.text(g.W.NobodySoon)
				o.m("</span>")
			}
		case g.Accompanied && !g.Passed:
			o.m("<br>")
			o.goingLink(g, g.W.Nobody, false)
		}
	}
	o.m("\n")
}

// goingLink writes words linked to g's sign-up page when the viewer may
// sign up (of class nobody-going when nobody), else the words alone.
func (o *htmlOut) goingLink(g *goingView, words string, nobody bool) {
	if !g.CanSignUp {
		o.text(words)
		return
	}
	if nobody {
		o.m(`<a class="nobody-going" href="/cases/`)
	} else {
		o.m(`<a href="/cases/`)
	}
	o.urlPart(g.CaseID)
	o.m("/appointments/")
	o.urlPart(g.ApptID)
	o.m(`/going">`)
	o.text(words)
	o.m("</a>")
}

// whenWhere writes an appointment's day and local time, then its place on
// a line of its own if it has one.
func (o *htmlOut) whenWhere(a *appointmentView) {
	o.m(`<time datetime="`)
	o.text(a.ISO)
	o.m(`">`)
	o.text(a.Day)
	if a.LocalTime != "" {
		o.m(", ")
		o.text(a.LocalTime)
	}
	o.m("</time>")
	if a.Place != "" {
		o.m("<br>")
		o.text(a.Place)
	}
}
