package tz

import (
	"archive/zip"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestEveryZoneLoads: every selectable zone is in Go's own zone database
// (the one time/tzdata embeds), so the binary finds it on a machine without
// zoneinfo; and the list is sorted and has no duplicates.
func TestEveryZoneLoads(t *testing.T) {
	// time/tzdata embeds $GOROOT/lib/time/zoneinfo.zip.
	root, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	z, err := zip.OpenReader(filepath.Join(strings.TrimSpace(string(root)), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatalf("Go's zoneinfo.zip: %v", err)
	}
	defer z.Close()
	inZip := map[string]bool{}
	for _, f := range z.File {
		inZip[f.Name] = true
	}
	if len(all) < 400 {
		t.Errorf("zones: got %d, want the ~418 of zone.tab", len(all))
	}
	if !sort.StringsAreSorted(all) {
		t.Errorf("zones: not sorted")
	}
	for i, name := range append(All(), US...) {
		if i > 0 && i < len(all) && all[i-1] == name {
			t.Errorf("zone %s listed twice", name)
		}
		if !inZip[name] {
			t.Errorf("zone %s: not in Go's embedded zone database", name)
		}
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("zone %s: LoadLocation: %v", name, err)
		}
		if !Valid(name) {
			t.Errorf("Valid(%q): got false, want true", name)
		}
	}
	for _, bad := range []string{"", "UTC", "Local", "America/Nowhere", "../../etc/passwd", "EST5EDT"} {
		if Valid(bad) {
			t.Errorf("Valid(%q): got true, want false", bad)
		}
	}
}

// TestTodayIsTheZonesDay: 01:01 UTC on 16 Mar is still 15 Mar in New York
// (20:01 EDT) and already 16 Mar in Madrid.
func TestTodayIsTheZonesDay(t *testing.T) {
	now := time.Date(2026, 3, 16, 1, 1, 0, 0, time.UTC)
	for _, tc := range []struct{ zone, want string }{
		{"America/New_York", "2026-03-15"},
		{"America/Los_Angeles", "2026-03-15"},
		{"Pacific/Honolulu", "2026-03-15"},
		{"Europe/Madrid", "2026-03-16"},
		{"Pacific/Kiritimati", "2026-03-16"},
		{"no such zone", "2026-03-15"}, // Default: New York
	} {
		if got := Today(now, tc.zone); got != tc.want {
			t.Errorf("Today(%v, %s): got %s, want %s", now, tc.zone, got, tc.want)
		}
	}
}

func TestInstant(t *testing.T) {
	for _, tc := range []struct {
		day, hhmm, zone string
		want            time.Time
	}{
		{"2026-12-15", "09:30", "America/New_York", time.Date(2026, 12, 15, 14, 30, 0, 0, time.UTC)},
		{"2026-07-15", "09:30", "America/New_York", time.Date(2026, 7, 15, 13, 30, 0, 0, time.UTC)},
		{"2026-07-15", "09:30", "America/Phoenix", time.Date(2026, 7, 15, 16, 30, 0, 0, time.UTC)},
		{"2026-12-15", "", "Pacific/Honolulu", time.Date(2026, 12, 15, 10, 0, 0, 0, time.UTC)},
		// 02:30 on 8 Mar 2026 does not exist in New York: the earlier
		// reading, 01:30 EST.
		{"2026-03-08", "02:30", "America/New_York", time.Date(2026, 3, 8, 6, 30, 0, 0, time.UTC)},
		// 01:30 on 1 Nov 2026 happens twice: the first one (EDT).
		{"2026-11-01", "01:30", "America/New_York", time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)},
	} {
		got, err := Instant(tc.day, tc.hhmm, tc.zone)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("Instant(%s, %q, %s): got %v (%v), want %v", tc.day, tc.hhmm, tc.zone, got.UTC(), err, tc.want)
		}
	}
	for _, bad := range [][2]string{{"2026-02-30", ""}, {"2026-12-15", "25:00"}, {"15/12/2026", "09:30"}} {
		if _, err := Instant(bad[0], bad[1], "America/New_York"); err == nil {
			t.Errorf("Instant(%q, %q): got no error, want one", bad[0], bad[1])
		}
	}
}

func TestAbbrevNeverSaysUTC(t *testing.T) {
	winter := time.Date(2026, 1, 15, 17, 0, 0, 0, time.UTC)
	summer := time.Date(2026, 7, 15, 17, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		at         time.Time
		zone, want string
	}{
		{winter, "America/New_York", "EST"},
		{summer, "America/New_York", "EDT"},
		{summer, "America/Chicago", "CDT"},
		{summer, "America/Phoenix", "MST"},
		{winter, "Pacific/Honolulu", "HST"},
		{winter, "America/Puerto_Rico", "AST"},
		{winter, "America/Sao_Paulo", "Sao Paulo"},
		{winter, "America/Argentina/Buenos_Aires", "Buenos Aires"},
		{winter, "Africa/Abidjan", "Abidjan"}, // tzdata says GMT
	} {
		if got := Abbrev(tc.at, tc.zone); got != tc.want {
			t.Errorf("Abbrev(%v, %s): got %q, want %q", tc.at, tc.zone, got, tc.want)
		}
	}
}
