package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/i18n"
	"puente/internal/intake"
	"puente/internal/model"
	"puente/internal/store"
)

// The intake API (issue 13): POST /api/v1/intake with a network's token
// adds people to that network's queue. No session and no cookie: the
// bearer token is the only credential, checked at use. The body is
// {"entries": [...]}, 1 to intake.MaxAPIEntries entries; every entry is
// checked first, and one with a problem means 422 and nothing written.
// Entries whose external_ref the network already has are reported
// "existing" and left as they are, so a request sent twice adds nothing.
// README.md ("Intake API") and docs/openapi.yaml describe it.

// maxAPIBytes caps an intake request's body.
const maxAPIBytes = 1 << 20

// The rate limit per token (DefaultConfig): requests per window.
const (
	defaultAPILimit  = 60
	defaultAPIWindow = time.Minute
)

// apiRequest is the body of POST /api/v1/intake.
type apiRequest struct {
	Entries []intake.Entry `json:"entries"`
}

// apiResult is what happened to one entry.
type apiResult struct {
	Index       int    `json:"index"`
	ExternalRef string `json:"external_ref"`
	ID          string `json:"id"`
	Status      string `json:"status"`
}

// apiResponse answers a request whose entries were all valid.
type apiResponse struct {
	Created  int         `json:"created"`
	Existing int         `json:"existing"`
	Results  []apiResult `json:"results"`
}

// apiProblem is one problem of one entry, worded in the request's language
// (Accept-Language).
type apiProblem struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// apiEntryErrors are the problems of one entry.
type apiEntryErrors struct {
	Index       int          `json:"index"`
	ExternalRef string       `json:"external_ref,omitempty"`
	Problems    []apiProblem `json:"problems"`
}

// apiError is every refusal: a code, a message, and, for entries with
// problems, each entry's.
type apiError struct {
	Error     string           `json:"error"`
	Message   string           `json:"message"`
	RequestID string           `json:"request_id"`
	Entries   []apiEntryErrors `json:"entries,omitempty"`
}

