package ledger

import (
	"errors"
	"slices"
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
	// ErrAmountCurrency: the amount carries another currency's sign or
	// code ("€300" or "300 CAD" for a pledge in USD).
	ErrAmountCurrency = errors.New("ledger: amount is marked with another currency")
)

// ParseAmount reads an amount in currency (an ISO 4217 code) typed in a
// form: ASCII digits, optionally a point and at most Decimals(currency)
// decimals ("25", "25.5", "25.50" in dollars; "1000" but not "1000.50" in
// yen, which has no smaller unit). Around the amount, one sign or code of
// currency itself may come first or last ("$300", "300 $", "US$300", "USD
// 300", "300 usd"; see Marks); another currency's is refused with
// ErrAmountCurrency. Digits may be grouped by threes with spaces ("1 500",
// "1 500.50"). Nothing else is accepted: no sign, no exponent, no grouping
// commas or points, no other script's digits. Being strict here means a
// typed amount is never read as something the person did not mean (is
// "1,500" fifteen hundred or one and a half?).
func ParseAmount(s, currency string) (Cents, error) {
	s, err := unmark(strings.TrimSpace(s), currency)
	if err != nil {
		return 0, err
	}
	if s, err = ungroup(s); err != nil {
		return 0, err
	}
	return parsePlain(s, currency)
}

// Marks are the signs a typed amount in currency may carry besides its
// ISO 4217 code, the forms people write ("$" for any dollar or peso,
// "US$" for the US dollar only); a currency not listed takes its code.
func Marks(currency string) []string { return currencyMarks[currency] }

var currencyMarks = map[string][]string{
	"USD": {"$", "US$", "U$S"}, "CAD": {"$", "CA$", "C$", "CAN$"}, "AUD": {"$", "A$", "AU$"}, "NZD": {"$", "NZ$"},
	"MXN": {"$", "MX$", "MEX$"}, "ARS": {"$", "AR$"}, "CLP": {"$", "CLP$"}, "COP": {"$", "COL$"}, "CUP": {"$"},
	"DOP": {"$", "RD$"}, "UYU": {"$", "$U"}, "HKD": {"$", "HK$"}, "SGD": {"$", "S$"}, "TWD": {"$", "NT$"},
	"BRL": {"R$"}, "EUR": {"€"}, "GBP": {"£"}, "JPY": {"¥", "JP¥", "円"}, "CNY": {"¥", "CN¥", "元"},
	"INR": {"₹"}, "KRW": {"₩"}, "PHP": {"₱"}, "NGN": {"₦"}, "UAH": {"₴"}, "RUB": {"₽"}, "TRY": {"₺"},
	"ILS": {"₪"}, "VND": {"₫"}, "PYG": {"₲"}, "CRC": {"₡"}, "GTQ": {"Q"}, "PEN": {"S/"}, "HNL": {"L"},
	"NIO": {"C$"}, "VES": {"Bs."}, "BOB": {"Bs."}, "GHS": {"₵"}, "KZT": {"₸"}, "AFN": {"؋"},
}

// isMarkRune is a rune of a currency sign or code: a letter, a currency
// symbol ("$", "€"), or the "/" and "." some signs have ("S/", "Bs.").
func isMarkRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Sc, r) || r == '/' || r == '.'
}

// unmark takes off a sign or code of currency before or after the amount
// (with or without a space); a mark of another currency, or marks on both
// sides, is refused.
func unmark(s, currency string) (string, error) {
	rs := []rune(s)
	i := 0
	for i < len(rs) && isMarkRune(rs[i]) {
		i++
	}
	j := len(rs)
	for j > i && isMarkRune(rs[j-1]) {
		j--
	}
	lead, trail := string(rs[:i]), string(rs[j:])
	if lead == "" && trail == "" {
		return s, nil
	}
	if lead != "" && trail != "" {
		return "", ErrAmountFormat
	}
	mark := lead + trail
	if !strings.EqualFold(mark, currency) && !slices.Contains(currencyMarks[currency], mark) {
		if isCurrencyMark(mark) {
			return "", ErrAmountCurrency
		}
		return "", ErrAmountFormat
	}
	return strings.TrimSpace(string(rs[i:j])), nil
}

// isCurrencyMark reports whether mark names some currency: a currency
// symbol in it, a known code, or a listed sign.
func isCurrencyMark(mark string) bool {
	if strings.IndexFunc(mark, func(r rune) bool { return unicode.Is(unicode.Sc, r) }) >= 0 || ValidCurrency(strings.ToUpper(mark)) {
		return true
	}
	for _, ms := range currencyMarks {
		if slices.Contains(ms, mark) {
			return true
		}
	}
	return false
}

// ungroup takes out spaces grouping the whole part's digits by threes
// ("1 500", "12 345 678.50"; a no-break or thin space too). Any other
// space is refused.
func ungroup(s string) (string, error) {
	isSpace := func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' }
	if strings.IndexFunc(s, isSpace) < 0 {
		return s, nil
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	groups := strings.FieldsFunc(whole, isSpace)
	if strings.IndexFunc(frac, isSpace) >= 0 || len(groups) < 2 || len(groups[0]) > 3 ||
		strings.Count(whole, " ")+strings.Count(whole, "\u00a0")+strings.Count(whole, "\u202f")+strings.Count(whole, "\u2009") != len(groups)-1 {
		return "", ErrAmountFormat
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", ErrAmountFormat
		}
	}
	out := strings.Join(groups, "")
	if hasPoint {
		out += "." + frac
	}
	return out, nil
}

// parsePlain reads digits with an optional point (ParseAmount without
// marks or groups).
func parsePlain(s, currency string) (Cents, error) {
	if s == "" {
		return 0, ErrAmountFormat
	}
	if s[0] == '-' {
		if _, err := parsePlain(s[1:], currency); err == nil || errors.Is(err, ErrAmountNotPositive) {
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
