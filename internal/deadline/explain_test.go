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
		{"2026-03-03", Spanish, "3 mar 2026", "martes 3 mar 2026"},
		{"2026-08-10", English, "10 Aug 2026", "Monday 10 Aug 2026"},
		{"2026-08-10", Spanish, "10 ago 2026", "lunes 10 ago 2026"},
		{"2026-01-17", Spanish, "17 ene 2026", "sábado 17 ene 2026"},
		{"2026-12-02", Spanish, "2 dic 2026", "miércoles 2 dic 2026"},
	}
	for _, tt := range tests {
		if got := FormatDate(day(tt.date), tt.lang); got != tt.plain {
			t.Errorf("FormatDate(%s, %s) got %v, want %v", tt.date, tt.lang, got, tt.plain)
		}
		if got := FormatDateWeekday(day(tt.date), tt.lang); got != tt.weekday {
			t.Errorf("FormatDateWeekday(%s, %s) got %v, want %v", tt.date, tt.lang, got, tt.weekday)
		}
	}
	if got := FormatDate(Date{}, English); got != "" {
		t.Errorf("got %q, want empty", got)
	}
}

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
			"arrived 3 Mar 2026 + 5 days = 8 Mar 2026",
			"llegó el 3 mar 2026 + 5 días = 8 mar 2026"},
		{"weekend roll", Facts{LastUSArrival: day("2025-08-08")}, "i589-one-year/last_us_arrival",
			"last arrived in the US 8 Aug 2025 + 1 year = 8 Aug 2026, which falls on a Saturday; next business day Monday 10 Aug 2026",
			"última llegada a EE. UU. el 8 ago 2025 + 1 año = 8 ago 2026, que cae en sábado; siguiente día hábil: lunes 10 ago 2026"},
		{"observed holiday roll", Facts{LastUSArrival: day("2025-07-03")}, "i589-one-year/last_us_arrival",
			"last arrived in the US 3 Jul 2025 + 1 year = 3 Jul 2026, which is a federal holiday (Independence Day, observed); next business day Monday 6 Jul 2026",
			"última llegada a EE. UU. el 3 jul 2025 + 1 año = 3 jul 2026, que es feriado federal (Día de la Independencia, observado); siguiente día hábil: lunes 6 jul 2026"},
		{"year end roll", Facts{Decisions: []Event{{Date: day("2022-12-01")}}}, "bia-appeal/decision#1",
			"decision on 1 Dec 2022 + 30 days = 31 Dec 2022, which falls on a Saturday; Monday 2 Jan 2023 is a federal holiday (New Year's Day, observed); next business day Tuesday 3 Jan 2023",
			"decisión del 1 dic 2022 + 30 días = 31 dic 2022, que cae en sábado; el lunes 2 ene 2023 es feriado federal (Año Nuevo, observado); siguiente día hábil: martes 3 ene 2023"},
		{"feb 29", Facts{LastUSArrival: day("2024-02-29")}, "i589-one-year/last_us_arrival",
			"last arrived in the US 29 Feb 2024 + 1 year = 28 Feb 2025 (there is no 29 Feb 2025, so the earlier date is used)",
			"última llegada a EE. UU. el 29 feb 2024 + 1 año = 28 feb 2025 (no existe el 29 feb 2025, así que se usa la fecha anterior)"},
		{"backward", Facts{IndividualHearings: []Event{{Date: day("2026-10-20")}}}, "individual-hearing-evidence/individual_hearing#1",
			"individual hearing on 20 Oct 2026 - 30 days = 20 Sep 2026",
			"audiencia individual el 20 oct 2026 - 30 días = 20 sep 2026"},
		{"clock with pauses", Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-02-01"), To: day("2026-02-12")}}}, "ead-may-file/i589_filed",
			"I-589 filed 2 Jan 2026 + 150 clock days + 12 paused days = 13 Jun 2026 (days the clock was paused for applicant-caused delays do not count)",
			"I-589 presentado el 2 ene 2026 + 150 días de reloj + 12 días en pausa = 13 jun 2026 (no cuentan los días en que el reloj estuvo detenido por demoras causadas por el solicitante)"},
		{"clock paused", Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-03-01")}}}, "ead-may-file/i589_filed",
			"I-589 filed 2 Jan 2026; the clock has been paused since 1 Mar 2026 (applicant-caused delay) after 57 of 150 clock days, so the date cannot be known until it restarts",
			"I-589 presentado el 2 ene 2026; el reloj está detenido desde el 1 mar 2026 (demora causada por el solicitante) después de 57 de 150 días de reloj, así que la fecha no se puede saber hasta que vuelva a correr"},
		{"birthday", Facts{BirthDate: day("2012-02-29")}, "child-registration-14/fourteenth_birthday",
			"born 29 Feb 2012, turns 14 on 28 Feb 2026 + 30 days = 30 Mar 2026",
			"nació el 29 feb 2012, cumple 14 años el 28 feb 2026 + 30 días = 30 mar 2026"},
		{"expiry", Facts{EADExpiry: day("2027-06-01")}, "ead-expiry/ead_expiry",
			"work permit expires 1 Jun 2027",
			"el permiso de trabajo vence el 1 jun 2027"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(t, Compute(rs, tt.facts), tt.key)
			if d.Working.EN != tt.en {
				t.Errorf("English got %v, want %v", d.Working.EN, tt.en)
			}
			if d.Working.ES != tt.es {
				t.Errorf("Spanish got %v, want %v", d.Working.ES, tt.es)
			}
			if !strings.HasSuffix(d.Explanation.EN, upperFirst(tt.en)+".") || !strings.HasSuffix(d.Explanation.ES, upperFirst(tt.es)+".") {
				t.Errorf("explanation does not end with the working: %q / %q", d.Explanation.EN, d.Explanation.ES)
			}
			if strings.ContainsAny(d.Explanation.EN+d.Explanation.ES, "{}") {
				t.Errorf("unfilled placeholder: %q / %q", d.Explanation.EN, d.Explanation.ES)
			}
		})
	}
}

func TestPlaceholdersFilled(t *testing.T) {
	d := find(t, Compute(rules(t), Facts{EADExpiry: day("2027-06-01")}), "ead-renewal-window/ead_expiry")
	if !strings.Contains(d.Explanation.EN, "expires on 1 Jun 2027") || !strings.Contains(d.Explanation.ES, "el 1 jun 2027") {
		t.Errorf("got %q / %q", d.Explanation.EN, d.Explanation.ES)
	}
	due := Deadline{TriggerDate: day("2026-03-03")}
	if got, want := fill("{trigger_date} → {due_date}", due, Spanish), "3 mar 2026 → (sin fecha aún)"; got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTextIn(t *testing.T) {
	tx := Text{EN: "hello", ES: "hola"}
	if tx.In(Spanish) != "hola" || tx.In(English) != "hello" || tx.In("fr") != "hello" {
		t.Errorf("Text.In picks the wrong language")
	}
	if d := Disclaimer(); !strings.Contains(d.EN, "lawyer") || !strings.Contains(d.ES, "abogad") {
		t.Errorf("disclaimer must send people to the lawyer: %+v", d)
	}
}
