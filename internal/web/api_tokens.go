package web

import (
	"errors"
	"net/http"

	"puente/internal/auth"
	"puente/internal/model"
)

// A network's API tokens for structured intake (issue 13): its admins
// create one per sending system, see it once, and revoke it. Creating and
// revoking go to the security log.

// intakeData is the intake part of a page: the network's tokens, a token
// just created (shown once), the CSV import's columns and report.
type intakeData struct {
	Tokens []model.APIToken
	// NewToken is the secret of the token just created; it is on this one
	// page and nowhere else, ever.
	NewToken     string
	NewTokenName string
	Columns      []intakeColumn
	MaxRows      int
	Report       *importReport
	Regions      []model.Region
	// CanTokens, CanImport and CanDashboard: the organisation page's links.
	CanTokens, CanImport, CanDashboard bool
}

// apiTokenForm names a new token.
type apiTokenForm struct {
	Name string `form:"name" validate:"required,max=80,safetext" required:"token_name"`
}

// apiTokensPage loads the network's tokens.
func (s *Server) apiTokensPage(r *http.Request) (*templateData, error) {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("apitoken.title")
	tokens, err := s.store.APITokens(r.Context(), d.Org.ID)
	if err != nil {
		return nil, err
	}
	d.Intake = &intakeData{Tokens: tokens}
	return d, nil
}

// apiTokenList shows the network's tokens and the form to create one.
func (s *Server) apiTokenList(w http.ResponseWriter, r *http.Request) error {
	d, err := s.apiTokensPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "api_tokens", d)
}

// apiTokenCreatePost creates a token and shows its secret once, on the
// answer to the POST itself (no redirect: the secret never sits in a
// session or a URL). A name missing or too long: 422, nothing written.
func (s *Server) apiTokenCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := &apiTokenForm{}
	decodeForm(r, f)
	d, err := s.apiTokensPage(r)
	if err != nil {
		return err
	}
	d.FormName = "token"
	if d.Errors = s.validateForm(d.Lang, f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "api_tokens", d, f)
	}
	secret := model.APITokenPrefix + auth.NewToken()
	prefix := secret[:len(model.APITokenPrefix)+6]
	if _, err := s.store.CreateAPIToken(r.Context(), d.Org, f.Name, prefix, auth.HashToken(secret), viewerFrom(r).UserID, s.clientIP(r)); err != nil {
		return err
	}
	if d.Intake.Tokens, err = s.store.APITokens(r.Context(), d.Org.ID); err != nil {
		return err
	}
	d.Intake.NewToken, d.Intake.NewTokenName = secret, f.Name
	return s.render(w, r, http.StatusOK, "api_tokens", d)
}

// apiTokenRevokeForm asks before a token is revoked: whatever sends with it
// stops being able to.
func (s *Server) apiTokenRevokeForm(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	t, err := s.store.APIToken(r.Context(), d.Org.ID, r.PathValue("tokenID"))
	if err != nil {
		return err
	}
	base := orgPath(d.Org) + "/api-tokens"
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("apitoken.revoke.title", t.Name), Lead: d.T("apitoken.revoke.lead", t.Name, t.Prefix),
		Lost: []string{d.T("apitoken.revoke.lost")}, Kept: d.T("apitoken.revoke.kept"),
		Action: base + "/" + t.ID + "/revoke", Button: d.T("apitoken.revoke.button"), Cancel: base,
	})
}

// apiTokenRevokePost revokes a token; one already revoked or not the
// network's is 404.
func (s *Server) apiTokenRevokePost(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	err := s.store.RevokeAPIToken(r.Context(), org, r.PathValue("tokenID"), viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, model.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "apitoken.revoked", orgPath(org)+"/api-tokens")
	return nil
}
