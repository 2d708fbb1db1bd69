package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"puente/internal/auth"
)

// run prepares the data, starts the server, drives the load (and kills),
// then stops the server and checks the database. It returns an error when
// any check fails.
func run(ctx context.Context, args []string, stdout io.Writer) (err error) {
	cfg, err := parseConfig(args, stdout)
	if err != nil {
		return err
	}
	dir, temp := cfg.dir, cfg.dir == ""
	if temp {
		if dir, err = os.MkdirTemp("", "puente-load-*"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	defer func() {
		switch {
		case err != nil || cfg.keep || !temp:
			fmt.Fprintf(stdout, "work directory: %s (database load.db, server.log)\n", dir)
		default:
			os.RemoveAll(dir)
		}
	}()

	bin, genBin, build := cfg.bin, cfg.genBin, []string(nil)
	if bin == "" {
		bin, build = filepath.Join(dir, "puente"), append(build, "puente")
	}
	if genBin == "" {
		genBin, build = filepath.Join(dir, "puente-gen"), append(build, "puente-gen")
	}
	t0 := time.Now()
	if err := buildBinaries(ctx, dir, build...); err != nil {
		return err
	}
	if len(build) > 0 {
		fmt.Fprintf(stdout, "built %s in %.1fs\n", strings.Join(build, ", "), time.Since(t0).Seconds())
	}

	db := filepath.Join(dir, "load.db")
	if err := generate(ctx, genBin, db, cfg, stdout); err != nil {
		return err
	}
	accounts, err := loadAccounts(ctx, db, cfg)
	if err != nil {
		return err
	}
	if cfg.clients > len(accounts) {
		// Shared accounts are fine for sessions, but each account allows
		// only 10 password checks per 15 minutes.
		fmt.Fprintf(stdout, "note: %d clients share %d manager accounts\n", cfg.clients, len(accounts))
	}

	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		return err
	}
	defer logFile.Close()
	lw := &logWriter{file: logFile, listen: make(chan string, 1)}
	l := &loadRun{cfg: cfg, bin: bin, db: db, lw: lw, out: stdout, gate: newGate(), rec: newRecorder()}
	defer l.cleanup()
	return l.run(ctx, accounts)
}

// generate fills db with puente-gen, sized by the config.
func generate(ctx context.Context, genBin, db string, cfg config, stdout io.Writer) error {
	t0 := time.Now()
	args := []string{"-db", db, "-password", genPassword, "-seed", strconv.FormatUint(cfg.seed, 10),
		"-networks", strconv.Itoa(cfg.networks), "-groups", strconv.Itoa(cfg.groups), "-people", strconv.Itoa(cfg.people),
		"-invitations", strconv.Itoa(cfg.invitations), "-events", strconv.Itoa(cfg.events)}
	out, err := exec.CommandContext(ctx, genBin, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("puente-gen: %w\n%s", err, out)
	}
	fmt.Fprintf(stdout, "generated %d networks × %d groups × %d people, %d invitations, %d events in %.1fs\n",
		cfg.networks, cfg.groups, cfg.people, cfg.invitations, cfg.events, time.Since(t0).Seconds())
	return nil
}

// loadRun is one load or crash run against a series of server processes.
type loadRun struct {
	cfg     config
	bin, db string
	lw      *logWriter
	out     io.Writer
	gate    *gate
	rec     *recorder

	servers []*server // every process started, the last one current
}

func (l *loadRun) current() *server { return l.servers[len(l.servers)-1] }

func (l *loadRun) start(ctx context.Context) (time.Duration, error) {
	t0 := time.Now()
	fmt.Fprintf(l.lw, "=== puente-load: server start %d\n", len(l.servers)+1)
	s, err := startServer(ctx, l.bin, l.db, l.lw)
	if err != nil {
		return 0, err
	}
	l.servers = append(l.servers, s)
	return time.Since(t0), nil
}

// cleanup kills a server left running by an early return.
func (l *loadRun) cleanup() {
	if len(l.servers) > 0 {
		select {
		case <-l.current().exited:
		default:
			l.current().kill()
		}
	}
}

func (l *loadRun) run(ctx context.Context, accounts []account) error {
	cfg := l.cfg
	if _, err := l.start(ctx); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond)
	idle, idleOK := l.current().rss()
	l.gate.open(l.current().base())

	clients := make([]*client, cfg.clients)
	var wg sync.WaitGroup
	errs := make([]error, cfg.clients)
	never := make(chan struct{})
	t0 := time.Now()
	codes := &auth.Authenticator{}
	for i := range clients {
		clients[i] = newClient(i, accounts[i%len(accounts)], cfg.seed, codes)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = clients[i].signIn(ctx, l.gate, never)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	mode := "load"
	if cfg.crash {
		mode = fmt.Sprintf("crash (%d kills)", cfg.rounds)
	}
	fmt.Fprintf(l.out, "%d clients signed in in %.2fs; %s for %s, %.0f%% writes, server %s, -seed %d\n",
		cfg.clients, time.Since(t0).Seconds(), mode, cfg.duration, cfg.writes*100, l.current().addr, cfg.seed)

	stop := make(chan struct{})
	start := time.Now()
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.loop(ctx, l.gate, l.rec, stop, cfg.writes, cfg.crash)
		}()
	}
	var problems []error
	var restarts []time.Duration
	if cfg.crash {
		var err error
		restarts, err = l.crashRounds(ctx, start)
		if err != nil {
			problems = append(problems, err)
		}
	}
	if len(problems) == 0 {
		select {
		case <-time.After(time.Until(start.Add(cfg.duration))):
		case <-ctx.Done():
			problems = append(problems, ctx.Err())
		}
	}
	close(stop)
	wg.Wait()
	elapsed := time.Since(start)
	if cfg.crash && len(problems) == 0 {
		c := l.rec.counts(l.gate.generation())
		fmt.Fprintf(l.out, "after the last restart: %d requests, %d acknowledged writes\n", c.requests, c.acks)
	}

	var stopErr error
	if len(l.servers) > 0 {
		select {
		case <-l.current().exited:
		default:
			stopErr = l.current().stop()
		}
	}
	l.rec.report(l.out, elapsed)
	l.reportMemory(idle, idleOK, restarts)
	l.reportCPU(elapsed)
	if n, last := l.lw.errorLines(); n > 0 {
		fmt.Fprintf(l.out, "server log: %d error lines, the last:\n  %s\n", n, strings.Join(last, "\n  "))
		problems = append(problems, fmt.Errorf("the server logged %d errors", n))
	}
	if n := l.rec.errorCount(); n > 0 {
		problems = append(problems, fmt.Errorf("%d requests got an unexpected answer", n))
	}
	if stopErr != nil {
		problems = append(problems, fmt.Errorf("final stop: %w", stopErr))
	}
	if err := verify(ctx, l.db, l.rec.acks, l.out); err != nil {
		problems = append(problems, err)
	}
	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	fmt.Fprintln(l.out, "PASS")
	return nil
}

