package demo

import (
	"reflect"

	"puente/internal/i18n"
	"puente/internal/store"
)

// spanish is the demo's free text (courts, places, notes, languages,
// relationships) as a Spanish-speaking group would type it. Seeding in
// Spanish swaps every value found here; names of people, countries and
// organisations stay as they are. The review of the Spanish interface
// (issue 15, "Other notes") asked for it: a family reading the demo in
// Spanish should not meet "daughter" or "Filed online" on the case page.
var spanish = map[string]string{
	"Demo Immigration Court":          "Tribunal de Inmigración Demo",
	"Demo Immigration Court, Room 12": "Tribunal de Inmigración Demo, sala 12",
	"Demo Immigration Court, Room 3":  "Tribunal de Inmigración Demo, sala 3",
	"Demo Immigration Court, Room 7":  "Tribunal de Inmigración Demo, sala 7",
	"Demo Immigration Court (Denver)": "Tribunal de Inmigración Demo (Denver)",
	"Demo Legal Aid":                  "Ayuda Legal Demo",
	"Demo Refugee Clinic":             "Clínica para Refugiados Demo",
	"Demo Pro Bono Project":           "Proyecto Pro Bono Demo",
	"Demo Processing Center":          "Centro de Procesamiento Demo",
	"Demo Detention Center":           "Centro de Detención Demo",
	"Demo ICE field office":           "Oficina local de ICE Demo",
	"Demo Application Support Center": "Centro de Asistencia en Solicitudes (ASC) Demo",
	"Spanish":                         "español",
	"Spanish, Mam":                    "español, mam",
	"K'iche', Spanish":                "k'iche', español",
	"English, Igbo":                   "inglés, igbo",
	"daughter":                        "hija",
	"Filed online, copy to DHS":       "Enviado por internet; también se mandó una copia a la oficina del abogado del gobierno (DHS/ICE)",
	"Asked to reschedule":             "Pidió cambiar la fecha de una cita",
	"Oral decision":                   "Decisión dada en la audiencia",
	// The busiest case (busy.go) and the judges (issue 9).
	"Judge A. Demo":                    "Jueza A. Demo",
	"Judge R. Example":                 "Juez R. Ejemplo",
	"Demo Immigration Court, Room 5":   "Tribunal de Inmigración Demo, sala 5",
	"Demo Asylum Clinic":               "Clínica de Asilo Demo",
	"Demo ICE field office, 2nd floor": "Oficina local de ICE Demo, segundo piso",
	"son":                              "hijo",
	"Spanish, English":                 "español, inglés",
	"To a cousin's flat":               "Al apartamento de un primo",
	"Back with the sponsor":            "De vuelta en la casa del patrocinador",
	"Children included":                "Incluye a los hijos",
	"Asked for more time":              "Pidió más tiempo",
	"Oral decision: asylum denied":     "Decisión dada en la audiencia: asilo negado",
	"On the mother's I-589":            "Van en el I-589 de la madre",
	"Carmen drives":                    "Carmen maneja",
	"Ana drives, Luis interprets":      "Ana maneja, Luis interpreta",
	// Commitments and what was given (issue 11).
	"The upstairs room at the Lopez home":   "El cuarto de arriba en la casa de los López",
	"Moved in; keys and bedding":            "Se mudó; llaves y ropa de cama",
	"Rent and food":                         "Renta y comida",
	"The rest next week":                    "El resto la próxima semana",
	"Every hearing, with a Spanish speaker": "Cada audiencia, con alguien que hable español",
	"English classes at the library":        "Clases de inglés en la biblioteca",
	"Lawyer's fee":                          "Honorarios del abogado o la abogada",
	"Paid to Demo Legal Aid":                "Pagado a Ayuda Legal Demo",
	"Find documents for the hearing":        "Buscar documentos para la audiencia",
	"Translated the birth certificate":      "Se tradujo el acta de nacimiento",
	"Rides to work":                         "Llevarle al trabajo",
	"Groceries":                             "Comida del supermercado",
}

// translate replaces, in place, every string reachable from v (structs,
// slices, pointers) that the table has a Spanish text for.
func translate(v reflect.Value, table map[string]string) {
	switch v.Kind() {
	case reflect.String:
		if s, ok := table[v.String()]; ok && v.CanSet() {
			v.SetString(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			translate(v.Field(i), table)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			translate(v.Index(i), table)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			translate(v.Elem(), table)
		}
	}
}

// localise returns the demo's cases with their free text in lang.
func localise(cs map[string][]store.CaseSeed, lang i18n.Lang) map[string][]store.CaseSeed {
	if lang != i18n.ES {
		return cs
	}
	for _, list := range cs {
		translate(reflect.ValueOf(list), spanish)
	}
	return cs
}
