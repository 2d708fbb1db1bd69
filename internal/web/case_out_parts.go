package web

// The case page's head, household, facts, details, history and last
// actions, written as case.html's parts of the same names specify.

// writeCaseHead writes "case-head": the case code with the principal's
// initials, its status, and the notices of a closed case.
func writeCaseHead(o *htmlOut, d *templateData) {
	p := d.CasePage
	o.m("\n<h1 class=\"case-title\"><span class=\"case-code\">")
	o.text(d.Case.Code)
	o.m(`</span> <span class="initials">`)
	o.text(p.Initials)
	o.m("</span></h1>\n<p class=\"case-status\"><span class=\"tag tag-status\">")
	o.text(d.T("status." + string(d.Case.Status)))
	o.m(`</span>`)
	if !d.Case.Open() {
		o.m(` `)
		o.text(d.T("case.closed_on", d.Date(d.Case.ClosedAt), d.T("close.reason."+d.Case.CloseReason)))
	}
	o.m(`</p>`)
	if pv := d.Purge; pv != nil {
		o.m("\n<p class=\"notice\">")
		o.text(d.T("purge.scheduled", d.FullDay(pv.On), d.Org.RetentionDays))
		if d.CanManageCases {
			o.m(` <a href="/cases/`)
			o.urlPart(d.Case.ID)
			o.m(`/purge">`)
			o.text(d.T("purge.link"))
			o.m(`</a>`)
		}
		o.m(`</p>`)
	}
	if nc := p.NetworkClosed; nc != nil {
		o.m("\n<p class=\"notice\" role=\"status\">")
		o.text(d.T("case.network_closed", d.Date(nc.At), d.T("queue.close.reason."+nc.Reason)))
		if d.CanManageCases && d.Case.Open() {
			o.m(` <a href="/cases/`)
			o.urlPart(d.Case.ID)
			o.m(`/close">`)
			o.text(d.T("case.close"))
			o.m(`</a>`)
		}
		o.m(`</p>`)
	}
}

// writeCaseHousehold writes "case-household": each member, their details
// folded, with what the viewer may do about them.
func writeCaseHousehold(o *htmlOut, d *templateData) {
	o.sectionHead(d, sectionHead{
		open:    "\n<section id=\"household\" aria-labelledby=\"household-heading\">\n  <div class=\"section-head\">\n    <h2 id=\"household-heading\">",
		heading: d.T("case.household"), count: len(d.People),
		add: d.CanEditCases, addPath: "/people/new", label: d.T("person.new.title"), link: d.T("form.add"),
		anchor: "household",
	})
	o.m("\n  <ul class=\"items\">")
	for i := range d.People {
		person := &d.People[i]
		o.m("\n    <li class=\"item\">\n      <details>\n        <summary><strong>")
		o.text(person.Name)
		o.m(`</strong>`)
		if person.PreferredName != "" {
			o.m(` (`)
			o.text(person.PreferredName)
			o.m(`)`)
		}
		o.m(` <span class="muted">· `)
		switch {
		case person.Principal:
			o.text(d.T("person.principal"))
		case person.Relationship != "":
			o.text(person.Relationship)
		default:
			o.m(`—`)
		}
		o.m("</span></summary>\n        <dl class=\"summary-list compact\">")
		if person.Languages != "" {
			o.summaryRow(d.T("field.languages"), d.PersonLanguages(person.Languages))
		}
		if person.CountryOfBirth != "" {
			o.summaryRow(d.T("field.country_of_birth"), person.CountryOfBirth)
		}
		if person.LastUSArrival != "" {
			o.summaryRow(d.T("field.last_us_arrival"), d.FullDay(person.LastUSArrival))
		}
		if person.ReleaseDate != "" {
			o.summaryRow(d.T("field.release_date"), d.FullDay(person.ReleaseDate))
		}
		if person.JoinedOn != "" {
			o.summaryRow(d.T("field.joined_on"), d.FullDay(person.JoinedOn))
		}
		if d.CanManageCases {
			if person.HasANumber {
				o.m(`<div><dt>`)
				o.text(d.T("field.anumber"))
				o.m(`</dt><dd>•••••`)
				o.text(person.ANumberLast3)
				o.m(`</dd></div>`)
			}
			if person.HasDOB {
				o.summaryRow(d.T("field.dob"), d.T("field.sensitive.hidden"))
			}
			if person.HasFacility {
				o.summaryRow(d.T("field.facility"), d.T("field.sensitive.hidden"))
			}
		}
		o.m("\n        </dl>\n        <div class=\"actions\">")
		if d.CanEditCases {
			o.itemAction("\n          <a class=\"action\" href=\"/cases/", d.Case.ID, "/people/", person.ID, "/edit",
				d.T("person.edit_for", person.Name), d.T("form.edit"))
		}
		if d.CanManageCases && d.Case.Open() && !person.Principal {
			o.itemAction("\n          <a class=\"action danger\" href=\"/cases/", d.Case.ID, "/people/", person.ID, "/remove",
				d.T("person.remove_for", person.Name), d.T("form.remove"))
		}
		if d.CanManageCases {
			o.itemAction("\n          <a class=\"action\" href=\"/cases/", d.Case.ID, "/people/", person.ID, "/export",
				d.T("export.link_for", person.Name), d.T("export.link"))
			for _, f := range d.RecordedFields(*person) {
				o.m("\n          <form method=\"post\" action=\"/cases/")
				o.urlPart(d.Case.ID)
				o.m(`/people/`)
				o.urlPart(person.ID)
				o.m("/reveal\" class=\"inline\">\n            <input type=\"hidden\" name=\"field\" value=\"")
				o.text(f.Name)
				o.m("\">\n            <button type=\"submit\" aria-label=\"")
				o.text(d.T("reveal.button_for", d.T("field."+f.Name), person.Name))
				o.m(`">`)
				o.text(d.T("reveal." + f.Name))
				o.m("</button>\n          </form>")
			}
		}
		o.m("\n        </div>\n      </details>\n    </li>")
	}
	o.m("\n  </ul>\n</section>")
}

