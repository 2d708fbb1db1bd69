package digest

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"puente/internal/mail"
	"puente/internal/mail/mailtest"
	"puente/internal/model"
	"puente/internal/store"
)

// TestPeriod: a daily digest's period is the local day from 7:00; a weekly
// one's the Monday of the local week from Monday 7:00; in the zone given,
// never UTC.
func TestPeriod(t *testing.T) {
	ny := "America/New_York"
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		kind   model.Digest
		now    string
		zone   string
		period string
		due    bool
	}{
		{model.DigestDaily, "2026-01-14T11:59:00Z", ny, "2026-01-14", false}, // 6:59 in New York
		{model.DigestDaily, "2026-01-14T12:00:00Z", ny, "2026-01-14", true},  // 7:00
		{model.DigestDaily, "2026-01-15T04:30:00Z", ny, "2026-01-14", true},  // 23:30 the same day
		{model.DigestDaily, "2026-01-14T14:59:00Z", "America/Los_Angeles", "2026-01-14", false},
		{model.DigestDaily, "2026-01-14T15:00:00Z", "America/Los_Angeles", "2026-01-14", true},
		{model.DigestWeekly, "2026-01-12T11:59:00Z", ny, "2026-01-12", false}, // Monday 6:59
		{model.DigestWeekly, "2026-01-12T12:00:00Z", ny, "2026-01-12", true},  // Monday 7:00
		{model.DigestWeekly, "2026-01-14T09:00:00Z", ny, "2026-01-12", true},  // Wednesday 4:00
		{model.DigestWeekly, "2026-01-18T23:00:00Z", ny, "2026-01-12", true},  // Sunday
		{model.DigestNone, "2026-01-14T12:00:00Z", ny, "", false},
	} {
		p, due := Period(tc.kind, at(tc.now), tc.zone)
		got := ""
		if !p.IsZero() {
			got = p.String()
		}
		if got != tc.period || due != tc.due {
			t.Errorf("Period(%s, %s, %s) = %s, %v; want %s, %v", tc.kind, tc.now, tc.zone, got, due, tc.period, tc.due)
		}
	}
}

// Canary markers: a case seeded with them must not leak any into a
// digest, its headers or its envelope.
var canaries = []string{"Zqcanaryprincipal", "Zqcanarychild", "098765432", "098-765-432", "Zqcanary Street", "Zqcanarycourt", "Zqcanaryplace", "Zqcanarynote", "Zqcanarylawyer"}

