package store

import (
	"context"
	"database/sql"
	"time"

	"puente/internal/model"
)

// SubjectFormat names the shape of SubjectRecord; it changes when a field
// changes meaning or goes away (new fields may be added without it).
const SubjectFormat = "puente-subject-export/1"

// SubjectRecord is everything Puente holds about one household member of a
// case: the person's data-subject export. Its JSON (the download) is:
//
//	{
//	  "format": "puente-subject-export/1",
//	  "produced_at": "2026-03-04T12:00:00Z",        // RFC 3339, UTC
//	  "person": {
//	    "id": "…", "principal": true, "name": "…", "preferred_name": "…",
//	    "relationship": "…", "languages": "…", "country_of_birth": "…",
//	    "last_us_arrival": "2026-02-10",            // YYYY-MM-DD or ""
//	    "release_date": "",
//	    "joined_household_on": "",                 // YYYY-MM-DD; "" for a member from the start
//	    "date_of_birth": "1990-01-02",              // opened from its sealed column
//	    "detention_facility": "…",                  // opened
//	    "a_number": "A012-345-678",                 // opened; "" when not recorded
//	    "created_at": "…", "updated_at": "…"
//	  },
//	  "case": {
//	    "id": "…", "code": "PU-7K3QXM", "placement_stage": "arrived",
//	    "created_at": "…", "closed_at": "", "close_reason": "",
//	    "purged_at": "",                            // set once the case was purged
//	    "court": "…", "judge": "…", "lawyer_name": "…", "lawyer_contact": "…",
//	    "address": "…",                             // the household's, opened
//	    "stages": [{"placement_stage": "arrived", "at": "…"}]
//	  },
//	  "facts": [{"id": "…", "kind": "arrival", "date": "2026-03-03",
//	             "end_date": "", "note": "…", "household": true}],
//	  "deadlines": [{"key": "…", "rule_id": "eoir-33", "title": "…",
//	                 "kind": "due_by", "due": "2026-03-08", "met_on": "",
//	                 "mark": {"state": "open", "done_on": "", "note": "…"}}],
//	  "appointments": [{"id": "…", "kind": "master_hearing", "date": "2026-03-20",
//	                    "time": "09:30", "time_zone": "America/New_York",
//	                    "place": "…", "note": "…", "going": "…", "household": false,
//	                    "mark": {"state": "done", "done_on": "", "note": ""}}],
//	  "commitments": [{"id": "…", "kind": "money", "description": "…",
//	                   "starts_on": "2026-03-01", "end_kind": "date",   // date, work_permit, open
//	                   "ends_on": "2026-09-01", "amount_cents": 50000,  // 0 unless money
//	                   "currency": "USD", "frequency": "monthly",
//	                   "cancelled_on": "", "created_at": "…", "updated_at": "…",
//	                   "given": [{"id": "…", "given_on": "2026-03-05", "amount_cents": 50000,
//	                              "description": "", "note": "…", "created_at": "…"}]}],
//	  "needs": [{"kind": "transport", "until": ""}],
//	  "history": [{"at": "…", "action": "person_updated", "fields": "name,dob"}],
//	  "audit": [{"at": "…", "action": "reveal", "field": "anumber"}]
//	}
//
// Facts and appointments are the person's own and the household's
// (household: true: an arrival, a move, an appointment for everyone).
// Commitments and needs are the case's (the household's): what the group
// promised, what was given under each, and the help it marked as needed;
// who holds a commitment and who gave are volunteers, not part of the
// person's data, and are left out. Deadlines are the person's, as last computed, with what people recorded
// about each; title is filled in by the caller in the reader's language.
// History lists the changes recorded about the person (field names, never
// values; changes made before Puente recorded whom a change was about are
// not listed). Audit lists the reveals and exports of the person's fields.
// Values of other household members are never included. Times are RFC
// 3339 UTC; dates YYYY-MM-DD; "" stands for "not recorded".
type SubjectRecord struct {
	Format       string              `json:"format"`
	ProducedAt   string              `json:"produced_at"`
	Person       SubjectPerson       `json:"person"`
	Case         SubjectCase         `json:"case"`
	Facts        []SubjectFact       `json:"facts"`
	Deadlines    []SubjectDeadline   `json:"deadlines"`
	Appointments []SubjectAppt       `json:"appointments"`
	Commitments  []SubjectCommitment `json:"commitments"`
	Needs        []SubjectNeed       `json:"needs"`
	History      []SubjectHistory    `json:"history"`
	Audit        []SubjectAuditEntry `json:"audit"`
}

