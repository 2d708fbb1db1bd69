package i18n

// guideMessages are the words of the public guide (issue 12) beyond the
// checklist items it shares with the templates: its index, and the
// privacy and safety page for volunteers (DOMAIN.md, "Privacy and safety").
var guideMessages = map[string][2]string{
	"guide.title":      {"How sponsorship works", "Cómo funciona el patrocinio"},
	"guide.intro":      {"A group that takes in a household released from immigration detention meets seven stages. Each page says what to do, why and how.", "Un grupo que recibe a una familia que salió de detención pasa por siete etapas. Cada página dice qué hacer, por qué y cómo."},
	"guide.not_advice": {"This is not legal advice. Confirm every date and form with the lawyer.", "Esto no es asesoría legal. Confirme cada fecha y formulario con el abogado o la abogada."},
	"guide.stages":     {"Stages", "Etapas"},
	"login.guide":      {"New to this? How sponsorship works", "¿Es nuevo en esto? Cómo funciona el patrocinio"},

	// The draft sponsor letter (coordinators).
	"letter.title":      {"Draft sponsor letter", "Borrador de la carta del patrocinador"},
	"letter.open":       {"Open the draft letter", "Abrir el borrador de la carta"},
	"letter.intro_page": {"Puente fills a draft from the case: you as sponsor, the household's names, where they will live, and what the group committed to.", "Puente llena un borrador con los datos del caso: usted como patrocinador, los nombres de la familia, dónde vivirán y lo que el grupo prometió."},
	"letter.logged":     {"Opening it shows the home address, so it is written to the security log. Nothing of the letter is saved.", "Abrirla muestra la dirección de la casa, por eso queda en el historial de seguridad. No se guarda nada de la carta."},
	"letter.draft":      {"This is a draft. Check it with the lawyer before anyone signs it.", "Esto es un borrador. Revíselo con el abogado o la abogada antes de firmarlo."},
	"letter.edit":       {"The letter", "La carta"},
	"letter.edit_hint":  {"Change anything. Fill in the parts in [brackets]. Nothing is saved.", "Cambie lo que quiera. Complete las partes entre [corchetes]. No se guarda nada."},
	"letter.print":      {"Show for printing", "Mostrar para imprimir"},
	"letter.back_edit":  {"Use your browser's Back button to keep editing.", "Use el botón Atrás del navegador para seguir editando."},
	"letter.link":       {"Draft sponsor letter", "Borrador de la carta del patrocinador"},
	"letter.to":         {"To: %s", "Para: %s"},
	"letter.to_ice":     {"U.S. Immigration and Customs Enforcement (ICE)", "Servicio de Inmigración y Control de Aduanas (ICE)"},
	"letter.re":         {"About: sponsorship of %s", "Asunto: patrocinio de %s"},
	"letter.intro":      {"I, %s, [relationship], am a [US citizen or permanent resident]. I offer to sponsor %s.", "Yo, %s, [relación], soy [ciudadano o residente permanente]. Ofrezco patrocinar a %s."},
	"letter.live":       {"They will live at: %s.", "Vivirán en: %s."},
	"letter.no_address": {"[the home address]", "[la dirección de la casa]"},
	"letter.group":      {"Our group, %s, commits to:", "Nuestro grupo, %s, se compromete a:"},
	"letter.promise":    {"I will help them attend every hearing and check-in, and keep the court and ICE informed.", "Les ayudaré a ir a cada audiencia y cita de control, y a mantener informados al tribunal y a ICE."},
	"letter.sign":       {"Signed: ________________  %s  [phone]", "Firma: ________________  %s  [teléfono]"},

	"guide.safety.title": {"Privacy and safety for volunteers", "Privacidad y seguridad para las personas voluntarias"},
	"guide.safety.intro": {"What the group's information can do to the family, and how to keep it safe.", "Lo que los datos del grupo pueden causarle a la familia, y cómo protegerlos."},

	"guide.safety.anumber.title": {"What an A-number reveals", "Lo que revela el Número A"},
	"guide.safety.anumber.p1":    {"The A-number (8 or 9 digits) is on every immigration paper. It is a key, not just a number.", "El Número A (8 o 9 números) está en cada papel de inmigración. Es una llave, no solo un número."},
	"guide.safety.anumber.p2":    {"With it, anyone can look up the date, time and place of the next hearing. With the country of birth, it can show where someone is detained.", "Con él, cualquiera puede ver la fecha, la hora y el lugar de la próxima audiencia. Con el país de nacimiento, puede mostrar dónde está detenida una persona."},
	"guide.safety.anumber.p3":    {"Arrests at check-ins and courts rose in 2025. Keep the A-number in Puente only, where it is hidden and every look is logged.", "Los arrestos en citas de control y tribunales aumentaron en 2025. Guarde el Número A solo en Puente, donde está oculto y cada consulta queda anotada."},

	"guide.safety.posting.title": {"What never to post or text", "Lo que nunca debe publicar ni mandar por mensaje"},
	"guide.safety.posting.p1":    {"Never post photos, names, the town, the school or the court dates of the family. Not even in a private group.", "Nunca publique fotos, nombres, el pueblo, la escuela ni las fechas del tribunal de la familia. Ni en un grupo privado."},
	"guide.safety.posting.p2":    {"Never text or email an A-number, an address or a hearing date together with a name.", "Nunca mande por mensaje o correo un Número A, una dirección o una fecha de audiencia junto con un nombre."},
	"guide.safety.posting.p3":    {"Puente's emails and calendar entries carry a case code, never a name. Do the same in your own messages.", "Los correos y el calendario de Puente llevan un código de caso, nunca un nombre. Haga lo mismo en sus mensajes."},

	"guide.safety.story.title": {"Keep the asylum story with the lawyer", "Deje la historia de asilo con el abogado o la abogada"},
	"guide.safety.story.p1":    {"The story of why the person fled belongs in the asylum case, told once, to the lawyer.", "La historia de por qué la persona huyó es parte del caso de asilo. Se cuenta una vez, al abogado o la abogada."},
	"guide.safety.story.p2":    {"Do not ask for it and do not write it down. Notes can be demanded, and small differences can hurt the case.", "No la pida ni la escriba. Las notas se pueden exigir, y pequeñas diferencias pueden dañar el caso."},

	"guide.safety.records.title": {"If someone asks for the group's records", "Si alguien pide los datos del grupo"},
	"guide.safety.records.p1":    {"ICE can send an administrative subpoena without a judge. Officers may also ask in person.", "ICE puede mandar una citación administrativa sin orden del juez o la jueza. También pueden preguntar en persona."},
	"guide.safety.records.p2":    {"Do not answer on the spot and hand nothing over. Take the paper, then call the coordinator and a lawyer.", "No responda en el momento ni entregue nada. Tome el papel y llame a la persona coordinadora y al abogado o la abogada."},
	"guide.safety.records.p3":    {"No one can make you hand over what you no longer hold. Close cases when they end; Puente then deletes their personal details after the group's waiting period.", "Nadie puede obligarle a entregar lo que ya no guarda. Cierre los casos al terminar; Puente borra sus datos personales después del tiempo que fija el grupo."},

	"guide.safety.devices.title": {"Phones and computers", "Teléfonos y computadoras"},
	"guide.safety.devices.p1":    {"Lock your phone. Use two-step sign-in in Puente. Sign out on shared computers.", "Bloquee su teléfono. Use el inicio de sesión en dos pasos en Puente. Cierre la sesión en computadoras compartidas."},
	"guide.safety.devices.p2":    {"If a phone with the group's chats is lost, tell the coordinator the same day.", "Si se pierde un teléfono con los chats del grupo, avise a la persona coordinadora el mismo día."},
}

func init() {
	for k, v := range guideMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