type fixture struct {
	st     *store.Store
	users  map[string]string // email → id
	cases  map[string]model.Case
	clock  time.Time
	runner *Runner
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	key := make([]byte, 32)
	rand.Read(key)
	if err := st.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	hash := "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
	ids, err := st.ApplySeed(ctx, store.Seed{
		Orgs: []store.SeedOrg{
			{Key: "ny", Kind: model.KindGroup, Name: "Zqcanarygroup NY", TimeZone: "America/New_York"},
			{Key: "la", Kind: model.KindGroup, Name: "Group LA", TimeZone: "America/Los_Angeles"},
		},
		Users: []store.SeedUser{
			{Email: "zqmember.ny@example.org", Name: "Zqcanaryvolunteer", PasswordHash: hash, Roles: map[string]model.Role{"ny": model.RoleMember}},
			{Email: "coord.la@example.org", Name: "Coord LA", PasswordHash: hash, Roles: map[string]model.Role{"la": model.RoleCoordinator}},
			{Email: "nodigest@example.org", Name: "No Digest", PasswordHash: hash, Roles: map[string]model.Role{"ny": model.RoleCoordinator}},
		},
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, users: map[string]string{}, cases: map[string]model.Case{},
		clock: time.Date(2026, 1, 14, 11, 0, 0, 0, time.UTC)}
	for _, e := range []string{"zqmember.ny@example.org", "coord.la@example.org", "nodigest@example.org"} {
		u, err := st.UserByEmail(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		f.users[e] = u.ID
	}
	st.SetClock(func() time.Time { return f.clock })
	for _, g := range []string{"ny", "la"} {
		c, err := st.CreateCase(ctx, ids[g], "", model.CaseInput{Status: "arrived", Court: "Zqcanarycourt", LawyerName: "Zqcanarylawyer",
			Address: "12 Zqcanary Street, Springfield", SetAddress: true},
			model.PersonInput{Name: "Zqcanaryprincipal Pérez", ANumber: "A098-765-432", SetANumber: true, DOB: "1990-02-03", SetDOB: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddPerson(ctx, c, "", model.PersonInput{Name: "Zqcanarychild Pérez", Relationship: "child"}); err != nil {
			t.Fatal(err)
		}
		// Arrived 1 Jan: the EOIR-33 (5 days) is overdue on 14 Jan, the
		// AR-11 (10 days) too; a hearing in 5 days has nobody going.
		if _, err := st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: "2026-01-01", Note: "Zqcanarynote"}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddAppointment(ctx, c, "", model.Appointment{Kind: "master_hearing", Date: "2026-01-19", Time: "09:30",
			Place: "Zqcanaryplace", Note: "Zqcanarynote"}); err != nil {
			t.Fatal(err)
		}
		if err := st.SetNeed(ctx, c, "", model.CommitmentKind("transport"), ""); err != nil {
			t.Fatal(err)
		}
		f.cases[g] = c
	}
	for _, e := range []string{"zqmember.ny@example.org", "coord.la@example.org"} {
		if err := st.SetDigest(ctx, f.users[e], model.DigestDaily); err != nil {
			t.Fatal(err)
		}
	}
	f.runner = &Runner{Store: st, Now: func() time.Time { return f.clock }, BaseURL: "https://puente.example.org",
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	return f
}

func (f *fixture) tick(t testing.TB, at string) int {
	t.Helper()
	var err error
	if f.clock, err = time.Parse(time.RFC3339, at); err != nil {
		t.Fatal(err)
	}
	n, err := f.runner.Tick(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDigestAtSevenInTwoZonesOnce: on an injected clock, the New York
// member's digest is queued at 7:00 New York time and the Los Angeles
// coordinator's at 7:00 Los Angeles time, each once (a later tick, or a new
// runner as after a restart, queues nothing more); the next day brings the
// next. They arrive at a real SMTP server with counts, the case code and
// its link, and no byte of any message holds a canary marker.
func TestDigestAtSevenInTwoZonesOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	srv := mailtest.Start(t)
	cfg, err := mail.ParseConfig(srv.URL(), "puente@example.org")
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	sender := mail.NewSender(cfg, f.st, slog.New(slog.NewTextHandler(&logs, nil)))

	steps := []struct {
		at   string
		want int
	}{
		{"2026-01-14T11:59:00Z", 0}, // 6:59 in New York
		{"2026-01-14T12:00:00Z", 1}, // 7:00 in New York
		{"2026-01-14T12:01:00Z", 0}, // not twice
		{"2026-01-14T14:59:00Z", 0}, // 6:59 in Los Angeles
		{"2026-01-14T15:00:00Z", 1}, // 7:00 in Los Angeles
		{"2026-01-14T20:00:00Z", 0},
	}
	for _, s := range steps {
		if got := f.tick(t, s.at); got != s.want {
			t.Fatalf("tick at %s queued %d, want %d", s.at, got, s.want)
		}
	}
	// A restart: a new runner on the same database sends nothing again.
	f.runner = &Runner{Store: f.st, Now: f.runner.Now, BaseURL: f.runner.BaseURL, Log: f.runner.Log}
	if got := f.tick(t, "2026-01-14T23:00:00Z"); got != 0 {
		t.Fatalf("after a restart the same day: queued %d, want 0", got)
	}
	if sent, failed := sender.SendDue(ctx); sent != 2 || failed != 0 {
		t.Fatalf("sent %d, failed %d; want 2, 0", sent, failed)
	}
	msgs := srv.Wait(t, 2, 5*time.Second)
	to := map[string]string{}
	for _, m := range msgs {
		if len(m.To) != 1 {
			t.Fatalf("recipients %v", m.To)
		}
		text := m.Text()
		to[m.To[0]] = text
		// The raw bytes and the decoded text (a soft line break could
		// split a marker in the raw bytes).
		for _, c := range append(canaries, "Pérez", "P=C3=A9rez") {
			c = strings.ToLower(c)
			if bytes.Contains(bytes.ToLower(m.Data), []byte(c)) || strings.Contains(strings.ToLower(text), c) {
				t.Errorf("message to %s holds canary %q:\n%s", m.To[0], c, text)
			}
		}
	}
	ny := to["zqmember.ny@example.org"]
	for _, want := range []string{f.cases["ny"].Code, "https://puente.example.org/cases/" + f.cases["ny"].ID,
		"2 deadlines overdue", "1 appointment with nobody going", "1 kind of help with nobody responsible",
		"Subject: Puente: 1 case needs attention", "Auto-Submitted: auto-generated", "https://puente.example.org/account"} {
		if !strings.Contains(ny, want) {
			t.Errorf("New York digest lacks %q:\n%s", want, ny)
		}
	}
	if strings.Contains(ny, f.cases["la"].Code) {
		t.Errorf("New York digest names the other group's case")
	}
	if _, ok := to["nodigest@example.org"]; ok {
		t.Error("a person who chose no digest got one")
	}
	if strings.Contains(logs.String(), "zqmember") {
		t.Errorf("the log names a mailbox:\n%s", logs.String())
	}
	// The next day brings the next digest, at 7:00 again.
	if got := f.tick(t, "2026-01-15T11:59:00Z"); got != 0 {
		t.Fatalf("next day 6:59: queued %d", got)
	}
	if got := f.tick(t, "2026-01-15T12:00:00Z"); got != 1 {
		t.Fatalf("next day 7:00: queued %d, want 1", got)
	}
}

// TestDigestWeeklyOnMondays: a weekly digest is queued on Monday from
// 7:00 in the group's zone, once for the week: later looks that week send
// nothing more.
func TestDigestWeeklyOnMondays(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.st.SetDigest(ctx, f.users["zqmember.ny@example.org"], model.DigestWeekly); err != nil {
		t.Fatal(err)
	}
	if err := f.st.SetDigest(ctx, f.users["coord.la@example.org"], model.DigestNone); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		at   string
		want int
	}{
		{"2026-01-19T11:59:00Z", 0}, // Monday 6:59 in New York
		{"2026-01-19T12:00:00Z", 1}, // Monday 7:00: the week of 19 Jan
		{"2026-01-21T12:00:00Z", 0}, // Wednesday
		{"2026-01-26T11:59:00Z", 0}, // next Monday 6:59
		{"2026-01-26T12:00:00Z", 1}, // next Monday 7:00
	} {
		if got := f.tick(t, s.at); got != s.want {
			t.Fatalf("tick at %s queued %d, want %d", s.at, got, s.want)
		}
	}
}

// TestDigestNothingToReport: a group whose cases need nothing sends no
// message, and the period is still recorded (it is not looked at again).
func TestDigestNothingToReport(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, c := range f.cases {
		if err := f.st.CloseCase(ctx, c, "", "self_sufficient"); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.tick(t, "2026-01-14T16:00:00Z"); got != 0 {
		t.Fatalf("queued %d for closed cases, want 0", got)
	}
	ts, err := f.st.DigestTargets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range ts {
		if tg.LastPeriod != "2026-01-14" {
			t.Errorf("%s: last period %q, want 2026-01-14 recorded", tg.Email, tg.LastPeriod)
		}
	}
}

// BenchmarkDigestTick: one tick that writes the digest of a member of a
// group of 20 open cases (each with an arrival, so 2 deadlines overdue
// and more ahead, an appointment with nobody going and a need): reading
// the group, writing the message and recording the period.
func BenchmarkDigestTick(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	ny := f.cases["ny"]
	for i := 1; i < 20; i++ {
		c, err := f.st.CreateCase(ctx, ny.GroupID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Bench Person"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: "2026-01-0" + string(rune('1'+i%9))}); err != nil {
			b.Fatal(err)
		}
		if _, err := f.st.AddAppointment(ctx, c, "", model.Appointment{Kind: "ice_checkin", Date: "2026-01-20", Time: "10:00"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.st.SetDigest(ctx, f.users["coord.la@example.org"], model.DigestNone); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// Each iteration is the next day at 7:00 in New York.
		f.clock = time.Date(2026, 1, 14, 12, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		n, err := f.runner.Tick(ctx)
		if err != nil || n != 1 {
			b.Fatalf("tick %d: queued %d, %v", i, n, err)
		}
	}
}