func (l *loadRun) reportMemory(idle int64, idleOK bool, restarts []time.Duration) {
	if !idleOK {
		fmt.Fprintln(l.out, "memory: /proc not available here")
		return
	}
	var peak int64
	for _, s := range l.servers {
		peak = max(peak, s.peak())
	}
	fmt.Fprintf(l.out, "memory: idle VmRSS %s before load; peak VmHWM %s", mib(idle), mib(peak))
	if len(l.servers) > 1 {
		fmt.Fprintf(l.out, " (highest of %d server processes)", len(l.servers))
	}
	fmt.Fprintln(l.out)
	if len(restarts) > 0 {
		p := percentiles(restarts, 0.5, 1)
		fmt.Fprintf(l.out, "restart after SIGKILL: median %.0fms, max %.0fms (to a healthy /healthz)\n", ms64(p[0]), ms64(p[1]))
	}
}

// reportCPU prints the server's CPU time per request, a figure that holds
// better than requests per second on a machine shared with other work.
func (l *loadRun) reportCPU(elapsed time.Duration) {
	var cpu time.Duration
	for _, s := range l.servers {
		cpu += s.cpuTime()
	}
	n := l.rec.total()
	if cpu == 0 || n == 0 {
		return
	}
	fmt.Fprintf(l.out, "server CPU: %.1fs user+system in %.1fs (%.0f%% of one core), %.2fms per request\n",
		cpu.Seconds(), elapsed.Seconds(), 100*cpu.Seconds()/elapsed.Seconds(), ms64(cpu)/float64(n))
}
