package ledger

import (
	"slices"
	"strings"
)

// DefaultCurrency is the currency a new pledge is in unless someone says
// otherwise: Puente's groups sponsor people in the United States.
const DefaultCurrency = "USD"

// currencies are the ISO 4217 alphabetic codes of the currencies in
// circulation (ISO 4217 List One, as maintained by SIX, amendments to
// 2025 included: XCG, the Caribbean guilder, from 31 March 2025; ZWG, the
// Zimbabwe Gold, from 2024; SLE and VED). Left out on purpose: codes that
// are not money anyone pledges (precious metals XAU/XAG/XPT/XPD, the SDR
// XDR, the fund and unit codes BOV/CHE/CHW/CLF/COU/MXV/USN/UYI/UYW/XSU/
// XUA and the bond units XBA–XBD, the test code XTS, "no currency" XXX) and
// codes withdrawn before 2025 (HRK, CUC, SLL, ZWL).
var currencies = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`
		AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
		BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP
		ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
		IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
		LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
		NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
		SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
		USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG`) {
		currencies[c] = true
	}
}

// ValidCurrency reports whether code is the ISO 4217 code of a currency in
// circulation, in capitals ("USD", not "usd" or "US$").
func ValidCurrency(code string) bool { return currencies[code] }

// Currencies lists the accepted codes, sorted.
func Currencies() []string {
	out := make([]string, 0, len(currencies))
	for c := range currencies {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}
