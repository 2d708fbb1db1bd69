package i18n

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestOneFullStop: a message's period after a placeholder whose value
// ends in one (a Spanish time, "9:00 a. m.") is dropped, so the sentence
// ends once; other periods, values and formats stay as they are.
func TestOneFullStop(t *testing.T) {
	am := ES.Clock(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	if !strings.HasSuffix(am, "m.") {
		t.Fatalf("Clock: got %q, want a Spanish time ending in \"m.\"", am)
	}
	for _, c := range []struct {
		format string
		args   []any
		want   string
	}{
		{"A las %s.", []any{am}, "A las " + am},
		{"A las %s. Luego %s.", []any{am, "nada"}, "A las " + am + " Luego nada."},
		{"%d días, desde %s.", []any{3, am}, "3 días, desde " + am},
		{"%s: %d%% hecho.", []any{"Lista.", 40}, "Lista.: 40% hecho."},
		{"%5.1f%s.", []any{2.5, am}, "  2.5" + am},
		{"Nada %s.", []any{"aquí"}, "Nada aquí."},
		{"Fin %s.", []any{"..."}, "Fin ...."},
	} {
		if got := fmt.Sprintf(oneStop(c.format, c.args), c.args...); got != c.want {
			t.Errorf("oneStop(%q): got %q, want %q", c.format, got, c.want)
		}
	}
	if got := oneStop("%[1]s.", []any{am}); got != "%[1]s." {
		t.Errorf("oneStop with an argument index: got %q, want it unchanged", got)
	}
	// Through T, on a real message that ends with a time.
	if got := ES.T("twofactor.on_since", "1 dic. 2026, "+am); strings.HasSuffix(got, "..") {
		t.Errorf("T: got %q, ending in two periods", got)
	}
}
