package web

// The case page's checklists and deadlines, written by Go: the templates
// "cl-case-block" (partials_checklists.html), "case-deadlines" and
// "deadline-item" (case.html) are their specification, byte for byte
// (TestCaseContentMatchesSpec, TestCaseDeadlinesStates).

// writeCaseChecklists writes "cl-case-block": the case's checklists, how
// far along each is and its next item; nothing but a line break for a
// case without checklists.
func writeCaseChecklists(o *htmlOut, d *templateData) {
	if c := d.Checklists; c != nil && len(c.Lists) > 0 {
		o.m("\n" + `<section id="checklists" aria-labelledby="checklists-heading">` +
			"\n  " + `<div class="section-head">` +
			"\n    " + `<h2 id="checklists-heading">`)
		o.text(d.T("checklist.heading"))
		o.m(` <span class="count">(`)
		o.int(len(c.Lists))
		o.m(`)</span></h2>`)
		if c.CanAdd && len(c.Stages) > 0 {
			o.m(`<a class="action" href="/cases/`)
			o.urlPart(d.Case.ID)
			o.m(`/checklists/new">`)
			o.text(d.T("checklist.add"))
			o.m(`</a>`)
		}
		o.m("\n  </div>\n  " + `<ol class="task-list">`)
		for i := range c.Lists {
			l := &c.Lists[i]
			o.m("\n    " + `<li class="task-list-item">` + "\n      " + `<a class="task-name" href="`)
			o.url(l.URL)
			o.m(`">`)
			o.text(l.Name)
			o.m(`</a>` + "\n      " + `<span class="task-status`)
			if l.Done == l.Total {
				o.m(` task-complete`)
			}
			o.m(`">`)
			o.text(d.T("checklist.n_of_m", l.Done, l.Total))
			o.m(`</span>`)
			if n := l.Next; n != nil {
				o.m("\n      " + `<p class="hint">`)
				o.text(d.T("checklist.next"))
				o.m(` <a href="`)
				o.url(n.URL)
				o.m(`">`)
				o.text(n.Text.Title)
				o.m(`</a>`)
				if n.AssigneeName != "" {
					o.m(` · `)
					o.text(n.AssigneeName)
				}
				o.m(`</p>`)
			}
			o.m("\n    </li>")
		}
		o.m("\n  </ol>\n</section>")
	}
	o.m("\n")
}

// writeCaseDeadlines writes "case-deadlines": the deadlines to act on,
// then those further ahead and those closed, collapsed; before them the
// engine's disclaimer, the facts missing for a date and the dates only
// coordinators see.
func writeCaseDeadlines(o *htmlOut, d *templateData) {
	p := d.CasePage
	o.m("\n" + `<section id="deadlines" aria-labelledby="deadlines-heading">`)
	offer := d.Checklists != nil && d.Checklists.Offer
	if offer {
		o.m("\n  " + `<div class="section-head">` + "\n    ")
	} else {
		o.m("\n  ")
	}
	o.m(`<h2 id="deadlines-heading">`)
	o.text(d.T("case.deadlines"))
	o.m(` <span class="count">(`)
	o.int(len(p.Open))
	o.m(`)</span></h2>`)
	if offer {
		o.m("\n    " + `<a class="action" href="/cases/`)
		o.urlPart(d.Case.ID)
		o.m(`/checklists/new?stage=first_week">`)
		o.text(d.T("checklist.offer.button"))
		o.m(`</a>` + "\n  </div>")
	}
	o.flashHere(d.FlashAt("deadlines"))
	o.m("\n  " + `<p class="notice">`)
	o.text(d.Disclaimer)
	o.m(`</p>`)
	for _, g := range d.FactGaps {
		o.m("\n  " + `<p class="notice gap">`)
		o.text(g)
		o.m(`</p>`)
	}
	for _, s := range d.SealedNotices {
		o.m("\n  " + `<p class="notice">`)
		o.text(s)
		o.m(`</p>`)
	}
	if len(p.Open) > 0 {
		o.m("\n  " + `<ol class="items">`)
		o.deadlineItems(d, p.Open)
		o.m("\n  </ol>")
	} else if len(d.Deadlines) == 0 {
		o.m("\n  " + `<p class="muted">`)
		o.text(d.T("case.no_deadlines"))
		o.m(`</p>`)
	}
	if len(p.Later) > 0 || len(p.Closed) > 0 {
		o.m("\n  " + `<details class="more">` + "\n    <summary>")
		o.text(d.T("case.more_items", p.MoreCount))
		o.m(`</summary>`)
		if len(p.Later) > 0 {
			o.m("\n    <h3>")
			o.text(d.T("case.later_items"))
			o.m("</h3>\n    " + `<ol class="items">`)
			o.deadlineItems(d, p.Later)
			o.m("\n    </ol>")
		}
		if len(p.Closed) > 0 {
			o.m("\n    <h3>")
			o.text(d.T("case.closed_items"))
			o.m("</h3>\n    " + `<ol class="items">`)
			o.deadlineItems(d, p.Closed)
			o.m("\n    </ol>")
		}
		o.m("\n  </details>")
	}
	o.m("\n</section>")
}

