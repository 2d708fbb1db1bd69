package mail

import (
	"strings"
	"testing"

	"puente/internal/i18n"
	"puente/internal/model"
)

// TestDigestSaysOpeningApart: a case whose only news is a window opening
// gets a digest that says so, in English and Spanish, and never calls it
// due.
func TestDigestSaysOpeningApart(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.EN: "1 window opening or date expiring in the next 14 days",
		i18n.ES: "1 plazo que se abre o fecha que caduca en los próximos 14 días"} {
		msg, ok := Digest{Lang: lang, To: "a@example.org", Kind: model.DigestDaily, BaseURL: "https://p.example.org",
			Cases: []CaseCounts{{CaseID: "c1", Code: "AB-12", Opening: 1}}}.Message()
		if !ok || !strings.Contains(msg.Body, want) {
			t.Errorf("%s: got %v, %q; want a digest with %q", lang, ok, msg.Body, want)
		}
		for _, due := range []string{"1 due in", "1 vence"} {
			if strings.Contains(msg.Body, due) {
				t.Errorf("%s: the window reads as due: %q", lang, msg.Body)
			}
		}
	}
}
