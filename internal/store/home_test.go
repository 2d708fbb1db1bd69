package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"puente/internal/model"
)

// TestGroupAppointmentsWindow: the appointments of the home page's lines,
// from the first instant of today to that of the day after the window,
// not attended, of open cases of the group, with the initials of whom
// each is for.
func TestGroupAppointmentsWindow(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Rosa Díaz"}, model.PersonInput{Name: "Pablo Núñez"})
	first := w.apptAt(c, model.Appointment{Kind: "other", Date: "2026-11-30", Time: "00:00"})
	forPablo := w.apptAt(c, model.Appointment{Kind: "master_hearing", Date: "2026-12-03", Time: "09:00", PersonID: ps[1].ID})
	na := w.apptAt(c, model.Appointment{Kind: "ice_checkin", Date: "2026-12-04", Time: "09:00"})
	w.mark(c, na, model.MarkNotApplicable)
	last := w.apptAt(c, model.Appointment{Kind: "ice_checkin", Date: "2026-12-14", Time: "23:59"})
	w.mark(c, w.apptAt(c, model.Appointment{Kind: "ice_checkin", Date: "2026-12-02", Time: "09:00"}), model.MarkDone)
	w.apptAt(c, model.Appointment{Kind: "ice_checkin", Date: "2026-11-29", Time: "23:59"})
	w.apptAt(c, model.Appointment{Kind: "ice_checkin", Date: "2026-12-15", Time: "00:00"})
	other, _ := w.open("g2", model.PersonInput{Name: "Tomás Ruiz"})
	w.appt(other, "master_hearing", "2026-12-05")

	got, err := w.s.GroupAppointments(ctx, w.orgs["g1"].ID, homeWindow.Begin, homeWindow.End)
	if err != nil {
		t.Fatal(err)
	}
	var keys, initials []string
	for _, it := range got {
		keys, initials = append(keys, it.Key), append(initials, it.Initials)
	}
	wantKeys := []string{AppointmentKey(first), AppointmentKey(forPablo), AppointmentKey(na), AppointmentKey(last)}
	if !slices.Equal(keys, wantKeys) || !slices.Equal(initials, []string{"R.D.", "P.N.", "R.D.", "R.D."}) {
		t.Errorf("window: got %v %v, want %v and R.D., P.N., R.D., R.D.", keys, initials, wantKeys)
	}
	if len(got) > 1 && (got[1].CaseCode != c.Code || got[1].Kind != "master_hearing" || got[1].Due != "2026-12-03" || got[1].Time != "09:00" ||
		got[1].TimeZone != "America/New_York" || !got[1].StartsAt.Equal(time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC))) {
		t.Errorf("the hearing: got %+v", got[1])
	}
}

// TestGroupDueInParts: the deadlines read in parts, each part from the
// deadline after the last one read, are the deadlines read at once, each
// once, in the same order, even where several share a day.
func TestGroupDueInParts(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	for _, name := range []string{"Rosa Díaz", "Tomás Ruiz", "Ana Gil"} {
		c, _ := w.open("g1", model.PersonInput{Name: name}, model.PersonInput{Name: "Second " + name}, model.PersonInput{Name: "Third " + name})
		w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2026-11-25"})
	}
	g := w.orgs["g1"].ID
	all, err := w.s.GroupDue(ctx, g, "2026-11-30", "2026-12-14", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 10 {
		t.Fatalf("%d deadlines in the window, want at least 10 to read in parts", len(all))
	}
	sameDay := 0
	for i := 1; i < len(all); i++ {
		if all[i].Due == all[i-1].Due {
			sameDay++
		}
	}
	if sameDay == 0 {
		t.Fatal("no two deadlines share a day: the parts' boundary inside a day is not tried")
	}
	for _, size := range []int{1, 2, 3, 7} {
		var parts []model.DueItem
		for {
			afterDue, afterKey := "", ""
			if n := len(parts); n > 0 {
				afterDue, afterKey = parts[n-1].Due, parts[n-1].Key
			}
			part, err := w.s.GroupDueAfter(ctx, g, "2026-11-30", "2026-12-14", afterDue, afterKey, size)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, part...)
			if len(part) < size || len(parts) > len(all) {
				break
			}
		}
		if !slices.EqualFunc(parts, all, func(a, b model.DueItem) bool { return a.CaseID == b.CaseID && a.Key == b.Key }) {
			t.Errorf("in parts of %d: got %d deadlines, want the %d read at once in their order", size, len(parts), len(all))
		}
	}
}
