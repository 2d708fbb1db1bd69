package ledger

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Cents
		err  error
	}{
		{"25", 2500, nil},
		{"25.5", 2550, nil},
		{"25.50", 2550, nil},
		{"0.01", 1, nil},
		{"007", 700, nil},
		{"12.10", 1210, nil},
		{"2425", 242500, nil}, // Welcome Corps, per person
		{"1000000", MaxCents, nil},
		{"999999.99", MaxCents - 1, nil},
		// The refusals.
		{"0", 0, ErrAmountNotPositive},
		{"-5", 0, ErrAmountNotPositive},
		{"12.345", 0, ErrAmountDecimals},
		{"1e3", 0, ErrAmountFormat},
		{"١٢", 0, ErrAmountDigits},
		// The same kinds of fault, other ways.
		{"0.00", 0, ErrAmountNotPositive},
		{"00", 0, ErrAmountNotPositive},
		{"-0", 0, ErrAmountNotPositive},
		{"-12.5", 0, ErrAmountNotPositive},
		{"0.001", 0, ErrAmountDecimals},
		{"1E3", 0, ErrAmountFormat},
		{"1e-2", 0, ErrAmountFormat},
		{"１２", 0, ErrAmountDigits},    // full-width
		{"۱۲", 0, ErrAmountDigits},    // Persian
		{"12.٥", 0, ErrAmountDigits},  // mixed
		{"1,000", 0, ErrAmountFormat}, // grouping is ambiguous: refused
		{"1.000,50", 0, ErrAmountFormat},
		// The currency's own sign or code, first or last (the review
		// found "$300" refused), and spaces grouping by threes.
		{"$300", 30000, nil},
		{"300 $", 30000, nil},
		{"US$300", 30000, nil},
		{"US$ 300.50", 30050, nil},
		{"USD 300", 30000, nil},
		{"300usd", 30000, nil},
		{"5 USD", 500, nil},
		{"$1 500", 150000, nil},
		{"1\u00a0500.25", 150025, nil},
		{"12 345 678", 0, ErrAmountTooLarge},
		// Another currency's sign or code is refused as such.
		{"€300", 0, ErrAmountCurrency},
		{"300 EUR", 0, ErrAmountCurrency},
		{"CA$300", 0, ErrAmountCurrency},
		{"£5", 0, ErrAmountCurrency},
		{"R$5", 0, ErrAmountCurrency},
		// Neither a currency nor digits grouped by threes.
		{"$5$", 0, ErrAmountFormat},
		{"abc5", 0, ErrAmountFormat},
		{"$-5", 0, ErrAmountNotPositive},
		{"1 50", 0, ErrAmountFormat},
		{"1500 .5", 0, ErrAmountFormat},
		{"1 500. 5", 0, ErrAmountFormat},
		{"1  500", 0, ErrAmountFormat},
		{"1,500 $", 0, ErrAmountFormat},
		{"+5", 0, ErrAmountFormat},
		{"5.", 0, ErrAmountFormat},
		{".5", 0, ErrAmountFormat},
		{"1.2.3", 0, ErrAmountFormat},
		{"0x10", 0, ErrAmountFormat},
		{" 5", 500, nil}, // spaces around are not the amount
		{"5\u00a0", 500, nil},
		{"", 0, ErrAmountFormat},
		{"-", 0, ErrAmountFormat},
		{"--5", 0, ErrAmountNotPositive},
		{"NaN", 0, ErrAmountFormat},
		{"Inf", 0, ErrAmountFormat},
		{"1000000.01", 0, ErrAmountTooLarge},
		{"99999999999999999999999", 0, ErrAmountTooLarge},
		{"00000000001", 100, nil},        // leading zeros are not size
		{"12.000", 0, ErrAmountDecimals}, // three decimals in dollars, even zeros
	} {
		got, err := ParseAmount(tc.in, "USD")
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("ParseAmount(%q, USD): got %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// TestParseAmountByMinorUnits: a currency's decimals are its ISO 4217
// minor unit. The reviewer's input, 1000.50 yen, is refused: the yen has
// no smaller unit.
func TestParseAmountByMinorUnits(t *testing.T) {
	for _, tc := range []struct {
		in, cur string
		want    Cents
		err     error
	}{
		{"1000.50", "JPY", 0, ErrAmountDecimals}, // the reported input
		{"1000.5", "JPY", 0, ErrAmountDecimals},
		{"0.01", "KRW", 0, ErrAmountDecimals},
		{"1000", "JPY", 100000, nil},
		{"1000.00", "JPY", 100000, nil}, // zeros say nothing
		{"5000", "CLP", 500000, nil},
		{"12.34", "XOF", 0, ErrAmountDecimals},
		{"12.34", "MXN", 1234, nil},
		{"12.34", "KWD", 1234, nil},
		{"12.340", "KWD", 1234, nil},            // three decimals, the third zero: kept exactly
		{"12.345", "KWD", 0, ErrAmountDecimals}, // a thousandth Cents cannot keep: refused, not rounded
		{"12.3450", "KWD", 0, ErrAmountDecimals},
		{"1000001", "JPY", 0, ErrAmountTooLarge},
	} {
		got, err := ParseAmount(tc.in, tc.cur)
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("ParseAmount(%q, %s): got %d, %v; want %d, %v", tc.in, tc.cur, got, err, tc.want, tc.err)
		}
	}
}

// TestMinorUnits checks the table against ISO 4217 List One's minor unit
// column for the currencies where it is not 2, and a few where it is 2
// but CLDR (golang.org/x/text/currency) says otherwise.
func TestMinorUnits(t *testing.T) {
	zero := "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF"
	three := "BHD IQD JOD KWD LYD OMR TND"
	for _, c := range Currencies() {
		want := 2
		switch {
		case strings.Contains(zero, c):
			want = 0
		case strings.Contains(three, c):
			want = 3
		}
		if got := MinorUnits(c); got != want {
			t.Errorf("MinorUnits(%s): got %d, want %d", c, got, want)
		}
		if got := Decimals(c); got != min(want, 2) {
			t.Errorf("Decimals(%s): got %d, want %d", c, got, min(want, 2))
		}
	}
	for _, c := range []string{"LBP", "ALL", "IDR", "IRR", "HUF", "MRU", "ZWG", "XCG"} {
		if got := MinorUnits(c); got != 2 {
			t.Errorf("MinorUnits(%s): got %d, want 2 (ISO 4217, not CLDR)", c, got)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"25", "12.345", "1e3", "١٢", "-5", "0", "999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cur := range []string{"USD", "JPY", "KWD"} {
			fuzzAmount(t, s, cur)
		}
	})
}

