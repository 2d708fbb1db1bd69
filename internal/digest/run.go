package digest

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"puente/internal/coverage"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/ledger"
	"puente/internal/mail"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// Every is how often the schedule looks for digests whose time has come.
const Every = time.Minute

// dueLimit bounds the deadlines read per group: far more than a group has.
const dueLimit = 20000

// Runner writes digests whose time has come into the outbox.
type Runner struct {
	Store *store.Store
	// Now is the one clock (the same as every page's).
	Now func() time.Time
	// BaseURL starts every link.
	BaseURL string
	// Wake tells the sender that messages wait (nil: nobody to tell).
	Wake func()
	Log  *slog.Logger
}

// Run looks every interval until ctx ends.
func (r *Runner) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := r.Tick(ctx); err != nil && ctx.Err() == nil {
			r.Log.Error("digests: the schedule failed; it tries again in a minute", "err", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Tick queues every digest whose time has come at r.Now() and was not
// queued before, and reports how many messages it queued (a period with
// nothing to report is recorded and sends nothing). A group's cases are
// read once per tick, however many of its people get a digest.
func (r *Runner) Tick(ctx context.Context) (int, error) {
	targets, err := r.Store.DigestTargets(ctx)
	if err != nil {
		return 0, err
	}
	now := r.Now()
	groups := map[string][]mail.CaseCounts{}
	queued := 0
	for _, t := range targets {
		period, due := Period(t.Digest, now, t.Zone)
		if !due || t.LastPeriod >= period.String() {
			continue
		}
		counts, ok := groups[t.OrgID]
		if !ok {
			if counts, err = r.groupCounts(ctx, t.OrgID, t.Zone, now); err != nil {
				return queued, err
			}
			groups[t.OrgID] = counts
		}
		lang, ok := i18n.Parse(t.Lang)
		if !ok {
			lang = i18n.EN
		}
		d := mail.Digest{Lang: lang, To: t.Email, Kind: t.Digest, Period: period, BaseURL: r.BaseURL, Cases: counts}
		var msg *model.Email
		if e, any := d.Message(); any {
			msg = &e
		}
		fresh, err := r.Store.RecordDigest(ctx, t.UserID, t.OrgID, period.String(), period.AddDays(-keepDays).String(), msg)
		if err != nil {
			return queued, err
		}
		if fresh && msg != nil {
			queued++
		}
	}
	if queued > 0 {
		r.Log.Info("digests queued", "count", queued)
		if r.Wake != nil {
			r.Wake()
		}
	}
	return queued, nil
}

// groupCounts counts, per open case of the group, what needs attention on
// the group's today at now: the same deadlines as its home page (a
// household's same deadline on one day once), the appointments of the
// coverage window with nobody going, the needs with nobody responsible.
// Cases come in case-code order.
func (r *Runner) groupCounts(ctx context.Context, orgID, zone string, now time.Time) ([]mail.CaseCounts, error) {
	today := tz.Today(now, zone)
	td, _ := deadline.ParseDate(today)
	items, err := r.Store.GroupDue(ctx, orgID, today, td.AddDays(deadline.DueSoonDays).String(), dueLimit)
	if err != nil {
		return nil, err
	}
	byCase := map[string]*mail.CaseCounts{}
	get := func(id, code string) *mail.CaseCounts {
		c, ok := byCase[id]
		if !ok {
			c = &mail.CaseCounts{CaseID: id, Code: code}
			byCase[id] = c
		}
		return c
	}
	seen := map[string]bool{}
	for _, it := range items {
		k := it.CaseID + "\x00" + it.RuleID + "\x00" + it.Due
		if seen[k] {
			continue
		}
		seen[k] = true
		switch {
		case it.Kind != string(deadline.DueBy): // a window that opens, an expiry: never due
			get(it.CaseID, it.CaseCode).Opening++
		case it.Due < today:
			get(it.CaseID, it.CaseCode).Overdue++
		default:
			get(it.CaseID, it.CaseCode).Due++
		}
	}
	from, to := dayStart(td.AddDays(-1), zone), dayStart(coverage.WindowEnd(td).AddDays(2), zone)
	appts, needs, err := r.Store.GroupCoverage(ctx, orgID, from, to)
	if err != nil {
		return nil, err
	}
	for _, a := range appts {
		ca := coverage.Appointment{Kind: a.Kind, Day: localDay(a, zone), Going: a.Going, Settled: a.Settled}
		if coverage.Uncovered(ca, td) {
			get(a.CaseID, a.CaseCode).Uncovered++
		}
	}
	for _, n := range needs {
		if coverage.NeedUncovered(coverage.Need{Kind: n.Need.Kind, Until: optDay(n.Need.Until)}, covers(n), td) {
			get(n.CaseID, n.CaseCode).Needs++
		}
	}
	out := make([]mail.CaseCounts, 0, len(byCase))
	for _, c := range byCase {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b mail.CaseCounts) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// covers are the coverage rules' view of a need's candidate commitments,
// dated by the ledger as the case page dates them.
func covers(n model.NeedCoverage) []coverage.Cover {
	out := make([]coverage.Cover, len(n.Covers))
	for i, cc := range n.Covers {
		lc := ledger.Commitment{Start: optDay(cc.StartsOn), Cancelled: optDay(cc.CancelledOn)}
		switch cc.EndKind {
		case model.EndDate:
			lc.Until = optDay(cc.EndsOn)
		case model.EndWorkPermit:
			lc.UntilWorkPermit, lc.WorkPermit = true, optDay(cc.WorkPermitOn)
		}
		out[i] = coverage.Cover{Kind: n.Need.Kind, Holders: cc.Holders, Stopped: cc.CancelledOn != "", Start: lc.Start, Ends: lc.Ends()}
	}
	return out
}

// localDay is the day an appointment falls on in the group's zone: a timed
// one by its instant, one without a time by its date.
func localDay(a model.CoverageItem, zone string) deadline.Date {
	if a.Time == "" || a.StartsAt.IsZero() {
		return optDay(a.Date)
	}
	return optDay(a.StartsAt.In(tz.Location(zone)).Format(time.DateOnly))
}

func dayStart(d deadline.Date, zone string) time.Time {
	t, _ := tz.Instant(d.String(), "", zone)
	return t
}

func optDay(s string) deadline.Date {
	d, err := deadline.ParseDate(s)
	if err != nil {
		return deadline.Date{}
	}
	return d
}
