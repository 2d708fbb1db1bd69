package digest

import (
	"context"
	"testing"
	"time"

	"puente/internal/mail"
	"puente/internal/model"
)

// TestDigestOpeningWindowIsNotDue: a window that opens (the work permit may
// be filed from clock day 150, here in 6 days) is counted apart from what
// is due, and said as opening, never "due in the next 14 days".
func TestDigestOpeningWindowIsNotDue(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.cases["ny"]
	now := time.Date(2026, 1, 14, 12, 0, 0, 0, time.UTC)
	counts := func() mail.CaseCounts {
		t.Helper()
		all, err := f.runner.groupCounts(ctx, c.GroupID, "America/New_York", now)
		if err != nil {
			t.Fatal(err)
		}
		for _, cc := range all {
			if cc.CaseID == c.ID {
				return cc
			}
		}
		t.Fatalf("no counts for the case")
		return mail.CaseCounts{}
	}
	before := counts()
	people, err := f.st.People(ctx, c.ID, "en")
	if err != nil || len(people) == 0 {
		t.Fatalf("People: %v, %v", people, err)
	}
	// Filed 23 Aug 2025: clock day 150 is 20 Jan 2026, 6 days after 14 Jan.
	if _, err := f.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactI589Filed, PersonID: people[0].ID, Date: "2025-08-23"}); err != nil {
		t.Fatal(err)
	}
	after := counts()
	if after.Due != before.Due || after.Overdue != before.Overdue || after.Opening != before.Opening+1 {
		t.Errorf("after the I-589: due %d → %d, overdue %d → %d, opening %d → %d; want the window counted as opening only",
			before.Due, after.Due, before.Overdue, after.Overdue, before.Opening, after.Opening)
	}
}
