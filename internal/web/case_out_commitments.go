package web

// The case page's commitments and needs, written by Go: byte for byte
// what the "cm-case-commitments" template (partials_commitments.html)
// prints, with "cm-commitment-line", "cm-tag", "cm-chart", "tag" and
// "flash-here" (TestCaseContentMatchesSpec, case_out_commitments_test.go).

// writeCaseCommitments writes "cm-case-commitments": what the group
// promised, then the help the case needs; nothing but the define's last
// line break while the case has neither.
func writeCaseCommitments(o *htmlOut, d *templateData) {
	if cd := d.Commit; cd != nil && (len(cd.Commitments) > 0 || len(cd.Needs) > 0) {
		o.sectionHead(d, sectionHead{
			open:    "\n<section id=\"commitments\" aria-labelledby=\"commitments-heading\">\n  <div class=\"section-head\">\n    <h2 id=\"commitments-heading\">",
			heading: d.T("commit.section"), count: len(cd.Commitments),
			add: cd.CanAdd, addPath: "/commitments/new", label: d.T("commit.add"), link: d.T("form.add"),
			anchor: "commitments",
		})
		writeCommitBehind(o, d, cd.Behind)
		writeCommitEndingSoon(o, d, cd.EndingSoon)
		writeCommitNothingRecorded(o, d, cd.NothingRecorded)
		if len(cd.Commitments) > 0 {
			o.m("\n  <details class=\"more\">\n    <summary>")
			o.text(d.T("commit.all_count", len(cd.Commitments)))
			o.m("</summary>\n    <ul class=\"items\">")
			for i := range cd.Commitments {
				o.commitmentLine(&cd.Commitments[i])
			}
			o.m("\n    </ul>\n  </details>")
			for i := range cd.Charts {
				c := &cd.Charts[i]
				o.m("\n  <details class=\"more\">\n    <summary>")
				o.text(c.Title)
				o.m("</summary>\n    ")
				o.chart(c)
				o.m("\n  </details>")
			}
		}
		writeCaseNeeds(o, d, cd)
		o.m("\n</section>")
	}
	o.m("\n")
}

// writeCommitBehind writes the money commitments behind, each with its
// Overdue tag and, for who may, a link to record what was given.
func writeCommitBehind(o *htmlOut, d *templateData, vs []commitmentView) {
	if len(vs) == 0 {
		return
	}
	o.m("\n  <h3>")
	o.text(d.T("commit.behind_group"))
	o.m("</h3>\n  <ul class=\"items\">")
	record := d.T("mark.record")
	for i := range vs {
		v := &vs[i]
		o.commitItemHead(v, record)
		o.m("\n      <p>")
		o.tag(v.BehindTag)
		o.m(` <strong>`)
		o.text(v.Behind)
		o.m("</strong></p>\n    </li>")
	}
	o.m("\n  </ul>")
}

// writeCommitEndingSoon writes the commitments whose period ends soon,
// with the day it does.
func writeCommitEndingSoon(o *htmlOut, d *templateData, vs []commitmentView) {
	if len(vs) == 0 {
		return
	}
	o.m("\n  <h3>")
	o.text(d.T("commit.ending_soon"))
	o.m("</h3>\n  <ul class=\"items\">")
	for i := range vs {
		v := &vs[i]
		o.m("\n    <li class=\"item\"><p>")
		o.commitLink(v)
		o.m(`<br><time datetime="`)
		o.text(v.EndsISO)
		o.m(`">`)
		o.text(d.T("commit.ends_on", v.Ends))
		o.m(`</time></p></li>`)
	}
	o.m("\n  </ul>")
}

// writeCommitNothingRecorded writes the commitments that started with
// nothing recorded against them, with their period.
func writeCommitNothingRecorded(o *htmlOut, d *templateData, vs []commitmentView) {
	if len(vs) == 0 {
		return
	}
	o.m("\n  <h3>")
	o.text(d.T("commit.nothing_recorded"))
	o.m("</h3>\n  <ul class=\"items\">")
	record := d.T("mark.record")
	for i := range vs {
		v := &vs[i]
		o.commitItemHead(v, record)
		o.m("\n      <p class=\"muted\">")
		o.text(v.Period)
		o.m("</p>\n    </li>")
	}
	o.m("\n  </ul>")
}

