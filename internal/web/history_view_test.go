package web

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"puente/internal/i18n"
	"puente/internal/model"
)

// storeFieldRE finds the field names the store writes into a history line:
// {"court", cur.Court, in.Court} and changed = append(changed, "status").
var storeFieldRE = regexp.MustCompile(`\{"([a-z_]+)", cur\.|append\(changed, "([a-z_]+)"\)`)

// TestHistoryNamesEveryFieldInWords (issue 15, C4): every field name the
// store can record in a history line, and every kind, state and reason,
// has words in both languages, so no history line shows a code name.
func TestHistoryNamesEveryFieldInWords(t *testing.T) {
	files, err := filepath.Glob("../store/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no store sources (%v)", err)
	}
	var fields []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range storeFieldRE.FindAllStringSubmatch(string(b), -1) {
			fields = append(fields, m[1]+m[2])
		}
	}
	if len(fields) < 15 {
		t.Fatalf("found %d field names in the store, want at least 15: is the pattern still right?", len(fields))
	}
	for _, f := range []model.SensitiveField{model.FieldANumber, model.FieldDOB, model.FieldFacility, model.FieldAddress} {
		fields = append(fields, string(f))
	}
	for _, f := range fields {
		if !i18n.Has("history.field." + f) {
			t.Errorf("history field %q has no message history.field.%s", f, f)
		}
	}
	var ids []model.HistoryEntry
	for _, k := range model.FactKinds {
		ids = append(ids, model.HistoryEntry{Action: "fact_added", Fields: string(k)})
	}
	for _, k := range model.AppointmentKinds {
		ids = append(ids, model.HistoryEntry{Action: "appointment_removed", Fields: string(k)})
	}
	for _, r := range model.CloseReasons {
		ids = append(ids, model.HistoryEntry{Action: "closed", Fields: r})
	}
	for _, s := range []model.MarkState{model.MarkOpen, model.MarkDone, model.MarkNotApplicable} {
		ids = append(ids, model.HistoryEntry{Action: "marked", Fields: string(s)})
	}
	for _, h := range ids {
		if got := historyWords(h, i18n.ES); got == "" {
			t.Errorf("%s (%s): no words", h.Action, h.Fields)
		}
	}
}

func TestHistoryWords(t *testing.T) {
	tests := []struct {
		action, fields string
		es, en         string
	}{
		{"fact_added", "arrival", "Llegada a la casa del patrocinador", "Arrival at the sponsor's home"},
		{"appointment_added", "master_hearing", "Audiencia de calendario principal (audiencia preliminar)", "Master calendar hearing"},
		{"updated", "status,court", "etapa, tribunal", "stage, court"},
		{"appointment_updated", "date,time,time_zone", "fecha, hora, zona horaria", "date, time, time zone"},
		{"closed", "re_detained", "Nueva detención", "Detained again"},
		{"marked", "done", "Hecho", "Done"},
		{"updated", "status,no_such_field", "etapa", "stage"}, // an unknown name is left out
		{"created", "", "", ""},
		{"person_added", "", "", ""},
		// Commitments and sign-ups (issue 11).
		{"signup_added", "master_hearing,driver", "Audiencia de calendario principal (audiencia preliminar), al volante", "Master calendar hearing, driver"},
		{"signup_removed", "ice_checkin,no_such_role", "Cita de control (check-in) de ICE", "ICE check-in"},
		{"commitment_added", "court", "Acompañar al tribunal", "Going with them to court"},
		{"need_removed", "housing", "Vivienda", "Housing"},
		{"commitment_updated", "commitment_kind,amount,end", "tipo de ayuda, cantidad, fin", "kind of help, amount, end"},
	}
	for _, tt := range tests {
		h := model.HistoryEntry{Action: tt.action, Fields: tt.fields}
		if got := historyWords(h, i18n.ES); got != tt.es {
			t.Errorf("ES %s (%s): got %q, want %q", tt.action, tt.fields, got, tt.es)
		}
		if got := historyWords(h, i18n.EN); got != tt.en {
			t.Errorf("EN %s (%s): got %q, want %q", tt.action, tt.fields, got, tt.en)
		}
	}
}
