package authz

import "fmt"

// RuleKind says what a route requires before its handler runs.
type RuleKind int

// Route requirements.
const (
	// KindPublic routes answer anyone (sign-in page, health check, static files).
	KindPublic RuleKind = iota + 1
	// KindSignedIn routes need a session; they act only on the viewer's own account
	// or check membership themselves through the store's scoped queries.
	KindSignedIn
	// KindOrg routes name an organisation in {orgID}; the viewer needs Action on it.
	KindOrg
)

// Rule is the access rule attached to every route. A route without one is
// never registered: the router refuses it, and a test walks every route.
type Rule struct {
	Kind   RuleKind
	Action Action
}

// Public is the rule for routes open to anyone.
var Public = Rule{Kind: KindPublic}

// SignedIn is the rule for routes that need only a session.
var SignedIn = Rule{Kind: KindSignedIn}

// OnOrg is the rule for routes on the organisation named in the URL.
func OnOrg(a Action) Rule { return Rule{Kind: KindOrg, Action: a} }

// String describes the rule for tests and the route listing.
func (r Rule) String() string {
	switch r.Kind {
	case KindPublic:
		return "public"
	case KindSignedIn:
		return "signed-in"
	case KindOrg:
		return fmt.Sprintf("org:%s", r.Action)
	}
	return "none"
}
