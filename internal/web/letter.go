package web

import (
	"net/http"
	"strings"

	"puente/internal/authz"
	"puente/internal/deadline"
)

// The draft sponsor letter (issue 12, "before release"): a coordinator
// opens a draft filled from what Puente holds (the coordinator as
// sponsor, the household's names, the address where they will live, what
// the group committed to), edits it in a plain form and prints it.
// Nothing of it is stored: the text lives in the page. Opening it reveals
// the address, so it is a POST written to the audit log as one reveal of
// the address (store.RevealAddress), like the address's own reveal.
// Members get 404: the letter, like the address, is not theirs to see.

// letterView is the draft letter page.
type letterView struct {
	Text string
	// Print shows the text as paragraphs to print (after "Show for printing").
	Print bool
	Paras []string
}

// letterAllowed answers 404 to anyone but the group's coordinators.
func letterAllowed(r *http.Request) error {
	if !authz.Can(viewerFrom(r).Viewer, authz.ManageCases, orgFrom(r)) {
		return errNotFound
	}
	return nil
}

// letterForm says what the draft holds and that opening it is recorded.
func (s *Server) letterForm(w http.ResponseWriter, r *http.Request) error {
	if err := letterAllowed(r); err != nil {
		return err
	}
	d := s.casePageData(r)
	d.Title = d.T("letter.title")
	return s.render(w, r, http.StatusOK, "letter_intro", d)
}

// letterPost opens the draft (one audited reveal of the address), or,
// with the edited text posted back, shows it for printing without opening
// anything again.
func (s *Server) letterPost(w http.ResponseWriter, r *http.Request) error {
	if err := letterAllowed(r); err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.casePageData(r)
	d.Title = d.T("letter.title")
	if text, ok := r.PostForm["text"]; ok {
		t := strings.TrimSpace(text[0])
		if len(t) > 20000 || !safeText(t) {
			return errBadRequest
		}
		d.Letter = &letterView{Text: t, Print: true, Paras: strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n")}
		return s.render(w, r, http.StatusOK, "letter", d)
	}
	text, err := s.letterDraft(r, d)
	if err != nil {
		return err
	}
	d.Letter = &letterView{Text: text}
	return s.render(w, r, http.StatusOK, "letter", d)
}

// letterDraft writes the draft in the page's language from the case.
func (s *Server) letterDraft(r *http.Request, d *templateData) (string, error) {
	ctx := r.Context()
	v := viewerFrom(r)
	address, err := s.store.RevealAddress(ctx, d.Case, v.UserID)
	if err != nil {
		return "", err
	}
	people, err := s.store.People(ctx, d.Case.ID, string(d.Lang))
	if err != nil {
		return "", err
	}
	cms, err := s.store.Commitments(ctx, d.Case.ID, string(d.Lang))
	if err != nil {
		return "", err
	}
	me, err := s.store.UserByID(ctx, v.UserID)
	if err != nil {
		return "", err
	}
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	if address == "" {
		address = d.T("letter.no_address")
	}
	to := d.Case.Court
	if to == "" {
		to = d.T("letter.to_ice")
	}
	today := s.orgToday(d.Org)
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(deadline.FullDate(today, d.Lang.T))
	line(d.T("letter.to", to))
	line(d.T("letter.re", strings.Join(names, ", ")))
	line("")
	line(d.T("letter.intro", me.Name, strings.Join(names, ", ")))
	line(d.T("letter.live", address))
	line(d.T("letter.group", d.Org.Name))
	for _, c := range cms {
		cv := d.commitmentViewOf(c, today, v.UserID)
		if string(cv.State) == "cancelled" || string(cv.State) == "fulfilled" || string(cv.State) == "lapsed" {
			continue
		}
		item := "- " + cv.KindLabel
		for _, extra := range []string{c.Description, cv.Amount, cv.Period} {
			if extra != "" {
				item += "; " + extra
			}
		}
		line(item)
	}
	line(d.T("letter.promise"))
	line("")
	line(d.T("letter.sign", me.Name))
	return b.String(), nil
}
