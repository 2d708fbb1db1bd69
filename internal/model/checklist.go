package model

import "time"

// ItemState is where a checklist item stands.
type ItemState string

// Item states: open, ticked (done), or not applicable to this case (with
// a reason).
const (
	ItemOpen          ItemState = "open"
	ItemDone          ItemState = "done"
	ItemNotApplicable ItemState = "not_applicable"
)

// ItemText is an item's words in one language: a title, why it matters,
// how to do it and what to bring ("" where an item has none).
type ItemText struct {
	Title string `json:"title"`
	Why   string `json:"why,omitempty"`
	How   string `json:"how,omitempty"`
	Bring string `json:"bring,omitempty"`
}

// TemplateItem is one item of a checklist template version: a shipped
// item (TextKey set: its words are messages) or a network's own (its
// words in English and Spanish, both required, and in any other language
// Puente has files for, optional: More, by language code).
type TemplateItem struct {
	Key     string
	TextKey string
	EN, ES  ItemText
	More    map[string]ItemText
	// Source is an official link (checklist.OfficialSource), Rule a
	// deadline rule id, Role a kind of help (CommitmentKinds): each "" for none.
	Source string
	Rule   string
	Role   string
}

// Text is a network's or a group's item's words in lang: its English,
// Spanish or other language's words, English where lang has no title. A
// shipped item's words are messages (TextKey): the web looks them up.
func (it TemplateItem) Text(lang string) ItemText {
	switch {
	case lang == "es" && it.ES.Title != "":
		return it.ES
	case lang == "en":
		return it.EN
	}
	if t, ok := it.More[lang]; ok && t.Title != "" {
		return t
	}
	return it.EN
}

// Same reports whether two items have the same words, link, rule and role.
func (it TemplateItem) Same(o TemplateItem) bool {
	if len(it.More) != len(o.More) {
		return false
	}
	for l, t := range it.More {
		if ot, ok := o.More[l]; !ok || ot != t {
			return false
		}
	}
	return it.Key == o.Key && it.TextKey == o.TextKey && it.EN == o.EN && it.ES == o.ES &&
		it.Source == o.Source && it.Rule == o.Rule && it.Role == o.Role
}

// TemplateVersion is a network's checklist for one stage at one version
// (0: the shipped template, which a network that never edited it uses).
type TemplateVersion struct {
	NetworkID string
	Stage     string
	Version   int
	CreatedAt time.Time
	Items     []TemplateItem
}

// CaseChecklist is the checklist of one stage given to a case, with its
// items in order.
type CaseChecklist struct {
	ID        string
	CaseID    string
	GroupID   string
	Stage     string
	Version   int
	CreatedAt time.Time
	Items     []ChecklistItem
}

// Counts returns how many items are settled (done or not applicable) and
// how many there are.
func (c CaseChecklist) Counts() (settled, total int) {
	for _, it := range c.Items {
		if it.State != ItemOpen {
			settled++
		}
	}
	return settled, len(c.Items)
}

// ChecklistItem is one item of a case's checklist.
type ChecklistItem struct {
	ID          string
	ChecklistID string
	CaseID      string
	Stage       string
	Position    int
	// Own is a group's own item: its words are as typed (in EN).
	Own bool
	TemplateItem
	State    ItemState
	NAReason string
	// TickedBy and TickedAt say who ticked it and when (State done).
	TickedBy     string
	TickedByName string
	TickedAt     time.Time
	// AssigneeID is the group member who does it ("" for nobody); DueOn an
	// optional day (YYYY-MM-DD) given with the assignment.
	AssigneeID   string
	AssigneeName string
	DueOn        string
	Note         string
	UpdatedAt    time.Time
}

// AssignedItem is a checklist item assigned to someone, with its case,
// for the task list and the group's home page.
type AssignedItem struct {
	ChecklistItem
	CaseCode string
	Initials string
	// RuleDue is the earliest open deadline of the item's rule in the
	// case (YYYY-MM-DD), "" when none.
	RuleDue string
	// RuleKind is the kind of the rule's deadlines (deadline.Kind: due_by,
	// opens, expires, info), "" when the case has none: an "opens" day is
	// the first day one may act, never a day something is due.
	RuleKind string
}
