package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
	"puente/internal/store"
)

// A network's admins rename and remove its regions and vetting items
// (issue 13). A rename keeps the row, so the profiles, queue entries and
// records that point at it follow. A removal is asked for on a
// confirmation page and refused while something still points at it: a
// region a group's profile or a queue entry names, an item with records
// (removing it would erase groups' vetting history, and approval is
// computed from it). There is no "retire": a region nobody uses and an
// item nobody has done can go; one in use keeps its history, and the
// page says what uses it.

// setupEdit is the region or item a rename or removal page is about.
type setupEdit struct {
	// Kind is "region" or "item"; Path the thing's URL (…/regions/{id}).
	Kind, Path string
	Name       string
	MaxLen     int
	// Uses says what keeps it from being removed, in the page's
	// language; empty when it may go.
	Uses []string
}

// itemRenameForm is a vetting item's new name.
type itemRenameForm struct {
	Name string `form:"name" validate:"required,max=120,safetext" required:"new_name"`
}

// setupThing loads the region or item of the URL for the page d.
func (s *Server) setupThing(r *http.Request, d *templateData, kind string) error {
	ctx := r.Context()
	org := orgFrom(r)
	e := &setupEdit{Kind: kind}
	switch kind {
	case "region":
		reg, err := s.store.Region(ctx, org.ID, r.PathValue("regionID"))
		if err != nil {
			return err
		}
		e.Name, e.MaxLen, e.Path = reg.Name, 80, orgPath(org)+"/regions/"+reg.ID
		profiles, entries, err := s.store.RegionUse(ctx, org.ID, reg.ID)
		if err != nil {
			return err
		}
		if profiles > 0 {
			e.Uses = append(e.Uses, d.T("setup.uses.profiles", profiles))
		}
		if entries > 0 {
			e.Uses = append(e.Uses, d.T("setup.uses.entries", entries))
		}
	default:
		it, err := s.store.VettingItem(ctx, org.ID, r.PathValue("itemID"))
		if err != nil {
			return err
		}
		e.Name, e.MaxLen, e.Path = it.Name, 120, orgPath(org)+"/vetting-items/"+it.ID
		n, err := s.store.VettingItemUse(ctx, org.ID, it.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			e.Uses = append(e.Uses, d.T("setup.uses.records", n))
		}
	}
	d.Sponsor = &sponsorData{CanDefine: true, Setup: e}
	return nil
}

// setupPageData starts a rename or removal page of kind.
func (s *Server) setupPageData(r *http.Request, kind, title string) (*templateData, error) {
	d := s.newData(r)
	d.Org = orgFrom(r)
	if err := s.setupThing(r, d, kind); err != nil {
		return nil, err
	}
	d.Title = d.T(title, d.Sponsor.Setup.Name)
	return d, nil
}

func (s *Server) regionEditForm(w http.ResponseWriter, r *http.Request) error {
	return s.setupEditForm(w, r, "region")
}

func (s *Server) vettingItemEditForm(w http.ResponseWriter, r *http.Request) error {
	return s.setupEditForm(w, r, "item")
}

// setupEditForm shows the rename form of a region or item.
func (s *Server) setupEditForm(w http.ResponseWriter, r *http.Request, kind string) error {
	d, err := s.setupPageData(r, kind, "setup."+kind+".rename.title")
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "setup_rename", d)
}

func (s *Server) regionRenamePost(w http.ResponseWriter, r *http.Request) error {
	return s.setupRenamePost(w, r, "region")
}

func (s *Server) vettingItemRenamePost(w http.ResponseWriter, r *http.Request) error {
	return s.setupRenamePost(w, r, "item")
}

// setupRenamePost renames a region or item in one transaction; an empty,
// too long or unsafe name, or one the network already uses: 422 with the
// name kept, nothing written.
func (s *Server) setupRenamePost(w http.ResponseWriter, r *http.Request, kind string) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.setupPageData(r, kind, "setup."+kind+".rename.title")
	if err != nil {
		return err
	}
	var f any
	var name string
	if kind == "region" {
		rf := &regionForm{}
		decodeForm(r, rf)
		f, name = rf, rf.Name
	} else {
		itf := &itemRenameForm{}
		decodeForm(r, itf)
		f, name = itf, itf.Name
	}
	d.FormName = "rename"
	if d.Errors = s.validateForm(d.Lang, f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "setup_rename", d, f)
	}
	v, org := viewerFrom(r), orgFrom(r)
	if kind == "region" {
		err = s.store.RenameRegion(r.Context(), org.ID, r.PathValue("regionID"), name, v.UserID, s.clientIP(r))
	} else {
		err = s.store.RenameVettingItem(r.Context(), org.ID, r.PathValue("itemID"), name, v.UserID, s.clientIP(r))
	}
	if errors.Is(err, model.ErrConflict) {
		msg := "vetting.err.region_taken"
		if kind == "item" {
			msg = "vetting.err.item_taken"
		}
		d.Errors["name"] = d.T(msg)
		return s.formRejected(w, r, "setup_rename", d, f)
	}
	if err != nil {
		return err
	}
	s.flash(r, "setup."+kind+".renamed")
	http.Redirect(w, r, orgPath(org)+"/vetting/setup", http.StatusSeeOther)
	return nil
}

func (s *Server) regionRemoveForm(w http.ResponseWriter, r *http.Request) error {
	return s.setupRemoveForm(w, r, "region")
}

func (s *Server) vettingItemRemoveForm(w http.ResponseWriter, r *http.Request) error {
	return s.setupRemoveForm(w, r, "item")
}

// setupRemoveForm asks before a region or item is removed, or says what
// keeps it from being removed.
func (s *Server) setupRemoveForm(w http.ResponseWriter, r *http.Request, kind string) error {
	d, err := s.setupPageData(r, kind, "setup."+kind+".remove.title")
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "setup_remove", d)
}

func (s *Server) regionRemovePost(w http.ResponseWriter, r *http.Request) error {
	return s.setupRemovePost(w, r, "region")
}

func (s *Server) vettingItemRemovePost(w http.ResponseWriter, r *http.Request) error {
	return s.setupRemovePost(w, r, "item")
}

// setupRemovePost removes a region or item in one transaction. Still in
// use (the store checks again in its transaction): 409 with the reason,
// nothing written.
func (s *Server) setupRemovePost(w http.ResponseWriter, r *http.Request, kind string) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.setupPageData(r, kind, "setup."+kind+".remove.title")
	if err != nil {
		return err
	}
	v, org := viewerFrom(r), orgFrom(r)
	if len(d.Sponsor.Setup.Uses) == 0 {
		if kind == "region" {
			err = s.store.RemoveRegion(r.Context(), org.ID, r.PathValue("regionID"), v.UserID, s.clientIP(r))
		} else {
			err = s.store.RemoveVettingItem(r.Context(), org.ID, r.PathValue("itemID"), v.UserID, s.clientIP(r))
		}
	} else {
		err = store.ErrStillUsed
	}
	if errors.Is(err, store.ErrStillUsed) {
		if len(d.Sponsor.Setup.Uses) == 0 {
			// Put in use between the page and the store's transaction.
			if err := s.setupThing(r, d, kind); err != nil {
				return err
			}
		}
		d.FormError = d.T("setup." + kind + ".in_use")
		return s.render(w, r, http.StatusConflict, "setup_remove", d)
	}
	if err != nil {
		return err
	}
	s.flash(r, "setup."+kind+".removed")
	http.Redirect(w, r, orgPath(org)+"/vetting/setup", http.StatusSeeOther)
	return nil
}
