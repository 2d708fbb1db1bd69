package i18n

// securityMessages are the strings of passwords, links and first-run setup
// added by issue 8 (authority at the moment of use).
var securityMessages = map[string][2]string{
	// Passwords: what is wrong, and what would make it stronger.
	"err.password_weak": {"This password is too easy to guess. Make it longer: three or four words that have nothing to do with each other, or a short sentence only you would write.",
		"Esta contraseña es demasiado fácil de adivinar. Hágala más larga: tres o cuatro palabras que no tengan relación entre sí, o una frase corta que solo usted escribiría."},
	"err.password_weak_words": {"This password is too easy to guess: one or two common words are among the first things tried. Add two or three more words that have nothing to do with each other.",
		"Esta contraseña es demasiado fácil de adivinar: una o dos palabras comunes son de lo primero que se prueba. Agregue dos o tres palabras más que no tengan relación entre sí."},
	"err.password_weak_names": {"This password is too easy to guess: first names and surnames are among the first things tried. Add two or three words that have nothing to do with each other.",
		"Esta contraseña es demasiado fácil de adivinar: los nombres y apellidos son de lo primero que se prueba. Agregue dos o tres palabras que no tengan relación entre sí."},
	"err.password_weak_keyboard": {"This password is too easy to guess: rows of keys such as qwerty or asdf are among the first things tried. Use three or four words that have nothing to do with each other instead.",
		"Esta contraseña es demasiado fácil de adivinar: las filas de teclas como qwerty o asdf son de lo primero que se prueba. Use en su lugar tres o cuatro palabras que no tengan relación entre sí."},
	"err.password_weak_repeat": {"This password is too easy to guess: repeated letters or words such as aaaa or abcabc add almost nothing. Use three or four different words.",
		"Esta contraseña es demasiado fácil de adivinar: repetir letras o palabras, como aaaa o abcabc, casi no ayuda. Use tres o cuatro palabras distintas."},
	"err.password_weak_sequence": {"This password is too easy to guess: sequences such as abcd or 1234 are among the first things tried. Use three or four words that have nothing to do with each other instead.",
		"Esta contraseña es demasiado fácil de adivinar: las secuencias como abcd o 1234 son de lo primero que se prueba. Use en su lugar tres o cuatro palabras que no tengan relación entre sí."},
	"err.password_weak_dates": {"This password is too easy to guess: dates and years are among the first things tried. Leave them out, or add two or three words that have nothing to do with each other.",
		"Esta contraseña es demasiado fácil de adivinar: las fechas y los años son de lo primero que se prueba. Quítelos, o agregue dos o tres palabras que no tengan relación entre sí."},
	"field.password_again": {"Password again", "Repita la contraseña"},

	// Invitations: one form whether or not the address has an account.
	"invite.accept.how": {"Write your name and a password for %s. If you already have a Puente account with this email, use its password: you will join with that account, and its name stays as it is.",
		"Escriba su nombre y una contraseña para %s. Si ya tiene una cuenta de Puente con este correo, use su contraseña: se unirá con esa cuenta, y su nombre no cambiará."},
	"invite.accept.password_hint": {"A new password: at least 12 characters, for example three or four words that have nothing to do with each other.",
		"Una contraseña nueva: al menos 12 caracteres, por ejemplo tres o cuatro palabras que no tengan relación entre sí."},
	"invite.first_coordinator": {"This group has no coordinator yet. Invite its first coordinator. Once they accept, only the group's own coordinators add people to it, change their roles or issue their reset links.",
		"Este grupo aún no tiene una persona coordinadora. Invite a la primera. Cuando acepte, solo las personas coordinadoras del grupo podrán agregar personas, cambiar sus roles o emitir sus enlaces de restablecimiento."},

	// Links out, and changes to an organisation's people.
	"link.issued_by":       {"issued by %s", "emitido por %s"},
	"link.kind.reset":      {"password reset link", "enlace para restablecer la contraseña"},
	"link.kind.invitation": {"invitation link", "enlace de invitación"},
	"link.kind.feed":       {"calendar link", "enlace de calendario"},
	"reset.pending":        {"Password reset links not used yet", "Enlaces para restablecer la contraseña aún sin usar"},
	"reset.none":           {"No password reset links are out.", "No hay enlaces para restablecer la contraseña pendientes."},
	"reset.revoke":         {"Cancel link", "Cancelar enlace"},
	"reset.revoke_for":     {"Cancel link for %s", "Cancelar enlace de %s"},
	"reset.revoked":        {"Password reset link cancelled: it no longer works.", "Enlace cancelado: ya no funciona."},
	"changes.title":        {"Recent changes to people", "Cambios recientes en las personas"},
	"changes.intro":        {"Who joined, changed role or left in the last 30 days. Also the links issued, whoever issued them.", "Quién se unió, cambió de rol o salió en los últimos 30 días. También los enlaces emitidos, sin importar quién los emitió."},
	"changes.by":           {"by %s", "por %s"},
	"changes.about":        {"for %s", "para %s"},
	"changes.all":          {"The whole security log", "Todo el historial de seguridad"},
	"event.link_refused":   {"Link refused: its issuer no longer had the authority, or the person had gained a role", "Enlace rechazado: quien lo emitió ya no tenía autoridad, o la persona había obtenido otro rol"},
	"event.reset_revoked":  {"Password reset link cancelled", "Enlace de restablecimiento cancelado"},
	"event.detail.feeds":   {"calendar links stopped: %s", "enlaces de calendario detenidos: %s"},

	// The account page: what a password change stops.
	"account.feeds": {"Calendar links", "Enlaces de calendario"},
	"account.feeds.intro": {"Calendar apps read your hearings and deadlines from these private links. Changing your password, or a reset of it, stops all of them: someone else may have had your account. Make a new one afterwards.",
		"Las aplicaciones de calendario leen sus audiencias y plazos en estos enlaces privados. Si cambia su contraseña, o se restablece, todos dejan de funcionar: otra persona pudo haber tenido su cuenta. Después cree uno nuevo."},
	"account.feeds.manage":   {"Manage calendar links", "Administrar los enlaces de calendario"},
	"account.password.intro": {"Your other sessions are signed out, and your calendar links stop.", "Se cierran sus otras sesiones y sus enlaces de calendario dejan de funcionar."},
	"account.password_changed_feeds": {"Password changed. Your other sessions were signed out and your calendar links stopped: make a new one on the Calendar page.",
		"Contraseña cambiada. Se cerraron sus otras sesiones y sus enlaces de calendario dejaron de funcionar: cree uno nuevo en la página Calendario."},

	// First-run setup and the host check.
	"setup.locked.title": {"Not set up yet", "Aún sin configurar"},
	"setup.locked": {"Puente is not set up yet. Open the one-time setup link that was printed on the server's console when it started.",
		"Puente aún no está configurado. Abra el enlace de configuración de un solo uso que se mostró en la consola del servidor al iniciarse."},
	"error.misdirected.title": {"Wrong server name", "Nombre de servidor equivocado"},
	"error.misdirected":       {"This server does not answer to this name. Check the link you followed.", "Este servidor no responde a este nombre. Revise el enlace que abrió."},
}

func init() {
	for k, v := range securityMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
