package model

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrANumber means a value is not an A-number in any form Puente accepts
// (see ParseANumber). It never carries the value itself.
var ErrANumber = errors.New("not an A-number")

// ANumberDigits is how many digits a stored A-number has: USCIS and EOIR
// write 8-digit numbers with a leading zero (A12345678 is A012345678), and
// EOIR's case status line asks for all nine.
const ANumberDigits = 9

// ANumberForms are the typed forms ParseANumber accepts, as examples for
// hints and messages.
const ANumberForms = "A012-345-678, A012345678, A# 012 345 678, 012345678, 12345678"

// ParseANumber reads an A-number typed the common ways and returns its nine
// digits ("A-12345678" → "012345678"). Accepted: optional spaces around; an
// optional "A" (either case), optionally followed by "#", then optionally
// one dash or space; then 8 or 9 digits (ASCII) in groups separated by one
// dash (or a typographic hyphen or en dash, as pasted from PDFs) or one
// space (or a no-break space). Anything else is refused with ErrANumber:
// a sign ("-123456789" is not 123456789), letters, dots, doubled or
// trailing separators, 7 or 10 digits, all zeros.
func ParseANumber(s string) (string, error) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s != "" && (s[0] == 'A' || s[0] == 'a') {
		s = strings.TrimPrefix(s[1:], "#")
		if r, size := utf8.DecodeRuneInString(s); isANumberSep(r) {
			s = s[size:] // "A-", "A ", "A#-", "A# "
		}
	}
	var digits strings.Builder
	prevDigit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
			prevDigit = true
		case isANumberSep(r) && prevDigit:
			prevDigit = false
		default:
			return "", ErrANumber
		}
	}
	d := digits.String()
	if !prevDigit || len(d) < ANumberDigits-1 || len(d) > ANumberDigits || strings.Trim(d, "0") == "" {
		return "", ErrANumber
	}
	return strings.Repeat("0", ANumberDigits-len(d)) + d, nil
}

// isANumberSep reports whether r may separate groups of digits.
func isANumberSep(r rune) bool {
	switch r {
	case '-', ' ', '\u00a0', '\u2010', '\u2011', '\u2013':
		return true
	}
	return false
}

// FormatANumber shows stored digits the way USCIS prints them:
// "012345678" → "A012-345-678". A value that is not nine digits (stored
// before Puente checked) is shown as it is.
func FormatANumber(digits string) string {
	if len(digits) != ANumberDigits || strings.Trim(digits, "0123456789") != "" {
		return digits
	}
	return "A" + digits[:3] + "-" + digits[3:6] + "-" + digits[6:]
}
