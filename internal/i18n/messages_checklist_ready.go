package i18n

// checklistReadyMessages are the words of the first three stages' shipped
// checklist items (internal/checklist): getting the group ready, before
// release, the first week. Keys are checklist.<stage>.<item>.<part>; the
// public guide shows the same texts.
var checklistReadyMessages = map[string][2]string{
	// 1. Getting the group ready.
	"checklist.ready.team.title": {"Choose a coordinator and a core team", "Elija una persona coordinadora y un equipo base"},
	"checklist.ready.team.why":   {"A household needs one person who always answers. A team of 4 to 7 shares the work.", "La familia necesita una persona que siempre responda. Un equipo de 4 a 7 personas reparte el trabajo."},
	"checklist.ready.team.how":   {"Meet once. Name the coordinator and a second person who covers when the coordinator is away.", "Reúnase una vez. Nombre a la persona coordinadora y a otra que la reemplace cuando no esté."},

	"checklist.ready.roles.title": {"Share out the roles", "Reparta las tareas"},
	"checklist.ready.roles.why":   {"Hearings, rent and rides go wrong when everyone thinks someone else has them.", "Las audiencias, la renta y el transporte fallan cuando cada uno cree que otro se encarga."},
	"checklist.ready.roles.how":   {"Give each role one name: housing, money, rides, court, legal contact, health, school, interpreter.", "Ponga un nombre en cada tarea: vivienda, dinero, transporte, tribunal, contacto legal, salud, escuela, intérprete."},

	"checklist.ready.duration.title": {"Agree how long the group will help", "Acuerde cuánto tiempo ayudará el grupo"},
	"checklist.ready.duration.why":   {"Support often runs a year or more, usually until the work permit and a first job.", "El apoyo suele durar un año o más, casi siempre hasta el permiso de trabajo y un primer empleo."},
	"checklist.ready.duration.how":   {"Write down the end you agree on and what happens if the case takes longer.", "Escriba el final que acuerdan y qué pasa si el caso tarda más."},

	"checklist.ready.budget.title": {"Make a budget for one year", "Haga un presupuesto para un año"},
	"checklist.ready.budget.why":   {"Rent, food, phone, transport and legal fees add up. A budget shows the gap before it hurts.", "La renta, la comida, el teléfono, el transporte y los gastos legales suman mucho. Un presupuesto muestra lo que falta."},
	"checklist.ready.budget.how":   {"List each monthly cost and who pays it. Keep money for a bond or a lawyer if needed.", "Anote cada gasto del mes y quién lo paga. Guarde dinero para una fianza o para pagar al abogado o la abogada."},

	"checklist.ready.sponsor.title": {"Decide who signs as sponsor", "Decida quién firma como patrocinador"},
	"checklist.ready.sponsor.why":   {"ICE or the judge asks for one named sponsor, with an address and proof of status and income.", "ICE o el juez o la jueza piden un patrocinador con nombre, dirección y prueba de su estatus e ingresos."},
	"checklist.ready.sponsor.how":   {"Choose a US citizen or permanent resident who agrees. Decide also who pays a bond, if one is set.", "Elija a un ciudadano o residente permanente que esté de acuerdo. Decida también quién pagará una fianza, si la fijan."},
	"checklist.ready.sponsor.bring": {"The sponsor's ID, proof of status, proof of the address and recent pay slips or tax return.", "Identificación del patrocinador, prueba de su estatus, prueba de la dirección y talones de pago o declaración de impuestos recientes."},

	"checklist.ready.legal_help.title": {"Line up legal help", "Busque ayuda legal"},
	"checklist.ready.legal_help.why":   {"People with a lawyer win asylum far more often. Good lawyers are booked weeks ahead.", "Las personas que tienen abogado(a) ganan el asilo mucho más a menudo. Los buenos abogados tienen semanas de espera."},
	"checklist.ready.legal_help.how":   {"Call free legal service providers near the court on EOIR's list. Ask about fees before you agree.", "Llame a los servicios legales gratuitos cerca del tribunal en la lista de EOIR. Pregunte el costo antes de aceptar."},

	"checklist.ready.training.title": {"Take training together", "Capacítese con el grupo"},
	"checklist.ready.training.why":   {"Trauma, culture and the court process are new to most volunteers.", "El trauma, la cultura y el proceso del tribunal son nuevos para la mayoría de las personas voluntarias."},
	"checklist.ready.training.how":   {"Ask your placement network for its training. Read this guide together before the first meeting.", "Pida a su red de acogida su capacitación. Lea esta guía con el grupo antes de la primera reunión."},

	"checklist.ready.data_rules.title": {"Agree the group's data rules", "Acuerde las reglas del grupo sobre datos"},
	"checklist.ready.data_rules.why":   {"Names, the A-number and the home address can put the family at risk if they leak.", "El nombre, el Número A y la dirección de la casa ponen en riesgo a la familia si se filtran."},
	"checklist.ready.data_rules.how":   {"Keep case details in Puente only. Never in group chats, email threads or social media.", "Guarde los datos del caso solo en Puente. Nunca en chats de grupo, correos ni redes sociales."},

	"checklist.ready.housing.title": {"Agree the household and the lease", "Acuerde la vivienda y el contrato"},
	"checklist.ready.housing.why":   {"A stable home is what the sponsor promises. A move later means new address forms.", "Un hogar estable es lo que promete el patrocinador. Mudarse después obliga a avisar la nueva dirección."},
	"checklist.ready.housing.how":   {"Decide where the family will live for at least 6 months. Check the lease allows guests.", "Decida dónde vivirá la familia al menos 6 meses. Revise que el contrato permita otras personas."},

	// 2. Before release.
	"checklist.before_release.facility.title": {"Confirm where they are held and the next hearing", "Confirme dónde está detenida la persona y su próxima audiencia"},
	"checklist.before_release.facility.why":   {"Releases happen fast. You need the facility and the court date to plan.", "La salida de detención puede ser rápida. Necesita saber el centro y la fecha del tribunal para planear."},
	"checklist.before_release.facility.how":   {"Use ICE's detainee locator with the A-number, or ask the lawyer. Do not share the A-number.", "Use el localizador de detenidos de ICE con el Número A, o pregunte al abogado o la abogada. No comparta el Número A."},

	"checklist.before_release.letter.title": {"Write the sponsor letter", "Escriba la carta del patrocinador"},
	"checklist.before_release.letter.why":   {"ICE or the judge decides release partly on this letter.", "ICE o el juez o la jueza deciden la salida en parte por esta carta."},
	"checklist.before_release.letter.how":   {"Say who you are, your relationship, your status, where they will live and how you will help. Check it with the lawyer.", "Diga quién es, su relación, su estatus, dónde vivirán y cómo ayudará. Revísela con el abogado o la abogada."},
	"checklist.before_release.letter.bring": {"Proof of status, proof of the address, and the group's written commitments.", "Prueba de su estatus, prueba de la dirección y los compromisos del grupo por escrito."},

	"checklist.before_release.proof.title": {"Gather proof of income and ID", "Reúna pruebas de ingresos e identificación"},
	"checklist.before_release.proof.why":   {"The sponsor must show they can support the person.", "El patrocinador debe mostrar que puede mantener a la persona."},
	"checklist.before_release.proof.how":   {"Copy the documents. Keep the originals safe.", "Saque copias de los documentos. Guarde los originales en un lugar seguro."},
	"checklist.before_release.proof.bring": {"Photo ID, recent pay slips or a tax return, a bank letter if you have one.", "Identificación con foto, talones de pago o declaración de impuestos, y una carta del banco si la tiene."},

	"checklist.before_release.translations.title": {"Translate documents into English", "Traduzca los documentos al inglés"},
	"checklist.before_release.translations.why":   {"The court and ICE read English only. A translation without a certificate can be refused.", "El tribunal e ICE solo leen inglés. Pueden rechazar una traducción sin certificado."},
	"checklist.before_release.translations.how":   {"Have each document translated in full. The translator signs a certificate that they are competent.", "Traduzca cada documento completo. La persona que traduce firma un certificado de que es competente."},

	"checklist.before_release.bond.title": {"Plan for a bond", "Prepare un plan para la fianza"},
	"checklist.before_release.bond.why":   {"Some people are released only after a bond is paid. Bonds are often thousands of dollars.", "Algunas personas salen solo después de pagar una fianza. Las fianzas suelen ser de miles de dólares."},
	"checklist.before_release.bond.how":   {"Decide who pays and from which money. The payer gets it back when the case ends, if every hearing is attended.", "Decida quién paga y con qué dinero. Se devuelve al terminar el caso, si la persona fue a cada audiencia."},

	"checklist.before_release.pickup.title": {"Plan the pickup", "Planee la recogida"},
	"checklist.before_release.pickup.why":   {"Releases can be sudden and at night, far from home.", "La salida puede ser de repente y de noche, lejos de casa."},
	"checklist.before_release.pickup.how":   {"Name two drivers who can leave at short notice. Agree who the person should call.", "Nombre a dos choferes que puedan salir de inmediato. Acuerde a quién debe llamar la persona."},
	"checklist.before_release.pickup.bring": {"Water, food, a phone charger, warm clothes and someone who speaks their language.", "Agua, comida, un cargador de teléfono, ropa abrigada y alguien que hable su idioma."},

	"checklist.before_release.room.title": {"Get the room ready", "Prepare la habitación"},
	"checklist.before_release.room.why":   {"Arriving to a bed, food and a quiet place helps after detention.", "Llegar a una cama, comida y un lugar tranquilo ayuda después de la detención."},
	"checklist.before_release.room.how":   {"Make the bed, stock basic food and toiletries, and write down the house rules in their language.", "Prepare la cama, compre comida y artículos de aseo, y escriba las reglas de la casa en su idioma."},

	"checklist.before_release.emergency.title": {"Make an emergency plan", "Haga un plan de emergencia"},
	"checklist.before_release.emergency.why":   {"If ICE detains the person again, the group must act within hours.", "Si ICE vuelve a detener a la persona, el grupo debe actuar en pocas horas."},
	"checklist.before_release.emergency.how":   {"Write down whom to call: the lawyer, the coordinator, a family contact. Keep the paper at home.", "Anote a quién llamar: al abogado o la abogada, a la persona coordinadora, a un familiar. Guarde el papel en casa."},

	// 3. The first week.
	"checklist.first_week.eoir33.title": {"Send the EOIR-33 change of address to the court", "Envíe el EOIR-33, cambio de dirección, al tribunal"},
	"checklist.first_week.eoir33.why":   {"Court notices go to the address on file. A missed hearing can end in a removal order.", "Las citas del tribunal llegan a la dirección anotada. Faltar a una audiencia puede terminar en una orden de deportación."},
	"checklist.first_week.eoir33.how":   {"Fill in one EOIR-33 per person within 5 days. Send a copy to the government lawyer's office (DHS/ICE) too.", "Llene un EOIR-33 por persona en 5 días o menos. Mande también una copia a la oficina del abogado del gobierno (DHS/ICE)."},

	"checklist.first_week.ar11.title": {"Send the AR-11 change of address to USCIS", "Envíe el AR-11, cambio de dirección, a USCIS"},
	"checklist.first_week.ar11.why":   {"USCIS sends its notices to the address it has. The law asks for it within 10 days.", "USCIS manda sus avisos a la dirección que tiene. La ley pide avisar en 10 días o menos."},
	"checklist.first_week.ar11.how":   {"File one AR-11 per person online on the USCIS page. Save the confirmation.", "Presente un AR-11 por persona en la página de USCIS. Guarde la confirmación."},

	"checklist.first_week.ice.title": {"Tell ICE the new address and go to the first check-in", "Avise a ICE la nueva dirección y vaya a la primera cita de control"},
	"checklist.first_week.ice.why":   {"The release papers set reporting rules. Missing a check-in can lead to detention.", "Los papeles de salida fijan reglas para presentarse. Faltar a una cita de control puede llevar a otra detención."},
	"checklist.first_week.ice.how":   {"Read the release papers for the date and office. Go with a volunteer. Keep every paper ICE gives.", "Lea en los papeles de salida la fecha y la oficina. Vaya con una persona voluntaria. Guarde cada papel que le den."},
	"checklist.first_week.ice.bring": {"The release papers, photo ID if any, and the lawyer's phone number.", "Los papeles de salida, una identificación si la tiene y el teléfono del abogado o la abogada."},

	"checklist.first_week.venue.title": {"Ask for a change of venue if needed", "Pida el cambio de tribunal si hace falta"},
	"checklist.first_week.venue.why":   {"If the new home is under another court, the case stays at the old court until a judge agrees.", "Si la nueva casa queda bajo otro tribunal, el caso sigue en el anterior. Cambia cuando el juez o la jueza lo acepte."},
	"checklist.first_week.venue.how":   {"Ask the lawyer to file a motion to change venue. Keep going to the old court until it is granted.", "Pida al abogado o la abogada una moción de cambio de tribunal. Siga yendo al tribunal anterior hasta que la aprueben."},

	"checklist.first_week.hearing.title": {"Put the next hearing on the calendar", "Anote la próxima audiencia en el calendario"},
	"checklist.first_week.hearing.why":   {"Missing a hearing can mean a removal order. Dates change without much warning.", "Faltar a una audiencia puede traer una orden de deportación. Las fechas cambian sin mucho aviso."},
	"checklist.first_week.hearing.how":   {"Check the date on EOIR's automated case page or by phone. Record it in Puente with who goes.", "Revise la fecha en la página de estado del caso de EOIR o por teléfono. Anótela en Puente con quién acompaña."},

	"checklist.first_week.one_year.title": {"Record the one-year asylum deadline", "Anote el plazo de un año para pedir asilo"},
	"checklist.first_week.one_year.why":   {"Asylum must be filed within one year of the last arrival in the US, with few exceptions.", "Hay que pedir asilo en el año después de la última llegada a Estados Unidos, con pocas excepciones."},
	"checklist.first_week.one_year.how":   {"Record the last arrival date on the case. Puente then shows the deadline. Confirm it with the lawyer.", "Anote en el caso la fecha de la última llegada. Puente mostrará el plazo. Confírmelo con el abogado o la abogada."},

	"checklist.first_week.papers.title": {"Copy the release papers", "Saque copias de los papeles de salida"},
	"checklist.first_week.papers.why":   {"Lost papers are hard to replace, and the lawyer needs them.", "Es difícil reponer papeles perdidos, y el abogado o la abogada los necesita."},
	"checklist.first_week.papers.how":   {"Make two copies. The person keeps the originals; the lawyer gets one copy.", "Haga dos copias. La persona guarda los originales; el abogado o la abogada recibe una copia."},

	"checklist.first_week.orientation.title": {"Give a first orientation", "Dé una primera orientación"},
	"checklist.first_week.orientation.why":   {"A new town, buses, shops and the group itself are all unknown.", "El pueblo, los autobuses, las tiendas y el mismo grupo son desconocidos."},
	"checklist.first_week.orientation.how":   {"Walk the neighbourhood together. Explain who in the group does what and how to reach them.", "Camine por el barrio con la persona. Explique quién hace qué en el grupo y cómo encontrarle."},

	"checklist.first_week.health.title": {"Arrange a health check", "Consiga una revisión médica"},
	"checklist.first_week.health.why":   {"Detention can leave untreated illness, and some medicines run out.", "La detención puede dejar enfermedades sin tratar, y algunas medicinas se acaban."},
	"checklist.first_week.health.how":   {"Find a community clinic that sees uninsured patients. Bring an interpreter.", "Busque una clínica comunitaria que atienda a personas sin seguro. Lleve un intérprete."},
}

func init() {
	for k, v := range checklistReadyMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