// deadlineItems writes "deadline-item" for each of rows. The template
// ranges over OpenRows, LaterRows or ClosedRows, which are Open, Later or
// Closed as rowArgs (templateData.rows): D is d, V the row, DV its
// deadlineView, never nil.
func (o *htmlOut) deadlineItems(d *templateData, rows []deadlineRow) {
	for i := range rows {
		r := &rows[i]
		v := &r.deadlineView
		o.m("\n    " + `<li class="item" id="d-`)
		o.text(v.Key)
		o.m(`">`)
		for _, k := range r.Keys[1:] {
			o.m(`<span id="d-`)
			o.text(k)
			o.m(`"></span>`)
		}
		o.flashHere(d.FlashAtAny("d-", r.Keys))
		o.m("\n      " + `<div class="item-head">` + "\n        <p>")
		o.tag(r.Tag)
		o.m(` <span class="when">`)
		o.text(v.When)
		o.m(`</span></p>`)
		if r.RecordLabel != "" {
			o.m("\n        " + `<a class="action" href="`)
			o.url(r.RecordURL)
			o.m(`" aria-label="`)
			o.text(r.RecordLabel)
			o.m(`">`)
			o.text(d.T("mark.record"))
			o.m(`</a>`)
		}
		o.m("\n      </div>\n      <details>\n        <summary><strong>")
		o.text(v.Title)
		o.m(`</strong> <span class="for">· `)
		o.text(r.Names)
		o.m(`</span></summary>` + "\n        " + `<p class="due">`)
		if v.DueISO != "" {
			o.m(`<time datetime="`)
			o.text(v.DueISO)
			o.m(`">`)
			o.text(v.Due)
			o.m(`</time>`)
		} else {
			o.text(v.Due)
		}
		o.m(`</p>`)
		if v.MetBy != "" {
			o.m(`<p class="muted">`)
			o.text(d.T("deadline.met_by", v.MetBy))
			o.m(`</p>`)
		}
		if v.StateNote != "" {
			o.m(`<p class="notice">`)
			o.text(v.StateNote)
			o.m(`</p>`)
		}
		o.m("\n        <p>")
		o.text(v.Explanation)
		o.m("</p>\n        <p><strong>")
		o.text(d.T("deadline.why"))
		o.m("</strong></p>\n        <p>")
		o.text(v.Working)
		o.m(`</p>`)
		if v.RuleNote != "" {
			o.m(`<p class="muted">`)
			o.text(v.RuleNote)
			o.m(`</p>`)
		}
		o.m("\n        <p>")
		o.text(d.T("deadline.source"))
		o.m(` `)
		if v.SourceURL != "" {
			o.m(`<a href="`)
			o.url(v.SourceURL)
			o.m(`" rel="noreferrer noopener">`)
			o.text(v.Source)
			o.m(`</a>`)
		} else {
			o.text(v.Source)
		}
		o.m("</p>\n        " + `<p class="muted">`)
		o.text(d.T("deadline.confirm"))
		o.m(`</p>`)
		if v.Mark.Note != "" {
			o.m(`<p class="note">`)
			o.text(d.T("mark.note_label"))
			o.m(` `)
			o.text(v.Mark.Note)
			o.m(`</p>`)
		}
		o.m("\n      </details>\n    </li>")
	}
}