// fuzzAmount: what ParseAmount accepts in cur is in range and reads back
// from its Decimal to the same amount.
func fuzzAmount(t *testing.T, s, cur string) {
	t.Helper()
	{
		c, err := ParseAmount(s, cur)
		if err != nil {
			if c != 0 {
				t.Fatalf("ParseAmount(%q): %d with error %v", s, c, err)
			}
			return
		}
		if c <= 0 || c > MaxCents {
			t.Fatalf("ParseAmount(%q) = %d: out of range", s, c)
		}
		// What is accepted reads back to the same amount.
		if back, err := ParseAmount(c.Decimal(cur), cur); err != nil || back != c {
			t.Fatalf("ParseAmount(%q, %s) = %d, but %q reads back as %d, %v", s, cur, c, c.Decimal(cur), back, err)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		c    Cents
		cur  string
		want string
	}{
		{242500, "USD", "$2,425.00"},
		{5, "USD", "$0.05"},
		{100000000, "USD", "$1,000,000.00"},
		{123456, "MXN", "1,234.56 MXN"},
		{900000, "GBP", "9,000.00 GBP"},
		{-1050, "USD", "-$10.50"},
		{-1050, "CAD", "-10.50 CAD"},
		{0, "USD", "$0.00"},
		{100000, "JPY", "1,000 JPY"},    // the yen has no decimals
		{100050, "JPY", "1,000.50 JPY"}, // but what was saved with them is never hidden
		{1250, "KWD", "12.500 KWD"},     // the dinar shows thousandths
		{5000000, "CLP", "50,000 CLP"},
	} {
		if got := Format(tc.c, tc.cur); got != tc.want {
			t.Errorf("Format(%d, %s): got %q, want %q", tc.c, tc.cur, got, tc.want)
		}
	}
	for _, tc := range []struct {
		c    Cents
		want string
		cur  string
	}{{1210, "12.10", "USD"}, {5, "0.05", "USD"}, {100, "1.00", "USD"}, {-5, "-0.05", "USD"},
		{100000, "1000", "JPY"}, {1250, "12.500", "KWD"}} {
		if got := tc.c.Decimal(tc.cur); got != tc.want {
			t.Errorf("Cents(%d).Decimal(): got %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestValidCurrency(t *testing.T) {
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"USD", true}, {"MXN", true}, {"CAD", true}, {"GBP", true}, {"EUR", true}, {"HNL", true}, {"GTQ", true},
		{"XCG", true}, {"ZWG", true},
		{"usd", false}, {"Usd", false}, {"US$", false}, {"US", false}, {"USDD", false}, {"", false},
		{"XAU", false}, {"XXX", false}, {"XTS", false}, {"HRK", false}, {"ABC", false},
	} {
		if got := ValidCurrency(tc.code); got != tc.want {
			t.Errorf("ValidCurrency(%q): got %v, want %v", tc.code, got, tc.want)
		}
	}
	if n := len(Currencies()); n < 150 || n > 170 {
		t.Errorf("Currencies(): got %d codes, want the ~155 in circulation", n)
	}
}

// TestParseAmountMarksByCurrency: "$" is any dollar's or peso's sign, but
// "US$" only the US dollar's; a code is its own currency's only.
func TestParseAmountMarksByCurrency(t *testing.T) {
	for _, tc := range []struct {
		in, currency string
		want         Cents
		err          error
	}{
		{"$300", "CAD", 30000, nil},
		{"CA$300", "CAD", 30000, nil},
		{"US$300", "CAD", 0, ErrAmountCurrency},
		{"300 MXN", "MXN", 30000, nil},
		{"300 USD", "MXN", 0, ErrAmountCurrency},
		{"¥1000", "JPY", 100000, nil},
		{"€ 25,50", "EUR", 0, ErrAmountFormat},
		{"25.50 €", "EUR", 2550, nil},
		{"$25", "EUR", 0, ErrAmountCurrency},
		{"Q100", "GTQ", 10000, nil},
	} {
		got, err := ParseAmount(tc.in, tc.currency)
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("ParseAmount(%q, %s): got %d, %v; want %d, %v", tc.in, tc.currency, got, err, tc.want, tc.err)
		}
	}
}
