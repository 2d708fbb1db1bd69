package i18n

// messages holds every user-visible string: key → {English, Spanish}.
// Keeping both side by side makes a missing translation visible in review;
// a test also checks that every key used by templates and handlers exists
// and that no Spanish text is left empty.
var messages = map[string][2]string{
	// Layout
	"nav.skip":          {"Skip to main content", "Saltar al contenido principal"},
	"nav.label":         {"Main", "Principal"},
	"nav.home":          {"Home", "Inicio"},
	"nav.people":        {"People", "Personas"},
	"nav.account":       {"My account", "Mi cuenta"},
	"nav.signout":       {"Sign out", "Cerrar sesión"},
	"lang.label":        {"Language:", "Idioma:"},
	"org.current":       {"Working in:", "Trabajando en:"},
	"org.switch":        {"Switch to", "Cambiar a"},
	"org.switch.button": {"Switch", "Cambiar"},
	"org.actions":       {"Organisation actions", "Acciones de la organización"},
	"footer.text":       {"Puente keeps sponsorship cases private. Computed dates are not legal advice: confirm them with the lawyer.", "Puente mantiene privados los casos de patrocinio. Las fechas calculadas no son asesoría legal: confírmelas con el abogado o la abogada."},
	"form.cancel":       {"Cancel", "Cancelar"},

	// Kinds and roles
	"kind.network":           {"Placement network", "Red de acogida"},
	"kind.group":             {"Sponsor group", "Grupo patrocinador"},
	"role.admin":             {"Admin", "Administrador(a)"},
	"role.coordinator":       {"Coordinator", "Coordinador(a)"},
	"role.member":            {"Member", "Miembro"},
	"role.admin.about":       {"manages people, groups and settings of the network", "administra las personas, los grupos y la configuración de la red"},
	"role.coordinator.about": {"runs the day-to-day work; in a group, also manages its people", "lleva el trabajo diario; en un grupo, también administra a los miembros del grupo"},
	"role.member.about":      {"takes part in the group's work", "participa en el trabajo del grupo"},

	// Fields
	"field.email":            {"Email", "Correo electrónico"},
	"field.password":         {"Password", "Contraseña"},
	"field.new_password":     {"New password", "Contraseña nueva"},
	"field.password.hint":    {"At least 12 characters. A short sentence is easy to remember.", "Al menos 12 caracteres. Una frase corta es fácil de recordar."},
	"field.password_confirm": {"New password again", "Repita la contraseña nueva"},
	"field.current_password": {"Current password", "Contraseña actual"},
	"field.name":             {"Your name", "Su nombre"},
	"field.org_name":         {"Name of the organisation", "Nombre de la organización"},
	"field.org_kind":         {"What kind of organisation is it?", "¿Qué tipo de organización es?"},
	"field.group_name":       {"Name of the sponsor group", "Nombre del grupo patrocinador"},
	"field.role":             {"Role", "Rol"},

	// Field errors
	"err.required":          {"This field is required.", "Este campo es obligatorio."},
	"err.max":               {"This is too long.", "Es demasiado largo."},
	"err.max_n":             {"Use at most %s characters.", "Use como máximo %s caracteres."},
	"err.min_n":             {"Use at least %s characters.", "Use al menos %s caracteres."},
	"err.email":             {"Enter an email like name@example.org.", "Escriba un correo como nombre@ejemplo.org."},
	"err.choice":            {"Choose one of the options.", "Elija una de las opciones."},
	"err.chars":             {"This contains characters that cannot be used.", "Contiene caracteres que no se pueden usar."},
	"err.mismatch":          {"The two passwords do not match.", "Las dos contraseñas no coinciden."},
	"err.invalid":           {"This value is not valid.", "Este valor no es válido."},
	"err.password_short":    {"Use at least 12 characters.", "Use al menos 12 caracteres."},
	"err.password_common":   {"This password is too common. Choose another: three or four words that have nothing to do with each other are strong and easy to remember.", "Esta contraseña es demasiado común. Elija otra: tres o cuatro palabras que no tengan relación entre sí son seguras y fáciles de recordar."},
	"err.password_personal": {"Do not use your name, email or organisation in the password: they are the first things someone who knows you would try.", "No use su nombre, su correo ni su organización en la contraseña: es lo primero que probaría alguien que sepa quién es usted."},

	// Error pages
	"error.not_found.title":    {"Page not found", "Página no encontrada"},
	"error.not_found":          {"There is nothing here, or you do not have access to it.", "No hay nada aquí, o no tiene acceso."},
	"error.forbidden.title":    {"Not allowed", "No permitido"},
	"error.forbidden":          {"Your role does not allow this.", "Su rol no permite esto."},
	"error.cross_origin.title": {"The action could not be completed", "No se pudo completar la acción"},
	"error.cross_origin":       {"For your safety, Puente blocked this action because it came from another page.", "Por seguridad, Puente bloqueó esta acción porque vino de otra página."},
	"error.unauthorized.title": {"Please sign in", "Inicie sesión"},
	"error.unauthorized":       {"Your session has ended. Sign in again.", "Su sesión terminó. Inicie sesión de nuevo."},
	"error.throttled.title":    {"Too many attempts", "Demasiados intentos"},
	"error.throttled":          {"Too many attempts. Wait a few minutes and try again.", "Demasiados intentos. Espere unos minutos y vuelva a intentarlo."},
	"error.too_large.title":    {"Too much data", "Demasiados datos"},
	"error.too_large":          {"What was sent is too large.", "Lo enviado es demasiado grande."},
	"error.method.title":       {"Not allowed", "No permitido"},
	"error.method":             {"This page does not accept that action.", "Esta página no acepta esa acción."},
	"error.bad_request.title":  {"What was sent could not be read", "No se pudo leer lo que se envió"},
	"error.bad_request":        {"Puente could not read what was sent. Go back and try again.", "Puente no pudo leer lo que se envió. Vuelva atrás e inténtelo de nuevo."},
	"error.internal.title":     {"Something went wrong", "Algo salió mal"},
	"error.internal":           {"Something went wrong on our side. Your last action may not have been saved: check it, then try again.", "Algo falló de nuestro lado. Puede que lo último que hizo no se haya guardado: revíselo y vuelva a intentarlo."},
	"error.reference":          {"Reference for support: %s", "Código para pedir ayuda: %s"},
	"error.home":               {"Go to the start page", "Ir a la página de inicio"},
	"error.unsound.title":      {"Puente is not available right now", "Puente no está disponible por ahora"},
	"error.unsound": {"The database failed its integrity check. Puente saves and shows nothing until it is restored from a backup. Tell the person who runs this server.",
		"La base de datos no pasó su control de integridad. Puente no guarda ni muestra nada hasta que se recupere de una copia de seguridad. Avise a la persona que administra este servidor."},

	// Setup
	"setup.title":        {"Set up Puente", "Configurar Puente"},
	"setup.intro":        {"No one has an account yet. Create yours and your organisation; you can invite others next.", "Aún nadie tiene cuenta. Cree la suya y la de su organización; después podrá invitar a otras personas."},
	"setup.org":          {"Your organisation", "Su organización"},
	"setup.you":          {"You", "Usted"},
	"setup.kind.group":   {"volunteers who host and support a person or family", "personas voluntarias que acogen y apoyan a una persona o a una familia"},
	"setup.kind.network": {"an organisation that vets sponsor groups and gives them cases", "una organización que evalúa a los grupos patrocinadores y les asigna casos"},
	"setup.submit":       {"Create account and organisation", "Crear cuenta y organización"},
	"setup.done":         {"Your account and organisation are ready.", "Su cuenta y su organización están listas."},

	// Sign-in
	"login.title":  {"Sign in", "Iniciar sesión"},
	"login.submit": {"Sign in", "Entrar"},
	"login.failed": {"The email or password is not right.", "El correo o la contraseña no son correctos."},
	"login.forgot": {"Forgot your password? Ask a coordinator of your organisation for a reset link.", "¿Olvidó su contraseña? Pida a una persona coordinadora de su organización un enlace para restablecerla."},

	// Home
	"home.title":         {"Home", "Inicio"},
	"home.no_org":        {"You do not belong to any organisation any more. Ask a coordinator for an invitation.", "Ya no pertenece a ninguna organización. Pida una invitación a una persona coordinadora."},
	"home.manage_people": {"See everyone and manage roles", "Ver a todas las personas y administrar sus roles"},

	// People
	"members.title":        {"People", "Personas"},
	"members.role_for":     {"Role of %s", "Rol de %s"},
	"members.change_role":  {"Change role", "Cambiar rol"},
	"members.reset":        {"Password reset link", "Enlace para restablecer contraseña"},
	"members.reset_for":    {"Password reset link for %s", "Enlace para restablecer contraseña de %s"},
	"members.remove":       {"Take out", "Quitar"},
	"members.remove_for":   {"Take out of the organisation: %s", "Quitar a %s de la organización"},
	"members.last_manager": {"An organisation must keep at least one admin (network) or coordinator (group).", "Una organización necesita al menos una persona administradora (red) o coordinadora (grupo)."},
	"members.role_changed": {"Role changed.", "Rol cambiado."},
	"members.removed":      {"Taken out of the organisation.", "Se quitó a la persona de la organización."},

	// Groups
	"groups.title":     {"Sponsor groups", "Grupos patrocinadores"},
	"groups.none":      {"No sponsor groups yet.", "Aún no hay grupos patrocinadores."},
	"groups.members":   {"People: %d", "Personas: %d"},
	"groups.new":       {"New sponsor group", "Nuevo grupo patrocinador"},
	"group.new.title":  {"New sponsor group", "Nuevo grupo patrocinador"},
	"group.new.intro":  {"The group will belong to %s. Invite its coordinator next.", "El grupo pertenecerá a %s. Después invite a la persona que lo coordinará."},
	"group.new.submit": {"Create group", "Crear grupo"},
	"group.created":    {"Group created. Invite its first coordinator.", "Grupo creado. Ahora invite a la persona que lo coordinará."},

	// Invitations
	"invite.new.title":             {"Invite someone", "Invitar a alguien"},
	"invite.new.intro":             {"The person you invite gets a link to join %s. It works once, for 7 days.", "La persona invitada recibirá un enlace para unirse a %s. Sirve una sola vez, durante 7 días."},
	"invite.new.submit":            {"Create invitation link", "Crear enlace de invitación"},
	"invite.issued.title":          {"Invitation link", "Enlace de invitación"},
	"invite.issued.body":           {"Send this link to %s, who will join as %s of %s. It works once, for 7 days.", "Envíe este enlace a %s, que se unirá como %s de %s. Sirve una sola vez, durante 7 días."},
	"invite.pending":               {"Pending invitations", "Invitaciones pendientes"},
	"invite.none":                  {"No pending invitations.", "No hay invitaciones pendientes."},
	"invite.expires":               {"valid until %s", "válida hasta el %s"},
	"invite.revoke":                {"Cancel invitation", "Cancelar invitación"},
	"invite.revoke_for":            {"Cancel invitation for %s", "Cancelar invitación de %s"},
	"invite.revoked":               {"Invitation cancelled.", "Invitación cancelada."},
	"invite.accept.title":          {"Join Puente", "Unirse a Puente"},
	"invite.accept.intro":          {"You are invited to %s as %s.", "Le invitaron a unirse a %s como %s."},
	"invite.accept.wrong_password": {"That password is not right.", "Esa contraseña no es correcta."},
	"invite.accept.submit":         {"Accept invitation", "Aceptar invitación"},
	"invite.accepted":              {"Welcome. You have joined the organisation.", "Le damos la bienvenida. Ya forma parte de la organización."},

	// Links shown once
	"link.label": {"Link", "Enlace"},
	"link.once":  {"Copy it now: it is shown only this once. Send it by a private channel.", "Cópielo ahora: solo se muestra esta vez. Envíelo por un canal privado."},
	"link.back":  {"Back to %s", "Volver a %s"},

	// Password reset
	"reset.issued.title": {"Password reset link", "Enlace para restablecer la contraseña"},
	"reset.issued.body":  {"Give this link to %s. It works once, for 24 hours, and ends their current sessions when used.", "Entregue este enlace a %s. Sirve una sola vez, durante 24 horas. Al usarlo, se cierran las sesiones abiertas de esa persona."},
	"reset.title":        {"Choose a new password", "Elija una contraseña nueva"},
	"reset.intro":        {"Set a new password for %s.", "Establezca una contraseña nueva para %s."},
	"reset.submit":       {"Save new password", "Guardar contraseña nueva"},
	"reset.done":         {"Your password was changed. Sign in with it.", "Su contraseña se cambió. Inicie sesión con ella."},

	// Account
	"account.title":            {"My account", "Mi cuenta"},
	"account.orgs":             {"Organisations", "Organizaciones"},
	"account.password":         {"Change password", "Cambiar contraseña"},
	"account.password.submit":  {"Change password", "Cambiar contraseña"},
	"account.wrong_password":   {"That is not your current password.", "Esa no es su contraseña actual."},
	"account.password_changed": {"Password changed. Your other sessions were signed out.", "Contraseña cambiada. Se cerraron sus otras sesiones."},

	// Security log
	"security.title":   {"Security log", "Historial de seguridad"},
	"security.intro":   {"Sign-ins, invitations, role changes and resets in %s, newest first.", "Inicios de sesión, invitaciones, cambios de rol y restablecimientos en %s, los más recientes primero."},
	"security.caption": {"Security events", "Eventos de seguridad"},
	"security.when":    {"When", "Cuándo"},
	"security.what":    {"What", "Qué"},
	"security.who":     {"By", "Por"},
	"security.subject": {"Concerning", "Sobre"},
	"security.address": {"IP address", "Dirección IP"},
	"security.none":    {"Nothing recorded yet.", "Aún no hay nada en el historial."},
	"security.older":   {"Older entries", "Entradas anteriores"},

	"event.signin":              {"Signed in", "Inicio de sesión"},
	"event.signin_failed":       {"Failed sign-in", "Inicio de sesión fallido"},
	"event.lockout":             {"Sign-in locked for a while", "Inicio de sesión bloqueado por un tiempo"},
	"event.signout":             {"Signed out", "Cierre de sesión"},
	"event.invitation_issued":   {"Invitation issued", "Invitación creada"},
	"event.invitation_accepted": {"Invitation accepted", "Invitación aceptada"},
	"event.invitation_revoked":  {"Invitation cancelled", "Invitación cancelada"},
	"event.role_changed":        {"Role changed", "Rol cambiado"},
	"event.member_removed":      {"Taken out of the organisation", "Se quitó a una persona de la organización"},
	"event.reset_issued":        {"Password reset link issued", "Enlace para restablecer la contraseña creado"},
	"event.reset_used":          {"Password reset", "Contraseña restablecida"},
	"event.password_changed":    {"Password changed", "Contraseña cambiada"},
	"event.group_created":       {"Sponsor group created", "Grupo patrocinador creado"},
	"event.setup":               {"Puente set up", "Puente configurado"},
}
