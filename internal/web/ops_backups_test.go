package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestBackupStatusOnOrgPage: the organisation page of a network admin
// shows the installation's backup status (never recorded, the schedule,
// the last success with its size, a failure after it), in the viewer's
// language; a network coordinator, a group coordinator and a member do not
// see it, on their own pages or the network's. The standalone group's
// coordinator is covered by authz.TestViewBackupsStandalone and the
// command's end-to-end test.
func TestBackupStatusOnOrgPage(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.BackupEvery, c.BackupKeep = 24*time.Hour, 14 })
	ctx := context.Background()
	netPage := "/orgs/" + e.orgs["network"].ID
	admin := e.signIn(emailNetAdmin)

	res := admin.get(netPage)
	for _, want := range []string{`id="backup-heading"`, "No backup has been recorded yet.", "This server makes a backup every 24 hours and keeps the newest 14."} {
		if !strings.Contains(res.body, want) {
			t.Errorf("admin's page before any backup: missing %q", want)
		}
	}

	if err := e.st.RecordBackupOK(ctx, "puente-20261130T030000.000Z.db", 5<<20+(1<<19)); err != nil {
		t.Fatal(err)
	}
	res = admin.get(netPage)
	if !strings.Contains(res.body, "Last backup: ") || !strings.Contains(res.body, "(5.5 MB)") {
		t.Errorf("admin's page after a backup: want the time and size; body %.2000s", res.body)
	}
	if strings.Contains(res.body, `class="error"`) {
		t.Error("a failure is shown after a success")
	}

	time.Sleep(2 * time.Millisecond)
	if err := e.st.RecordBackupFailed(ctx); err != nil {
		t.Fatal(err)
	}
	res = admin.get(netPage)
	if !strings.Contains(res.body, "failed. The server&#39;s log says why.") {
		t.Errorf("admin's page after a failure: want the failure line; body %.2000s", res.body)
	}
	if !strings.Contains(res.body, "Last backup: ") {
		t.Error("the last success disappeared after a failure")
	}

	admin.post("/lang", url.Values{"lang": {"es"}, "return": {netPage}})
	res = admin.get(netPage)
	for _, want := range []string{"Copias de seguridad", "Última copia de seguridad:", "(5,5 MB)", "falló", "cada 24 horas"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("admin's page in Spanish: missing %q", want)
		}
	}

	for _, v := range []struct{ email, page string }{
		{emailNetCoord, netPage},
		{emailAlphaCoord, "/orgs/" + e.orgs["alpha"].ID},
		{emailAlphaMem, "/orgs/" + e.orgs["alpha"].ID},
		{emailNetAdmin, "/orgs/" + e.orgs["alpha"].ID},
	} {
		res := e.signIn(v.email).get(v.page)
		if res.status != 200 {
			t.Errorf("%s on %s: status %d", v.email, v.page, res.status)
		}
		if strings.Contains(res.body, "backup-heading") || strings.Contains(res.body, "Last backup") {
			t.Errorf("%s sees the backup status on %s", v.email, v.page)
		}
	}
}

// TestBackupStatusUnscheduled: without a schedule the page says so.
func TestBackupStatusUnscheduled(t *testing.T) {
	e := newEnv(t)
	res := e.signIn(emailNetAdmin).get("/orgs/" + e.orgs["network"].ID)
	if !strings.Contains(res.body, "Scheduled backups are off on this server") {
		t.Errorf("want the unscheduled line; body %.2000s", res.body)
	}
}
