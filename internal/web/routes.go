package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"puente/internal/authz"
)

// Route is one registered method and pattern with its access rule.
type Route struct {
	Method  string
	Pattern string
	Rule    authz.Rule
}

// buildRoutes is the whole URL space. Every route is registered through
// add, which wraps the handler in exactly the checks its rule names, so a
// route cannot exist without an access rule.
func (s *Server) buildRoutes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.requestID, s.recoverPanic, s.logRequest, s.securityHeaders, s.checkHost, s.refuseUnsound)
	// Unmatched addresses still load the session, so the 404 page shows the
	// signed-in header and language like every other page.
	r.NotFound(noStore(s.loadAndSave(s.loadViewer(s.handle(func(w http.ResponseWriter, r *http.Request) error { return errNotFound })))).ServeHTTP)
	r.MethodNotAllowed(s.handle(func(w http.ResponseWriter, r *http.Request) error { return errMethod }))

	// Static files and the health check: no session, no setup gate.
	s.add(r, "GET", "/static/*", authz.Public, s.static)
	s.add(r, "GET", "/healthz", authz.Public, s.healthz)

	r.Group(func(r chi.Router) {
		r.Use(noStore, s.limitBody, s.crossOrigin, s.loadAndSave, s.loadViewer, s.setupGate)

		s.add(r, "GET", "/setup", authz.Public, s.setupForm)
		s.add(r, "POST", "/setup", authz.Public, s.setupPost)
		s.add(r, "GET", "/login", authz.Public, s.loginForm)
		s.add(r, "POST", "/login", authz.Public, s.loginPost)
		s.add(r, "POST", "/lang", authz.Public, s.langPost)
		s.add(r, "GET", "/invite/{token}", authz.Public, s.inviteAcceptForm)
		s.add(r, "POST", "/invite/{token}", authz.Public, s.inviteAcceptPost)
		s.add(r, "GET", "/reset/{token}", authz.Public, s.resetForm)
		s.add(r, "POST", "/reset/{token}", authz.Public, s.resetPost)
		// The second step of signing in: a code from the authenticator app,
		// or a recovery code. Public routes that act only on the password
		// just given in this session (twofactor_login.go).
		s.add(r, "GET", "/login/code", authz.Public, s.loginCodeForm)
		s.add(r, "POST", "/login/code", authz.Public, s.loginCodePost)
		s.add(r, "GET", "/login/recovery", authz.Public, s.loginRecoveryForm)
		s.add(r, "POST", "/login/recovery", authz.Public, s.loginRecoveryPost)

		// Setting up a second factor, which people who need one must do
		// before anything else; signing out.
		s.add(r, "GET", "/account/2fa", authz.Enrol, s.twoFactorView)
		s.add(r, "POST", "/account/2fa/setup", authz.Enrol, s.twoFactorSetupPost)
		s.add(r, "GET", "/account/2fa/qr.png", authz.Enrol, s.twoFactorQR)
		s.add(r, "POST", "/account/2fa/confirm", authz.Enrol, s.twoFactorConfirmPost)
		s.add(r, "POST", "/logout", authz.Enrol, s.logoutPost)

		s.add(r, "GET", "/", authz.SignedIn, s.home)
		s.add(r, "POST", "/account/2fa/recovery-codes", authz.SignedIn, s.recoveryCodesPost)
		s.add(r, "POST", "/account/2fa/disable", authz.SignedIn, s.twoFactorDisablePost)
		s.add(r, "POST", "/orgs/switch", authz.SignedIn, s.orgSwitchPost)
		s.add(r, "GET", "/account", authz.SignedIn, s.accountView)
		s.add(r, "POST", "/account/password", authz.SignedIn, s.accountPasswordPost)
		s.add(r, "POST", "/account/digest", authz.SignedIn, s.accountDigestPost)

		s.add(r, "GET", "/orgs/{orgID}", authz.OnOrg(authz.ViewOrg), s.orgView)
		s.add(r, "GET", "/orgs/{orgID}/groups/new", authz.OnOrg(authz.CreateGroup), s.groupNewForm)
		s.add(r, "POST", "/orgs/{orgID}/groups", authz.OnOrg(authz.CreateGroup), s.groupCreatePost)
		s.add(r, "GET", "/orgs/{orgID}/invitations/new", authz.OnOrg(authz.ManagePeople), s.invitationNewForm)
		s.add(r, "POST", "/orgs/{orgID}/invitations", authz.OnOrg(authz.ManagePeople), s.invitationCreatePost)
		s.add(r, "GET", "/orgs/{orgID}/invitations/{invID}/revoke", authz.OnOrg(authz.ManagePeople), s.invitationRevokeForm)
		s.add(r, "POST", "/orgs/{orgID}/invitations/{invID}/revoke", authz.OnOrg(authz.ManagePeople), s.invitationRevokePost)
		s.add(r, "POST", "/orgs/{orgID}/members/{userID}/role", authz.OnOrg(authz.ManagePeople), s.memberRolePost)
		s.add(r, "GET", "/orgs/{orgID}/members/{userID}/remove", authz.OnOrg(authz.ManagePeople), s.memberRemoveForm)
		s.add(r, "POST", "/orgs/{orgID}/members/{userID}/remove", authz.OnOrg(authz.ManagePeople), s.memberRemovePost)
		s.add(r, "POST", "/orgs/{orgID}/members/{userID}/reset", authz.OnOrg(authz.ManagePeople), s.memberResetPost)
		s.add(r, "GET", "/orgs/{orgID}/resets/{resetID}/revoke", authz.OnOrg(authz.ManagePeople), s.resetRevokeForm)
		s.add(r, "GET", "/orgs/{orgID}/members/{userID}/2fa/reset", authz.OnOrg(authz.ManagePeople), s.memberTwoFactorResetForm)
		s.add(r, "POST", "/orgs/{orgID}/members/{userID}/2fa/reset", authz.OnOrg(authz.ManagePeople), s.memberTwoFactorResetPost)
		s.add(r, "POST", "/orgs/{orgID}/resets/{resetID}/revoke", authz.OnOrg(authz.ManagePeople), s.resetRevokePost)
		s.add(r, "GET", "/orgs/{orgID}/security", authz.OnOrg(authz.ViewSecurityLog), s.securityLog)
		s.add(r, "GET", "/orgs/{orgID}/settings", authz.OnOrg(authz.EditSettings), s.orgSettingsForm)
		s.add(r, "POST", "/orgs/{orgID}/settings", authz.OnOrg(authz.EditSettings), s.orgSettingsPost)
		// A network's checklist templates: its admins only. Every change
		// is a new version; cases keep the items they were given.
		s.add(r, "GET", "/orgs/{orgID}/checklists", authz.OnOrg(authz.EditTemplates), s.templateList)
		s.add(r, "GET", "/orgs/{orgID}/checklists/{stage}", authz.OnOrg(authz.EditTemplates), s.templateView)
		s.add(r, "GET", "/orgs/{orgID}/checklists/{stage}/items/new", authz.OnOrg(authz.EditTemplates), s.templateItemFormPage)
		s.add(r, "POST", "/orgs/{orgID}/checklists/{stage}/items", authz.OnOrg(authz.EditTemplates), s.templateItemPost)
		s.add(r, "GET", "/orgs/{orgID}/checklists/{stage}/items/{key}/edit", authz.OnOrg(authz.EditTemplates), s.templateItemFormPage)
		s.add(r, "POST", "/orgs/{orgID}/checklists/{stage}/items/{key}", authz.OnOrg(authz.EditTemplates), s.templateItemPost)
		s.add(r, "POST", "/orgs/{orgID}/checklists/{stage}/items/{key}/move", authz.OnOrg(authz.EditTemplates), s.templateMovePost)
		s.add(r, "GET", "/orgs/{orgID}/checklists/{stage}/items/{key}/retire", authz.OnOrg(authz.EditTemplates), s.templateRetireForm)
		s.add(r, "POST", "/orgs/{orgID}/checklists/{stage}/items/{key}/retire", authz.OnOrg(authz.EditTemplates), s.templateRetirePost)

		// Sponsor groups as their network sees them (issue 13). A group's
		// profile: the group and its network's staff read it, the group's
		// coordinators keep it, the network's staff record its vetting and
		// stage. The network's list, what expires soon, and the regions
		// and vetting items its admins define.
		s.add(r, "GET", "/orgs/{orgID}/profile", authz.OnOrg(authz.ViewSponsorProfile), s.sponsorProfileView)
		s.add(r, "GET", "/orgs/{orgID}/profile/edit", authz.OnOrg(authz.EditSponsorProfile), s.sponsorProfileEditForm)
		s.add(r, "POST", "/orgs/{orgID}/profile", authz.OnOrg(authz.EditSponsorProfile), s.sponsorProfilePost)
		s.add(r, "POST", "/orgs/{orgID}/vetting", authz.OnOrg(authz.RecordVetting), s.vettingPost)
		s.add(r, "POST", "/orgs/{orgID}/stage", authz.OnOrg(authz.RecordVetting), s.stagePost)
		s.add(r, "GET", "/orgs/{orgID}/sponsors", authz.OnOrg(authz.ViewSponsors), s.sponsorList)
		s.add(r, "GET", "/orgs/{orgID}/sponsors/expiring", authz.OnOrg(authz.ViewSponsors), s.sponsorExpiring)
		s.add(r, "GET", "/orgs/{orgID}/matching/weights", authz.OnOrg(authz.ViewSponsors), s.matchingWeights)
		s.add(r, "GET", "/orgs/{orgID}/vetting/setup", authz.OnOrg(authz.DefineVetting), s.vettingSetupView)
		s.add(r, "POST", "/orgs/{orgID}/regions", authz.OnOrg(authz.DefineVetting), s.regionPost)
		s.add(r, "POST", "/orgs/{orgID}/vetting-items", authz.OnOrg(authz.DefineVetting), s.vettingItemPost)
		// Renamed in place; removed after a confirmation, unless in use.
		s.add(r, "GET", "/orgs/{orgID}/regions/{regionID}/edit", authz.OnOrg(authz.DefineVetting), s.regionEditForm)
		s.add(r, "POST", "/orgs/{orgID}/regions/{regionID}", authz.OnOrg(authz.DefineVetting), s.regionRenamePost)
		s.add(r, "GET", "/orgs/{orgID}/regions/{regionID}/remove", authz.OnOrg(authz.DefineVetting), s.regionRemoveForm)
		s.add(r, "POST", "/orgs/{orgID}/regions/{regionID}/remove", authz.OnOrg(authz.DefineVetting), s.regionRemovePost)
		s.add(r, "GET", "/orgs/{orgID}/vetting-items/{itemID}/edit", authz.OnOrg(authz.DefineVetting), s.vettingItemEditForm)
		s.add(r, "POST", "/orgs/{orgID}/vetting-items/{itemID}", authz.OnOrg(authz.DefineVetting), s.vettingItemRenamePost)
		s.add(r, "GET", "/orgs/{orgID}/vetting-items/{itemID}/remove", authz.OnOrg(authz.DefineVetting), s.vettingItemRemoveForm)
		s.add(r, "POST", "/orgs/{orgID}/vetting-items/{itemID}/remove", authz.OnOrg(authz.DefineVetting), s.vettingItemRemovePost)

		// Structured intake (issue 13): a network's API tokens are its
		// admins'; a token is shown once, revoked through a confirmation
		// page. The CSV import's form; its POST is below, with a larger
		// body limit.
		s.add(r, "GET", "/orgs/{orgID}/api-tokens", authz.OnOrg(authz.ManageAPITokens), s.apiTokenList)
		s.add(r, "POST", "/orgs/{orgID}/api-tokens", authz.OnOrg(authz.ManageAPITokens), s.apiTokenCreatePost)
		s.add(r, "GET", "/orgs/{orgID}/api-tokens/{tokenID}/revoke", authz.OnOrg(authz.ManageAPITokens), s.apiTokenRevokeForm)
		s.add(r, "POST", "/orgs/{orgID}/api-tokens/{tokenID}/revoke", authz.OnOrg(authz.ManageAPITokens), s.apiTokenRevokePost)
		s.add(r, "GET", "/orgs/{orgID}/intake", authz.OnOrg(authz.ImportIntake), s.intakeImportForm)
		// The network's dashboard, and its de-identified reports (queue,
		// placements, groups): POSTs, because each export is audited.
		s.add(r, "GET", "/orgs/{orgID}/dashboard", authz.OnOrg(authz.ViewNetworkDashboard), s.networkDashboard)
		s.add(r, "POST", "/orgs/{orgID}/reports/{report}", authz.OnOrg(authz.ViewNetworkDashboard), s.reportPost)
		// The network's queue of people who need a sponsor, offers of them
		// to its groups and the placements that followed (issue 13): the
		// network's staff. A restricted field is revealed one at a time,
		// with an audit entry; closing and withdrawing ask first.
		s.add(r, "GET", "/orgs/{orgID}/queue", authz.OnOrg(authz.ManageQueue), s.queueList)
		s.add(r, "GET", "/orgs/{orgID}/queue/new", authz.OnOrg(authz.ManageQueue), s.queueNewForm)
		s.add(r, "POST", "/orgs/{orgID}/queue", authz.OnOrg(authz.ManageQueue), s.queueCreatePost)
		s.add(r, "GET", "/orgs/{orgID}/queue/{entryID}", authz.OnOrg(authz.ManageQueue), s.queueEntryView)
		s.add(r, "GET", "/orgs/{orgID}/queue/{entryID}/edit", authz.OnOrg(authz.ManageQueue), s.queueEditForm)
		s.add(r, "POST", "/orgs/{orgID}/queue/{entryID}", authz.OnOrg(authz.ManageQueue), s.queueUpdatePost)
		s.add(r, "POST", "/orgs/{orgID}/queue/{entryID}/state", authz.OnOrg(authz.ManageQueue), s.queueStatePost)
		s.add(r, "GET", "/orgs/{orgID}/queue/{entryID}/close", authz.OnOrg(authz.ManageQueue), s.queueCloseForm)
		s.add(r, "POST", "/orgs/{orgID}/queue/{entryID}/close", authz.OnOrg(authz.ManageQueue), s.queueClosePost)
		s.add(r, "POST", "/orgs/{orgID}/queue/{entryID}/reveal", authz.OnOrg(authz.ManageQueue), s.queueRevealPost)
		s.add(r, "POST", "/orgs/{orgID}/queue/{entryID}/offers", authz.OnOrg(authz.ManageQueue), s.offerCreatePost)
		s.add(r, "GET", "/orgs/{orgID}/queue/{entryID}/offers/{offerID}/withdraw", authz.OnOrg(authz.ManageQueue), s.offerWithdrawForm)
		s.add(r, "POST", "/orgs/{orgID}/queue/{entryID}/offers/{offerID}/withdraw", authz.OnOrg(authz.ManageQueue), s.offerWithdrawPost)
		s.add(r, "GET", "/orgs/{orgID}/placements", authz.OnOrg(authz.ManageQueue), s.placementList)
		// The offers a group's coordinators answer: accepting opens a case.
		s.add(r, "GET", "/orgs/{orgID}/offers", authz.OnOrg(authz.AnswerOffers), s.groupOfferList)
		s.add(r, "GET", "/orgs/{orgID}/offers/{offerID}", authz.OnOrg(authz.AnswerOffers), s.groupOfferView)
		s.add(r, "POST", "/orgs/{orgID}/offers/{offerID}/accept", authz.OnOrg(authz.AnswerOffers), s.offerAcceptPost)
		s.add(r, "GET", "/orgs/{orgID}/offers/{offerID}/decline", authz.OnOrg(authz.AnswerOffers), s.offerDeclineForm)
		s.add(r, "POST", "/orgs/{orgID}/offers/{offerID}/decline", authz.OnOrg(authz.AnswerOffers), s.offerDeclinePost)

		// Cases of the current sponsor group (a network sees counts).
		s.add(r, "GET", "/cases", authz.SignedIn, s.caseList)
		s.add(r, "GET", "/cases/new", authz.SignedIn, s.caseNewForm)
		s.add(r, "POST", "/cases", authz.SignedIn, s.caseCreatePost)
		s.add(r, "GET", "/cases/{caseID}", authz.OnCase(authz.ViewCases), s.caseView)
		s.add(r, "GET", "/cases/{caseID}/court-card", authz.OnCase(authz.ViewCases), s.courtCardView)
		// A case's details (status, court, judge, lawyer) and its household's
		// removals are the coordinators'; members record what happens.
		s.add(r, "GET", "/cases/{caseID}/edit", authz.OnCase(authz.ManageCases), s.caseEditForm)
		s.add(r, "POST", "/cases/{caseID}", authz.OnCase(authz.ManageCases), s.caseUpdatePost)
		s.add(r, "GET", "/cases/{caseID}/close", authz.OnCase(authz.ManageCases), s.caseCloseForm)
		s.add(r, "POST", "/cases/{caseID}/close", authz.OnCase(authz.ManageCases), s.caseClosePost)
		// Purging a closed case at once: a confirmation page, then the purge.
		s.add(r, "GET", "/cases/{caseID}/purge", authz.OnCase(authz.ManageCases), s.casePurgeForm)
		s.add(r, "POST", "/cases/{caseID}/purge", authz.OnCase(authz.ManageCases), s.casePurgePost)
		s.add(r, "POST", "/cases/{caseID}/address/reveal", authz.OnCase(authz.ManageCases), s.caseAddressRevealPost)
		// The draft sponsor letter reveals the address: coordinators only,
		// and members get 404 (letter.go), as for something not there.
		s.add(r, "GET", "/cases/{caseID}/letter", authz.OnCase(authz.ViewCases), s.letterForm)
		s.add(r, "POST", "/cases/{caseID}/letter", authz.OnCase(authz.ViewCases), s.letterPost)
		s.add(r, "GET", "/cases/{caseID}/people/new", authz.OnCase(authz.EditCases), s.personNewForm)
		s.add(r, "POST", "/cases/{caseID}/people", authz.OnCase(authz.EditCases), s.personCreatePost)
		s.add(r, "GET", "/cases/{caseID}/people/{personID}/edit", authz.OnCase(authz.EditCases), s.personEditForm)
		s.add(r, "POST", "/cases/{caseID}/people/{personID}", authz.OnCase(authz.EditCases), s.personUpdatePost)
		s.add(r, "GET", "/cases/{caseID}/people/{personID}/remove", authz.OnCase(authz.ManageCases), s.personRemoveForm)
		s.add(r, "POST", "/cases/{caseID}/people/{personID}/remove", authz.OnCase(authz.ManageCases), s.personRemovePost)
		s.add(r, "POST", "/cases/{caseID}/people/{personID}/reveal", authz.OnCase(authz.ManageCases), s.personRevealPost)
		s.add(r, "GET", "/cases/{caseID}/facts/new", authz.OnCase(authz.EditCases), s.factNewForm)
		// A person's data-subject export: an audited reveal of everything.
		s.add(r, "GET", "/cases/{caseID}/people/{personID}/export", authz.OnCase(authz.ManageCases), s.personExportForm)
		s.add(r, "POST", "/cases/{caseID}/people/{personID}/export", authz.OnCase(authz.ManageCases), s.personExportPost)
		s.add(r, "POST", "/cases/{caseID}/facts", authz.OnCase(authz.EditCases), s.factCreatePost)
		s.add(r, "GET", "/cases/{caseID}/facts/{factID}/edit", authz.OnCase(authz.EditCases), s.factEditForm)
		s.add(r, "POST", "/cases/{caseID}/facts/{factID}", authz.OnCase(authz.EditCases), s.factUpdatePost)
		s.add(r, "GET", "/cases/{caseID}/facts/{factID}/delete", authz.OnCase(authz.EditCases), s.factDeleteForm)
		s.add(r, "POST", "/cases/{caseID}/facts/{factID}/delete", authz.OnCase(authz.EditCases), s.factDeletePost)
		s.add(r, "GET", "/cases/{caseID}/appointments/new", authz.OnCase(authz.EditCases), s.appointmentNewForm)
		s.add(r, "POST", "/cases/{caseID}/appointments", authz.OnCase(authz.EditCases), s.appointmentCreatePost)
		s.add(r, "GET", "/cases/{caseID}/appointments/{apptID}/edit", authz.OnCase(authz.EditCases), s.appointmentEditForm)
		s.add(r, "POST", "/cases/{caseID}/appointments/{apptID}", authz.OnCase(authz.EditCases), s.appointmentUpdatePost)
		s.add(r, "GET", "/cases/{caseID}/appointments/{apptID}/delete", authz.OnCase(authz.EditCases), s.appointmentDeleteForm)
		s.add(r, "POST", "/cases/{caseID}/appointments/{apptID}/delete", authz.OnCase(authz.EditCases), s.appointmentDeletePost)
		s.add(r, "GET", "/cases/{caseID}/marks", authz.OnCase(authz.EditCases), s.markForm)
		s.add(r, "POST", "/cases/{caseID}/marks", authz.OnCase(authz.EditCases), s.markPost)

		// Commitments and coverage. Members act for themselves and for
		// commitments they hold; coordinators for anyone in the group
		// (authz.ActFor, ChangeCommitment, RecordGiven, RemoveGiven: 403).
		// Forms have pages of their own; cancelling and deleting go
		// through a confirmation page.
		s.add(r, "GET", "/cases/{caseID}/commitments/new", authz.OnCase(authz.EditCases), s.commitmentNewForm)
		s.add(r, "POST", "/cases/{caseID}/commitments", authz.OnCase(authz.EditCases), s.commitmentCreatePost)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}", authz.OnCase(authz.ViewCases), s.commitmentView)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}/edit", authz.OnCase(authz.EditCases), s.commitmentEditForm)
		s.add(r, "POST", "/cases/{caseID}/commitments/{commitmentID}", authz.OnCase(authz.EditCases), s.commitmentUpdatePost)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}/cancel", authz.OnCase(authz.EditCases), s.commitmentCancelForm)
		s.add(r, "POST", "/cases/{caseID}/commitments/{commitmentID}/cancel", authz.OnCase(authz.EditCases), s.commitmentCancelPost)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}/holders/new", authz.OnCase(authz.ManageCases), s.holderNewForm)
		s.add(r, "POST", "/cases/{caseID}/commitments/{commitmentID}/holders", authz.OnCase(authz.EditCases), s.holderPost)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}/holders/remove", authz.OnCase(authz.EditCases), s.holderRemoveForm)
		s.add(r, "POST", "/cases/{caseID}/commitments/{commitmentID}/holders/remove", authz.OnCase(authz.EditCases), s.holderRemovePost)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}/given/new", authz.OnCase(authz.EditCases), s.givenNewForm)
		s.add(r, "POST", "/cases/{caseID}/commitments/{commitmentID}/given", authz.OnCase(authz.EditCases), s.givenCreatePost)
		s.add(r, "GET", "/cases/{caseID}/commitments/{commitmentID}/given/{recordID}/delete", authz.OnCase(authz.EditCases), s.givenDeleteForm)
		s.add(r, "POST", "/cases/{caseID}/commitments/{commitmentID}/given/{recordID}/delete", authz.OnCase(authz.EditCases), s.givenDeletePost)
		s.add(r, "GET", "/cases/{caseID}/needs/new", authz.OnCase(authz.ManageCases), s.needNewForm)
		s.add(r, "POST", "/cases/{caseID}/needs", authz.OnCase(authz.ManageCases), s.needPost)
		s.add(r, "GET", "/cases/{caseID}/needs/{kind}/remove", authz.OnCase(authz.ManageCases), s.needRemoveForm)
		s.add(r, "POST", "/cases/{caseID}/needs/{kind}/remove", authz.OnCase(authz.ManageCases), s.needRemovePost)
		s.add(r, "GET", "/cases/{caseID}/appointments/{apptID}/going", authz.OnCase(authz.EditCases), s.goingView)
		s.add(r, "POST", "/cases/{caseID}/appointments/{apptID}/going", authz.OnCase(authz.EditCases), s.goingPost)
		s.add(r, "GET", "/cases/{caseID}/appointments/{apptID}/going/remove", authz.OnCase(authz.EditCases), s.goingRemoveForm)
		s.add(r, "POST", "/cases/{caseID}/appointments/{apptID}/going/remove", authz.OnCase(authz.EditCases), s.goingRemovePost)
		s.add(r, "GET", "/me/tasks", authz.SignedIn, s.tasksView)

		// Checklists (issue 12). Coordinators give a case a stage's
		// checklist and pull a newer template version's items in; members
		// act on items nobody holds and on their own, coordinators on any
		// (authz.ActOnItem, AssignItem: 403). Each form has its own page.
		s.add(r, "GET", "/cases/{caseID}/checklists/new", authz.OnCase(authz.ManageCases), s.checklistNewForm)
		s.add(r, "POST", "/cases/{caseID}/checklists", authz.OnCase(authz.ManageCases), s.checklistCreatePost)
		s.add(r, "GET", "/cases/{caseID}/checklists/{stage}", authz.OnCase(authz.ViewCases), s.checklistView)
		s.add(r, "GET", "/cases/{caseID}/checklists/{stage}/update", authz.OnCase(authz.ManageCases), s.checklistUpdateForm)
		s.add(r, "POST", "/cases/{caseID}/checklists/{stage}/update", authz.OnCase(authz.ManageCases), s.checklistUpdatePost)
		s.add(r, "GET", "/cases/{caseID}/checklists/{stage}/items/new", authz.OnCase(authz.EditCases), s.ownItemForm)
		s.add(r, "POST", "/cases/{caseID}/checklists/{stage}/items", authz.OnCase(authz.EditCases), s.ownItemPost)
		s.add(r, "GET", "/cases/{caseID}/items/{itemID}", authz.OnCase(authz.ViewCases), s.itemView)
		s.add(r, "POST", "/cases/{caseID}/items/{itemID}/tick", authz.OnCase(authz.EditCases), s.itemTickPost)
		s.add(r, "GET", "/cases/{caseID}/items/{itemID}/assign", authz.OnCase(authz.EditCases), s.itemAssignForm)
		s.add(r, "POST", "/cases/{caseID}/items/{itemID}/assign", authz.OnCase(authz.EditCases), s.itemAssignPost)
		s.add(r, "GET", "/cases/{caseID}/items/{itemID}/na", authz.OnCase(authz.EditCases), s.itemNAForm)
		s.add(r, "POST", "/cases/{caseID}/items/{itemID}/na", authz.OnCase(authz.EditCases), s.itemNAPost)
		s.add(r, "GET", "/cases/{caseID}/items/{itemID}/note", authz.OnCase(authz.EditCases), s.itemNoteForm)
		s.add(r, "POST", "/cases/{caseID}/items/{itemID}/note", authz.OnCase(authz.EditCases), s.itemNotePost)

		// Private calendar feeds.
		s.add(r, "GET", "/calendar", authz.SignedIn, s.calendarView)
		s.add(r, "POST", "/calendar/feeds", authz.SignedIn, s.feedCreatePost)
		s.add(r, "GET", "/calendar/feeds/{feedID}/revoke", authz.SignedIn, s.feedRevokeForm)
		s.add(r, "POST", "/calendar/feeds/{feedID}/revoke", authz.SignedIn, s.feedRevokePost)
	})

	// The CSV import's upload: a file of up to intake.MaxRows rows needs
	// more than a form's 1 MiB; otherwise the same tier as the pages.
	r.Group(func(r chi.Router) {
		r.Use(noStore, s.limitBodyTo(maxUploadBytes), s.crossOrigin, s.loadAndSave, s.loadViewer, s.setupGate)
		s.add(r, "POST", "/orgs/{orgID}/intake", authz.OnOrg(authz.ImportIntake), s.intakeImportPost)
	})

	// The intake API: a network's bearer token is the only credential. No
	// session is loaded and a request carrying cookies is refused, so no
	// browser can be made to call it with someone's session; there is no
	// cross-origin check for the same reason (intake_api.go).
	r.Group(func(r chi.Router) {
		r.Use(noStore)
		s.add(r, "POST", "/api/v1/intake", authz.APIToken, s.intakeAPIPost)
	})

	// The public guide: no session and nothing private, so it may be
	// cached publicly (guide.go sets Cache-Control and an ETag).
	r.Group(func(r chi.Router) {
		s.add(r, "GET", "/guide", authz.Public, s.guideIndex)
		s.add(r, "GET", "/guide/{stage}", authz.Public, s.guideStage)
	})

	// The feed URL is its own credential: no session, no cross-origin check
	// (calendar apps fetch it), never a page that changes anything.
	r.Group(func(r chi.Router) {
		r.Use(noStore)
		s.add(r, "GET", "/calendar/{token}.ics", authz.Feed, s.feedICS)
	})
	return r
}

