package ledger

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// Cents is an amount of money in hundredths of its currency's unit.
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
	// ErrAmountDecimals: more than 2 decimals ("12.345").
	ErrAmountDecimals = errors.New("ledger: amount has more than 2 decimals")
	// ErrAmountNotPositive: zero or negative ("0", "-5", "0.00").
	ErrAmountNotPositive = errors.New("ledger: amount is not more than zero")
	// ErrAmountTooLarge: above MaxCents.
	ErrAmountTooLarge = errors.New("ledger: amount is above the maximum")
)

// ParseAmount reads an amount typed in a form: ASCII digits, optionally a
// point and one or two decimals ("25", "25.5", "25.50"). Nothing else is
// accepted: no sign, no exponent, no grouping commas, no currency symbol, no
// other script's digits. Being strict here means a typed amount is never
// read as something the person did not mean (is "1,500" fifteen hundred
// or one and a half?).
func ParseAmount(s string) (Cents, error) {
	if s == "" {
		return 0, ErrAmountFormat
	}
	if s[0] == '-' {
		if _, err := ParseAmount(s[1:]); err == nil || errors.Is(err, ErrAmountNotPositive) {
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
		if len(frac) > 2 {
			return 0, ErrAmountDecimals
		}
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

// Decimal writes c as a form would take it back: "1234.50", "0.05".
func (c Cents) Decimal() string {
	neg := c < 0
	if neg {
		c = -c
	}
	s := strconv.FormatInt(int64(c/100), 10) + "." + twoDigits(int64(c%100))
	if neg {
		return "-" + s
	}
	return s
}

// Format writes c for people to read, with thousands grouped: "$1,234.50"
// for US dollars (Puente's default, and what a US group reads first),
// "1,234.50 MXN" for any other currency. Both languages group and point
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
	num := b.String() + "." + twoDigits(int64(c%100))
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
