package web

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestNoUTCOnAnyPage: history and security-log times are the
// organisation's local time, in each language's 12-hour form; no page a
// coordinator can reach, in English or Spanish, says "UTC".
func TestNoUTCOnAnyPage(t *testing.T) {
	e := newEnv(t)
	// 04:30 UTC on 4 Mar is 23:30 on 3 Mar in New York (alpha's zone).
	e.st.SetClock(func() time.Time { return time.Date(2026, 3, 4, 4, 30, 0, 0, time.UTC) })
	tmAt(e, time.Date(2026, 3, 4, 4, 30, 0, 0, time.UTC))
	c := e.signIn(emailAlphaCoord)
	base := "/cases/" + e.cases["alpha"].ID
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {"2026-03-20"}, "time": {"08:30"}}, 303)
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"ice_checkin"}, "date": {"2026-03-21"}, "time": {"13:00"},
		"time_zone": {"America/Chicago"}}, 303)
	pvNewFeed(t, e, c)
	// An event of the organisation for its security log, at the same moment.
	pvPost(t, c, "/orgs/"+e.orgs["alpha"].ID+"/invitations", url.Values{"email": {"new@alpha.example.org"}, "role": {"member"}}, 200)
	for _, lang := range []struct{ code, stamp, morning, afternoon string }{
		{"en", "3 Mar 2026, 11:30 PM", "8:30 AM", "1:00 PM (CDT)"},
		{"es", "3 mar. 2026, 11:30\u00a0p.\u00a0m.", "8:30\u00a0a.\u00a0m.", "1:00\u00a0p.\u00a0m. (hora del Centro)"},
	} {
		pvPost(t, c, "/lang", url.Values{"lang": {lang.code}, "return": {"/"}}, 303)
		pages := pvCrawl(t, e, c, 200, "/", base, "/orgs/"+e.orgs["alpha"].ID+"/security", "/calendar", "/cases", "/account")
		if len(pages) < 8 {
			t.Errorf("%s: crawled %d pages, want at least 8", lang.code, len(pages))
		}
		var all strings.Builder
		for _, p := range pages {
			if strings.Contains(p.text, "UTC") {
				t.Errorf("%s: %s says UTC", lang.code, p.path)
			}
			all.WriteString(p.text)
		}
		for _, want := range []string{lang.stamp, lang.morning, lang.afternoon} {
			if !strings.Contains(all.String(), want) {
				t.Errorf("%s pages: want %q (history, security log, appointments in local time)", lang.code, want)
			}
		}
		history := pvGet(t, c, base, 200).body
		if i := strings.Index(history, `id="history-heading"`); i < 0 || !strings.Contains(history[i:], lang.stamp) {
			t.Errorf("%s case history: want the entries at %q", lang.code, lang.stamp)
		}
		if log := pvGet(t, c, "/orgs/"+e.orgs["alpha"].ID+"/security", 200).body; !strings.Contains(log, lang.stamp) {
			t.Errorf("%s security log: want the invitation at %q", lang.code, lang.stamp)
		}
	}
}