// add registers h under method and pattern behind the checks rule asks for.
// A GET route answers HEAD too, with the same checks and headers and no
// body (net/http drops it): calendar apps and monitors send HEAD, and a
// 405 there makes them give up on a working address.
func (s *Server) add(r chi.Router, method, pattern string, rule authz.Rule, h handlerFunc) {
	var hh http.Handler
	switch rule.Kind {
	case authz.KindPublic:
		hh = s.handle(h)
	case authz.KindSignedIn:
		hh = s.requireSignIn(s.requireSecondFactor(s.handle(h)))
	case authz.KindOrg:
		hh = s.requireSignIn(s.requireSecondFactor(s.handle(s.onOrg(rule.Action, h))))
	case authz.KindCase:
		hh = s.requireSignIn(s.requireSecondFactor(s.handle(s.onCase(rule.Action, h))))
	case authz.KindEnrol:
		hh = s.requireSignIn(s.handle(h))
	case authz.KindFeed, authz.KindAPIToken:
		hh = s.handle(h)
	default:
		panic("web: route " + method + " " + pattern + " has no access rule")
	}
	r.Method(method, pattern, hh)
	s.routes = append(s.routes, Route{Method: method, Pattern: pattern, Rule: rule})
	if method == http.MethodGet {
		r.Method(http.MethodHead, pattern, hh)
		s.routes = append(s.routes, Route{Method: http.MethodHead, Pattern: pattern, Rule: rule})
	}
}
