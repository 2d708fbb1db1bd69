package web

import (
	"net/http"
	"strings"

	"puente/internal/i18n"
)

// langPost switches the language: for a signed-in person it becomes their
// setting; for anyone it is also remembered in a cookie.
func (s *Server) langPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	lang, ok := i18n.Parse(r.PostForm.Get("lang"))
	if !ok {
		return errBadRequest
	}
	if v := viewerFrom(r); v != nil {
		if err := s.store.SetUserLang(r.Context(), v.UserID, string(lang)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{
		Name: langCookie, Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
	http.Redirect(w, r, localPath(r.PostForm.Get("return")), http.StatusSeeOther)
	return nil
}

// localPath keeps a redirect target on this site: a path, never a URL
// or a protocol-relative //host.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsAny(p, "\r\n\t") || len(p) > 512 {
		return "/"
	}
	return p
}
