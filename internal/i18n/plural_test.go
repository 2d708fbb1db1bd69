package i18n

import (
	"strings"
	"testing"
)

// TestCountedNouns: a count of exactly 1 takes the key's ".one" text, any
// other count (0 and 2 included) the key's own, in both languages; the
// count is the first integer argument wherever it stands. Every ".one"
// text belongs to a key that exists.
func TestCountedNouns(t *testing.T) {
	cases := []struct {
		lang Lang
		key  string
		args []any
		want string
	}{
		{EN, "sponsors.capacity", []any{1, 3}, "1 bed, 3 at once"},
		{EN, "sponsors.capacity", []any{2, 1}, "2 beds, 1 at once"},
		{EN, "sponsors.capacity", []any{0, 1}, "0 beds, 1 at once"},
		{ES, "sponsors.capacity", []any{1, 2}, "1 cama, 2 a la vez"},
		{EN, "purge.scheduled", []any{"Monday 1 March 2027", 1}, "Its personal details will be deleted on Monday 1 March 2027, 1 day after it was closed."},
		{ES, "email.digest.overdue", []any{1}, "1 plazo vencido"},
		{ES, "email.digest.overdue", []any{4}, "4 plazos vencidos"},
		{EN, "backup.every_hours", []any{int64(1)}, "every 1 hour"},
	}
	for _, c := range cases {
		if got := c.lang.T(c.key, c.args...); got != c.want {
			t.Errorf("%s %s %v: got %q, want %q", c.lang, c.key, c.args, got, c.want)
		}
	}
	for _, k := range Keys() {
		if base, ok := strings.CutSuffix(k, ".one"); ok && !Has(base) {
			t.Errorf("%s has no key %s to be the singular of", k, base)
		}
	}
}
