package i18n

// emailMessages are the strings of email (issue 14): the messages Puente
// sends, the digest choice on the account page, the pages that say a link
// was sent, and the email status on the admin's page. A message never
// names a person: counts, case codes and links only.
var emailMessages = map[string][2]string{
	// Pages that issued a link, when the server sends email.
	"invite.sent.body": {"We sent an invitation to %s, who will join as %s of %s. Its link works once, for 7 days.",
		"Enviamos una invitación a %s, que se unirá como %s de %s. Su enlace sirve una sola vez, durante 7 días."},
	"reset.sent.body": {"We sent a link to choose a new password to %s by email. It works once, for 24 hours, and ends their current sessions when used.",
		"Enviamos por correo electrónico a %s un enlace para elegir una contraseña nueva. Sirve una sola vez, durante 24 horas. Al usarlo, se cierran sus sesiones abiertas."},
	"link.sent.fallback": {"If the email does not arrive, copy the link", "Si el correo no llega, copie el enlace"},
	"link.sent.once": {"It is shown only here. Send it by a private channel.",
		"Solo se muestra aquí. Envíelo por un canal privado."},

	// The data-subject export (commitments joined it with email).
	"export.correct.commitments": {"Correct or cancel commitments and what was given", "Corregir o cancelar compromisos y lo que se dio"},

	// The account page.
	"account.digest": {"Email digest", "Resumen por correo electrónico"},
	"account.digest.intro": {"A message at 7:00 in the morning, your group's time: how many deadlines are overdue or due soon. It also counts appointments with nobody going. It gives case codes and links, never a name.",
		"Un mensaje a las 7:00 de la mañana, hora de su grupo: cuántos plazos están vencidos o por vencer. También cuenta las citas sin acompañante. Da códigos de caso y enlaces, nunca un nombre."},
	"account.digest.none":   {"No digest", "Sin resumen"},
	"account.digest.daily":  {"Every day", "Todos los días"},
	"account.digest.weekly": {"Every Monday", "Cada lunes"},
	"account.digest.submit": {"Save the digest choice", "Guardar la elección de resumen"},
	"account.digest.saved":  {"Your digest choice is saved.", "Se guardó su elección de resumen."},
	"account.digest.off": {"This server does not send email. Whoever runs it can set it up.",
		"Este servidor no envía correos electrónicos. Quien lo administra puede configurarlo."},
	"account.digest.no_group": {"A digest covers the cases of a sponsor group, and you are not in one.",
		"El resumen trata de los casos de un grupo patrocinador, y usted no pertenece a ninguno."},
	"field.digest": {"How often", "Con qué frecuencia"},

	// The admin's page.
	"mail.title": {"Email", "Correo electrónico"},
	"mail.off": {"This server sends no email: invitation and reset links are shown on screen. Whoever runs it can set it up (-smtp-url).",
		"Este servidor no envía correos electrónicos: los enlaces de invitación y de contraseña se muestran en pantalla. Quien lo administra puede configurarlo (-smtp-url)."},
	"mail.waiting": {"Messages waiting to be sent: %d (after a failed attempt: %d).",
		"Mensajes en espera de envío: %d (tras un intento fallido: %d)."},
	"mail.last_sent":  {"Last message sent: %s.", "Último mensaje enviado: %s."},
	"mail.never_sent": {"No message has been sent yet.", "Todavía no se ha enviado ningún mensaje."},
	"mail.failed": {"Messages given up in the last 7 days: %d.",
		"Mensajes abandonados en los últimos 7 días: %d."},
	"mail.last_error": {"The last failed attempt, on %s: %s. The server's log says more.",
		"El último intento fallido, el %s: %s. Los mensajes del servidor dan más detalles."},

	// The messages.
	"email.invite.subject": {"Your invitation to Puente", "Su invitación a Puente"},
	"email.invite.body": {"You are invited to join a group on Puente, the case tracker of a sponsor group or network.\n\nTo accept, open this link within 7 days. It works once:\n%s\n\nIf you did not expect this message, ignore it. Nothing happens without the link.",
		"Le invitan a unirse a un grupo en Puente, el sistema de casos de un grupo patrocinador o una red.\n\nPara aceptar, abra este enlace en los próximos 7 días. Sirve una sola vez:\n%s\n\nSi no esperaba este mensaje, ignórelo. Sin el enlace no pasa nada."},
	"email.reset.subject": {"Choose a new password for Puente", "Elija una contraseña nueva para Puente"},
	"email.reset.body": {"Someone who manages your organisation on Puente made a link to choose a new password for your account.\n\nOpen it within 24 hours. It works once:\n%s\n\nA new password signs you out everywhere and stops your calendar links. If you did not ask for this, tell your coordinator.",
		"Una persona que administra su organización en Puente creó un enlace para elegir una contraseña nueva para su cuenta.\n\nÁbralo en las próximas 24 horas. Sirve una sola vez:\n%s\n\nUna contraseña nueva cierra todas sus sesiones y detiene sus enlaces de calendario. Si no lo pidió, avise a su coordinador."},
	"email.digest.subject.daily":      {"Puente: %d cases need attention", "Puente: %d casos necesitan atención"},
	"email.digest.subject.daily_one":  {"Puente: 1 case needs attention", "Puente: 1 caso necesita atención"},
	"email.digest.subject.weekly":     {"Puente this week: %d cases need attention", "Puente esta semana: %d casos necesitan atención"},
	"email.digest.subject.weekly_one": {"Puente this week: 1 case needs attention", "Puente esta semana: 1 caso necesita atención"},
	"email.digest.intro.daily":        {"Your daily digest for %s.", "Su resumen diario del %s."},
	"email.digest.intro.weekly":       {"Your weekly digest for the week of %s.", "Su resumen semanal de la semana del %s."},
	"email.digest.overdue":            {"%d deadlines overdue", "%d plazos vencidos"},
	"email.digest.overdue_one":        {"1 deadline overdue", "1 plazo vencido"},
	"email.digest.due":                {"%d due in the next 14 days", "%d vencen en los próximos 14 días"},
	"email.digest.due_one":            {"1 due in the next 14 days", "1 vence en los próximos 14 días"},
	"email.digest.uncovered":          {"%d appointments with nobody going", "%d citas sin acompañante"},
	"email.digest.uncovered_one":      {"1 appointment with nobody going", "1 cita sin acompañante"},
	"email.digest.needs":              {"%d kinds of help with nobody responsible", "%d tipos de ayuda sin nadie que se encargue"},
	"email.digest.needs_one":          {"1 kind of help with nobody responsible", "1 tipo de ayuda sin nadie que se encargue"},
	"email.digest.more": {"And %d more cases: open Puente to see them.",
		"Y %d casos más: abra Puente para verlos."},
	"email.digest.more_one": {"And 1 more case: open Puente to see it.",
		"Y 1 caso más: abra Puente para verlo."},
	"email.digest.open": {"Open Puente: %s", "Abrir Puente: %s"},
	"email.digest.why.daily": {"You get this because you chose a daily digest. Change or stop it on your account page: %s",
		"Recibe esto porque eligió un resumen diario. Puede cambiarlo o detenerlo en la página de su cuenta: %s"},
	"email.digest.why.weekly": {"You get this because you chose a weekly digest. Change or stop it on your account page: %s",
		"Recibe esto porque eligió un resumen semanal. Puede cambiarlo o detenerlo en la página de su cuenta: %s"},
	"email.privacy": {"Puente never puts a name or personal details in an email.",
		"Puente nunca pone un nombre ni datos personales en un correo electrónico."},
}

func init() {
	for k, v := range emailMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
