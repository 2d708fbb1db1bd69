package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"puente/internal/auth"
	"puente/internal/gen"
	"puente/internal/procstat"
)

// target is one page wrk drives.
type target struct {
	name, path string
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, err := parseConfig(args, stdout)
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		return errors.New("wrk is not installed: run scripts/bench.sh, which installs Debian's wrk")
	}
	dir, err := filepath.Abs(filepath.Join(cfg.cacheDir, cfg.key()))
	if err != nil {
		return err
	}
	bin := filepath.Join(dir, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "building puente and puente-gen…")
	if out, err := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", bin+"/", "./cmd/puente", "./cmd/puente-gen").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w\n%s", err, out)
	}
	db := filepath.Join(dir, "bench.db")
	if err := generate(ctx, cfg, bin, db, stdout); err != nil {
		return err
	}
	logf, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		return err
	}
	defer logf.Close()

	// Cold starts first, on an idle machine: the median of cfg.starts.
	var starts []time.Duration
	for i := 0; i < cfg.starts; i++ {
		s, err := startServer(ctx, filepath.Join(bin, "puente"), db, logf)
		if err != nil {
			return err
		}
		starts = append(starts, s.listened)
		s.stop()
	}
	slices.Sort(starts)

	s, err := startServer(ctx, filepath.Join(bin, "puente"), db, logf)
	if err != nil {
		return err
	}
	defer s.stop()
	cookie, casePath, err := signIn(ctx, s.base())
	if err != nil {
		return err
	}
	time.Sleep(2 * time.Second) // let start-up work settle before reading idle memory
	_, idle := s.memory()
	targets := []target{
		{"case list (default sort)", "/cases"},
		{"case list (by next due)", "/cases?sort=next_due"},
		{"one case page", casePath},
		{"group home page", "/"},
	}
	var rows []string
	for _, t := range targets {
		for _, c := range cfg.conns {
			fmt.Fprintf(stdout, "wrk %s at %d connections for %s…\n", t.path, c, cfg.duration)
			cpu0 := s.cpu()
			r, err := runWrk(ctx, s.base()+t.path, cookie, c, cfg.duration)
			if err != nil {
				return err
			}
			cpuPerReq := time.Duration(0)
			if r.requests > 0 {
				cpuPerReq = (s.cpu() - cpu0) / time.Duration(r.requests)
			}
			rows = append(rows, fmt.Sprintf("| %s | %d | %.0f | %s | %s | %d | %d |", t.name, c, r.reqPerS,
				ms(r.p50), ms(r.p99), cpuPerReq.Microseconds(), r.non2xx+r.errors))
		}
	}
	peak, _ := s.memory()
	report := renderReport(cfg, db, starts, idle, peak, rows)
	fmt.Fprint(stdout, "\n"+report)
	if cfg.out != "" {
		f, err := os.OpenFile(cfg.out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := io.WriteString(f, "\n"+report); err != nil {
			return err
		}
	}
	return nil
}

// generate fills db with puente-gen unless a database for these parameters
// is already cached.
func generate(ctx context.Context, cfg config, bin, db string, stdout io.Writer) error {
	if _, err := os.Stat(db); err == nil && !cfg.regen {
		fmt.Fprintf(stdout, "using the cached database %s (-regen makes it again)\n", db)
		return nil
	}
	for _, f := range []string{db, db + "-wal", db + "-shm", db + ".key"} {
		_ = os.Remove(f)
	}
	fmt.Fprintf(stdout, "generating %s…\n", db)
	cmd := exec.CommandContext(ctx, filepath.Join(bin, "puente-gen"), cfg.genArgs(db)...)
	cmd.Stdout, cmd.Stderr = stdout, stdout
	return cmd.Run()
}

var caseLinkRE = regexp.MustCompile(`href="(/cases/[A-Za-z0-9_-]{6,})"`)

// signIn signs in as the first group's coordinator and returns the session
// cookie (as a Cookie header value) and the address of one of its cases.
func signIn(ctx context.Context, base string) (string, string, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := url.Values{"email": {coordinatorEmail}, "password": {genPassword}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	if err != nil {
		return "", "", err
	}
	res.Body.Close()
	if res.StatusCode == http.StatusSeeOther && res.Header.Get("Location") == "/login/code" {
		// A coordinator gives a code from puente-gen's authenticator key.
		code, err := (&auth.Authenticator{}).Code(ctx, coordinatorEmail, gen.TOTPSecret)
		if err != nil {
			return "", "", err
		}
		form = url.Values{"code": {code}}
		req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+"/login/code", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if res, err = c.Do(req); err != nil {
			return "", "", err
		}
		res.Body.Close()
	}
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		return "", "", fmt.Errorf("sign in as %s: status %d to %q, want 303 to /", coordinatorEmail, res.StatusCode, res.Header.Get("Location"))
	}
	u, _ := url.Parse(base)
	var cookies []string
	for _, ck := range jar.Cookies(u) {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	req, _ = http.NewRequestWithContext(ctx, http.MethodGet, base+"/cases", nil)
	res, err = c.Do(req)
	if err != nil {
		return "", "", err
	}
	var body bytes.Buffer
	_, _ = body.ReadFrom(res.Body)
	res.Body.Close()
	m := caseLinkRE.FindSubmatch(body.Bytes())
	if res.StatusCode != http.StatusOK || m == nil {
		return "", "", fmt.Errorf("/cases: status %d and no case link", res.StatusCode)
	}
	return strings.Join(cookies, "; "), string(m[1]), nil
}

// renderReport is the Markdown block for BENCHMARKS.md.
func renderReport(cfg config, db string, starts []time.Duration, idle, peak int64, rows []string) string {
	var b strings.Builder
	size := int64(0)
	if fi, err := os.Stat(db); err == nil {
		size = fi.Size()
	}
	commit, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	dirty, _ := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output()
	rev := strings.TrimSpace(string(commit))
	if len(dirty) > 0 {
		rev += " (with uncommitted changes)"
	}
	fmt.Fprintf(&b, "## %s, commit %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), rev)
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s, %s. Data: `puente-gen %s` (%.0f MiB).\n\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH,
		strings.Join(cfg.genArgs("DB")[2:], " "), float64(size)/(1<<20))
	fmt.Fprintf(&b, "Cold start (exec to listening, median of %d): %s (min %s, max %s). Memory: %s idle, %s peak.\n\n",
		len(starts), ms(starts[len(starts)/2]), ms(starts[0]), ms(starts[len(starts)-1]), procstat.MiB(idle), procstat.MiB(peak))
	fmt.Fprintf(&b, "wrk, %s per row, signed in as a group coordinator:\n\n", cfg.duration)
	b.WriteString("| request | connections | req/s | p50 | p99 | server CPU µs/req | errors |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	return b.String()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

// cpuModel is the processor's name from /proc/cpuinfo, or "unknown CPU".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
