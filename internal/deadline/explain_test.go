package deadline

import (
	"strings"
	"testing"
)

func TestFormatDate(t *testing.T) {
	tests := []struct {
		date    string
		lang    Lang
		plain   string
		weekday string
	}{
		{"2026-03-03", English, "3 Mar 2026", "Tuesday 3 Mar 2026"},
		{"2026-03-03", Spanish, "3 mar. 2026", "martes 3 mar. 2026"},
		{"2026-08-10", English, "10 Aug 2026", "Monday 10 Aug 2026"},
		{"2026-08-10", Spanish, "10 ago. 2026", "lunes 10 ago. 2026"},
		{"2026-01-17", Spanish, "17 ene. 2026", "sábado 17 ene. 2026"},
		{"2026-12-02", Spanish, "2 dic. 2026", "miércoles 2 dic. 2026"},
	}
	for _, tt := range tests {
		if got := ShortDate(day(tt.date), tt.lang.T); got != tt.plain {
			t.Errorf("ShortDate(%s, %s) got %v, want %v", tt.date, tt.lang, got, tt.plain)
		}
		if got := WeekdayDate(day(tt.date), tt.lang.T); got != tt.weekday {
			t.Errorf("WeekdayDate(%s, %s) got %v, want %v", tt.date, tt.lang, got, tt.weekday)
		}
	}
	if got := ShortDate(Date{}, English.T); got != "" {
		t.Errorf("got %q, want empty", got)
	}
}

// TestWorking: how each date was counted, in words and full dates (issue 15,
// C6 and C10: no "+" or "=", "lunes 21 de diciembre de 2026").
func TestWorking(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name  string
		facts Facts
		key   string
		en    string
		es    string
	}{
		{"plain days", Facts{Arrival: day("2026-03-03")}, "eoir33-change-of-address/arrival",
			"Arrived at the sponsor's home on Tuesday 3 March 2026. 5 days later is Sunday 8 March 2026.",
			"Llegaron a la casa del patrocinador el martes 3 de marzo de 2026. 5 días después es el domingo 8 de marzo de 2026."},
		{"weekend roll", Facts{LastUSArrival: day("2025-08-08")}, "i589-one-year/last_us_arrival",
			"Last arrival in the United States: Friday 8 August 2025. One year later is Saturday 8 August 2026. That day is a Saturday. The deadline moves to the next business day: Monday 10 August 2026.",
			"Última llegada a Estados Unidos: viernes 8 de agosto de 2025. Un año después es el sábado 8 de agosto de 2026. Ese día es sábado. La fecha límite pasa al siguiente día hábil: lunes 10 de agosto de 2026."},
		{"sunday roll (the review's example)", Facts{LastUSArrival: day("2025-12-20")}, "i589-one-year/last_us_arrival",
			"Last arrival in the United States: Saturday 20 December 2025. One year later is Sunday 20 December 2026. That day is a Sunday. The deadline moves to the next business day: Monday 21 December 2026.",
			"Última llegada a Estados Unidos: sábado 20 de diciembre de 2025. Un año después es el domingo 20 de diciembre de 2026. Ese día es domingo. La fecha límite pasa al siguiente día hábil: lunes 21 de diciembre de 2026."},
		{"observed holiday roll", Facts{LastUSArrival: day("2025-07-03")}, "i589-one-year/last_us_arrival",
			"Last arrival in the United States: Thursday 3 July 2025. One year later is Friday 3 July 2026. That day is a federal holiday (Independence Day; the holiday moves to this day). The deadline moves to the next business day: Monday 6 July 2026.",
			"Última llegada a Estados Unidos: jueves 3 de julio de 2025. Un año después es el viernes 3 de julio de 2026. Ese día es feriado federal (Día de la Independencia; el feriado se pasa a este día). La fecha límite pasa al siguiente día hábil: lunes 6 de julio de 2026."},
		{"year end roll", Facts{Decisions: []Event{{Date: day("2022-12-01")}}}, "bia-appeal/decision#1",
			"Judge's decision: Thursday 1 December 2022. 30 days later is Saturday 31 December 2022. That day is a Saturday. Monday 2 January 2023 is a federal holiday too (New Year's Day; the holiday moves to this day). The deadline moves to the next business day: Tuesday 3 January 2023.",
			"Decisión del juez o la jueza: jueves 1 de diciembre de 2022. 30 días después es el sábado 31 de diciembre de 2022. Ese día es sábado. El lunes 2 de enero de 2023 también es feriado federal (Año Nuevo; el feriado se pasa a este día). La fecha límite pasa al siguiente día hábil: martes 3 de enero de 2023."},
		{"feb 29, due by: the day before", Facts{LastUSArrival: day("2024-02-29")}, "i589-one-year/last_us_arrival",
			"Last arrival in the United States: Thursday 29 February 2024. One year later is Friday 28 February 2025 (there is no 29 February 2025, so Puente uses the day before).",
			"Última llegada a Estados Unidos: jueves 29 de febrero de 2024. Un año después es el viernes 28 de febrero de 2025 (no existe el 29 de febrero de 2025, así que Puente usa el día anterior)."},
		{"feb 29, opens: the day after", Facts{Grant: day("2024-02-29")}, "i485-eligible/grant",
			"Asylum granted on Thursday 29 February 2024. One year later is Saturday 1 March 2025 (there is no 29 February 2025, so Puente uses the day after: a window must not be used too early).",
			"Asilo concedido el jueves 29 de febrero de 2024. Un año después es el sábado 1 de marzo de 2025 (no existe el 29 de febrero de 2025, así que Puente usa el día siguiente: no se debe presentar antes de tiempo)."},
		{"backward", Facts{IndividualHearings: []Event{{Date: day("2026-10-20")}}}, "individual-hearing-evidence/individual_hearing#1",
			"Individual hearing: Tuesday 20 October 2026. 30 days before is Sunday 20 September 2026.",
			"Audiencia individual: martes 20 de octubre de 2026. 30 días antes es el domingo 20 de septiembre de 2026."},
		{"clock", Facts{I589Filed: day("2026-01-02")}, "ead-may-file/i589_filed",
			"The asylum application (I-589) was filed on Friday 2 January 2026. The asylum clock reaches 150 days on Monday 1 June 2026.",
			"Se entregó la solicitud de asilo (I-589) el viernes 2 de enero de 2026. El reloj de asilo llega a 150 días el lunes 1 de junio de 2026."},
		{"clock with pauses", Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-02-01"), To: day("2026-02-12")}}}, "ead-may-file/i589_filed",
			"The asylum application (I-589) was filed on Friday 2 January 2026. The clock was stopped for 12 days, so it reaches 150 days on Saturday 13 June 2026.",
			"Se entregó la solicitud de asilo (I-589) el viernes 2 de enero de 2026. El reloj estuvo parado 12 días, así que llega a 150 días el sábado 13 de junio de 2026."},
		{"clock paused", Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-03-01")}}}, "ead-may-file/i589_filed",
			"The asylum application (I-589) was filed on Friday 2 January 2026. 57 of the 150 days have passed. The clock has been stopped since Sunday 1 March 2026. The date is not known until it runs again.",
			"Se entregó la solicitud de asilo (I-589) el viernes 2 de enero de 2026. Van 57 de los 150 días. El reloj está parado desde el domingo 1 de marzo de 2026. No se sabe la fecha hasta que vuelva a contar."},
		{"birthday (no birth date in the text)", Facts{BirthDate: day("2012-02-29")}, "child-registration-14/fourteenth_birthday",
			"Turns 14 on Saturday 28 February 2026. Born on 29 February: in a year without that day, Puente uses 28 February, the earlier date. 30 days later is Monday 30 March 2026.",
			"Cumple 14 años el sábado 28 de febrero de 2026. Nació un 29 de febrero: en un año sin ese día, Puente usa el 28 de febrero, la fecha más temprana. 30 días después es el lunes 30 de marzo de 2026."},
		{"registration covered as an open obligation", Facts{BirthDate: day("2011-03-20")}, "child-registration-14/fourteenth_birthday",
			"Turns 14 on Thursday 20 March 2025. 30 days later is Saturday 19 April 2025. The rule took effect on Friday 11 April 2025, while these 30 days were still running, so it applies.",
			"Cumple 14 años el jueves 20 de marzo de 2025. 30 días después es el sábado 19 de abril de 2025. La regla empezó el viernes 11 de abril de 2025, cuando estos 30 días todavía estaban corriendo, así que se aplica."},
		{"expiry", Facts{EADExpiry: day("2027-06-01")}, "ead-expiry/ead_expiry",
			"The work permit expires on Tuesday 1 June 2027.",
			"El permiso de trabajo vence el martes 1 de junio de 2027."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(t, Compute(rs, tt.facts), tt.key)
			if in(d.Working, English) != tt.en {
				t.Errorf("English got %v, want %v", in(d.Working, English), tt.en)
			}
			if in(d.Working, Spanish) != tt.es {
				t.Errorf("Spanish got %v, want %v", in(d.Working, Spanish), tt.es)
			}
			if strings.ContainsAny(in(d.Working, English)+in(d.Working, Spanish)+in(d.Explanation, English)+in(d.Explanation, Spanish), "{}+=") {
				t.Errorf("placeholder or arithmetic sign left: %q / %q", in(d.Working, English), in(d.Working, Spanish))
			}
		})
	}
}

