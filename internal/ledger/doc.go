// Package ledger is the arithmetic of what a sponsor group promises and
// gives: amounts in exact cents, ISO 4217 currency codes, when a pledge
// falls due, a commitment's state from its dates and records, and pledged
// against given per calendar month. It is pure: no SQL, no HTTP, no clock
// of its own (callers pass the organisation's today).
//
// Amounts are integer cents (Cents), never floats: 12.10 is 1210 exactly,
// and sums of any number of them stay exact.
package ledger
