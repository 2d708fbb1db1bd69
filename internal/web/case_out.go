package web

import (
	"bytes"
	"html/template"
	"sync"
)

// caseSection is one part of the case page's content: its template (the
// specification) and, when Go writes it, the function that does.
type caseSection struct {
	name  string
	write func(o *htmlOut, d *templateData)
}

// caseSections are the case page's parts in page order, as "case-content"
// lists them.
var caseSections = []caseSection{
	{name: "case-head", write: writeCaseHead},
	//
	{name: "case-summary", write: writeCaseSummary},
	//
	{name: "cl-case-block", write: writeCaseChecklists},
	//
	{name: "case-deadlines", write: writeCaseDeadlines},
	//
	{name: "case-appointments", write: writeCaseAppointments},
	//
	{name: "cm-case-commitments", write: writeCaseCommitments},
	//
	{name: "case-household", write: writeCaseHousehold},
	//
	{name: "case-facts", write: writeCaseFacts},
	//
	{name: "case-details", write: writeCaseDetails},
	//
	{name: "case-history", write: writeCaseHistory},
	//
	{name: "case-actions", write: writeCaseActions},
}

// caseOutSize is the buffer a case page's content starts with, in bytes:
// a household of three with its deadlines writes about 40 KB.
const caseOutSize = 48 << 10

// caseOutBufs are the buffers case pages are written in, used again: the
// page keeps a copy (the template.HTML string) and the buffer is put back.
var caseOutBufs = sync.Pool{New: func() any { return &htmlOut{b: make([]byte, 0, caseOutSize)} }}

// CaseContent is the case page's content (the "content" of case.html):
// each part Go writes by its function, any other by its template.
func (d *templateData) CaseContent() (template.HTML, error) {
	o := caseOutBufs.Get().(*htmlOut)
	defer func() {
		if cap(o.b) <= 4*caseOutSize { // a rare huge page is not kept
			o.b = o.b[:0]
			caseOutBufs.Put(o)
		}
	}()
	for _, sec := range caseSections {
		if sec.write != nil {
			sec.write(o, d)
			continue
		}
		buf := bytes.NewBuffer(o.b)
		if err := d.tpl.ExecuteTemplate(buf, sec.name, d); err != nil {
			return "", err
		}
		o.b = buf.Bytes()
	}
	return template.HTML(o.b), nil // each part escaped as html/template does (htmlOut)
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
