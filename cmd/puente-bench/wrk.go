package main

import (
	"context"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// wrkResult is what one wrk run measured.
type wrkResult struct {
	requests int64
	reqPerS  float64
	p50, p99 time.Duration
	non2xx   int64
	errors   int64 // socket errors: connect, read, write, timeout
}

var (
	requestsRE = regexp.MustCompile(`(\d+) requests in`)
	rpsRE      = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	pctRE      = regexp.MustCompile(`(?m)^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$`)
	non2xxRE   = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	sockRE     = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
)

// runWrk drives url with conns connections for d, sending cookie, and
// parses wrk's --latency report.
func runWrk(ctx context.Context, url, cookie string, conns int, d time.Duration) (wrkResult, error) {
	threads := min(conns, 2)
	cmd := exec.CommandContext(ctx, "wrk", "-t", strconv.Itoa(threads), "-c", strconv.Itoa(conns),
		"-d", fmt.Sprintf("%ds", int(d.Seconds())), "--latency", "--timeout", "10s", "-H", "Cookie: "+cookie, url)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk %s: %w\n%s", url, err, out)
	}
	return parseWrk(string(out))
}

// parseWrk reads wrk's text report.
func parseWrk(out string) (wrkResult, error) {
	var r wrkResult
	m := requestsRE.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("wrk printed no request count:\n%s", out)
	}
	r.requests, _ = strconv.ParseInt(m[1], 10, 64)
	if m := rpsRE.FindStringSubmatch(out); m != nil {
		r.reqPerS, _ = strconv.ParseFloat(m[1], 64)
	}
	for _, m := range pctRE.FindAllStringSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[m[3]]
		d := time.Duration(math.Round(v * float64(unit)))
		if m[1] == "50" {
			r.p50 = d
		} else {
			r.p99 = d
		}
	}
	if m := non2xxRE.FindStringSubmatch(out); m != nil {
		r.non2xx, _ = strconv.ParseInt(m[1], 10, 64)
	}
	if m := sockRE.FindStringSubmatch(out); m != nil {
		for _, f := range m[1:] {
			n, _ := strconv.ParseInt(f, 10, 64)
			r.errors += n
		}
	}
	if r.p50 == 0 || !strings.Contains(out, "Latency Distribution") {
		return r, fmt.Errorf("wrk printed no latency distribution:\n%s", out)
	}
	return r, nil
}
