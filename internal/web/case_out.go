package web

import (
	"html/template"
	"sync"
)

// caseSection is one part of the case page's content: the name of its
// template in case.html (its specification) and the function that writes
// it.
type caseSection struct {
	name  string
	write func(o *htmlOut, d *templateData)
}

// caseSections are the case page's parts in page order, as "case-content"
// lists them (TestCaseSectionsFollowSpec).
var caseSections = []caseSection{
	{"case-head", writeCaseHead},
	{"case-summary", writeCaseSummary},
	{"cl-case-block", writeCaseChecklists},
	{"case-deadlines", writeCaseDeadlines},
	{"case-appointments", writeCaseAppointments},
	{"cm-case-commitments", writeCaseCommitments},
	{"case-household", writeCaseHousehold},
	{"case-facts", writeCaseFacts},
	{"case-details", writeCaseDetails},
	{"case-history", writeCaseHistory},
	{"case-actions", writeCaseActions},
}

// caseOutSize is the buffer a case page's content starts with, in bytes:
// a household of three with its deadlines writes about 40 KB.
const caseOutSize = 48 << 10

// caseOutBufs are the buffers case pages are written in, used again: the
// page keeps a copy (the template.HTML string) and the buffer is put back.
var caseOutBufs = sync.Pool{New: func() any { return &htmlOut{b: make([]byte, 0, caseOutSize)} }}

// CaseContent is the case page's content (the "content" of case.html),
// each part written by its function, as HTML the base template prints as
// it stands.
func (d *templateData) CaseContent() template.HTML {
	o := caseOutBufs.Get().(*htmlOut)
	for _, sec := range caseSections {
		sec.write(o, d)
	}
	page := template.HTML(o.b)     // a copy; each value in it escaped as html/template does (htmlOut)
	if cap(o.b) <= 4*caseOutSize { // a rare huge page's buffer is not kept
		o.b = o.b[:0]
		caseOutBufs.Put(o)
	}
	return page
}

// tag writes the "tag" template: a state's tag.
func (o *htmlOut) tag(a tagArgs) {
	o.m(`<span class="tag tag-`)
	o.text(string(a.State))
	o.m(`" data-state="`)
	o.text(string(a.State))
	o.m(`">`)
	o.text(a.Label)
	o.m(`</span>`)
}

// flashHere writes the "flash-here" template: the one-time message, if
// the page shows it here (templateData.FlashAt).
func (o *htmlOut) flashHere(msg string) {
	if msg != "" {
		o.m(`<p class="flash" role="status">`)
		o.text(msg)
		o.m(`</p>`)
	}
}

// sectionHead is the head of a case page section with a count and an
// "Add" link ("case-household", "case-facts", "case-appointments",
// "cm-case-commitments").
type sectionHead struct {
	// open is the section's markup up to its heading's text.
	open    markup
	heading string
	count   int
	// add: the viewer may add; addPath follows /cases/{id} in the link,
	// label is its accessible name and link its words.
	add         bool
	addPath     markup
	label, link string
	// anchor is the fragment whose one-time message shows under the head.
	anchor string
}

// sectionHead writes h: the heading with its count in brackets, the
// "Add" link, and the one-time message if it lands on the section.
func (o *htmlOut) sectionHead(d *templateData, h sectionHead) {
	o.m(h.open)
	o.text(h.heading)
	o.m(` <span class="count">(`)
	o.int(h.count)
	o.m(`)</span></h2>`)
	if h.add {
		o.caseAction("\n    <a class=\"action\" href=\"/cases/", d.Case.ID, h.addPath, h.label, h.link)
	}
	o.m("\n  </div>")
	o.flashHere(d.FlashAt(h.anchor))
}

// caseAction writes an action link to a page of a case, as the templates
// write them: open (the markup up to and with href="/cases/), the case's
// id, path (markup), then the link's accessible name (label) and words.
func (o *htmlOut) caseAction(open markup, caseID string, path markup, label, words string) {
	o.m(open)
	o.urlPart(caseID)
	o.m(path)
	o.actionEnd(label, words)
}

// itemAction is caseAction to a page of one of the case's items: the
// item's id and tail (markup) follow path.
func (o *htmlOut) itemAction(open markup, caseID string, path markup, itemID string, tail markup, label, words string) {
	o.m(open)
	o.urlPart(caseID)
	o.m(path)
	o.urlPart(itemID)
	o.m(tail)
	o.actionEnd(label, words)
}

func (o *htmlOut) actionEnd(label, words string) {
	o.m(`" aria-label="`)
	o.text(label)
	o.m(`">`)
	o.text(words)
	o.m(`</a>`)
}
