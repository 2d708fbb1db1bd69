package web

import (
	"net/url"
	"testing"
)

// Fuzz targets of checklists (issue 12): the form decoders, and every POST
// of a case's checklists, a network's templates and the sponsor letter, as
// a coordinator (or network admin) and as a member. Whatever the body, no
// 5xx and no internal error text.

func FuzzItemForm(f *testing.F) {
	fzFormTarget[itemForm](f, url.Values{"state": {"done"}, "reason": {"x"}, "note": {"n"}, "assignee_id": {"ab"}, "due_on": {"2026-03-01"}, "title": {"t"}})
}

func FuzzTemplateItemForm(f *testing.F) {
	fzFormTarget[templateItemForm](f, url.Values{"title_en": {"A"}, "title_es": {"B"}, "why_en": {"w"}, "source": {"https://www.uscis.gov/x"}, "rule": {"bia-appeal"}, "role": {"legal"}})
}

func FuzzChecklistPosts(f *testing.F) {
	forms := []url.Values{
		{"stage": {"first_week"}},
		{"stage": {"castle"}},
		{"version": {"0"}},
		{"version": {"-1"}},
		{"title": {"Buy a bus pass"}},
		{"state": {"done"}},
		{"state": {"maybe"}},
		{"assignee_id": {"nobody"}, "due_on": {"2026-02-30"}},
		{"reason": {"Same court"}},
		{"note": {"\u202e"}},
		{"title_en": {"A"}, "title_es": {""}, "source": {"javascript:alert(1)"}},
		{"dir": {"sideways"}},
		{"text": {"Dear judge"}},
		{},
	}
	for i, form := range forms {
		fzAddSeeds(f, form, uint8(i), false)
		f.Add(form.Encode(), uint8(i), true)
	}
	e := newEnv(f)
	coord, mem, admin := fzSignedIn(e, emailAlphaCoord), fzSignedIn(e, emailAlphaMem), fzSignedIn(e, emailNetAdmin)
	c := e.cases["alpha"]
	item := e.coordItem(c)
	base := "/cases/" + c.ID
	net := "/orgs/" + e.orgs["network"].ID + "/checklists/ending"
	paths := []string{base + "/checklists", base + "/checklists/first_week/update", base + "/checklists/first_week/items",
		base + "/items/" + item + "/tick", base + "/items/" + item + "/assign", base + "/items/" + item + "/na",
		base + "/items/" + item + "/note", base + "/letter", net + "/items", net + "/items/handover", net + "/items/handover/move"}
	f.Fuzz(func(t *testing.T, body string, which uint8, asMember bool) {
		path := paths[int(which)%len(paths)]
		who := coord
		if asMember {
			who = mem
		} else if int(which)%len(paths) >= 8 {
			who = admin
		}
		fzCheckResponse(t, "POST "+path, body, who.post(path, body))
	})
}
