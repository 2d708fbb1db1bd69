package web

import (
	"errors"
	"net/http"
	"strings"

	"puente/internal/intake"
	"puente/internal/model"
	"puente/internal/store"
)

// The CSV import (issue 13): a network's staff upload a file of people for
// the queue. The file is read whole first; one it cannot use (no header,
// an unknown column, not UTF-8, a broken quote, too many rows) is 422 and
// writes nothing. Otherwise every row is checked, the valid ones are
// written in one transaction, and the report lists each rejected row with
// its line and reasons. Rows whose external_ref the network already has
// are counted as already there and left as they are: the same file twice
// adds nothing.

// maxUploadBytes caps the import's request body: 5,000 rows of a long
// line each, with room for the multipart framing.
const maxUploadBytes = 4 << 20

// intakeColumn is one column of the file, for the page that explains it.
type intakeColumn struct {
	Name     string
	Required bool
}

// importReport is what an import did.
type importReport struct {
	FileName string
	Rows     int
	Created  int
	Existing int
	Rejected []rejectedRow
}

// rejectedRow is a row that was not written and why.
type rejectedRow struct {
	Line     int
	Ref      string
	Problems []rowProblem
}

// rowProblem is one reason, about a column (its name as in the file) or
// the whole row ("row").
type rowProblem struct {
	Field, Message string
}

// intakePage starts the import page of the network in the URL.
func (s *Server) intakePage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("intake.import.title")
	cols := make([]intakeColumn, 0, len(intake.Columns))
	for _, c := range intake.Columns {
		cols = append(cols, intakeColumn{Name: c, Required: inStrings(intake.RequiredColumns, c)})
	}
	d.Intake = &intakeData{Columns: cols, MaxRows: intake.MaxRows}
	return d
}

// intakeImportForm shows the upload form and the columns a file may have.
func (s *Server) intakeImportForm(w http.ResponseWriter, r *http.Request) error {
	d := s.intakePage(r)
	var err error
	if d.Intake.Regions, err = s.store.Regions(r.Context(), d.Org.ID); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "intake_import", d)
}

// intakeImportPost reads an uploaded file, writes its valid rows in one
// transaction and shows the report.
func (s *Server) intakeImportPost(w http.ResponseWriter, r *http.Request) error {
	d := s.intakePage(r)
	ctx := r.Context()
	regions, err := s.store.Regions(ctx, d.Org.ID)
	if err != nil {
		return err
	}
	d.Intake.Regions = regions
	unusable := func(msg string) error {
		d.Errors["file"] = msg
		return s.render(w, r, http.StatusUnprocessableEntity, "intake_import", d)
	}
	if err := r.ParseMultipartForm(maxUploadBytes); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge
		}
		return unusable(d.T("intake.file.required"))
	}
	defer func() { _ = r.MultipartForm.RemoveAll() }()
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return unusable(d.T("intake.file.required"))
	}
	defer file.Close()
	rows, err := intake.ReadCSV(file, intake.MaxRows)
	var fe *intake.FileError
	if errors.As(err, &fe) {
		return unusable(fileErrorMessage(d, fe))
	}
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return unusable(d.T("intake.file.no_rows"))
	}
	checked := intake.CheckRows(rows, intake.Rules{Regions: regions, Today: s.today(d.Org.TimeZone)})
	rep := &importReport{FileName: hdr.Filename, Rows: len(rows)}
	for _, c := range checked {
		if c.Valid() {
			continue
		}
		rr := rejectedRow{Line: c.Line, Ref: strings.TrimSpace(c.Input.ExternalRef)}
		if len(rr.Ref) > model.ExternalRefMax || !safeText(rr.Ref) {
			rr.Ref = ""
		}
		for _, p := range c.Problems {
			rr.Problems = append(rr.Problems, rowProblem{Field: p.Field, Message: problemText(d.Lang, p, "line")})
		}
		rep.Rejected = append(rep.Rejected, rr)
	}
	if inputs := intake.Inputs(checked); len(inputs) == 0 {
		// Every row refused: still one event for the file, with its count.
		err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventIntakeCSV, OrgID: d.Org.ID, ActorID: viewerFrom(r).UserID,
			IP: s.clientIP(r), Detail: store.IntakeDetail(0, 0, len(rep.Rejected), "")})
		if err != nil {
			return err
		}
	} else {
		results, err := s.store.AddQueueEntries(ctx, d.Org, inputs, store.IntakeSource{Via: model.EventIntakeCSV, ActorID: viewerFrom(r).UserID,
			IP: s.clientIP(r), Rejected: len(rep.Rejected)})
		if err != nil {
			return err
		}
		for _, res := range results {
			if res.Status == "created" {
				rep.Created++
			} else {
				rep.Existing++
			}
		}
	}
	d.Intake.Report = rep
	return s.render(w, r, http.StatusOK, "intake_import", d)
}

// fileErrorMessage says why a file cannot be used, in the page's language.
func fileErrorMessage(d *templateData, fe *intake.FileError) string {
	switch fe.Code {
	case "unknown_column", "missing_column", "duplicate_column":
		return d.T("intake.file."+fe.Code, fe.Column)
	case "too_many_rows":
		return d.T("intake.file.too_many_rows", intake.MaxRows)
	case "malformed", "encoding":
		return d.T("intake.file."+fe.Code, fe.Line)
	}
	return d.T("intake.file." + fe.Code)
}

func inStrings(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
