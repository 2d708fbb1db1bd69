package deadline

import "testing"

// BenchmarkCompute computes every deadline of one person with a realistic
// set of facts: what a case page does on every view.
func BenchmarkCompute(b *testing.B) {
	rs := rules(b)
	f := realisticFacts()
	b.ReportAllocs()
	for b.Loop() {
		if len(Compute(rs, f)) == 0 {
			b.Fatal("no deadlines")
		}
	}
}

// BenchmarkDefault measures loading the embedded rule file, done once at
// start-up.
func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