// SubjectPerson is the person's own fields, sensitive ones opened.
type SubjectPerson struct {
	ID                string `json:"id"`
	Principal         bool   `json:"principal"`
	Name              string `json:"name"`
	PreferredName     string `json:"preferred_name"`
	Relationship      string `json:"relationship"`
	Languages         string `json:"languages"`
	CountryOfBirth    string `json:"country_of_birth"`
	LastUSArrival     string `json:"last_us_arrival"`
	ReleaseDate       string `json:"release_date"`
	JoinedOn          string `json:"joined_household_on"`
	DateOfBirth       string `json:"date_of_birth"`
	DetentionFacility string `json:"detention_facility"`
	ANumber           string `json:"a_number"`
	CreatedAt         string `json:"created_at"`
	UpdatedAt         string `json:"updated_at"`
}

// SubjectCase is the case the person belongs to.
type SubjectCase struct {
	ID            string         `json:"id"`
	Code          string         `json:"code"`
	Stage         string         `json:"placement_stage"`
	CreatedAt     string         `json:"created_at"`
	ClosedAt      string         `json:"closed_at"`
	CloseReason   string         `json:"close_reason"`
	PurgedAt      string         `json:"purged_at"`
	Court         string         `json:"court"`
	Judge         string         `json:"judge"`
	LawyerName    string         `json:"lawyer_name"`
	LawyerContact string         `json:"lawyer_contact"`
	Address       string         `json:"address"`
	Stages        []SubjectStage `json:"stages"`
}

// SubjectStage is one step of the case through the placement pipeline.
type SubjectStage struct {
	Stage string `json:"placement_stage"`
	At    string `json:"at"`
}

// SubjectFact is a dated fact of the person or of the household.
type SubjectFact struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Date      string `json:"date"`
	EndDate   string `json:"end_date"`
	Note      string `json:"note"`
	Household bool   `json:"household"`
}

// SubjectMark is what people recorded about a deadline or appointment.
type SubjectMark struct {
	State  string `json:"state"`
	DoneOn string `json:"done_on"`
	Note   string `json:"note"`
}

// SubjectDeadline is one of the person's deadlines as last computed.
type SubjectDeadline struct {
	Key    string      `json:"key"`
	RuleID string      `json:"rule_id"`
	Title  string      `json:"title"`
	Kind   string      `json:"kind"`
	Due    string      `json:"due"`
	MetOn  string      `json:"met_on"`
	Mark   SubjectMark `json:"mark"`
}

// SubjectAppt is an appointment of the person or of the household.
type SubjectAppt struct {
	ID        string      `json:"id"`
	Kind      string      `json:"kind"`
	Date      string      `json:"date"`
	Time      string      `json:"time"`
	TimeZone  string      `json:"time_zone"`
	Place     string      `json:"place"`
	Note      string      `json:"note"`
	Going     string      `json:"going"`
	Household bool        `json:"household"`
	Mark      SubjectMark `json:"mark"`
}

// SubjectHistory is one change recorded about the person.
type SubjectHistory struct {
	At     string `json:"at"`
	Action string `json:"action"`
	Fields string `json:"fields"`
}

// SubjectAuditEntry is one reveal or export of the person's fields.
type SubjectAuditEntry struct {
	At     string `json:"at"`
	Action string `json:"action"`
	Field  string `json:"field"`
}

// Export forms, as the audit log records them.
const (
	ExportPage = "page"
	ExportJSON = "json"
)

// SubjectExport gathers everything Puente holds about household member
// personID of case c (SubjectRecord), opening the sensitive fields, and
// writes the export to the audit log (action "export", the person, form
// ExportPage or ExportJSON; never a value) in the same transaction: an
// export is a reveal. A person not in c answers model.ErrNotFound.
func (s *Store) SubjectExport(ctx context.Context, c model.Case, personID, actorID, form string) (SubjectRecord, error) {
	var rec SubjectRecord
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		rec = SubjectRecord{Format: SubjectFormat, ProducedAt: now.UTC().Format(time.RFC3339)}
		if err := s.subjectPersonTx(ctx, tx, c, personID, &rec); err != nil {
			return err
		}
		if err := s.subjectCaseTx(ctx, tx, c, &rec); err != nil {
			return err
		}
		if err := subjectFactsTx(ctx, tx, c.ID, personID, &rec); err != nil {
			return err
		}
		if err := s.subjectDeadlinesTx(ctx, tx, c.ID, personID, &rec); err != nil {
			return err
		}
		if err := subjectApptsTx(ctx, tx, c.ID, personID, &rec); err != nil {
			return err
		}
		if err := subjectCommitmentsTx(ctx, tx, c.ID, &rec); err != nil {
			return err
		}
		if err := subjectLogsTx(ctx, tx, c.ID, personID, &rec); err != nil {
			return err
		}
		return insertAudit(ctx, tx, AuditEntry{ActorID: actorID, OrgID: c.GroupID, Action: "export", ObjectType: "person",
			ObjectID: personID, Field: form, at: now})
	})
	return rec, err
}

// tsOut formats a stored time for the export (RFC 3339, UTC, seconds).
func tsOut(stored string) string {
	if stored == "" {
		return ""
	}
	return parseTS(stored).UTC().Format(time.RFC3339)
}
