package i18n

// timeMessages are the strings of time zones, the organisation's settings,
// appointment editing and what a calendar feed says about itself.
var timeMessages = map[string][2]string{
	"field.time_zone":            {"Time zone", "Zona horaria"},
	"field.time_zone.org_hint":   {"Puente counts your days in this time zone: what is due today and what is overdue.", "Puente cuenta sus días en esta zona horaria: lo que vence hoy y lo que ya venció."},
	"field.time_zone.place":      {"Time zone of the place", "Zona horaria del lugar"},
	"field.time_zone.place_hint": {"Enter the time as the notice gives it: the local time where the appointment is.", "Escriba la hora como la da el aviso: la hora local del lugar de la cita."},
	"err.time_zone":              {"Choose a time zone from the list.", "Elija una zona horaria de la lista."},
	"tz.choose":                  {"Choose a time zone", "Elija una zona horaria"},
	"tz.group.us":                {"United States", "Estados Unidos"},
	"tz.group.other":             {"Other time zones", "Otras zonas horarias"},
	"tz.America/Puerto_Rico":     {"Atlantic time (Puerto Rico, U.S. Virgin Islands)", "Hora del Atlántico (Puerto Rico, Islas Vírgenes de EE. UU.)"},
	"tz.America/New_York":        {"Eastern time (New York, Miami, Atlanta)", "Hora del Este (Nueva York, Miami, Atlanta)"},
	"tz.America/Chicago":         {"Central time (Chicago, Houston, San Antonio)", "Hora del Centro (Chicago, Houston, San Antonio)"},
	"tz.America/Denver":          {"Mountain time (Denver, El Paso)", "Hora de la Montaña (Denver, El Paso)"},
	"tz.America/Phoenix":         {"Arizona (Phoenix, no daylight saving time)", "Arizona (Phoenix, sin horario de verano)"},
	"tz.America/Los_Angeles":     {"Pacific time (Los Angeles, San Francisco, Seattle)", "Hora del Pacífico (Los Ángeles, San Francisco, Seattle)"},
	"tz.America/Anchorage":       {"Alaska time (Anchorage)", "Hora de Alaska (Anchorage)"},
	"tz.Pacific/Honolulu":        {"Hawaii time (Honolulu)", "Hora de Hawái (Honolulu)"},
	"tz.Pacific/Guam":            {"Chamorro time (Guam, Northern Mariana Islands)", "Hora de Chamorro (Guam, Islas Marianas del Norte)"},
	"tz.Pacific/Pago_Pago":       {"Samoa time (American Samoa)", "Hora de Samoa (Samoa Estadounidense)"},

	// A place's zone after a time, on Spanish pages ("9:00 a. m. (hora de
	// la Montaña)"); English pages show the abbreviation ("MST").
	"tz.short.America/Puerto_Rico": {"Atlantic time", "hora del Atlántico"},
	"tz.short.America/New_York":    {"Eastern time", "hora del Este"},
	"tz.short.America/Chicago":     {"Central time", "hora del Centro"},
	"tz.short.America/Denver":      {"Mountain time", "hora de la Montaña"},
	"tz.short.America/Phoenix":     {"Arizona time", "hora de Arizona"},
	"tz.short.America/Los_Angeles": {"Pacific time", "hora del Pacífico"},
	"tz.short.America/Anchorage":   {"Alaska time", "hora de Alaska"},
	"tz.short.Pacific/Honolulu":    {"Hawaii time", "hora de Hawái"},
	"tz.short.Pacific/Guam":        {"Chamorro time", "hora de Chamorro"},
	"tz.short.Pacific/Pago_Pago":   {"Samoa time", "hora de Samoa"},
	"tz.short.city":                {"%s time", "hora de %s"},

	"errors.summary": {"There is a problem", "Hay un problema"},

	"settings.title":  {"Settings", "Configuración"},
	"settings.intro":  {"These settings are for everyone in %s.", "Esta configuración es para todas las personas de %s."},
	"settings.saved":  {"Settings saved.", "Configuración guardada."},
	"settings.submit": {"Save the settings", "Guardar la configuración"},

	"appointment.edit":            {"Edit", "Editar"},
	"appointment.edit_for":        {"Edit the %s of %s", "Editar la cita «%s» del %s"},
	"appointment.edit.title":      {"Edit the appointment", "Editar la cita"},
	"appointment.edit.save":       {"Save the appointment", "Guardar la cita"},
	"appointment.updated":         {"Appointment saved.", "Cita guardada."},
	"history.appointment_updated": {"edited an appointment", "editó una cita"},

	"feed.appointment":   {"Added to Puente by your group. Check the date and time on the notice.", "Anotada en Puente por su grupo. Confirme la fecha y la hora en el aviso."},
	"feed.description":   {"Hearings, appointments and deadlines not yet done of your groups' open cases. From 90 days ago to 2 years ahead.", "Audiencias, citas y plazos aún pendientes de los casos abiertos de sus grupos. Desde hace 90 días hasta dentro de 2 años."},
	"calendar.window":    {"Each feed holds everything from 90 days ago to 2 years ahead. Days are counted in each group's time zone. It holds every hearing and appointment, and every deadline not yet marked done. Nothing in that window is left out. A deadline shared by several people of a household is one entry that names them by initials.", "Cada calendario trae todo desde hace 90 días hasta dentro de 2 años. Los días se cuentan en la zona horaria de cada grupo. Trae cada audiencia y cita, y cada plazo aún no marcado como hecho. No se deja nada fuera de ese periodo. Un plazo que comparten varias personas de un hogar es una sola entrada con sus iniciales."},
	"calendar.lang_note": {"Its titles are written in the language of this page when you create it.", "Sus títulos se escriben en el idioma de esta página en el momento de crearlo."},
	"calendar.lang.en":   {"titles in English", "títulos en inglés"},
	"calendar.lang.es":   {"titles in Spanish", "títulos en español"},
}

func init() {
	for k, v := range timeMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
