package i18n

// checklistMessages are the words of the checklist pages (issue 12): the
// stages, the case page's block, a checklist, an item and its forms, and
// why an item tied to a deadline rule waits. The items' own words are in
// messages_checklist_ready.go and messages_checklist_legal.go.
var checklistMessages = map[string][2]string{
	// The seven stages (internal/checklist.Stages), with one paragraph each.
	"checklist.stage.ready":                {"Getting the group ready", "Preparación del grupo"},
	"checklist.stage.ready.intro":          {"Before anyone arrives, the group agrees who does what, for how long, and with what money.", "Antes de la llegada, el grupo acuerda quién hace qué, por cuánto tiempo y con qué dinero."},
	"checklist.stage.before_release":       {"Before release", "Antes de la salida de detención"},
	"checklist.stage.before_release.intro": {"Release can come suddenly. Prepare the letter, the proof, the pickup and the room ahead of time.", "La salida puede llegar de repente. Prepare con tiempo la carta, las pruebas, la recogida y la habitación."},
	"checklist.stage.first_week":           {"The first week", "Primera semana"},
	"checklist.stage.first_week.intro":     {"The first days after arrival hold deadlines of 5 and 10 days. Start here.", "Los primeros días después de la llegada tienen plazos de 5 y 10 días. Empiece aquí."},
	"checklist.stage.legal":                {"Legal case and deadlines", "Caso legal y plazos"},
	"checklist.stage.legal.intro":          {"Hearings, asylum and the work permit each have dates. Puente counts them; confirm each with the lawyer.", "Las audiencias, el asilo y el permiso de trabajo tienen fechas. Puente las calcula; confirme cada una con el abogado o la abogada."},
	"checklist.stage.daily_life":           {"Daily life and independence", "Vida diaria y autonomía"},
	"checklist.stage.daily_life.intro":     {"School, health, English and work: the road from support to independence.", "Escuela, salud, inglés y trabajo: el camino del apoyo a la independencia."},
	"checklist.stage.privacy":              {"Privacy and safety", "Privacidad y seguridad"},
	"checklist.stage.privacy.intro":        {"What the group holds can put the family at risk. These habits keep them safe.", "Lo que guarda el grupo puede poner en riesgo a la familia. Estos hábitos la protegen."},
	"checklist.stage.ending":               {"Ending the sponsorship", "Cierre del patrocinio"},
	"checklist.stage.ending.intro":         {"Hand everything over, agree who stays in touch, and delete what the group no longer needs.", "Entregue todo, acuerde quién sigue en contacto y borre lo que el grupo ya no necesita."},

	// The case page's block and the checklist page.
	"checklist.heading":              {"Checklists", "Listas de verificación"},
	"checklist.add":                  {"Add a checklist", "Agregar una lista de verificación"},
	"checklist.offer":                {"A new case starts with the first week: the deadlines of 5 and 10 days come first.", "Un caso nuevo empieza por la primera semana: primero vienen los plazos de 5 y 10 días."},
	"checklist.offer.button":         {"Add the first week's checklist", "Agregar la lista de la primera semana"},
	"checklist.offer.other":          {"Choose another stage", "Elegir otra etapa"},
	"checklist.none":                 {"No checklists yet.", "Todavía no hay listas de verificación."},
	"checklist.n_of_m":               {"%d of %d done", "%d de %d hechas"},
	"checklist.next":                 {"Next:", "Lo siguiente:"},
	"checklist.back_case":            {"Back to case %s", "Volver al caso %s"},
	"checklist.back":                 {"Back to %s", "Volver a %s"},
	"checklist.behind":               {"Your network changed this checklist since the case got it.", "Su red de acogida cambió esta lista después de que el caso la recibió."},
	"checklist.behind.link":          {"See what changed", "Ver qué cambió"},
	"checklist.assigned_to":          {"Done by %s", "La hace %s"},
	"checklist.by_day":               {"by %s", "para el %s"},
	"checklist.nobody":               {"Nobody yet", "Nadie todavía"},
	"checklist.why_na":               {"Why it does not fit this case:", "Por qué no corresponde a este caso:"},
	"checklist.stage_choice":         {"Which stage?", "¿Qué etapa?"},
	"checklist.all_added":            {"This case has every stage's checklist.", "Este caso ya tiene la lista de cada etapa."},
	"checklist.added":                {"Checklist added.", "Lista agregada."},
	"checklist.saved":                {"Saved.", "Se guardó."},
	"checklist.err.have":             {"This case already has that checklist.", "Este caso ya tiene esa lista."},
	"checklist.state.open":           {"To do", "Por hacer"},
	"checklist.state.done":           {"Done", "Hecho"},
	"checklist.state.not_applicable": {"Does not fit this case", "No corresponde a este caso"},

	// An item's page and its forms.
	"checklist.who":             {"Who does it", "Quién lo hace"},
	"checklist.role":            {"Usually: %s", "Normalmente: %s"},
	"checklist.deadline":        {"Deadline", "Plazo"},
	"checklist.ticked":          {"Ticked by", "Marcado por"},
	"checklist.note":            {"Note", "Nota"},
	"checklist.why":             {"Why it matters", "Por qué importa"},
	"checklist.how":             {"How to do it", "Cómo hacerlo"},
	"checklist.bring":           {"What to bring", "Qué llevar"},
	"checklist.source":          {"The official page", "La página oficial"},
	"checklist.tick":            {"Mark as done", "Marcar como hecho"},
	"checklist.untick":          {"Mark as not done", "Marcar como no hecho"},
	"checklist.na":              {"It does not fit this case", "No corresponde a este caso"},
	"checklist.na.title":        {"Why does it not fit this case?", "¿Por qué no corresponde a este caso?"},
	"checklist.na.reason":       {"Reason", "Motivo"},
	"checklist.na.hint":         {"A few words, for the rest of the group. No private details.", "Unas palabras para el resto del grupo. Sin datos privados."},
	"checklist.note.edit":       {"Write a note", "Escribir una nota"},
	"checklist.note.hint":       {"What the group needs to know. Never the asylum story: that is for the lawyer.", "Lo que el grupo necesita saber. Nunca la historia de asilo: esa es para el abogado o la abogada."},
	"checklist.assign":          {"Choose who does it", "Elegir quién lo hace"},
	"checklist.assign.who":      {"Group member", "Persona del grupo"},
	"checklist.assign.due":      {"By (optional)", "Para el día (opcional)"},
	"checklist.assign.due_hint": {"The day it should be done. An item with a deadline shows that date too.", "El día en que debe estar hecho. Una tarea con plazo muestra también esa fecha."},
	"checklist.own.title":       {"Add the group's own item", "Agregar una tarea propia del grupo"},
	"checklist.own.add":         {"Add an item", "Agregar una tarea"},
	"checklist.own.field":       {"What needs doing", "Qué hay que hacer"},
	"checklist.own.hint":        {"Only for this case. Write it the way the group will understand it.", "Solo para este caso. Escríbala como el grupo la entienda."},

	// A newer version of the network's template.
	"checklist.update.title":   {"Changes to %s", "Cambios en %s"},
	"checklist.update.none":    {"This case has the network's current checklist.", "Este caso tiene la lista actual de la red de acogida."},
	"checklist.update.lead":    {"The case has version %d; the network's current one is %d.", "El caso tiene la versión %d; la actual de la red de acogida es la %d."},
	"checklist.update.added":   {"New items", "Tareas nuevas"},
	"checklist.update.changed": {"Items the network rewrote", "Tareas que la red de acogida cambió"},
	"checklist.update.retired": {"Items the network dropped", "Tareas que la red de acogida quitó"},
	"checklist.update.kept":    {"The case keeps its items as they are, with what was done. Only the new items join it.", "El caso guarda sus tareas como están, con lo que ya se hizo. Solo se agregan las tareas nuevas."},
	"checklist.update.button":  {"Add the new items", "Agregar las tareas nuevas"},
	"checklist.update.stale":   {"The checklist changed again. Here is what changed now.", "La lista volvió a cambiar. Estos son los cambios de ahora."},
	"checklist.update.done":    {"New items added.", "Se agregaron las tareas nuevas."},

	// Why an item tied to a deadline rule has no date on this case.
	"checklist.waiting":                          {"Waits for what %s counts from.", "Espera la fecha desde la que se cuenta: %s."},
	"checklist.wait.eoir33_change_of_address":    {"Waits for the arrival date: record when they arrived at the sponsor's home.", "Espera la fecha de llegada: anote cuándo llegaron a la casa del patrocinador."},
	"checklist.wait.ar11_change_of_address":      {"Waits for the arrival date: record when they arrived at the sponsor's home.", "Espera la fecha de llegada: anote cuándo llegaron a la casa del patrocinador."},
	"checklist.wait.i589_one_year":               {"Waits for the date of the last arrival in the US: record it in the person's details.", "Espera la fecha de la última llegada a Estados Unidos: anótela en los datos de la persona."},
	"checklist.wait.annual_asylum_fee":           {"Waits for a notice of the annual asylum fee: record its date when it comes.", "Espera un aviso de la tarifa anual de asilo: anote su fecha cuando llegue."},
	"checklist.wait.ead_may_file":                {"Waits for the day the I-589 was filed: the asylum clock counts from it.", "Espera el día en que se presentó el Formulario I-589: el reloj de asilo cuenta desde ese día."},
	"checklist.wait.ead_may_grant":               {"Waits for the day the I-589 was filed: the asylum clock counts from it.", "Espera el día en que se presentó el Formulario I-589: el reloj de asilo cuenta desde ese día."},
	"checklist.wait.ead_renewal_window":          {"Waits for the work permit's expiry date: record it from the card.", "Espera la fecha de vencimiento del permiso de trabajo: anótela de la tarjeta."},
	"checklist.wait.ead_expiry":                  {"Waits for the work permit's expiry date: record it from the card.", "Espera la fecha de vencimiento del permiso de trabajo: anótela de la tarjeta."},
	"checklist.wait.individual_hearing_evidence": {"Waits for an individual hearing on the calendar.", "Espera una audiencia individual en el calendario."},
	"checklist.wait.bia_appeal":                  {"Waits for a judge's decision: the 30 days count from it.", "Espera una decisión del juez o la jueza: los 30 días cuentan desde ella."},
	"checklist.wait.motion_to_reopen":            {"Waits for a final order: the 90 days count from it.", "Espera una orden final: los 90 días cuentan desde ella."},
	"checklist.wait.i730_follow_to_join":         {"Waits for a grant of asylum: record its date when it comes.", "Espera que se otorgue el asilo: anote la fecha cuando llegue."},
	"checklist.wait.i485_eligible":               {"Waits for a grant of asylum: record its date when it comes.", "Espera que se otorgue el asilo: anote la fecha cuando llegue."},
	"checklist.wait.post_grant_assistance_ends":  {"Waits for a grant of asylum: record its date when it comes.", "Espera que se otorgue el asilo: anote la fecha cuando llegue."},
	"checklist.wait.post_grant_health_screening": {"Waits for a grant of asylum: record its date when it comes.", "Espera que se otorgue el asilo: anote la fecha cuando llegue."},
	"checklist.wait.child_registration_14":       {"Waits for a child's date of birth, which coordinators see.", "Espera la fecha de nacimiento de un niño, que ven las personas coordinadoras."},

	// A network's templates (its admins' pages).
	"template.title":             {"Checklist templates", "Plantillas de las listas"},
	"template.intro":             {"The checklists your network's groups give their cases. Changes make a new version.", "Las listas que los grupos de su red de acogida dan a sus casos. Cada cambio crea una versión nueva."},
	"template.version":           {"Version %d", "Versión %d"},
	"template.shipped":           {"As Puente ships it", "Como viene en Puente"},
	"template.items":             {"%d items", "%d tareas"},
	"template.kept":              {"Cases keep the items they were given. Coordinators see what changed before new items join a case.", "Los casos guardan las tareas que recibieron. Las personas coordinadoras ven los cambios antes de agregarlos."},
	"template.edit":              {"Edit", "Editar"},
	"template.up":                {"Move up", "Subir"},
	"template.down":              {"Move down", "Bajar"},
	"template.retire":            {"Take out of the checklist", "Sacar de la lista"},
	"template.retire.title":      {"Take “%s” out of the checklist?", "¿Sacar «%s» de la lista?"},
	"template.retire.lead":       {"New cases will not get this item.", "Los casos nuevos no recibirán esta tarea."},
	"template.retire.kept":       {"Cases that have it keep it, with what was done.", "Los casos que la tienen la guardan, con lo que ya se hizo."},
	"template.retired":           {"Taken out. A new version was saved.", "Se sacó. Se guardó una versión nueva."},
	"template.saved":             {"Saved as a new version.", "Se guardó como versión nueva."},
	"template.conflict":          {"Someone else saved a change first. Nothing was saved; please try again.", "Otra persona guardó un cambio antes. No se guardó nada; inténtelo otra vez."},
	"template.item.new":          {"Add an item", "Agregar una tarea"},
	"template.item.edit":         {"Edit the item", "Editar la tarea"},
	"template.both":              {"Write every text in English and in Spanish: both are required.", "Escriba cada texto en inglés y en español: los dos son obligatorios."},
	"template.field.title_en":    {"Title (English)", "Título (inglés)"},
	"template.field.title_es":    {"Title (Spanish)", "Título (español)"},
	"template.field.why_en":      {"Why it matters (English)", "Por qué importa (inglés)"},
	"template.field.why_es":      {"Why it matters (Spanish)", "Por qué importa (español)"},
	"template.field.how_en":      {"How to do it (English)", "Cómo hacerlo (inglés)"},
	"template.field.how_es":      {"How to do it (Spanish)", "Cómo hacerlo (español)"},
	"template.field.bring_en":    {"What to bring (English)", "Qué llevar (inglés)"},
	"template.field.bring_es":    {"What to bring (Spanish)", "Qué llevar (español)"},
	"template.field.source":      {"Official page (optional)", "Página oficial (opcional)"},
	"template.field.source_hint": {"Only pages of EOIR, USCIS, ICE or ORR, starting with https://", "Solo una página de EOIR, USCIS, ICE u ORR, que empiece con https://"},
	"template.field.rule":        {"Deadline it belongs to (optional)", "Plazo al que pertenece (opcional)"},
	"template.field.role":        {"Who usually does it (optional)", "Quién lo hace normalmente (opcional)"},
	"template.none":              {"None", "Ninguno"},
	"template.err.both":          {"Write this text in both languages, or in neither.", "Escriba este texto en los dos idiomas, o en ninguno."},
	"template.err.source":        {"Use a page of EOIR, USCIS, ICE or ORR, starting with https://", "Use una página de EOIR, USCIS, ICE u ORR, que empiece con https://"},

	// The group's home page.
	"home.items_due": {"Checklist items due", "Tareas de las listas que vencen"},

	// The case history.
	"history.checklist_added":    {"added a checklist", "agregó una lista de verificación"},
	"history.checklist_updated":  {"added a checklist's new items", "agregó las tareas nuevas de una lista"},
	"history.checklist_item":     {"updated a checklist item", "actualizó una tarea de una lista"},
	"history.checklist_note":     {"wrote a note on a checklist item", "escribió una nota en una tarea"},
	"history.checklist_assigned": {"chose who does a checklist item", "eligió quién hace una tarea"},
	"history.checklist_own_item": {"added the group's own item", "agregó una tarea propia del grupo"},
}

func init() {
	for k, v := range checklistMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
