package web

import (
	"sort"

	"puente/internal/tz"
)

// zoneOption is one time zone of a select.
type zoneOption struct {
	Value, Label string
	Selected     bool
}

// zoneGroup is one <optgroup> of a time-zone select.
type zoneGroup struct {
	Label   string
	Options []zoneOption
}

// zoneSelectArgs is what the "zone-select" template needs.
type zoneSelectArgs struct {
	ID, Name, Label, Hint, Error, Placeholder string
	Groups                                    []zoneGroup
}

// ZoneSelect describes a time-zone select named name whose current choice
// is selected: the US zones first, named in the page's language, then
// every other zone when every is true (an organisation may be anywhere),
// or only the organisation's own and the current choice when false (an
// appointment's place is a US court or office). With no choice yet it
// starts with a "choose" option, so nobody keeps a zone they never read.
// Its error is keyed id.
func (d *templateData) ZoneSelect(id, name, labelKey, hintKey, selected string, every bool) zoneSelectArgs {
	a := zoneSelectArgs{ID: id, Name: name, Label: d.T(labelKey), Error: d.Errors[id]}
	if hintKey != "" {
		a.Hint = d.T(hintKey)
	}
	if selected == "" {
		a.Placeholder = d.T("tz.choose")
	}
	us := zoneGroup{Label: d.T("tz.group.us")}
	for _, z := range tz.US {
		us.Options = append(us.Options, zoneOption{Value: z, Label: d.T("tz." + z), Selected: z == selected})
	}
	a.Groups = append(a.Groups, us)
	var rest []string
	if every {
		rest = tz.All()
	} else {
		rest = []string{d.Zone, selected}
		sort.Strings(rest)
	}
	other := zoneGroup{Label: d.T("tz.group.other")}
	seen := map[string]bool{}
	for _, z := range rest {
		if tz.IsUS(z) || !tz.Valid(z) || seen[z] {
			continue
		}
		seen[z] = true
		other.Options = append(other.Options, zoneOption{Value: z, Label: tz.Label(z), Selected: z == selected})
	}
	if len(other.Options) > 0 {
		a.Groups = append(a.Groups, other)
	}
	return a
}

// ZoneName is how a page names zone: a US zone by its label in the page's
// language, any other by its IANA name.
func (d *templateData) ZoneName(zone string) string {
	if tz.IsUS(zone) {
		return d.T("tz." + zone)
	}
	return tz.Label(zone)
}