// summaryRow writes one row of a summary list, <div><dt>…</dt><dd>…</dd></div>.
func (o *htmlOut) summaryRow(key, value string) {
	o.m(`<div><dt>`)
	o.text(key)
	o.m(`</dt><dd>`)
	o.text(value)
	o.m(`</dd></div>`)
}

// writeCaseFacts writes "case-facts": what happened, folded.
func writeCaseFacts(o *htmlOut, d *templateData) {
	o.sectionHead(d, sectionHead{
		open:    "\n<section id=\"facts\" aria-labelledby=\"facts-heading\">\n  <div class=\"section-head\">\n    <h2 id=\"facts-heading\">",
		heading: d.T("case.facts"), count: len(d.Facts),
		add: d.CanEditCases, addPath: "/facts/new", label: d.T("fact.add"), link: d.T("mark.record"),
		anchor: "facts",
	})
	if len(d.Facts) == 0 {
		o.m("\n  <p class=\"muted\">")
		o.text(d.T("case.no_facts"))
		o.m("</p>\n  <p class=\"hint\">")
		o.text(d.T("case.facts.intro"))
		o.m("</p>\n</section>")
		return
	}
	o.m("\n  <details class=\"more\">\n    <summary>")
	if len(d.Facts) == 1 {
		o.text(d.T("case.facts.show_one"))
	} else {
		o.text(d.T("case.facts.show", len(d.Facts)))
	}
	o.m("</summary>\n    <p class=\"hint\">")
	o.text(d.T("case.facts.intro"))
	o.m("</p>\n    <ul class=\"items\">")
	for _, f := range d.Facts {
		kind := d.T("fact.kind." + string(f.Kind))
		day := d.FullDay(f.Date)
		o.m("\n      <li class=\"item\">\n        <div class=\"item-head\">\n          <p><strong>")
		o.text(kind)
		o.m(`</strong> <span class="muted">· `)
		o.text(d.PersonName(f.PersonID))
		o.m("</span><br>\n          <time datetime=\"")
		o.text(f.Date)
		o.m(`">`)
		o.text(day)
		o.m(`</time>`)
		if f.EndDate != "" {
			o.m(` – <time datetime="`)
			o.text(f.EndDate)
			o.m(`">`)
			o.text(d.FullDay(f.EndDate))
			o.m(`</time>`)
		}
		o.m(`</p>`)
		if d.CanEditCases {
			o.itemAction("\n          <a class=\"action\" href=\"/cases/", d.Case.ID, "/facts/", f.ID, "/edit",
				d.T("fact.edit_for", kind, day), d.T("form.edit"))
		}
		o.m("\n        </div>")
		if f.Note != "" {
			o.m(`<p class="note">`)
			o.text(f.Note)
			o.m(`</p>`)
		}
		o.m("\n      </li>")
	}
	o.m("\n    </ul>\n  </details>\n</section>")
}

