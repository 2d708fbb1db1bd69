package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// BenchmarkCSVImport5000 uploads a file of 5,000 valid people (new
// references each time) through the real handler to a real database and
// reports rows a second: reading, checking and one transaction.
func BenchmarkCSVImport5000(b *testing.B) {
	e := newEnv(b)
	net := e.orgs["network"]
	coord := e.signIn(emailNetCoord)
	var total time.Duration
	for i := 0; i < b.N; i++ {
		var sb strings.Builder
		sb.WriteString("external_ref,pseudonym,adults,child_ages,languages,needs,decision_date,detained_since,anumber,facility\n")
		for j := 0; j < 5000; j++ {
			fmt.Fprintf(&sb, "B%d-%05d,P.%d,2,4 9,es en,schooling,2026-04-02,2026-01-15,A%09d,Facility %d\n", i, j, j, 100000000+j, j%20)
		}
		start := time.Now()
		res := uploadCSV(b, coord, net.ID, "bench.csv", sb.String())
		total += time.Since(start)
		if res.status != http.StatusOK || !strings.Contains(res.body, "Added to the queue</dt><dd>5000</dd>") {
			b.Fatalf("import: got %d without 5000 added", res.status)
		}
	}
	b.ReportMetric(float64(5000*b.N)/total.Seconds(), "rows/s")
}
