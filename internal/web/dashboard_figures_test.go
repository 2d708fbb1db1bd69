package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"puente/internal/model"
	"puente/internal/store"
)

// TestNetworkDashboardFigures: the dashboard lists the placements with an
// overdue deadline or an appointment nobody goes to, and only those, with
// their count; its median counts the arrivals; another network's
// dashboard shows none of it.
func TestNetworkDashboardFigures(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	day := func(n int) string { return e.srv.daysFrom(net.TimeZone, n) }
	added, err := e.st.AddQueueEntries(ctx, net, []model.QueueEntryInput{
		{Pseudonym: "OVERDUE.P", Adults: 1}, {Pseudonym: "UNCOVERED.P", Adults: 1}, {Pseudonym: "QUIET.P", Adults: 1}}, store.IntakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	seeds := []store.PlacementSeed{
		{State: model.QueueArrived, Arrival: day(-60)},
		{Appointments: []model.Appointment{{Kind: "ice_checkin", Date: day(3), Time: "09:00", TimeZone: "America/Chicago", Place: "Field office"}}},
		{},
	}
	for i := range seeds {
		seeds[i].EntryID, seeds[i].Group = added[i].ID, alpha
		seeds[i].HandOff = store.HandOff{Principal: model.PersonInput{Name: "Seeded Person"}}
		if _, err := e.st.SeedPlacements(ctx, net, seeds[i:i+1]); err != nil {
			t.Fatal(err)
		}
	}
	res := e.signIn(emailNetCoord).get("/orgs/" + net.ID + "/dashboard")
	if res.status != http.StatusOK {
		t.Fatalf("dashboard: got %d", res.status)
	}
	attention, _, _ := strings.Cut(res.body, `id="expiring-heading"`)
	_, attention, _ = strings.Cut(attention, `id="attention-heading"`)
	for _, want := range []string{`<span class="count">(2)</span>`, "OVERDUE.P", "UNCOVERED.P", "1 appointment with nobody going",
		"deadlines overdue"} {
		if !strings.Contains(attention, want) {
			t.Errorf("placements needing attention: %q missing", want)
		}
	}
	if strings.Contains(attention, "QUIET.P") {
		t.Error("a placement with nothing overdue or uncovered is listed")
	}
	if !strings.Contains(res.body, "0 days (the median; arrivals: 1)") {
		t.Error("median: want 0 days over one arrival")
	}
	other := e.signIn(emailOtherAdmin).get("/orgs/" + e.orgs["othernet"].ID + "/dashboard")
	if other.status != http.StatusOK || strings.Contains(other.body, "OVERDUE.P") || !strings.Contains(other.body, "Nobody has arrived at a group yet.") {
		t.Errorf("the other network's dashboard: got %d, or it shows this network's figures", other.status)
	}
}
