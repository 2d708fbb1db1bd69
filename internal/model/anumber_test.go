package model

import (
	"errors"
	"testing"
)

func TestParseANumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// The issue: an 8-digit A-number is the 9-digit one with a leading zero.
		{"12345678", "012345678"},
		{"012345678", "012345678"},
		{"A12345678", "012345678"},
		{"A012345678", "012345678"},
		{"A-12345678", "012345678"},
		{"A 12-345-678", "012345678"},
		{"a012-345-678", "012345678"},
		{"A012-345-678", "012345678"},
		{"A# 012 345 678", "012345678"},
		{"A#012345678", "012345678"},
		{"A#-012-345-678", "012345678"},
		{"  A 987-654-321  ", "987654321"},
		{"987 654 321", "987654321"},
		{"987-654-321", "987654321"},
		{"98765432 1", "987654321"},
		{"A\u00a0987\u00a0654\u00a0321", "987654321"}, // no-break spaces
		{"A987\u2013654\u2013321", "987654321"},       // en dashes from a PDF
		{"A987\u2010654\u2011321", "987654321"},       // typographic hyphens
		{"200123456", "200123456"},
	} {
		got, err := ParseANumber(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseANumber(%q): got %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{
		"-123456789", // the issue: a sign is refused, never dropped
		"+123456789",
		"−123456789", // U+2212 minus sign
		"- 123456789",
		"A--123456789",
		"123--456-789",
		"123 - 456 - 789",
		"123456789-",
		"A123456789-",
		"A",
		"A-",
		"",
		"   ",
		"1234567",    // 7 digits
		"1234567890", // 10 digits
		"A0123456789",
		"000000000",
		"A00-000-000",
		"123.456.789",
		"123_456_789",
		"123/456/789",
		"AA123456789",
		"B123456789",
		"A 12345678 9 0",
		"١٢٣٤٥٦٧٨٩", // Arabic-Indic digits: not what USCIS prints
		"１２３４５６７８９", // full-width digits
		"12345678\x00",
		"A#",
		"#123456789",
		"A ##123456789",
	} {
		if got, err := ParseANumber(in); !errors.Is(err, ErrANumber) || got != "" {
			t.Errorf("ParseANumber(%q): got %q, %v; want ErrANumber", in, got, err)
		}
	}
}

func TestFormatANumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"012345678", "A012-345-678"},
		{"987654321", "A987-654-321"},
		{"12345678", "12345678"}, // not canonical: shown as stored
		{"", ""},
		{"12345678x", "12345678x"},
	} {
		if got := FormatANumber(tc.in); got != tc.want {
			t.Errorf("FormatANumber(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzParseANumber(f *testing.F) {
	for _, s := range []string{"A012-345-678", "-123456789", "12345678", "A# 1 2 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseANumber(s)
		if err != nil {
			return
		}
		if len(d) != ANumberDigits || FormatANumber(d)[0] != 'A' {
			t.Fatalf("ParseANumber(%q) = %q: not nine digits", s, d)
		}
		again, err := ParseANumber(FormatANumber(d))
		if err != nil || again != d {
			t.Fatalf("round trip of %q: got %q, %v", d, again, err)
		}
	})
}
