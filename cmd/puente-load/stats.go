package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"time"
)

// ack is a write the server acknowledged: an invitation answered 200.
type ack struct {
	orgID, email string
}

// recorder collects every request's result. Results are kept per server
// generation, so each crash round reports its own counts.
type recorder struct {
	mu          sync.Mutex
	reads       []time.Duration
	writes      []time.Duration
	errors      map[string]int
	interrupted int
	relogins    int
	acks        []ack
	perGen      map[int]*genCounts
	perRoute    map[string][]time.Duration
}

type genCounts struct {
	requests, acks, interrupted int
}

func newRecorder() *recorder {
	return &recorder{errors: map[string]int{}, perGen: map[int]*genCounts{}, perRoute: map[string][]time.Duration{}}
}

func (r *recorder) gen(g int) *genCounts {
	c := r.perGen[g]
	if c == nil {
		c = &genCounts{}
		r.perGen[g] = c
	}
	return c
}

// answered records a request that got an expected answer.
func (r *recorder) answered(gen int, route string, write bool, d time.Duration, a *ack) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.perRoute[route] = append(r.perRoute[route], d)
	if write {
		r.writes = append(r.writes, d)
	} else {
		r.reads = append(r.reads, d)
	}
	c := r.gen(gen)
	c.requests++
	if a != nil {
		r.acks = append(r.acks, *a)
		c.acks++
	}
}

// failed records an unexpected answer or a transport error.
func (r *recorder) failed(gen int, what string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors[what]++
	r.gen(gen).requests++
}

// interrupt records a request cut off by a kill: not an error.
func (r *recorder) interrupt(gen int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.interrupted++
	r.gen(gen).interrupted++
}

func (r *recorder) relogin() {
	r.mu.Lock()
	r.relogins++
	r.mu.Unlock()
}

func (r *recorder) counts(gen int) genCounts {
	r.mu.Lock()
	defer r.mu.Unlock()
	return *r.gen(gen)
}

// total is how many requests got an answer or failed.
func (r *recorder) total() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(r.reads) + len(r.writes)
	for _, v := range r.errors {
		n += v
	}
	return n
}

func (r *recorder) errorCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, v := range r.errors {
		n += v
	}
	return n
}

// report prints throughput, latency percentiles and errors.
func (r *recorder) report(w io.Writer, elapsed time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	all := append(slices.Clone(r.reads), r.writes...)
	errs := 0
	for _, v := range r.errors {
		errs += v
	}
	total := len(all) + errs
	fmt.Fprintf(w, "requests: %d in %.1fs = %.1f/s (%d reads, %d writes, %d acknowledged invitations)\n",
		total, elapsed.Seconds(), float64(total)/elapsed.Seconds(), len(r.reads), len(r.writes), len(r.acks))
	fmt.Fprintf(w, "latency   %8s %9s %9s %9s %9s\n", "n", "p50", "p95", "p99", "max")
	for _, row := range []struct {
		name string
		d    []time.Duration
	}{{"all", all}, {"reads", r.reads}, {"writes", r.writes}} {
		p := percentiles(row.d, 0.50, 0.95, 0.99, 1)
		fmt.Fprintf(w, "  %-7s %8d %9s %9s %9s %9s\n", row.name, len(row.d), ms(p[0]), ms(p[1]), ms(p[2]), ms(p[3]))
	}
	routes := make([]string, 0, len(r.perRoute))
	for k := range r.perRoute {
		routes = append(routes, k)
	}
	sort.Strings(routes)
	for _, k := range routes {
		p := percentiles(r.perRoute[k], 0.50, 0.95, 0.99, 1)
		fmt.Fprintf(w, "    %-28s %6d %9s %9s %9s %9s\n", k, len(r.perRoute[k]), ms(p[0]), ms(p[1]), ms(p[2]), ms(p[3]))
	}
	fmt.Fprintf(w, "errors: %d", errs)
	if r.interrupted > 0 || r.relogins > 0 {
		fmt.Fprintf(w, " (besides %d requests cut off by kills and %d sign-ins again, which are expected)", r.interrupted, r.relogins)
	}
	fmt.Fprintln(w)
	keys := make([]string, 0, len(r.errors))
	for k := range r.errors {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return r.errors[keys[i]] > r.errors[keys[j]] })
	for i, k := range keys {
		if i == 10 {
			fmt.Fprintf(w, "  … %d more kinds\n", len(keys)-10)
			break
		}
		fmt.Fprintf(w, "  %6d × %s\n", r.errors[k], k)
	}
}

// percentiles returns the nearest-rank percentiles qs of d (sorted in place).
func percentiles(d []time.Duration, qs ...float64) []time.Duration {
	out := make([]time.Duration, len(qs))
	if len(d) == 0 {
		return out
	}
	slices.Sort(d)
	for i, q := range qs {
		k := int(q*float64(len(d))+0.999999) - 1
		out[i] = d[min(max(k, 0), len(d)-1)]
	}
	return out
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
