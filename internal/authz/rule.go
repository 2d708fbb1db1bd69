package authz

import "fmt"

// RuleKind says what a route requires before its handler runs.
type RuleKind int

// Route requirements.
const (
	// KindPublic routes answer anyone (sign-in page, health check, static files).
	KindPublic RuleKind = iota + 1
	// KindSignedIn routes need a session whose person has met the
	// second-factor requirement (SecondFactorRequired); they act only on the
	// viewer's own account or check membership themselves through the
	// store's scoped queries. KindOrg and KindCase routes need the same.
	KindSignedIn
	// KindOrg routes name an organisation in {orgID}; the viewer needs Action on it.
	KindOrg
	// KindCase routes name a case in {caseID}; the viewer must belong to the
	// group holding it and needs Action on that group.
	KindCase
	// KindFeed routes are reached by a secret calendar-feed token in the URL.
	KindFeed
	// KindEnrol routes need a session, even one whose person must still set
	// up their second factor before anything else: setting it up, and
	// signing out. None of them shows an organisation's data.
	KindEnrol
	// KindAPIToken routes take no session and no cookie: the request's
	// bearer token is its credential, checked by the handler at use
	// (a network's API token, issue 13).
	KindAPIToken
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

// OnCase is the rule for routes on the case named in the URL.
func OnCase(a Action) Rule { return Rule{Kind: KindCase, Action: a} }

// Feed is the rule for the calendar feed, whose URL carries its own secret.
var Feed = Rule{Kind: KindFeed}

// Enrol is the rule for the routes a person who must set up a second
// factor may use before doing so.
var Enrol = Rule{Kind: KindEnrol}

// APIToken is the rule for the intake API, reached with a network's token.
var APIToken = Rule{Kind: KindAPIToken}

// String describes the rule for tests and the route listing.
func (r Rule) String() string {
	switch r.Kind {
	case KindPublic:
		return "public"
	case KindSignedIn:
		return "signed-in"
	case KindOrg:
		return fmt.Sprintf("org:%s", r.Action)
	case KindCase:
		return fmt.Sprintf("case:%s", r.Action)
	case KindFeed:
		return "feed-token"
	case KindEnrol:
		return "enrol"
	case KindAPIToken:
		return "api-token"
	}
	return "none"
}
