package web

import (
	"time"

	"github.com/go-playground/validator/v10"

	"puente/internal/model"
)

// registerCaseValidators adds the tags case forms use: isodate (empty or a
// real YYYY-MM-DD from 1900 to 2100, validDate), hhmm (empty or a time of day),
// anumber (empty or an A-number in a form model.ParseANumber accepts).
func registerCaseValidators(v *validator.Validate) {
	_ = v.RegisterValidation("isodate", func(fl validator.FieldLevel) bool {
		return validDate(fl.Field().String())
	})
	_ = v.RegisterValidation("hhmm", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		if s == "" {
			return true
		}
		_, err := time.Parse("15:04", s)
		return err == nil && len(s) == 5
	})
	_ = v.RegisterValidation("anumber", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		if s == "" {
			return true
		}
		_, err := model.ParseANumber(s)
		return err == nil
	})
}

// validDate: empty, or a real day in model.EarliestDay…LatestDay (the
// one rule, model.CheckDay; whether it may be after today is the form's
// to say, through dateRules).
func validDate(s string) bool { return model.CheckDay(s, "", false) == "" }

// CaseForm is the case part of the new-case and edit-case forms.
type CaseForm struct {
	Status        string `form:"status" validate:"required,max=40" required:"case_stage"`
	Court         string `form:"court" validate:"safetext,max=200"`
	Judge         string `form:"judge" validate:"safetext,max=200"`
	LawyerName    string `form:"lawyer_name" validate:"safetext,max=200"`
	LawyerContact string `form:"lawyer_contact" validate:"safetext,max=300"`
	Address       string `form:"address" validate:"safetext,max=300"`
	ClearAddress  string `form:"clear_address" validate:"omitempty,oneof=1"`
}

// PersonForm is a household member's form. Sensitive fields are written
// only when filled in (or cleared with their box), so an edit form never
// shows a stored value; a rejected form (422) shows again what was typed
// in them, the user's own input of that POST (README, "Security notes").
type PersonForm struct {
	Name           string `form:"name" validate:"required,safetext,max=200" required:"person_name"`
	PreferredName  string `form:"preferred_name" validate:"safetext,max=100"`
	Relationship   string `form:"relationship" validate:"safetext,max=100"`
	Languages      string `form:"languages" validate:"safetext,max=200"`
	CountryOfBirth string `form:"country_of_birth" validate:"safetext,max=100"`
	LastUSArrival  string `form:"last_us_arrival" validate:"isodate"`
	ReleaseDate    string `form:"release_date" validate:"isodate"`
	DOB            string `form:"dob" validate:"isodate"`
	Facility       string `form:"facility" validate:"safetext,max=200"`
	ANumber        string `form:"anumber" validate:"safetext,max=20,anumber"`
	ClearDOB       string `form:"clear_dob" validate:"omitempty,oneof=1"`
	ClearFacility  string `form:"clear_facility" validate:"omitempty,oneof=1"`
	ClearANumber   string `form:"clear_anumber" validate:"omitempty,oneof=1"`
}

// newCaseForm is the whole new-case form: the case and its principal.
type newCaseForm struct {
	PersonForm
	CaseForm
}

func (f CaseForm) input() model.CaseInput {
	in := model.CaseInput{Status: model.CaseStatus(f.Status), Court: f.Court, Judge: f.Judge, LawyerName: f.LawyerName,
		LawyerContact: f.LawyerContact}
	if f.Address != "" || f.ClearAddress == "1" {
		in.Address, in.SetAddress = f.Address, true
	}
	return in
}

// input turns the form into a store input; sensitive carries whether the
// viewer may set sensitive fields (coordinators only).
func (f PersonForm) input(sensitive bool) model.PersonInput {
	in := model.PersonInput{Name: f.Name, PreferredName: f.PreferredName, Relationship: f.Relationship,
		Languages: f.Languages, CountryOfBirth: f.CountryOfBirth, LastUSArrival: f.LastUSArrival, ReleaseDate: f.ReleaseDate}
	if !sensitive {
		return in
	}
	if f.DOB != "" || f.ClearDOB == "1" {
		in.DOB, in.SetDOB = f.DOB, true
	}
	if f.Facility != "" || f.ClearFacility == "1" {
		in.Facility, in.SetFacility = f.Facility, true
	}
	if f.ANumber != "" || f.ClearANumber == "1" {
		// Validation has accepted it; the store keeps its nine digits.
		in.ANumber, in.SetANumber = f.ANumber, true
	}
	return in
}

// checkDates applies a household member's date rules: born, last arrived
// in the US and released from detention on days that have come (the
// group's today); the last arrival not before birth; the release not
// before the last arrival (detention follows arrival) nor before birth.
func (f *PersonForm) checkDates(c dateRules) {
	c.past("last_us_arrival", f.LastUSArrival)
	c.past("release_date", f.ReleaseDate)
	c.past("dob", f.DOB)
	c.notBefore("last_us_arrival", f.LastUSArrival, f.DOB, "err.arrival_before_birth")
	c.notBefore("release_date", f.ReleaseDate, f.LastUSArrival, "err.release_before_arrival")
	c.notBefore("release_date", f.ReleaseDate, f.DOB, "err.release_before_birth")
}

type factForm struct {
	Kind     string `form:"kind" validate:"required,max=20" required:"fact_kind"`
	PersonID string `form:"person_id" validate:"safetext,max=64"`
	Date     string `form:"date" validate:"required,isodate" required:"fact_date"`
	EndDate  string `form:"end_date" validate:"isodate"`
	Note     string `form:"note" validate:"safetext,max=500"`
}

type factDateForm struct {
	Date    string `form:"date" validate:"required,isodate" required:"fact_date"`
	EndDate string `form:"end_date" validate:"isodate"`
}

// appointmentForm adds and edits an appointment. Date and time are the
// place's local ones; TimeZone is the place's IANA zone ("" means the
// group's, for forms sent without the field).
type appointmentForm struct {
	Kind     string `form:"kind" validate:"required,max=30" required:"appointment_kind"`
	PersonID string `form:"person_id" validate:"safetext,max=64"`
	Date     string `form:"date" validate:"required,isodate" required:"appointment_date"`
	Time     string `form:"time" validate:"hhmm"`
	TimeZone string `form:"time_zone" validate:"safetext,max=64"`
	Place    string `form:"place" validate:"safetext,max=200"`
	Going    string `form:"going" validate:"safetext,max=200"`
	Note     string `form:"note" validate:"safetext,max=500"`
}

// markForm records a deadline (for the household members chosen: the
// "key" values, read apart) or an appointment.
type markForm struct {
	// Key is the first key chosen; it orders the error summary's link to
	// the choice of people ("key" is the id of that group).
	Key    string `form:"key"`
	State  string `form:"state" validate:"required,oneof=open done not_applicable" required:"progress"`
	DoneOn string `form:"done_on" validate:"isodate"`
	Note   string `form:"note" validate:"safetext,max=500"`
}

type closeForm struct {
	Reason string `form:"reason" validate:"required,oneof=self_sufficient moved re_detained removed other" required:"close_reason"`
}

type revealForm struct {
	Field string `form:"field" validate:"required,oneof=anumber dob facility" required:"reveal_field"`
}
