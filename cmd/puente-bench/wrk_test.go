package main

import (
	"testing"
	"time"
)

// A report as wrk 4.1 prints it with --latency.
const wrkSample = `Running 15s test @ http://127.0.0.1:40000/cases
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.31ms    4.10ms  88.02ms   80.00%
    Req/Sec     1.30k   120.00     1.60k    70.00%
  Latency Distribution
     50%   11.52ms
     75%   14.00ms
     90%   17.30ms
     99%  240.10ms
  38912 requests in 15.01s, 400.00MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   2592.40
Transfer/sec:     26.65MB
`

func TestParseWrk(t *testing.T) {
	r, err := parseWrk(wrkSample)
	if err != nil {
		t.Fatal(err)
	}
	want := wrkResult{requests: 38912, reqPerS: 2592.40, p50: 11520 * time.Microsecond, p99: 240100 * time.Microsecond, non2xx: 7, errors: 3}
	if r != want {
		t.Errorf("parseWrk = %+v, want %+v", r, want)
	}
	if _, err := parseWrk("unable to connect to 127.0.0.1:1 Connection refused"); err == nil {
		t.Error("parseWrk accepted a report without figures")
	}
}
