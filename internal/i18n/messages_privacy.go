package i18n

// privacyMessages are the strings of retention, purging a closed case and
// a person's data-subject export (issue 14, "Retention and deletion").
// "Remove" names removal from the United States (GLOSSARY.md): what goes
// is "deleted" ("borrar"), a person is "taken off the case".
var privacyMessages = map[string][2]string{
	// The organisation's settings.
	"field.retention_days": {"Days to keep a closed case", "Días que se conserva un caso cerrado"},
	"field.retention_days.hint": {"After a case is closed, its personal details are deleted after this many days. From 1 to 3650. Dates, stages and counts stay.",
		"Cuando se cierra un caso, sus datos personales se borran después de estos días. De 1 a 3650. Las fechas, las etapas y las cantidades se conservan."},
	"err.retention_days": {"Enter a whole number of days from %d to %d.", "Escriba un número entero de días, de %d a %d."},

	// The confirmation page before a purge.
	"purge.title": {"Delete the personal details of case %s?", "¿Borrar los datos personales del caso %s?"},
	"purge.intro": {"The case is closed. Its personal details would be deleted on %s anyway. Deleting them now cannot be undone.",
		"El caso está cerrado. Sus datos personales se borrarían de todos modos el %s. Borrarlos ahora no se puede deshacer."},
	"purge.kept": {"Kept, so that reports still add up: the case code %s, its stages, and the kinds, dates and number of its records. The deletion is written in the audit log, without the deleted details.",
		"Se conserva, para que los informes sigan cuadrando: el código del caso %s, sus etapas, y los tipos, fechas y cantidad de sus datos. El borrado queda anotado en el historial de auditoría, sin los datos borrados."},
	"confirm.close.retention": {"After %d days, its personal details are deleted: names, notes and sensitive details.",
		"Después de %d días se borran sus datos personales: nombres, notas y datos sensibles."},
	"purge.goes.people":    {"Names, preferred names, relationships, languages and countries of birth (people: %d)", "Nombres, nombres preferidos, parentescos, idiomas y países de nacimiento (personas: %d)"},
	"purge.goes.sensitive": {"A-Numbers, dates of birth and detention facilities", "Números A, fechas de nacimiento y centros de detención"},
	"purge.goes.case": {"The immigration court and judge, and the lawyer's name, phone and email",
		"El tribunal, el juez o la jueza; el nombre, el teléfono y el correo del abogado o la abogada"},
	"purge.goes.notes": {"Notes on recorded dates (%d) and deadlines; places, notes and who went, for hearings and appointments (%d)",
		"Notas de las fechas anotadas (%d) y de los plazos; lugares, notas y acompañantes de las audiencias y citas (%d)"},
	"purge.button":             {"Delete personal details", "Borrar los datos personales"},
	"purge.done":               {"Personal details deleted. Only dates, stages and counts remain.", "Datos personales borrados. Solo quedan fechas, etapas y cantidades."},
	"purge.refused_open":       {"This case is open. Close it before deleting its personal details.", "Este caso está abierto. Ciérrelo antes de borrar sus datos personales."},
	"purge.refused_open.title": {"The case is open", "El caso está abierto"},
	"purge.refused_done":       {"The personal details of this case were already deleted.", "Los datos personales de este caso ya se borraron."},
	"purge.refused_done.title": {"Already deleted", "Ya se borraron"},
	"purge.scheduled":          {"Its personal details will be deleted on %s, %d days after it was closed.", "Sus datos personales se borrarán el %s, %d días después del cierre."},
	"purge.link":               {"Delete the case's personal details now", "Borrar ahora los datos personales del caso"},
	"purge.kind.now":           {"at once, by a coordinator", "de inmediato, por una persona coordinadora"},
	"purge.kind.retention":     {"when the days to keep it ended", "al terminar los días de conservación"},
	"purge.counts":             {"Recorded dates: %d · Hearings and appointments: %d", "Fechas anotadas: %d · Audiencias y citas: %d"},
	"history.purged":           {"deleted the personal details", "borró los datos personales"},

	// A purged case.
	"case.purged.heading": {"Case without personal details", "Caso sin datos personales"},
	"case.purged_on":      {"Personal details deleted on %s.", "Datos personales borrados el %s."},
	"case.purged.intro":   {"Names, notes and every sensitive detail were deleted. Only dates, stages and counts remain.", "Se borraron los nombres, las notas y todos los datos sensibles. Solo quedan fechas, etapas y cantidades."},
	"case.purged.closed":  {"Closed", "Cerrado"},
	"case.purged.counts":  {"What remains", "Lo que queda"},
	"case.purged.back":    {"Closed cases", "Casos cerrados"},
	"case.purged.label":   {"(personal details deleted)", "(datos personales borrados)"},

	// A person's data-subject export.
	"export.title": {"Everything Puente holds about this person", "Todo lo que Puente guarda sobre esta persona"},
	"export.intro": {"This shows everything Puente holds about this person: their details, their case, dates, deadlines, hearings, appointments and changes.",
		"Aquí se muestra todo lo que Puente guarda sobre esta persona: sus datos, su caso, fechas, plazos, audiencias, citas y cambios."},
	"export.sensitive": {"It shows every sensitive detail in full, the A-Number included.", "Muestra completos todos los datos sensibles, incluido el Número A."},
	"export.logged": {"Showing or downloading it is written in the audit log: who, when and about whom.",
		"Quedará anotado en el historial de auditoría quién lo vio o lo descargó, cuándo y sobre quién."},
	"export.show":                 {"Show on screen", "Ver en pantalla"},
	"export.download":             {"Download as a file (JSON)", "Descargar como archivo (JSON)"},
	"export.produced":             {"made %s", "hecho el %s"},
	"export.logged_done":          {"This was written in the audit log. Do not copy it into notes, messages or email.", "Quedó anotado que usted vio estos datos. No los copie en notas, mensajes ni correos."},
	"export.correct":              {"Correct or delete", "Corregir o borrar"},
	"export.correct.person":       {"Correct this person's details", "Corregir los datos de esta persona"},
	"export.correct.case":         {"Correct the case's details", "Corregir los datos del caso"},
	"export.correct.facts":        {"Correct or delete recorded dates", "Corregir o borrar fechas anotadas"},
	"export.correct.deadlines":    {"Change what was noted about deadlines", "Cambiar lo anotado sobre los plazos"},
	"export.correct.appointments": {"Correct or delete hearings and appointments", "Corregir o borrar audiencias y citas"},
	"export.delete.person":        {"Take this person off the case and delete their details", "Quitar a esta persona del caso y borrar sus datos"},
	"export.delete.principal": {"To delete this person's details, close the case, then delete its personal details.",
		"Para borrar los datos de esta persona, cierre el caso y luego borre sus datos personales."},
	"export.closed":       {"The case is closed: its details can no longer be corrected.", "El caso está cerrado: ya no se pueden corregir sus datos."},
	"export.person":       {"The person", "La persona"},
	"export.case":         {"The case", "El caso"},
	"export.case.code":    {"Case code", "Código del caso"},
	"export.case.opened":  {"Opened", "Abierto"},
	"export.household":    {"whole household", "todo el hogar"},
	"export.met_on":       {"Met on %s.", "Cumplido el %s."},
	"export.attended":     {"Attended.", "Asistió."},
	"export.history":      {"Changes about this person", "Cambios sobre esta persona"},
	"export.none":         {"None.", "Ninguno."},
	"export.audit":        {"Who saw the sensitive details", "Quién vio los datos sensibles"},
	"export.audit.reveal": {"shown", "se mostró"},
	"export.audit.export": {"everything shown", "se mostró todo"},
	"export.form.page":    {"on screen", "en pantalla"},
	"export.form.json":    {"as a file", "como archivo"},
	"export.link":         {"Everything about them", "Todo sobre esta persona"},
	"export.link_for":     {"Everything about them: %s", "Todo sobre esta persona: %s"},
}

func init() {
	for k, v := range privacyMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
