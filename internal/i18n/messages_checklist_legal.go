package i18n

// checklistLegalMessages are the words of the last four stages' shipped
// checklist items (internal/checklist): the legal case and its deadlines,
// daily life, privacy and safety, ending the sponsorship.
var checklistLegalMessages = map[string][2]string{
	// 4. The legal case and its deadlines.
	"checklist.legal.hearings.title": {"Go with them to every hearing", "Acompañe a cada audiencia"},
	"checklist.legal.hearings.why":   {"A missed hearing can end in a removal order. A companion helps with nerves and rides.", "Faltar a una audiencia puede traer una orden de deportación. Ir acompañado ayuda con los nervios y el transporte."},
	"checklist.legal.hearings.how":   {"Sign up in Puente for each hearing. Arrive an hour early. Wait outside if the judge asks.", "Anótese en Puente para cada audiencia. Llegue una hora antes. Espere afuera si el juez o la jueza lo pide."},
	"checklist.legal.hearings.bring": {"Every court notice, photo ID if any, and the lawyer's phone number.", "Cada aviso del tribunal, una identificación si la tiene y el teléfono del abogado o la abogada."},

	"checklist.legal.i589.title": {"File the asylum application (I-589) before the one-year deadline", "Presente la solicitud de asilo (Formulario I-589) antes del plazo de un año"},
	"checklist.legal.i589.why":   {"After one year, asylum is possible only with a narrow exception. The filing also starts the asylum clock.", "Después de un año, el asilo solo es posible con una excepción. Presentarla también pone en marcha el reloj de asilo."},
	"checklist.legal.i589.how":   {"The lawyer prepares and files it, with the court if the case is there. The fee is $100.", "El abogado o la abogada la prepara y la presenta, ante el tribunal si el caso está allí. La tarifa es de $100."},

	"checklist.legal.fee.title": {"Pay the annual asylum fee when a notice comes", "Pague la tarifa anual de asilo cuando llegue el aviso"},
	"checklist.legal.fee.why":   {"Each year the application is pending, a fee is due. Not paying can stop the case.", "Cada año que la solicitud sigue abierta hay que pagar una tarifa. No pagarla puede detener el caso."},
	"checklist.legal.fee.how":   {"Record the notice's date in Puente. Pay within 30 days as the notice says. Keep the receipt.", "Anote en Puente la fecha del aviso. Pague en 30 días o menos como dice el aviso. Guarde el recibo."},

	"checklist.legal.biometrics.title": {"Go to the biometrics appointment", "Vaya a la cita de servicios biométricos (huellas y foto)"},
	"checklist.legal.biometrics.why":   {"Missing it stops the asylum clock, and the work permit waits longer.", "Faltar detiene el reloj de asilo, y el permiso de trabajo tarda más."},
	"checklist.legal.biometrics.how":   {"Read the notice for the date and center. Arrange a ride. Call USCIS before the date if it cannot be kept.", "Lea en el aviso la fecha y el centro. Consiga transporte. Llame a USCIS antes si no puede ir."},
	"checklist.legal.biometrics.bring": {"The appointment notice and photo ID.", "El aviso de la cita y una identificación con foto."},

	"checklist.legal.ead.title": {"File for the work permit at day 150", "Pida el permiso de trabajo el día 150"},
	"checklist.legal.ead.why":   {"A work permit (Employment Authorization Document, EAD) lets the person earn and leave the group's support.", "El permiso de trabajo (Documento de Autorización de Empleo, EAD) le deja ganar dinero y dejar el apoyo del grupo."},
	"checklist.legal.ead.how":   {"File Form I-765 when the asylum clock reaches 150 days, not before. Puente shows the date.", "Presente el Formulario I-765 cuando el reloj de asilo llegue a 150 días, no antes. Puente muestra la fecha."},

	"checklist.legal.ead_renewal.title": {"Renew the work permit in time", "Renueve el permiso de trabajo a tiempo"},
	"checklist.legal.ead_renewal.why":   {"An expired card means the job stops. Renewals no longer extend the old card automatically.", "Con la tarjeta vencida, el trabajo se detiene. La renovación ya no extiende la tarjeta anterior."},
	"checklist.legal.ead_renewal.how":   {"Record the card's expiry in Puente. File the renewal as soon as the window opens.", "Anote en Puente el vencimiento de la tarjeta. Presente la renovación en cuanto se abra el plazo."},

	"checklist.legal.evidence.title": {"Send evidence before the individual hearing", "Envíe las pruebas antes de la audiencia individual"},
	"checklist.legal.evidence.why":   {"Evidence filed late may not be considered by the judge.", "El juez o la jueza puede no aceptar pruebas presentadas tarde."},
	"checklist.legal.evidence.how":   {"Help the lawyer gather letters, reports and translations. They are due 30 days before the hearing.", "Ayude al abogado o la abogada a reunir cartas, informes y traducciones. Vencen 30 días antes de la audiencia."},

	"checklist.legal.appeal.title": {"Appeal within 30 days if the judge denies", "Apele en 30 días si el juez o la jueza niega el caso"},
	"checklist.legal.appeal.why":   {"The appeal must reach the Board of Immigration Appeals (BIA) within 30 days, or the order becomes final.", "La apelación debe llegar a la Junta de Apelaciones de Inmigración (BIA) en 30 días, o la orden queda firme."},
	"checklist.legal.appeal.how":   {"Call the lawyer the day of the decision. The appeal uses Form EOIR-26.", "Llame al abogado o la abogada el mismo día de la decisión. La apelación usa el Formulario EOIR-26."},

	"checklist.legal.i730.title": {"Petition for family abroad after a grant (I-730)", "Pida traer a su familia después de recibir asilo (I-730)"},
	"checklist.legal.i730.why":   {"A spouse and children under 21 can join within 2 years of the grant.", "Su esposo o esposa y sus hijos menores de 21 pueden venir en los 2 años después del asilo."},
	"checklist.legal.i730.how":   {"File one Form I-730 per family member. There is no fee.", "Presente un Formulario I-730 por familiar. No hay tarifa."},

	"checklist.legal.i485.title": {"Apply for the green card one year after the grant", "Pida la residencia permanente un año después del asilo"},
	"checklist.legal.i485.why":   {"A green card gives stability and, later, the path to citizenship.", "La residencia permanente (tarjeta verde) da estabilidad y, después, el camino a la ciudadanía."},
	"checklist.legal.i485.how":   {"File Form I-485 once the person has lived in the US one year since the grant.", "Presente el Formulario I-485 cuando haya vivido un año en Estados Unidos desde el asilo."},

	"checklist.legal.benefits.title": {"Use refugee benefits before they end", "Use las ayudas para refugiados antes de que terminen"},
	"checklist.legal.benefits.why":   {"After a grant, cash and medical help from ORR last only a few months.", "Después del asilo, la ayuda de dinero y médica de ORR dura solo unos meses."},
	"checklist.legal.benefits.how":   {"Contact the state's refugee office in the first weeks after the grant. Bring the grant letter.", "Llame a la oficina de refugiados del estado en las primeras semanas. Lleve la carta del asilo."},

	"checklist.legal.screening.title": {"Book the health screening after a grant", "Pida la revisión médica después del asilo"},
	"checklist.legal.screening.why":   {"A free health screening is offered within 90 days of the grant.", "Hay una revisión médica gratis en los 90 días después del asilo."},
	"checklist.legal.screening.how":   {"Ask the state's refugee health program for an appointment. Bring an interpreter.", "Pida una cita al programa de salud para refugiados del estado. Lleve un intérprete."},

	// 5. Daily life and independence.
	"checklist.daily_life.school.title": {"Enroll the children in school", "Inscriba a los niños en la escuela"},
	"checklist.daily_life.school.why":   {"Every child has the right to public school, whatever their papers.", "Todo niño tiene derecho a la escuela pública, tenga o no papeles."},
	"checklist.daily_life.school.how":   {"Visit the district office. Ask for language support and free meals.", "Vaya a la oficina del distrito escolar. Pida apoyo de idioma y comidas gratis."},
	"checklist.daily_life.school.bring": {"Birth certificates, vaccination records and proof of where they live.", "Actas de nacimiento, cartillas de vacunas y prueba de dónde viven."},

	"checklist.daily_life.english.title": {"Find English classes", "Busque clases de inglés"},
	"checklist.daily_life.english.why":   {"English opens work, school meetings and daily life.", "El inglés abre el trabajo, las reuniones de la escuela y la vida diaria."},
	"checklist.daily_life.english.how":   {"Look for free classes at libraries and community colleges. Arrange rides or childcare.", "Busque clases gratis en bibliotecas y colegios comunitarios. Consiga transporte o quien cuide a los niños."},

	"checklist.daily_life.doctor.title": {"Find a regular doctor or clinic", "Busque un médico o una clínica de confianza"},
	"checklist.daily_life.doctor.why":   {"Emergencies cost less and go better with a clinic that knows the family.", "Las emergencias cuestan menos y salen mejor con una clínica que ya conoce a la familia."},
	"checklist.daily_life.doctor.how":   {"Use a community health center with a sliding fee. Note who drives to appointments.", "Use un centro de salud comunitario con precio según ingresos. Anote quién lleva a las citas."},

	"checklist.daily_life.phone.title": {"Set up a phone and mail that work", "Consiga un teléfono y un correo postal que funcionen"},
	"checklist.daily_life.phone.why":   {"Court and USCIS notices come by mail. The lawyer calls by phone.", "Los avisos del tribunal y de USCIS llegan por correo. El abogado o la abogada llama por teléfono."},
	"checklist.daily_life.phone.how":   {"Put the family's name on the mailbox. Check the mail every day and photograph each notice.", "Ponga el nombre de la familia en el buzón. Revise el correo cada día y tome foto de cada aviso."},

	"checklist.daily_life.rides.title": {"Plan transport to every appointment", "Planee el transporte a cada cita"},
	"checklist.daily_life.rides.why":   {"A missed bus can mean a missed hearing or check-in.", "Perder el autobús puede significar faltar a una audiencia o a una cita de control."},
	"checklist.daily_life.rides.how":   {"Sign drivers up in Puente for each appointment. Teach the bus routes little by little.", "Anote choferes en Puente para cada cita. Enseñe poco a poco las rutas de autobús."},

	"checklist.daily_life.jobs.title": {"Look for work once the permit arrives", "Busque trabajo cuando llegue el permiso"},
	"checklist.daily_life.jobs.why":   {"Working without a permit can harm the case. With one, a job is the road to independence.", "Trabajar sin permiso puede dañar el caso. Con permiso, el empleo es el camino a la independencia."},
	"checklist.daily_life.jobs.how":   {"Help with a résumé, a Social Security card and interviews. Use the group's contacts.", "Ayude con el currículum, la tarjeta del Seguro Social y las entrevistas. Use los contactos del grupo."},

	"checklist.daily_life.money.title": {"Plan the household budget together", "Planee con la familia el presupuesto de la casa"},
	"checklist.daily_life.money.why":   {"Knowing the costs makes the end of the group's support less frightening.", "Conocer los gastos hace menos difícil el final del apoyo del grupo."},
	"checklist.daily_life.money.how":   {"Go through rent, food and bills each month. Open a bank account when possible.", "Revise cada mes la renta, la comida y las cuentas. Abra una cuenta de banco cuando se pueda."},

	"checklist.daily_life.community.title": {"Connect with the community", "Conecte con la comunidad"},
	"checklist.daily_life.community.why":   {"Friends who share the language help more than any volunteer can.", "Amigos que hablan el mismo idioma ayudan más que cualquier persona voluntaria."},
	"checklist.daily_life.community.how":   {"Ask about faith groups, sports and community centers the person would like.", "Pregunte por grupos de fe, deportes y centros comunitarios que le interesen a la persona."},

	"checklist.daily_life.plan_end.title": {"Plan the end of hosting early", "Planee pronto el final de la acogida"},
	"checklist.daily_life.plan_end.why":   {"An end that comes as a surprise can mean losing the home.", "Un final por sorpresa puede significar perder la casa."},
	"checklist.daily_life.plan_end.how":   {"Three months before, agree the date, the next home and what help continues.", "Tres meses antes, acuerde la fecha, la próxima vivienda y qué ayuda sigue."},

	// 6. Privacy and safety.
	"checklist.privacy.anumber.title": {"Treat the A-number as a secret", "Trate el Número A como un secreto"},
	"checklist.privacy.anumber.why":   {"With the A-number, anyone can look up the next hearing's date, time and place.", "Con el Número A, cualquiera puede ver la fecha, la hora y el lugar de la próxima audiencia."},
	"checklist.privacy.anumber.how":   {"Keep it only in Puente, where it is hidden. Never text it, email it or write it on a calendar.", "Guárdelo solo en Puente, donde está oculto. Nunca lo mande por mensaje o correo ni lo escriba en un calendario."},

	"checklist.privacy.posting.title": {"Never post about the family", "Nunca publique nada sobre la familia"},
	"checklist.privacy.posting.why":   {"Photos, names and places online can lead people to the family, or to the court on hearing day.", "Fotos, nombres y lugares en internet pueden llevar a otras personas hasta la familia. También al tribunal el día de la audiencia."},
	"checklist.privacy.posting.how":   {"No photos, names, towns or court dates on social media or in newsletters. Ask before any story.", "Nada de fotos, nombres, pueblos ni fechas del tribunal en redes sociales o boletines. Pregunte antes de contar algo."},

	"checklist.privacy.story.title": {"Keep the asylum story with the lawyer", "Deje la historia de asilo con el abogado o la abogada"},
	"checklist.privacy.story.why":   {"Notes can be demanded and read. Small differences from the sworn story can hurt the case.", "Las notas se pueden exigir y leer. Pequeñas diferencias con la historia jurada pueden dañar el caso."},
	"checklist.privacy.story.how":   {"Do not ask for the story and do not write it down. If the person tells it, listen and send them to the lawyer.", "No pida la historia ni la escriba. Si la persona la cuenta, escuche y envíele al abogado o la abogada."},

	"checklist.privacy.records.title": {"Know what to do if someone asks for the group's records", "Sepa qué hacer si alguien pide los datos del grupo"},
	"checklist.privacy.records.why":   {"ICE can send a subpoena without a judge. You cannot hand over what you no longer hold.", "ICE puede mandar una citación sin orden del juez o la jueza. No puede entregar lo que ya no guarda."},
	"checklist.privacy.records.how":   {"Do not answer on the spot. Take the paper, call the coordinator and a lawyer, and hand nothing over.", "No responda en el momento. Tome el papel, llame a la persona coordinadora y al abogado o la abogada, y no entregue nada."},

	"checklist.privacy.devices.title": {"Lock phones and computers", "Proteja teléfonos y computadoras"},
	"checklist.privacy.devices.why":   {"A lost phone with the group's chats open shows everything.", "Un teléfono perdido con los chats del grupo abiertos muestra todo."},
	"checklist.privacy.devices.how":   {"Use a screen lock and two-step sign-in in Puente. Sign out on shared computers.", "Use bloqueo de pantalla y el inicio de sesión en dos pasos en Puente. Cierre la sesión en computadoras compartidas."},

	"checklist.privacy.notes.title": {"Write notes as if a stranger will read them", "Escriba las notas como si un extraño fuera a leerlas"},
	"checklist.privacy.notes.why":   {"Notes last, and they can be read by people the family never met.", "Las notas duran, y las pueden leer personas que la familia no conoce."},
	"checklist.privacy.notes.how":   {"Write facts about tasks only: who, what, when. Nothing about health, the journey or the past.", "Escriba solo datos de las tareas: quién, qué, cuándo. Nada de salud, del viaje ni del pasado."},

	// 7. Ending the sponsorship.
	"checklist.ending.handover.title": {"Hand over every task", "Entregue cada tarea"},
	"checklist.ending.handover.why":   {"Deadlines continue after the group stops: hearings, renewals, the green card.", "Los plazos siguen después del grupo: audiencias, renovaciones, la residencia permanente."},
	"checklist.ending.handover.how":   {"Go through the open deadlines with the person. Write each one down for them in their language.", "Revise con la persona los plazos abiertos. Escríbale cada uno en su idioma."},

	"checklist.ending.contacts.title": {"Give the person their contacts and papers", "Entregue a la persona sus contactos y papeles"},
	"checklist.ending.contacts.why":   {"The person must reach the lawyer, the court and USCIS alone.", "La persona debe poder comunicarse sola con el abogado o la abogada, el tribunal y USCIS."},
	"checklist.ending.contacts.how":   {"Hand over every original document the group held. Keep no copies the person does not want kept.", "Entregue cada documento original que guardaba el grupo. No guarde copias que la persona no quiera."},
	"checklist.ending.contacts.bring": {"All original papers, the lawyer's contact, and the court and USCIS phone numbers.", "Todos los papeles originales, el contacto del abogado o la abogada, y los teléfonos del tribunal y de USCIS."},

	"checklist.ending.in_touch.title": {"Agree who stays in touch", "Acuerde quién sigue en contacto"},
	"checklist.ending.in_touch.why":   {"A friendly contact helps when a new notice or problem comes.", "Un contacto de confianza ayuda cuando llega un aviso o un problema nuevo."},
	"checklist.ending.in_touch.how":   {"Name one volunteer the person can call, and for how long.", "Nombre a una persona voluntaria a quien pueda llamar, y por cuánto tiempo."},

	"checklist.ending.delete.title": {"Delete what the group no longer needs", "Borre lo que el grupo ya no necesita"},
	"checklist.ending.delete.why":   {"Data you do not hold cannot be demanded or leaked.", "Nadie puede exigir ni filtrar datos que usted ya no guarda."},
	"checklist.ending.delete.how":   {"Close the case in Puente; its personal details are deleted after the group's waiting period. Delete chats and files too.", "Cierre el caso en Puente; sus datos personales se borran después del tiempo que fija el grupo. Borre también chats y archivos."},

	"checklist.ending.review.title": {"Look back together", "Revise la experiencia con el grupo"},
	"checklist.ending.review.why":   {"What you learned helps the next group and the next family.", "Lo que aprendió ayuda al próximo grupo y a la próxima familia."},
	"checklist.ending.review.how":   {"Meet once. Note what worked and what to change, without personal details.", "Reúnase una vez. Anote qué funcionó y qué cambiar, sin datos personales."},
}

func init() {
	for k, v := range checklistLegalMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
