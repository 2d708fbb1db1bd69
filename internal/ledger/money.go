package ledger

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// Cents is an amount of money in hundredths of its currency's unit, for
// every currency: a yen amount is kept in hundredths of a yen too (always
// a multiple of 100 once typed; see Decimals), so the stored values and
// the database's CHECK mean the same for every currency.
type Cents int64

// MaxCents is the largest amount Puente accepts in one pledge or one record:
// 1,000,000.00. It is far above a sponsor group's means (a bond is a few
// thousand; Canada's Group of Five budget about CAD 16,500 a year) and keeps
// any sum of a case's records far from overflowing int64.
const MaxCents Cents = 100_000_000

// Why an amount was refused. The web layer turns each into its own message.
var (
	// ErrAmountFormat: not digits with an optional point ("1e3", "1,000", "$5").
	ErrAmountFormat = errors.New("ledger: amount is not written as digits with an optional decimal point")
	// ErrAmountDigits: digits other than the ASCII 0–9 ("١٢", "１２").
	ErrAmountDigits = errors.New("ledger: amount uses digits other than 0-9")
	// ErrAmountDecimals: more decimals than the currency has (Decimals):
	// "12.345" in any currency, "1000.50" in yen.
	ErrAmountDecimals = errors.New("ledger: amount has more decimals than its currency")
	// ErrAmountNotPositive: zero or negative ("0", "-5", "0.00").
	ErrAmountNotPositive = errors.New("ledger: amount is not more than zero")
	// ErrAmountTooLarge: above MaxCents.
	ErrAmountTooLarge = errors.New("ledger: amount is above the maximum")
)

// ParseAmount reads an amount in currency (an ISO 4217 code) typed in a
// form: ASCII digits, optionally a point and at most Decimals(currency)
// decimals ("25", "25.5", "25.50" in dollars; "1000" but not "1000.50" in
// yen, which has no smaller unit). Nothing else is accepted: no sign, no
// exponent, no grouping commas, no currency symbol, no other script's
// digits. Being strict here means a typed amount is never read as
// something the person did not mean (is "1,500" fifteen hundred or one
// and a half?).
func ParseAmount(s, currency string) (Cents, error) {
	if s == "" {
		return 0, ErrAmountFormat
	}
	if s[0] == '-' {
		if _, err := ParseAmount(s[1:], currency); err == nil || errors.Is(err, ErrAmountNotPositive) {
			return 0, ErrAmountNotPositive
		}
		return 0, ErrAmountFormat
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	if err := digitsOnly(whole); err != nil {
		return 0, err
	}
	if hasPoint {
		if err := digitsOnly(frac); err != nil {
			return 0, err
		}
		// Zeros past the currency's decimals say nothing ("1000.00" yen is
		// a thousand yen); any other digit there is a unit that does not
		// exist, or one Cents cannot keep.
		keep := min(len(frac), Decimals(currency))
		if len(frac) > max(MinorUnits(currency), 2) || strings.Trim(frac[keep:], "0") != "" {
			return 0, ErrAmountDecimals
		}
		frac = frac[:keep]
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 7 { // more than 9,999,999 can only be too large
		return 0, ErrAmountTooLarge
	}
	var units int64
	if whole != "" {
		units, _ = strconv.ParseInt(whole, 10, 64) // at most 7 ASCII digits: cannot fail
	}
	frac += strings.Repeat("0", 2-len(frac))
	hundredths, _ := strconv.ParseInt(frac, 10, 64)
	c := Cents(units*100 + hundredths)
	switch {
	case c <= 0:
		return 0, ErrAmountNotPositive
	case c > MaxCents:
		return 0, ErrAmountTooLarge
	}
	return c, nil
}

// digitsOnly accepts one or more ASCII digits; it tells a digit of another
// script (Arabic-Indic, full-width) apart from any other character.
func digitsOnly(s string) error {
	if s == "" {
		return ErrAmountFormat
	}
	other := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case unicode.IsDigit(r):
			other = true
		default:
			return ErrAmountFormat
		}
	}
	if other {
		return ErrAmountDigits
	}
	return nil
}

// Decimal writes c in currency as a form would take it back, with the
// currency's decimals (fraction): "1234.50", "0.05" in dollars; "1000" in yen.
func (c Cents) Decimal(currency string) string {
	neg := c < 0
	if neg {
		c = -c
	}
	s := strconv.FormatInt(int64(c/100), 10) + fraction(c, currency)
	if neg {
		return "-" + s
	}
	return s
}

// fraction is the point and decimals of non-negative c in currency: as
// many as its ISO 4217 minor unit (none for the yen, three for the
// Kuwaiti dinar), but never fewer than c holds: a yen amount saved with
// cents before they were refused still shows them, so nothing recorded is
// hidden by rounding.
func fraction(c Cents, currency string) string {
	hundredths := twoDigits(int64(c % 100))
	switch MinorUnits(currency) {
	case 0:
		if c%100 == 0 {
			return ""
		}
	case 3:
		return "." + hundredths + "0"
	}
	return "." + hundredths
}

// Format writes c for people to read, with thousands grouped and the
// currency's decimals (see fraction): "$1,234.50" for US dollars
// (Puente's default, and what a US group reads first), "1,234.50 MXN",
// "1,000 JPY", "12.500 KWD" for any other currency. Both languages group and point
// the same way here, as US Spanish does.
func Format(c Cents, currency string) string {
	neg := c < 0
	if neg {
		c = -c
	}
	units := strconv.FormatInt(int64(c/100), 10)
	var b strings.Builder
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	num := b.String() + fraction(c, currency)
	if neg {
		num = "-" + num
	}
	if currency == "USD" {
		if neg {
			return "-$" + num[1:]
		}
		return "$" + num
	}
	return num + " " + currency
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
