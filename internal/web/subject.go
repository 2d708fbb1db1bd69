package web

import (
	"encoding/json"
	"net/http"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// subjectView is a person's data-subject export as its page shows it.
type subjectView struct {
	Rec store.SubjectRecord
	// CanCorrect: the case is open, so its edit pages take corrections.
	CanCorrect bool
	// Commitments and Needs are the case's, in words.
	Commitments []subjectCommitment
	Needs       []subjectNeed
}

// exportForm is the export page's one choice: the readable page or the
// JSON file. Both are written to the audit log.
type exportForm struct {
	Format string `form:"format" validate:"required,oneof=page json" required:"export_format"`
}

// personExportForm says what a data-subject export holds and that making
// one is recorded, with a button for the page and one for the file. It
// opens nothing and writes nothing.
func (s *Server) personExportForm(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	p, err := s.findPerson(r, c)
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Case, d.Org, d.Person = c, orgFrom(r), p
	d.Title = d.T("export.title")
	return s.render(w, r, http.StatusOK, "subject_intro", d)
}

// personExportPost produces everything Puente holds about the person
// (store.SubjectExport, which opens the sensitive fields and writes the
// export to the audit log in its transaction): as a page, or as a JSON
// file download (store.SubjectRecord documents its shape). Like a reveal it
// is a POST: a link, a prefetch or a HEAD never opens a sensitive field.
func (s *Server) personExportPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f exportForm
	decodeForm(r, &f)
	lang := langFrom(r)
	if errs := s.validateForm(lang, &f); len(errs) > 0 {
		return errBadRequest
	}
	c := caseFrom(r)
	p, err := s.findPerson(r, c)
	if err != nil {
		return err
	}
	form := store.ExportPage
	if f.Format == "json" {
		form = store.ExportJSON
	}
	rec, err := s.store.SubjectExport(r.Context(), c, p.ID, viewerFrom(r).UserID, form)
	if err != nil {
		return err
	}
	rules := s.store.Rules()
	for i, dl := range rec.Deadlines {
		if vs := rules.Versions(dl.RuleID); len(vs) > 0 {
			rec.Deadlines[i].Title = say(vs[len(vs)-1].Title, lang)
		}
	}
	if form == store.ExportJSON {
		body, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return err
		}
		// The file is named by case code and the start of the person's
		// random id, never by name.
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="puente-`+c.Code+`-`+p.ID[:8]+`.json"`)
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		_, err = w.Write(append(body, '\n'))
		return err
	}
	d := s.newData(r)
	d.Case, d.Org, d.Person = c, orgFrom(r), p
	d.Title = d.T("export.title")
	d.Subject = &subjectView{Rec: rec, CanCorrect: c.Open()}
	d.Subject.Commitments, d.Subject.Needs = d.subjectCommitments(rec)
	for _, h := range rec.History {
		at, _ := time.Parse(time.RFC3339, h.At)
		d.History = append(d.History, model.HistoryEntry{At: at, Action: h.Action, Fields: h.Fields})
	}
	historyInWords(d.History, d.Lang)
	return s.render(w, r, http.StatusOK, "subject", d)
}

// Stamp formats an export's RFC 3339 time as a day and time in the
// organisation's zone; "" stays "".
func (d *templateData) Stamp(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return ""
	}
	return d.DateTime(t)
}
