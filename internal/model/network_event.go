package model

import "strings"

// The placement network's own actions in its security log (issue 13,
// migration 024). Each is recorded in the transaction of the action, with
// the network as the organisation; Detail holds names the network or its
// groups chose (a group's, a region's, an item's, an API token's) and
// counts, never a queue entry's data. Its parts are joined by
// EventDetailSep, which no form lets through.
const (
	// EventVettingRecorded: a vetting item recorded for a group; Detail is
	// the group's name and the item's.
	EventVettingRecorded EventKind = "vetting_recorded"
	// EventSponsorStageSet: the network declared a group's stage; Detail is
	// the group's name and the stage.
	EventSponsorStageSet EventKind = "sponsor_stage_set"
	// Regions and vetting items a network's admins define; Detail is the
	// name, or the old and new names of a rename.
	EventRegionAdded        EventKind = "region_added"
	EventRegionRenamed      EventKind = "region_renamed"
	EventRegionRemoved      EventKind = "region_removed"
	EventVettingItemAdded   EventKind = "vetting_item_added"
	EventVettingItemRenamed EventKind = "vetting_item_renamed"
	EventVettingItemRemoved EventKind = "vetting_item_removed"
	// EventIntakeAPI and EventIntakeCSV: one API call or CSV import that
	// reached the queue; Detail is IntakeDetail's.
	EventIntakeAPI EventKind = "intake_api"
	EventIntakeCSV EventKind = "intake_csv"
)

// EventDetailSep separates the parts of a network event's Detail (a unit
// separator: safe text never holds one).
const EventDetailSep = "\x1f"

// EventDetailMax is the longest Detail the security log holds, in bytes.
const EventDetailMax = 300

// JoinEventDetail joins parts into a Detail of at most EventDetailMax
// bytes, cutting the first (longest-lived) parts' ends at a rune boundary
// if it must.
func JoinEventDetail(parts ...string) string {
	d := strings.Join(parts, EventDetailSep)
	for len(d) > EventDetailMax {
		// Shorten the longest part by what is over, whole runes only.
		longest := 0
		for i, p := range parts {
			if len(p) > len(parts[longest]) {
				longest = i
			}
		}
		p := parts[longest]
		cut := len(p) - (len(d) - EventDetailMax)
		if cut < 0 {
			cut = 0
		}
		for cut > 0 && !runeStart(p[cut]) {
			cut--
		}
		parts[longest] = p[:cut]
		d = strings.Join(parts, EventDetailSep)
	}
	return d
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

// SplitEventDetail is JoinEventDetail's parts.
func SplitEventDetail(d string) []string { return strings.Split(d, EventDetailSep) }
