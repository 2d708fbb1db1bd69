package i18n

// deadlineMessages are the words of deadline and appointment states, the
// badges that say how many days, missing facts, and the fact kinds that
// meet a deadline. The engine (internal/deadline) picks the key: see
// deadline.Status.Phrase and deadline.PhraseKeys. Spanish follows
// GLOSSARY.md: usted singular, official USCIS and EOIR terms, sentences of
// 20 words or fewer.
var deadlineMessages = map[string][2]string{
	// States, for tags (deadline.State). Labels that go with an appointment
	// agree with "audiencia" and "cita" (feminine).
	"state.upcoming":       {"Later", "Más adelante"},
	"state.due_soon":       {"Due soon (14 days or less)", "Vence pronto (14 días o menos)"},
	"state.overdue":        {"Overdue", "Vencido"},
	"state.done":           {"Done", "Hecho"},
	"state.done_late":      {"Done late", "Hecho tarde"},
	"state.not_applicable": {"Not applicable", "No corresponde"},
	"state.undated":        {"Waiting for a date", "Esperando una fecha"},
	"state.opens_on":       {"Opens later", "Se abre más adelante"},
	"state.open_now":       {"Open now: you may file", "Ya se puede presentar"},
	"state.info":           {"For your information", "Para su información"},
	"state.appt_upcoming":  {"Upcoming", "Próxima"},
	"state.appt_soon":      {"Soon (14 days or less)", "Es pronto (14 días o menos)"},
	"state.appt_passed":    {"Passed: did they attend?", "Ya pasó: ¿asistió?"},
	"state.appt_attended":  {"Attended", "Asistió"},

	// How many days, for badges (deadline.Phrase). %d is a number of days,
	// %s a date in full.
	"when.due_in":         {"due in %d days", "vence en %d días"},
	"when.due_tomorrow":   {"due tomorrow", "vence mañana"},
	"when.due_today":      {"due today", "vence hoy"},
	"when.due_on":         {"due on %s", "vence el %s"},
	"when.overdue":        {"%d days overdue", "venció hace %d días"},
	"when.overdue_one":    {"1 day overdue", "venció ayer"},
	"when.done_on":        {"done on %s", "hecho el %s"},
	"when.done_late":      {"done late, on %s", "hecho tarde, el %s"},
	"when.used_early":     {"filed on %s, before the window opened", "presentado el %s, antes de que se abriera el plazo"},
	"when.opens_in":       {"opens in %d days", "se abre en %d días"},
	"when.opens_tomorrow": {"opens tomorrow", "se abre mañana"},
	"when.opens_today":    {"opens today", "se abre hoy"},
	"when.opens_on":       {"opens on %s", "se abre el %s"},
	"when.open_since":     {"open since %s", "abierto desde el %s"},
	"when.appt_in":        {"in %d days", "en %d días"},
	"when.appt_tomorrow":  {"tomorrow", "mañana"},
	"when.appt_today":     {"today", "hoy"},
	"when.appt_on":        {"on %s", "el %s"},
	"when.ends_in":        {"ends in %d days", "termina en %d días"},
	"when.ends_tomorrow":  {"ends tomorrow", "termina mañana"},
	"when.ends_today":     {"ends today", "termina hoy"},
	"when.ends_on":        {"ends on %s", "termina el %s"},
	"when.ended_on":       {"ended on %s", "terminó el %s"},
	"when.info_in":        {"in %d days (for your information)", "en %d días (para su información)"},
	"when.info_tomorrow":  {"tomorrow (for your information)", "mañana (para su información)"},
	"when.info_today":     {"today (for your information)", "hoy (para su información)"},
	"when.info_on":        {"on %s (for your information)", "el %s (para su información)"},
	"when.info_since":     {"since %s (for your information)", "desde el %s (para su información)"},

	// The deadlines section of the case page.
	"deadline.why":                   {"How it was counted", "Cómo se calculó"},
	"deadline.source":                {"Source:", "Fuente:"},
	"deadline.confirm":               {"Every computed date must be confirmed with the lawyer.", "Confirme cada fecha calculada con el abogado o la abogada."},
	"deadline.no_date.clock_paused":  {"The asylum clock is stopped: no date until the pause ends.", "El reloj de asilo está parado: no hay fecha hasta que termine la pausa."},
	"deadline.no_date.invalid_pause": {"A recorded pause is wrong: correct its dates.", "Una pausa anotada está mal: corrija sus fechas."},
	"deadline.no_date.":              {"No date.", "Sin fecha."},
	"deadline.met_by":                {"Met by the recorded date: %s.", "Cumplido con la fecha anotada: %s."},
	"deadline.late":                  {"It was done after the due date. Tell the lawyer.", "Se hizo después de la fecha límite. Avise al abogado o la abogada."},
	"deadline.used_early":            {"The application was filed before the window opened, and USCIS may reject it. Ask the lawyer.", "La solicitud se presentó antes de que se abriera el plazo, y USCIS puede rechazarla. Pregunte al abogado o la abogada."},
	"deadline.registration_ask":      {"A registration at age 14 is coming up for someone in the household. Only the group's coordinators see its date. Ask them: %s.", "Se acerca el registro de los 14 años de alguien del hogar. Solo las personas coordinadoras del grupo ven la fecha. Pregúnteles: %s."},
	"home.registration_ask":          {"%s: a registration at age 14 is coming up for someone in the household. Only the group's coordinators see its date. Ask them: %s.", "%s: se acerca el registro de los 14 años de alguien del hogar. Solo las personas coordinadoras del grupo ven la fecha. Pregúnteles: %s."},

	// Missing facts (deadline.Gap), by the trigger that is missing; %s is
	// the person's initials.
	"gap.last_us_arrival":     {"For %s, the date of last arrival in the United States is missing. Without it, the one-year deadline for the asylum application cannot be computed.", "Para %s falta la fecha de la última llegada a Estados Unidos. Sin ella no se puede calcular el plazo de un año de la solicitud de asilo."},
	"gap.address_change":      {"No date of arrival at the sponsor's home. Without it, the change-of-address deadlines (EOIR-33 and AR-11) cannot be computed.", "Falta la fecha de llegada a la casa del patrocinador. Sin ella no se pueden calcular los plazos del cambio de dirección (EOIR-33 y AR-11)."},
	"gap.fourteenth_birthday": {"For %s, the date of birth is missing. Without it, the registration at age 14 cannot be computed.", "Para %s falta la fecha de nacimiento. Sin ella no se puede calcular el registro al cumplir 14 años."},

	// Facts that meet a deadline, and the clock pause's last day.
	"fact.kind.ead_applied":  {"Work permit application (I-765) filed", "Solicitud de permiso de trabajo (I-765) presentada"},
	"fact.kind.appeal_filed": {"Appeal to the BIA (EOIR-26) filed", "Apelación ante la BIA (EOIR-26) presentada"},
	"field.end_date":         {"Last day the asylum clock was stopped (asylum clock pauses only)", "Último día con el reloj parado (solo pausas del reloj de asilo)"},
	"field.end_date.hint":    {"The clock runs again the day after. Leave it empty while the clock is still stopped.", "El reloj vuelve a contar el día siguiente. Déjelo vacío mientras el reloj siga parado."},
}

func init() {
	for k, v := range deadlineMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
