package ledger

// MinorUnits is the number of decimals of code's minor unit in ISO 4217
// List One (the "minor unit" column, as published by SIX, amendments to
// 2025): 0 for currencies without a smaller unit in use (the yen, the won,
// the CFA francs…), 3 for the dinars and rials counted in thousandths, 2
// for every other currency of ValidCurrency.
//
// The table is ours, not golang.org/x/text/currency's: that package's
// Standard.Rounding gives CLDR 32's digits, which are not ISO 4217's (it
// says 0 for IQD, which ISO counts in thousandths, and for LBP, ALL, IDR
// and IRR, which ISO counts in hundredths), and it does not know the
// currencies issued since 2018 (MRU, SLE, VED, ZWG, XCG).
func MinorUnits(code string) int {
	switch code {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	}
	return 2
}

// Decimals is how many decimals an amount in code may be typed with: its
// MinorUnits, but at most 2, since amounts are kept in hundredths of the
// unit (Cents; schema/008_commitments.sql). A thousandth of a dinar cannot
// be kept, so it is refused rather than rounded away.
func Decimals(code string) int { return min(MinorUnits(code), 2) }
