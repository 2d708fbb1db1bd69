package web

import (
	"html/template"

	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// tagArgs is what the "tag" template needs: a state and its short name.
type tagArgs struct {
	State deadline.State
	Label string
}

// Tag is the tag of a deadline's or appointment's state: its short name
// in the page's language ("Overdue", "Vencido"). The same state looks the
// same on every page (app.css gives each state its colour and shape).
func (d *templateData) Tag(st deadline.State) tagArgs {
	return tagArgs{State: st, Label: d.T("tag." + string(st))}
}

// Initials are name's initials ("M.G."), what lists show instead of a name.
func (d *templateData) Initials(name string) string { return store.Initials(name) }

// FullDay writes a YYYY-MM-DD date in full in the page's language, the
// language's own form: "Monday 11 January 2027", "lunes 11 de enero de
// 2027".
func (d *templateData) FullDay(iso string) string {
	day, err := deadline.ParseDate(iso)
	if err != nil {
		return iso
	}
	return deadline.FullDate(day, d.Lang.T)
}

// Tel is the tel: address of the case lawyer's phone, as a URL the
// template may put in an href (it holds only digits and a leading +).
func (d *templateData) Tel() template.URL {
	if d.CasePage == nil || d.CasePage.LawyerTel == "" {
		return ""
	}
	return template.URL(d.CasePage.LawyerTel) // built from digits only (telHref)
}

// CardTel is the tel: address of the lawyer on the court-day card.
func (d *templateData) CardTel() template.URL {
	if d.Card == nil || d.Card.LawyerTel == "" {
		return ""
	}
	return template.URL(d.Card.LawyerTel) // built from digits only (telHref)
}

// rowArgs is one deadline or appointment of a list with the page it is on.
// V is a deadline's row and DV the deadline in it; A is an appointment's
// view and AP the appointment in it. The templates read the embedded
// structs through DV and AP: a field promoted from an embedded struct
// costs text/template a breadth-first search of the type
// (reflect.FieldByNameFunc) at every use.
type rowArgs struct {
	D  *templateData
	V  *deadlineRow
	DV *deadlineView
	A  *appointmentView
	AP *model.Appointment
}

// FieldHint is Field with a hint (a message key) under the label.
func (d *templateData) FieldHint(name, labelKey, typ string, max int, hintKey string) fieldArgs {
	a := d.Field(name, labelKey, typ, max, "")
	a.Hint = d.T(hintKey)
	return a
}

// AnswerBy is an offer's deadline for the group, in words: the last whole
// day it can be answered, in the page's zone (the group's, whose day ends
// the offer: model.OfferEnds), "Answer by the end of Friday 4 December
// 2026", never a moment in the night.
func (d *templateData) AnswerBy(o model.Offer) string {
	return d.T("offer.answer_by", d.FullDay(o.LastDay(tz.Location(d.Zone)).Format("2006-01-02")))
}