// intakeAPIPost serves POST /api/v1/intake. It answers JSON only, errors
// included, and never sets a cookie.
func (s *Server) intakeAPIPost(w http.ResponseWriter, r *http.Request) error {
	lang := i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
	ctx := r.Context()
	ip := s.clientIP(r)
	fail := func(status int, code string, args ...any) error {
		s.writeAPIError(w, r, status, apiError{Error: code, Message: lang.T("intake.api."+code, args...)})
		return nil
	}
	if r.Header.Get("Cookie") != "" {
		return fail(http.StatusBadRequest, "cookies_not_accepted")
	}
	secret, ok := bearer(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="puente"`)
		return fail(http.StatusUnauthorized, "unauthorized")
	}
	token, network, err := s.store.UseAPIToken(ctx, auth.HashToken(secret), ip, authz.LinkLive)
	if errors.Is(err, model.ErrNotFound) {
		// Unknown, revoked or refused tokens count against the address, as
		// failed sign-ins do.
		if ok, retry, _ := s.apiFail.Allow(ip, s.now()); !ok {
			return s.apiThrottled(w, r, lang, retry)
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="puente", error="invalid_token"`)
		return fail(http.StatusUnauthorized, "unauthorized")
	}
	if err != nil {
		return s.apiInternal(w, r, lang, err)
	}
	if ok, retry, _ := s.apiLimit.Allow(token.ID, s.now()); !ok {
		return s.apiThrottled(w, r, lang, retry)
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return fail(http.StatusUnsupportedMediaType, "content_type")
	}
	if r.ContentLength > maxAPIBytes {
		return fail(http.StatusRequestEntityTooLarge, "too_large", maxAPIBytes>>10)
	}
	var req apiRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxAPIBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fail(http.StatusRequestEntityTooLarge, "too_large", maxAPIBytes>>10)
		}
		return fail(http.StatusBadRequest, "invalid_json")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fail(http.StatusBadRequest, "invalid_json")
	}
	// A request refused as a whole (422) is in the security log too, like
	// one that reached the queue: its counts, the token's name and the
	// address; never the entries.
	logRefused := func(rejected int) error {
		return s.store.RecordEvent(ctx, model.Event{Kind: model.EventIntakeAPI, OrgID: network.ID, ActorID: token.CreatedBy,
			IP: ip, Detail: store.IntakeRefusedDetail(len(req.Entries), rejected, token.Name)})
	}
	switch {
	case len(req.Entries) == 0:
		if err := logRefused(0); err != nil {
			return s.apiInternal(w, r, lang, err)
		}
		return fail(http.StatusUnprocessableEntity, "no_entries")
	case len(req.Entries) > intake.MaxAPIEntries:
		if err := logRefused(len(req.Entries)); err != nil {
			return s.apiInternal(w, r, lang, err)
		}
		return fail(http.StatusUnprocessableEntity, "too_many_entries", intake.MaxAPIEntries)
	}
	regions, err := s.store.Regions(ctx, network.ID)
	if err != nil {
		return s.apiInternal(w, r, lang, err)
	}
	rows := make([]intake.Row, len(req.Entries))
	for i, e := range req.Entries {
		rows[i] = intake.Row{Line: i, Entry: e}
	}
	checked := intake.CheckRows(rows, intake.Rules{Regions: regions, Today: s.today(network.TimeZone)})
	var bad []apiEntryErrors
	for _, c := range checked {
		if c.Valid() {
			continue
		}
		ee := apiEntryErrors{Index: c.Line, ExternalRef: strings.TrimSpace(req.Entries[c.Line].ExternalRef)}
		if len(ee.ExternalRef) > model.ExternalRefMax {
			ee.ExternalRef = ""
		}
		for _, p := range c.Problems {
			ee.Problems = append(ee.Problems, apiProblem{Field: p.Field, Code: p.Code, Message: problemMessage(lang, p, "index")})
		}
		bad = append(bad, ee)
	}
	if len(bad) > 0 {
		if err := logRefused(len(bad)); err != nil {
			return s.apiInternal(w, r, lang, err)
		}
		s.writeAPIError(w, r, http.StatusUnprocessableEntity, apiError{Error: "invalid_entries",
			Message: lang.T("intake.api.invalid_entries", len(bad)), Entries: bad})
		return nil
	}
	inputs := intake.Inputs(checked)
	results, err := s.store.AddQueueEntries(ctx, network, inputs, store.IntakeSource{Via: model.EventIntakeAPI, ActorID: token.CreatedBy, IP: ip, Token: token.Name})
	if err != nil {
		return s.apiInternal(w, r, lang, err)
	}
	resp := apiResponse{Results: make([]apiResult, 0, len(results))}
	for _, res := range results {
		resp.Results = append(resp.Results, apiResult{Index: res.Index, ExternalRef: inputs[res.Index].ExternalRef, ID: res.ID, Status: res.Status})
		if res.Status == "created" {
			resp.Created++
		} else {
			resp.Existing++
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// bearer is the token of an "Authorization: Bearer" header.
func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || len(token) > 200 {
		return "", false
	}
	return token, true
}

// problemMessage words a row's problem with its column's name: "adults:
// Enter a whole number from 1 to 20." The duplicate's earlier row is a
// line (CSV) or an index (API), as unit says.
func problemMessage(lang i18n.Lang, p intake.Problem, unit string) string {
	label := p.Field // the column's own name, as in the file's header
	if label == "row" {
		label = lang.T("intake.col.row")
	}
	return label + ": " + problemText(lang, p, unit)
}

// problemText words a row's problem.
func problemText(lang i18n.Lang, p intake.Problem, unit string) string {
	msg := lang.T("intake.problem." + p.Code)
	switch p.Code {
	case intake.ProblemDuplicate:
		msg = lang.T("intake.problem.duplicate."+unit, p.Param)
	case intake.ProblemColumns:
		msg = lang.T("intake.problem.columns", p.Param)
	case model.ProblemCount:
		msg = lang.T("intake.problem.count."+p.Field, countMax(p.Field))
	case model.ProblemTooLong:
		msg = lang.T("intake.problem.too_long", textMax(p.Field))
	case model.ProblemRequired:
		msg = lang.T("intake.problem.required." + p.Field) // what to enter in this column
	}
	return msg
}

// countMax is the highest number a counted field takes.
func countMax(field string) int {
	switch field {
	case "adults":
		return model.QueueAdultsMax
	case "child_ages":
		return model.ChildAgeMax
	}
	return 0
}

// textMax is the longest a text field may be, in characters.
func textMax(field string) int {
	switch field {
	case "pseudonym":
		return model.PseudonymMax
	case "external_ref":
		return model.ExternalRefMax
	case "facility":
		return model.FacilityMax
	}
	return 0
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func (s *Server) writeAPIError(w http.ResponseWriter, r *http.Request, status int, e apiError) {
	e.RequestID = requestIDFrom(r)
	writeJSON(w, status, e)
}

func (s *Server) apiThrottled(w http.ResponseWriter, r *http.Request, lang i18n.Lang, retry time.Duration) error {
	w.Header().Set("Retry-After", strconv.Itoa(int(retry.Seconds()+0.999)))
	s.writeAPIError(w, r, http.StatusTooManyRequests, apiError{Error: "throttled", Message: lang.T("intake.api.throttled")})
	return nil
}

// apiInternal logs err with the request id and answers a generic 500.
func (s *Server) apiInternal(w http.ResponseWriter, r *http.Request, lang i18n.Lang, err error) error {
	if clientGone(r, err) {
		markClientGone(r)
		return nil
	}
	s.log.Error("request failed", "request_id", requestIDFrom(r), "err", err.Error())
	s.writeAPIError(w, r, http.StatusInternalServerError, apiError{Error: "internal", Message: lang.T("intake.api.internal")})
	return nil
}
