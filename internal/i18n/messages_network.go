package i18n

// networkMessages are the strings of sponsor groups as their placement
// network sees them (issue 13): a group's profile, its vetting and stage,
// the network's list, and the regions and vetting items the network
// defines. "Grupo patrocinador", "red de colocación" (DOMAIN.md, Words);
// usted throughout.
var networkMessages = map[string][2]string{
	// Links from an organisation's page.
	"org.sponsors": {"Sponsor groups", "Grupos patrocinadores"},
	"org.profile":  {"Profile for the network", "Perfil para la red"},

	// A group's profile.
	"sponsor.profile.title": {"%s: profile", "%s: perfil"},
	"sponsor.profile":       {"Profile", "Perfil"},
	"sponsor.never_updated": {"Never filled in", "Nunca completado"},
	"sponsor.stale":         {"Not updated in %d days", "Sin actualizar en %d días"},
	"sponsor.not_said":      {"Not given", "Sin indicar"},
	"sponsor.no_region":     {"No region", "Sin región"},
	"sponsor.languages":     {"Languages spoken", "Idiomas que hablan"},
	"sponsor.household":     {"The home", "La vivienda"},
	"sponsor.updated":       {"Last updated", "Última actualización"},
	"sponsor.notes.hint": {"Only your group sees these notes: the network does not. Keep the asylum story out: it belongs with the lawyer.",
		"Solo su grupo ve estas notas: la red no. No escriba aquí la historia de asilo: esa información es para el abogado o la abogada."},
	"sponsor.edit.title": {"Update the profile", "Actualizar el perfil"},
	"sponsor.edit.intro": {"The network uses this profile to suggest people your group could host. Give a region, never where the home is exactly.",
		"La red usa este perfil para proponer personas que su grupo podría recibir. Indique una región, nunca el lugar exacto de la vivienda."},
	"sponsor.edit.submit":      {"Save the profile", "Guardar el perfil"},
	"sponsor.saved":            {"Profile saved.", "Perfil guardado."},
	"field.region_id":          {"Region", "Región"},
	"field.region_id.hint":     {"The network's list of areas. Ask the network if yours is missing.", "La lista de zonas de la red. Pregunte a la red si falta la suya."},
	"field.adults":             {"Adults in the hosting home", "Personas adultas en la vivienda"},
	"field.beds":               {"Beds free", "Camas libres"},
	"field.private_room":       {"A private room", "Una habitación privada"},
	"field.accepts_children":   {"Children are welcome", "Se aceptan niños y niñas"},
	"field.wheelchair":         {"Wheelchair access", "Acceso para silla de ruedas"},
	"field.host_months":        {"Months the group can host", "Meses que el grupo puede recibir"},
	"field.available_from":     {"Available from", "Disponible desde"},
	"field.pledge":             {"Money the group can pledge (US dollars)", "Dinero que el grupo puede comprometer (dólares)"},
	"field.max_placements":     {"Placements at once", "Colocaciones a la vez"},
	"field.private_notes":      {"Private notes", "Notas privadas"},
	"err.count":                {"Enter a whole number from 0 to %d.", "Escriba un número entero de 0 a %d."},
	"sponsor.vetting":          {"Vetting", "Verificación"},
	"sponsor.vetting.have":     {"%d of %d", "%d de %d"},
	"sponsor.vetting.missing":  {"Missing", "Falta"},
	"sponsor.vetting.expired":  {"Expired", "Caducado"},
	"sponsor.vetting.no_items": {"The network has not said yet what vetting it requires.", "La red todavía no ha indicado qué verificación requiere."},
	"sponsor.vetting.records":  {"Vetting records (%d)", "Verificaciones anotadas (%d)"},
	"sponsor.vetting.record":   {"Record a vetting item", "Anotar una verificación"},
	"sponsor.vetting.saved":    {"Vetting recorded.", "Verificación anotada."},
	"field.item_id":            {"Item", "Requisito"},
	"field.subject":            {"Adult's initials", "Iniciales de la persona adulta"},
	"field.subject.hint":       {"For an item each adult needs, such as a background check. Initials only.", "Para un requisito que cada persona adulta necesita, como la revisión de antecedentes. Solo las iniciales."},
	"field.done_on":            {"Done on", "Fecha en que se hizo"},
	"sponsor.err.subject":      {"Enter the initials of the adult this is for.", "Escriba las iniciales de la persona adulta."},
	"sponsor.err.future":       {"Enter a date that is not after today.", "Escriba una fecha que no sea posterior a hoy."},
	"sponsor.stage.declare":    {"Stage", "Etapa"},
	"field.stage":              {"Stage the network sets", "Etapa que fija la red"},
	"field.stage.hint": {"Vetted and approved follow from the vetting records: a group is approved only while every required item is valid and its profile is complete.",
		"Verificado y aprobado dependen de las verificaciones anotadas: un grupo está aprobado solo mientras todos los requisitos están vigentes y su perfil está completo."},
	"sponsor.stage.submit": {"Save the stage", "Guardar la etapa"},
	"sponsor.stage.saved":  {"Stage saved.", "Etapa guardada."},

	"sponsor.stage.interested": {"Interested", "Interesado"},
	"sponsor.stage.applied":    {"Signed up", "Inscrito"},
	"sponsor.stage.vetted":     {"Vetted", "Verificado"},
	"sponsor.stage.approved":   {"Approved", "Aprobado"},
	"sponsor.stage.matched":    {"Matched", "Asignado"},
	"sponsor.stage.hosting":    {"Hosting", "Recibiendo"},
	"sponsor.stage.resting":    {"Resting", "En pausa"},

	// The network's list.
	"sponsors.title":               {"Sponsor groups", "Grupos patrocinadores"},
	"sponsors.back":                {"Back to the sponsor groups", "Volver a los grupos patrocinadores"},
	"sponsors.capacity":            {"%d beds, %d at once", "%d camas, %d a la vez"},
	"sponsors.expiring.title":      {"Vetting that expires in the next %d days", "Verificaciones que caducan en los próximos %d días"},
	"sponsors.expiring.intro":      {"%d items. Renew them before they expire, or the group loses its approval.", "%d requisitos. Renuévelos antes de que caduquen, o el grupo pierde su aprobación."},
	"sponsors.expiring.none":       {"Nothing expires in that time.", "Nada caduca en ese plazo."},
	"sponsors.expires_on":          {"Expires %s", "Caduca el %s"},
	"sponsor.vetting.valid_until":  {"Valid until %s", "Vigente hasta el %s"},
	"sponsor.vetting.done_expires": {"done %s, expires %s", "hecho el %s, caduca el %s"},

	// The network's regions and vetting items.
	"vetting.setup.title":      {"Regions and vetting", "Regiones y verificación"},
	"vetting.regions":          {"Regions", "Regiones"},
	"vetting.regions.hint":     {"Areas your network places people in, such as a county or a metro area. Never where a home is exactly.", "Zonas donde su red coloca a las personas, como un condado o un área metropolitana. Nunca el lugar exacto de una vivienda."},
	"vetting.regions.none":     {"No regions yet.", "Todavía no hay regiones."},
	"field.region_name":        {"Region name", "Nombre de la región"},
	"vetting.region.add":       {"Add the region", "Agregar la región"},
	"vetting.region.saved":     {"Region added.", "Región agregada."},
	"vetting.items":            {"Required vetting", "Verificación requerida"},
	"vetting.item.valid_days":  {"valid for %d days", "vigente por %d días"},
	"field.item_name":          {"What is required", "Qué se requiere"},
	"field.valid_days":         {"Days it stays valid", "Días de vigencia"},
	"field.valid_days.hint":    {"From 1 to 3650. A background check is often valid for 365 days.", "De 1 a 3650. Una revisión de antecedentes suele valer 365 días."},
	"field.per_adult":          {"One for each adult in the home", "Una por cada persona adulta de la vivienda"},
	"vetting.item.add":         {"Add the requirement", "Agregar el requisito"},
	"vetting.item.saved":       {"Requirement added.", "Requisito agregado."},
	"vetting.err.region_taken": {"The network already has a region with this name.", "La red ya tiene una región con este nombre."},
	"vetting.err.item_taken":   {"The network already requires an item with this name.", "La red ya requiere algo con este nombre."},
	"vetting.err.days":         {"Enter a whole number of days from 1 to 3650.", "Escriba un número entero de días de 1 a 3650."},

	// Languages a profile may name (model.Languages).
	"language.en":  {"English", "Inglés"},
	"language.es":  {"Spanish", "Español"},
	"language.pt":  {"Portuguese", "Portugués"},
	"language.fr":  {"French", "Francés"},
	"language.ht":  {"Haitian Creole", "Criollo haitiano"},
	"language.ar":  {"Arabic", "Árabe"},
	"language.ru":  {"Russian", "Ruso"},
	"language.uk":  {"Ukrainian", "Ucraniano"},
	"language.tr":  {"Turkish", "Turco"},
	"language.zh":  {"Chinese", "Chino"},
	"language.quc": {"K'iche'", "K'iche' (idioma maya)"},
	"language.mam": {"Mam", "Mam (idioma maya)"},
}

func init() {
	for k, v := range networkMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
