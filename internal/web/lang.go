package web

import (
	"net/http"
	"net/url"
	"path"
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

// localPath keeps a redirect target on this site: a clean absolute path,
// never a URL, a protocol-relative //host, or anything a browser could turn
// into one (backslashes, dot segments, control characters).
func localPath(p string) string {
	if len(p) > 512 || !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.User != nil {
		return "/"
	}
	// Only an already clean path is kept: dot segments are how a path hides
	// a "//" from a check like this one.
	if clean := path.Clean(u.Path); clean != u.Path && clean+"/" != u.Path || strings.HasPrefix(clean, "//") {
		return "/"
	}
	return p
}
