package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"puente/internal/checklist"
	"puente/internal/model"
)

// The public guide (issue 12): how sponsorship works, one page per stage
// and a privacy and safety page for volunteers, readable without signing
// in, in every language Puente has. It says what the shipped checklist
// templates say (the same messages), so a congregation can learn the
// process before it joins. It holds no case data, nothing about the
// viewer: it may be cached publicly, with an ETag.

// guideData is what the guide's pages show.
type guideData struct {
	Stages []checklistView
	// Stage is the stage a stage page is about, with its items.
	Stage *checklistView
	// Safety: the privacy and safety page.
	Safety bool
}

// guideSafetySections are the privacy and safety page's sections, each a
// heading and its paragraphs (message keys guide.safety.<name>.title and
// .p1, .p2, …).
var guideSafetySections = []struct {
	Name  string
	Paras int
}{{"anumber", 3}, {"posting", 3}, {"story", 2}, {"records", 3}, {"devices", 2}}

// guideView builds the guide's page for the stage in the URL ("" for the
// index, "safety" for the privacy and safety page).
func (s *Server) guidePage(w http.ResponseWriter, r *http.Request, stage string) error {
	d := s.newData(r)
	d.Viewer = nil // the same page for everyone: never who is signed in
	g := &guideData{}
	for _, st := range checklist.Stages {
		g.Stages = append(g.Stages, checklistView{Stage: string(st), Name: d.stageName(string(st)),
			Intro: d.T(checklist.StageKey(st) + ".intro"), URL: "/guide/" + string(st)})
	}
	page := "guide"
	switch {
	case stage == "":
		d.Title = d.T("guide.title")
	case stage == "safety":
		g.Safety, page = true, "guide_safety"
		d.Title = d.T("guide.safety.title")
	case checklist.ValidStage(checklist.Stage(stage)):
		t, _ := checklist.Shipped(checklist.Stage(stage))
		for i := range g.Stages {
			if g.Stages[i].Stage == stage {
				g.Stage = &g.Stages[i]
			}
		}
		for _, it := range t.Items {
			ti := model.TemplateItem{Key: it.Key, TextKey: "checklist." + stage + "." + it.Key, Source: it.Source, Rule: it.Rule, Role: string(it.Role)}
			iv := itemPageView{Text: itemText(d.Lang, ti)}
			iv.Key, iv.Source = it.Key, it.Source
			if it.Role != "" {
				iv.RoleLabel = d.T("commit.kind." + string(it.Role))
			}
			g.Stage.Items = append(g.Stage.Items, iv)
		}
		d.Title = g.Stage.Name
		page = "guide_stage"
	default:
		return errNotFound
	}
	d.Guide = g
	return s.renderPublic(w, r, page, d)
}

// guideIndex is /guide: the seven stages, and the privacy page.
func (s *Server) guideIndex(w http.ResponseWriter, r *http.Request) error {
	return s.guidePage(w, r, "")
}

// guideStage is /guide/{stage} (and /guide/safety).
func (s *Server) guideStage(w http.ResponseWriter, r *http.Request) error {
	return s.guidePage(w, r, r.PathValue("stage"))
}

// renderPublic renders a page that holds nothing private or personal,
// with an ETag of its bytes and public caching: a browser or proxy may
// keep it for an hour and ask again with If-None-Match (304). The page
// differs by language only, chosen from the language cookie and
// Accept-Language (Vary).
func (s *Server) renderPublic(w http.ResponseWriter, r *http.Request, page string, d *templateData) error {
	t, err := s.page(d.Lang, page)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("Vary", "Cookie, Accept-Language")
	if match := r.Header.Get("If-None-Match"); match != "" && match == etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err = buf.WriteTo(w)
	return err
}

// safetySection is a section of the privacy and safety page, in words.
type safetySection struct {
	Title string
	Paras []string
}

// SafetySections are the privacy and safety page's sections in the
// page's language.
func (d *templateData) SafetySections() []safetySection {
	out := make([]safetySection, 0, len(guideSafetySections))
	for _, s := range guideSafetySections {
		sec := safetySection{Title: d.T("guide.safety." + s.Name + ".title")}
		for i := 1; i <= s.Paras; i++ {
			sec.Paras = append(sec.Paras, d.T("guide.safety."+s.Name+".p"+string(rune('0'+i))))
		}
		out = append(out, sec)
	}
	return out
}