// writeCaseDetails writes "case-details": court, judge, lawyer and, for
// those who may see it, whether an address is recorded.
func writeCaseDetails(o *htmlOut, d *templateData) {
	o.m("\n<section id=\"details\" aria-labelledby=\"details-heading\">\n  <div class=\"section-head\">\n    <h2 id=\"details-heading\">")
	o.text(d.T("case.details"))
	o.m(`</h2>`)
	if d.CanManageCases && d.Case.Open() {
		o.caseAction("\n    <a class=\"action\" href=\"/cases/", d.Case.ID, "/edit", d.T("case.edit.title"), d.T("form.edit"))
	}
	o.m("\n  </div>\n  <details class=\"more\">\n    <summary>")
	o.text(d.T("case.details.show"))
	o.m("</summary>\n    <dl class=\"summary-list\">\n      ")
	o.summaryRow(d.T("field.court"), orDash(d.Case.Court))
	o.m("\n      ")
	o.summaryRow(d.T("field.judge"), orDash(d.Case.Judge))
	o.m("\n      ")
	o.summaryRow(d.T("field.lawyer_name"), orDash(d.Case.LawyerName))
	o.m("\n      ")
	o.summaryRow(d.T("field.lawyer_contact"), orDash(d.Case.LawyerContact))
	if d.CanManageCases {
		o.m("\n      <div><dt>")
		o.text(d.T("field.address"))
		o.m("</dt>\n      <dd>")
		if d.Case.HasAddress {
			o.text(d.T("field.sensitive.hidden"))
			o.m("\n        <form method=\"post\" action=\"/cases/")
			o.urlPart(d.Case.ID)
			o.m(`/address/reveal" class="inline"><button type="submit">`)
			o.text(d.T("reveal.address"))
			o.m("</button></form>\n        <a class=\"action\" href=\"/cases/")
			o.urlPart(d.Case.ID)
			o.m(`/letter">`)
			o.text(d.T("letter.link"))
			o.m("</a>\n        ")
		} else {
			o.m(`—`)
		}
		o.m(`</dd></div>`)
	}
	if d.Checklists != nil && d.Checklists.AddInDetails {
		o.m("\n      <div><dt>")
		o.text(d.T("checklist.heading"))
		o.m(`</dt><dd><a href="/cases/`)
		o.urlPart(d.Case.ID)
		o.m(`/checklists/new">`)
		o.text(d.T("checklist.add"))
		o.m(`</a></dd></div>`)
	}
	o.m("\n    </dl>\n  </details>\n</section>")
}

// orDash is {{or s "—"}}.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// writeCaseHistory writes "case-history": status changes and the latest
// changes, folded.
func writeCaseHistory(o *htmlOut, d *templateData) {
	o.m("\n<section id=\"history\" aria-labelledby=\"history-heading\">\n  <h2 id=\"history-heading\">")
	o.text(d.T("case.history"))
	o.m("</h2>\n  <details class=\"more\">\n    <summary>")
	o.text(d.T("case.history.show"))
	o.m("</summary>\n    <h3>")
	o.text(d.T("case.status_history"))
	o.m("</h3>\n    <ol class=\"history\">")
	for _, sc := range d.StatusChanges {
		o.m("\n      <li>")
		o.text(d.Date(sc.At))
		o.m(`: `)
		o.text(d.T("status." + string(sc.Status)))
		if sc.ActorName != "" {
			o.m(` <span class="muted">(`)
			o.text(sc.ActorName)
			o.m(`)</span>`)
		}
		o.m(`</li>`)
	}
	o.m("\n    </ol>\n    <h3>")
	o.text(d.T("case.changes"))
	o.m("</h3>\n    <ul class=\"history\">")
	for _, h := range d.CasePage.History {
		o.m("\n      <li>")
		o.text(h.When)
		o.m(` · `)
		o.text(h.Actor)
		o.m(` · `)
		o.text(h.What)
		if h.SubjectName != "" {
			o.m(`: `)
			o.text(h.SubjectName)
		}
		if h.Fields != "" {
			o.m(` <span class="muted">(`)
			o.text(h.Fields)
			o.m(`)</span>`)
		}
		o.m(`</li>`)
	}
	o.m("\n    </ul>\n  </details>\n</section>")
}

// writeCaseActions writes "case-actions": the page's last actions, adding
// the first commitment and closing the case.
func writeCaseActions(o *htmlOut, d *templateData) {
	addCommitment := d.Commit != nil && d.Commit.CanAdd && len(d.Commit.Commitments) == 0 && len(d.Commit.Needs) == 0
	closeCase := d.CanManageCases && d.Case.Open()
	if !closeCase && !addCommitment {
		return
	}
	o.m("\n<p class=\"actions\">")
	if addCommitment {
		o.m(`<a class="action" href="/cases/`)
		o.urlPart(d.Case.ID)
		o.m(`/commitments/new">`)
		o.text(d.T("commit.add"))
		o.m(`</a>`)
	}
	if closeCase {
		o.m(`<a class="action danger" href="/cases/`)
		o.urlPart(d.Case.ID)
		o.m(`/close">`)
		o.text(d.T("case.close"))
		o.m(`</a>`)
	}
	o.m("\n</p>")
}
