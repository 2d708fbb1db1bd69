package checklist

// Official pages the items link to.
const (
	srcEOIR33      = "https://www.justice.gov/eoir/form-eoir-33-eoir-immigration-court-listing"
	srcEOIRProBono = "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers"
	srcEOIRCase    = "https://acis.eoir.justice.gov/en/"
	srcEOIR26      = "https://www.justice.gov/eoir/form-eoir-26-notice-appeal-decision-immigration-judge"
	srcEOIRManual  = "https://www.justice.gov/eoir/eoir-policy-manual"
	srcAR11        = "https://www.uscis.gov/ar-11"
	srcI589        = "https://www.uscis.gov/i-589"
	srcI765        = "https://www.uscis.gov/i-765"
	srcI730        = "https://www.uscis.gov/i-730"
	srcI485        = "https://www.uscis.gov/i-485"
	srcLocator     = "https://locator.ice.gov/odls/"
	srcATD         = "https://www.ice.gov/features/atd"
	srcORR         = "https://www.acf.gov/orr"
)

// shipped are the templates Puente gives every group, in stage order. The
// rule ids are internal/deadline's (a test checks each exists).
var shipped = []Template{
	{Stage: Ready, Items: []Item{
		{Key: "team"},
		{Key: "roles"},
		{Key: "duration"},
		{Key: "budget", Role: "money"},
		{Key: "sponsor", Role: "money", Bring: true},
		{Key: "legal_help", Role: "legal", Source: srcEOIRProBono},
		{Key: "training", Role: "orientation"},
		{Key: "data_rules"},
		{Key: "housing", Role: "housing"},
	}},
	{Stage: BeforeRelease, Items: []Item{
		{Key: "facility", Role: "legal", Source: srcLocator},
		{Key: "letter", Role: "legal", Bring: true},
		{Key: "proof", Role: "money", Bring: true},
		{Key: "translations", Role: "language"},
		{Key: "bond", Role: "money"},
		{Key: "pickup", Role: "transport", Bring: true},
		{Key: "room", Role: "housing"},
		{Key: "emergency"},
	}},
	{Stage: FirstWeek, Items: []Item{
		{Key: "eoir33", Rule: "eoir33-change-of-address", Role: "legal", Source: srcEOIR33},
		{Key: "ar11", Rule: "ar11-change-of-address", Role: "legal", Source: srcAR11},
		{Key: "ice", Role: "checkin", Source: srcATD, Bring: true},
		{Key: "venue", Role: "legal", Source: srcEOIRManual},
		{Key: "hearing", Role: "court", Source: srcEOIRCase},
		{Key: "one_year", Rule: "i589-one-year", Role: "legal"},
		{Key: "papers"},
		{Key: "orientation", Role: "orientation"},
		{Key: "health", Role: "health"},
	}},
	{Stage: Legal, Items: []Item{
		{Key: "hearings", Role: "court", Bring: true},
		{Key: "i589", Rule: "i589-one-year", Role: "legal", Source: srcI589},
		{Key: "fee", Rule: "annual-asylum-fee", Role: "money", Source: srcI589},
		{Key: "biometrics", Role: "transport", Bring: true},
		{Key: "ead", Rule: "ead-may-file", Role: "legal", Source: srcI765},
		{Key: "ead_renewal", Rule: "ead-renewal-window", Role: "legal", Source: srcI765},
		{Key: "evidence", Rule: "individual-hearing-evidence", Role: "legal"},
		{Key: "appeal", Rule: "bia-appeal", Role: "legal", Source: srcEOIR26},
		{Key: "i730", Rule: "i730-follow-to-join", Role: "legal", Source: srcI730},
		{Key: "i485", Rule: "i485-eligible", Role: "legal", Source: srcI485},
		{Key: "benefits", Rule: "post-grant-assistance-ends", Role: "money", Source: srcORR},
		{Key: "screening", Rule: "post-grant-health-screening", Role: "health", Source: srcORR},
	}},
	{Stage: DailyLife, Items: []Item{
		{Key: "school", Role: "school", Bring: true},
		{Key: "english", Role: "language"},
		{Key: "doctor", Role: "health"},
		{Key: "phone", Role: "orientation"},
		{Key: "rides", Role: "transport"},
		{Key: "jobs", Role: "jobs"},
		{Key: "money", Role: "money"},
		{Key: "community"},
		{Key: "plan_end"},
	}},
	{Stage: Privacy, Items: []Item{
		{Key: "anumber"},
		{Key: "posting"},
		{Key: "story", Role: "legal"},
		{Key: "records"},
		{Key: "devices"},
		{Key: "notes"},
	}},
	{Stage: Ending, Items: []Item{
		{Key: "handover"},
		{Key: "contacts", Bring: true},
		{Key: "in_touch"},
		{Key: "delete"},
		{Key: "review"},
	}},
}