// commitItemHead opens an item of the Behind and NothingRecorded lists:
// the commitment's link and, when the viewer may, "Record" (record is
// its word, d.T("mark.record")).
func (o *htmlOut) commitItemHead(v *commitmentView, record string) {
	o.m("\n    <li class=\"item\">\n      <div class=\"item-head\">\n        <p>")
	o.commitLink(v)
	o.m(`</p>`)
	if v.CanRecord {
		o.itemAction("\n        <a class=\"action\" href=\"/cases/", v.CaseID, "/commitments/", v.ID, "/given/new", v.RecordLabel, record)
	}
	o.m("\n      </div>")
}

// commitLink writes a commitment's kind, linked to its page, then its
// description if it has one.
func (o *htmlOut) commitLink(v *commitmentView) {
	o.m(`<a href="/cases/`)
	o.urlPart(v.CaseID)
	o.m(`/commitments/`)
	o.urlPart(v.ID)
	o.m(`"><strong>`)
	o.text(v.KindLabel)
	o.m(`</strong></a>`)
	if v.Description != "" {
		o.m(` · `)
		o.text(v.Description)
	}
}

// commitmentLine writes "cm-commitment-line": one commitment with its
// state, period, holders and what was given.
func (o *htmlOut) commitmentLine(v *commitmentView) {
	o.m("\n<li class=\"item\">\n  <p>")
	// "cm-tag"
	o.m(`<span class="tag tag-cm-`)
	o.text(string(v.State))
	o.m(`">`)
	o.text(v.StateLabel)
	o.m(`</span> `)
	o.commitLink(v)
	o.m("</p>\n  <p class=\"muted\">")
	o.text(v.Period)
	if v.Amount != "" {
		o.m(` · `)
		o.text(v.Amount)
	}
	o.m("</p>\n  <p>")
	if v.Holders != "" {
		o.text(v.HeldBy)
	} else {
		o.m(`<span class="nobody-going">`)
		o.text(v.HeldBy)
		o.m(`</span>`)
	}
	o.m("</p>\n  <p class=\"muted\">")
	o.text(v.Given)
	if v.Behind != "" {
		o.m(` · `)
		o.tag(v.BehindTag)
		o.m(` <strong>`)
		o.text(v.Behind)
		o.m(`</strong>`)
	}
	if v.DueToday != "" {
		o.m(` · <strong>`)
		o.text(v.DueToday)
		o.m(`</strong>`)
	}
	o.m("</p>\n</li>\n")
}

