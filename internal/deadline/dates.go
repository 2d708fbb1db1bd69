package deadline

import (
	"fmt"
	"time"
)

// Date is a civil date with no time of day and no time zone: the legal
// deadlines Puente tracks are days on a calendar, and carrying a time.Time
// around invites off-by-one errors at midnight in some zone.
//
// The zero Date means "no date" (a fact not recorded yet). Dates are
// comparable with == and usable as map keys. Supported years are 1–9999.
type Date struct {
	// n counts days so that 0001-01-01 is 1; keeping 0 free lets the zero
	// value mean "unknown" without a separate flag.
	n int
}

// unixShift converts between days since 1970-01-01 and Date.n.
const unixShift = 719162 + 1

// NewDate returns the date y-m-d. Out-of-range months and days are
// normalised the way time.Date does it (31 Apr → 1 May), which lets callers
// do simple arithmetic on the parts.
func NewDate(y int, m time.Month, d int) Date {
	// Normalise the month into 1..12 first so the civil algorithm sees a
	// valid month; the day overflow is then plain day arithmetic.
	mm := int(m) - 1
	y += floorDiv(mm, 12)
	mm = mm - floorDiv(mm, 12)*12 + 1
	return Date{n: daysFromCivil(y, mm, 1) + unixShift + d - 1}
}

// DateOf returns the calendar date of t in t's own location. The caller
// chooses the location (usually the group's), because "today" differs
// across the date line.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses the ISO form YYYY-MM-DD and rejects dates that do not
// exist (2025-02-29) instead of normalising them: a typo in a form or a rule
// file must not silently become another day.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("deadline: date %q is not YYYY-MM-DD", s)
	}
	y, ok1 := atoiDigits(s[0:4])
	m, ok2 := atoiDigits(s[5:7])
	d, ok3 := atoiDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("deadline: date %q is not YYYY-MM-DD", s)
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("deadline: date %q does not exist", s)
	}
	return NewDate(y, time.Month(m), d), nil
}

func atoiDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date, meaning "no date".
func (d Date) IsZero() bool { return d.n == 0 }

// Civil returns the year, month and day of d.
func (d Date) Civil() (int, time.Month, int) {
	y, m, dd := civilFromDays(d.n - unixShift)
	return y, time.Month(m), dd
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.Civil(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.Civil(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.Civil(); return dd }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday(floorMod(d.n-unixShift+4, 7))
}

// Time returns midnight UTC at the start of d, for callers that need a
// time.Time (calendar feeds, templates).
func (d Date) Time() time.Time {
	y, m, dd := d.Civil()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// AddDays returns d moved by n calendar days (n may be negative).
func (d Date) AddDays(n int) Date { return Date{n: d.n + n} }

// AddMonths returns d moved by n calendar months. When the target month is
// shorter (31 Jan + 1 month), the result is the last day of that month:
// Puente shows the earlier date when the law is ambiguous.
func (d Date) AddMonths(n int) Date {
	y, m, dd := d.Civil()
	first := NewDate(y, m+time.Month(n), 1)
	fy, fm, _ := first.Civil()
	return NewDate(fy, fm, min(dd, daysIn(fy, fm)))
}

// AddYears returns d moved by n years. A year counted from 29 February
// ends on 28 February in a year that has no 29 February — the earlier of the
// two readings, which is what Puente shows when the law is ambiguous.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// DaysUntil returns the number of days from d to e (negative if e is
// before d).
func (d Date) DaysUntil(e Date) int { return e.n - d.n }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns -1, 0 or +1 as d is before, equal to or after e, for use
// with slices.SortFunc.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// String returns d as YYYY-MM-DD, or "" for the zero Date so that templates
// print nothing for a missing date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// MarshalText encodes d as YYYY-MM-DD (empty for the zero Date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes YYYY-MM-DD; an empty string gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// daysFromCivil and civilFromDays are Howard Hinnant's public-domain
// algorithms (proleptic Gregorian calendar, day 0 = 1970-01-01). They avoid
// a round trip through time.Time for every day counted.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := m - 3
	if m <= 2 {
		mp = m + 9
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
