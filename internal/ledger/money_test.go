package ledger

import (
	"errors"
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
		{"$5", 0, ErrAmountFormat},
		{"5 USD", 0, ErrAmountFormat},
		{"+5", 0, ErrAmountFormat},
		{"5.", 0, ErrAmountFormat},
		{".5", 0, ErrAmountFormat},
		{"1.2.3", 0, ErrAmountFormat},
		{"0x10", 0, ErrAmountFormat},
		{" 5", 0, ErrAmountFormat},
		{"5\u00a0", 0, ErrAmountFormat},
		{"", 0, ErrAmountFormat},
		{"-", 0, ErrAmountFormat},
		{"--5", 0, ErrAmountNotPositive},
		{"NaN", 0, ErrAmountFormat},
		{"Inf", 0, ErrAmountFormat},
		{"1000000.01", 0, ErrAmountTooLarge},
		{"99999999999999999999999", 0, ErrAmountTooLarge},
		{"00000000001", 100, nil}, // leading zeros are not size
	} {
		got, err := ParseAmount(tc.in)
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("ParseAmount(%q): got %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"25", "12.345", "1e3", "١٢", "-5", "0", "999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseAmount(s)
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
		if back, err := ParseAmount(c.Decimal()); err != nil || back != c {
			t.Fatalf("ParseAmount(%q) = %d, but %q reads back as %d, %v", s, c, c.Decimal(), back, err)
		}
	})
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
	} {
		if got := Format(tc.c, tc.cur); got != tc.want {
			t.Errorf("Format(%d, %s): got %q, want %q", tc.c, tc.cur, got, tc.want)
		}
	}
	for _, tc := range []struct {
		c    Cents
		want string
	}{{1210, "12.10"}, {5, "0.05"}, {100, "1.00"}, {-5, "-0.05"}} {
		if got := tc.c.Decimal(); got != tc.want {
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