// chart writes "cm-chart": one currency's money per month as an SVG bar
// chart, then as a table.
func (o *htmlOut) chart(c *chartView) {
	o.m("\n<figure class=\"chart\">\n  <svg role=\"img\" aria-labelledby=\"")
	o.text(c.ID)
	o.m(`-title" viewBox="`)
	o.text(c.ViewBox)
	o.m(`" width="`)
	o.int(c.ShownWidth)
	o.m(`" height="`)
	o.int(c.ShownHeight)
	o.m("\" focusable=\"false\">\n    <title id=\"")
	o.text(c.ID)
	o.m(`-title">`)
	o.text(c.Title)
	o.m("</title>\n    <line class=\"chart-axis\" x1=\"4\" y1=\"")
	o.int(c.Baseline)
	o.m(`" x2="`)
	o.int(c.Width)
	o.m(`" y2="`)
	o.int(c.Baseline)
	o.m("\" stroke-width=\"1\"></line>\n    <text class=\"chart-text\" x=\"4\" y=\"13\" font-size=\"12\">")
	o.text(c.Top)
	o.m(`</text>`)
	for i := range c.Bars {
		b := &c.Bars[i]
		if b.H == 0 {
			continue
		}
		o.m("\n    <rect class=\"")
		o.text(b.Class)
		o.m(`" x="`)
		o.int(b.X)
		o.m(`" y="`)
		o.int(b.Y)
		o.m(`" width="`)
		o.int(b.W)
		o.m(`" height="`)
		o.int(b.H)
		o.m(`"><title>`)
		o.text(b.Title)
		o.m(`</title></rect>`)
	}
	for i := range c.Labels {
		l := &c.Labels[i]
		o.m("\n    <text class=\"chart-text\" x=\"")
		o.int(l.X)
		o.m(`" y="`)
		o.int(l.Y)
		o.m(`" font-size="12" text-anchor="middle">`)
		o.text(l.Text)
		o.m(`</text>`)
	}
	o.m("\n  </svg>\n  <figcaption class=\"chart-legend\"><span class=\"legend-key key-pledged\"></span>")
	o.text(c.Pledged)
	o.m(` <span class="legend-key key-given"></span>`)
	o.text(c.Given)
	o.m("</figcaption>\n</figure>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"")
	o.text(c.ID)
	o.m("-caption\" tabindex=\"0\">\n<table id=\"")
	o.text(c.ID)
	o.m("-table\">\n  <caption id=\"")
	o.text(c.ID)
	o.m(`-caption">`)
	o.text(c.Title)
	o.m("</caption>\n  <thead><tr><th scope=\"col\">")
	o.text(c.MonthHead)
	o.m(`</th><th scope="col">`)
	o.text(c.Pledged)
	o.m(`</th><th scope="col">`)
	o.text(c.Given)
	o.m("</th></tr></thead>\n  <tbody>")
	for i := range c.Rows {
		r := &c.Rows[i]
		o.m("\n    <tr><th scope=\"row\">")
		o.text(r.Month)
		o.m(`</th><td>`)
		o.text(r.Pledged)
		o.m(`</td><td>`)
		o.text(r.Given)
		o.m(`</td></tr>`)
	}
	o.m("\n  </tbody>\n</table>\n</div>\n")
}

// writeCaseNeeds writes the help the case needs, each need covered or
// not, with a way to take it on and, for coordinators, to remove it; or,
// without needs, only the place "#needs" lands on.
func writeCaseNeeds(o *htmlOut, d *templateData, cd *commitData) {
	if len(cd.Needs) == 0 {
		o.m("\n  <span id=\"needs\"></span>")
		o.flashHere(d.FlashAt("needs"))
		return
	}
	o.m("\n  <div class=\"section-head sub\" id=\"needs\">\n    <h3>")
	o.text(d.T("need.title"))
	o.m(` <span class="count">(`)
	o.int(len(cd.Needs))
	o.m(`)</span></h3>`)
	if cd.CanManage {
		o.caseAction("\n    <a class=\"action\" href=\"/cases/", d.Case.ID, "/needs/new", d.T("need.add_action"), d.T("form.add"))
	}
	o.m("\n  </div>")
	o.flashHere(d.FlashAt("needs"))
	o.m("\n  <ul class=\"items\">")
	for i := range cd.Needs {
		n := &cd.Needs[i]
		o.m("\n    <li class=\"item\">\n      <div class=\"item-head\">\n        <p><strong>")
		o.text(n.KindLabel)
		o.m(`</strong>`)
		if n.Until != "" {
			o.m(` · `)
			o.text(d.T("need.until", n.Until))
		}
		o.m("<br>\n        ")
		if n.Uncovered {
			o.m(`<span class="nobody-going">`)
			o.text(d.T("need.nobody"))
			o.m(`</span>`)
			if cd.CanAdd {
				o.m(` · `)
				if n.Unheld != "" {
					o.m(`<a href="`)
					o.url(n.Unheld)
					o.m(`">`)
					o.text(d.T("need.take_on_unheld"))
					o.m(`</a>`)
				} else {
					o.m(`<a href="/cases/`)
					o.urlPart(d.Case.ID)
					o.m(`/commitments/new?kind=`)
					o.urlQuery(string(n.Kind))
					o.m(`">`)
					o.text(d.T("need.take_on"))
					o.m(`</a>`)
				}
			}
		} else {
			o.m(`<span class="muted">`)
			o.text(d.T("need.covered"))
			o.m(`</span>`)
		}
		o.m(`</p>`)
		if cd.CanManage {
			o.m("\n        <a class=\"action danger\" href=\"/cases/")
			o.urlPart(d.Case.ID)
			o.m(`/needs/`)
			o.urlPart(string(n.Kind))
			o.m(`/remove" aria-label="`)
			o.text(d.T("need.remove_for", n.KindLabel))
			o.m(`">`)
			o.text(d.T("need.remove"))
			o.m(`</a>`)
		}
		o.m("\n      </div>\n    </li>")
	}
	o.m("\n  </ul>")
}
