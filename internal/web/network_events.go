package web

import (
	"strconv"

	"puente/internal/model"
)

// networkEventDetail words the detail of a placement network's own event
// (model.EventVettingRecorded and the others of migration 024) in the
// page's language; ok is false for any other event, or a detail not in
// the shape the store writes.
func (d *templateData) networkEventDetail(e model.Event) (string, bool) {
	parts := model.SplitEventDetail(e.Detail)
	switch e.Kind {
	case model.EventVettingRecorded:
		if len(parts) == 2 {
			return d.T("event.detail.group_item", parts[0], parts[1]), true
		}
	case model.EventSponsorStageSet:
		if len(parts) == 2 && model.ValidDeclaredStage(model.SponsorStage(parts[1])) {
			return d.T("event.detail.group_item", parts[0], d.T("sponsor.stage."+parts[1])), true
		}
	case model.EventRegionRenamed, model.EventVettingItemRenamed:
		if len(parts) == 2 {
			return d.T("event.detail.renamed", parts[0], parts[1]), true
		}
	case model.EventRegionAdded, model.EventRegionRemoved, model.EventVettingItemAdded, model.EventVettingItemRemoved:
		return e.Detail, true
	case model.EventIntakeAPI, model.EventIntakeCSV:
		// created, existing, token, rejected (store.IntakeDetail), and for
		// an API request refused whole the entries it held
		// (store.IntakeRefusedDetail).
		if len(parts) != 4 && len(parts) != 5 {
			return "", false
		}
		created, err1 := strconv.Atoi(parts[0])
		existing, err2 := strconv.Atoi(parts[1])
		rejected, err3 := strconv.Atoi(parts[3])
		if err1 != nil || err2 != nil || err3 != nil {
			return "", false
		}
		text := d.T("event.detail.intake", created, existing)
		if len(parts) == 5 {
			sent, err := strconv.Atoi(parts[4])
			if err != nil {
				return "", false
			}
			text = d.T("event.detail.intake_refused", sent, rejected)
		} else if rejected > 0 {
			text = d.T("event.detail.intake_rejected", text, rejected)
		}
		if parts[2] != "" {
			text = d.T("event.detail.intake_token", text, parts[2])
		}
		return text, true
	}
	return "", false
}