// TestPlaceholdersFilled: {trigger_date} and {due_date} become full dates;
// a date that cannot be known yet reads as words, not as a gap.
func TestPlaceholdersFilled(t *testing.T) {
	d := find(t, Compute(rules(t), Facts{EADExpiry: day("2027-06-01")}), "ead-renewal-window/ead_expiry")
	if !strings.Contains(in(d.Explanation, English), "expires on Tuesday 1 June 2027") || !strings.Contains(in(d.Explanation, Spanish), "el martes 1 de junio de 2027") {
		t.Errorf("got %q / %q", in(d.Explanation, English), in(d.Explanation, Spanish))
	}
	if !strings.HasPrefix(in(d.Explanation, Spanish), "Puede pedir la renovación del permiso de trabajo desde el jueves 3 de diciembre de 2026.") {
		t.Errorf("got %q, want the due date in full in the first sentence", in(d.Explanation, Spanish))
	}
	paused := find(t, Compute(rules(t), Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-03-01")}}}), "ead-may-file/i589_filed")
	if got := in(paused.Explanation, Spanish); !strings.Contains(got, "el día que aún no se conoce") || strings.ContainsAny(got, "{}") {
		t.Errorf("a due day not known yet: got %q", got)
	}
}

func TestTextSay(t *testing.T) {
	tx := Text{Key: "engine.working.later", Args: []any{quantity(1, Years), day("2026-03-03")}}
	tx.Args[0] = Text{Key: "engine.qty.years_one", Upper: true}
	if got, want := tx.Say(Spanish.T), "Un año después es el martes 3 de marzo de 2026."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if (Text{}).Say(English.T) != "" {
		t.Errorf("a Text without a key says something")
	}
	if d := Disclaimer(); !strings.Contains(in(d, English), "lawyer") || !strings.Contains(in(d, Spanish), "abogad") {
		t.Errorf("disclaimer must send people to the lawyer: %+v", d)
	}
}
