package web

import (
	"testing"

	"puente/internal/i18n"
	"puente/internal/matching"
)

// TestWhySaysWhatLateMeans: a reviewer could not tell what "(10 days
// late)" in a group's ranking meant. It now says the group is first free
// on a day, that many days after the day the person needs a home, both
// dated, in English and Spanish; and a group's load says how many of its
// places are free and that each open case fills one.
func TestWhySaysWhatLateMeans(t *testing.T) {
	late := matching.Reason{Criterion: matching.AvailableFrom, Points: 10, Max: 15, Count: 10, From: "2026-06-21", NeedBy: "2026-06-11"}
	one := late
	one.Count, one.From = 1, "2026-06-12"
	load := matching.Reason{Criterion: matching.Load, Points: 2, Max: 10, Count: 1, Of: 4}
	tests := []struct {
		lang i18n.Lang
		r    matching.Reason
		want string
	}{
		{i18n.EN, late, "Available from: 10 of 15 points (free from 21 Jun 2026, 10 days after the person needs a home on 11 Jun 2026)"},
		{i18n.EN, one, "Available from: 10 of 15 points (free from 12 Jun 2026, 1 day after the person needs a home on 11 Jun 2026)"},
		{i18n.ES, late, "Disponible desde: 10 de 15 puntos (libre desde el 21 jun. 2026, 10 días después del 11 jun. 2026, día en que la persona necesita un hogar)"},
		{i18n.EN, load, "Current load: 2 of 10 points (places free: 1 of 4; each open case fills one)"},
		{i18n.ES, load, "Carga actual: 2 de 10 puntos (lugares libres: 1 de 4; cada caso abierto ocupa uno)"},
	}
	for _, tt := range tests {
		d := &templateData{Lang: tt.lang}
		if got := d.Why(tt.r); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
}
